#include "clicommon.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <functional>
#include <map>

namespace {

const char* kUsage = R"(usage: billbridge-cli <command> [options]

Commands:
  serve         receive Stripe webhooks, poll the Events API and deliver queued jobs to Customer.io
  backfill      import event history from Stripe's Events API (last 30 days)
  events list   list stored events (newest first)
  events show   print one stored event's raw payload
  events export write stored events to a JSON lines or CSV file (personal data masked)
  stats         summarise the store
  connections   set, show, test or clear the Stripe credentials
  demo create   generate a made-up Stripe history into a separate DEMO store
  queue stats   count Customer.io jobs per state; say whether the queue is paused
  queue list    list Customer.io jobs (filter by state, operation, customer, error, time)
  queue show    print one job's exact request and every attempt
  queue retry   send dead, needs_review or discarded jobs again (by id or --filter)
  queue discard make sure jobs are never sent (--reason required)
  queue resolve settle a needs_review job: --sent or --send-again
  queue pause   stop all workers from sending; 'queue resume' lets them go on
  queue work    deliver queued jobs to Customer.io (--until-idle to stop when done)
  mappings list     list the plan mappings (Stripe price or product id -> plan name)
  mappings set      map a price_… or prod_… id to a plan name, tier and interval label
  mappings remove   remove one mapping
  mappings import   add or update mappings from a CSV file (--dry-run, --replace)
  mappings export   write the mappings as CSV
  mappings unmapped list the prices seen in stored events that have no mapping
  rules list        list the dunning and lifecycle rules in evaluation order
  rules show        print one rule as JSON (--versions for its saved versions)
  rules import      add or update rules from a JSON file (--dry-run, --replace)
  rules export      write the rules as JSON
  rules enable / disable / remove   change one rule
  rules templates   list ready-made rules; --install ID adds one (disabled)
  rules test        show what each rule would do with one stored event
  rules whatif      count what rules would have done over the last --days N
  campaign list     list the workspace's transactional messages and broadcasts (App API)
  campaign send     queue a transactional message to customers (--dry-run prints the requests)
  campaign trigger  queue an API-triggered broadcast, optionally to chosen customers
  audit list        list recorded operator actions (filter by action, actor, text, time)
  audit show        print one audit entry with its before/after values and hashes
  audit verify      check the audit log's hash chain (exit 0 intact, 1 altered)
  audit export      write audit entries with their hashes as JSON lines or CSV
  resync            re-send the profiles of customers affected by a mapping change (--dry-run)
  identities list   how Stripe customers were matched to Customer.io people (--conflicts, --json)

Run 'billbridge-cli <command> --help' for a command's options.
)";

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Billbridge"));
    QCoreApplication::setOrganizationName(QStringLiteral("Billbridge"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BILLBRIDGE_VERSION));

    // Debug lines are for developers; QT_LOGGING_RULES still turns them on.
    QLoggingCategory::setFilterRules(QStringLiteral("billbridge.*.debug=false"));

    using namespace billbridge::cli;
    const std::map<QString, std::function<int(const QStringList&)>> commands = {
        {QStringLiteral("serve"), runServe},
        {QStringLiteral("backfill"), runBackfill},
        {QStringLiteral("events"), runEvents},
        {QStringLiteral("stats"), runStats},
        {QStringLiteral("connections"), runConnections},
        {QStringLiteral("demo"), runDemo},
        {QStringLiteral("queue"), runQueue},
        {QStringLiteral("mappings"), runMappings},
        {QStringLiteral("rules"), runRules},
        {QStringLiteral("campaign"), runCampaign},
        {QStringLiteral("audit"), runAudit},
        {QStringLiteral("resync"), runResync},
        {QStringLiteral("identities"), runIdentities},
    };

    QStringList arguments = QCoreApplication::arguments();
    arguments.removeFirst();
    if (arguments.isEmpty() || arguments.first() == QLatin1String("--help") ||
        arguments.first() == QLatin1String("-h") || arguments.first() == QLatin1String("help")) {
        std::fputs(kUsage, arguments.isEmpty() ? stderr : stdout);
        return arguments.isEmpty() ? ExitUsage : ExitOk;
    }
    if (arguments.first() == QLatin1String("--version")) {
        printOut(QStringLiteral("billbridge-cli ") + QCoreApplication::applicationVersion());
        return ExitOk;
    }
    const QString command = arguments.takeFirst();
    const auto found = commands.find(command);
    if (found == commands.end()) {
        printError(
            QStringLiteral("unknown command '%1'. Run 'billbridge-cli --help' for the list.").arg(command));
        return ExitUsage;
    }
    return found->second(arguments);
}
