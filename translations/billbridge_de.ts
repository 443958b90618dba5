<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>billbridge::widgets::AdvancedTab</name>
    <message>
        <source>Change these only to go through a proxy or to reach a local test server. Leave a field empty for the usual address.</source>
        <translation>Ändern Sie diese Werte nur, um über einen Proxy oder einen lokalen Testserver zu gehen. Lassen Sie ein Feld leer, um die übliche Adresse zu verwenden.</translation>
    </message>
    <message>
        <source>&amp;Stripe API:</source>
        <translation>&amp;Stripe-API:</translation>
    </message>
    <message>
        <source>Customer.io &amp;Track API:</source>
        <translation>Customer.io-&amp;Track-API:</translation>
    </message>
    <message>
        <source>by region: https://track.customer.io or https://track-eu.customer.io</source>
        <translation>je nach Region: https://track.customer.io oder https://track-eu.customer.io</translation>
    </message>
    <message>
        <source>Customer.io &amp;App API:</source>
        <translation>Customer.io-&amp;App-API:</translation>
    </message>
    <message>
        <source>by region: https://api.customer.io or https://api-eu.customer.io</source>
        <translation>je nach Region: https://api.customer.io oder https://api-eu.customer.io</translation>
    </message>
    <message>
        <source>Each address must be an https:// URL; plain http:// is allowed only for this computer (127.0.0.1, ::1 or localhost).</source>
        <translation>Jede Adresse muss eine https://-URL sein; einfaches http:// ist nur für diesen Computer erlaubt (127.0.0.1, ::1 oder localhost).</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::AttributeChangeModel</name>
    <message>
        <source>(none)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::BackfillDialog</name>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Backfill from Stripe</source>
        <translation>Backfill aus Stripe</translation>
    </message>
    <message>
        <source>Imports past events from Stripe&apos;s Events API into the store, newest first. Stripe keeps events for 30 days, so older ones cannot be imported. Events already in the store are recognised and not stored twice.</source>
        <translation>Importiert vergangene Ereignisse über die Events API von Stripe in den Speicher, die neuesten zuerst. Stripe bewahrt Ereignisse 30 Tage lang auf; ältere können daher nicht importiert werden. Ereignisse, die bereits im Speicher sind, werden erkannt und nicht doppelt gespeichert.</translation>
    </message>
    <message>
        <source>The last &amp;30 days (everything Stripe still keeps)</source>
        <translation>Die letzten &amp;30 Tage (alles, was Stripe noch aufbewahrt)</translation>
    </message>
    <message>
        <source>&amp;Since</source>
        <translation>S&amp;eit</translation>
    </message>
    <message>
        <source>Event &amp;types:</source>
        <translation>Ereignis&amp;typen:</translation>
    </message>
    <message>
        <source>All events; or e.g. invoice.paid, invoice.payment_failed, or invoice.*</source>
        <translation>Alle Ereignisse; oder z. B. invoice.paid, invoice.payment_failed oder invoice.*</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Cancel backfill</source>
        <translation>Backfill &amp;abbrechen</translation>
    </message>
    <message>
        <source>Open C&amp;onnections…</source>
        <translation>&amp;Verbindungen öffnen…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>all events</source>
        <translation>alle Ereignisse</translation>
    </message>
    <message>
        <source>An unfinished backfill of %1 since %2 is in the store: %3 new events so far, back to %4. Resume it to continue where it stopped.</source>
        <translation>Im Speicher liegt ein nicht abgeschlossener Backfill von %1 seit %2: bisher %3 neue Ereignisse, zurück bis %4. Setzen Sie ihn fort, um dort weiterzumachen, wo er angehalten hat.</translation>
    </message>
    <message>
        <source>The event types cannot be asked for: %1 Correct them and start again.</source>
        <translation>Die Ereignistypen können nicht abgefragt werden: %1 Korrigieren Sie sie und starten Sie erneut.</translation>
    </message>
    <message>
        <source>Stopping after the page in progress is stored…</source>
        <translation>Wird angehalten, sobald die laufende Seite gespeichert ist…</translation>
    </message>
    <message>
        <source>Reading the Stripe API key…</source>
        <translation>Stripe-API-Schlüssel wird gelesen…</translation>
    </message>
    <message>
        <source>The Stripe API key could not be read: %1</source>
        <translation>Der Stripe-API-Schlüssel konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No Stripe API key is configured, so nothing can be read from Stripe. Add one in Connections (a secret key, or a restricted key that may read Events), then start the backfill.</source>
        <translation>Es ist kein Stripe-API-Schlüssel eingerichtet, daher kann nichts von Stripe gelesen werden. Fügen Sie unter „Verbindungen“ einen hinzu (einen geheimen Schlüssel oder einen eingeschränkten Schlüssel, der Ereignisse lesen darf), und starten Sie dann den Backfill.</translation>
    </message>
    <message>
        <source>The backfill cannot start: %1 Correct it in Connections.</source>
        <translation>Der Backfill kann nicht starten: %1 Korrigieren Sie dies unter „Verbindungen“.</translation>
    </message>
    <message>
        <source>Asking Stripe for the newest events…</source>
        <translation>Stripe wird nach den neuesten Ereignissen gefragt…</translation>
    </message>
    <message>
        <source>%1 new events, %2 already in the store · %3 events/s</source>
        <translation>%1 neue Ereignisse, %2 bereits im Speicher · %3 Ereignisse/s</translation>
    </message>
    <message>
        <source>Back to %1</source>
        <translation>Zurück bis %1</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>noch etwa %1</translation>
    </message>
    <message>
        <source>time left unknown</source>
        <translation>Restzeit unbekannt</translation>
    </message>
    <message>
        <source>Backfill complete: %1 new events stored, %2 were already in the store.</source>
        <translation>Backfill abgeschlossen: %1 neue Ereignisse gespeichert, %2 waren bereits im Speicher.</translation>
    </message>
    <message>
        <source>Backfill paused after %1 new events. Its position is kept in the store: resume it now, or later when you open this window again.</source>
        <translation>Backfill nach %1 neuen Ereignissen angehalten. Seine Position bleibt im Speicher erhalten: Setzen Sie ihn jetzt fort oder später, wenn Sie dieses Fenster erneut öffnen.</translation>
    </message>
    <message>
        <source>Stripe kept limiting or failing the requests, so the backfill stopped for now (%1). Everything imported so far is kept; resume it later.</source>
        <translation>Stripe hat die Anfragen wiederholt begrenzt oder mit Fehlern beantwortet, daher wurde der Backfill vorerst angehalten (%1). Alles bisher Importierte bleibt erhalten; setzen Sie ihn später fort.</translation>
    </message>
    <message>
        <source>Stripe rejected the API key (%1). Check the key in Connections, then resume the backfill.</source>
        <translation>Stripe hat den API-Schlüssel abgelehnt (%1). Prüfen Sie den Schlüssel unter „Verbindungen“, und setzen Sie dann den Backfill fort.</translation>
    </message>
    <message>
        <source>Stripe refused the request: %1 Check the event types, then start again.</source>
        <translation>Stripe hat die Anfrage abgelehnt: %1 Prüfen Sie die Ereignistypen, und starten Sie dann erneut.</translation>
    </message>
    <message>
        <source>The store could not be written (%1). Check the disk space and the store file, then resume the backfill.</source>
        <translation>In den Speicher konnte nicht geschrieben werden (%1). Prüfen Sie den freien Speicherplatz und die Speicherdatei, und setzen Sie dann den Backfill fort.</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::ConnectionsDialog</name>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>Stripe</source>
        <translation>Stripe</translation>
    </message>
    <message>
        <source>Customer.io</source>
        <translation>Customer.io</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <source>Keep the values for this session only (in memory; forgotten when Billbridge quits)</source>
        <translation>Werte nur für diese Sitzung behalten (im Arbeitsspeicher; beim Beenden von Billbridge vergessen)</translation>
    </message>
    <message>
        <source>Reading saved values from the %1…</source>
        <translation>Gespeicherte Werte werden aus %1 gelesen…</translation>
    </message>
    <message>
        <source>Showing values kept for this session only.</source>
        <translation>Angezeigt werden Werte, die nur für diese Sitzung behalten werden.</translation>
    </message>
    <message>
        <source>The system keychain cannot be used, so saved values cannot be read or stored there.</source>
        <translation>Der Schlüsselbund des Systems kann nicht verwendet werden; dort können keine Werte gelesen oder gespeichert werden.</translation>
    </message>
    <message>
        <source>Fix the keychain and save again, or keep the values for this session only. They are then forgotten when Billbridge quits, and billbridge-cli cannot use them.</source>
        <translation>Beheben Sie das Problem mit dem Schlüsselbund und speichern Sie erneut, oder behalten Sie die Werte nur für diese Sitzung. Sie werden dann beim Beenden von Billbridge vergessen, und billbridge-cli kann sie nicht verwenden.</translation>
    </message>
    <message>
        <source>Saving to the %1…</source>
        <translation>Speichern in %1…</translation>
    </message>
    <message>
        <source>Nothing was lost: the values are still in this window.</source>
        <translation>Nichts ist verloren: Die Werte stehen noch in diesem Fenster.</translation>
    </message>
    <message>
        <source>Saving failed: %1</source>
        <translation>Speichern fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::ConsoleDelivery</name>
    <message>
        <source>The Customer.io credentials could not be read: %1</source>
        <translation>Die Customer.io-Zugangsdaten konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Customer.io is not connected: enter the site id and the Track API key in Connections, then turn delivery on again.</source>
        <translation>Customer.io ist nicht verbunden: Geben Sie unter „Verbindungen“ die Site-ID und den Track-API-Schlüssel ein, und schalten Sie dann die Zustellung wieder ein.</translation>
    </message>
    <message>
        <source>Not delivering — turn on File → Deliver to Customer.io from This Window, or run `billbridge-cli serve`.</source>
        <translation>Keine Zustellung – schalten Sie Datei → Aus diesem Fenster an Customer.io zustellen ein, oder führen Sie `billbridge-cli serve` aus.</translation>
    </message>
    <message>
        <source>Starting delivery — reading the Customer.io credentials…</source>
        <translation>Zustellung wird gestartet – Customer.io-Zugangsdaten werden gelesen…</translation>
    </message>
    <message>
        <source>Delivering to Customer.io (%1)</source>
        <translation>Zustellung an Customer.io (%1)</translation>
    </message>
    <message>
        <source>Delivery paused — %1</source>
        <translation>Zustellung angehalten – %1</translation>
    </message>
    <message>
        <source>Not delivering — %1</source>
        <translation>Keine Zustellung – %1</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::ConsoleIntake</name>
    <message>
        <source>The webhook signing secret could not be read: %1</source>
        <translation>Das Webhook-Signaturgeheimnis konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Not receiving — intake is off in this window. Turn on File → Receive Events in This Window, or run `billbridge-cli serve`.</source>
        <translation>Kein Empfang – der Empfang ist in diesem Fenster ausgeschaltet. Schalten Sie Datei → Ereignisse in diesem Fenster empfangen ein, oder führen Sie `billbridge-cli serve` aus.</translation>
    </message>
    <message>
        <source>Starting intake — reading the Stripe credentials…</source>
        <translation>Empfang wird gestartet – Stripe-Zugangsdaten werden gelesen…</translation>
    </message>
    <message>
        <source>Starting intake…</source>
        <translation>Empfang wird gestartet…</translation>
    </message>
    <message>
        <source>Receiving on %1 — but missed events are not recovered: %2</source>
        <translation>Empfang auf %1 – verpasste Ereignisse werden jedoch nicht nachgeholt: %2</translation>
    </message>
    <message>
        <source>Receiving on %1</source>
        <translation>Empfang auf %1</translation>
    </message>
    <message>
        <source>Stopping intake — finishing events in flight…</source>
        <translation>Empfang wird beendet – laufende Ereignisse werden abgeschlossen…</translation>
    </message>
    <message>
        <source>Not receiving — %1</source>
        <translation>Kein Empfang – %1</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::ConsoleStatusBar</name>
    <message>
        <source>checking</source>
        <translation>wird geprüft</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>läuft nicht</translation>
    </message>
    <message>
        <source>unexpected answer</source>
        <translation>unerwartete Antwort</translation>
    </message>
    <message>
        <source>invalid address</source>
        <translation>ungültige Adresse</translation>
    </message>
    <message>
        <source>Receiver %1: %2</source>
        <translation>Empfänger %1: %2</translation>
    </message>
    <message>
        <source>Events: reading…</source>
        <translation>Ereignisse: werden gelesen…</translation>
    </message>
    <message>
        <source>Events: none yet</source>
        <translation>Ereignisse: noch keine</translation>
    </message>
    <message>
        <source>Events: store unreadable</source>
        <translation>Ereignisse: Speicher nicht lesbar</translation>
    </message>
    <message>
        <source>Events: %1 (%2/min)</source>
        <translation>Ereignisse: %1 (%2/min)</translation>
    </message>
    <message>
        <source>Events: %1</source>
        <translation>Ereignisse: %1</translation>
    </message>
    <message>
        <source>Last poll: %1</source>
        <translation>Letzte Abfrage: %1</translation>
    </message>
    <message>
        <source>Last poll: —</source>
        <translation>Letzte Abfrage: —</translation>
    </message>
    <message>
        <source>The poller has recorded its position; the time of its last run is not shown yet.</source>
        <translation>Die Abfrage hat ihre Position gespeichert; der Zeitpunkt ihres letzten Laufs wird noch nicht angezeigt.</translation>
    </message>
    <message>
        <source>The poller has not run on this store yet.</source>
        <translation>Die Abfrage ist für diesen Speicher noch nicht gelaufen.</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::CustomerEventModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>The stored payload could not be read.</source>
        <translation>Die gespeicherten Nutzdaten konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 changed</source>
        <translation>%1 geändert</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(leer)</translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>%n weitere</numerusform>
            <numerusform>%n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>attempt %1</source>
        <translation>Versuch %1</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::CustomerIoTab</name>
    <message>
        <source>The workspace that receives profiles and events. Find the values in Customer.io under Settings → Workspace Settings → API Credentials.</source>
        <translation>Der Workspace, der Profile und Ereignisse erhält. Die Werte finden Sie in Customer.io unter Settings → Workspace Settings → API Credentials.</translation>
    </message>
    <message>
        <source>&amp;Site ID:</source>
        <translation>&amp;Site-ID:</translation>
    </message>
    <message>
        <source>&amp;Track API key:</source>
        <translation>&amp;Track-API-Schlüssel:</translation>
    </message>
    <message>
        <source>A&amp;pp API key:</source>
        <translation>A&amp;pp-API-Schlüssel:</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>&amp;Region:</translation>
    </message>
    <message>
        <source>United States (US)</source>
        <translation>Vereinigte Staaten (US)</translation>
    </message>
    <message>
        <source>European Union (EU)</source>
        <translation>Europäische Union (EU)</translation>
    </message>
    <message>
        <source>The data centre your workspace was created in; keys do not work in the other one.</source>
        <translation>Das Rechenzentrum, in dem Ihr Workspace angelegt wurde; Schlüssel funktionieren im jeweils anderen nicht.</translation>
    </message>
    <message>
        <source>Test Connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>A value contains a space or line break; copy it again without them.</source>
        <translation>Ein Wert enthält ein Leerzeichen oder einen Zeilenumbruch; kopieren Sie ihn erneut ohne diese.</translation>
    </message>
    <message>
        <source>Ask Customer.io whether the entered credentials work in the chosen region</source>
        <translation>Customer.io fragen, ob die eingegebenen Zugangsdaten in der gewählten Region funktionieren</translation>
    </message>
    <message>
        <source>Cancel Test</source>
        <translation>Test abbrechen</translation>
    </message>
    <message>
        <source>Track API: not tested; it needs both the site ID and the Track API key.</source>
        <translation>Track-API: nicht getestet; dafür sind sowohl die Site-ID als auch der Track-API-Schlüssel nötig.</translation>
    </message>
    <message>
        <source>Track API: not tested; no site ID and Track API key are entered.</source>
        <translation>Track-API: nicht getestet; Site-ID und Track-API-Schlüssel sind nicht eingegeben.</translation>
    </message>
    <message>
        <source>App API: not tested; no App API key is entered.</source>
        <translation>App-API: nicht getestet; es ist kein App-API-Schlüssel eingegeben.</translation>
    </message>
    <message>
        <source>Nothing to test yet.</source>
        <translation>Noch nichts zu testen.</translation>
    </message>
    <message>
        <source>Asking Customer.io…</source>
        <translation>Customer.io wird gefragt…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Track API</source>
        <translation>Track-API</translation>
    </message>
    <message>
        <source>App API</source>
        <translation>App-API</translation>
    </message>
    <message>
        <source>Connected.</source>
        <translation>Verbunden.</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>Test cancelled.</source>
        <translation>Test abgebrochen.</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::CustomerPage</name>
    <message>
        <source>Customer id (cus_…) or email</source>
        <translation>Kunden-ID (cus_…) oder E-Mail</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Current state</source>
        <translation>Aktueller Stand</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation>Abonnement</translation>
    </message>
    <message>
        <source>Trial ends</source>
        <translation>Testphase endet</translation>
    </message>
    <message>
        <source>Current period ends</source>
        <translation>Aktueller Abrechnungszeitraum endet</translation>
    </message>
    <message>
        <source>Cancellation</source>
        <translation>Kündigung</translation>
    </message>
    <message>
        <source>Delinquent</source>
        <translation>Zahlungsverzug</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Enter a customer id (cus_…) or an email address to follow that customer&apos;s events.</source>
        <translation>Geben Sie eine Kunden-ID (cus_…) oder eine E-Mail-Adresse ein, um die Ereignisse dieses Kunden zu verfolgen.</translation>
    </message>
    <message>
        <source>Enter a customer id (cus_…) or an email address, then choose Show.</source>
        <translation>Geben Sie eine Kunden-ID (cus_…) oder eine E-Mail-Adresse ein, und wählen Sie dann „Anzeigen“.</translation>
    </message>
    <message>
        <source>Reading the events of %1…</source>
        <translation>Ereignisse von %1 werden gelesen…</translation>
    </message>
    <message>
        <source>No events for customer %1 are stored. Check the id, or run a backfill if the customer is older than this store.</source>
        <translation>Für den Kunden %1 sind keine Ereignisse gespeichert. Prüfen Sie die ID, oder führen Sie einen Backfill aus, wenn der Kunde älter als dieser Speicher ist.</translation>
    </message>
    <message>
        <source>No stored event carries the address %1. Check the spelling, or search by customer id (cus_…).</source>
        <translation>Kein gespeichertes Ereignis enthält die Adresse %1. Prüfen Sie die Schreibweise, oder suchen Sie nach der Kunden-ID (cus_…).</translation>
    </message>
    <message>
        <source>There is no event store at %1 yet. Receive or import events first, then search again.</source>
        <translation>Unter %1 gibt es noch keinen Ereignisspeicher. Empfangen oder importieren Sie zuerst Ereignisse, und suchen Sie dann erneut.</translation>
    </message>
    <message>
        <source>The event store could not be read: %1</source>
        <translation>Der Ereignisspeicher konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Showing the newest %1 events of this customer; older ones are left out of the list and the state.</source>
        <translation>Angezeigt werden die neuesten %1 Ereignisse dieses Kunden; ältere sind in der Liste und im Stand nicht berücksichtigt.</translation>
    </message>
    <message numerus="yes">
        <source>%n stored event(s) could not be read and were left out.</source>
        <translation>
            <numerusform>%n gespeichertes Ereignis konnte nicht gelesen werden und wurde ausgelassen.</numerusform>
            <numerusform>%n gespeicherte Ereignisse konnten nicht gelesen werden und wurden ausgelassen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s), oldest first</source>
        <translation>
            <numerusform>%n Ereignis, ältestes zuerst</numerusform>
            <numerusform>%n Ereignisse, älteste zuerst</numerusform>
        </translation>
    </message>
    <message>
        <source>Trialing</source>
        <translation>Testphase</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Past due</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Gekündigt</translation>
    </message>
    <message>
        <source>Unpaid</source>
        <translation>Unbezahlt</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>Unvollständig</translation>
    </message>
    <message>
        <source>Incomplete, expired</source>
        <translation>Unvollständig, abgelaufen</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 (deleted in Stripe)</source>
        <translation>%1 (in Stripe gelöscht)</translation>
    </message>
    <message>
        <source>No subscription in the stored events</source>
        <translation>Kein Abonnement in den gespeicherten Ereignissen</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keines</translation>
    </message>
    <message>
        <source>Unknown plan</source>
        <translation>Unbekannter Tarif</translation>
    </message>
    <message>
        <source>%1 · %2 per %3</source>
        <translation>%1 · %2 pro %3</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (and %n other(s))</source>
        <translation>
            <numerusform>%1 (und %n weiteres)</numerusform>
            <numerusform>%1 (und %n weitere)</numerusform>
        </translation>
    </message>
    <message>
        <source>Ended %1</source>
        <translation>Beendet am %1</translation>
    </message>
    <message>
        <source>Cancels at period end (%1)</source>
        <translation>Gekündigt zum Ende des Abrechnungszeitraums (%1)</translation>
    </message>
    <message>
        <source>Cancels on %1</source>
        <translation>Gekündigt zum %1</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>an unknown amount</source>
        <translation>ein unbekannter Betrag</translation>
    </message>
    <message>
        <source>last failed payment: %1 on %2, attempt %3</source>
        <translation>letzte fehlgeschlagene Zahlung: %1 am %2, Versuch %3</translation>
    </message>
    <message>
        <source>%1; next retry %2</source>
        <translation>%1; nächster Versuch %2</translation>
    </message>
    <message>
        <source>%1; Stripe will not retry</source>
        <translation>%1; Stripe versucht es nicht erneut</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Select an *.updated event to see which fields it changed.</source>
        <translation>Wählen Sie ein *.updated-Ereignis aus, um zu sehen, welche Felder es geändert hat.</translation>
    </message>
    <message>
        <source>%1 (%2) names no changed fields.</source>
        <translation>%1 (%2) nennt keine geänderten Felder.</translation>
    </message>
    <message>
        <source>Fields changed by %1 (%2)</source>
        <translation>Durch %1 (%2) geänderte Felder</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::DemoLauncher</name>
    <message>
        <source>%1 already holds events that are not demo data, so no demo data was written there: demo data is never mixed with real events. Move or rename that file, then choose Open Demo Data again.</source>
        <translation>%1 enthält bereits Ereignisse, die keine Demodaten sind, daher wurden dort keine Demodaten geschrieben: Demodaten werden nie mit echten Ereignissen vermischt. Verschieben oder benennen Sie diese Datei um, und wählen Sie dann erneut „Demodaten öffnen“.</translation>
    </message>
    <message>
        <source>Check that its folder can be written to and that the disk has space, then try again.</source>
        <translation>Prüfen Sie, ob in den Ordner geschrieben werden kann und auf dem Datenträger genug Platz frei ist, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The demo data could not be created at %1: %2</source>
        <translation>Die Demodaten konnten unter %1 nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>The demo data is ready at %1, but a second console window could not be started. Start it yourself with: %2 --db %1</source>
        <translation>Die Demodaten liegen unter %1 bereit, aber ein zweites Konsolenfenster konnte nicht gestartet werden. Starten Sie es selbst mit: %2 --db %1</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::EventDetailView</name>
    <message>
        <source>Select an event to see what Stripe sent</source>
        <translation>Wählen Sie ein Ereignis aus, um zu sehen, was Stripe gesendet hat</translation>
    </message>
    <message>
        <source>Copy value</source>
        <translation>Wert kopieren</translation>
    </message>
    <message>
        <source>Copy path</source>
        <translation>Pfad kopieren</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>Copy as JSON</source>
        <translation>Als JSON kopieren</translation>
    </message>
    <message>
        <source>Ctrl+Alt+C</source>
        <translation>Ctrl+Alt+C</translation>
    </message>
    <message>
        <source>Filter on this value</source>
        <translation>Nach diesem Wert filtern</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <source>Show only events that match this value in the event list</source>
        <translation>In der Ereignisliste nur Ereignisse mit diesem Wert anzeigen</translation>
    </message>
    <message>
        <source>Expand all</source>
        <translation>Alle aufklappen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Right</source>
        <translation>Ctrl+Shift+Right</translation>
    </message>
    <message>
        <source>Collapse all</source>
        <translation>Alle zuklappen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Left</source>
        <translation>Ctrl+Shift+Left</translation>
    </message>
    <message>
        <source>created %1</source>
        <translation>erstellt %1</translation>
    </message>
    <message>
        <source>LIVE</source>
        <translation>LIVE</translation>
    </message>
    <message>
        <source>TEST</source>
        <translation>TEST</translation>
    </message>
    <message>
        <source>webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>polled from the Stripe API</source>
        <translation>per Abfrage von der Stripe-API geholt</translation>
    </message>
    <message>
        <source>backfilled from the Stripe API</source>
        <translation>per Backfill von der Stripe-API geholt</translation>
    </message>
    <message>
        <source>%1, signature verified</source>
        <translation>%1, Signatur geprüft</translation>
    </message>
    <message>
        <source>%1, fetched over the authenticated API (no signature)</source>
        <translation>%1, über die authentifizierte API abgerufen (ohne Signatur)</translation>
    </message>
    <message>
        <source>received %1</source>
        <translation>empfangen %1</translation>
    </message>
    <message>
        <source>seen 1 duplicate delivery</source>
        <translation>1 doppelte Zustellung erkannt</translation>
    </message>
    <message numerus="yes">
        <source>seen %n duplicate deliveries</source>
        <translation>
            <numerusform>%n doppelte Zustellung erkannt</numerusform>
            <numerusform>%n doppelte Zustellungen erkannt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::EventFilterBar</name>
    <message>
        <source>Save Filter</source>
        <translation>Filter speichern</translation>
    </message>
    <message>
        <source>Name for this filter:</source>
        <translation>Name für diesen Filter:</translation>
    </message>
    <message>
        <source>Replace Saved Filter</source>
        <translation>Gespeicherten Filter ersetzen</translation>
    </message>
    <message>
        <source>A filter named “%1” exists already. Replace it?</source>
        <translation>Ein Filter namens „%1“ ist bereits vorhanden. Möchten Sie ihn ersetzen?</translation>
    </message>
    <message>
        <source>Types, e.g. invoice.* customer.subscription.updated</source>
        <translation>Typen, z. B. invoice.* customer.subscription.updated</translation>
    </message>
    <message>
        <source>Event types to show, separated by spaces or commas. &apos;*&apos; stands for any text, so invoice.* shows every invoice event.</source>
        <translation>Anzuzeigende Ereignistypen, getrennt durch Leerzeichen oder Kommas. &apos;*&apos; steht für beliebigen Text, daher zeigt invoice.* alle invoice-Ereignisse.</translation>
    </message>
    <message>
        <source>Types</source>
        <translation>Typen</translation>
    </message>
    <message>
        <source>Pick from the event types in this store</source>
        <translation>Aus den Ereignistypen in diesem Speicher wählen</translation>
    </message>
    <message>
        <source>Customer id (cus_…) or email</source>
        <translation>Kunden-ID (cus_…) oder E-Mail</translation>
    </message>
    <message>
        <source>Search payloads</source>
        <translation>Nutzdaten durchsuchen</translation>
    </message>
    <message>
        <source>Finds events whose payload contains every word, e.g. an invoice number, a price id or a name. End a word with * to match its beginning.</source>
        <translation>Findet Ereignisse, deren Nutzdaten jedes der Wörter enthalten, z. B. eine Rechnungsnummer, eine Preis-ID oder einen Namen. Beenden Sie ein Wort mit *, um nach seinem Anfang zu suchen.</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Beliebiger Zeitraum</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Between…</source>
        <translation>Zwischen…</translation>
    </message>
    <message>
        <source>When Stripe created the event</source>
        <translation>Wann Stripe das Ereignis erstellt hat</translation>
    </message>
    <message>
        <source>From (inclusive)</source>
        <translation>Von (einschließlich)</translation>
    </message>
    <message>
        <source>Until (exclusive)</source>
        <translation>Bis (ausschließlich)</translation>
    </message>
    <message>
        <source>Live and test</source>
        <translation>Live und Test</translation>
    </message>
    <message>
        <source>Live only</source>
        <translation>Nur Live</translation>
    </message>
    <message>
        <source>Test only</source>
        <translation>Nur Test</translation>
    </message>
    <message>
        <source>Any source</source>
        <translation>Beliebige Quelle</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>Poller</source>
        <translation>Abfrage</translation>
    </message>
    <message>
        <source>Backfill</source>
        <translation>Backfill</translation>
    </message>
    <message>
        <source>How the event reached Billbridge</source>
        <translation>Wie das Ereignis zu Billbridge gelangt ist</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Show every event</source>
        <translation>Alle Ereignisse anzeigen</translation>
    </message>
    <message>
        <source>Saved:</source>
        <translation>Gespeichert:</translation>
    </message>
    <message>
        <source>Filters saved in this store (the command line finds them too)</source>
        <translation>In diesem Speicher gespeicherte Filter (auch die Befehlszeile findet sie)</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>(auswählen)</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>Save the current filter under a name</source>
        <translation>Den aktuellen Filter unter einem Namen speichern</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete the chosen saved filter</source>
        <translation>Den gewählten gespeicherten Filter löschen</translation>
    </message>
    <message>
        <source>“%1” is not an event type or pattern: use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;*&apos;, as in invoice.* or customer.subscription.updated.</source>
        <translation>„%1“ ist weder ein Ereignistyp noch ein Muster: Verwenden Sie Buchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; und &apos;*&apos;, wie in invoice.* oder customer.subscription.updated.</translation>
    </message>
    <message>
        <source>“%1” is neither a customer id (cus_…) nor an email address. To find a customer by name, type the name into Search payloads.</source>
        <translation>„%1“ ist weder eine Kunden-ID (cus_…) noch eine E-Mail-Adresse. Um einen Kunden nach Namen zu finden, geben Sie den Namen unter „Nutzdaten durchsuchen“ ein.</translation>
    </message>
    <message>
        <source>The period ends before it starts: choose an end after the beginning.</source>
        <translation>Der Zeitraum endet, bevor er beginnt: Wählen Sie ein Ende nach dem Beginn.</translation>
    </message>
    <message>
        <source>Reading the store…</source>
        <translation>Speicher wird gelesen …</translation>
    </message>
    <message>
        <source>No events stored yet</source>
        <translation>Noch keine Ereignisse gespeichert</translation>
    </message>
    <message>
        <source>Families</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <source>Types in this store</source>
        <translation>Typen in diesem Speicher</translation>
    </message>
    <message>
        <source>Saved filters: %1</source>
        <translation>Gespeicherte Filter: %1</translation>
    </message>
    <message>
        <source>A saved filter needs a name. Nothing was saved.</source>
        <translation>Ein gespeicherter Filter braucht einen Namen. Es wurde nichts gespeichert.</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::EventListModel</name>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>Poll</source>
        <translation>Abfrage</translation>
    </message>
    <message>
        <source>Backfill</source>
        <translation>Backfill</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Verified webhook signature: Stripe signed this delivery and Billbridge checked the signature before storing it.</source>
        <translation>Geprüfte Webhook-Signatur: Stripe hat diese Zustellung signiert, und Billbridge hat die Signatur vor dem Speichern geprüft.</translation>
    </message>
    <message>
        <source>Fetched from the Stripe API by Billbridge over an authenticated connection; such events carry no webhook signature.</source>
        <translation>Von Billbridge über eine authentifizierte Verbindung von der Stripe-API abgerufen; solche Ereignisse haben keine Webhook-Signatur.</translation>
    </message>
    <message>
        <source>Live mode: a real payment event.</source>
        <translation>Live-Modus: ein echtes Zahlungsereignis.</translation>
    </message>
    <message>
        <source>Test mode: made with test keys; no real money moved.</source>
        <translation>Testmodus: mit Testschlüsseln erzeugt; es wurde kein echtes Geld bewegt.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signatur</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>Event ID</source>
        <translation>Ereignis-ID</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::EventReader</name>
    <message>
        <source>The event list could not be read from the store: %1</source>
        <translation>Die Ereignisliste konnte nicht aus dem Speicher gelesen werden: %1</translation>
    </message>
    <message>
        <source>There is no event store yet. Start receiving or import events, then select the event again.</source>
        <translation>Es gibt noch keinen Ereignisspeicher. Empfangen oder importieren Sie Ereignisse, und wählen Sie das Ereignis dann erneut aus.</translation>
    </message>
    <message>
        <source>The event %1 is no longer in the store. Refresh the list.</source>
        <translation>Das Ereignis %1 ist nicht mehr im Speicher. Aktualisieren Sie die Liste.</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::EventsPage</name>
    <message>
        <source>Follow new events</source>
        <translation>Neuen Ereignissen folgen</translation>
    </message>
    <message>
        <source>Keep the newest event in view as events arrive</source>
        <translation>Das neueste Ereignis sichtbar halten, während Ereignisse eintreffen</translation>
    </message>
    <message>
        <source>Newest</source>
        <translation>Neueste</translation>
    </message>
    <message>
        <source>Go to the newest matching events</source>
        <translation>Zu den neuesten passenden Ereignissen springen</translation>
    </message>
    <message>
        <source>Oldest</source>
        <translation>Älteste</translation>
    </message>
    <message>
        <source>Go to the oldest matching events</source>
        <translation>Zu den ältesten passenden Ereignissen springen</translation>
    </message>
    <message>
        <source>Follow Customer</source>
        <translation>Kunden verfolgen</translation>
    </message>
    <message>
        <source>Show this customer&apos;s events, current state and changes</source>
        <translation>Ereignisse, aktuellen Stand und Änderungen dieses Kunden anzeigen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Save the selected events, or every matching event, as JSON lines or CSV</source>
        <translation>Die ausgewählten Ereignisse oder alle passenden Ereignisse als JSON Lines oder CSV speichern</translation>
    </message>
    <message>
        <source>No events yet</source>
        <translation>Noch keine Ereignisse</translation>
    </message>
    <message>
        <source>1 matching event</source>
        <translation>1 passendes Ereignis</translation>
    </message>
    <message>
        <source>%1 matching events</source>
        <translation>%1 passende Ereignisse</translation>
    </message>
    <message>
        <source>%1 or more matching events</source>
        <translation>%1 oder mehr passende Ereignisse</translation>
    </message>
    <message>
        <source>Nothing has been received or imported yet. Events appear here as soon as they are stored.</source>
        <translation>Es wurde noch nichts empfangen oder importiert. Ereignisse erscheinen hier, sobald sie gespeichert sind.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Showing older events; new arrivals are not added until you go back to the newest.</source>
        <translation>Ältere Ereignisse werden angezeigt; neu eintreffende werden erst hinzugefügt, wenn Sie zu den neuesten zurückkehren.</translation>
    </message>
    <message>
        <source>Only This Type</source>
        <translation>Nur dieser Typ</translation>
    </message>
    <message>
        <source>Only This Customer</source>
        <translation>Nur dieser Kunde</translation>
    </message>
    <message>
        <source>Copy Event Id</source>
        <translation>Ereignis-ID kopieren</translation>
    </message>
    <message>
        <source>Export Selected…</source>
        <translation>Auswahl exportieren…</translation>
    </message>
    <message>
        <source>Reset Columns</source>
        <translation>Spalten zurücksetzen</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::ExportDialog</name>
    <message>
        <source>Export events</source>
        <translation>Ereignisse exportieren</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Selected events (%1)</source>
        <translation>Ausgewählte Ereignisse (%1)</translation>
    </message>
    <message>
        <source>All events matching the current filter (counting…)</source>
        <translation>Alle Ereignisse, die zum aktuellen Filter passen (werden gezählt…)</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>JSON lines: each event&apos;s payload as Stripe sent it</source>
        <translation>JSON Lines: die Nutzdaten jedes Ereignisses so, wie Stripe sie gesendet hat</translation>
    </message>
    <message>
        <source>CSV: one row per event, for spreadsheets</source>
        <translation>CSV: eine Zeile pro Ereignis, für Tabellenkalkulationen</translation>
    </message>
    <message>
        <source>Choose where to save the file</source>
        <translation>Speicherort der Datei wählen</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Include email addresses and names unmasked</source>
        <translation>E-Mail-Adressen und Namen unmaskiert übernehmen</translation>
    </message>
    <message>
        <source>Without this, emails, names, phone numbers and postal addresses are masked (a***@e***.com). An unmasked export is recorded in the audit log with your user name, the file and the filter.</source>
        <translation>Ohne diese Option werden E-Mail-Adressen, Namen, Telefonnummern und Postanschriften maskiert (a***@e***.com). Ein unmaskierter Export wird mit Ihrem Benutzernamen, der Datei und dem Filter im Audit-Protokoll festgehalten.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>All events matching the current filter</source>
        <translation>Alle Ereignisse, die zum aktuellen Filter passen</translation>
    </message>
    <message>
        <source>All events matching the current filter (%1)</source>
        <translation>Alle Ereignisse, die zum aktuellen Filter passen (%1)</translation>
    </message>
    <message>
        <source>All events matching the current filter (%1 or more)</source>
        <translation>Alle Ereignisse, die zum aktuellen Filter passen (%1 oder mehr)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Wird exportiert…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Exported %1 of %2 events…</source>
        <translation>%1 von %2 Ereignissen exportiert…</translation>
    </message>
    <message>
        <source>Exported %1 events…</source>
        <translation>%1 Ereignisse exportiert…</translation>
    </message>
    <message>
        <source>Exported %1 events to %2.</source>
        <translation>%1 Ereignisse nach %2 exportiert.</translation>
    </message>
    <message numerus="yes">
        <source>%n selected event(s) are no longer in the store.</source>
        <translation>
            <numerusform>%n ausgewähltes Ereignis ist nicht mehr im Speicher.</numerusform>
            <numerusform>%n ausgewählte Ereignisse sind nicht mehr im Speicher.</numerusform>
        </translation>
    </message>
    <message>
        <source>The file holds unmasked personal data and the export is recorded in the audit log; keep it safe and delete it when done.</source>
        <translation>Die Datei enthält unmaskierte personenbezogene Daten, und der Export ist im Audit-Protokoll festgehalten; bewahren Sie sie sicher auf und löschen Sie sie, sobald Sie sie nicht mehr benötigen.</translation>
    </message>
    <message>
        <source>Export cancelled. Nothing was written, and an earlier file at %1 was left as it was.</source>
        <translation>Export abgebrochen. Es wurde nichts geschrieben, und eine frühere Datei unter %1 ist unverändert geblieben.</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>Der Export ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>JSON lines files (*.jsonl)</source>
        <translation>JSON-Lines-Dateien (*.jsonl)</translation>
    </message>
    <message>
        <source>Include personal data?</source>
        <translation>Personenbezogene Daten übernehmen?</translation>
    </message>
    <message>
        <source>The file will contain customers&apos; email addresses, names, phone numbers and postal addresses as Stripe sent them.

