#include "connections/slacktab.h"

#include "common/messagelabel.h"
#include "common/secretfield.h"
#include "connections/connectiontestpanel.h"
#include "customerio/customerioclient.h"
#include "secrets/secretstore.h"
#include "slack/slackclient.h"
#include "slack/slackwebhooks.h"
#include "store/auditlog.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPushButton>
#include <QShowEvent>
#include <QThread>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace billbridge::widgets {

namespace {

Q_LOGGING_CATEGORY(lcSlackTab, "billbridge.widgets.connections.slack")

// The stored list of names, as billbridge-cli writes it: one per line.
QStringList namesIn(const QByteArray& list)
{
    QStringList names;
    for (const QByteArray& line : list.split('\n')) {
        const QString name = SlackTab::usableName(QString::fromUtf8(line));
        if (!name.isEmpty() && !names.contains(name))
            names.append(name);
    }
    return names;
}

QByteArray listOf(const QStringList& names)
{
    QByteArray list;
    for (const QString& name : names)
        list += name.toUtf8() + '\n';
    return list;
}

} // namespace

SlackTab::SlackTab(secrets::SecretStore* keychain, QString storePath, QWidget* parent)
    : QWidget(parent)
    , m_keychain(keychain)
    , m_storePath(std::move(storePath))
{
    setObjectName(QStringLiteral("slackTab"));
    m_confirm = [](QWidget* parent, const QString& title, const QString& text) {
        return QMessageBox::question(parent, title, text) == QMessageBox::Yes;
    };

    auto* layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("slackWebhookList"));
    m_list->setColumnCount(ColumnCount);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->header()->setStretchLastSection(true);
    m_list->setColumnWidth(NameColumn, 150);
    m_list->setColumnWidth(AddressColumn, 220);
    layout->addWidget(m_list, 1);

    auto* form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("slackNameField"));
    m_nameProblem = new QLabel(this);
    m_nameProblem->setObjectName(QStringLiteral("slackNameProblem"));
    m_nameProblem->setWordWrap(true);
    auto* nameColumn = new QVBoxLayout;
    nameColumn->setSpacing(2);
    nameColumn->addWidget(m_name);
    nameColumn->addWidget(m_nameProblem);
    m_nameLabel = new QLabel(this);
    form->addRow(m_nameLabel, nameColumn);
    m_url = new SecretField(this);
    m_url->setObjectName(QStringLiteral("slackUrlField"));
    m_urlProblem = new QLabel(this);
    m_urlProblem->setObjectName(QStringLiteral("slackUrlProblem"));
    m_urlProblem->setWordWrap(true);
    auto* urlColumn = new QVBoxLayout;
    urlColumn->setSpacing(2);
    urlColumn->addWidget(m_url);
    urlColumn->addWidget(m_urlProblem);
    m_urlLabel = new QLabel(this);
    form->addRow(m_urlLabel, urlColumn);
    layout->addLayout(form);

    auto* buttons = new QHBoxLayout;
    m_add = new QPushButton(this);
    m_add->setObjectName(QStringLiteral("slackAddButton"));
    m_replace = new QPushButton(this);
    m_replace->setObjectName(QStringLiteral("slackReplaceButton"));
    m_remove = new QPushButton(this);
    m_remove->setObjectName(QStringLiteral("slackRemoveButton"));
    buttons->addWidget(m_add);
    buttons->addWidget(m_replace);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("slackStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    m_testPanel = new ConnectionTestPanel(QStringLiteral("slack"), this);
    layout->addWidget(m_testPanel);

    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (item != nullptr)
            m_name->setText(item->text(NameColumn));
    });
    connect(m_name, &QLineEdit::textChanged, this, &SlackTab::validate);
    connect(m_url, &SecretField::textChanged, this, &SlackTab::validate);
    connect(m_add, &QPushButton::clicked, this, &SlackTab::addWebhook);
    connect(m_replace, &QPushButton::clicked, this, &SlackTab::replaceUrl);
    connect(m_remove, &QPushButton::clicked, this, &SlackTab::removeWebhook);
    connect(m_testPanel->testButton(), &QPushButton::clicked, this, &SlackTab::testWebhook);
    connect(m_testPanel->cancelButton(), &QPushButton::clicked, this, &SlackTab::cancelTest);

    retranslate();
    showMessage(m_status, {}, false);
    updateButtons();
}

