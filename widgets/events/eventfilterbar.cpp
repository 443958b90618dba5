#include "events/eventfilterbar.h"

#include "store/eventstore.h"
#include "store/sqlite.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QEvent>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QToolButton>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace billbridge::widgets {

namespace {

constexpr int kTypingPauseMs = 400;
constexpr qint64 kHour = 3600;
constexpr qint64 kDay = 24 * kHour;

QStringList splitPatterns(const QString& text)
{
    QStringList patterns;
    for (const QString& part : text.split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts))
        if (!patterns.contains(part))
            patterns.append(part);
    return patterns;
}

QString describeStoreError(const std::exception& error)
{
    return QString::fromUtf8(error.what());
}

} // namespace

EventFilterBar::EventFilterBar(QString storePath, QWidget* parent)
    : QWidget(parent)
    , m_storePath(std::move(storePath))
{
    setObjectName(QStringLiteral("eventFilterBar"));
    m_namePrompt = [](QWidget* parent, const QString& suggestion) -> std::optional<QString> {
        bool ok = false;
        const QString name = QInputDialog::getText(parent, tr("Save Filter"), tr("Name for this filter:"),
                                                   QLineEdit::Normal, suggestion, &ok);
        if (!ok)
            return std::nullopt;
        return name;
    };
    m_replaceQuestion = [](QWidget* parent, const QString& name) {
        return QMessageBox::question(parent, tr("Replace Saved Filter"),
                                     tr("A filter named “%1” exists already. Replace it?").arg(name)) ==
               QMessageBox::Yes;
    };
    createFields();
    retranslate();
    m_typingPause.setSingleShot(true);
    m_typingPause.setInterval(kTypingPauseMs);
    connect(&m_typingPause, &QTimer::timeout, this, &EventFilterBar::apply);
    connect(&m_savedWatcher, &QFutureWatcherBase::finished, this, &EventFilterBar::onSavedFiltersRead);
    connect(&m_typesWatcher, &QFutureWatcherBase::finished, this, [this] {
        m_knownTypes = m_typesWatcher.result();
        fillTypeMenu();
    });
    reloadSavedFilters();
}

// Reads in flight own copies of what they need and may finish unobserved.
EventFilterBar::~EventFilterBar() = default;