The export is recorded in the audit log with your user name, the file and the filter. Keep the file safe and delete it when you no longer need it.</source>
        <translation>Die Datei wird die E-Mail-Adressen, Namen, Telefonnummern und Postanschriften der Kunden so enthalten, wie Stripe sie gesendet hat.

Der Export wird mit Ihrem Benutzernamen, der Datei und dem Filter im Audit-Protokoll festgehalten. Bewahren Sie die Datei sicher auf und löschen Sie sie, sobald Sie sie nicht mehr benötigen.</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::GettingStartedPanel</name>
    <message>
        <source>Getting started</source>
        <translation>Erste Schritte</translation>
    </message>
    <message>
        <source>Store your Stripe credentials:</source>
        <translation>Hinterlegen Sie Ihre Stripe-Zugangsdaten:</translation>
    </message>
    <message>
        <source>Start the receiver, which also creates the store:</source>
        <translation>Starten Sie den Empfänger; er legt auch den Speicher an:</translation>
    </message>
    <message>
        <source>Forward test-mode webhooks to it with the Stripe CLI:</source>
        <translation>Leiten Sie Webhooks aus dem Testmodus mit der Stripe-CLI an ihn weiter:</translation>
    </message>
    <message>
        <source>Optionally, import the last 30 days of events:</source>
        <translation>Importieren Sie bei Bedarf die Ereignisse der letzten 30 Tage:</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy this command to the clipboard</source>
        <translation>Diesen Befehl in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>No events have arrived yet. Connect Stripe and receive or import its events here, or look around with made-up demo data first:</source>
        <translation>Es sind noch keine Ereignisse eingetroffen. Verbinden Sie Stripe, und empfangen oder importieren Sie hier dessen Ereignisse, oder sehen Sie sich zuerst mit erfundenen Demodaten um:</translation>
    </message>
    <message>
        <source>Connections…</source>
        <translation>Verbindungen…</translation>
    </message>
    <message>
        <source>Enter your Stripe and Customer.io credentials</source>
        <translation>Ihre Zugangsdaten für Stripe und Customer.io eingeben</translation>
    </message>
    <message>
        <source>Receive Events in This Window</source>
        <translation>Ereignisse in diesem Fenster empfangen</translation>
    </message>
    <message>
        <source>Listen for Stripe webhooks in this window, without a separate billbridge-cli serve</source>
        <translation>In diesem Fenster auf Stripe-Webhooks lauschen, ohne separates billbridge-cli serve</translation>
    </message>
    <message>
        <source>This console was started without its own receiver; use billbridge-cli serve instead</source>
        <translation>Diese Konsole wurde ohne eigenen Empfänger gestartet; verwenden Sie stattdessen billbridge-cli serve</translation>
    </message>
    <message>
        <source>Backfill from Stripe…</source>
        <translation>Backfill aus Stripe…</translation>
    </message>
    <message>
        <source>Import the events Stripe still keeps (up to 30 days)</source>
        <translation>Die Ereignisse importieren, die Stripe noch aufbewahrt (bis zu 30 Tage)</translation>
    </message>
    <message>
        <source>Open Demo Data</source>
        <translation>Demodaten öffnen</translation>
    </message>
    <message>
        <source>Open a separate DEMO store with a made-up Stripe history in a second window; your own store is not touched</source>
        <translation>Einen separaten DEMO-Speicher mit einem erfundenen Stripe-Verlauf in einem zweiten Fenster öffnen; Ihr eigener Speicher bleibt unberührt</translation>
    </message>
    <message>
        <source>Or from a terminal, for example on a server without a display:</source>
        <translation>Oder in einem Terminal, zum Beispiel auf einem Server ohne Bildschirm:</translation>
    </message>
    <message>
        <source>Generating demo data…</source>
        <translation>Demodaten werden erzeugt…</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::JobDetailView</name>
    <message>
        <source>This job&apos;s stored request cannot be read (%1), so it cannot be sent. Discard it; if the causing event still matters, replay the event.</source>
        <translation>Die gespeicherte Anfrage dieses Auftrags kann nicht gelesen werden (%1), daher kann sie nicht gesendet werden. Verwerfen Sie den Auftrag; wenn das auslösende Ereignis noch von Bedeutung ist, spielen Sie das Ereignis erneut ein.</translation>
    </message>
    <message>
        <source>Show Stripe Event</source>
        <translation>Stripe-Ereignis anzeigen</translation>
    </message>
    <message>
        <source>Open the Stripe event that caused this job on the Events page</source>
        <translation>Das Stripe-Ereignis, das diesen Auftrag ausgelöst hat, auf der Seite „Ereignisse“ öffnen</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Error class</source>
        <translation>Fehlerklasse</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Select a job to see the request it sends and every attempt to send it.</source>
        <translation>Wählen Sie einen Auftrag aus, um seine Anfrage und alle Versuche, sie zu senden, zu sehen.</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Letzter Fehler: %1</translation>
    </message>
    <message>
        <source>Discarded because: %1</source>
        <translation>Verworfen mit der Begründung: %1</translation>
    </message>
    <message>
        <source>Job %1, customer %2</source>
        <translation>Auftrag %1, Kunde %2</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <source>Idempotency key: %1</source>
        <translation>Idempotenzschlüssel: %1</translation>
    </message>
    <message>
        <source>Customer.io event id: %1</source>
        <translation>Customer.io-Ereignis-ID: %1</translation>
    </message>
    <message>
        <source>(none: Customer.io cannot drop a repeat)</source>
        <translation>(keine: Customer.io kann Wiederholungen nicht herausfiltern)</translation>
    </message>
    <message>
        <source>Stripe event: %1</source>
        <translation>Stripe-Ereignis: %1</translation>
    </message>
    <message>
        <source>(none: made by an operator)</source>
        <translation>(keines: von einem Bediener angelegt)</translation>
    </message>
    <message>
        <source>Created %1, updated %2</source>
        <translation>Erstellt %1, aktualisiert %2</translation>
    </message>
    <message>
        <source>Next attempt not before %1</source>
        <translation>Nächster Versuch frühestens %1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::JobFilterBar</name>
    <message>
        <source>Show jobs in these states (any when none is ticked)</source>
        <translation>Aufträge in diesen Zuständen anzeigen (alle, wenn keiner angehakt ist)</translation>
    </message>
    <message>
        <source>Any operation</source>
        <translation>Beliebiger Vorgang</translation>
    </message>
    <message>
        <source>The kind of request sent to Customer.io</source>
        <translation>Die Art der Anfrage, die an Customer.io gesendet wird</translation>
    </message>
    <message>
        <source>Customer id</source>
        <translation>Kunden-ID</translation>
    </message>
    <message>
        <source>The Stripe customer id the job is for, e.g. cus_…</source>
        <translation>Die Stripe-Kunden-ID, für die der Auftrag bestimmt ist, z. B. cus_…</translation>
    </message>
    <message>
        <source>Error class</source>
        <translation>Fehlerklasse</translation>
    </message>
    <message>
        <source>The class of the last error, e.g. rate_limited, timeout or http_4xx</source>
        <translation>Die Klasse des letzten Fehlers, z. B. rate_limited, timeout oder http_4xx</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Beliebiger Zeitraum</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Between…</source>
        <translation>Zwischen…</translation>
    </message>
    <message>
        <source>When the job last changed</source>
        <translation>Wann sich der Auftrag zuletzt geändert hat</translation>
    </message>
    <message>
        <source>From (inclusive)</source>
        <translation>Von (einschließlich)</translation>
    </message>
    <message>
        <source>Until (inclusive)</source>
        <translation>Bis (einschließlich)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Show every job</source>
        <translation>Alle Aufträge anzeigen</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>Beliebiger Zustand</translation>
    </message>
    <message numerus="yes">
        <source>%n states</source>
        <translation>
            <numerusform>%n Zustand</numerusform>
            <numerusform>%n Zustände</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” is not a customer id: ids have no spaces. Type one id, such as cus_…</source>
        <translation>„%1“ ist keine Kunden-ID: IDs enthalten keine Leerzeichen. Geben Sie eine einzelne ID ein, etwa cus_…</translation>
    </message>
    <message>
        <source>“%1” is not an error class: use the short name shown in the Last error column, such as timeout or http_4xx.</source>
        <translation>„%1“ ist keine Fehlerklasse: Verwenden Sie den Kurznamen aus der Spalte „Letzter Fehler“, etwa timeout oder http_4xx.</translation>
    </message>
    <message>
        <source>The period ends before it starts: choose an end after the beginning.</source>
        <translation>Der Zeitraum endet, bevor er beginnt: Wählen Sie ein Ende nach dem Beginn.</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::JobListModel</name>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Nächster Versuch</translation>
    </message>
    <message>
        <source>Event ID</source>
        <translation>Ereignis-ID</translation>
    </message>
    <message>
        <source>Job ID</source>
        <translation>Auftrags-ID</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::JobReader</name>
    <message>
        <source>The job queue could not be read from the store: %1. Check that the disk is available; the list tries again by itself.</source>
        <translation>Die Auftragswarteschlange konnte nicht aus dem Speicher gelesen werden: %1. Prüfen Sie, ob der Datenträger verfügbar ist; die Liste versucht es von selbst erneut.</translation>
    </message>
    <message>
        <source>There is no store yet, so there are no jobs.</source>
        <translation>Es gibt noch keinen Speicher, daher gibt es keine Aufträge.</translation>
    </message>
    <message>
        <source>Job %1 is no longer in the store.</source>
        <translation>Der Auftrag %1 ist nicht mehr im Speicher.</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::JobText</name>
    <message>
        <source>Identify person</source>
        <translation>Person identifizieren</translation>
    </message>
    <message>
        <source>Delete person</source>
        <translation>Person löschen</translation>
    </message>
    <message>
        <source>Custom event</source>
        <translation>Benutzerdefiniertes Ereignis</translation>
    </message>
    <message>
        <source>Suppress person</source>
        <translation>Person unterdrücken</translation>
    </message>
    <message>
        <source>Unsuppress person</source>
        <translation>Unterdrückung der Person aufheben</translation>
    </message>
    <message>
        <source>Add to segment</source>
        <translation>Zu Segment hinzufügen</translation>
    </message>
    <message>
        <source>Remove from segment</source>
        <translation>Aus Segment entfernen</translation>
    </message>
    <message>
        <source>Transactional email</source>
        <translation>Transaktions-E-Mail</translation>
    </message>
    <message>
        <source>Trigger broadcast</source>
        <translation>Broadcast auslösen</translation>
    </message>
    <message>
        <source>Look up people by email</source>
        <translation>Personen nach E-Mail suchen</translation>
    </message>
    <message>
        <source>List broadcasts</source>
        <translation>Broadcasts auflisten</translation>
    </message>
    <message>
        <source>List transactional messages</source>
        <translation>Transaktionsnachrichten auflisten</translation>
    </message>
    <message>
        <source>List segments</source>
        <translation>Segmente auflisten</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>In flight</source>
        <translation>Wird gesendet</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Retry scheduled</source>
        <translation>Neuer Versuch geplant</translation>
    </message>
    <message>
        <source>Dead</source>
        <translation>Gescheitert</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Zu prüfen</translation>
    </message>
    <message>
        <source>Discarded</source>
        <translation>Verworfen</translation>
    </message>
    <message>
        <source>Waiting to be sent.</source>
        <translation>Wartet darauf, gesendet zu werden.</translation>
    </message>
    <message>
        <source>Being sent to Customer.io right now.</source>
        <translation>Wird gerade an Customer.io gesendet.</translation>
    </message>
    <message>
        <source>Customer.io accepted the request.</source>
        <translation>Customer.io hat die Anfrage angenommen.</translation>
    </message>
    <message>
        <source>A send failed for a passing reason; it is tried again after the next attempt time.</source>
        <translation>Ein Sendeversuch ist aus einem vorübergehenden Grund fehlgeschlagen; er wird nach dem Zeitpunkt des nächsten Versuchs wiederholt.</translation>
    </message>
    <message>
        <source>Sending failed for good (rejected, or too many failures). Fix the cause, then retry it.</source>
        <translation>Das Senden ist endgültig fehlgeschlagen (abgelehnt oder zu viele Fehlschläge). Beheben Sie die Ursache, und senden Sie den Auftrag dann erneut.</translation>
    </message>
    <message>
        <source>Billbridge cannot tell whether this request reached Customer.io. Check there, then mark it as sent or send it again.</source>
        <translation>Billbridge kann nicht feststellen, ob diese Anfrage Customer.io erreicht hat. Prüfen Sie dies dort, und markieren Sie sie dann als gesendet oder senden Sie sie nochmals.</translation>
    </message>
    <message>
        <source>An operator decided this request is never to be sent.</source>
        <translation>Ein Bediener hat entschieden, dass diese Anfrage nie gesendet werden soll.</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::JsonTreeModel</name>
    <message>
        <source>The payload is not valid JSON: %1 at line %2, column %3 (byte %4). The raw view shows the bytes exactly as received.</source>
        <translation>Die Nutzdaten sind kein gültiges JSON: %1 in Zeile %2, Spalte %3 (Byte %4). Die Rohansicht zeigt die Bytes genau so, wie sie empfangen wurden.</translation>
    </message>
    <message>
        <source>{1 field}</source>
        <translation>{1 Feld}</translation>
    </message>
    <message numerus="yes">
        <source>{%n fields}</source>
        <translation>
            <numerusform>{%n Feld}</numerusform>
            <numerusform>{%n Felder}</numerusform>
        </translation>
    </message>
    <message>
        <source>[1 item]</source>
        <translation>[1 Element]</translation>
    </message>
    <message numerus="yes">
        <source>[%n items]</source>
        <translation>
            <numerusform>[%n Element]</numerusform>
            <numerusform>[%n Elemente]</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (local time)</source>
        <translation>%1 (Ortszeit)</translation>
    </message>
    <message>
        <source>%1 in the smallest unit of a currency this object does not name</source>
        <translation>%1 in der kleinsten Einheit einer Währung, die dieses Objekt nicht nennt</translation>
    </message>
    <message>
        <source>Not valid JSON</source>
        <translation>Kein gültiges JSON</translation>
    </message>
    <message>
        <source>object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>array</source>
        <translation>Array</translation>
    </message>
    <message>
        <source>string</source>
        <translation>Zeichenkette</translation>
    </message>
    <message>
        <source>number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>Wahrheitswert</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::MainWindow</name>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>Plan Mappings</source>
        <translation>Tarif-Zuordnungen</translation>
    </message>
    <message>
        <source>Dunning Rules</source>
        <translation>Mahnregeln</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Billbridge — DEMO data</source>
        <translation>Billbridge — DEMO-Daten</translation>
    </message>
    <message>
        <source>Billbridge</source>
        <translation>Billbridge</translation>
    </message>
    <message>
        <source>Stripe billing events, stored locally on their way to Customer.io</source>
        <translation>Stripe-Abrechnungsereignisse, lokal gespeichert auf dem Weg zu Customer.io</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <source>This store was filled with made-up demo data, not events from Stripe.</source>
        <translation>Dieser Speicher enthält erfundene Demodaten, keine Ereignisse von Stripe.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Connections…</source>
        <translation>&amp;Verbindungen…</translation>
    </message>
    <message>
        <source>&amp;Refresh Now</source>
        <translation>&amp;Jetzt aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Billbridge</source>
        <translation>Ü&amp;ber Billbridge</translation>
    </message>
    <message>
        <source>About Billbridge</source>
        <translation>Über Billbridge</translation>
    </message>
    <message>
        <source>Billbridge %1</source>
        <translation>Billbridge %1</translation>
    </message>
    <message>
        <source>An operations console for Stripe billing events on their way to Customer.io.</source>
        <translation>Eine Betriebskonsole für Stripe-Abrechnungsereignisse auf dem Weg zu Customer.io.</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>Speicher: %1</translation>
    </message>
    <message>
        <source>Receiver: %1</source>
        <translation>Empfänger: %1</translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2.</source>
        <translation>Erstellt mit Qt %1, läuft mit Qt %2.</translation>
    </message>
    <message>
        <source>&amp;Backfill from Stripe…</source>
        <translation>Backfill aus &amp;Stripe…</translation>
    </message>
    <message>
        <source>Import the events of the last 30 days from Stripe&apos;s Events API</source>
        <translation>Die Ereignisse der letzten 30 Tage über die Events API von Stripe importieren</translation>
    </message>
    <message>
        <source>Receive Events in This &amp;Window</source>
        <translation>Ereignisse in diesem &amp;Fenster empfangen</translation>
    </message>
    <message>
        <source>Run the webhook receiver and the Events API poller inside the console instead of &apos;billbridge-cli serve&apos;</source>
        <translation>Den Webhook-Empfänger und die Abfrage der Events API in der Konsole ausführen statt über &apos;billbridge-cli serve&apos;</translation>
    </message>
    <message>
        <source>&amp;Deliver to Customer.io from This Window</source>
        <translation>Aus diesem Fenster an Customer.io &amp;zustellen</translation>
    </message>
    <message>
        <source>Send the job queue to Customer.io from the console instead of &apos;billbridge-cli serve&apos;</source>
        <translation>Die Auftragswarteschlange aus der Konsole an Customer.io senden statt über &apos;billbridge-cli serve&apos;</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::ModeBadge</name>
    <message>
        <source>TEST</source>
        <translation>TEST</translation>
    </message>
    <message>
        <source>All stored events come from Stripe&apos;s test mode.</source>
        <translation>Alle gespeicherten Ereignisse stammen aus dem Testmodus von Stripe.</translation>
    </message>
    <message>
        <source>LIVE</source>
        <translation>LIVE</translation>
    </message>
    <message>
        <source>All stored events come from Stripe&apos;s live mode: they concern real customers.</source>
        <translation>Alle gespeicherten Ereignisse stammen aus dem Live-Modus von Stripe: Sie betreffen echte Kunden.</translation>
    </message>
    <message>
        <source>LIVE + TEST</source>
        <translation>LIVE + TEST</translation>
    </message>
    <message>
        <source>The store holds events from both Stripe&apos;s live mode and its test mode.</source>
        <translation>Der Speicher enthält Ereignisse aus dem Live-Modus und aus dem Testmodus von Stripe.</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::OverviewPage</name>
    <message>
        <source>Connections…</source>
        <translation>Verbindungen…</translation>
    </message>
    <message>
        <source>Stripe and Customer.io credentials and addresses</source>
        <translation>Zugangsdaten und Adressen für Stripe und Customer.io</translation>
    </message>
    <message>
        <source>The demo data opens in a second window, marked DEMO (%1).</source>
        <translation>Die Demodaten öffnen sich in einem zweiten Fenster, gekennzeichnet mit DEMO (%1).</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::PlaceholderPage</name>
    <message>
        <source>This screen is not yet available in this version of Billbridge. The events are already stored; a later version shows them here.</source>
        <translation>Diese Ansicht ist in dieser Version von Billbridge noch nicht verfügbar. Die Ereignisse werden bereits gespeichert; eine spätere Version zeigt sie hier.</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::QueueActions</name>
    <message>
        <source>1 job will be sent again.</source>
        <translation>1 Auftrag wird erneut gesendet.</translation>
    </message>
    <message>
        <source>%1 jobs will be sent again.</source>
        <translation>%1 Aufträge werden erneut gesendet.</translation>
    </message>
    <message>
        <source>The queue could not be changed: %1. Nothing was changed. Try again; if it keeps failing, check that the store&apos;s disk is available and writable.</source>
        <translation>Die Warteschlange konnte nicht geändert werden: %1. Es wurde nichts geändert. Versuchen Sie es erneut; wenn es weiterhin fehlschlägt, prüfen Sie, ob der Datenträger des Speichers verfügbar und beschreibbar ist.</translation>
    </message>
    <message>
        <source>%1 of %2 jobs will be sent again; the others changed state meanwhile and were left as they are.</source>
        <translation>%1 von %2 Aufträgen werden erneut gesendet; die anderen haben inzwischen ihren Zustand geändert und wurden belassen, wie sie sind.</translation>
    </message>
    <message>
        <source>1 job marked as sent.</source>
        <translation>1 Auftrag als gesendet markiert.</translation>
    </message>
    <message>
        <source>%1 jobs marked as sent.</source>
        <translation>%1 Aufträge als gesendet markiert.</translation>
    </message>
    <message>
        <source>1 job discarded.</source>
        <translation>1 Auftrag verworfen.</translation>
    </message>
    <message>
        <source>%1 jobs discarded.</source>
        <translation>%1 Aufträge verworfen.</translation>
    </message>
    <message>
        <source>Sending is paused.</source>
        <translation>Das Senden ist angehalten.</translation>
    </message>
    <message>
        <source>Sending resumed.</source>
        <translation>Das Senden wurde fortgesetzt.</translation>
    </message>
    <message>
        <source>(unreadable request)</source>
        <translation>(Anfrage nicht lesbar)</translation>
    </message>
    <message>
        <source>No job matching the filter can be retried: only dead, needs-review and discarded jobs are sent again. Change the filter to include them.</source>
        <translation>Kein zum Filter passender Auftrag kann erneut gesendet werden: Nur gescheiterte, zu prüfende und verworfene Aufträge werden erneut gesendet. Ändern Sie den Filter so, dass er sie einschließt.</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::QueueCountsBar</name>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>Click to show only these jobs.</source>
        <translation>Klicken, um nur diese Aufträge anzuzeigen.</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::QueuePage</name>
    <message>
        <source>Retry All Matching</source>
        <translation>Alle passenden erneut senden</translation>
    </message>
    <message>
        <source>1 job matching the filter will be sent again.</source>
        <translation>1 zum Filter passender Auftrag wird erneut gesendet.</translation>
    </message>
    <message>
        <source>%1 jobs matching the filter will be sent again.</source>
        <translation>%1 zum Filter passende Aufträge werden erneut gesendet.</translation>
    </message>
    <message>
        <source>The first %1 requests:</source>
        <translation>Die ersten %1 Anfragen:</translation>
    </message>
    <message>
        <source>Some of them need review: they may already have reached Customer.io, and sending them again can deliver a duplicate email or broadcast.</source>
        <translation>Einige davon müssen geprüft werden: Sie haben Customer.io möglicherweise bereits erreicht, und ein erneutes Senden kann eine E-Mail oder einen Broadcast doppelt zustellen.</translation>
    </message>
    <message>
        <source>Send Again</source>
        <translation>Nochmals senden</translation>
    </message>
    <message>
        <source>There is no store yet, so nothing waits to be sent. Jobs appear here once events are received.</source>
        <translation>Es gibt noch keinen Speicher, daher wartet nichts darauf, gesendet zu werden. Aufträge erscheinen hier, sobald Ereignisse empfangen werden.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <source>Send the selected dead or discarded jobs again, now</source>
        <translation>Die ausgewählten gescheiterten oder verworfenen Aufträge jetzt erneut senden</translation>
    </message>
    <message>
        <source>Send Again…</source>
        <translation>Nochmals senden…</translation>
    </message>
    <message>
        <source>Send the selected jobs that need review again, after checking Customer.io</source>
        <translation>Die ausgewählten zu prüfenden Aufträge nach einer Prüfung in Customer.io nochmals senden</translation>
    </message>
    <message>
        <source>Mark as Sent…</source>
        <translation>Als gesendet markieren…</translation>
    </message>
    <message>
        <source>You checked in Customer.io that the selected jobs that need review did arrive</source>
        <translation>Sie haben in Customer.io geprüft, dass die ausgewählten zu prüfenden Aufträge angekommen sind</translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation>Verwerfen…</translation>
    </message>
    <message>
        <source>Never send the selected jobs; you give the reason</source>
        <translation>Die ausgewählten Aufträge nie senden; Sie geben den Grund an</translation>
    </message>
    <message>
        <source>Retry All Matching…</source>
        <translation>Alle passenden erneut senden…</translation>
    </message>
    <message>
        <source>Send again every dead, needs-review or discarded job the filter shows, after a dry run that lists what would go out</source>
        <translation>Alle gescheiterten, zu prüfenden oder verworfenen Aufträge, die der Filter zeigt, erneut senden – nach einem Probelauf, der auflistet, was gesendet würde</translation>
    </message>
    <message>
        <source>Pause Sending…</source>
        <translation>Senden anhalten…</translation>
    </message>
    <message>
        <source>Stop every worker from sending until you resume; the reason is shown to everyone</source>
        <translation>Das Senden durch alle Worker anhalten, bis Sie es fortsetzen; der Grund wird allen angezeigt</translation>
    </message>
    <message>
        <source>Resume Sending</source>
        <translation>Senden fortsetzen</translation>
    </message>
    <message>
        <source>no reason was given</source>
        <translation>es wurde kein Grund angegeben</translation>
    </message>
    <message>
        <source>Sending is paused since %1: %2. No job is sent to Customer.io until someone resumes; jobs keep queuing up meanwhile.</source>
        <translation>Das Senden ist seit %1 angehalten: %2. Bis jemand es fortsetzt, wird kein Auftrag an Customer.io gesendet; neue Aufträge sammeln sich derweil in der Warteschlange.</translation>
    </message>
    <message>
        <source>If a request did arrive, sending it again delivers it twice — a customer may get the same email twice, or a broadcast may go out again.

