<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
    <name>billbridge::widgets::HomeWindow</name>
    <message>
        <source>Billbridge</source>
        <translation>Billbridge</translation>
    </message>
    <message>
        <source>Stripe billing events, stored locally on their way to Customer.io</source>
        <translation>Stripe-Abrechnungsereignisse, lokal gespeichert auf dem Weg zu Customer.io</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
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
        <source>Updated %1</source>
        <translation>Aktualisiert um %1</translation>
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
</context>
</TS>