SlackTab::~SlackTab()
{
    // The client's answers are queued to this object; once the thread has stopped none can come.
    if (m_testThread != nullptr) {
        m_testThread->quit();
        m_testThread->wait();
        delete m_client;
    }
}

void SlackTab::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SlackTab::showEvent(QShowEvent* event)
{
    if (!m_loadStarted)
        reload();
    QWidget::showEvent(event);
}

void SlackTab::retranslate()
{
    m_intro->setText(
        tr("Rules post to Slack through incoming webhooks, each known by a name. A webhook's URL "
           "is a secret: it is kept in the keychain and never shown again. Changes here are "
           "saved at once."));
    m_list->setHeaderLabels({tr("Name"), tr("Posts to"), tr("Kept in")});
    m_nameLabel->setText(tr("Name:"));
    m_name->setPlaceholderText(tr("billing-alerts"));
    m_urlLabel->setText(tr("Webhook URL:"));
    m_url->setPlaceholderText(tr("https://hooks.slack.com/services/…"));
    m_add->setText(tr("Add"));
    m_add->setToolTip(tr("Store a new webhook under this name"));
    m_replace->setText(tr("Replace URL"));
    m_replace->setToolTip(tr("Store a new URL for the webhook with this name"));
    m_remove->setText(tr("Remove…"));
    m_remove->setToolTip(tr("Remove the webhook with this name from the keychain"));
    m_testPanel->testButton()->setText(tr("Test"));
    m_testPanel->testButton()->setToolTip(tr("Post a short test message to the webhook's channel"));
    fillList();
}

QString SlackTab::usableName(const QString& text)
{
    const QString name = text.trimmed().toLower();
    return slack::isValidWebhookName(name) ? name : QString();
}

void SlackTab::setEnvironment(const QProcessEnvironment& environment)
{
    m_environment = environment;
    if (m_loadStarted)
        reload();
}

bool SlackTab::allowsLoopback() const
{
    return slack::loopbackAllowedBy(m_environment);
}

QStringList SlackTab::webhookNames() const
{
    QStringList names;
    for (const auto& [name, webhook] : m_webhooks)
        names.append(name);
    return names;
}

const SlackTab::Webhook* SlackTab::webhook(const QString& name) const
{
    const auto found = m_webhooks.find(name);
    return found == m_webhooks.end() ? nullptr : &found->second;
}

void SlackTab::reload()
{
    if (m_pendingReads > 0) {
        m_reloadWanted = true; // the read under way may have missed a change or the new environment
        return;
    }
    m_loadStarted = true;
    m_webhooks.clear();
    m_keychainNames.clear();
    m_loadProblem.clear();
    ++m_pendingReads;
    if (m_keychain == nullptr) {
        finishRead();
        return;
    }
    m_keychain->read(
        slack::kWebhookNamesKey,
        [this](const secrets::SecretResult& result) {
            if (result.isOk()) {
                m_keychainNames = namesIn(result.value);
                for (const QString& name : std::as_const(m_keychainNames))
                    readUrl(name);
            } else if (result.status != secrets::SecretResult::Status::NotFound) {
                m_loadProblem = result.error;
            }
            finishRead();
        },
        this);
}

void SlackTab::readUrl(const QString& name)
{
    ++m_pendingReads;
    m_keychain->read(
        slack::webhookKey(name),
        [this, name](const secrets::SecretResult& result) {
            Webhook webhook{name, {}, false, {}};
            if (result.isOk()) {
                // Checked when it was stored; a loopback address was allowed then on purpose.
                const QString text = QString::fromUtf8(result.value).trimmed();
                if (const QString problem = slack::validateWebhookUrl(text, true); problem.isEmpty())
                    webhook.url = QUrl(text);
                else
                    webhook.problem = problem;
            } else if (result.status == secrets::SecretResult::Status::NotFound) {
                webhook.problem = tr("Listed, but its URL is missing from the keychain: enter the URL and "
                                     "choose Replace URL.");
            } else {
                webhook.problem = result.error;
            }
            m_webhooks[name] = webhook;
            finishRead();
        },
        this);
}