Check the person&apos;s activity in Customer.io first. Send again?</source>
        <translation>Falls eine Anfrage angekommen ist, wird sie durch nochmaliges Senden doppelt zugestellt – ein Kunde erhält dann womöglich dieselbe E-Mail zweimal, oder ein Broadcast geht erneut hinaus.

Prüfen Sie zuerst die Aktivität der Person in Customer.io. Nochmals senden?</translation>
    </message>
    <message>
        <source>Billbridge cannot tell whether this request reached Customer.io: it stopped or lost the connection while sending.</source>
        <translation>Billbridge kann nicht feststellen, ob diese Anfrage Customer.io erreicht hat: Billbridge wurde beim Senden beendet oder hat dabei die Verbindung verloren.</translation>
    </message>
    <message>
        <source>Billbridge cannot tell whether these %1 requests reached Customer.io: it stopped or lost the connection while sending.</source>
        <translation>Billbridge kann nicht feststellen, ob diese %1 Anfragen Customer.io erreicht haben: Billbridge wurde beim Senden beendet oder hat dabei die Verbindung verloren.</translation>
    </message>
    <message>
        <source>Nothing was sent again.</source>
        <translation>Es wurde nichts erneut gesendet.</translation>
    </message>
    <message>
        <source>Mark this job as sent?</source>
        <translation>Diesen Auftrag als gesendet markieren?</translation>
    </message>
    <message>
        <source>Mark these %1 jobs as sent?</source>
        <translation>Diese %1 Aufträge als gesendet markieren?</translation>
    </message>
    <message>
        <source>Do this only when you saw in Customer.io that the request arrived; Billbridge will never send it again.</source>
        <translation>Tun Sie dies nur, wenn Sie in Customer.io gesehen haben, dass die Anfrage angekommen ist; Billbridge sendet sie dann nie wieder.</translation>
    </message>
    <message>
        <source>Mark as Sent</source>
        <translation>Als gesendet markieren</translation>
    </message>
    <message>
        <source>Nothing was marked as sent.</source>
        <translation>Es wurde nichts als gesendet markiert.</translation>
    </message>
    <message>
        <source>Discard Jobs</source>
        <translation>Aufträge verwerfen</translation>
    </message>
    <message>
        <source>Why should this job never be sent?</source>
        <translation>Warum soll dieser Auftrag nie gesendet werden?</translation>
    </message>
    <message>
        <source>Why should these %1 jobs never be sent?</source>
        <translation>Warum sollen diese %1 Aufträge nie gesendet werden?</translation>
    </message>
    <message>
        <source>The reason is kept with each job.</source>
        <translation>Der Grund wird bei jedem Auftrag gespeichert.</translation>
    </message>
    <message>
        <source>Nothing was discarded.</source>
        <translation>Es wurde nichts verworfen.</translation>
    </message>
    <message>
        <source>Nothing was discarded: a reason is required, so that whoever looks at these jobs later knows why they were not sent. Choose Discard… again and give one.</source>
        <translation>Es wurde nichts verworfen: Ein Grund ist erforderlich, damit jeder, der sich diese Aufträge später ansieht, weiß, warum sie nicht gesendet wurden. Wählen Sie erneut „Verwerfen…“, und geben Sie einen Grund an.</translation>
    </message>
    <message>
        <source>Moving %1 jobs back into the queue…</source>
        <translation>%1 Aufträge werden zurück in die Warteschlange gestellt…</translation>
    </message>
    <message>
        <source>%1 of %2 jobs were moved back into the queue, then the rest failed: %3. Choose Retry All Matching… again to retry the rest.</source>
        <translation>%1 von %2 Aufträgen wurden zurück in die Warteschlange gestellt, dann schlug der Rest fehl: %3. Wählen Sie erneut „Alle passenden erneut senden…“, um den Rest erneut zu senden.</translation>
    </message>
    <message>
        <source>Cancelled: %1 of %2 jobs will be sent again; the others were left as they are.</source>
        <translation>Abgebrochen: %1 von %2 Aufträgen werden erneut gesendet; die anderen wurden belassen, wie sie sind.</translation>
    </message>
    <message>
        <source>Pause Sending</source>
        <translation>Senden anhalten</translation>
    </message>
    <message>
        <source>Why are you pausing? Everyone who opens the console sees the reason until sending resumes.</source>
        <translation>Warum halten Sie das Senden an? Jeder, der die Konsole öffnet, sieht den Grund, bis das Senden fortgesetzt wird.</translation>
    </message>
    <message>
        <source>Sending was not paused: say why, so that others know when it is safe to resume. Choose Pause Sending… again and give a reason.</source>
        <translation>Das Senden wurde nicht angehalten: Nennen Sie den Grund, damit andere wissen, wann es sicher fortgesetzt werden kann. Wählen Sie erneut „Senden anhalten…“, und geben Sie einen Grund an.</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::RawBodyView</name>
    <message>
        <source>Pretty-print</source>
        <translation>Formatiert anzeigen</translation>
    </message>
    <message>
        <source>Indent the body for reading. Keys keep the order Stripe sent them in; copying still copies the exact bytes.</source>
        <translation>Den Inhalt zum Lesen einrücken. Die Schlüssel behalten die Reihenfolge, in der Stripe sie gesendet hat; kopiert werden weiterhin die exakten Bytes.</translation>
    </message>
    <message>
        <source>Wrap lines</source>
        <translation>Zeilen umbrechen</translation>
    </message>
    <message>
        <source>Copy body</source>
        <translation>Inhalt kopieren</translation>
    </message>
    <message>
        <source>Copy the body exactly as received</source>
        <translation>Den Inhalt genau so kopieren, wie er empfangen wurde</translation>
    </message>
    <message>
        <source>Fetched from the Stripe API over an authenticated connection — no webhook signature</source>
        <translation>Über eine authentifizierte Verbindung von der Stripe-API abgerufen – keine Webhook-Signatur</translation>
    </message>
    <message>
        <source>Stripe-Signature: (no header was stored with this delivery)</source>
        <translation>Stripe-Signature: (mit dieser Zustellung wurde kein Header gespeichert)</translation>
    </message>
    <message>
        <source>1 byte</source>
        <translation>1 Byte</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::ReceiverPanel</name>
    <message>
        <source>Webhook receiver</source>
        <translation>Webhook-Empfänger</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>%1 wird geprüft …</translation>
    </message>
    <message>
        <source>&lt;b&gt;Running&lt;/b&gt; at %1</source>
        <translation>&lt;b&gt;Läuft&lt;/b&gt; unter %1</translation>
    </message>
    <message>
        <source>mode: %1</source>
        <translation>Modus: %1</translation>
    </message>
    <message>
        <source>events stored: %1</source>
        <translation>gespeicherte Ereignisse: %1</translation>
    </message>
    <message>
        <source>listening on %1</source>
        <translation>lauscht auf %1</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not reachable&lt;/b&gt; at %1 — start it with %2.</source>
        <translation>&lt;b&gt;Nicht erreichbar&lt;/b&gt; unter %1 – starten Sie ihn mit %2.</translation>
    </message>
    <message>
        <source>Last check: %1</source>
        <translation>Letzte Prüfung: %1</translation>
    </message>
    <message>
        <source>The health check got %1.</source>
        <translation>Die Zustandsprüfung erhielt %1.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Unexpected answer&lt;/b&gt; at %1: another program may be using this address.&lt;br/&gt;Stop it, or start %2 on another port and open the console with %3.</source>
        <translation>&lt;b&gt;Unerwartete Antwort&lt;/b&gt; unter %1: Möglicherweise verwendet ein anderes Programm diese Adresse.&lt;br/&gt;Beenden Sie es, oder starten Sie %2 auf einem anderen Port und öffnen Sie die Konsole mit %3.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Invalid address&lt;/b&gt; “%1”.&lt;br/&gt;Give the receiver as HOST:PORT, for example %2, with %3 or %4.</source>
        <translation>&lt;b&gt;Ungültige Adresse&lt;/b&gt; „%1“.&lt;br/&gt;Geben Sie den Empfänger als HOST:PORT an, zum Beispiel %2, mit %3 oder %4.</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::ReceiverProbe</name>
    <message>
        <source>no answer within %1 s</source>
        <translation>keine Antwort innerhalb von %1 s</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::SecretField</name>
    <message>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Mask the value again</source>
        <translation>Den Wert wieder verdecken</translation>
    </message>
    <message>
        <source>Show the value in plain text</source>
        <translation>Den Wert im Klartext anzeigen</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::SessionSecretStore</name>
    <message>
        <source>this session only</source>
        <translation>nur diese Sitzung</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::StorePanel</name>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>Event store</source>
        <translation>Ereignisspeicher</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Speicherort:</translation>
    </message>
    <message>
        <source>Events:</source>
        <translation>Ereignisse:</translation>
    </message>
    <message>
        <source>Newest event:</source>
        <translation>Neuestes Ereignis:</translation>
    </message>
    <message>
        <source>Reading the store…</source>
        <translation>Speicher wird gelesen …</translation>
    </message>
    <message>
        <source>The store cannot be read: %1</source>
        <translation>Der Speicher kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <source>The store is ready but holds no events yet. Events appear here as soon as the receiver stores a webhook or a backfill imports history.</source>
        <translation>Der Speicher ist bereit, enthält aber noch keine Ereignisse. Sie erscheinen hier, sobald der Empfänger einen Webhook speichert oder ein Backfill den Verlauf importiert.</translation>
    </message>
    <message>
        <source>%1 (%2 test, %3 live)</source>
        <translation>%1 (%2 Test, %3 Live)</translation>
    </message>
    <message>
        <source>%1 at %2 (%3)</source>
        <translation>%1 am %2 (%3)</translation>
    </message>
    <message>
        <source>Created %1 UTC</source>
        <translation>Erstellt %1 UTC</translation>
    </message>
    <message>
        <source>1 minute ago</source>
        <translation>vor 1 Minute</translation>
    </message>
    <message numerus="yes">
        <source>%n minutes ago</source>
        <translation>
            <numerusform>vor %n Minute</numerusform>
            <numerusform>vor %n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>1 hour ago</source>
        <translation>vor 1 Stunde</translation>
    </message>
    <message numerus="yes">
        <source>%n hours ago</source>
        <translation>
            <numerusform>vor %n Stunde</numerusform>
            <numerusform>vor %n Stunden</numerusform>
        </translation>
    </message>
    <message>
        <source>1 day ago</source>
        <translation>vor 1 Tag</translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>No store yet at %1.&lt;br/&gt;Run %2 or %3 to create it.</source>
        <translation>Noch kein Speicher unter %1.&lt;br/&gt;Führen Sie %2 oder %3 aus, um ihn anzulegen.</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::StripeTab</name>
    <message>
        <source>Billbridge reads events with the API key and checks each webhook delivery against the signing secrets. Both are kept in the system keychain.</source>
        <translation>Billbridge liest Ereignisse mit dem API-Schlüssel und prüft jede Webhook-Zustellung mit den Signaturgeheimnissen. Beides wird im Schlüsselbund des Systems aufbewahrt.</translation>
    </message>
    <message>
        <source>&amp;API key:</source>
        <translation>&amp;API-Schlüssel:</translation>
    </message>
    <message>
        <source>sk_test_…, sk_live_… or a restricted rk_… key</source>
        <translation>sk_test_…, sk_live_… oder ein eingeschränkter rk_…-Schlüssel</translation>
    </message>
    <message>
        <source>&amp;Webhook signing secrets:</source>
        <translation>&amp;Webhook-Signaturgeheimnisse:</translation>
    </message>
    <message>
        <source>whsec_… (several separated by commas)</source>
        <translation>whsec_… (mehrere durch Kommas getrennt)</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Ask Stripe whether this key can read events</source>
        <translation>Stripe fragen, ob dieser Schlüssel Ereignisse lesen kann</translation>
    </message>
    <message>
        <source>Cancel Test</source>
        <translation>Test abbrechen</translation>
    </message>
    <message>
        <source>This is a publishable key (pk_…): it is meant for browsers and cannot read events. Use a secret key (sk_…) or a restricted key (rk_…) instead.</source>
        <translation>Dies ist ein veröffentlichbarer Schlüssel (pk_…): Er ist für Browser gedacht und kann keine Ereignisse lesen. Verwenden Sie stattdessen einen geheimen Schlüssel (sk_…) oder einen eingeschränkten Schlüssel (rk_…).</translation>
    </message>
    <message>
        <source>This is a webhook signing secret (whsec_…), not an API key. Put it in the field below and use a secret key (sk_…) or a restricted key (rk_…) here.</source>
        <translation>Dies ist ein Webhook-Signaturgeheimnis (whsec_…), kein API-Schlüssel. Tragen Sie es im Feld darunter ein und verwenden Sie hier einen geheimen Schlüssel (sk_…) oder einen eingeschränkten Schlüssel (rk_…).</translation>
    </message>
    <message>
        <source>This is not a Stripe API key: it should start with sk_test_, sk_live_, rk_test_ or rk_live_. Copy it from the Dashboard under Developers → API keys.</source>
        <translation>Dies ist kein Stripe-API-Schlüssel: Er sollte mit sk_test_, sk_live_, rk_test_ oder rk_live_ beginnen. Kopieren Sie ihn im Dashboard unter Entwickler → API-Schlüssel.</translation>
    </message>
    <message>
        <source>LIVE</source>
        <translation>LIVE</translation>
    </message>
    <message>
        <source>TEST</source>
        <translation>TEST</translation>
    </message>
    <message>
        <source>A live-mode key: it reads real customers&apos; events.</source>
        <translation>Ein Schlüssel für den Live-Modus: Er liest die Ereignisse echter Kunden.</translation>
    </message>
    <message>
        <source>A test-mode key: it reads Stripe&apos;s test data only.</source>
        <translation>Ein Schlüssel für den Testmodus: Er liest nur die Testdaten von Stripe.</translation>
    </message>
    <message>
        <source>Restricted key</source>
        <translation>Eingeschränkter Schlüssel</translation>
    </message>
    <message>
        <source>Secret key</source>
        <translation>Geheimer Schlüssel</translation>
    </message>
    <message>
        <source>%1 for live mode (%2).</source>
        <translation>%1 für den Live-Modus (%2).</translation>
    </message>
    <message>
        <source>%1 for test mode (%2).</source>
        <translation>%1 für den Testmodus (%2).</translation>
    </message>
    <message>
        <source>Without a signing secret the receiver refuses every webhook delivery. &apos;stripe listen&apos; prints one; the Dashboard shows one per endpoint.</source>
        <translation>Ohne Signaturgeheimnis lehnt der Empfänger jede Webhook-Zustellung ab. &apos;stripe listen&apos; gibt eines aus; das Dashboard zeigt eines pro Endpunkt.</translation>
    </message>
    <message>
        <source>This is an API key, not a webhook signing secret. Signing secrets start with whsec_; put the key in the API key field above.</source>
        <translation>Dies ist ein API-Schlüssel, kein Webhook-Signaturgeheimnis. Signaturgeheimnisse beginnen mit whsec_; tragen Sie den Schlüssel oben im Feld für den API-Schlüssel ein.</translation>
    </message>
    <message>
        <source>This is a publishable key (pk_…), not a webhook signing secret. Signing secrets start with whsec_.</source>
        <translation>Dies ist ein veröffentlichbarer Schlüssel (pk_…), kein Webhook-Signaturgeheimnis. Signaturgeheimnisse beginnen mit whsec_.</translation>
    </message>
    <message>
        <source>This is not a webhook signing secret: it should start with whsec_.</source>
        <translation>Dies ist kein Webhook-Signaturgeheimnis: Es sollte mit whsec_ beginnen.</translation>
    </message>
    <message>
        <source>Secret %1: %2</source>
        <translation>Geheimnis %1: %2</translation>
    </message>
    <message>
        <source>One signing secret ready.</source>
        <translation>Ein Signaturgeheimnis bereit.</translation>
    </message>
    <message>
        <source>%1 signing secrets ready.</source>
        <translation>%1 Signaturgeheimnisse bereit.</translation>
    </message>
    <message>
        <source>Asking Stripe…</source>
        <translation>Stripe wird gefragt…</translation>
    </message>
    <message>
        <source>Connected: Stripe accepted the key in LIVE mode. %1</source>
        <translation>Verbunden: Stripe hat den Schlüssel im LIVE-Modus akzeptiert. %1</translation>
    </message>
    <message>
        <source>Connected: Stripe accepted the key in TEST mode. %1</source>
        <translation>Verbunden: Stripe hat den Schlüssel im TEST-Modus akzeptiert. %1</translation>
    </message>
    <message>
        <source>Not connected. %1</source>
        <translation>Nicht verbunden. %1</translation>
    </message>
    <message>
        <source>Test cancelled.</source>
        <translation>Test abgebrochen.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>cannot write the picture to %1. Check that its folder exists and is writable.</source>
        <translation>das Bild kann nicht nach %1 geschrieben werden. Prüfen Sie, ob sein Ordner existiert und beschreibbar ist.</translation>
    </message>
    <message>
        <source>the window did not show the store and the receiver within 30 s; no picture was taken.</source>
        <translation>das Fenster zeigte Speicher und Empfänger nicht innerhalb von 30 s an; es wurde kein Bild aufgenommen.</translation>
    </message>
    <message>
        <source>Operations console for Stripe billing events on their way to Customer.io.</source>
        <translation>Betriebskonsole für Stripe-Abrechnungsereignisse auf dem Weg zu Customer.io.</translation>
    </message>
    <message>
        <source>Store file to show (default: $BILLBRIDGE_DB, else %1).</source>
        <translation>Anzuzeigende Speicherdatei (Standard: $BILLBRIDGE_DB, sonst %1).</translation>
    </message>
    <message>
        <source>path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Address of the receiver started by &apos;billbridge-cli serve&apos; (default: $BILLBRIDGE_RECEIVER, else %1).</source>
        <translation>Adresse des mit &apos;billbridge-cli serve&apos; gestarteten Empfängers (Standard: $BILLBRIDGE_RECEIVER, sonst %1).</translation>
    </message>
    <message>
        <source>host:port</source>
        <translation>Host:Port</translation>
    </message>
    <message>
        <source>Save a picture of the window to FILE once it shows the first figures, then quit.</source>
        <translation>Ein Bild des Fensters in DATEI speichern, sobald es die ersten Zahlen zeigt, und dann beenden.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>Open the Connections dialog at start (with --grab: picture it).</source>
        <translation>Beim Start den Dialog „Verbindungen“ öffnen (mit --grab: ihn abbilden).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Show this customer (id or email) at start.</source>
        <translation>Diesen Kunden (ID oder E-Mail) beim Start anzeigen.</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Screen to show at start: overview, events, customers or queue.</source>
        <translation>Beim Start anzuzeigende Ansicht: overview, events, customers oder queue.</translation>
    </message>
</context>
</TS>
