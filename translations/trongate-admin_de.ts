<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CommandLine</name>
    <message>
        <source>Usage: trongate-admin [--db URL | --connection NAME] COMMAND [options]

Without a command, the console window opens.

Commands:
  schema install [--dry-run]   create whichever Trongate tables are missing (existing ones are left alone)
  schema verify [--json]       compare the tables with Trongate&apos;s definitions; exit 0 clean, 1 differs

Connection:
  --db URL            sqlite:PATH, mysql://user@host:port/db[?tls=require&amp;ca=PATH&amp;cert=PATH&amp;key=PATH],
                      postgres://user@host:port/db
  --connection NAME   a connection saved in the console
  The password comes from TRONGATE_DB_PASSWORD, the keychain, or a prompt; never from an argument.

Window options:
  --screenshot FILE [--page NAME]   render the window to a PNG and exit (no display needed)

Exit codes: 0 success, 1 refused or differs (nothing changed), 2 connection or database failure.
</source>
        <translation>Aufruf: trongate-admin [--db URL | --connection NAME] BEFEHL [Optionen]

Ohne Befehl öffnet sich das Konsolenfenster.

Befehle:
  schema install [--dry-run]   fehlende Trongate-Tabellen anlegen (vorhandene bleiben unverändert)
  schema verify [--json]       Tabellen mit den Trongate-Definitionen vergleichen; Exit-Code 0 ohne, 1 mit Abweichungen

Verbindung:
  --db URL            sqlite:PFAD, mysql://user@host:port/db[?tls=require&amp;ca=PFAD&amp;cert=PFAD&amp;key=PFAD],
                      postgres://user@host:port/db
  --connection NAME   eine in der Konsole gespeicherte Verbindung
  Das Passwort stammt aus TRONGATE_DB_PASSWORD, dem Schlüsselbund oder einer Abfrage, nie aus einem Argument.

Fensteroptionen:
  --screenshot DATEI [--page NAME]  Fenster als PNG rendern und beenden (keine Anzeige nötig)

Exit-Codes: 0 Erfolg, 1 abgelehnt oder abweichend (nichts geändert), 2 Verbindungs- oder Datenbankfehler.
</translation>
    </message>
    <message>
        <source>Database URL.</source>
        <translation>Datenbank-URL.</translation>
    </message>
    <message>
        <source>Saved connection name.</source>
        <translation>Name der gespeicherten Verbindung.</translation>
    </message>
    <message>
        <source>Machine-readable output.</source>
        <translation>Maschinenlesbare Ausgabe.</translation>
    </message>
    <message>
        <source>Print the SQL without running it.</source>
        <translation>SQL ausgeben, ohne es auszuführen.</translation>
    </message>
    <message>
        <source>Print the version.</source>
        <translation>Version ausgeben.</translation>
    </message>
    <message>
        <source>Print this help.</source>
        <translation>Diese Hilfe ausgeben.</translation>
    </message>
    <message>
        <source>Run trongate-admin --help for the usage.</source>
        <translation>Hinweise zur Verwendung erhalten Sie mit trongate-admin --help.</translation>
    </message>
    <message>
        <source>Passwords are never taken as arguments (other users can read command lines). Set %1 or type it when asked.</source>
        <translation>Passwörter werden nie als Argumente angenommen (andere Benutzer können Befehlszeilen lesen). Setzen Sie %1 oder geben Sie das Passwort bei der Abfrage ein.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;. Run trongate-admin --help for the commands.</source>
        <translation>Unbekannter Befehl „%1“. Die verfügbaren Befehle zeigt trongate-admin --help.</translation>
    </message>
    <message>
        <source>Give either --db or --connection, not both.</source>
        <translation>Geben Sie entweder --db oder --connection an, nicht beides.</translation>
    </message>
    <message>
        <source>There is no saved connection named &quot;%1&quot;; none are saved yet.</source>
        <translation>Es gibt keine gespeicherte Verbindung namens „%1“; bisher sind keine Verbindungen gespeichert.</translation>
    </message>
    <message>
        <source>There is no saved connection named &quot;%1&quot;. Saved connections: %2.</source>
        <translation>Es gibt keine gespeicherte Verbindung namens „%1“. Gespeicherte Verbindungen: %2.</translation>
    </message>
    <message>
        <source>Say which database to use: --db URL or --connection NAME.</source>
        <translation>Geben Sie die zu verwendende Datenbank an: --db URL oder --connection NAME.</translation>
    </message>
    <message>
        <source>Use &quot;schema install&quot; or &quot;schema verify&quot;.</source>
        <translation>Verwenden Sie „schema install“ oder „schema verify“.</translation>
    </message>
    <message>
        <source>Nothing to install: Trongate&apos;s three tables are present.</source>
        <translation>Nichts anzulegen: Die drei Trongate-Tabellen sind vorhanden.</translation>
    </message>
    <message>
        <source>Installing the tables failed: %1</source>
        <translation>Das Anlegen der Tabellen ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Tables created: %1.</source>
        <translation>Angelegte Tabellen: %1.</translation>
    </message>
    <message>
        <source>Schema matches Trongate&apos;s definitions.</source>
        <translation>Das Schema entspricht den Trongate-Definitionen.</translation>
    </message>
    <message>
        <source>Differences from Trongate&apos;s definitions: %1.</source>
        <translation>Abweichungen von den Trongate-Definitionen: %1.</translation>
    </message>