void SlackTab::finishRead()
{
    if (--m_pendingReads > 0)
        return;
    // The environment overrides the keychain name by name, as delivery reads it.
    for (const QString& variable : m_environment.keys()) {
        if (!variable.startsWith(slack::kWebhookVariablePrefix))
            continue;
        const QString value = m_environment.value(variable).trimmed();
        if (value.isEmpty())
            continue;
        QString name;
        for (const QString& stored : std::as_const(m_keychainNames)) {
            if (slack::webhookVariable(stored) == variable)
                name = stored;
        }
        if (name.isEmpty())
            name = usableName(variable.mid(slack::kWebhookVariablePrefix.size()));
        if (name.isEmpty())
            continue;
        Webhook webhook{name, {}, true, {}};
        if (const QString problem = slack::validateWebhookUrl(value, allowsLoopback()); problem.isEmpty())
            webhook.url = QUrl(value);
        else
            webhook.problem = problem;
        m_webhooks[name] = webhook;
    }
    fillList();
    if (m_reloadWanted) {
        m_reloadWanted = false;
        reload();
        return;
    }
    emit loaded();
}

void SlackTab::fillList()
{
    if (m_list == nullptr)
        return;
    const QString current = m_name->text();
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const auto& [name, webhook] : m_webhooks) {
        auto* item = new QTreeWidgetItem(m_list);
        item->setText(NameColumn, name);
        item->setText(AddressColumn,
                      webhook.url.isEmpty() ? tr("not usable") : slack::maskedWebhookUrl(webhook.url));
        if (!webhook.problem.isEmpty())
            item->setToolTip(AddressColumn, webhook.problem);
        if (webhook.fromEnvironment) {
            item->setText(OriginColumn, tr("environment (%1), read-only").arg(slack::webhookVariable(name)));
            item->setToolTip(OriginColumn,
                             tr("Set outside Billbridge; change or unset the variable to change "
                                "it. It overrides a keychain entry of the same name."));
        } else {
            item->setText(OriginColumn, tr("keychain"));
        }
    }
    if (!m_loadProblem.isEmpty())
        showMessage(m_status,
                    tr("The webhooks kept in the keychain could not be read: %1").arg(m_loadProblem), true);
    else if (m_webhooks.empty() && m_pendingReads == 0 && !m_saving && m_status->text().isEmpty())
        showMessage(m_status, tr("No Slack webhooks yet. Add one to let rules post to Slack."), false);
    selectName(usableName(current));
    validate();
}

void SlackTab::selectName(const QString& name)
{
    const QSignalBlocker blocker(m_list);
    m_list->clearSelection();
    m_list->setCurrentItem(nullptr);
    for (int row = 0; row < m_list->topLevelItemCount(); ++row) {
        QTreeWidgetItem* item = m_list->topLevelItem(row);
        if (item->text(NameColumn) == name) {
            m_list->setCurrentItem(item);
            item->setSelected(true);
        }
    }
}

QString SlackTab::selectedName() const
{
    return usableName(m_name->text());
}

void SlackTab::validate()
{
    const QString text = m_name->text();
    const QString name = usableName(text);
    QString nameProblem;
    if (!text.trimmed().isEmpty() && name.isEmpty())
        nameProblem =
            tr("Use letters, digits, '-' and '_' only (at most 64), starting with a letter or digit, "
               "e.g. billing-alerts.");
    else if (const Webhook* existing = webhook(name); existing != nullptr && existing->fromEnvironment)
        nameProblem = tr("This webhook is set in the environment (%1); change it there.")
                          .arg(slack::webhookVariable(name));
    showMessage(m_nameProblem, nameProblem, true);
    const QString url = m_url->text();
    showMessage(m_urlProblem,
                url.trimmed().isEmpty() ? QString() : slack::validateWebhookUrl(url, allowsLoopback()), true);
    if (m_list != nullptr && !name.isEmpty())
        selectName(name);
    updateButtons();
}

void SlackTab::updateButtons()
{
    const QString name = selectedName();
    const Webhook* existing = webhook(name);
    const bool inKeychain = existing != nullptr && !existing->fromEnvironment;
    const bool urlUsable = !m_url->text().trimmed().isEmpty() &&
                           slack::validateWebhookUrl(m_url->text(), allowsLoopback()).isEmpty();
    const bool idle = m_keychain != nullptr && !isLoading() && !m_saving;
    m_add->setEnabled(idle && !name.isEmpty() && existing == nullptr && urlUsable);
    m_replace->setEnabled(idle && inKeychain && urlUsable);
    m_remove->setEnabled(idle && inKeychain);
    m_testPanel->setBusy(m_testing, existing != nullptr && !existing->url.isEmpty());
}

void SlackTab::addWebhook()
{
    const QString name = selectedName();
    if (!m_add->isEnabled() || name.isEmpty())
        return;
    store(name, m_url->text().trimmed(), false);
}

