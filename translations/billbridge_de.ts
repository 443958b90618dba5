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
    <name>billbridge::widgets::CustomerIoTab</name>
    <message>
        <source>Testing is available when the Customer.io connection ships in a later version. The values can already be saved.</source>
        <translation>Der Test ist verfügbar, sobald die Customer.io-Verbindung in einer späteren Version ausgeliefert wird. Die Werte können bereits gespeichert werden.</translation>
    </message>
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
</context>
<context>
    <name>billbridge::widgets::GettingStartedPanel</name>
    <message>
        <source>Getting started</source>
        <translation>Erste Schritte</translation>
    </message>
    <message>
        <source>No events have arrived yet. To start receiving them:</source>
        <translation>Es sind noch keine Ereignisse eingegangen. So empfangen Sie die ersten:</translation>
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
</context>
<context>
    <name>billbridge::widgets::PlaceholderPage</name>
    <message>
        <source>This screen is not yet available in this version of Billbridge. The events are already stored; a later version shows them here.</source>
        <translation>Diese Ansicht ist in dieser Version von Billbridge noch nicht verfügbar. Die Ereignisse werden bereits gespeichert; eine spätere Version zeigt sie hier.</translation>
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
</context>
</TS>
