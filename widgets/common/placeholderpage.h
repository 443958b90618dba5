#pragma once

#include <QWidget>

class QLabel;

namespace billbridge::widgets {

// Stands in for a screen that a later version brings, so that the navigation already shows the whole
// console and nobody mistakes an empty page for missing data.
class PlaceholderPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlaceholderPage)

public:
    // `title` is the screen's (translated) name; the page keeps it up to date through setTitle().
    explicit PlaceholderPage(const QString& title, QWidget* parent = nullptr);

    void setTitle(const QString& title);
    QString message() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    QString m_titleText;
    QLabel* m_title = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace billbridge::widgets
