#include "clirun.h"

#include "textfiles.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTest>

namespace billbridge::test {

QList<QByteArray> CliRun::lines() const
{
    return linesOf(out);
}

QString CliRun::diagnostics() const
{
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3")
        .arg(exitCode)
        .arg(QString::fromUtf8(out.left(2000)), QString::fromUtf8(err));
}

CliRun runCli(const QStringList& arguments, const QString& dataHome,
              const QHash<QString, QString>& environment)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("BILLBRIDGE_DB"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome);
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    for (auto it = environment.begin(); it != environment.end(); ++it)
        env.insert(it.key(), it.value());

    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(BILLBRIDGE_CLI_PATH), arguments);
    CliRun result;
    if (!process.waitForStarted(10000) || !process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished(5000);
        result.err = "billbridge-cli did not finish: " + process.errorString().toUtf8();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

quint16 startServe(QProcess& process, const QString& db, const QStringList& extra,
                   const QProcessEnvironment& environment)
{
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(BILLBRIDGE_CLI_PATH),
                  QStringList{QStringLiteral("serve"), QStringLiteral("--db"), db, QStringLiteral("--listen"),
                              QStringLiteral("127.0.0.1:0")} +
                      extra);
    if (!process.waitForStarted(10000))
        return 0;
    static const QRegularExpression listening(QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)/"));
    QByteArray log;
    QRegularExpressionMatch match;
    const bool found = QTest::qWaitFor(
        [&] {
            log += process.readAllStandardError();
            match = listening.match(QString::fromUtf8(log));
            return match.hasMatch() || process.state() == QProcess::NotRunning;
        },
        20000);
    if (!found || !match.hasMatch()) {
        qWarning() << "serve did not start:" << log;
        return 0;
    }
    return static_cast<quint16>(match.captured(1).toUInt());
}

} // namespace billbridge::test