</context>
<context>
    <name>ConnectionController</name>
    <message>
        <source>Could not connect</source>
        <translation>Verbindung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Connected, but the password could not be stored: %1</source>
        <translation>Verbunden, aber das Passwort konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Demo database</source>
        <translation>Demo-Datenbank</translation>
    </message>
    <message>
        <source>The folder %1 could not be created. Check the permissions of your data directory.</source>
        <translation>Der Ordner %1 konnte nicht erstellt werden. Prüfen Sie die Berechtigungen Ihres Datenverzeichnisses.</translation>
    </message>
    <message>
        <source>The demo database could not be filled: %1</source>
        <translation>Die Demo-Datenbank konnte nicht befüllt werden: %1</translation>
    </message>
    <message>
        <source>Created the demo database with %1 users and %2 tokens.</source>
        <translation>Die Demo-Datenbank wurde mit %1 Benutzern und %2 Tokens erstellt.</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>Saved connections:</source>
        <translation>Gespeicherte Verbindungen:</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>e.g. Production shop</source>
        <translation>z. B. Produktiv-Shop</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>Na&amp;me:</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <source>/path/to/database.sqlite</source>
        <translation>/pfad/zur/datenbank.sqlite</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>Dat&amp;ei:</translation>
    </message>
    <message>
        <source>Create the file if it does not exist</source>
        <translation>Datei erstellen, falls sie nicht existiert</translation>
    </message>
    <message>
        <source>db.example.com or 127.0.0.1</source>
        <translation>db.example.com oder 127.0.0.1</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>the database that holds trongate_users</source>
        <translation>die Datenbank, die trongate_users enthält</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>Daten&amp;bank:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>B&amp;enutzer:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>&amp;Remember the password in the system keychain</source>
        <translation>Passwort im System-Schlüsselbund &amp;merken</translation>
    </message>
    <message>
        <source>optional, e.g. /run/mysqld/mysqld.sock</source>
        <translation>optional, z. B. /run/mysqld/mysqld.sock</translation>
    </message>
    <message>
        <source>Unix &amp;socket:</source>
        <translation>Unix-&amp;Socket:</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Require TLS (refuse to connect without it)</source>
        <translation>TLS erzwingen (ohne TLS keine Verbindung herstellen)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>PEM file of the certificate authority</source>
        <translation>PEM-Datei der Zertifizierungsstelle</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>&amp;CA certificate:</source>
        <translation>&amp;CA-Zertifikat:</translation>
    </message>
    <message>
        <source>Choose the CA certificate</source>
        <translation>CA-Zertifikat auswählen</translation>
    </message>
    <message>
        <source>Client c&amp;ertificate:</source>
        <translation>Client-Ze&amp;rtifikat:</translation>
    </message>
    <message>
        <source>Choose the client certificate</source>
        <translation>Client-Zertifikat auswählen</translation>
    </message>
    <message>
        <source>Client &amp;key:</source>
        <translation>Client-Sch&amp;lüssel:</translation>
    </message>
    <message>
        <source>Choose the client key</source>
        <translation>Client-Schlüssel auswählen</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Fill in the new connection, test it, then save or connect.</source>
        <translation>Geben Sie die Daten der neuen Verbindung ein, testen Sie sie und speichern Sie sie dann oder stellen Sie die Verbindung her.</translation>
    </message>
    <message>
        <source>leave empty to use the password in the keychain</source>
        <translation>leer lassen, um das Passwort aus dem Schlüsselbund zu verwenden</translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot;.</source>
        <translation>„%1“ gespeichert.</translation>
    </message>
    <message>
        <source>The password is in the system keychain.</source>
        <translation>Das Passwort ist im System-Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <source>The password could not be stored: %1 You will be asked for it when you connect.</source>
        <translation>Das Passwort konnte nicht gespeichert werden: %1 Sie werden beim Verbinden danach gefragt.</translation>
    </message>
    <message>
        <source>Delete connection</source>
        <translation>Verbindung löschen</translation>
    </message>
    <message>
        <source>Delete the connection &quot;%1&quot; and its stored password? The database itself is not touched.</source>
        <translation>Die Verbindung „%1“ und ihr gespeichertes Passwort löschen? Die Datenbank selbst bleibt unverändert.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Deleted &quot;%1&quot;.</source>
        <translation>„%1“ gelöscht.</translation>
    </message>
    <message>
        <source>Testing the connection to %1…</source>
        <translation>Verbindung zu %1 wird getestet…</translation>
    </message>
    <message>
        <source>The file does not exist yet; it will be created when you connect.</source>
        <translation>Die Datei existiert noch nicht; sie wird beim Verbinden erstellt.</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>Verbunden mit %1.</translation>
    </message>
    <message>
        <source>The connection is encrypted (TLS).</source>
        <translation>Die Verbindung ist verschlüsselt (TLS).</translation>
    </message>
    <message>
        <source>The connection is NOT encrypted.</source>
        <translation>Die Verbindung ist NICHT verschlüsselt.</translation>
    </message>
    <message>
        <source>All three Trongate tables are present.</source>
        <translation>Alle drei Trongate-Tabellen sind vorhanden.</translation>
    </message>
    <message>
        <source>This database has none of Trongate&apos;s tables: it is not a Trongate database yet. You can install them after connecting.</source>
        <translation>Diese Datenbank enthält keine der Trongate-Tabellen und ist daher noch keine Trongate-Datenbank. Sie können die Tabellen nach dem Verbinden anlegen.</translation>
    </message>
    <message>
        <source>Only %1 of Trongate&apos;s three tables are present; you can install the missing ones after connecting.</source>
        <translation>Nur %1 der drei Trongate-Tabellen sind vorhanden; die fehlenden können Sie nach dem Verbinden anlegen.</translation>
    </message>
    <message>
        <source>Connections (unsaved changes)</source>
        <translation>Verbindungen (ungespeicherte Änderungen)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>The connection &quot;%1&quot; has unsaved changes. Discard them?</source>
        <translation>Die Verbindung „%1“ hat ungespeicherte Änderungen. Sollen sie verworfen werden?</translation>
    </message>
    <message>
        <source>(new)</source>
        <translation>(neu)</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Choose an SQLite database</source>
        <translation>SQLite-Datenbank auswählen</translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite *.sqlite3 *.db);;All files (*)</source>
        <translation>SQLite-Datenbanken (*.sqlite *.sqlite3 *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>PEM-Dateien (*.pem *.crt *.key);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>ConnectionProfile</name>
    <message>
        <source>MySQL / MariaDB</source>
        <translation>MySQL / MariaDB</translation>
    </message>
    <message>
        <source>PostgreSQL</source>
        <translation>PostgreSQL</translation>
    </message>
    <message>
        <source>SQLite file</source>
        <translation>SQLite-Datei</translation>
    </message>
    <message>
        <source>The port must be a number from 1 to 65535 (MySQL and MariaDB usually listen on 3306, PostgreSQL on 5432); &quot;%1&quot; is not.</source>
        <translation>Der Port muss eine Zahl von 1 bis 65535 sein (MySQL und MariaDB lauschen meist auf 3306, PostgreSQL auf 5432); „%1“ ist keine solche Zahl.</translation>
    </message>
    <message>
        <source>Give the connection a name, for example &quot;Production&quot;.</source>
        <translation>Geben Sie der Verbindung einen Namen, zum Beispiel „Produktion“.</translation>
    </message>
    <message>
        <source>A connection name cannot contain / or \. Choose another name.</source>
        <translation>Ein Verbindungsname darf weder / noch \ enthalten. Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>A connection name can be at most 100 characters long.</source>
        <translation>Ein Verbindungsname darf höchstens 100 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>Choose the SQLite database file.</source>
        <translation>Wählen Sie die SQLite-Datenbankdatei aus.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist. Create it first or choose another location.</source>
        <translation>Der Ordner %1 existiert nicht. Erstellen Sie ihn zuerst oder wählen Sie einen anderen Speicherort.</translation>
    </message>
    <message>
        <source>%1 is a folder. Choose a database file.</source>
        <translation>%1 ist ein Ordner. Wählen Sie eine Datenbankdatei aus.</translation>
    </message>
    <message>
        <source>The file %1 cannot be read. Check its permissions.</source>
        <translation>Die Datei %1 kann nicht gelesen werden. Prüfen Sie ihre Berechtigungen.</translation>
    </message>
    <message>
        <source>%1 is not an SQLite database. Choose another file.</source>
        <translation>%1 ist keine SQLite-Datenbank. Wählen Sie eine andere Datei aus.</translation>
    </message>
    <message>
        <source>Enter the server&apos;s host name or IP address (or a Unix socket for a local server).</source>
        <translation>Geben Sie den Hostnamen oder die IP-Adresse des Servers ein (oder einen Unix-Socket für einen lokalen Server).</translation>
    </message>
    <message>
        <source>The host name &quot;%1&quot; contains characters a host name cannot have.</source>
        <translation>Der Hostname „%1“ enthält Zeichen, die in einem Hostnamen nicht zulässig sind.</translation>
    </message>
    <message>
        <source>The port must be a number from 1 to 65535; %1 is not.</source>
        <translation>Der Port muss eine Zahl von 1 bis 65535 sein; %1 ist keine solche Zahl.</translation>
    </message>
    <message>
        <source>Enter the name of the database that holds the Trongate tables.</source>
        <translation>Geben Sie den Namen der Datenbank ein, die die Trongate-Tabellen enthält.</translation>
    </message>
    <message>
        <source>Enter the database user name.</source>
        <translation>Geben Sie den Benutzernamen für die Datenbank ein.</translation>
    </message>
    <message>
        <source>Client certificates are only supported for MySQL/MariaDB connections.</source>
        <translation>Client-Zertifikate werden nur für MySQL-/MariaDB-Verbindungen unterstützt.</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <source>client certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <source>client key</source>
        <translation>Client-Schlüssel</translation>
    </message>
    <message>
        <source>Unix socket</source>
        <translation>Unix-Socket</translation>
    </message>
    <message>
        <source>The %1 path cannot contain a semicolon. Move the file and choose it again.</source>
        <translation>Der Pfad für %1 darf kein Semikolon enthalten. Verschieben Sie die Datei und wählen Sie sie erneut aus.</translation>
    </message>
    <message>
        <source>The %1 file %2 does not exist.</source>
        <translation>Die Datei %2 (%1) existiert nicht.</translation>
    </message>
    <message>
        <source>The %1 file %2 cannot be read. Check its permissions.</source>
        <translation>Die Datei %2 (%1) kann nicht gelesen werden. Prüfen Sie ihre Berechtigungen.</translation>
    </message>
    <message>
        <source>A client certificate needs its key, and a key its certificate: choose both or neither.</source>
        <translation>Ein Client-Zertifikat benötigt seinen Schlüssel und ein Schlüssel sein Zertifikat: Wählen Sie beides oder keines von beiden aus.</translation>
    </message>
    <message>
        <source>The database URL is empty. Use sqlite:PATH, mysql://user@host:port/database or postgres://user@host:port/database.</source>
        <translation>Die Datenbank-URL ist leer. Verwenden Sie sqlite:PFAD, mysql://user@host:port/database oder postgres://user@host:port/database.</translation>
    </message>
    <message>
        <source>The database URL contains a NUL character.</source>
        <translation>Die Datenbank-URL enthält ein NUL-Zeichen.</translation>
    </message>
    <message>
        <source>The SQLite URL names no file. Write it as sqlite:/path/to/file.db.</source>
        <translation>Die SQLite-URL enthält keine Datei. Schreiben Sie sie als sqlite:/path/to/file.db.</translation>
    </message>
    <message>
        <source>The port must be a number from 1 to 65535.</source>
        <translation>Der Port muss eine Zahl von 1 bis 65535 sein.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid database URL. Write it as mysql://user@host:3306/database, postgres://user@host:5432/database or sqlite:/path/to/file.db.</source>
        <translation>„%1“ ist keine gültige Datenbank-URL. Schreiben Sie sie als mysql://user@host:3306/database, postgres://user@host:5432/database oder sqlite:/path/to/file.db.</translation>
    </message>
    <message>
        <source>Unknown database type &quot;%1&quot;. Use sqlite:, mysql:// or postgres://.</source>
        <translation>Unbekannter Datenbanktyp „%1“. Verwenden Sie sqlite:, mysql:// oder postgres://.</translation>
    </message>
    <message>
        <source>Do not put the password in the URL: other users can read command lines. Set TRONGATE_DB_PASSWORD, store it in the keychain, or type it when asked.</source>
        <translation>Geben Sie das Passwort nicht in der URL an, denn andere Benutzer können Befehlszeilen lesen. Setzen Sie TRONGATE_DB_PASSWORD, speichern Sie es im Schlüsselbund oder geben Sie es bei der Abfrage ein.</translation>
    </message>
    <message>
        <source>Unknown tls value &quot;%1&quot;: use tls=require.</source>
        <translation>Unbekannter tls-Wert „%1“: Verwenden Sie tls=require.</translation>
    </message>
    <message>
        <source>Do not put the password in the URL: set TRONGATE_DB_PASSWORD instead.</source>
        <translation>Geben Sie das Passwort nicht in der URL an, sondern setzen Sie TRONGATE_DB_PASSWORD.</translation>
    </message>
    <message>
        <source>Unknown URL option &quot;%1&quot;. Known options: tls, ca, cert, key, socket.</source>
        <translation>Unbekannte URL-Option „%1“. Bekannte Optionen: tls, ca, cert, key, socket.</translation>
    </message>
</context>
<context>
    <name>Connector</name>
    <message>
        <source>The server asks for an authentication method this client cannot use (MySQL 8&apos;s caching_sha2_password needs the client&apos;s plugin or a TLS connection). Connect with TLS, or ask the administrator to run ALTER USER &apos;%1&apos; IDENTIFIED WITH mysql_native_password.</source>
        <translation>Der Server verlangt eine Authentifizierungsmethode, die dieser Client nicht verwenden kann (caching_sha2_password von MySQL 8 benötigt das Client-Plugin oder eine TLS-Verbindung). Verbinden Sie sich über TLS oder bitten Sie den Administrator, ALTER USER &apos;%1&apos; IDENTIFIED WITH mysql_native_password auszuführen.</translation>
    </message>
    <message>
        <source>The server refused user &quot;%1&quot; with this password. Check the password, and that this user may connect from this computer.</source>
        <translation>Der Server hat den Benutzer „%1“ mit diesem Passwort abgewiesen. Prüfen Sie das Passwort und ob sich dieser Benutzer von diesem Computer aus verbinden darf.</translation>
    </message>
    <message>
        <source>User &quot;%1&quot; may not use the database &quot;%2&quot;. Ask the database administrator for access.</source>
        <translation>Der Benutzer „%1“ darf die Datenbank „%2“ nicht verwenden. Bitten Sie den Datenbankadministrator um Zugriff.</translation>
    </message>
    <message>
        <source>The server has no database named &quot;%1&quot;. Check the name (it is case-sensitive on most servers).</source>
        <translation>Auf dem Server gibt es keine Datenbank namens „%1“. Prüfen Sie den Namen (auf den meisten Servern wird zwischen Groß- und Kleinschreibung unterschieden).</translation>
    </message>
    <message>
        <source>The server does not accept connections from this computer for user &quot;%1&quot;.</source>
        <translation>Der Server nimmt für den Benutzer „%1“ keine Verbindungen von diesem Computer an.</translation>
    </message>
    <message>
        <source>The TLS connection to %1 failed: the server refused TLS, or its certificate is not trusted by the CA file you chose.</source>
        <translation>Die TLS-Verbindung zu %1 ist fehlgeschlagen: Der Server hat TLS abgelehnt, oder sein Zertifikat wird von der gewählten CA-Datei nicht als vertrauenswürdig bestätigt.</translation>
    </message>
    <message>
        <source>No database server answered at %1. Check the host and port, that the server is running, and that no firewall blocks the connection.</source>
        <translation>Unter %1 hat kein Datenbankserver geantwortet. Prüfen Sie Host und Port, ob der Server läuft und ob eine Firewall die Verbindung blockiert.</translation>
    </message>
    <message>
        <source>The server refused user &quot;%1&quot; with this password. Check the password.</source>
        <translation>Der Server hat den Benutzer „%1“ mit diesem Passwort abgewiesen. Prüfen Sie das Passwort.</translation>
    </message>
    <message>
        <source>The server has no database named &quot;%1&quot;. Check the name.</source>
        <translation>Auf dem Server gibt es keine Datenbank namens „%1“. Prüfen Sie den Namen.</translation>
    </message>
    <message>
        <source>%1 is not an SQLite database, or it is damaged.</source>
        <translation>%1 ist keine SQLite-Datenbank oder ist beschädigt.</translation>
    </message>
    <message>
        <source>The database reported an error: %1</source>
        <translation>Die Datenbank hat einen Fehler gemeldet: %1</translation>
    </message>
    <message>
        <source>The Qt driver for %1 is not installed. Install the package %2 and start again.</source>
        <translation>Der Qt-Treiber für %1 ist nicht installiert. Installieren Sie das Paket %2 und starten Sie das Programm erneut.</translation>
    </message>
    <message>
        <source>The file %1 does not exist. Check the path; to start a new database, use &quot;schema install&quot; or the connection dialog&apos;s &quot;Create the file&quot; option.</source>
        <translation>Die Datei %1 existiert nicht. Prüfen Sie den Pfad; um eine neue Datenbank anzulegen, verwenden Sie „schema install“ oder die Option „Datei erstellen“ im Verbindungsdialog.</translation>
    </message>
    <message>
        <source>This connection requires TLS, but the server at %1 answered without it. Enable TLS on the server or choose a CA file.</source>
        <translation>Diese Verbindung erfordert TLS, aber der Server unter %1 hat ohne TLS geantwortet. Aktivieren Sie TLS auf dem Server oder wählen Sie eine CA-Datei aus.</translation>
    </message>
</context>
<context>
    <name>DemoDatabase</name>
    <message>
        <source>Demo (SQLite)</source>
        <translation>Demo (SQLite)</translation>
    </message>
    <message>
        <source>The demo database %1 could not be removed: %2</source>
        <translation>Die Demo-Datenbank %1 konnte nicht entfernt werden: %2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
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
        <source>Open the &amp;demo database</source>
        <translation>&amp;Demo-Datenbank öffnen</translation>
    </message>
    <message>
        <source>&amp;Reset the demo database…</source>
        <translation>Demo-Datenbank &amp;zurücksetzen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>Daten&amp;bank</translation>
    </message>
    <message>
        <source>&amp;Verify schema…</source>
        <translation>Schema &amp;prüfen…</translation>
    </message>
    <message>
        <source>&amp;Install Trongate&apos;s tables…</source>
        <translation>Trongate-Tabellen &amp;anlegen…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Trongate Admin</source>
        <translation>Ü&amp;ber Trongate Admin</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>%1 — Trongate Admin</source>
        <translation>%1 — Trongate Admin</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Verbunden mit %1</translation>
    </message>
    <message>
        <source> (TLS)</source>
        <translation> (TLS)</translation>
    </message>
    <message>
        <source> (not encrypted)</source>
        <translation> (nicht verschlüsselt)</translation>
    </message>
    <message>
        <source>Trongate Admin</source>
        <translation>Trongate Admin</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Could not connect</source>
        <translation>Verbindung fehlgeschlagen</translation>
    </message>
    <message>
        <source>The file %1 could not be created: %2</source>
        <translation>Die Datei %1 konnte nicht erstellt werden: %2</translation>
    </message>
    <message>
        <source>Reset the demo database</source>
        <translation>Demo-Datenbank zurücksetzen</translation>
    </message>
    <message>
        <source>Delete the demo database and create it anew with fresh users and tokens? Your own connections are not touched.</source>
        <translation>Die Demo-Datenbank löschen und mit neuen Benutzern und Tokens neu erstellen? Ihre eigenen Verbindungen bleiben unverändert.</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Schema check: no differences.</source>
        <translation>Schemaprüfung: keine Abweichungen.</translation>
    </message>
    <message>
        <source>Schema check: differences found: %1.</source>
        <translation>Schemaprüfung: Abweichungen gefunden: %1.</translation>
    </message>
    <message>
        <source>Install Trongate&apos;s tables</source>
        <translation>Trongate-Tabellen anlegen</translation>
    </message>
    <message>
        <source>All three Trongate tables are already present. Nothing to install.</source>
        <translation>Alle drei Trongate-Tabellen sind bereits vorhanden. Es gibt nichts anzulegen.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; lacks these Trongate tables: %2.&lt;/p&gt;&lt;p&gt;The statements below create them exactly as Trongate&apos;s own setup.sql does. Tables that already exist are left alone; no other table is touched.&lt;/p&gt;</source>
        <translation>&lt;p&gt;In &lt;b&gt;%1&lt;/b&gt; fehlen diese Trongate-Tabellen: %2.&lt;/p&gt;&lt;p&gt;Die folgenden Anweisungen legen sie genau so an wie Trongates eigene setup.sql. Bereits vorhandene Tabellen bleiben unverändert; andere Tabellen werden nicht angetastet.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Install tables</source>
        <translation>Tabellen &amp;anlegen</translation>
    </message>
    <message>
        <source>The tables could not be created. Nothing else was changed.</source>
        <translation>Die Tabellen konnten nicht angelegt werden. Sonst wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Tables created: %1.</source>
        <translation>Angelegte Tabellen: %1.</translation>
    </message>
    <message>
        <source>%1 has none of Trongate&apos;s tables, so it is not a Trongate database yet. Install Trongate&apos;s tables now? You will see the SQL first.</source>
        <translation>%1 enthält keine der Trongate-Tabellen und ist daher noch keine Trongate-Datenbank. Trongate-Tabellen jetzt anlegen? Sie sehen zuerst das SQL.</translation>
    </message>
    <message>
        <source>%1 lacks some of Trongate&apos;s tables (%2 of 3 present). Install the missing ones now? You will see the SQL first.</source>
        <translation>In %1 fehlen einige Trongate-Tabellen (%2 von 3 vorhanden). Die fehlenden jetzt anlegen? Sie sehen zuerst das SQL.</translation>
    </message>
    <message>
        <source>Trongate tables missing</source>
        <translation>Trongate-Tabellen fehlen</translation>
    </message>
    <message>
        <source>Show the SQL…</source>
        <translation>SQL anzeigen…</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The new language is used the next time you start Trongate Admin.</source>
        <translation>Die neue Sprache wird beim nächsten Start von Trongate Admin verwendet.</translation>
    </message>
    <message>
        <source>About Trongate Admin</source>
        <translation>Über Trongate Admin</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Trongate Admin %1&lt;/h3&gt;&lt;p&gt;A desktop console for the token system of the Trongate PHP framework: user levels, users and tokens, compatible with Trongate&apos;s own tables.&lt;/p&gt;&lt;p&gt;Built with Qt %2. Passwords are kept only in your system keychain.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Trongate Admin %1&lt;/h3&gt;&lt;p&gt;Eine Desktop-Konsole für das Token-System des PHP-Frameworks Trongate: Benutzerstufen, Benutzer und Tokens, kompatibel mit Trongates eigenen Tabellen.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2. Passwörter werden ausschließlich in Ihrem System-Schlüsselbund gespeichert.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>&amp;Install missing tables…</source>
        <translation>Fehlende Tabellen &amp;anlegen…</translation>
    </message>
    <message>
        <source>&amp;Verify schema…</source>
        <translation>Schema &amp;prüfen…</translation>
    </message>
    <message>
        <source>valid tokens</source>
        <translation>gültige Tokens</translation>
    </message>
    <message>
        <source>expire within the hour</source>
        <translation>laufen innerhalb einer Stunde ab</translation>
    </message>
    <message>
        <source>expired, awaiting purge</source>
        <translation>abgelaufen, warten auf Bereinigung</translation>
    </message>
    <message>
        <source>without expiry (never valid)</source>
        <translation>ohne Ablaufzeit (nie gültig)</translation>
    </message>
    <message>
        <source>orphans (user row missing)</source>
        <translation>verwaist (Benutzerzeile fehlt)</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tabellen</translation>
    </message>
    <message>
        <source>No database open</source>
        <translation>Keine Datenbank geöffnet</translation>
    </message>
    <message>
        <source>Open a connection with File ▸ Connections… (Ctrl+O).</source>
        <translation>Öffnen Sie eine Verbindung über Datei ▸ Verbindungen… (Strg+O).</translation>
    </message>
    <message>
        <source>encrypted (TLS)</source>
        <translation>verschlüsselt (TLS)</translation>
    </message>
    <message>
        <source>not encrypted</source>
        <translation>nicht verschlüsselt</translation>
    </message>
    <message>
        <source>The tables could not be read: %1</source>
        <translation>Die Tabellen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>✔ Trongate&apos;s three tables are present. Verify them against Trongate&apos;s definitions at any time; verifying changes nothing.</source>
        <translation>✔ Die drei Trongate-Tabellen sind vorhanden. Sie können sie jederzeit gegen die Trongate-Definitionen prüfen; die Prüfung ändert nichts.</translation>
    </message>
    <message>
        <source>This database has none of Trongate&apos;s tables: it is not a Trongate database yet. Install them (you see the SQL first), or open another connection.</source>
        <translation>Diese Datenbank enthält keine der Trongate-Tabellen und ist daher noch keine Trongate-Datenbank. Legen Sie die Tabellen an (Sie sehen zuerst das SQL) oder öffnen Sie eine andere Verbindung.</translation>
    </message>
    <message>
        <source>Trongate&apos;s tables missing here: %1 of 3. Install them (you see the SQL first).</source>
        <translation>Hier fehlen %1 von 3 Trongate-Tabellen. Legen Sie sie an (Sie sehen zuerst das SQL).</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Password for %1</source>
        <translation>Passwort für %1</translation>
    </message>
    <message>
        <source>Enter the password of &lt;b&gt;%1&lt;/b&gt; on &lt;b&gt;%2&lt;/b&gt;.</source>
        <translation>Geben Sie das Passwort von &lt;b&gt;%1&lt;/b&gt; auf &lt;b&gt;%2&lt;/b&gt; ein.</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Remember in the system keychain</source>
        <translation>Im System-Schlüsselbund &amp;merken</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
</context>
<context>
    <name>PasswordSource</name>
    <message>
        <source>A password is needed for %1. Set the environment variable %2, store it in the keychain from the console&apos;s connection dialog, or run the command in a terminal to be asked.</source>
        <translation>Für %1 wird ein Passwort benötigt. Setzen Sie die Umgebungsvariable %2, speichern Sie das Passwort über den Verbindungsdialog der Konsole im Schlüsselbund oder führen Sie den Befehl in einem Terminal aus, um danach gefragt zu werden.</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>Passwort für %1: </translation>
    </message>
</context>
<context>
    <name>ProfileStore</name>
    <message>
        <source>A connection named &quot;%1&quot; already exists. Choose another name.</source>
        <translation>Eine Verbindung namens „%1“ existiert bereits. Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>The settings file %1 could not be written. Check the disk space and permissions.</source>
        <translation>Die Einstellungsdatei %1 konnte nicht geschrieben werden. Prüfen Sie den freien Speicherplatz und die Berechtigungen.</translation>
    </message>
</context>
<context>
    <name>SchemaDifference</name>
    <message>
        <source>missing table</source>
        <translation>fehlende Tabelle</translation>
    </message>
    <message>
        <source>missing column</source>
        <translation>fehlende Spalte</translation>
    </message>
    <message>
        <source>wrong type</source>
        <translation>falscher Typ</translation>
    </message>
    <message>
        <source>wrong length</source>
        <translation>falsche Länge</translation>
    </message>
    <message>
        <source>wrong default</source>
        <translation>falscher Standardwert</translation>
    </message>
    <message>
        <source>wrong nullability</source>
        <translation>falsche NULL-Zulässigkeit</translation>
    </message>
    <message>
        <source>not an auto-increment primary key</source>
        <translation>kein Primärschlüssel mit Auto-Increment</translation>
    </message>
    <message>
        <source>extra column (fine for Trongate)</source>
        <translation>zusätzliche Spalte (für Trongate unproblematisch)</translation>
    </message>
    <message>
        <source>Table %1 is missing.</source>
        <translation>Die Tabelle %1 fehlt.</translation>
    </message>
    <message>
        <source>%1.%2 is missing (expected %3).</source>
        <translation>%1.%2 fehlt (erwartet: %3).</translation>
    </message>
    <message>
        <source>%1.%2 is not part of Trongate&apos;s definition (%3); Trongate ignores it.</source>
        <translation>%1.%2 ist nicht Teil der Trongate-Definition (%3); Trongate ignoriert die Spalte.</translation>
    </message>
    <message>
        <source>%1.%2: %3: expected %4, found %5.</source>
        <translation>%1.%2: %3: erwartet %4, gefunden %5.</translation>
    </message>
</context>
<context>
    <name>SchemaInspector</name>
    <message>
        <source>Could not read the columns of %1: %2</source>
        <translation>Die Spalten von %1 konnten nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>auto-increment primary key</source>
        <translation>Primärschlüssel mit Auto-Increment</translation>
    </message>
    <message>
        <source>primary key without auto-increment</source>
        <translation>Primärschlüssel ohne Auto-Increment</translation>
    </message>
    <message>
        <source>no primary key</source>
        <translation>kein Primärschlüssel</translation>
    </message>
</context>
<context>
    <name>SchemaReportDialog</name>
    <message>
        <source>Schema check</source>
        <translation>Schemaprüfung</translation>
    </message>
    <message>
        <source>The Trongate tables in %1 match Trongate&apos;s definitions.</source>
        <translation>Die Trongate-Tabellen in %1 entsprechen den Trongate-Definitionen.</translation>
    </message>
    <message>
        <source>Differences from Trongate&apos;s definitions in %1: %2. Nothing was changed.</source>
        <translation>Abweichungen von den Trongate-Definitionen in %1: %2. Es wurde nichts geändert.</translation>
    </message>
</context>
<context>
    <name>SchemaReportModel</name>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Abweichung</translation>
    </message>
    <message>
        <source>Trongate expects</source>
        <translation>Trongate erwartet</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Gefunden</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>The keychain did not answer. It may be waiting for you to unlock it.</source>
        <translation>Der Schlüsselbund hat nicht geantwortet. Möglicherweise wartet er darauf, dass Sie ihn entsperren.</translation>
    </message>
    <message>
        <source>No password is stored for this connection in the keychain (or the keyring is locked).</source>
        <translation>Für diese Verbindung ist kein Passwort im Schlüsselbund gespeichert (oder der Schlüsselbund ist gesperrt).</translation>
    </message>
    <message>
        <source>No password was stored for this connection.</source>
        <translation>Für diese Verbindung war kein Passwort gespeichert.</translation>
    </message>
    <message>
        <source>The keychain refused access: it is locked, or access was denied. Unlock it and try again.</source>
        <translation>Der Schlüsselbund hat den Zugriff verweigert: Er ist gesperrt, oder der Zugriff wurde abgelehnt. Entsperren Sie ihn und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The keychain could not delete the stored password.</source>
        <translation>Der Schlüsselbund konnte das gespeicherte Passwort nicht löschen.</translation>
    </message>
    <message>
        <source>No keychain is available on this desktop (no Secret Service such as GNOME Keyring or KWallet is running, or it is locked). The password will be asked for each time you connect; it is never stored anywhere else.</source>
        <translation>Auf diesem Desktop ist kein Schlüsselbund verfügbar (es läuft kein Secret Service wie GNOME Keyring oder KWallet, oder er ist gesperrt). Das Passwort wird bei jedem Verbinden abgefragt; es wird nirgendwo anders gespeichert.</translation>
    </message>
</context>
<context>
    <name>SqlPreviewDialog</name>
    <message>
        <source>Copy &amp;SQL</source>
        <translation>&amp;SQL kopieren</translation>
    </message>
</context>
<context>
    <name>TableSummaryModel</name>
    <message>
        <source>application table, linked by trongate_user_id</source>
        <translation>Anwendungstabelle, verknüpft über trongate_user_id</translation>
    </message>
    <message>
        <source>Trongate: user levels (roles)</source>
        <translation>Trongate: Benutzerstufen (Rollen)</translation>
    </message>
    <message>
        <source>Trongate: users</source>
        <translation>Trongate: Benutzer</translation>
    </message>
    <message>
        <source>Trongate: tokens</source>
        <translation>Trongate: Tokens</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
</context>
<context>
    <name>TokenGenerator</name>
    <message>
        <source>A token must be %1 to %2 characters long; %3 was asked for.</source>
        <translation>Ein Token muss %1 bis %2 Zeichen lang sein; angefordert wurden %3.</translation>
    </message>
    <message>
        <source>The system&apos;s random number generator failed; no token was made. Try again, and report this if it keeps happening.</source>
        <translation>Der Zufallszahlengenerator des Systems ist ausgefallen; es wurde kein Token erzeugt. Versuchen Sie es erneut und melden Sie den Fehler, falls er weiterhin auftritt.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Run trongate-admin --help for the usage.</source>
        <translation>Hinweise zur Verwendung erhalten Sie mit trongate-admin --help.</translation>
    </message>
    <message>
        <source>There is no saved connection named &quot;%1&quot;.</source>
        <translation>Es gibt keine gespeicherte Verbindung namens „%1“.</translation>
    </message>
    <message>
        <source>Unknown page &quot;%1&quot;. Pages: %2.</source>
        <translation>Unbekannte Seite „%1“. Seiten: %2.</translation>
    </message>
    <message>
        <source>Could not write the screenshot to %1.</source>
        <translation>Das Bildschirmfoto konnte nicht in %1 gespeichert werden.</translation>
    </message>
</context>
</TS>
