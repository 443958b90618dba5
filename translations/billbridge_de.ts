<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ConsoleCatalogSource</name>
    <message>
        <source>no App API key is stored</source>
        <translation>kein App-API-Schlüssel gespeichert</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::ActionsEditor</name>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Add an action of the chosen type at the end</source>
        <translation>Eine Aktion des gewählten Typs am Ende hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Move Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Actions run in list order</source>
        <translation>Aktionen laufen in der Reihenfolge der Liste</translation>
    </message>
    <message>
        <source>No actions yet. Add one: without an action the rule does nothing.</source>
        <translation>Noch keine Aktionen. Fügen Sie eine hinzu: Ohne Aktion bewirkt die Regel nichts.</translation>
    </message>
    <message>
        <source>the Customer.io event name, e.g. dunning_attempt_1</source>
        <translation>der Ereignisname in Customer.io, z. B. dunning_attempt_1</translation>
    </message>
    <message>
        <source>the transactional message&apos;s id (a number) or its trigger name</source>
        <translation>die ID der Transaktionsnachricht (eine Zahl) oder ihr Trigger-Name</translation>
    </message>
    <message>
        <source>the customer&apos;s email address (customer_email), always</source>
        <translation>immer die E-Mail-Adresse des Kunden (customer_email)</translation>
    </message>
    <message>
        <source>Billbridge sends transactional emails only to the address Customer.io and Stripe know for the customer, never to an address written in a rule.</source>
        <translation>Billbridge sendet Transaktions-E-Mails nur an die Adresse, die Customer.io und Stripe für den Kunden kennen, nie an eine Adresse aus einer Regel.</translation>
    </message>
    <message>
        <source>the API-triggered broadcast&apos;s id, a number</source>
        <translation>die ID des per API ausgelösten Broadcasts, eine Zahl</translation>
    </message>
    <message>
        <source>The name of a stored Slack webhook (billbridge-cli connections set slack &lt;name&gt;), never its URL</source>
        <translation>Der Name eines gespeicherten Slack-Webhooks (billbridge-cli connections set slack &lt;name&gt;), nie seine URL</translation>
    </message>
    <message>
        <source>{{customer_name}} failed payment {{attempt_count}}</source>
        <translation>{{customer_name}}: Zahlung fehlgeschlagen, Versuch {{attempt_count}}</translation>
    </message>
    <message>
        <source>Insert a placeholder…</source>
        <translation>Platzhalter einfügen…</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <source>Event name:</source>
        <translation>Ereignisname:</translation>
    </message>
    <message>
        <source>Transactional message:</source>
        <translation>Transaktionsnachricht:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>An:</translation>
    </message>
    <message>
        <source>Broadcast id:</source>
        <translation>Broadcast-ID:</translation>
    </message>
    <message>
        <source>Slack webhook:</source>
        <translation>Slack-Webhook:</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Nachricht:</translation>
    </message>
    <message>
        <source>Track event</source>
        <translation>Ereignis senden</translation>
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
        <source>Set attributes</source>
        <translation>Attribute setzen</translation>
    </message>
    <message>
        <source>Slack post</source>
        <translation>Slack-Nachricht</translation>
    </message>
    <message>
        <source>Message data:</source>
        <translation>Nachrichtendaten:</translation>
    </message>
    <message>
        <source>Broadcast data:</source>
        <translation>Broadcast-Daten:</translation>
    </message>
    <message>
        <source>Attributes:</source>
        <translation>Attribute:</translation>
    </message>
    <message>
        <source>Event data:</source>
        <translation>Ereignisdaten:</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>%1. %2: %3</source>
        <translation>%1. %2: %3</translation>
    </message>
    <message>
        <source>row %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: %2</source>
        <translation>„%1“: %2</translation>
    </message>
