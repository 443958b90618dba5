#pragma once

// Shared by the rule reader (rule.cpp) and the rule validation (rulevalidation.cpp); not part of the API.

#include "rules/rule.h"

#include <QList>
#include <QString>

#include <utility>

namespace billbridge::rules::detail {

// An id or webhook name: 1-64 of a-z, 0-9, '_' and '-'.
bool isSlug(const QString& text);

// Collects problems of one rule with paths relative to it.
class Checker final {
public:
    Checker(QString ruleId, QList<RuleProblem>* out)
        : m_ruleId(std::move(ruleId))
        , m_out(out)
    {}
    void error(const QString& path, const QString& message)
    {
        add(RuleProblem::Severity::Error, path, message);
    }
    void warning(const QString& path, const QString& message)
    {
        add(RuleProblem::Severity::Warning, path, message);
    }
    bool failed() const { return m_errors > 0; }

private:
    void add(RuleProblem::Severity severity, const QString& path, const QString& message)
    {
        if (severity == RuleProblem::Severity::Error)
            ++m_errors;
        if (m_out)
            m_out->append(RuleProblem{severity, m_ruleId, path, message});
    }
    QString m_ruleId;
    QList<RuleProblem>* m_out;
    int m_errors = 0;
};

} // namespace billbridge::rules::detail
