#include "stripe/stripeevent.h"

#include "util/hexdigits.h"

#include <array>
#include <cmath>
#include <initializer_list>
#include <optional>

namespace billbridge::stripe {

namespace {

constexpr int kMaxDepth = 128;

// A validating single-pass JSON reader (RFC 8259) that keeps only the handful of values Billbridge
// indexes. Building a full document for every 3–6 KB webhook costs several times more, and the
// receiver's throughput is bounded by this path.
class EventScanner {
public:
    explicit EventScanner(const QByteArray& raw)
        : m_begin(raw.constData())
        , m_at(raw.constData())
        , m_end(raw.constData() + raw.size())
    {}

    bool scan()
    {
        skipSpace();
        if (m_at == m_end)
            return fail("the body is empty");
        const bool isObject = *m_at == '{';
        if (!value(0, isObject ? Slot::Root : Slot::None))
            return false;
        skipSpace();
        if (m_at != m_end)
            return fail("unexpected content after the JSON value");
        if (!isObject) {
            m_notAnObject = true;
            return false;
        }
        return true;
    }

    QString error() const { return m_error; }
    qsizetype errorOffset() const { return m_errorOffset; }
    bool notAnObject() const { return m_notAnObject; }

    // What was found; fields are unset when absent or of another type.
    std::optional<QString> id, object, type, apiVersion, account;
    std::optional<double> created;
    std::optional<bool> livemode;
    std::optional<QString> dataObjectId, dataObjectType, customerId, expandedCustomerId;
    std::optional<QString> email, customerEmail, receiptEmail, customerDetailsEmail, billingDetailsEmail;
    std::optional<QString> currency, status;
    std::optional<std::int64_t> amountDue, amountTotal, amount, total;
    bool customerIsObject = false;

private:
    enum class Slot {
        None,
        Root,
        Id,
        Object,
        Type,
        ApiVersion,
        Account,
        Created,
        Livemode,
        Data,
        DataObject,
        DataObjectId,
        DataObjectType,
        Customer,
        CustomerId,
        Email,
        CustomerEmail,
        ReceiptEmail,
        CustomerDetails,
        CustomerDetailsEmail,
        BillingDetails,
        BillingDetailsEmail,
        Currency,
        Status,
        AmountDue,
        AmountTotal,
        Amount,
        Total
    };

    bool fail(const char* reason)
    {
        if (m_error.isEmpty()) {
            m_error = QString::fromLatin1(reason);
            m_errorOffset = m_at - m_begin;
        }
        return false;
    }

    void skipSpace()
    {
        while (m_at < m_end && (*m_at == ' ' || *m_at == '\n' || *m_at == '\r' || *m_at == '\t'))
            ++m_at;
    }

    static Slot childSlot(Slot parent, QByteArrayView key)
    {
        switch (parent) {
        case Slot::Root:
            if (key == "id")
                return Slot::Id;
            if (key == "object")
                return Slot::Object;
            if (key == "type")
                return Slot::Type;
            if (key == "api_version")
                return Slot::ApiVersion;
            if (key == "account")
                return Slot::Account;
            if (key == "created")
                return Slot::Created;
            if (key == "livemode")
                return Slot::Livemode;
            if (key == "data")
                return Slot::Data;
            return Slot::None;
        case Slot::Data:
            return key == "object" ? Slot::DataObject : Slot::None;
        case Slot::DataObject:
            if (key == "id")
                return Slot::DataObjectId;
            if (key == "object")
                return Slot::DataObjectType;
            if (key == "customer")
                return Slot::Customer;
            if (key == "email")
                return Slot::Email;
            if (key == "customer_email")
                return Slot::CustomerEmail;
            if (key == "receipt_email")
                return Slot::ReceiptEmail;
            if (key == "customer_details")
                return Slot::CustomerDetails;
            if (key == "billing_details")
                return Slot::BillingDetails;
            if (key == "currency")
                return Slot::Currency;
            if (key == "status")
                return Slot::Status;
            if (key == "amount_due")
                return Slot::AmountDue;
            if (key == "amount_total")
                return Slot::AmountTotal;
            if (key == "amount")
                return Slot::Amount;
            if (key == "total")
                return Slot::Total;
            return Slot::None;
        case Slot::Customer:
            return key == "id" ? Slot::CustomerId : Slot::None;
        case Slot::CustomerDetails:
            return key == "email" ? Slot::CustomerDetailsEmail : Slot::None;
        case Slot::BillingDetails:
            return key == "email" ? Slot::BillingDetailsEmail : Slot::None;
        default:
            return Slot::None;
        }
    }

