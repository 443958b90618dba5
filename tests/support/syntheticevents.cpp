#include "support/syntheticevents.h"

#include <QStringBuilder>

namespace billbridge::test {

QByteArray randomId(QRandomGenerator& random, const char* prefix, int length)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QByteArray id(prefix);
    for (int i = 0; i < length; ++i)
        id += alphabet[random.bounded(62)];
    return id;
}

QByteArray syntheticInvoicePaidEvent(QRandomGenerator& random, int index, int targetBytes)
{
    const QByteArray customer = randomId(random, "cus_", 14);
    const QByteArray subscription = randomId(random, "sub_");
    const QByteArray invoice = randomId(random, "in_");
    const qint64 created = 1790000000 + index;
    QByteArray lines;
    int lineCount = 0;
    QByteArray body;
    for (;;) {
        body =
            "{\n  \"id\": \"" + randomId(random, "evt_") +
            "\",\n  \"object\": \"event\",\n"
            "  \"api_version\": \"2026-07-29.dahlia\",\n  \"created\": " +
            QByteArray::number(created) + ",\n  \"data\": {\n    \"object\": {\n      \"id\": \"" + invoice +
            "\",\n      \"object\": \"invoice\",\n      \"account_country\": \"US\",\n"
            "      \"account_name\": \"Example Software Inc.\",\n      \"amount_due\": 4900,\n"
            "      \"amount_paid\": 4900,\n      \"amount_remaining\": 0,\n      \"attempt_count\": 1,\n"
            "      \"attempted\": true,\n      \"billing_reason\": \"subscription_cycle\",\n"
            "      \"collection_method\": \"charge_automatically\",\n      \"created\": " +
            QByteArray::number(created - 3600) + ",\n      \"currency\": \"usd\",\n      \"customer\": \"" +
            customer + "\",\n      \"customer_email\": \"customer" + QByteArray::number(index) +
            "@example.com\",\n      \"customer_name\": \"Customer Number " + QByteArray::number(index) +
            "\",\n      \"hosted_invoice_url\": \"https://invoice.stripe.com/i/acct_1Example/test_" +
            invoice + "\",\n      \"lines\": {\n        \"object\": \"list\",\n        \"data\": [" + lines +
            "\n        ],\n        \"has_more\": false,\n        \"total_count\": " +
            QByteArray::number(lineCount) + ",\n        \"url\": \"/v1/invoices/" + invoice +
            "/lines\"\n      },\n      \"livemode\": false,\n      \"next_payment_attempt\": null,\n"
            "      \"number\": \"A1B2C3D4-" +
            QByteArray::number(1000 + index) +
            "\",\n      \"parent\": {\n        \"quote_details\": null,\n        \"subscription_details\": "
            "{\n"
            "          \"metadata\": {},\n          \"subscription\": \"" +
            subscription +
            "\"\n        },\n        \"type\": \"subscription_details\"\n      },\n"
            "      \"period_end\": " +
            QByteArray::number(created) +
            ",\n      \"period_start\": " + QByteArray::number(created - 2592000) +
            ",\n      \"status\": \"paid\",\n      \"subtotal\": 4900,\n      \"total\": 4900\n    }\n  },\n"
            "  \"livemode\": false,\n  \"pending_webhooks\": 1,\n  \"request\": {\n    \"id\": null,\n"
            "    \"idempotency_key\": null\n  },\n  \"type\": \"invoice.paid\"\n}";
        if (body.size() >= targetBytes)
            return body;
        lines +=
            QByteArray(lineCount ? "," : "") + "\n          {\n            \"id\": \"" +
            randomId(random, "il_") +
            "\",\n            \"object\": \"line_item\",\n            \"amount\": 4900,\n"
            "            \"currency\": \"usd\",\n            \"description\": \"1 × Pro (at $49.00 / "
            "month)\",\n"
            "            \"parent\": {\n              \"subscription_item_details\": {\n"
            "                \"proration\": false,\n                \"subscription\": \"" +
            subscription + "\",\n                \"subscription_item\": \"" + randomId(random, "si_", 14) +
            "\"\n              },\n              \"type\": \"subscription_item_details\"\n            },\n"
            "            \"period\": {\n              \"end\": " +
            QByteArray::number(created) +
            ",\n              \"start\": " + QByteArray::number(created - 2592000) +
            "\n            },\n            \"pricing\": {\n              \"price_details\": {\n"
            "                \"price\": \"price_1ProMonthly\",\n                \"product\": \"prod_Pro\"\n"
            "              },\n              \"type\": \"price_details\",\n"
            "              \"unit_amount_decimal\": \"4900\"\n            },\n            \"quantity\": 1\n"
            "          }";
        ++lineCount;
    }
}

QByteArray minimalEvent(const QByteArray& id, const QByteArray& type, const QByteArray& customer,
                        bool livemode, qint64 created)
{
    return "{\"id\":\"" + id + "\",\"object\":\"event\",\"api_version\":\"2026-07-29.dahlia\",\"created\":" +
           QByteArray::number(created) +
           ","
           "\"data\":{\"object\":{\"id\":\"in_Minimal" +
           id.mid(4) + "\",\"object\":\"invoice\",\"customer\":\"" + customer +
           "\"}},\"livemode\":" + (livemode ? "true" : "false") + ",\"pending_webhooks\":1,\"type\":\"" +
           type + "\"}";
}

} // namespace billbridge::test