</context>
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
    <name>billbridge::widgets::AuditDetailView</name>
    <message>
        <source>Select an entry to see what was done.</source>
        <translation>Wählen Sie einen Eintrag aus, um zu sehen, was getan wurde.</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>OS user</source>
        <translation>OS-Benutzer</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Created: there was nothing before.</source>
        <translation>Angelegt: Vorher gab es nichts.</translation>
    </message>
    <message>
        <source>Removed: nothing is left after.</source>
        <translation>Entfernt: Danach ist nichts übrig.</translation>
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
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Seal</source>
        <translation>Siegel</translation>
    </message>
    <message>
        <source>Previous: %1</source>
        <translation>Vorheriger: %1</translation>
    </message>
    <message>
        <source>This entry: %1</source>
        <translation>Dieser Eintrag: %1</translation>
    </message>
    <message>
        <source>Not sealed yet: written before the chain existed; the next recorded action seals it.</source>
        <translation>Noch nicht versiegelt: geschrieben, bevor es die Kette gab; die nächste protokollierte Aktion versiegelt ihn.</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::AuditListModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>OS user</source>
        <translation>OS-Benutzer</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Eintrag</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::AuditPage</name>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export Audit Log</source>
        <translation>Prüfprotokoll exportieren</translation>
    </message>
    <message>
        <source>There is no store yet, so nothing has been recorded. Operator actions appear here once they are made.</source>
        <translation>Es gibt noch keinen Speicher, daher wurde nichts protokolliert. Aktionen von Bedienern erscheinen hier, sobald sie ausgeführt werden.</translation>
    </message>
    <message>
        <source>Action, e.g. mappings.</source>
        <translation>Aktion, z. B. mappings.</translation>
    </message>
    <message>
        <source>Show actions whose name starts with this</source>
        <translation>Aktionen anzeigen, deren Name hiermit beginnt</translation>
    </message>
    <message>
        <source>OS user</source>
        <translation>OS-Benutzer</translation>
    </message>
    <message>
        <source>Subject or details contain…</source>
        <translation>Objekt oder Details enthalten…</translation>
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
        <source>Verify</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>Check that no entry was changed, deleted or inserted since it was written</source>
        <translation>Prüfen, dass seit dem Schreiben kein Eintrag geändert, gelöscht oder eingefügt wurde</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Write the entries the filter shows, with their hashes, as JSON Lines or CSV</source>
        <translation>Die Einträge, die der Filter zeigt, mit ihren Hashes als JSON Lines oder CSV schreiben</translation>
    </message>
    <message>
        <source>The chain has not been checked yet; choose Verify.</source>
        <translation>Die Kette wurde noch nicht geprüft; wählen Sie „Prüfen“.</translation>
    </message>
    <message>
        <source>There is no store yet, so there is nothing to verify.</source>
        <translation>Es gibt noch keinen Speicher, daher gibt es nichts zu prüfen.</translation>
    </message>
    <message>
        <source>Verifying the chain…</source>
        <translation>Die Kette wird geprüft…</translation>
    </message>
    <message>
        <source>The chain could not be checked: %1. Check that the store&apos;s disk is available, then choose Verify again.</source>
        <translation>Die Kette konnte nicht geprüft werden: %1. Prüfen Sie, ob der Datenträger des Speichers verfügbar ist, und wählen Sie dann erneut „Prüfen“.</translation>
    </message>
    <message>
        <source>Newest hash: %1. Keep it elsewhere to detect later that the newest entries were cut off.</source>
        <translation>Neuester Hash: %1. Bewahren Sie ihn an anderer Stelle auf, um später zu erkennen, ob die neuesten Einträge abgeschnitten wurden.</translation>
    </message>
    <message>
        <source>The log was altered outside Billbridge; keep a copy of the store file as evidence.</source>
        <translation>Das Protokoll wurde außerhalb von Billbridge verändert; bewahren Sie eine Kopie der Speicherdatei als Beweis auf.</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Export nach %1…</translation>
    </message>
    <message>
        <source>Nothing was exported: %1</source>
        <translation>Es wurde nichts exportiert: %1</translation>
    </message>
    <message>
        <source>1 entry written to %1 with its hash.</source>
        <translation>1 Eintrag mit seinem Hash in %1 geschrieben.</translation>
    </message>
    <message>
        <source>%1 entries written to %2 with their hashes.</source>
        <translation>%1 Einträge mit ihren Hashes in %2 geschrieben.</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::AuditReader</name>
    <message>
        <source>The audit log could not be read from the store: %1. Check that the disk is available; the list tries again by itself.</source>
        <translation>Das Prüfprotokoll konnte nicht aus dem Speicher gelesen werden: %1. Prüfen Sie, ob der Datenträger verfügbar ist; die Liste versucht es von selbst erneut.</translation>
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
    <message>
        <source>Slack</source>
        <translation>Slack</translation>
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
    <message>
        <source>Send Message…</source>
        <translation>Nachricht senden…</translation>
    </message>
    <message>
        <source>Send this customer a transactional message or a broadcast</source>
        <translation>Diesem Kunden eine Transaktionsnachricht oder einen Broadcast senden</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::DataFieldsTable</name>
    <message>
        <source>Event field</source>
        <translation>Ereignisfeld</translation>
    </message>
    <message>
        <source>Derived value</source>
        <translation>Abgeleiteter Wert</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Number, true/false or null</source>
        <translation>Zahl, true/false oder null</translation>
    </message>
    <message>
        <source>A path into the Stripe event, like data.object.amount_due</source>
        <translation>Ein Pfad in das Stripe-Ereignis, etwa data.object.amount_due</translation>
    </message>
    <message>
        <source>A value the sync engine works out for the customer</source>
        <translation>Ein Wert, den die Synchronisation für den Kunden ermittelt</translation>
    </message>
    <message>
        <source>Sent exactly as written</source>
        <translation>Wird genau so gesendet, wie es dasteht</translation>
    </message>
    <message>
        <source>A number (12, 4.5), true, false or null</source>
        <translation>Eine Zahl (12, 4.5), true, false oder null</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Rows shown greyed hold an object or array: they are edited in JSON, in the full definition below, and kept as they are.</source>
        <translation>Grau dargestellte Zeilen enthalten ein Objekt oder Array: Sie werden im JSON der vollständigen Definition unten bearbeitet und bleiben unverändert.</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Attribut</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Value from</source>
        <translation>Wert aus</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Plan name</source>
        <translation>Tarifname</translation>
    </message>
    <message>
        <source>Plan tier</source>
        <translation>Tarifstufe</translation>
    </message>
    <message>
        <source>MRR (monthly recurring revenue)</source>
        <translation>MRR (monatlich wiederkehrender Umsatz)</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Amount, in the currency&apos;s major unit</source>
        <translation>Betrag, in der Haupteinheit der Währung</translation>
    </message>
    <message>
        <source>Payment attempt number</source>
        <translation>Nummer des Zahlungsversuchs</translation>
    </message>
    <message>
        <source>Next payment attempt</source>
        <translation>Nächster Zahlungsversuch</translation>
    </message>
    <message>
        <source>Invoice page address</source>
        <translation>Adresse der Rechnungsseite</translation>
    </message>
    <message>
        <source>Invoice id</source>
        <translation>Rechnungs-ID</translation>
    </message>
    <message>
        <source>Subscription id</source>
        <translation>Abonnement-ID</translation>
    </message>
    <message>
        <source>Subscription status</source>
        <translation>Abonnementstatus</translation>
    </message>
    <message>
        <source>Customer&apos;s email address</source>
        <translation>E-Mail-Adresse des Kunden</translation>
    </message>
    <message>
        <source>Customer&apos;s name</source>
        <translation>Name des Kunden</translation>
    </message>
    <message>
        <source>Failed payments so far</source>
        <translation>Bisher fehlgeschlagene Zahlungen</translation>
    </message>
    <message>
        <source>Lifetime value</source>
        <translation>Kundenwert (Lifetime Value)</translation>
    </message>
    <message>
        <source>Stripe event type</source>
        <translation>Stripe-Ereignistyp</translation>
    </message>
    <message>
        <source>Stripe event id</source>
        <translation>Stripe-Ereignis-ID</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>the name &apos;%1&apos; is on more than one row; give each row a name of its own</source>
        <translation>der Name „%1“ steht in mehr als einer Zeile; geben Sie jeder Zeile einen eigenen Namen</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number, true, false or null; correct it, or choose Text to send it as text</source>
        <translation>„%1“ ist keine Zahl, kein true, false oder null; korrigieren Sie den Wert oder wählen Sie „Text“, um ihn als Text zu senden</translation>
    </message>
    <message>
        <source>An object or array: edited in JSON</source>
        <translation>Ein Objekt oder Array: wird im JSON bearbeitet</translation>
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
    <message>
        <source>Payload</source>
        <translation>Nutzdaten</translation>
    </message>
    <message>
        <source>What Stripe sent, as a tree</source>
        <translation>Was Stripe gesendet hat, als Baum</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>What Billbridge decided for this event and the jobs it queued</source>
        <translation>Was Billbridge für dieses Ereignis entschieden hat und welche Aufträge es eingereiht hat</translation>
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
    <message>
        <source>There is no event store yet, so nothing was planned.</source>
        <translation>Es gibt noch keinen Ereignisspeicher, daher wurde nichts geplant.</translation>
    </message>
    <message>
        <source>What Billbridge did with the event could not be read from the store: %1</source>
        <translation>Was Billbridge mit dem Ereignis getan hat, konnte nicht aus dem Speicher gelesen werden: %1</translation>
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
    <message>
        <source>Send Message to These Customers…</source>
        <translation>Nachricht an diese Kunden senden…</translation>
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
    <message>
        <source>This job&apos;s stored Slack post cannot be read (%1), so it cannot be sent. Discard it.</source>
        <translation>Der gespeicherte Slack-Beitrag dieses Auftrags kann nicht gelesen werden (%1), daher kann er nicht gesendet werden. Verwerfen Sie den Auftrag.</translation>
    </message>
    <message>
        <source>POST to the Slack webhook &quot;%1&quot; (hooks.slack.com/services/•••)</source>
        <translation>POST an den Slack-Webhook „%1“ (hooks.slack.com/services/•••)</translation>
    </message>
    <message>
        <source>Made by rule %1, version %2</source>
        <translation>Erstellt von Regel %1, Version %2</translation>
    </message>
    <message>
        <source>Waits for job %1 (the person&apos;s Customer.io identity is looked up first)</source>
        <translation>Wartet auf Auftrag %1 (zuerst wird die Customer.io-Identität der Person ermittelt)</translation>
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
    <message>
        <source>Show every job the other conditions match, not only these</source>
        <translation>Alle Aufträge zeigen, auf die die übrigen Bedingungen passen, nicht nur diese</translation>
    </message>
    <message>
        <source>Clear job choice</source>
        <translation>Auftragsauswahl aufheben</translation>
    </message>
    <message numerus="yes">
        <source>Only %n chosen job(s)</source>
        <translation>
            <numerusform>Nur %n gewählter Auftrag</numerusform>
            <numerusform>Nur %n gewählte Aufträge</numerusform>
        </translation>
    </message>
    <message>
        <source>The list shows only job(s) %1. Clear this to see every job the other conditions match.</source>
        <translation>Die Liste zeigt nur die Aufträge %1. Heben Sie dies auf, um alle Aufträge zu sehen, auf die die übrigen Bedingungen passen.</translation>
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
    <message>
        <source>after job %1</source>
        <translation>nach Auftrag %1</translation>
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
    <message>
        <source>Slack message</source>
        <translation>Slack-Nachricht</translation>
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
    <message numerus="yes">
        <source>The %n job(s) of event %1</source>
        <translation>
            <numerusform>Der %n Auftrag des Ereignisses %1</numerusform>
            <numerusform>Die %n Aufträge des Ereignisses %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n job(s) of this manual send</source>
        <translation>
            <numerusform>Der %n Auftrag dieses manuellen Versands</numerusform>
            <numerusform>Die %n Aufträge dieses manuellen Versands</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::ManualCampaignDialog</name>
    <message>
        <source>Send Message</source>
        <translation>Nachricht senden</translation>
    </message>
    <message>
        <source>&amp;Transactional message</source>
        <translation>&amp;Transaktionsnachricht</translation>
    </message>
    <message>
        <source>&amp;Broadcast</source>
        <translation>&amp;Broadcast</translation>
    </message>
    <message>
        <source>Or enter the &amp;id:</source>
        <translation>Oder die &amp;ID eingeben:</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>Erneut &amp;versuchen</translation>
    </message>
    <message>
        <source>&amp;Customers:</source>
        <translation>&amp;Kunden:</translation>
    </message>
    <message>
        <source>One Stripe customer id (cus_…) per line</source>
        <translation>Eine Stripe-Kunden-ID (cus_…) pro Zeile</translation>
    </message>
    <message>
        <source>T&amp;o (optional):</source>
        <translation>&amp;An (optional):</translation>
    </message>
    <message>
        <source>Send every message to this address instead of each customer&apos;s own</source>
        <translation>Jede Nachricht an diese Adresse statt an die des jeweiligen Kunden senden</translation>
    </message>
    <message>
        <source>{&quot;coupon&quot;: &quot;SPRING&quot;}</source>
        <translation>{&quot;coupon&quot;: &quot;SPRING&quot;}</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>&amp;Send…</source>
        <translation>&amp;Senden…</translation>
    </message>
    <message>
        <source>Show in &amp;Queue</source>
        <translation>In der &amp;Warteschlange anzeigen</translation>
    </message>
    <message>
        <source>Loading from Customer.io…</source>
        <translation>Wird aus Customer.io geladen…</translation>
    </message>
    <message>
        <source>Not available — enter the id below</source>
        <translation>Nicht verfügbar – geben Sie unten die ID ein</translation>
    </message>
    <message>
        <source>No broadcasts in this workspace</source>
        <translation>Keine Broadcasts in diesem Workspace</translation>
    </message>
    <message>
        <source>No transactional messages in this workspace</source>
        <translation>Keine Transaktionsnachrichten in diesem Workspace</translation>
    </message>
    <message>
        <source>Choose a broadcast</source>
        <translation>Wählen Sie einen Broadcast</translation>
    </message>
    <message>
        <source>Choose a message</source>
        <translation>Wählen Sie eine Nachricht</translation>
    </message>
    <message>
        <source>Loading the workspace&apos;s messages and broadcasts…</source>
        <translation>Die Nachrichten und Broadcasts des Workspace werden geladen…</translation>
    </message>
    <message>
        <source>B&amp;roadcast:</source>
        <translation>B&amp;roadcast:</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>&amp;Nachricht:</translation>
    </message>
    <message>
        <source>&amp;Data (JSON):</source>
        <translation>&amp;Daten (JSON):</translation>
    </message>
    <message>
        <source>&amp;Message data (JSON):</source>
        <translation>Nachrichten&amp;daten (JSON):</translation>
    </message>
    <message>
        <source>Broadcast id, e.g. 12</source>
        <translation>Broadcast-ID, z. B. 12</translation>
    </message>
    <message>
        <source>Message id or trigger name, e.g. 7 or invoice_receipt</source>
        <translation>Nachrichten-ID oder Trigger-Name, z. B. 7 oder invoice_receipt</translation>
    </message>
    <message>
        <source>Looking up the customers&apos; addresses in the store…</source>
        <translation>Die Adressen der Kunden werden im Speicher nachgeschlagen…</translation>
    </message>
    <message>
        <source>No customers: the broadcast goes to the audience set up in Customer.io.</source>
        <translation>Keine Kunden: Der Broadcast geht an die in Customer.io eingerichtete Zielgruppe.</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s), sent as Customer.io ids.</source>
        <translation>
            <numerusform>%n Kunde, gesendet als Customer.io-ID.</numerusform>
            <numerusform>%n Kunden, gesendet als Customer.io-IDs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s); %1 with an address in the store.</source>
        <translation>
            <numerusform>%n Kunde; %1 mit einer Adresse im Speicher.</numerusform>
            <numerusform>%n Kunden; %1 mit einer Adresse im Speicher.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not valid JSON: %1 at character %2.</source>
        <translation>Kein gültiges JSON: %1 bei Zeichen %2.</translation>
    </message>
    <message>
        <source>The data must be a JSON object, such as {&quot;coupon&quot;: &quot;SPRING&quot;}.</source>
        <translation>Die Daten müssen ein JSON-Objekt sein, z. B. {&quot;coupon&quot;: &quot;SPRING&quot;}.</translation>
    </message>
    <message numerus="yes">
        <source>Valid JSON object with %n key(s).</source>
        <translation>
            <numerusform>Gültiges JSON-Objekt mit %n Schlüssel.</numerusform>
            <numerusform>Gültiges JSON-Objekt mit %n Schlüsseln.</numerusform>
        </translation>
    </message>
    <message>
        <source>No data.</source>
        <translation>Keine Daten.</translation>
    </message>
    <message>
        <source>%1 of %2 bytes</source>
        <translation>%1 von %2 Bytes</translation>
    </message>
    <message>
        <source>Looking up the customers&apos; addresses…</source>
        <translation>Die Adressen der Kunden werden nachgeschlagen…</translation>
    </message>
    <message>
        <source># Request %1 of %2</source>
        <translation># Anfrage %1 von %2</translation>
    </message>
    <message>
        <source> — customer %1</source>
        <translation> — Kunde %1</translation>
    </message>
    <message>
        <source>Choose a message and enter valid data to see the requests.</source>
        <translation>Wählen Sie eine Nachricht, und geben Sie gültige Daten ein, um die Anfragen zu sehen.</translation>
    </message>
    <message numerus="yes">
        <source>Send the transactional message %1 to %n customer(s)?</source>
        <translation>
            <numerusform>Die Transaktionsnachricht %1 an %n Kunden senden?</numerusform>
            <numerusform>Die Transaktionsnachricht %1 an %n Kunden senden?</numerusform>
        </translation>
    </message>
    <message>
        <source>Every message goes to %1.</source>
        <translation>Jede Nachricht geht an %1.</translation>
    </message>
    <message>
        <source>Trigger the broadcast %1 for its whole audience as set up in Customer.io?</source>
        <translation>Den Broadcast %1 für seine gesamte in Customer.io eingerichtete Zielgruppe auslösen?</translation>
    </message>
    <message numerus="yes">
        <source>Trigger the broadcast %1 for %n customer(s)?</source>
        <translation>
            <numerusform>Den Broadcast %1 für %n Kunden auslösen?</numerusform>
            <numerusform>Den Broadcast %1 für %n Kunden auslösen?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This queues %n job(s); they are sent when delivery runs. A sent message cannot be taken back.</source>
        <translation>
            <numerusform>Damit wird %n Auftrag in die Warteschlange gestellt; er wird gesendet, wenn die Zustellung läuft. Eine gesendete Nachricht kann nicht zurückgenommen werden.</numerusform>
            <numerusform>Damit werden %n Aufträge in die Warteschlange gestellt; sie werden gesendet, wenn die Zustellung läuft. Eine gesendete Nachricht kann nicht zurückgenommen werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Queueing…</source>
        <translation>Wird in die Warteschlange gestellt…</translation>
    </message>
    <message>
        <source>Nothing was queued: %1. Check that the store can be written, then try again.</source>
        <translation>Es wurde nichts in die Warteschlange gestellt: %1. Prüfen Sie, ob in den Speicher geschrieben werden kann, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Already queued: job(s) %1. Nothing new was added.</source>
        <translation>Bereits in der Warteschlange: Auftrag/Aufträge %1. Es wurde nichts Neues hinzugefügt.</translation>
    </message>
    <message>
        <source>Queued job(s) %1. They are sent when delivery runs.</source>
        <translation>Auftrag/Aufträge %1 in die Warteschlange gestellt. Sie werden gesendet, wenn die Zustellung läuft.</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::MappingEditor</name>
    <message>
        <source>Edit Plan Mapping</source>
        <translation>Tarifzuordnung bearbeiten</translation>
    </message>
    <message>
        <source>Add Plan Mapping</source>
        <translation>Tarifzuordnung hinzufügen</translation>
    </message>
    <message>
        <source>Stripe &amp;ID:</source>
        <translation>Stripe-&amp;ID:</translation>
    </message>
    <message>
        <source>price_… or prod_…</source>
        <translation>price_… oder prod_…</translation>
    </message>
    <message>
        <source>&amp;Plan name:</source>
        <translation>&amp;Tarifname:</translation>
    </message>
    <message>
        <source>e.g. Business</source>
        <translation>z. B. Business</translation>
    </message>
    <message>
        <source>&amp;Tier:</source>
        <translation>&amp;Stufe:</translation>
    </message>
    <message>
        <source>optional, e.g. business</source>
        <translation>optional, z. B. business</translation>
    </message>
    <message>
        <source>&amp;Interval label:</source>
        <translation>Inter&amp;vallbezeichnung:</translation>
    </message>
    <message>
        <source>optional; empty: taken from the price</source>
        <translation>optional; leer: wird aus dem Preis übernommen</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Notiz:</translation>
    </message>
    <message>
        <source>optional, for other operators</source>
        <translation>optional, für andere Bediener</translation>
    </message>
    <message>
        <source>The mapping was not saved: %1</source>
        <translation>Die Zuordnung wurde nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::MappingImportDialog</name>
    <message>
        <source>tier %1</source>
        <translation>Stufe %1</translation>
    </message>
    <message>
        <source>interval %1</source>
        <translation>Intervall %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>plan name</source>
        <translation>Tarifname</translation>
    </message>
    <message>
        <source>tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>interval</source>
        <translation>Intervall</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Import Plan Mappings</source>
        <translation>Tarifzuordnungen importieren</translation>
    </message>
    <message>
        <source>&amp;Remove the mappings that the file does not list</source>
        <translation>Zuordnungen &amp;entfernen, die nicht in der Datei aufgeführt sind</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Stripe ID</source>
        <translation>Stripe-ID</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Übernehmen</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message numerus="yes">
        <source>%n bad line(s) in %1; nothing can be imported. Fix the file and import it again.</source>
        <translation>
            <numerusform>%n fehlerhafte Zeile in %1; es kann nichts importiert werden. Korrigieren Sie die Datei, und importieren Sie sie erneut.</numerusform>
            <numerusform>%n fehlerhafte Zeilen in %1; es kann nichts importiert werden. Korrigieren Sie die Datei, und importieren Sie sie erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <source>%1: %2 to add, %3 to change, %4 to remove, %5 unchanged.</source>
        <translation>%1: %2 hinzuzufügen, %3 zu ändern, %4 zu entfernen, %5 unverändert.</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Es wurde nichts importiert: %1</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::MappingListModel</name>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Stripe ID</source>
        <translation>Stripe-ID</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Plan Name</source>
        <translation>Tarifname</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>Intervall</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::MappingsPage</name>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export Plan Mappings</source>
        <translation>Tarifzuordnungen exportieren</translation>
    </message>
    <message>
        <source>Import Plan Mappings</source>
        <translation>Tarifzuordnungen importieren</translation>
    </message>
    <message>
        <source>Which plan name, tier and interval label Customer.io is told for a Stripe price or product. A price&apos;s own mapping wins over its product&apos;s.</source>
        <translation>Welcher Tarifname, welche Stufe und welche Intervallbezeichnung Customer.io für einen Stripe-Preis oder ein Stripe-Produkt mitgeteilt werden. Die eigene Zuordnung eines Preises hat Vorrang vor der seines Produkts.</translation>
    </message>
    <message>
        <source>Search id, plan name or tier</source>
        <translation>ID, Tarifname oder Stufe suchen</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>CSV &amp;importieren…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>&amp;Re-sync…</source>
        <translation>&amp;Neu abgleichen…</translation>
    </message>
    <message>
        <source>Unmapped prices seen in stored events</source>
        <translation>Nicht zugeordnete Preise in gespeicherten Ereignissen</translation>
    </message>
    <message>
        <source>&amp;Map This…</source>
        <translation>&amp;Zuordnen…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>The mappings cannot be read: %1</source>
        <translation>Die Zuordnungen können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Reading the stored events…</source>
        <translation>Die gespeicherten Ereignisse werden gelesen…</translation>
    </message>
    <message>
        <source>The stored events cannot be read: %1</source>
        <translation>Die gespeicherten Ereignisse können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Every price in the stored events has a mapping.</source>
        <translation>Jeder Preis in den gespeicherten Ereignissen hat eine Zuordnung.</translation>
    </message>
    <message numerus="yes">
        <source>%n price(s) without a mapping: their customers&apos; profiles show Stripe&apos;s own names.</source>
        <translation>
            <numerusform>%n Preis ohne Zuordnung: Die Profile seiner Kunden zeigen die Stripe-eigenen Namen.</numerusform>
            <numerusform>%n Preise ohne Zuordnung: Die Profile ihrer Kunden zeigen die Stripe-eigenen Namen.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is already mapped to &quot;%2&quot;; edit that mapping instead</source>
        <translation>%1 ist bereits „%2“ zugeordnet; bearbeiten Sie stattdessen diese Zuordnung</translation>
    </message>
    <message>
        <source>%1 now maps to &quot;%2&quot;.</source>
        <translation>%1 ist jetzt „%2“ zugeordnet.</translation>
    </message>
    <message>
        <source>Delete Plan Mapping</source>
        <translation>Tarifzuordnung löschen</translation>
    </message>
    <message>
        <source>Delete the mapping of %1 to &quot;%2&quot;? Customers on it are then shown Stripe&apos;s own name for the price.</source>
        <translation>Die Zuordnung von %1 zu „%2“ löschen? Kunden mit diesem Preis wird dann der Stripe-eigene Name des Preises angezeigt.</translation>
    </message>
    <message>
        <source>%1 has no mapping any more; someone else removed it.</source>
        <translation>%1 hat keine Zuordnung mehr; jemand anderes hat sie entfernt.</translation>
    </message>
    <message>
        <source>The mapping was not deleted: %1</source>
        <translation>Die Zuordnung wurde nicht gelöscht: %1</translation>
    </message>
    <message>
        <source>Deleted the mapping of %1.</source>
        <translation>Die Zuordnung von %1 wurde gelöscht.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Imported %1: %2 added, %3 changed, %4 removed.</source>
        <translation>%1 importiert: %2 hinzugefügt, %3 geändert, %4 entfernt.</translation>
    </message>
    <message>
        <source>%1 could not be written: %2. Choose another folder.</source>
        <translation>%1 konnte nicht geschrieben werden: %2. Wählen Sie einen anderen Ordner.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n mapping(s) to %1.</source>
        <translation>
            <numerusform>%n Zuordnung nach %1 exportiert.</numerusform>
            <numerusform>%n Zuordnungen nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>monthly</source>
        <translation>monatlich</translation>
    </message>
    <message>
        <source>yearly</source>
        <translation>jährlich</translation>
    </message>
    <message>
        <source>No Customer.io profile needs an update after this change.</source>
        <translation>Nach dieser Änderung muss kein Customer.io-Profil aktualisiert werden.</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) are affected: their Customer.io profile shows the old plan.</source>
        <translation>
            <numerusform>%n Kunde ist betroffen: Sein Customer.io-Profil zeigt den alten Tarif.</numerusform>
            <numerusform>%n Kunden sind betroffen: Ihr Customer.io-Profil zeigt den alten Tarif.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not work out which customers are affected: %1</source>
        <translation>Es konnte nicht ermittelt werden, welche Kunden betroffen sind: %1</translation>
    </message>
    <message>
        <source>Working out which customers are affected…</source>
        <translation>Es wird ermittelt, welche Kunden betroffen sind…</translation>
    </message>
    <message numerus="yes">
        <source>Enqueued %n profile update(s) for Customer.io.</source>
        <translation>
            <numerusform>%n Profilaktualisierung für Customer.io in die Warteschlange gestellt.</numerusform>
            <numerusform>%n Profilaktualisierungen für Customer.io in die Warteschlange gestellt.</numerusform>
        </translation>
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
    <message>
        <source>POST to the Slack webhook &quot;%1&quot;</source>
        <translation>POST an den Slack-Webhook „%1“</translation>
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
    <name>billbridge::widgets::ResyncDialog</name>
    <message>
        <source>(not sent)</source>
        <translation>(nicht gesendet)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>Re-sync Customer.io Profiles</source>
        <translation>Customer.io-Profile neu abgleichen</translation>
    </message>
    <message>
        <source>Customers whose stored events name %1.</source>
        <translation>Kunden, deren gespeicherte Ereignisse %1 nennen.</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>Customer / Attribute</source>
        <translation>Kunde / Attribut</translation>
    </message>
    <message>
        <source>Last sent</source>
        <translation>Zuletzt gesendet</translation>
    </message>
    <message>
        <source>Would send</source>
        <translation>Würde gesendet</translation>
    </message>
    <message>
        <source>&amp;Enqueue Updates</source>
        <translation>Aktualisierungen &amp;einreihen</translation>
    </message>
    <message>
        <source>Enqueueing profile updates…</source>
        <translation>Profilaktualisierungen werden in die Warteschlange gestellt…</translation>
    </message>
    <message>
        <source>Looking at the customers&apos; stored events…</source>
        <translation>Die gespeicherten Ereignisse der Kunden werden durchgesehen…</translation>
    </message>
    <message numerus="yes">
        <source>No profile needs an update: %n customer(s) looked at.</source>
        <translation>
            <numerusform>Kein Profil muss aktualisiert werden: %n Kunde durchgesehen.</numerusform>
            <numerusform>Kein Profil muss aktualisiert werden: %n Kunden durchgesehen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) are affected: their Customer.io profile would get the attributes below in one update each.</source>
        <translation>
            <numerusform>%n Kunde ist betroffen: Sein Customer.io-Profil würde die folgenden Attribute in einer Aktualisierung erhalten.</numerusform>
            <numerusform>%n Kunden sind betroffen: Ihr Customer.io-Profil würde die folgenden Attribute in jeweils einer Aktualisierung erhalten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deleted in Stripe</source>
        <translation>
            <numerusform>%n in Stripe gelöscht</numerusform>
            <numerusform>%n in Stripe gelöscht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n never synced</source>
        <translation>
            <numerusform>%n nie abgeglichen</numerusform>
            <numerusform>%n nie abgeglichen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with a damaged sync state (their next event repairs it)</source>
        <translation>
            <numerusform>%n mit beschädigtem Abgleichstatus (sein nächstes Ereignis behebt ihn)</numerusform>
            <numerusform>%n mit beschädigtem Abgleichstatus (ihr nächstes Ereignis behebt ihn)</numerusform>
        </translation>
    </message>
    <message>
        <source>Left alone: %1.</source>
        <translation>Unberührt gelassen: %1.</translation>
    </message>
    <message>
        <source>Stopped before every customer was looked at.</source>
        <translation>Angehalten, bevor alle Kunden durchgesehen wurden.</translation>
    </message>
    <message numerus="yes">
        <source>Enqueued %n profile update(s); the delivery queue sends them to Customer.io.</source>
        <translation>
            <numerusform>%n Profilaktualisierung in die Warteschlange gestellt; die Zustellwarteschlange sendet sie an Customer.io.</numerusform>
            <numerusform>%n Profilaktualisierungen in die Warteschlange gestellt; die Zustellwarteschlange sendet sie an Customer.io.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped early: run the re-sync again for the rest.</source>
        <translation>Vorzeitig angehalten: Führen Sie den Neuabgleich für die übrigen erneut aus.</translation>
    </message>
    <message>
        <source>The re-sync stopped: %1. Updates already enqueued stay in the queue; try again once the store can be written.</source>
        <translation>Der Neuabgleich wurde angehalten: %1. Bereits eingereihte Aktualisierungen bleiben in der Warteschlange; versuchen Sie es erneut, sobald in den Speicher geschrieben werden kann.</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::RuleEditor</name>
    <message>
        <source>immediately</source>
        <translation>sofort</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n Sekunde</numerusform>
            <numerusform>%n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Throw away the changes and show the rule as stored</source>
        <translation>Die Änderungen verwerfen und die Regel so anzeigen, wie sie gespeichert ist</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>lower-case letters, digits, - and _</source>
        <translation>Kleinbuchstaben, Ziffern, - und _</translation>
    </message>
    <message>
        <source>Id:</source>
        <translation>ID:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Beschreibung:</translation>
    </message>
    <message>
        <source>A Stripe event type; types Billbridge does not know are only warned about</source>
        <translation>Ein Stripe-Ereignistyp; bei Typen, die Billbridge nicht kennt, wird nur gewarnt</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Trigger events:</source>
        <translation>Auslösende Ereignisse:</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Fields: %1, customer.metadata.&lt;key&gt; or a data.… path. Values are JSON (1, &quot;usd&quot;, [&quot;a&quot;,&quot;b&quot;]) or plain text.</source>
        <translation>Felder: %1, customer.metadata.&lt;key&gt; oder ein data.…-Pfad. Werte sind JSON (1, &quot;usd&quot;, [&quot;a&quot;,&quot;b&quot;]) oder einfacher Text.</translation>
    </message>
    <message>
        <source>Conditions (all must hold):</source>
        <translation>Bedingungen (alle müssen erfüllt sein):</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Delay:</source>
        <translation>Verzögerung:</translation>
    </message>
    <message>
        <source>after the event: %1</source>
        <translation>nach dem Ereignis: %1</translation>
    </message>
    <message>
        <source>Cancel delayed jobs on:</source>
        <translation>Verzögerte Aufträge abbrechen bei:</translation>
    </message>
    <message>
        <source>Also fire for events older than the history horizon (backfills)</source>
        <translation>Auch bei Ereignissen auslösen, die älter als der Verlaufshorizont sind (Backfills)</translation>
    </message>
    <message>
        <source>Actions:</source>
        <translation>Aktionen:</translation>
    </message>
    <message>
        <source>Select a rule, or make a new one.</source>
        <translation>Wählen Sie eine Regel aus, oder erstellen Sie eine neue.</translation>
    </message>
    <message>
        <source>the JSON does not parse at character %1: %2; correct the text</source>
        <translation>das JSON lässt sich bei Zeichen %1 nicht parsen: %2; korrigieren Sie den Text</translation>
    </message>
    <message>
        <source>the definition must be one JSON object { … }</source>
        <translation>die Definition muss ein einzelnes JSON-Objekt { … } sein</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>new rule, not saved yet</source>
        <translation>neue Regel, noch nicht gespeichert</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source> — changed, not saved</source>
        <translation> — geändert, nicht gespeichert</translation>
    </message>
    <message>
        <source> — fix the errors below to save</source>
        <translation> — beheben Sie die Fehler unten, um zu speichern</translation>
    </message>
    <message>
        <source>Full definition (JSON). It follows the form; values the form marks &quot;edited in JSON&quot; are changed here.</source>
        <translation>Vollständige Definition (JSON). Sie folgt dem Formular; Werte, die das Formular als „im JSON bearbeitet“ kennzeichnet, werden hier geändert.</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::RuleImportDialog</name>
    <message>
        <source>Import Rules</source>
        <translation>Regeln importieren</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>Aus %1</translation>
    </message>
    <message>
        <source>Replace the whole rule set (rules missing from the file are deleted and the file&apos;s order becomes the order)</source>
        <translation>Den gesamten Regelsatz ersetzen (Regeln, die in der Datei fehlen, werden gelöscht, und die Reihenfolge der Datei wird übernommen)</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>Die Datei wird geprüft…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Wird importiert…</translation>
    </message>
    <message>
        <source>Added:</source>
        <translation>Hinzugefügt:</translation>
    </message>
    <message>
        <source>Changed (each becomes a new version):</source>
        <translation>Geändert (jede wird zu einer neuen Version):</translation>
    </message>
    <message>
        <source>Unchanged:</source>
        <translation>Unverändert:</translation>
    </message>
    <message>
        <source>Removed:</source>
        <translation>Entfernt:</translation>
    </message>
    <message>
        <source>Problems:</source>
        <translation>Probleme:</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message numerus="yes">
        <source>The file has %n error(s); nothing will be imported. Fix them in the file and import it again.</source>
        <translation>
            <numerusform>Die Datei enthält %n Fehler; es wird nichts importiert. Beheben Sie ihn in der Datei, und importieren Sie sie erneut.</numerusform>
            <numerusform>Die Datei enthält %n Fehler; es wird nichts importiert. Beheben Sie sie in der Datei, und importieren Sie sie erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing is written until you apply.</source>
        <translation>Es wird nichts geschrieben, bevor Sie übernehmen.</translation>
    </message>
    <message>
        <source>The store already holds these rules; there is nothing to import.</source>
        <translation>Der Speicher enthält diese Regeln bereits; es gibt nichts zu importieren.</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::RuleListModel</name>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Triggers</source>
        <translation>Auslöser</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>Zuletzt geändert</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::RuleTesterPanel</name>
    <message>
        <source>at once</source>
        <translation>sofort</translation>
    </message>
    <message>
        <source>Operation: %1</source>
        <translation>Vorgang: %1</translation>
    </message>
    <message>
        <source>Request: %1 %2</source>
        <translation>Anfrage: %1 %2</translation>
    </message>
    <message>
        <source>Due: %1</source>
        <translation>Fällig: %1</translation>
    </message>
    <message>
        <source>Exits: %1</source>
        <translation>Abbruch bei: %1</translation>
    </message>
    <message>
        <source>none (sent at once)</source>
        <translation>keine (sofort gesendet)</translation>
    </message>
    <message>
        <source>Idempotency key: %1</source>
        <translation>Idempotenzschlüssel: %1</translation>
    </message>
    <message>
        <source>Body:</source>
        <translation>Inhalt:</translation>
    </message>
    <message>
        <source>Try:</source>
        <translation>Testen:</translation>
    </message>
    <message>
        <source>All rules (the edited one as edited)</source>
        <translation>Alle Regeln (die bearbeitete in ihrer bearbeiteten Form)</translation>
    </message>
    <message>
        <source>Only the rule being edited</source>
        <translation>Nur die bearbeitete Regel</translation>
    </message>
    <message>
        <source>Event:</source>
        <translation>Ereignis:</translation>
    </message>
    <message>
        <source>evt_… (a stored event)</source>
        <translation>evt_… (ein gespeichertes Ereignis)</translation>
    </message>
    <message>
        <source>The newest stored events of the rules&apos; trigger types</source>
        <translation>Die neuesten gespeicherten Ereignisse der Auslösertypen der Regeln</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Rule / job</source>
        <translation>Regel / Auftrag</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Select a job to see the exact request it would send.</source>
        <translation>Wählen Sie einen Auftrag aus, um die genaue Anfrage zu sehen, die er senden würde.</translation>
    </message>
    <message>
        <source>no recent events of these types</source>
        <translation>keine aktuellen Ereignisse dieser Typen</translation>
    </message>
    <message numerus="yes">
        <source>pick one of %n recent event(s)…</source>
        <translation>
            <numerusform>eines von %n aktuellen Ereignis auswählen…</numerusform>
            <numerusform>eines von %n aktuellen Ereignissen auswählen…</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the id of a stored event, or pick one of the recent events.</source>
        <translation>Geben Sie die ID eines gespeicherten Ereignisses ein, oder wählen Sie eines der aktuellen Ereignisse aus.</translation>
    </message>
    <message>
        <source>No rule is being edited; select one or try all rules.</source>
        <translation>Es wird keine Regel bearbeitet; wählen Sie eine aus, oder testen Sie alle Regeln.</translation>
    </message>
    <message>
        <source>There are no rules to try yet; make one or install a template.</source>
        <translation>Es gibt noch keine Regeln zum Testen; erstellen Sie eine, oder installieren Sie eine Vorlage.</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>%1 wird getestet…</translation>
    </message>
    <message>
        <source>The event could not be tested; check its id.</source>
        <translation>Das Ereignis konnte nicht getestet werden; prüfen Sie seine ID.</translation>
    </message>
    <message>
        <source>fires</source>
        <translation>löst aus</translation>
    </message>
    <message>
        <source>does not fire</source>
        <translation>löst nicht aus</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s)</source>
        <translation>
            <numerusform>%n Auftrag</numerusform>
            <numerusform>%n Aufträge</numerusform>
        </translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>fällig %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2, customer %3, recorded verdict %4): %n rule(s) fire.</source>
        <translation>
            <numerusform>%1 (%2, Kunde %3, protokolliertes Ergebnis %4): %n Regel löst aus.</numerusform>
            <numerusform>%1 (%2, Kunde %3, protokolliertes Ergebnis %4): %n Regeln lösen aus.</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::RulesBackend</name>
    <message>
        <source>The rule was not saved because it has errors; fix them and save again.</source>
        <translation>Die Regel wurde nicht gespeichert, weil sie Fehler enthält; beheben Sie sie, und speichern Sie erneut.</translation>
    </message>
    <message>
        <source>The rule store could not be used: %1. Check that the store file is reachable and not locked by another program, then try again.</source>
        <translation>Der Regelspeicher konnte nicht verwendet werden: %1. Prüfen Sie, ob die Speicherdatei erreichbar und nicht von einem anderen Programm gesperrt ist, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The rules could not be changed: %1</source>
        <translation>Die Regeln konnten nicht geändert werden: %1</translation>
    </message>
    <message>
        <source>Rule &apos;%1&apos; was not found; it may have been deleted elsewhere.</source>
        <translation>Regel &apos;%1&apos; wurde nicht gefunden; sie wurde möglicherweise an anderer Stelle gelöscht.</translation>
    </message>
    <message>
        <source>The file has errors, so nothing was imported. Fix them in the file and import it again.</source>
        <translation>Die Datei enthält Fehler, daher wurde nichts importiert. Beheben Sie sie in der Datei, und importieren Sie sie erneut.</translation>
    </message>
    <message>
        <source>Recent events could not be read: %1</source>
        <translation>Aktuelle Ereignisse konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The store could not be read: %1</source>
        <translation>Der Speicher konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The test failed: %1</source>
        <translation>Der Test ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The what-if run failed: %1</source>
        <translation>Der Was-wäre-wenn-Lauf ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::RulesPage</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>New Rule from Template</source>
        <translation>Neue Regel aus Vorlage</translation>
    </message>
    <message>
        <source>Template (installed disabled):</source>
        <translation>Vorlage (wird deaktiviert installiert):</translation>
    </message>
    <message>
        <source>Import Rules</source>
        <translation>Regeln importieren</translation>
    </message>
    <message>
        <source>Rule files (*.json);;All files (*)</source>
        <translation>Regeldateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export Rules</source>
        <translation>Regeln exportieren</translation>
    </message>
    <message>
        <source>Rule files (*.json)</source>
        <translation>Regeldateien (*.json)</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>Editor</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>Test on an Event</source>
        <translation>An einem Ereignis testen</translation>
    </message>
    <message>
        <source>What If</source>
        <translation>Was-wäre-wenn</translation>
    </message>
    <message>
        <source>Rule &apos;%1&apos; is enabled: new events can fire it.</source>
        <translation>Regel &apos;%1&apos; ist aktiviert: Neue Ereignisse können sie auslösen.</translation>
    </message>
    <message>
        <source>Rule &apos;%1&apos; is disabled: it fires no more.</source>
        <translation>Regel &apos;%1&apos; ist deaktiviert: Sie löst nicht mehr aus.</translation>
    </message>
    <message>
        <source>New Rule</source>
        <translation>Neue Regel</translation>
    </message>
    <message>
        <source>Blank Rule</source>
        <translation>Leere Regel</translation>
    </message>
    <message>
        <source>From Template…</source>
        <translation>Aus Vorlage…</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Move Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Select a version to see its definition.</source>
        <translation>Wählen Sie eine Version aus, um ihre Definition zu sehen.</translation>
    </message>
    <message>
        <source>Open in Editor</source>
        <translation>Im Editor öffnen</translation>
    </message>
    <message>
        <source>Puts this version into the editor; saving it makes it the newest version</source>
        <translation>Lädt diese Version in den Editor; durch Speichern wird sie zur neuesten Version</translation>
    </message>
    <message>
        <source>• &apos;%1&apos; (version %2): %3</source>
        <translation>• &apos;%1&apos; (Version %2): %3</translation>
    </message>
    <message numerus="yes">
        <source>%n stored rule(s) cannot be read and are skipped when events arrive:</source>
        <translation>
            <numerusform>%n gespeicherte Regel kann nicht gelesen werden und wird beim Eintreffen von Ereignissen übersprungen:</numerusform>
            <numerusform>%n gespeicherte Regeln können nicht gelesen werden und werden beim Eintreffen von Ereignissen übersprungen:</numerusform>
        </translation>
    </message>
    <message>
        <source>Import a corrected definition with the same id (Import…), or restore an earlier version with billbridge-cli, to bring the rule back.</source>
        <translation>Importieren Sie eine korrigierte Definition mit derselben ID (Importieren…), oder stellen Sie mit billbridge-cli eine frühere Version wieder her, um die Regel zurückzuholen.</translation>
    </message>
    <message>
        <source>Discard Changes</source>
        <translation>Änderungen verwerfen</translation>
    </message>
    <message>
        <source>The rule in the editor has changes that are not saved. Discard them?</source>
        <translation>Die Regel im Editor hat nicht gespeicherte Änderungen. Verwerfen?</translation>
    </message>
    <message>
        <source>version %1 — %2 by %3, %4</source>
        <translation>Version %1 — %2 von %3, %4</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>aktiviert</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source> (no longer readable)</source>
        <translation> (nicht mehr lesbar)</translation>
    </message>
    <message>
        <source>New rule</source>
        <translation>Neue Regel</translation>
    </message>
    <message>
        <source>Give the rule an id, triggers and actions, then save it. New rules start disabled.</source>
        <translation>Geben Sie der Regel eine ID, Auslöser und Aktionen, und speichern Sie sie dann. Neue Regeln sind zunächst deaktiviert.</translation>
    </message>
    <message>
        <source>There is no template &apos;%1&apos;.</source>
        <translation>Es gibt keine Vorlage &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Template installed as &apos;%1&apos;, disabled. Adjust message ids, webhook names and delays, save, then enable it.</source>
        <translation>Vorlage als &apos;%1&apos; installiert, deaktiviert. Passen Sie Nachrichten-IDs, Webhook-Namen und Verzögerungen an, speichern Sie, und aktivieren Sie sie dann.</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>The copy is not saved yet; adjust it and save.</source>
        <translation>Die Kopie ist noch nicht gespeichert; passen Sie sie an, und speichern Sie sie.</translation>
    </message>
    <message>
        <source>Delete Rule</source>
        <translation>Regel löschen</translation>
    </message>
    <message>
        <source>Delete rule &apos;%1&apos;? Jobs it already queued stay in the queue; its versions stay in the audit log.</source>
        <translation>Regel &apos;%1&apos; löschen? Aufträge, die sie bereits in die Warteschlange gestellt hat, bleiben in der Warteschlange; ihre Versionen bleiben im Prüfprotokoll.</translation>
    </message>
    <message>
        <source>Rule &apos;%1&apos; was deleted.</source>
        <translation>Regel &apos;%1&apos; wurde gelöscht.</translation>
    </message>
    <message>
        <source>a rule with this id exists already; choose another id</source>
        <translation>es gibt bereits eine Regel mit dieser ID; wählen Sie eine andere ID</translation>
    </message>
    <message>
        <source>Not saved: rule &apos;%1&apos; exists already. Choose another id.</source>
        <translation>Nicht gespeichert: Regel &apos;%1&apos; gibt es bereits. Wählen Sie eine andere ID.</translation>
    </message>
    <message>
        <source>Rule &apos;%1&apos; saved as version %2.</source>
        <translation>Regel &apos;%1&apos; als Version %2 gespeichert.</translation>
    </message>
    <message>
        <source>Version %1 is in the editor; save it to make it the newest version.</source>
        <translation>Version %1 ist im Editor; speichern Sie sie, um sie zur neuesten Version zu machen.</translation>
    </message>
    <message>
        <source>%1 could not be read: %2. Check the file name and permissions.</source>
        <translation>%1 konnte nicht gelesen werden: %2. Prüfen Sie den Dateinamen und die Berechtigungen.</translation>
    </message>
    <message>
        <source>Imported: %1 added, %2 changed, %3 removed.</source>
        <translation>Importiert: %1 hinzugefügt, %2 geändert, %3 entfernt.</translation>
    </message>
    <message>
        <source>The rules could not be written to %1: %2. Choose another place.</source>
        <translation>Die Regeln konnten nicht nach %1 geschrieben werden: %2. Wählen Sie einen anderen Ort.</translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s) exported to %1.</source>
        <translation>
            <numerusform>%n Regel nach %1 exportiert.</numerusform>
            <numerusform>%n Regeln nach %1 exportiert.</numerusform>
        </translation>
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
    <name>billbridge::widgets::SlackTab</name>
    <message>
        <source>Rules post to Slack through incoming webhooks, each known by a name. A webhook&apos;s URL is a secret: it is kept in the keychain and never shown again. Changes here are saved at once.</source>
        <translation>Regeln senden über eingehende Webhooks an Slack, jeder unter einem Namen. Die URL eines Webhooks ist geheim: Sie wird im Schlüsselbund aufbewahrt und nie wieder angezeigt. Änderungen hier werden sofort gespeichert.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Posts to</source>
        <translation>Sendet an</translation>
    </message>
    <message>
        <source>Kept in</source>
        <translation>Aufbewahrt in</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>billing-alerts</source>
        <translation>billing-alerts</translation>
    </message>
    <message>
        <source>Webhook URL:</source>
        <translation>Webhook-URL:</translation>
    </message>
    <message>
        <source>https://hooks.slack.com/services/…</source>
        <translation>https://hooks.slack.com/services/…</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Store a new webhook under this name</source>
        <translation>Einen neuen Webhook unter diesem Namen speichern</translation>
    </message>
    <message>
        <source>Replace URL</source>
        <translation>URL ersetzen</translation>
    </message>
    <message>
        <source>Store a new URL for the webhook with this name</source>
        <translation>Eine neue URL für den Webhook mit diesem Namen speichern</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Entfernen…</translation>
    </message>
    <message>
        <source>Remove the webhook with this name from the keychain</source>
        <translation>Den Webhook mit diesem Namen aus dem Schlüsselbund entfernen</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Testen</translation>
    </message>
    <message>
        <source>Post a short test message to the webhook&apos;s channel</source>
        <translation>Eine kurze Testnachricht in den Kanal des Webhooks senden</translation>
    </message>
    <message>
        <source>Listed, but its URL is missing from the keychain: enter the URL and choose Replace URL.</source>
        <translation>Aufgeführt, aber seine URL fehlt im Schlüsselbund: Geben Sie die URL ein und wählen Sie „URL ersetzen“.</translation>
    </message>
    <message>
        <source>not usable</source>
        <translation>nicht verwendbar</translation>
    </message>
    <message>
        <source>environment (%1), read-only</source>
        <translation>Umgebung (%1), schreibgeschützt</translation>
    </message>
    <message>
        <source>Set outside Billbridge; change or unset the variable to change it. It overrides a keychain entry of the same name.</source>
        <translation>Außerhalb von Billbridge gesetzt; ändern oder entfernen Sie die Variable, um ihn zu ändern. Er hat Vorrang vor einem gleichnamigen Eintrag im Schlüsselbund.</translation>
    </message>
    <message>
        <source>keychain</source>
        <translation>Schlüsselbund</translation>
    </message>
    <message>
        <source>The webhooks kept in the keychain could not be read: %1</source>
        <translation>Die im Schlüsselbund aufbewahrten Webhooks konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No Slack webhooks yet. Add one to let rules post to Slack.</source>
        <translation>Noch keine Slack-Webhooks. Fügen Sie einen hinzu, damit Regeln an Slack senden können.</translation>
    </message>
    <message>
        <source>Use letters, digits, &apos;-&apos; and &apos;_&apos; only (at most 64), starting with a letter or digit, e.g. billing-alerts.</source>
        <translation>Verwenden Sie nur Buchstaben, Ziffern, „-“ und „_“ (höchstens 64), beginnend mit einem Buchstaben oder einer Ziffer, z. B. billing-alerts.</translation>
    </message>
    <message>
        <source>This webhook is set in the environment (%1); change it there.</source>
        <translation>Dieser Webhook ist in der Umgebung gesetzt (%1); ändern Sie ihn dort.</translation>
    </message>
    <message>
        <source>Saving to the %1…</source>
        <translation>Speichern in %1…</translation>
    </message>
    <message>
        <source>The webhook &quot;%1&quot; was not saved: %2</source>
        <translation>Der Webhook „%1“ wurde nicht gespeichert: %2</translation>
    </message>
    <message>
        <source>The URL of &quot;%1&quot; was saved but the list of webhook names could not be read: %2</source>
        <translation>Die URL von „%1“ wurde gespeichert, aber die Liste der Webhook-Namen konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The URL of &quot;%1&quot; was saved but its name could not be listed: %2</source>
        <translation>Die URL von „%1“ wurde gespeichert, aber ihr Name konnte nicht in die Liste aufgenommen werden: %2</translation>
    </message>
    <message>
        <source>Replaced the URL of the Slack webhook &quot;%1&quot; (%2) in the %3.</source>
        <translation>Die URL des Slack-Webhooks „%1“ (%2) in %3 ersetzt.</translation>
    </message>
    <message>
        <source>Saved the Slack webhook &quot;%1&quot; (%2) in the %3.</source>
        <translation>Den Slack-Webhook „%1“ (%2) in %3 gespeichert.</translation>
    </message>
    <message>
        <source>Remove Slack Webhook</source>
        <translation>Slack-Webhook entfernen</translation>
    </message>
    <message>
        <source>Remove the Slack webhook &quot;%1&quot; from the keychain? Rules that post to it fail until a webhook of that name is added again.</source>
        <translation>Den Slack-Webhook „%1“ aus dem Schlüsselbund entfernen? Regeln, die an ihn senden, scheitern, bis wieder ein Webhook dieses Namens hinzugefügt wird.</translation>
    </message>
    <message>
        <source>Removing from the %1…</source>
        <translation>Entfernen aus %1…</translation>
    </message>
    <message>
        <source>The webhook &quot;%1&quot; was not removed: %2</source>
        <translation>Der Webhook „%1“ wurde nicht entfernt: %2</translation>
    </message>
    <message>
        <source>The URL of &quot;%1&quot; was removed but the list of webhook names could not be read: %2</source>
        <translation>Die URL von „%1“ wurde entfernt, aber die Liste der Webhook-Namen konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The URL of &quot;%1&quot; was removed but the list of webhook names could not be updated: %2</source>
        <translation>Die URL von „%1“ wurde entfernt, aber die Liste der Webhook-Namen konnte nicht aktualisiert werden: %2</translation>
    </message>
    <message>
        <source>Removed the Slack webhook &quot;%1&quot; from the %2.</source>
        <translation>Den Slack-Webhook „%1“ aus %2 entfernt.</translation>
    </message>
    <message>
        <source>Posting a test message to &quot;%1&quot;…</source>
        <translation>Testnachricht an „%1“ wird gesendet…</translation>
    </message>
    <message>
        <source>Billbridge test message: the webhook &quot;%1&quot; works.</source>
        <translation>Billbridge-Testnachricht: Der Webhook „%1“ funktioniert.</translation>
    </message>
    <message>
        <source>Test cancelled.</source>
        <translation>Test abgebrochen.</translation>
    </message>
    <message>
        <source>Slack accepted the test message (HTTP %1); it should show in the webhook&apos;s channel.</source>
        <translation>Slack hat die Testnachricht angenommen (HTTP %1); sie sollte im Kanal des Webhooks erscheinen.</translation>
    </message>
    <message>
        <source>Slack does not know this webhook (HTTP %1 %2): it was removed or disabled in Slack. Create a new incoming webhook in the Slack app, then enter its URL here and choose Replace URL.</source>
        <translation>Slack kennt diesen Webhook nicht (HTTP %1 %2): Er wurde in Slack entfernt oder deaktiviert. Legen Sie in der Slack-App einen neuen eingehenden Webhook an, geben Sie hier seine URL ein und wählen Sie „URL ersetzen“.</translation>
    </message>
    <message>
        <source>Slack refused the webhook (HTTP 403 %1): its token was revoked or posting to the channel is not allowed. Create a new incoming webhook in the Slack app and replace the URL.</source>
        <translation>Slack hat den Webhook abgelehnt (HTTP 403 %1): Sein Token wurde widerrufen oder das Senden in den Kanal ist nicht erlaubt. Legen Sie in der Slack-App einen neuen eingehenden Webhook an und ersetzen Sie die URL.</translation>
    </message>
    <message>
        <source>Slack could not be reached (%1). Check this computer&apos;s network connection and proxy settings, then test again.</source>
        <translation>Slack war nicht erreichbar (%1). Prüfen Sie die Netzwerkverbindung und die Proxy-Einstellungen dieses Computers und testen Sie dann erneut.</translation>
    </message>
    <message>
        <source>Slack did not take the test message: %1</source>
        <translation>Slack hat die Testnachricht nicht angenommen: %1</translation>
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
    <name>billbridge::widgets::SyncDecisionView</name>
    <message>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Made by</source>
        <translation>Erzeugt von</translation>
    </message>
    <message>
        <source>Show in Queue</source>
        <translation>In der Warteschlange zeigen</translation>
    </message>
    <message>
        <source>Open the Queue page with this event&apos;s jobs, the selected one in view</source>
        <translation>Die Warteschlange mit den Aufträgen dieses Ereignisses öffnen, den gewählten im Blick</translation>
    </message>
    <message>
        <source>Reading what Billbridge did with this event…</source>
        <translation>Es wird gelesen, was Billbridge mit diesem Ereignis getan hat…</translation>
    </message>
    <message>
        <source>Not planned: sync was off when this event was stored (BILLBRIDGE_SYNC=off), so Billbridge decided nothing for Customer.io. Replay the event with sync on to plan it.</source>
        <translation>Nicht geplant: Die Synchronisation war aus, als dieses Ereignis gespeichert wurde (BILLBRIDGE_SYNC=off), daher hat Billbridge nichts für Customer.io entschieden. Spielen Sie das Ereignis mit eingeschalteter Synchronisation erneut ein, um es zu planen.</translation>
    </message>
    <message>
        <source>Decided “%1” (a decision this version of Billbridge does not know).</source>
        <translation>Entschieden: „%1“ (eine Entscheidung, die diese Version von Billbridge nicht kennt).</translation>
    </message>
    <message>
        <source>Applied: the newest news about its object, so the customer&apos;s profile and events were sent to Customer.io.</source>
        <translation>Angewendet: die neueste Nachricht über sein Objekt, daher wurden Profil und Ereignisse des Kunden an Customer.io gesendet.</translation>
    </message>
    <message>
        <source>Stale: newer news about the same object had already been applied, so the profile was left as it was.</source>
        <translation>Veraltet: Neuere Nachrichten über dasselbe Objekt waren bereits angewendet, daher blieb das Profil, wie es war.</translation>
    </message>
    <message>
        <source>History: older than the sync horizon, so only the profile was updated; no custom events were sent, so no campaign starts from old news.</source>
        <translation>Historie: älter als der Synchronisationshorizont, daher wurde nur das Profil aktualisiert; es wurden keine eigenen Ereignisse gesendet, sodass keine Kampagne durch alte Nachrichten startet.</translation>
    </message>
    <message>
        <source>Ignored: nothing was sent to Customer.io for this event.</source>
        <translation>Ignoriert: Für dieses Ereignis wurde nichts an Customer.io gesendet.</translation>
    </message>
    <message>
        <source>Unreadable: this is not a Stripe event Billbridge can read, so nothing was sent.</source>
        <translation>Unlesbar: Dies ist kein Stripe-Ereignis, das Billbridge lesen kann, daher wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Select an event to see what Billbridge did with it</source>
        <translation>Wählen Sie ein Ereignis aus, um zu sehen, was Billbridge damit getan hat</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Grund: %1</translation>
    </message>
    <message>
        <source>Planned %1</source>
        <translation>Geplant %1</translation>
    </message>
    <message>
        <source>No jobs were created.</source>
        <translation>Es wurden keine Aufträge erstellt.</translation>
    </message>
    <message>
        <source>%1 job(s) created</source>
        <translation>%1 Auftrag/Aufträge erstellt</translation>
    </message>
    <message>
        <source>Built-in sync</source>
        <translation>Eingebaute Synchronisation</translation>
    </message>
    <message>
        <source>Rule %1, version %2</source>
        <translation>Regel %1, Version %2</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::UnmappedPriceModel</name>
    <message>
        <source>Product %1</source>
        <translation>Produkt %1</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Nickname / Lookup Key</source>
        <translation>Nickname / Lookup-Key</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Last Seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