    void assignString(Slot slot, const QString& text)
    {
        switch (slot) {
        case Slot::Id:
            id = text;
            break;
        case Slot::Object:
            object = text;
            break;
        case Slot::Type:
            type = text;
            break;
        case Slot::ApiVersion:
            apiVersion = text;
            break;
        case Slot::Account:
            account = text;
            break;
        case Slot::DataObjectId:
            dataObjectId = text;
            break;
        case Slot::DataObjectType:
            dataObjectType = text;
            break;
        case Slot::Customer:
            customerId = text;
            break;
        case Slot::CustomerId:
            expandedCustomerId = text;
            break;
        case Slot::Email:
            email = text;
            break;
        case Slot::CustomerEmail:
            customerEmail = text;
            break;
        case Slot::ReceiptEmail:
            receiptEmail = text;
            break;
        case Slot::CustomerDetailsEmail:
            customerDetailsEmail = text;
            break;
        case Slot::BillingDetailsEmail:
            billingDetailsEmail = text;
            break;
        case Slot::Currency:
            currency = text;
            break;
        case Slot::Status:
            status = text;
            break;
        default:
            break;
        }
    }

    // `slot` says what the value is to the event.
    bool value(int depth, Slot slot)
    {
        if (depth > kMaxDepth)
            return fail("the JSON is nested too deeply");
        skipSpace();
        if (m_at == m_end)
            return fail("the JSON ends too early");
        switch (*m_at) {
        case '{':
            return objectValue(depth, slot);
        case '[':
            return arrayValue(depth);
        case '"': {
            QString text;
            const bool wanted = slot != Slot::None && slot != Slot::Root && slot != Slot::Created &&
                                slot != Slot::Livemode && slot != Slot::Data && slot != Slot::DataObject &&
                                slot != Slot::CustomerDetails && slot != Slot::BillingDetails &&
                                !isAmount(slot);
            if (!string(wanted ? &text : nullptr))
                return false;
            if (wanted)
                assignString(slot, text);
            return true;
        }
        case 't':
            return literal("true") && (slot == Slot::Livemode ? (livemode = true, true) : true);
        case 'f':
            return literal("false") && (slot == Slot::Livemode ? (livemode = false, true) : true);
        case 'n':
            return literal("null");
        default:
            return number(slot);
        }
    }

    static bool isAmount(Slot slot)
    {
        return slot == Slot::AmountDue || slot == Slot::AmountTotal || slot == Slot::Amount ||
               slot == Slot::Total;
    }

    void assignNumber(Slot slot, QByteArrayView text, bool integral)
    {
        if (slot == Slot::Created) {
            created = text.toDouble();
            return;
        }
        if (!isAmount(slot) || !integral)
            return;
        bool ok = false;
        const std::int64_t value = text.toLongLong(&ok);
        if (!ok)
            return;
        switch (slot) {
        case Slot::AmountDue:
            amountDue = value;
            break;
        case Slot::AmountTotal:
            amountTotal = value;
            break;
        case Slot::Amount:
            amount = value;
            break;
        case Slot::Total:
            total = value;
            break;
        default:
            break;
        }
    }

    bool objectValue(int depth, Slot slot)
    {
        ++m_at; // '{'
        if (slot == Slot::Customer)
            customerIsObject = true;
        skipSpace();
        if (m_at < m_end && *m_at == '}') {
            ++m_at;
            return true;
        }
        for (;;) {
            skipSpace();
            if (m_at == m_end || *m_at != '"')
                return fail("expected a quoted member name");
            const char* keyStart = m_at + 1;
            if (!string(nullptr))
                return false;
            const QByteArrayView key(keyStart, m_at - 1 - keyStart);
            skipSpace();
            if (m_at == m_end || *m_at != ':')
                return fail("expected ':' after a member name");
            ++m_at;
            if (!value(depth + 1, childSlot(slot, key)))
                return false;
            skipSpace();
            if (m_at == m_end)
                return fail("the JSON ends inside an object");
            if (*m_at == ',') {
                ++m_at;
                continue;
            }
            if (*m_at == '}') {
                ++m_at;
                return true;
            }
            return fail("expected ',' or '}' in an object");
        }
    }

