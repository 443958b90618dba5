#include "events/rawbodyview.h"

#include <QCheckBox>
#include <QClipboard>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace billbridge::widgets {

namespace {

bool isJsonWhitespace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

} // namespace

RawBodyView::RawBodyView(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("rawBodyView"));
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    m_signature = new QLabel(this);
    m_signature->setObjectName(QStringLiteral("signatureHeader"));
    m_signature->setTextFormat(Qt::PlainText);
    m_signature->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_signature->setWordWrap(true);
    layout->addWidget(m_signature);

    auto* bar = new QHBoxLayout;
    m_size = new QLabel(this);
    m_size->setObjectName(QStringLiteral("bodySize"));
    bar->addWidget(m_size);
    bar->addStretch(1);
    m_prettyToggle = new QCheckBox(tr("Pretty-print"), this);
    m_prettyToggle->setObjectName(QStringLiteral("prettyPrintToggle"));
    m_prettyToggle->setToolTip(tr("Indent the body for reading. Keys keep the order Stripe sent them in; "
                                  "copying still copies the exact bytes."));
    bar->addWidget(m_prettyToggle);
    m_wrapToggle = new QCheckBox(tr("Wrap lines"), this);
    m_wrapToggle->setObjectName(QStringLiteral("wrapLinesToggle"));
    bar->addWidget(m_wrapToggle);
    m_copyButton = new QPushButton(tr("Copy body"), this);
    m_copyButton->setObjectName(QStringLiteral("copyBodyButton"));
    m_copyButton->setToolTip(tr("Copy the body exactly as received"));
    bar->addWidget(m_copyButton);
    layout->addLayout(bar);

    m_body = new QPlainTextEdit(this);
    m_body->setObjectName(QStringLiteral("rawBody"));
    m_body->setReadOnly(true);
    m_body->setFont(fixed);
    m_body->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_body->setUndoRedoEnabled(false);
    layout->addWidget(m_body, 1);

    connect(m_prettyToggle, &QCheckBox::toggled, this, &RawBodyView::showBody);
    connect(m_wrapToggle, &QCheckBox::toggled, this, [this](bool wrap) {
        m_body->setLineWrapMode(wrap ? QPlainTextEdit::WidgetWidth : QPlainTextEdit::NoWrap);
    });
    connect(m_copyButton, &QPushButton::clicked, this, &RawBodyView::copyBody);
    clear();
}

RawBodyView::~RawBodyView() = default;

void RawBodyView::clear()
{
    m_raw.clear();
    m_pretty.clear();
    m_prettyReady = false;
    m_signature->clear();
    m_size->clear();
    m_copyButton->setEnabled(false);
    m_body->clear();
}

void RawBodyView::setEvent(const store::StoredEvent& event)
{
    m_raw = event.raw;
    m_pretty.clear();
    m_prettyReady = false;
    if (event.verdict == store::SignatureVerdict::Api) {
        m_signature->setText(
            tr("Fetched from the Stripe API over an authenticated connection — no webhook signature"));
    } else if (event.signatureHeader.isEmpty()) {
        m_signature->setText(tr("Stripe-Signature: (no header was stored with this delivery)"));
    } else {
        // Latin-1 keeps every byte of the header visible as it arrived.
        m_signature->setText(QStringLiteral("Stripe-Signature: ") +
                             QString::fromLatin1(event.signatureHeader));
    }
    const int bytes = static_cast<int>(std::min<qsizetype>(m_raw.size(), std::numeric_limits<int>::max()));
    m_size->setText(bytes == 1 ? tr("1 byte") : tr("%1 bytes").arg(QLocale().toString(bytes)));
    m_copyButton->setEnabled(!m_raw.isEmpty());
    showBody();
}

bool RawBodyView::isPrettyPrinted() const
{
    return m_prettyToggle->isChecked();
}

void RawBodyView::setPrettyPrinted(bool pretty)
{
    m_prettyToggle->setChecked(pretty);
}

bool RawBodyView::wrapsLines() const
{
    return m_wrapToggle->isChecked();
}

void RawBodyView::setWrapsLines(bool wrap)
{
    m_wrapToggle->setChecked(wrap);
}

QString RawBodyView::displayedText() const
{
    return m_body->toPlainText();
}

void RawBodyView::copyBody() const
{
    QGuiApplication::clipboard()->setText(QString::fromUtf8(m_raw));
}

void RawBodyView::showBody()
{
    if (isPrettyPrinted() && !m_prettyReady) {
        m_pretty = prettyPrinted(m_raw);
        m_prettyReady = true;
    }
    m_body->setPlainText(QString::fromUtf8(isPrettyPrinted() ? m_pretty : m_raw));
}

QByteArray RawBodyView::prettyPrinted(const QByteArray& raw)
{
    QByteArray out;
    out.reserve(raw.size() + raw.size() / 2);
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    const auto newline = [&out](int level) {
        out += '\n';
        out.append(static_cast<qsizetype>(level) * 2, ' ');
    };
    const qsizetype size = raw.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char c = raw[i];
        if (inString) {
            out += c;
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            out += c;
            break;
        case '{':
        case '[': {
            out += c;
            qsizetype next = i + 1;
            while (next < size && isJsonWhitespace(raw[next]))
                ++next;
            // Empty containers stay on one line, as Stripe writes them.
            if (next < size && raw[next] == (c == '{' ? '}' : ']')) {
                out += raw[next];
                i = next;
            } else {
                ++depth;
                newline(depth);
            }
            break;
        }
        case '}':
        case ']':
            depth = std::max(0, depth - 1);
            newline(depth);
            out += c;
            break;
        case ',':
            out += c;
            newline(depth);
            break;
        case ':':
            out += ": ";
            break;
        default:
            if (!isJsonWhitespace(c))
                out += c;
        }
    }
    return out;
}

} // namespace billbridge::widgets
