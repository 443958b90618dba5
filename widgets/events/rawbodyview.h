#pragma once

#include "store/eventrecord.h"

#include <QByteArray>
#include <QWidget>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace billbridge::widgets {

// The bytes of one event exactly as Stripe sent them, with the Stripe-Signature header they came with.
// Nothing is reformatted unless the operator asks for pretty-printing, which only re-indents: keys stay
// in the order they were sent. The text is set once per event, so even a megabyte-sized body costs one
// layout pass rather than per-line work.
class RawBodyView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RawBodyView)

public:
    explicit RawBodyView(QWidget* parent = nullptr);
    ~RawBodyView() override;

    void setEvent(const store::StoredEvent& event);
    void clear();

    bool isPrettyPrinted() const;
    void setPrettyPrinted(bool pretty);
    bool wrapsLines() const;
    void setWrapsLines(bool wrap);

    // The text the body pane shows.
    QString displayedText() const;
    void copyBody() const;

    // Two-space indentation over the bytes as they are: whitespace outside strings is replaced, nothing
    // else changes, so keys keep their order and numbers their spelling. Malformed input still comes back
    // indented as far as its brackets allow.
    static QByteArray prettyPrinted(const QByteArray& raw);

private:
    void showBody();

    QByteArray m_raw;
    QByteArray m_pretty;
    bool m_prettyReady = false;
    QLabel* m_signature = nullptr;
    QLabel* m_size = nullptr;
    QCheckBox* m_prettyToggle = nullptr;
    QCheckBox* m_wrapToggle = nullptr;
    QPushButton* m_copyButton = nullptr;
    QPlainTextEdit* m_body = nullptr;
};

} // namespace billbridge::widgets