    bool arrayValue(int depth)
    {
        ++m_at; // '['
        skipSpace();
        if (m_at < m_end && *m_at == ']') {
            ++m_at;
            return true;
        }
        for (;;) {
            if (!value(depth + 1, Slot::None))
                return false;
            skipSpace();
            if (m_at == m_end)
                return fail("the JSON ends inside an array");
            if (*m_at == ',') {
                ++m_at;
                continue;
            }
            if (*m_at == ']') {
                ++m_at;
                return true;
            }
            return fail("expected ',' or ']' in an array");
        }
    }

    bool hex4(char16_t* unit)
    {
        if (m_end - m_at < 4)
            return fail("a \\u escape is cut short");
        const std::optional<char16_t> decoded = util::utf16UnitFromHex(m_at);
        if (!decoded)
            return fail("a \\u escape has a non-hex digit");
        m_at += 4;
        *unit = *decoded;
        return true;
    }

    // Validates a string (the caller is at its opening quote) and decodes it into *out when given.
    bool string(QString* out)
    {
        ++m_at;
        const char* runStart = m_at;
        QByteArray decoded;
        bool escaped = false;
        while (m_at < m_end) {
            const unsigned char c = static_cast<unsigned char>(*m_at);
            if (c == '"') {
                if (out) {
                    decoded.append(runStart, m_at - runStart);
                    *out = QString::fromUtf8(escaped ? decoded : QByteArray(runStart, m_at - runStart));
                }
                ++m_at;
                return true;
            }
            if (c < 0x20)
                return fail("a string contains an unescaped control character");
            if (c != '\\') {
                ++m_at;
                continue;
            }
            escaped = true;
            if (out)
                decoded.append(runStart, m_at - runStart);
            ++m_at;
            if (m_at == m_end)
                break;
            const char e = *m_at++;
            char plain = 0;
            switch (e) {
            case '"':
            case '\\':
            case '/':
                plain = e;
                break;
            case 'b':
                plain = '\b';
                break;
            case 'f':
                plain = '\f';
                break;
            case 'n':
                plain = '\n';
                break;
            case 'r':
                plain = '\r';
                break;
            case 't':
                plain = '\t';
                break;
            case 'u': {
                char16_t units[2] = {0, 0};
                if (!hex4(&units[0]))
                    return false;
                qsizetype count = 1;
                if (QChar::isHighSurrogate(units[0]) && m_end - m_at >= 6 && m_at[0] == '\\' &&
                    m_at[1] == 'u') {
                    m_at += 2;
                    if (!hex4(&units[1]))
                        return false;
                    count = 2;
                }
                if (out)
                    decoded += QString::fromUtf16(units, count).toUtf8();
                break;
            }
            default:
                return fail("a string contains an invalid escape");
            }
            if (plain && out)
                decoded.append(plain);
            runStart = m_at;
        }
        return fail("a string is not closed");
    }

    bool literal(const char* word)
    {
        const qsizetype length = static_cast<qsizetype>(std::char_traits<char>::length(word));
        if (m_end - m_at < length || QByteArrayView(m_at, length) != QByteArrayView(word, length))
            return fail("invalid literal");
        m_at += length;
        return true;
    }

    bool number(Slot slot)
    {
        const char* start = m_at;
        bool integral = true;
        if (m_at < m_end && *m_at == '-')
            ++m_at;
        if (m_at == m_end || *m_at < '0' || *m_at > '9')
            return fail("invalid value");
        if (*m_at == '0')
            ++m_at;
        else
            while (m_at < m_end && *m_at >= '0' && *m_at <= '9')
                ++m_at;
        if (m_at < m_end && *m_at == '.') {
            integral = false;
            ++m_at;
            if (m_at == m_end || *m_at < '0' || *m_at > '9')
                return fail("invalid number");
            while (m_at < m_end && *m_at >= '0' && *m_at <= '9')
                ++m_at;
        }
        if (m_at < m_end && (*m_at == 'e' || *m_at == 'E')) {
            integral = false;
            ++m_at;
            if (m_at < m_end && (*m_at == '+' || *m_at == '-'))
                ++m_at;
            if (m_at == m_end || *m_at < '0' || *m_at > '9')
                return fail("invalid number");
            while (m_at < m_end && *m_at >= '0' && *m_at <= '9')
                ++m_at;
        }
        if (slot != Slot::None)
            assignNumber(slot, QByteArrayView(start, m_at - start), integral);
        return true;
    }

