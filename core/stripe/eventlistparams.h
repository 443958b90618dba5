#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace billbridge::stripe {

// The query of GET /v1/events. Cursors are event ids and exclusive; Stripe answers newest first.
struct EventListParams {
    static constexpr int kMaxLimit = 100;
    static constexpr int kMaxTypes = 20;

    int limit = kMaxLimit;                  // 1–100
    QString startingAfter;                  // walk towards older events (next cursor: the page's last id)
    QString endingBefore;                   // walk towards newer events (next cursor: the page's first id)
    QStringList types;                      // up to 20 exact names, sent as types[0]=…, types[1]=…
    QString type;                           // one name or pattern with '*' (invoice.*); never with `types`
    std::optional<std::int64_t> createdGte; // Unix seconds, inclusive
    std::optional<std::int64_t> createdLt;  // Unix seconds, exclusive

    // Sorts a user's list of names into `types` (exact names) or `type` (a single pattern). Returns what is
    // wrong when the list cannot be expressed in one request; empty on success.
    QString setTypeFilter(const QStringList& namesOrPattern);
    // The filter as a list again (for state files and messages).
    QStringList typeFilter() const;

    // Empty when Stripe would accept the parameters; otherwise what is wrong.
    QString validate() const;

    // The query string as Stripe's official client writes it: fixed key order, indexed brackets left
    // literal (types[0]), values percent-encoded ('*' as %2A).
    QByteArray toQuery() const;
};

} // namespace billbridge::stripe
