#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

class QProcess;
class QProcessEnvironment;

namespace billbridge::test {

// How one run of billbridge-cli ended.
struct CliRun {
    int exitCode = -1; // -2 when it crashed, -1 when it did not finish
    QByteArray out;
    QByteArray err;

    QList<QByteArray> lines() const; // stdout, line by line
    QString diagnostics() const;     // for QVERIFY2 messages
};

// Runs the real billbridge-cli and waits for it (a minute at most). The developer's own store is never read
// or created: BILLBRIDGE_DB is unset and XDG_DATA_HOME is `dataHome`. `environment` is applied last, under
// the C.UTF-8 locale.
CliRun runCli(const QStringList& arguments, const QString& dataHome,
              const QHash<QString, QString>& environment = {});

// Starts `billbridge-cli serve --db DB --listen 127.0.0.1:0 <extra>` as `process` with `environment` and
// waits until it announces where it listens; returns that port, or 0 (with its log as a warning) when it did
// not start.
quint16 startServe(QProcess& process, const QString& db, const QStringList& extra,
                   const QProcessEnvironment& environment);

} // namespace billbridge::test