void EventFilterBar::createFields()
{
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(6);
    grid->setVerticalSpacing(4);

    m_types = new QLineEdit(this);
    m_types->setObjectName(QStringLiteral("typesField"));
    m_types->setClearButtonEnabled(true);
    m_typePicker = new QToolButton(this);
    m_typePicker->setObjectName(QStringLiteral("typePicker"));
    m_typePicker->setPopupMode(QToolButton::InstantPopup);
    m_typeMenu = new QMenu(m_typePicker);
    m_typeMenu->setObjectName(QStringLiteral("typeMenu"));
    m_typePicker->setMenu(m_typeMenu);
    connect(m_typeMenu, &QMenu::aboutToShow, this, [this] {
        fillTypeMenu();
        if (m_typesWatcher.isRunning())
            return;
        const QString path = m_storePath;
        m_typesWatcher.setFuture(QtConcurrent::run([path]() -> QStringList {
            if (!QFileInfo::exists(path))
                return {};
            try {
                store::EventStore events = store::EventStore::openForReading(path);
                return events.query().expandTypes({QStringLiteral("*")});
            } catch (const std::exception&) {
                return {};
            }
        }));
    });
    m_customer = new QLineEdit(this);
    m_customer->setObjectName(QStringLiteral("customerField"));
    m_customer->setClearButtonEnabled(true);
    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("textField"));
    m_text->setClearButtonEnabled(true);

    auto* firstRow = new QHBoxLayout;
    firstRow->setSpacing(4);
    firstRow->addWidget(m_types, 3);
    firstRow->addWidget(m_typePicker);
    firstRow->addSpacing(6);
    firstRow->addWidget(m_customer, 3);
    firstRow->addSpacing(6);
    firstRow->addWidget(m_text, 4);
    grid->addLayout(firstRow, 0, 0);

    m_period = new QComboBox(this);
    m_period->setObjectName(QStringLiteral("periodBox"));
    for (int i = 0; i <= static_cast<int>(Period::Between); ++i)
        m_period->addItem(QString(), i);
    m_from = new QDateTimeEdit(this);
    m_from->setObjectName(QStringLiteral("fromEdit"));
    m_to = new QDateTimeEdit(this);
    m_to->setObjectName(QStringLiteral("toEdit"));
    for (QDateTimeEdit* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        edit->setVisible(false);
    }
    m_from->setDateTime(QDateTime::currentDateTime().addDays(-1));
    m_to->setDateTime(QDateTime::currentDateTime().addSecs(kHour));
    m_mode = new QComboBox(this);
    m_mode->setObjectName(QStringLiteral("modeBox"));
    m_mode->addItem(QString());
    m_mode->addItem(QString());
    m_mode->addItem(QString());
    m_source = new QComboBox(this);
    m_source->setObjectName(QStringLiteral("sourceBox"));
    for (int i = 0; i < 4; ++i)
        m_source->addItem(QString());
    m_clear = new QPushButton(this);
    m_clear->setObjectName(QStringLiteral("clearFilterButton"));
    m_savedLabel = new QLabel(this);
    m_saved = new QComboBox(this);
    m_saved->setObjectName(QStringLiteral("savedFilterBox"));
    m_saved->setMinimumContentsLength(8);
    m_saved->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_save = new QPushButton(this);
    m_save->setObjectName(QStringLiteral("saveFilterButton"));
    m_remove = new QPushButton(this);
    m_remove->setObjectName(QStringLiteral("removeFilterButton"));
    m_remove->setEnabled(false);

    // The bar must fit a narrow window: boxes may shrink below their longest entry.
    for (QComboBox* box : {m_period, m_mode, m_source}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(6);
    }
    for (QLineEdit* field : {m_types, m_customer, m_text})
        field->setMinimumWidth(80);
    auto* secondRow = new QHBoxLayout;
    secondRow->setSpacing(4);
    secondRow->addWidget(m_period);
    secondRow->addWidget(m_from);
    secondRow->addWidget(m_to);
    secondRow->addWidget(m_mode);
    secondRow->addWidget(m_source);
    secondRow->addWidget(m_clear);
    secondRow->addStretch(1);
    secondRow->addWidget(m_savedLabel);
    secondRow->addWidget(m_saved);
    secondRow->addWidget(m_save);
    secondRow->addWidget(m_remove);
    grid->addLayout(secondRow, 1, 0);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("filterProblem"));
    m_problem->setStyleSheet(QStringLiteral("QLabel { color: #b71c1c; }"));
    m_problem->setWordWrap(true);
    m_problem->hide();
    grid->addWidget(m_problem, 2, 0);

    for (QLineEdit* field : {m_types, m_customer, m_text}) {
        connect(field, &QLineEdit::textEdited, this, [this] { m_typingPause.start(); });
        connect(field, &QLineEdit::returnPressed, this, &EventFilterBar::apply);
        // The clear button changes the text without an edit signal.
        connect(field, &QLineEdit::textChanged, this, [this](const QString& text) {
            if (text.isEmpty() && !m_showing)
                m_typingPause.start();
        });
    }
    connect(m_period, &QComboBox::currentIndexChanged, this, &EventFilterBar::onPeriodChanged);
    connect(m_from, &QDateTimeEdit::dateTimeChanged, this, [this] { m_typingPause.start(); });
    connect(m_to, &QDateTimeEdit::dateTimeChanged, this, [this] { m_typingPause.start(); });
    connect(m_mode, &QComboBox::currentIndexChanged, this, &EventFilterBar::apply);
    connect(m_source, &QComboBox::currentIndexChanged, this, &EventFilterBar::apply);
    connect(m_clear, &QPushButton::clicked, this, &EventFilterBar::clear);
    connect(m_saved, &QComboBox::activated, this, &EventFilterBar::onSavedActivated);
    connect(m_save, &QPushButton::clicked, this, &EventFilterBar::promptAndSave);
    connect(m_remove, &QPushButton::clicked, this, &EventFilterBar::removeSelectedSaved);
}