</context>
<context>
    <name>billbridge::widgets::WhatIfPanel</name>
    <message>
        <source>Try:</source>
        <translation>Testen:</translation>
    </message>
    <message>
        <source>All rules (the edited one as edited)</source>
        <translation>Alle Regeln (die bearbeitete in ihrer bearbeiteten Form)</translation>
    </message>
    <message>
        <source>Only the rule being edited</source>
        <translation>Nur die bearbeitete Regel</translation>
    </message>
    <message>
        <source>on the events of the last</source>
        <translation>an den Ereignissen der letzten</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Nothing is sent or queued: the rules are only tried on stored events, with each customer&apos;s current state.</source>
        <translation>Es wird nichts gesendet oder in die Warteschlange gestellt: Die Regeln werden nur an gespeicherten Ereignissen mit dem aktuellen Zustand jedes Kunden getestet.</translation>
    </message>
    <message>
        <source>Rule / sample event</source>
        <translation>Regel / Beispielereignis</translation>
    </message>
    <message>
        <source>Events matched</source>
        <translation>Passende Ereignisse</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Jobs by action</source>
        <translation>Aufträge nach Aktion</translation>
    </message>
    <message>
        <source>Double-click a sample event to open it on the Events page</source>
        <translation>Doppelklicken Sie auf ein Beispielereignis, um es auf der Seite „Ereignisse“ zu öffnen</translation>
    </message>
    <message>
        <source>There is no rule to try; select or make one first.</source>
        <translation>Es gibt keine Regel zum Testen; wählen Sie zuerst eine aus, oder erstellen Sie eine.</translation>
    </message>
    <message numerus="yes">
        <source>Reading the events of the last %n day(s)…</source>
        <translation>
            <numerusform>Die Ereignisse des Zeitraums von %n Tag werden gelesen…</numerusform>
            <numerusform>Die Ereignisse der letzten %n Tage werden gelesen…</numerusform>
        </translation>
    </message>
    <message>
        <source>Canceled; no results are shown. Run again to see them.</source>
        <translation>Abgebrochen; es werden keine Ergebnisse angezeigt. Führen Sie den Test erneut aus, um sie zu sehen.</translation>
    </message>
    <message>
        <source>Canceling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) of the rules&apos; trigger types since %1 were tried; nothing was sent or queued.</source>
        <translation>
            <numerusform>%n Ereignis der Auslösertypen der Regeln seit %1 wurde getestet; es wurde nichts gesendet oder in die Warteschlange gestellt.</numerusform>
            <numerusform>%n Ereignisse der Auslösertypen der Regeln seit %1 wurden getestet; es wurde nichts gesendet oder in die Warteschlange gestellt.</numerusform>
        </translation>
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
        <source>Screen to show at start: overview, events, customers, queue, mappings, dunning-rules or audit.</source>
        <translation>Beim Start anzuzeigende Ansicht: overview, events, customers, queue, mappings, dunning-rules oder audit.</translation>
    </message>
</context>
</TS>
