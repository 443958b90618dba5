#include "clicommon.h"
#include "connectionscommon.h"
#include "secrets/keychainsecretstore.h"
#include "store/auditlog.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QProcessEnvironment>

#include <cstdio>
#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <string>

#ifdef Q_OS_UNIX
#include <csignal>
#include <termios.h>
#include <unistd.h>
#endif

namespace billbridge::cli {

namespace connectionscli {

namespace {

using Action = std::function<int(const QStringList&)>;

const char* kConnectionsUsage = R"(usage: billbridge-cli connections <action> [<service>] [options]

Actions:
  show [stripe|slack] show the configured credentials (masked), where each comes from, TEST/LIVE
                      and any problem; exits 0 only when everything needed is configured and usable
  set stripe          store the Stripe API key and webhook signing secret(s) in the keychain
  clear stripe        remove the Stripe credentials from the keychain
  test stripe         ask Stripe whether the API key works
  set slack NAME      store the URL of a Slack incoming webhook under NAME (rules post to it by name)
  clear slack NAME    remove that webhook from the keychain
  test slack NAME     check the webhook's configuration; posts a message only with --send-test-message

Secrets are never accepted as arguments (other users could read them in the process list, and the
shell would keep them in its history). 'set' prompts for them with the input hidden when run in a
terminal, and otherwise reads them from standard input: the API key on the first line, then one or
more webhook signing secrets (whsec_...), one per line.

A Slack webhook URL is a secret too: 'set slack' reads it from a hidden prompt or standard input,
and it is never shown again (only hooks.slack.com/services/•••).

The environment variables STRIPE_API_KEY and STRIPE_WEBHOOK_SECRET (several secrets separated by
commas) and BILLBRIDGE_SLACK_WEBHOOK_<NAME> override the keychain, for headless use.

Run 'billbridge-cli connections <action> stripe|slack --help' for an action's options.
)";

} // namespace

void printField(const QString& label, const QStringList& values)
{
    const QString head = QStringLiteral("  %1").arg(label + QLatin1Char(':'), -18);
    for (qsizetype i = 0; i < values.size(); ++i)
        printOut((i == 0 ? head : QString(head.size(), QLatin1Char(' '))) + values.at(i));
}

QString quotedIfShort(const QString& word)
{
    constexpr qsizetype kLongestEchoed = 20;
    return word.size() <= kLongestEchoed ? QStringLiteral("'%1' ").arg(word) : QString();
}

bool environmentHas(const char* variable)
{
    return !QProcessEnvironment::systemEnvironment().value(QLatin1String(variable)).isEmpty();
}

// Hidden terminal input ----------------------------------------------------------------------------

namespace {

#ifdef Q_OS_UNIX
termios g_savedTerminal;
volatile std::sig_atomic_t g_terminalChanged = 0;

// Ctrl+C at a hidden prompt must not leave the person's terminal without echo.
extern "C" void restoreTerminalAndReraise(int signalNumber)
{
    if (g_terminalChanged)
        tcsetattr(STDIN_FILENO, TCSANOW, &g_savedTerminal);
    std::signal(signalNumber, SIG_DFL);
    std::raise(signalNumber);
}

class HiddenInput final {
public:
    HiddenInput()
    {
        if (tcgetattr(STDIN_FILENO, &g_savedTerminal) != 0)
            return;
        struct sigaction action = {};
        action.sa_handler = restoreTerminalAndReraise;
        sigemptyset(&action.sa_mask);
        sigaction(SIGINT, &action, &m_previousInt);
        sigaction(SIGTERM, &action, &m_previousTerm);
        sigaction(SIGHUP, &action, &m_previousHup);
        termios hidden = g_savedTerminal;
        hidden.c_lflag &= ~tcflag_t(ECHO);
        hidden.c_lflag |= ECHONL;
        g_terminalChanged = 1;
        m_active = tcsetattr(STDIN_FILENO, TCSANOW, &hidden) == 0;
    }
    ~HiddenInput()
    {
        if (!g_terminalChanged)
            return;
        tcsetattr(STDIN_FILENO, TCSANOW, &g_savedTerminal);
        g_terminalChanged = 0;
        sigaction(SIGINT, &m_previousInt, nullptr);
        sigaction(SIGTERM, &m_previousTerm, nullptr);
        sigaction(SIGHUP, &m_previousHup, nullptr);
    }
    HiddenInput(const HiddenInput&) = delete;
    HiddenInput& operator=(const HiddenInput&) = delete;