void EventFilterBar::retranslate()
{
    m_types->setPlaceholderText(tr("Types, e.g. invoice.* customer.subscription.updated"));
    m_types->setToolTip(tr("Event types to show, separated by spaces or commas. '*' stands for any text, so "
                           "invoice.* shows every invoice event."));
    m_typePicker->setText(tr("Types"));
    m_typePicker->setToolTip(tr("Pick from the event types in this store"));
    m_customer->setPlaceholderText(tr("Customer id (cus_…) or email"));
    m_text->setPlaceholderText(tr("Search payloads"));
    m_text->setToolTip(tr("Finds events whose payload contains every word, e.g. an invoice number, a price "
                          "id or a name. End a word with * to match its beginning."));
    m_period->setItemText(static_cast<int>(Period::Any), tr("Any time"));
    m_period->setItemText(static_cast<int>(Period::LastHour), tr("Last hour"));
    m_period->setItemText(static_cast<int>(Period::LastDay), tr("Last 24 hours"));
    m_period->setItemText(static_cast<int>(Period::LastWeek), tr("Last 7 days"));
    m_period->setItemText(static_cast<int>(Period::LastMonth), tr("Last 30 days"));
    m_period->setItemText(static_cast<int>(Period::Between), tr("Between…"));
    m_period->setToolTip(tr("When Stripe created the event"));
    m_from->setToolTip(tr("From (inclusive)"));
    m_to->setToolTip(tr("Until (exclusive)"));
    m_mode->setItemText(0, tr("Live and test"));
    m_mode->setItemText(1, tr("Live only"));
    m_mode->setItemText(2, tr("Test only"));
    m_source->setItemText(0, tr("Any source"));
    m_source->setItemText(1, tr("Webhook"));
    m_source->setItemText(2, tr("Poller"));
    m_source->setItemText(3, tr("Backfill"));
    m_source->setToolTip(tr("How the event reached Billbridge"));
    m_clear->setText(tr("Clear"));
    m_clear->setToolTip(tr("Show every event"));
    m_savedLabel->setText(tr("Saved:"));
    m_saved->setToolTip(tr("Filters saved in this store (the command line finds them too)"));
    if (m_saved->count() > 0 && m_saved->itemData(0).isNull())
        m_saved->setItemText(0, tr("(choose)"));
    m_save->setText(tr("Save…"));
    m_save->setToolTip(tr("Save the current filter under a name"));
    m_remove->setText(tr("Delete"));
    m_remove->setToolTip(tr("Delete the chosen saved filter"));
    if (!m_problemText.isEmpty())
        readFields(); // the message is rebuilt in the new language
}

void EventFilterBar::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

qint64 EventFilterBar::now() const
{
    return m_clock ? m_clock() : QDateTime::currentSecsSinceEpoch();
}

std::optional<store::EventFilter> EventFilterBar::readFields()
{
    store::EventFilter filter;
    QStringList problems;
    filter.types = splitPatterns(m_types->text());
    QStringList invalid;
    for (const QString& pattern : filter.types)
        if (!store::EventStore::isValidTypePattern(pattern))
            invalid.append(pattern);
    if (!invalid.isEmpty())
        problems.append(tr("“%1” is not an event type or pattern: use letters, digits, '.', '_' and '*', "
                           "as in invoice.* or customer.subscription.updated.")
                            .arg(invalid.join(QLatin1String(", "))));

    const QString customer = m_customer->text().trimmed();
    if (customer.contains(QLatin1Char('@')))
        filter.customerEmail = customer;
    else if (customer.startsWith(QLatin1String("cus_")) && !customer.contains(QLatin1Char(' ')))
        filter.customerId = customer;
    else if (!customer.isEmpty())
        problems.append(tr("“%1” is neither a customer id (cus_…) nor an email address. To find a customer "
                           "by name, type the name into Search payloads.")
                            .arg(customer));

    filter.text = m_text->text().trimmed();
    const auto period = static_cast<Period>(m_period->currentData().toInt());
    const qint64 at = now();
    switch (period) {
    case Period::Any:
        break;
    case Period::LastHour:
        filter.createdFrom = at - kHour;
        break;
    case Period::LastDay:
        filter.createdFrom = at - kDay;
        break;
    case Period::LastWeek:
        filter.createdFrom = at - 7 * kDay;
        break;
    case Period::LastMonth:
        filter.createdFrom = at - 30 * kDay;
        break;
    case Period::Between:
        filter.createdFrom = m_from->dateTime().toSecsSinceEpoch();
        filter.createdTo = m_to->dateTime().toSecsSinceEpoch();
        if (*filter.createdTo <= *filter.createdFrom)
            problems.append(tr("The period ends before it starts: choose an end after the beginning."));
        break;
    }
    if (m_mode->currentIndex() == 1)
        filter.livemode = true;
    else if (m_mode->currentIndex() == 2)
        filter.livemode = false;
    switch (m_source->currentIndex()) {
    case 1:
        filter.source = store::EventSource::Webhook;
        break;
    case 2:
        filter.source = store::EventSource::Poll;
        break;
    case 3:
        filter.source = store::EventSource::Backfill;
        break;
    default:
        break;
    }
    setProblem(problems.join(QLatin1Char(' ')));
    if (!problems.isEmpty())
        return std::nullopt;
    return filter;
}

void EventFilterBar::setProblem(const QString& problem)
{
    m_problemText = problem;
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
}

