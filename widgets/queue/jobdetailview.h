#pragma once

#include "store/jobrecord.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace billbridge::widgets {

// One job in full: the exact request it sends (method, target, the headers it carries, the body as stored,
// laid out but never reordered), its keys, every attempt with Customer.io's answer, and the Stripe event
// that caused it. The Authorization header is named, never shown: the key is not part of the job.
class JobDetailView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobDetailView)

public:
    explicit JobDetailView(QWidget* parent = nullptr);
    ~JobDetailView() override;

    void setJob(const store::Job& job);
    // No job chosen, or it could not be read (`message` says why).
    void clear(const QString& message = {});
    std::optional<store::Job> job() const { return m_job; }

    // The request as the panel shows it: "PUT /api/v1/customers/cus_1", the headers, a blank line, the body.
    static QString requestText(const store::Job& job);

    QPlainTextEdit* requestView() const { return m_request; }
    QTableWidget* attemptsTable() const { return m_attempts; }
    QPushButton* showEventButton() const { return m_showEvent; }
    QLabel* summaryLabel() const { return m_summary; }

signals:
    // The operator wants to see the Stripe event that caused the job.
    void eventRequested(const QString& eventId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void fill();

    std::optional<store::Job> m_job;
    QString m_message;
    QLabel* m_summary = nullptr;
    QLabel* m_keys = nullptr;
    QPushButton* m_showEvent = nullptr;
    QLabel* m_requestTitle = nullptr;
    QPlainTextEdit* m_request = nullptr;
    QLabel* m_attemptsTitle = nullptr;
    QTableWidget* m_attempts = nullptr;
};

} // namespace billbridge::widgets