    bool isActive() const { return m_active; }

private:
    struct sigaction m_previousInt = {};
    struct sigaction m_previousTerm = {};
    struct sigaction m_previousHup = {};
    bool m_active = false;
};
#endif

} // namespace

std::optional<QString> promptHidden(const QString& prompt)
{
    std::string line;
    bool ok = false;
    {
#ifdef Q_OS_UNIX
        // Echo goes off before the prompt appears, so nothing typed in answer to it is ever shown.
        HiddenInput hidden;
        if (!hidden.isActive()) {
            printError(QStringLiteral("cannot hide the input on this terminal; pipe the values on standard "
                                      "input instead."));
            return std::nullopt;
        }
#endif
        std::fputs(prompt.toLocal8Bit().constData(), stderr);
        std::fflush(stderr);
        ok = static_cast<bool>(std::getline(std::cin, line));
    }
    if (!ok)
        return std::nullopt;
    return QString::fromLocal8Bit(line.data(), qsizetype(line.size())).trimmed();
}

QStringList readStandardInputLines()
{
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return {};
    const QStringList lines = QString::fromUtf8(input.readAll()).split(QLatin1Char('\n'));
    QStringList values;
    for (const QString& line : lines) {
        const QString value = line.trimmed();
        if (!value.isEmpty())
            values.append(value);
    }
    return values;
}

// Credentials decide where events come from and where they go, so every change is recorded in the audit log
// of the store (--db): which connection and which fields, never a value. A failure to record it is reported
// but does not undo the change, which has already happened.
void addAuditStoreOption(QCommandLineParser& parser)
{
    parser.addOption(
        {QStringLiteral("db"),
         QStringLiteral("Store whose audit log records the change (default: $BILLBRIDGE_DB, else the "
                        "default store)."),
         QStringLiteral("path")});
}

void auditConnectionChange(const QCommandLineParser& parser, const QString& action, const QString& connection,
                           const QStringList& fields)
{
    try {
        store::AuditLog::open(databasePath(parser))
            .record(QString(), action, connection,
                    {{QStringLiteral("connection"), connection},
                     {QStringLiteral("fields"), QJsonArray::fromStringList(fields)}});
    } catch (const store::StoreError& error) {
        printError(QStringLiteral("the change was saved but could not be recorded in the audit log: %1")
                       .arg(error.message()));
    }
}

namespace {

int show(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Shows the configured credentials with masked values, where each comes from "
                       "(environment or keychain), TEST/LIVE mode and any problem. Exits with 0 when "
                       "everything needed is configured and usable, 3 otherwise."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("service"),
                                 QStringLiteral("'stripe' or 'slack'; both when omitted."),
                                 QStringLiteral("[stripe|slack]"));
    if (const auto exit = parseOrExit(parser, arguments))
        return *exit;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1 || (positional.size() == 1 && positional.first() != QLatin1String("stripe") &&
                                  positional.first() != QLatin1String("slack"))) {
        printError(
            QStringLiteral("'connections show' knows the services 'stripe' and 'slack' (see --help)."));
        return ExitUsage;
    }

    secrets::KeychainSecretStore keychain;
    if (positional == QStringList{QStringLiteral("slack")}) {
        const QStringList problems = showSlack(keychain, true);
        if (problems.isEmpty())
            return ExitOk;
        printOut(QStringLiteral("Problems:"));
        for (const QString& problem : problems)
            printOut(QStringLiteral("  - ") + problem);
        return ExitConfiguration;
    }
    const StripeSection stripe = showStripe(keychain);
    QStringList problems = stripe.problems;
    if (positional.isEmpty()) {
        printOut(QString());
        problems += showSlack(keychain, stripe.keychainConsulted);
        problems.removeDuplicates();
    }

    if (problems.isEmpty())
        return ExitOk;
    printOut(QStringLiteral("Problems:"));
    for (const QString& problem : problems)
        printOut(QStringLiteral("  - ") + problem);
    return ExitConfiguration;
}

// Actions per service; a new service (Customer.io) adds its own table here.
const std::map<QString, Action>& stripeActions()
{
    static const std::map<QString, Action> actions = {
        {QStringLiteral("set"), setStripe},
        {QStringLiteral("clear"), clearStripe},
        {QStringLiteral("test"), testStripe},
    };
    return actions;
}

const std::map<QString, Action>& slackActions()
{
    static const std::map<QString, Action> actions = {
        {QStringLiteral("set"), setSlack},
        {QStringLiteral("clear"), clearSlack},
        {QStringLiteral("test"), testSlack},
    };
    return actions;
}

const std::map<QString, const std::map<QString, Action>*>& services()
{
    static const std::map<QString, const std::map<QString, Action>*> table = {
        {QStringLiteral("stripe"), &stripeActions()},
        {QStringLiteral("slack"), &slackActions()},
    };
    return table;
}

} // namespace

} // namespace connectionscli

int runConnections(const QStringList& arguments)
{
    using namespace connectionscli;
    if (arguments.isEmpty() || arguments.first() == QLatin1String("--help") ||
        arguments.first() == QLatin1String("-h") || arguments.first() == QLatin1String("help")) {
        std::fputs(kConnectionsUsage, arguments.isEmpty() ? stderr : stdout);
        return arguments.isEmpty() ? ExitUsage : ExitOk;
    }
    QStringList rest = arguments;
    const QString action = rest.takeFirst();
    if (action == QLatin1String("show"))
        return show(rest);

    if (action != QLatin1String("set") && action != QLatin1String("clear") &&
        action != QLatin1String("test")) {
        printError(
            QStringLiteral("unknown action %1for 'connections'. Run 'billbridge-cli connections --help' "
                           "for the list.")
                .arg(quotedIfShort(action)));
        return ExitUsage;
    }
    if (rest.isEmpty() || rest.first().startsWith(QLatin1Char('-'))) {
        printError(
            QStringLiteral("'connections %1' needs a service, e.g. 'connections %1 stripe'.").arg(action));
        return ExitUsage;
    }
    const QString service = rest.takeFirst();
    const auto found = services().find(service);
    if (found == services().end()) {
        printError(
            QStringLiteral("unknown service %1for 'connections %2'; the known services are 'stripe' and "
                           "'slack'.")
                .arg(quotedIfShort(service), action));
        return ExitUsage;
    }
    const auto handler = found->second->find(action);
    if (handler == found->second->end()) {
        printError(QStringLiteral("'connections %1' is not available for '%2'.").arg(action, service));
        return ExitUsage;
    }
    return handler->second(rest);
}

} // namespace billbridge::cli