void SlackTab::replaceUrl()
{
    const QString name = selectedName();
    if (!m_replace->isEnabled() || name.isEmpty())
        return;
    store(name, m_url->text().trimmed(), true);
}

void SlackTab::store(const QString& name, const QString& url, bool replacing)
{
    m_saving = true;
    updateButtons();
    showMessage(m_status, tr("Saving to the %1…").arg(m_keychain->backendName()), false);
    const QString masked = slack::maskedWebhookUrl(QUrl(url));
    m_keychain->write(
        slack::webhookKey(name), url.toUtf8(),
        [this, name, masked, replacing](const secrets::SecretResult& written) {
            if (!written.isOk()) {
                finishChange(false, tr("The webhook \"%1\" was not saved: %2").arg(name, written.error));
                return;
            }
            // The list is read again rather than taken from the window: billbridge-cli may have changed it.
            m_keychain->read(
                slack::kWebhookNamesKey,
                [this, name, masked, replacing](const secrets::SecretResult& list) {
                    if (!list.isOk() && list.status != secrets::SecretResult::Status::NotFound) {
                        finishChange(false, tr("The URL of \"%1\" was saved but the list of webhook names "
                                               "could not be read: %2")
                                                .arg(name, list.error));
                        return;
                    }
                    const QStringList names = namesIn(list.value);
                    const auto done = [this, name, masked, replacing](bool ok, const QString& error) {
                        if (!ok) {
                            finishChange(false, tr("The URL of \"%1\" was saved but its name could not be "
                                                   "listed: %2")
                                                    .arg(name, error));
                            return;
                        }
                        record(name, replacing ? QStringLiteral("replaced") : QStringLiteral("set"));
                        m_url->setText(QString());
                        m_url->setRevealed(false);
                        finishChange(true,
                                     (replacing ? tr("Replaced the URL of the Slack webhook \"%1\" (%2) in "
                                                     "the %3.")
                                                : tr("Saved the Slack webhook \"%1\" (%2) in the %3."))
                                         .arg(name, masked, m_keychain->backendName()));
                    };
                    if (names.contains(name))
                        done(true, {});
                    else
                        writeNames(names + QStringList{name}, done);
                },
                this);
        },
        this);
}

void SlackTab::removeWebhook()
{
    const QString name = selectedName();
    if (!m_remove->isEnabled() || name.isEmpty())
        return;
    if (!m_confirm(this, tr("Remove Slack Webhook"),
                   tr("Remove the Slack webhook \"%1\" from the keychain? Rules that post to it fail until a "
                      "webhook of that name is added again.")
                       .arg(name)))
        return;
    m_saving = true;
    updateButtons();
    showMessage(m_status, tr("Removing from the %1…").arg(m_keychain->backendName()), false);
    m_keychain->remove(
        slack::webhookKey(name),
        [this, name](const secrets::SecretResult& removed) {
            if (!removed.isOk()) {
                finishChange(false, tr("The webhook \"%1\" was not removed: %2").arg(name, removed.error));
                return;
            }
            m_keychain->read(
                slack::kWebhookNamesKey,
                [this, name](const secrets::SecretResult& list) {
                    if (!list.isOk() && list.status != secrets::SecretResult::Status::NotFound) {
                        finishChange(false, tr("The URL of \"%1\" was removed but the list of webhook names "
                                               "could not be read: %2")
                                                .arg(name, list.error));
                        return;
                    }
                    QStringList names = namesIn(list.value);
                    names.removeAll(name);
                    writeNames(names, [this, name](bool ok, const QString& error) {
                        if (!ok) {
                            finishChange(false, tr("The URL of \"%1\" was removed but the list of webhook "
                                                   "names could not be updated: %2")
                                                    .arg(name, error));
                            return;
                        }
                        record(name, QStringLiteral("cleared"));
                        m_name->clear();
                        finishChange(true, tr("Removed the Slack webhook \"%1\" from the %2.")
                                               .arg(name, m_keychain->backendName()));
                    });
                },
                this);
        },
        this);
}

void SlackTab::writeNames(const QStringList& names, std::function<void(bool ok, const QString& error)> done)
{
    const auto finished = [done = std::move(done)](const secrets::SecretResult& result) {
        done(result.isOk(), result.error);
    };
    if (names.isEmpty())
        m_keychain->remove(slack::kWebhookNamesKey, finished, this);
    else
        m_keychain->write(slack::kWebhookNamesKey, listOf(names), finished, this);
}

