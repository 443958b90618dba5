#pragma once

#include "store/eventfilter.h"

#include <QString>

#include <optional>

namespace billbridge::widgets {

// The event-browser filter that "Filter on this value" applies for one field of an event's JSON.
//
// `path` is the field's path in JsonTreeModel notation (`data.object.customer`), `scalarText` its value
// as JsonTreeModel::ValueTextRole gives it (strings unquoted and unescaped, numbers as sent,
// true/false/null; empty for objects and arrays), `isString` whether the JSON value is a string, and
// `objectType` the event's `data.object.object` ("invoice", "customer"…).
//
//   path                                         value            filter
//   -------------------------------------------  ---------------  --------------------------------------
//   type                                         string           types = {value}
//   data.object.customer, any `customer` key     string           customerId = value
//   data.object.id when objectType is customer   string           customerId = value
//   any key email, customer_email, receipt_email string           customerEmail = value (covers
//                                                                 customer_details.email,
//                                                                 billing_details.email)
//   any key livemode                             true/false       livemode
//   any key created                              integer seconds  createdFrom/createdTo: the local calendar
//                                                                 day containing it, [midnight, next
//                                                                 midnight)
//   anything else                                non-empty string text = value (the full-text index
//                                                                 tokenizes ids like in_1Abc as a phrase)
//   objects, arrays, null, other numbers and booleans, empty strings: std::nullopt
std::optional<store::EventFilter> filterForValue(const QString& path, const QString& scalarText,
                                                 bool isString, const QString& objectType = {});

} // namespace billbridge::widgets
