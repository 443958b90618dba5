#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace billbridge::stripe {

// How far a backfill got, kept in intake_state under key() as JSON and written in the same transaction as
// each page of events, so that after an interruption the next run continues exactly after the last page
// that reached the disk.
struct BackfillState {
    std::int64_t since = 0; // Unix seconds: the oldest `created` the backfill asks for
    QString sinceLabel;     // the --since text as typed ("30d"), to recognise a repeated command
    QStringList types;      // the type filter, sorted; empty for all events
    QString cursor;         // id of the oldest event stored so far; the walk continues after it
    std::int64_t stored = 0;
    std::int64_t duplicates = 0;
    std::int64_t skipped = 0; // events Stripe listed that are not snapshot events Billbridge can read
    std::int64_t pages = 0;
    std::int64_t newestCreated = 0;  // `created` of the first event of the walk
    std::int64_t reachedCreated = 0; // `created` of the oldest event stored so far
    QDateTime started;
    QDateTime completed; // null while unfinished

    static QString key() { return QStringLiteral("backfill.state"); }

    bool isComplete() const { return completed.isValid(); }
    // Same question asked again: the same types and the same --since (as typed when a label is known, so
    // that "30d" a minute later still resumes, otherwise the same instant).
    bool sameRequest(std::int64_t otherSince, const QString& otherLabel, const QStringList& otherTypes) const;
    // Share of the span [since, newestCreated] walked so far, 0…1.
    double fractionDone() const;

    QString toJson() const;
    static std::optional<BackfillState> fromJson(const QString& json);
    static QStringList normaliseTypes(QStringList types);
};

} // namespace billbridge::stripe
