#pragma once

#include "rules/rule.h"

#include <QList>

#include <functional>

namespace billbridge::widgets {

// Which rules the tester and the what-if try.
enum class RuleScope {
    AllRules,   // every stored rule in order, the one being edited as edited (saved or not)
    EditedRule, // only the rule being edited, as edited (even unsaved or disabled)
};

using RuleSource = std::function<QList<rules::Rule>(RuleScope scope)>;

} // namespace billbridge::widgets