    const char* m_begin;
    const char* m_at;
    const char* m_end;
    QString m_error;
    qsizetype m_errorOffset = 0;
    bool m_notAnObject = false;
};

// Where each object type keeps its customer's address; the first non-empty candidate wins (a checkout
// session has customer_email only when the merchant prefilled it, customer_details.email otherwise).
QString customerEmailOf(const QString& objectType, const EventScanner& scanner)
{
    auto first = [](std::initializer_list<const std::optional<QString>*> candidates) {
        for (const std::optional<QString>* candidate : candidates)
            if (candidate->has_value() && !(*candidate)->isEmpty())
                return **candidate;
        return QString();
    };
    if (objectType == QLatin1String("customer"))
        return first({&scanner.email});
    if (objectType == QLatin1String("invoice"))
        return first({&scanner.customerEmail});
    if (objectType == QLatin1String("checkout.session"))
        return first({&scanner.customerEmail, &scanner.customerDetailsEmail});
    if (objectType == QLatin1String("charge"))
        return first({&scanner.receiptEmail, &scanner.billingDetailsEmail});
    return {};
}

StripeEventParse failure(const char* reason)
{
    return {std::nullopt, QString::fromLatin1(reason)};
}

} // namespace

StripeEventParse parseStripeEvent(const QByteArray& raw)
{
    if (!raw.isValidUtf8())
        return failure("malformed JSON: the body is not valid UTF-8");
    EventScanner scanner(raw);
    if (!scanner.scan()) {
        if (scanner.notAnObject())
            return failure("the body is JSON but not an object");
        return {
            std::nullopt,
            QStringLiteral("malformed JSON at byte %1: %2").arg(scanner.errorOffset()).arg(scanner.error())};
    }
    if (scanner.object.value_or(QString()) != QLatin1String("event"))
        return failure("the body is not a Stripe snapshot event (\"object\" is not \"event\")");

    StripeEventFields fields;
    fields.id = scanner.id.value_or(QString());
    fields.type = scanner.type.value_or(QString());
    if (!fields.id.startsWith(QLatin1String("evt_")))
        return failure("the event has no \"id\" starting with evt_");
    if (fields.type.isEmpty())
        return failure("the event has no \"type\"");
    if (!scanner.created || !std::isfinite(*scanner.created))
        return failure("the event has no numeric \"created\"");
    fields.created = static_cast<std::int64_t>(*scanner.created);
    fields.livemode = scanner.livemode.value_or(false);
    fields.apiVersion = scanner.apiVersion.value_or(QString());
    fields.account = scanner.account.value_or(QString());
    fields.objectType = scanner.dataObjectType.value_or(QString());
    fields.objectId = scanner.dataObjectId.value_or(QString());
    // Expandable references are either an id string or the expanded object carrying it; a customer
    // event's object is the customer itself.
    if (fields.objectType == QLatin1String("customer"))
        fields.customerId = fields.objectId;
    else if (scanner.customerIsObject)
        fields.customerId = scanner.expandedCustomerId.value_or(QString());
    else
        fields.customerId = scanner.customerId.value_or(QString());
    fields.customerEmail = customerEmailOf(fields.objectType, scanner);
    for (const std::optional<std::int64_t>* candidate :
         {&scanner.amountDue, &scanner.amountTotal, &scanner.amount, &scanner.total}) {
        if (candidate->has_value()) {
            fields.amount = **candidate;
            break;
        }
    }
    fields.currency = scanner.currency.value_or(QString());
    fields.status = scanner.status.value_or(QString());
    return {fields, {}};
}

} // namespace billbridge::stripe