QString EventFilterBar::problem() const
{
    return m_problemText;
}

void EventFilterBar::apply()
{
    m_typingPause.stop();
    if (m_showing)
        return;
    const std::optional<store::EventFilter> filter = readFields();
    if (!filter || *filter == m_applied)
        return;
    m_applied = *filter;
    emit filterChanged(m_applied);
}

void EventFilterBar::showFields(const store::EventFilter& filter)
{
    m_showing = true;
    m_types->setText(filter.types.join(QLatin1Char(' ')));
    m_customer->setText(!filter.customerEmail.isEmpty() ? filter.customerEmail : filter.customerId);
    m_text->setText(filter.text);
    if (filter.createdFrom || filter.createdTo) {
        m_period->setCurrentIndex(static_cast<int>(Period::Between));
        m_from->setDateTime(filter.createdFrom ? QDateTime::fromSecsSinceEpoch(*filter.createdFrom)
                                               : QDateTime::fromSecsSinceEpoch(0));
        m_to->setDateTime(filter.createdTo ? QDateTime::fromSecsSinceEpoch(*filter.createdTo)
                                           : QDateTime::currentDateTime().addYears(1));
    } else {
        m_period->setCurrentIndex(static_cast<int>(Period::Any));
    }
    m_from->setVisible(m_period->currentIndex() == static_cast<int>(Period::Between));
    m_to->setVisible(m_from->isVisible());
    m_mode->setCurrentIndex(!filter.livemode ? 0 : (*filter.livemode ? 1 : 2));
    int source = 0;
    if (filter.source)
        source = *filter.source == store::EventSource::Webhook ? 1
                 : *filter.source == store::EventSource::Poll  ? 2
                                                               : 3;
    m_source->setCurrentIndex(source);
    m_showing = false;
}

void EventFilterBar::setFilter(const store::EventFilter& filter)
{
    showFields(filter);
    apply();
}

void EventFilterBar::narrow(const store::EventFilter& narrowing)
{
    store::EventFilter merged = m_applied;
    if (!narrowing.types.isEmpty())
        merged.types = narrowing.types;
    if (!narrowing.customerId.isEmpty()) {
        merged.customerId = narrowing.customerId;
        merged.customerEmail.clear();
    }
    if (!narrowing.customerEmail.isEmpty()) {
        merged.customerEmail = narrowing.customerEmail;
        merged.customerId.clear();
    }
    if (narrowing.createdFrom)
        merged.createdFrom = narrowing.createdFrom;
    if (narrowing.createdTo)
        merged.createdTo = narrowing.createdTo;
    if (narrowing.source)
        merged.source = narrowing.source;
    if (narrowing.livemode)
        merged.livemode = narrowing.livemode;
    if (!narrowing.text.isEmpty())
        merged.text = narrowing.text;
    setFilter(merged);
}

void EventFilterBar::clear()
{
    m_saved->setCurrentIndex(0);
    m_remove->setEnabled(false);
    setFilter({});
}

void EventFilterBar::onPeriodChanged()
{
    const bool between = m_period->currentIndex() == static_cast<int>(Period::Between);
    m_from->setVisible(between);
    m_to->setVisible(between);
    apply();
}

void EventFilterBar::fillTypeMenu()
{
    m_typeMenu->clear();
    const QStringList selected = splitPatterns(m_types->text());
    if (m_knownTypes.isEmpty()) {
        QAction* none = m_typeMenu->addAction(m_typesWatcher.isRunning() ? tr("Reading the store…")
                                                                         : tr("No events stored yet"));
        none->setEnabled(false);
        return;
    }
    // Families first ("every invoice event"), then the exact types.
    QStringList families;
    for (const QString& type : std::as_const(m_knownTypes)) {
        const qsizetype dot = type.lastIndexOf(QLatin1Char('.'));
        if (dot > 0) {
            const QString family = type.left(dot) + QStringLiteral(".*");
            if (!families.contains(family))
                families.append(family);
        }
    }
    const auto addChoice = [this, &selected](const QString& pattern) {
        QAction* action = m_typeMenu->addAction(pattern);
        action->setCheckable(true);
        action->setChecked(selected.contains(pattern));
        connect(action, &QAction::toggled, this,
                [this, pattern](bool checked) { onTypeToggled(pattern, checked); });
    };
    if (!families.isEmpty()) {
        m_typeMenu->addSection(tr("Families"));
        for (const QString& family : std::as_const(families))
            addChoice(family);
    }
    m_typeMenu->addSection(tr("Types in this store"));
    for (const QString& type : std::as_const(m_knownTypes))
        addChoice(type);
}

