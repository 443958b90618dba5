#pragma once

#include "rules/rule.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

#include <string>
#include <vector>

namespace billbridge::rules {

// The part of a stored Stripe event that a set of rules can look at, read from the raw payload without
// parsing the rest: a Stripe event is kilobytes of JSON of which a rule reads a dozen values. Every path a
// condition, an action source, a placeholder or a derived value reads is kept with its whole value, so that
// RuleEngine gives the projected event the same answer as the full one; whatever no rule can read is
// skipped. Malformed JSON gives what QJsonDocument gives (an empty object).
class EventProjection final {
public:
    explicit EventProjection(const QList<Rule>& rules);

    QJsonObject project(const QByteArray& raw) const;

private:
    struct Node {
        std::vector<std::pair<std::string, int>> children; // key -> node index
        bool whole = false;                                // keep the value as it is
    };
    void keep(const QString& dottedPath);
    void keepDerived(const QString& name);
    int child(int node, const std::string& key);

    std::vector<Node> m_nodes; // m_nodes[0] is the event itself

    friend class EventProjector;
};

} // namespace billbridge::rules
