#pragma once

#include "sync/syncplanner.h"

#include <QSettings>
#include <QStringList>

namespace billbridge::sync {

// Operators rename the profile attributes and custom events Billbridge sends (to match names their
// Customer.io workspace already uses) and change the history horizon, in the console's settings file —
// the one place both the console and billbridge-cli read:
//
//   [sync]
//   horizonHours=72                      ; 1 … 720; events older than this update attributes only
//   attributes/plan_name=plan            ; key: the default name, value: the name to send instead
//   events/payment_failed=invoice_failed ; likewise for custom events
//   identityLookup=true                  ; look a new customer's email up in Customer.io (identity
//   resolution) emailAsId=false                      ; address people by email instead of the Stripe customer
//   id
//
// A name must be 1 … 150 bytes of UTF-8 without control characters and not start with '_' (Customer.io
// reserves those); two attributes (or two events) may not share a name. A bad entry is reported in
// `problems` and its default is kept, so a typo never stops the sync.
struct SyncSettings {
    SyncOptions options;
    QStringList problems;

    static SyncSettings read(QSettings& settings);
    static SyncSettings read(); // the application's settings
};

// Every default attribute or event name with a pointer to the member that holds it, for tools and docs.
QList<std::pair<QString, QString AttributeNames::*>> attributeNameMembers();
QList<std::pair<QString, QString EventNames::*>> eventNameMembers();

} // namespace billbridge::sync