void SlackTab::finishChange(bool ok, const QString& message)
{
    m_saving = false;
    reload();
    showMessage(m_status, message, !ok);
    updateButtons();
    emit changeFinished(ok);
}

void SlackTab::record(const QString& name, const QString& change) const
{
    if (m_storePath.isEmpty())
        return;
    // The key names the webhook; its URL (the secret) is never part of the entry.
    const QJsonObject details{{QStringLiteral("fields"), QJsonObject{{slack::webhookKey(name), change}}},
                              {QStringLiteral("kept"), QStringLiteral("keychain")}};
    // Off the UI thread: the store may be busy with intake for a moment.
    (void)QtConcurrent::run([path = m_storePath, details] {
        try {
            store::AuditLog::open(path).record(QString(), QStringLiteral("connections.set"),
                                               QStringLiteral("slack"), details);
        } catch (const store::StoreError& error) {
            qCWarning(lcSlackTab) << "Slack webhook change not recorded in the audit log:" << error.message();
        }
    });
}

void SlackTab::testWebhook()
{
    const QString name = selectedName();
    const Webhook* target = webhook(name);
    if (m_testing || target == nullptr || target->url.isEmpty())
        return;
    if (m_testThread == nullptr) {
        // The delivery's own client, on a thread of its own so that nothing it does waits on the window.
        m_testThread = new QThread(this);
        m_testThread->setObjectName(QStringLiteral("slackTest"));
        m_client = new slack::SlackClient;
        m_client->moveToThread(m_testThread);
        m_testThread->start();
    }
    m_testing = true;
    const quint64 test = ++m_testNumber;
    updateButtons();
    m_testPanel->showResult(tr("Posting a test message to \"%1\"…").arg(name), false);
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("text"),
                                   tr("Billbridge test message: the webhook \"%1\" works.").arg(name)}})
            .toJson(QJsonDocument::Compact);
    slack::SlackClient* client = m_client;
    QMetaObject::invokeMethod(
        client,
        [this, client, test, name, url = target->url, body] {
            client->post(url, body, [this, test, name](const customerio::CustomerIoResult& result) {
                QMetaObject::invokeMethod(
                    this, [this, test, name, result] { onTestAnswer(test, name, result); },
                    Qt::QueuedConnection);
            });
        },
        Qt::QueuedConnection);
}

void SlackTab::cancelTest()
{
    if (!m_testing)
        return;
    ++m_testNumber;
    m_testing = false;
    slack::SlackClient* client = m_client;
    QMetaObject::invokeMethod(
        client, [client] { client->abortAll(); }, Qt::QueuedConnection);
    m_testPanel->showResult(tr("Test cancelled."), false);
    updateButtons();
}

void SlackTab::onTestAnswer(quint64 test, const QString& name, const customerio::CustomerIoResult& result)
{
    if (test != m_testNumber)
        return;
    m_testing = false;
    updateButtons();
    if (result.ok()) {
        m_testPanel->showResult(
            tr("Slack accepted the test message (HTTP %1); it should show in the webhook's channel.")
                .arg(result.httpStatus),
            false);
        emit testFinished(true);
        return;
    }
    const customerio::CustomerIoError& error = *result.error;
    const QString said = error.messages.isEmpty() ? QString() : error.messages.join(QStringLiteral(", "));
    QString text;
    if (error.httpStatus == 404 || error.httpStatus == 410)
        text =
            tr("Slack does not know this webhook (HTTP %1 %2): it was removed or disabled in Slack. Create a "
               "new incoming webhook in the Slack app, then enter its URL here and choose Replace URL.")
                .arg(error.httpStatus)
                .arg(said);
    else if (error.httpStatus == 403)
        text = tr("Slack refused the webhook (HTTP 403 %1): its token was revoked or posting to the channel "
                  "is not allowed. Create a new incoming webhook in the Slack app and replace the URL.")
                   .arg(said);
    else if (error.httpStatus == 0)
        text = tr("Slack could not be reached (%1). Check this computer's network connection and proxy "
                  "settings, then test again.")
                   .arg(error.summary());
    else
        text = tr("Slack did not take the test message: %1").arg(error.summary());
    qCInfo(lcSlackTab) << "test of Slack webhook" << name << "failed:" << error.summary();
    m_testPanel->showResult(text.simplified(), true);
    emit testFinished(false);
}

} // namespace billbridge::widgets
