#include "demo/demopeople.h"

#include "demo/demorandom.h"

#include <span>

namespace billbridge::demo {

namespace {

struct Name {
    const char* display; // UTF-8
    const char* ascii;   // for the e-mail address
};

struct City {
    const char* city; // UTF-8
    const char* state;
    const char* postalPattern; // '9' becomes a digit, 'A' a capital letter
};

struct Country {
    const char* code;
    const char* locale;
    const char* currency;
    const char* phonePrefix; // empty: the generator leaves the phone out
    std::span<const Name> firstNames;
    std::span<const Name> lastNames;
    std::span<const City> cities;
    std::span<const char* const> streets; // UTF-8, "%1" is the house number
    int weight;
};

constexpr Name kUsFirst[] = {{"Maya", "maya"},        {"Jordan", "jordan"}, {"Priya", "priya"},
                             {"Marcus", "marcus"},    {"Elena", "elena"},   {"DeShawn", "deshawn"},
                             {"Chloé", "chloe"},      {"Wei", "wei"},       {"Olivia", "olivia"},
                             {"Santiago", "santiago"}};
constexpr Name kUsLast[] = {{"Reyes", "reyes"},   {"Patel", "patel"},           {"O'Connor", "oconnor"},
                            {"Nguyễn", "nguyen"}, {"Washington", "washington"}, {"Kim", "kim"},
                            {"Brooks", "brooks"}, {"Fernández", "fernandez"},   {"Lindqvist", "lindqvist"}};
constexpr City kUsCities[] = {{"Oakland", "CA", "946999"}, {"Portland", "OR", "972999"},
                              {"Austin", "TX", "787999"},  {"Brooklyn", "NY", "112999"},
                              {"Madison", "WI", "537999"}, {"Denver", "CO", "802999"}};
constexpr const char* kUsStreets[] = {"%1 Alder Court", "%1 Maple Avenue", "%1 Harbor Street",
                                      "%1 Juniper Lane", "%1 W 14th Street"};

constexpr Name kGbFirst[] = {{"Amelia", "amelia"}, {"Oluwaseun", "oluwaseun"}, {"Harriet", "harriet"},
                             {"Rhys", "rhys"},     {"Siobhán", "siobhan"},     {"Arjun", "arjun"}};
constexpr Name kGbLast[] = {{"Whitfield", "whitfield"}, {"Adeyemi", "adeyemi"}, {"MacLeod", "macleod"},
                            {"Evans", "evans"},         {"Khan", "khan"},       {"Ó Briain", "obriain"}};
constexpr City kGbCities[] = {
    {"Leeds", "", "LS9 9AA"}, {"Bristol", "", "BS9 9AA"}, {"Edinburgh", "", "EH9 9AA"}};
constexpr const char* kGbStreets[] = {"%1 Kirkstall Road", "%1 Gloucester Place",
                                      "Flat %1, Marchmont Crescent"};

constexpr Name kDeFirst[] = {{"Jürgen", "juergen"},
                             {"Lena", "lena"},
                             {"Mehmet", "mehmet"},
                             {"Anneliese", "anneliese"},
                             {"Jonas", "jonas"}};
constexpr Name kDeLast[] = {{"Müller", "mueller"},
                            {"Schröder", "schroeder"},
                            {"Yılmaz", "yilmaz"},
                            {"Weiß", "weiss"},
                            {"Hoffmann", "hoffmann"}};
constexpr City kDeCities[] = {{"Köln", "", "50999"}, {"München", "", "80999"}, {"Leipzig", "", "04999"}};
constexpr const char* kDeStreets[] = {"Bahnhofstraße %1", "Am Weißenburgplatz %1", "Lindenallee %1"};

constexpr Name kFrFirst[] = {
    {"Élodie", "elodie"}, {"François", "francois"}, {"Inès", "ines"}, {"Théo", "theo"}, {"Amadou", "amadou"}};
constexpr Name kFrLast[] = {{"Lefèvre", "lefevre"},
                            {"Dubois", "dubois"},
                            {"Benali", "benali"},
                            {"Garçon", "garcon"},
                            {"Moreau", "moreau"}};
constexpr City kFrCities[] = {{"Lyon", "", "69999"}, {"Nantes", "", "44999"}, {"Montpellier", "", "34999"}};
constexpr const char* kFrStreets[] = {"%1 rue de la République", "%1 quai de la Fosse",
                                      "%1 avenue Jean Jaurès"};

constexpr Name kPtFirst[] = {
    {"Inês", "ines"}, {"João", "joao"}, {"Beatriz", "beatriz"}, {"Gonçalo", "goncalo"}};
constexpr Name kPtLast[] = {
    {"Carvalho", "carvalho"}, {"Gonçalves", "goncalves"}, {"Simões", "simoes"}, {"Araújo", "araujo"}};
constexpr City kPtCities[] = {{"Lisboa", "", "1999-999"}, {"Porto", "", "4999-999"}};
constexpr const char* kPtStreets[] = {"Rua das Flores %1", "Avenida da Liberdade %1", "Travessa do Carmo %1"};

constexpr Name kEsFirst[] = {{"Núria", "nuria"}, {"José", "jose"}, {"Lucía", "lucia"}, {"Álvaro", "alvaro"}};
constexpr Name kEsLast[] = {{"Ibáñez", "ibanez"}, {"Muñoz", "munoz"}, {"García", "garcia"}, {"Puig", "puig"}};
constexpr City kEsCities[] = {
    {"Barcelona", "B", "08999"}, {"Valencia", "V", "46999"}, {"Sevilla", "SE", "41999"}};
constexpr const char* kEsStreets[] = {"Carrer de Mallorca %1", "Calle de Alcalá %1",
                                      "Avenida de la Constitución %1"};

constexpr Name kSeFirst[] = {{"Björn", "bjorn"}, {"Åsa", "asa"}, {"Søren", "soren"}, {"Linnéa", "linnea"}};
constexpr Name kSeLast[] = {{"Ångström", "angstrom"},
                            {"Lindqvist", "lindqvist"},
                            {"Sjöberg", "sjoberg"},
                            {"Ólafsdóttir", "olafsdottir"}};
constexpr City kSeCities[] = {{"Göteborg", "", "419 99"}, {"Malmö", "", "219 99"}, {"Uppsala", "", "759 99"}};
constexpr const char* kSeStreets[] = {"Kungsgatan %1", "Östra Hamngatan %1", "Storgatan %1"};

constexpr Name kPlFirst[] = {
    {"Małgorzata", "malgorzata"}, {"Łukasz", "lukasz"}, {"Zofia", "zofia"}, {"Paweł", "pawel"}};
constexpr Name kPlLast[] = {
    {"Wiśniewska", "wisniewska"}, {"Dvořák", "dvorak"}, {"Kowalczyk", "kowalczyk"}, {"Żak", "zak"}};
constexpr City kPlCities[] = {{"Kraków", "", "31-999"}, {"Gdańsk", "", "80-999"}, {"Wrocław", "", "50-999"}};
constexpr const char* kPlStreets[] = {"ul. Długa %1", "ul. Świętego Marka %1", "al. Róż %1"};

constexpr Name kJpFirst[] = {{"陽菜", "hina"}, {"蓮", "ren"}, {"Yuki", "yuki"}, {"Haruto", "haruto"}};
constexpr Name kJpLast[] = {{"佐藤", "sato"}, {"高橋", "takahashi"}, {"Tanaka", "tanaka"}, {"Ōta", "ota"}};
constexpr City kJpCities[] = {{"Tokyo", "13", "199-9999"}, {"Osaka", "27", "599-9999"}};
constexpr const char* kJpStreets[] = {"%1-4-2 Jingumae", "%1-1 Umeda", "%1-7 Kanda Nishikicho"};

constexpr Country kCountries[] = {
    {"US", "en-US", "usd", "+1 %1 555 01%2", kUsFirst, kUsLast, kUsCities, kUsStreets, 34},
    {"GB", "en-GB", "usd", "+44 20 7946 0%3", kGbFirst, kGbLast, kGbCities, kGbStreets, 12},
    {"DE", "de-DE", "eur", "+49 30 %4", kDeFirst, kDeLast, kDeCities, kDeStreets, 12},
    {"FR", "fr-FR", "eur", "", kFrFirst, kFrLast, kFrCities, kFrStreets, 9},
    {"PT", "pt-PT", "eur", "+351 21 %4", kPtFirst, kPtLast, kPtCities, kPtStreets, 5},
    {"ES", "es-ES", "eur", "", kEsFirst, kEsLast, kEsCities, kEsStreets, 7},
    {"SE", "sv-SE", "eur", "+46 8 %4", kSeFirst, kSeLast, kSeCities, kSeStreets, 6},
    {"PL", "pl-PL", "eur", "", kPlFirst, kPlLast, kPlCities, kPlStreets, 6},
    {"JP", "ja-JP", "usd", "", kJpFirst, kJpLast, kJpCities, kJpStreets, 9},
};

constexpr const char* kDomains[] = {"example.com", "example.com", "example.org", "example.net",
                                    "mail.test",   "studio.test", "acme.test"};
constexpr const char* kAreaCodes[] = {"415", "503", "512", "718", "608", "303"};

const Country& pickCountry(DemoRandom& random)
{
    int total = 0;
    for (const Country& country : kCountries)
        total += country.weight;
    int roll = random.below(total);
    for (const Country& country : kCountries) {
        if (roll < country.weight)
            return country;
        roll -= country.weight;
    }
    return kCountries[0];
}

QString fill(DemoRandom& random, const char* pattern)
{
    QString text = QString::fromUtf8(pattern);
    for (QChar& c : text) {
        if (c == QLatin1Char('9'))
            c = QLatin1Char(char('0' + random.below(10)));
        else if (c == QLatin1Char('A'))
            c = QLatin1Char(char('A' + random.below(26)));
    }
    return text;
}

QString digits(DemoRandom& random, int count)
{
    QString text;
    for (int i = 0; i < count; ++i)
        text += QLatin1Char(char('0' + random.below(10)));
    return text;
}

} // namespace

QString DemoPeople::uniqueEmail(const QString& localPart, const QString& domain)
{
    QString email = localPart + QLatin1Char('@') + domain;
    for (int n = 2; m_emails.contains(email); ++n)
        email = localPart + QString::number(n) + QLatin1Char('@') + domain;
    m_emails.insert(email);
    return email;
}

DemoCustomer DemoPeople::make(DemoRandom& random, std::int64_t created)
{
    const Country& country = pickCountry(random);
    const Name& first = random.pick(country.firstNames);
    const Name& last = random.pick(country.lastNames);
    DemoCustomer customer;
    customer.id = random.id("cus_", 14);
    const bool familyNameFirst = QLatin1String(country.code) == QLatin1String("JP") &&
                                 static_cast<unsigned char>(first.display[0]) >= 0x80;
    customer.name =
        familyNameFirst
            ? QString(QString::fromUtf8(last.display) + QString::fromUtf8(first.display))
            : QString(QString::fromUtf8(first.display) + QLatin1Char(' ') + QString::fromUtf8(last.display));
    const QString ascii = QLatin1String(first.ascii) + QLatin1Char('.') + QLatin1String(last.ascii);
    const int style = random.below(4);
    const QString localPart = style == 0 ? QString(QLatin1String(first.ascii))
                              : style == 1
                                  ? QString(QLatin1String(first.ascii).left(1) + QLatin1String(last.ascii))
                                  : ascii;
    customer.email = uniqueEmail(localPart, QLatin1String(kDomains[random.below(int(std::size(kDomains)))]));

    const City& city = random.pick(country.cities);
    customer.address.country = QLatin1String(country.code);
    customer.address.city = QString::fromUtf8(city.city);
    customer.address.state = QLatin1String(city.state);
    customer.address.postalCode = fill(random, city.postalPattern);
    customer.address.line1 = QString::fromUtf8(random.pick(country.streets)).arg(random.between(1, 480));
    if (random.chance(0.2))
        customer.address.line2 = QStringLiteral("Suite %1").arg(random.between(2, 40));
    customer.locale = QLatin1String(country.locale);

    const QString phone = QLatin1String(country.phonePrefix);
    if (!phone.isEmpty() && random.chance(0.75)) {
        customer.phone = phone.contains(QLatin1String("%1"))
                             ? phone.arg(QLatin1String(kAreaCodes[random.below(int(std::size(kAreaCodes)))]),
                                         digits(random, 2))
                         : phone.contains(QLatin1String("%3"))
                             ? phone.arg(digits(random, 3))
                             : phone.arg(QLatin1String("5550") + digits(random, 3));
    }
    customer.invoicePrefix = random.token(8).toUpper();
    customer.appUserId = QStringLiteral("usr_%1").arg(random.between(10000, 99999));
    customer.signupChannel = random.chance(0.7) ? QStringLiteral("checkout") : QStringLiteral("api");
    customer.created = created;
    customer.card = card(random, customer.address.country);
    return customer;
}

DemoCard DemoPeople::card(DemoRandom& random, const QString& country)
{
    struct Brand {
        const char* brand;
        const char* last4;
    };
    // Stripe's published test card numbers end in these digits.
    static constexpr Brand kBrands[] = {{"visa", "4242"},       {"visa", "1881"}, {"mastercard", "4444"},
                                        {"mastercard", "5100"}, {"amex", "8431"}, {"visa", "0077"}};
    const Brand& brand = kBrands[random.below(int(std::size(kBrands)))];
    DemoCard card;
    card.paymentMethodId = random.id("pm_", 24);
    card.brand = QLatin1String(brand.brand);
    card.last4 = QLatin1String(brand.last4);
    card.funding = random.chance(0.35) ? QStringLiteral("debit") : QStringLiteral("credit");
    card.country = country;
    card.fingerprint = random.token(16);
    card.expMonth = int(random.between(1, 12));
    card.expYear = int(random.between(2027, 2032));
    return card;
}

QString DemoPeople::otherEmail(DemoRandom& random, const DemoCustomer& customer)
{
    const QString localPart = customer.email.section(QLatin1Char('@'), 0, 0);
    const QString domain = QLatin1String(kDomains[random.below(int(std::size(kDomains)))]);
    return uniqueEmail(localPart + QStringLiteral(".work"), domain);
}

} // namespace billbridge::demo
