#pragma once

// What 'connections' shares between its dispatcher and the services' actions (connectionsstripe.cpp,
// connectionsslack.cpp).

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <optional>

namespace billbridge::secrets {
class KeychainSecretStore;
class SecretStore;
} // namespace billbridge::secrets

namespace billbridge::cli::connectionscli {

// Prints "  label  first" and further values aligned underneath.
void printField(const QString& label, const QStringList& values);
// Echoes a mistyped word back, unless it is long enough to be a pasted secret.
QString quotedIfShort(const QString& word);
bool environmentHas(const char* variable);
// A line typed at a prompt with the echo off; nullopt at end of input (Ctrl+D) or when echo cannot be
// turned off.
std::optional<QString> promptHidden(const QString& prompt);
// The non-empty lines of standard input, trimmed.
QStringList readStandardInputLines();

// Credentials decide where events come from and where they go, so every change is recorded in the audit log
// of the store (--db): which connection and which fields, never a value.
void addAuditStoreOption(QCommandLineParser& parser);
void auditConnectionChange(const QCommandLineParser& parser, const QString& action, const QString& connection,
                           const QStringList& fields);

int setStripe(const QStringList& arguments);
int clearStripe(const QStringList& arguments);
int testStripe(const QStringList& arguments);
// The Stripe section of 'connections show'.
struct StripeSection {
    QStringList problems;
    bool keychainConsulted = false;
};
StripeSection showStripe(secrets::KeychainSecretStore& keychain);

int setSlack(const QStringList& arguments);
int clearSlack(const QStringList& arguments);
int testSlack(const QStringList& arguments);
// The Slack section of 'connections show'; returns its problems.
QStringList showSlack(secrets::SecretStore& keychain, bool keychainProblemsCount);

} // namespace billbridge::cli::connectionscli