void EventFilterBar::onTypeToggled(const QString& type, bool checked)
{
    QStringList patterns = splitPatterns(m_types->text());
    if (checked && !patterns.contains(type))
        patterns.append(type);
    if (!checked)
        patterns.removeAll(type);
    m_types->setText(patterns.join(QLatin1Char(' ')));
    apply();
}

QStringList EventFilterBar::savedFilterNames() const
{
    QStringList names;
    for (const store::SavedFilter& saved : m_savedFilters)
        names.append(saved.name);
    return names;
}

void EventFilterBar::runSavedFilterTask(std::function<SavedFiltersResult(const QString& path)> task)
{
    // One store operation at a time, in order: a save followed by a reload must see the save.
    if (m_savedBusy) {
        m_queuedSavedTask = std::move(task);
        return;
    }
    m_savedBusy = true;
    const QString path = m_storePath;
    m_savedWatcher.setFuture(QtConcurrent::run([task = std::move(task), path] { return task(path); }));
}

void EventFilterBar::reloadSavedFilters()
{
    runSavedFilterTask([](const QString& path) {
        SavedFiltersResult result;
        if (!QFileInfo::exists(path))
            return result;
        try {
            result.filters = store::SavedFilterStore::open(path).list();
        } catch (const std::exception& error) {
            result.error = describeStoreError(error);
        }
        return result;
    });
}

void EventFilterBar::saveCurrentAs(const QString& name)
{
    const store::EventFilter filter = m_applied;
    runSavedFilterTask([filter, name](const QString& path) {
        SavedFiltersResult result;
        try {
            store::SavedFilterStore saved = store::SavedFilterStore::open(path);
            result.select = saved.save(name, filter).name;
            result.filters = saved.list();
        } catch (const std::exception& error) {
            result.error = describeStoreError(error);
        }
        return result;
    });
}

void EventFilterBar::removeSaved(const QString& name)
{
    runSavedFilterTask([name](const QString& path) {
        SavedFiltersResult result;
        try {
            store::SavedFilterStore saved = store::SavedFilterStore::open(path);
            saved.remove(name);
            result.filters = saved.list();
        } catch (const std::exception& error) {
            result.error = describeStoreError(error);
        }
        return result;
    });
}

void EventFilterBar::onSavedFiltersRead()
{
    m_savedBusy = false;
    const SavedFiltersResult result = m_savedWatcher.result();
    if (!result.error.isEmpty()) {
        emit storeProblem(tr("Saved filters: %1").arg(result.error));
    } else {
        m_savedFilters = result.filters;
        const QString current = !result.select.isEmpty() ? result.select : m_saved->currentText();
        m_saved->clear();
        m_saved->addItem(tr("(choose)"));
        for (const store::SavedFilter& saved : m_savedFilters)
            m_saved->addItem(saved.name, saved.name);
        const int index = m_saved->findData(current);
        m_saved->setCurrentIndex(qMax(0, index));
        m_remove->setEnabled(index > 0);
        emit savedFiltersLoaded();
    }
    if (m_queuedSavedTask) {
        auto task = std::move(m_queuedSavedTask);
        m_queuedSavedTask = nullptr;
        runSavedFilterTask(std::move(task));
    }
}

void EventFilterBar::applySaved(const QString& name)
{
    for (const store::SavedFilter& saved : m_savedFilters) {
        if (saved.name == name) {
            m_saved->setCurrentIndex(qMax(0, m_saved->findData(name)));
            m_remove->setEnabled(true);
            setFilter(saved.filter);
            return;
        }
    }
}

void EventFilterBar::onSavedActivated(int index)
{
    const QString name = m_saved->itemData(index).toString();
    m_remove->setEnabled(!name.isEmpty());
    if (!name.isEmpty())
        applySaved(name);
}

void EventFilterBar::promptAndSave()
{
    apply();
    const QString suggestion = m_saved->currentIndex() > 0 ? m_saved->currentText() : QString();
    const std::optional<QString> answer = m_namePrompt(this, suggestion);
    if (!answer)
        return;
    const QString name = answer->trimmed();
    if (name.isEmpty()) {
        emit storeProblem(tr("A saved filter needs a name. Nothing was saved."));
        return;
    }
    if (savedFilterNames().contains(name) && name != suggestion && !m_replaceQuestion(this, name))
        return;
    saveCurrentAs(name);
}

void EventFilterBar::removeSelectedSaved()
{
    const QString name = m_saved->currentData().toString();
    if (!name.isEmpty())
        removeSaved(name);
}

} // namespace billbridge::widgets
