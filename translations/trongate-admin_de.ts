<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountCommands</name>
    <message>
        <source>Do not ask for confirmation (needed when stdin is not a terminal).</source>
        <translation>Nicht nach einer Bestätigung fragen (erforderlich, wenn stdin kein Terminal ist).</translation>
    </message>
    <message>
        <source>list the user levels and how many users each has</source>
        <translation>Benutzerstufen mit der Anzahl ihrer Benutzer auflisten</translation>
    </message>
    <message>
        <source>Lists trongate_user_levels with the number of users at each level, and counts the users whose level has no row.</source>
        <translation>Listet trongate_user_levels mit der Anzahl der Benutzer je Stufe auf und zählt die Benutzer, für deren Stufe keine Zeile existiert.</translation>
    </message>
    <message>
        <source>add a user level</source>
        <translation>eine Benutzerstufe hinzufügen</translation>
    </message>
    <message>
        <source>Adds a row to trongate_user_levels. Quote a title with spaces: levels add "site editor".</source>
        <translation>Fügt trongate_user_levels eine Zeile hinzu. Setzen Sie einen Titel mit Leerzeichen in Anführungszeichen: levels add "site editor".</translation>
    </message>
    <message>
        <source>rename a user level</source>
        <translation>eine Benutzerstufe umbenennen</translation>
    </message>
    <message>
        <source>Changes level_title. Trongate's code refers to levels by id, so nothing else changes.</source>
        <translation>Ändert level_title. Der Code von Trongate verweist über die id auf Stufen, daher ändert sich sonst nichts.</translation>
    </message>
    <message>
        <source>remove a user level no user has</source>
        <translation>eine Benutzerstufe entfernen, die kein Benutzer hat</translation>
    </message>
    <message>
        <source>Deletes the level row. A level that users still have is refused; move them first with "users set-level".</source>
        <translation>Löscht die Zeile der Stufe. Eine Stufe, der noch Benutzer zugeordnet sind, wird nicht gelöscht; verschieben Sie diese Benutzer zuerst mit „users set-level“.</translation>
    </message>
    <message>
        <source>list users with their level and token counts</source>
        <translation>Benutzer mit ihrer Stufe und der Anzahl ihrer Tokens auflisten</translation>
    </message>
    <message>
        <source>Lists trongate_users with their level and how many tokens each has (and how many are valid now).</source>
        <translation>Listet trongate_users mit ihrer Stufe und der Anzahl ihrer Tokens auf (und wie viele davon jetzt gültig sind).</translation>
    </message>
    <message>
        <source>Only users at this level.</source>
        <translation>Nur Benutzer dieser Stufe.</translation>
    </message>
    <message>
        <source>At most N rows (default 100, 0 for all).</source>
        <translation>Höchstens N Zeilen (Standard 100, 0 für alle).</translation>
    </message>
    <message>
        <source>add a user at a level</source>
        <translation>einen Benutzer mit einer Stufe hinzufügen</translation>
    </message>
    <message>
        <source>Adds a row to trongate_users. Without --code a 32-character code is generated; a given code must be 32 characters of Trongate's alphabet and unused.</source>
        <translation>Fügt trongate_users eine Zeile hinzu. Ohne --code wird ein 32-stelliger Code erzeugt; ein angegebener Code muss aus 32 Zeichen des Trongate-Alphabets bestehen und unbenutzt sein.</translation>
    </message>
    <message>
        <source>The user's level.</source>
        <translation>Die Stufe des Benutzers.</translation>
    </message>
    <message>
        <source>The user's code (32 characters).</source>
        <translation>Der Code des Benutzers (32 Zeichen).</translation>
    </message>
    <message>
        <source>move a user to another level</source>
        <translation>einen Benutzer in eine andere Stufe verschieben</translation>
    </message>
    <message>
        <source>Changes user_level_id. The user's tokens stay; Trongate checks the level on every request.</source>
        <translation>Ändert user_level_id. Die Tokens des Benutzers bleiben erhalten; Trongate prüft die Stufe bei jeder Anfrage.</translation>
    </message>
    <message>
        <source>remove a user and, unless --keep-tokens, the user's tokens</source>
        <translation>einen Benutzer und, außer mit --keep-tokens, seine Tokens entfernen</translation>
    </message>
    <message>
        <source>Deletes the user row and the user's tokens in one transaction. With --keep-tokens the tokens stay as orphans, as Trongate leaves them; its any-level check still accepts them.</source>
        <translation>Löscht die Benutzerzeile und die Tokens des Benutzers in einer Transaktion. Mit --keep-tokens bleiben die Tokens als verwaiste Zeilen erhalten, so wie Trongate sie belässt; Trongates Prüfung auf beliebige Stufe akzeptiert sie weiterhin.</translation>
    </message>
    <message>
        <source>Leave the user's tokens in trongate_tokens.</source>
        <translation>Die Tokens des Benutzers in trongate_tokens belassen.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>TITLE</source>
        <translation>TITEL</translation>
    </message>
    <message>
        <source>USERS</source>
        <translation>BENUTZER</translation>
    </message>
    <message>
        <source>Level %1 "%2" added.</source>
        <translation>Stufe %1 „%2“ hinzugefügt.</translation>
    </message>
    <message>
        <source>level id</source>
        <translation>Stufen-ID</translation>
    </message>
    <message>
        <source>Level %1 renamed to "%2".</source>
        <translation>Stufe %1 in „%2“ umbenannt.</translation>
    </message>
    <message>
        <source>Remove user level %1?</source>
        <translation>Benutzerstufe %1 entfernen?</translation>
    </message>
    <message>
        <source>Level %1 removed.</source>
        <translation>Stufe %1 entfernt.</translation>
    </message>
    <message>
        <source>--limit</source>
        <translation>--limit</translation>
    </message>
    <message>
        <source>%1 (no level row)</source>
        <translation>%1 (keine Stufenzeile)</translation>
    </message>
    <message>
        <source>LEVEL</source>
        <translation>STUFE</translation>
    </message>
    <message>
        <source>TOKENS</source>
        <translation>TOKENS</translation>
    </message>
    <message>
        <source>VALID</source>
        <translation>GÜLTIG</translation>
    </message>
    <message>
        <source>CODE</source>
        <translation>CODE</translation>
    </message>
    <message>
        <source>Showing the first %1 users; pass --limit N for more, or --limit 0 for all.</source>
        <translation>Die ersten %1 Benutzer werden angezeigt; mit --limit N sehen Sie mehr, mit --limit 0 alle.</translation>
    </message>
    <message>
        <source>Say the new user's level: --level ID (see "levels list").</source>
        <translation>Geben Sie die Stufe des neuen Benutzers an: --level ID (siehe „levels list“).</translation>
    </message>
    <message>
        <source>User %1 added at level %2, code %3.</source>
        <translation>Benutzer %1 mit Stufe %2 hinzugefügt, Code %3.</translation>
    </message>
    <message>
        <source>user id</source>
        <translation>Benutzer-ID</translation>
    </message>
    <message>
        <source>User %1 is now at level %2.</source>
        <translation>Benutzer %1 hat jetzt Stufe %2.</translation>
    </message>
    <message>
        <source>Remove user %1 and keep the user's tokens?</source>
        <translation>Benutzer %1 entfernen und seine Tokens behalten?</translation>
    </message>
    <message>
        <source>Remove user %1 and every token of the user?</source>
        <translation>Benutzer %1 und alle seine Tokens entfernen?</translation>
    </message>
    <message>
        <source>User %1 removed; the user's tokens were kept and are orphans now.</source>
        <translation>Benutzer %1 entfernt; seine Tokens wurden behalten und sind jetzt verwaist.</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) have a level id with no level row; Trongate's get_user_obj fails for them.</source>
        <translation>
            <numerusform>%n Benutzer hat eine Stufen-ID ohne Stufenzeile; Trongates get_user_obj schlägt für ihn fehl.</numerusform>
            <numerusform>%n Benutzer haben eine Stufen-ID ohne Stufenzeile; Trongates get_user_obj schlägt für sie fehl.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>User %1 removed, with %n token(s).</source>
        <translation>
            <numerusform>Benutzer %1 mit %n Token entfernt.</numerusform>
            <numerusform>Benutzer %1 mit %n Tokens entfernt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AccountPrivileges</name>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>This account may read and change all three Trongate tables.</source>
        <translation>Dieses Konto darf alle drei Trongate-Tabellen lesen und ändern.</translation>
    </message>
    <message>
        <source>Read-only account: it may read the Trongate tables but change nothing.</source>
        <translation>Nur-Lese-Konto: Es darf die Trongate-Tabellen lesen, aber nichts ändern.</translation>
    </message>
    <message>
        <source>Limited account (%1).</source>
        <translation>Eingeschränktes Konto (%1).</translation>
    </message>
    <message>
        <source>The account's privileges could not be read: %1</source>
        <translation>Die Berechtigungen des Kontos konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>the database is not open.</source>
        <translation>die Datenbank ist nicht geöffnet.</translation>
    </message>
</context>
<context>
    <name>ActivityPage</name>
    <message>
        <source>Filter: action, connection, row id, user… or paste a token to find it</source>
        <translation>Filter: Aktion, Verbindung, Zeilen-ID, Benutzer… oder fügen Sie ein Token ein, um es zu finden</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Row ids</source>
        <translation>Zeilen-IDs</translation>
    </message>
    <message>
        <source>Tokens (fingerprints)</source>
        <translation>Tokens (Fingerabdrücke)</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>OS user</source>
        <translation>BS-Benutzer</translation>
    </message>
    <message>
        <source>Activity log: %1</source>
        <translation>Aktivitätsprotokoll: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>activity: action (detail)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Filter the activity log</source>
        <translation>Aktivitätsprotokoll filtern</translation>
    </message>
</context>
<context>
    <name>ActivityText</name>
    <message>
        <source>all tokens of user %1</source>
        <translation>alle Tokens von Benutzer %1</translation>
    </message>
    <message>
        <source>all tokens of level %1</source>
        <translation>alle Tokens der Stufe %1</translation>
    </message>
    <message>
        <source>automatic purge</source>
        <translation>automatische Bereinigung</translation>
    </message>
    <message>
        <source>purge</source>
        <translation>Bereinigung</translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation>läuft ab: %1</translation>
    </message>
    <message>
        <source>installed Trongate's tables</source>
        <translation>Trongate-Tabellen angelegt</translation>
    </message>
    <message>
        <source>users %1; expires %2; code %3</source>
        <translation>Benutzer %1; läuft ab: %2; Code %3</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>Benutzer %1</translation>
    </message>
    <message>
        <source>level %1</source>
        <translation>Stufe %1</translation>
    </message>
    <message numerus="yes">
        <source>install: %n table(s) created</source>
        <translation>
            <numerusform>Installation: %n Tabelle angelegt</numerusform>
            <numerusform>Installation: %n Tabellen angelegt</numerusform>
        </translation>
    </message>
    <message>
        <source>demo seed: %1 levels, %2 users, %3 tokens</source>
        <translation>Demodaten: %1 Stufen, %2 Benutzer, %3 Tokens</translation>
    </message>
    <message>
        <source>add level "%1"</source>
        <translation>Stufe „%1“ hinzugefügt</translation>
    </message>
    <message>
        <source>rename level to "%1"</source>
        <translation>Stufe in „%1“ umbenannt</translation>
    </message>
    <message>
        <source>remove level</source>
        <translation>Stufe entfernt</translation>
    </message>
    <message>
        <source>add user at level %1</source>
        <translation>Benutzer mit Stufe %1 hinzugefügt</translation>
    </message>
    <message>
        <source>set level %1</source>
        <translation>Stufe %1 gesetzt</translation>
    </message>
    <message>
        <source>remove user, tokens kept</source>
        <translation>Benutzer entfernt, Tokens behalten</translation>
    </message>
    <message numerus="yes">
        <source>remove user and %n token(s)</source>
        <translation>
            <numerusform>Benutzer und %n Token entfernt</numerusform>
            <numerusform>Benutzer und %n Tokens entfernt</numerusform>
        </translation>
    </message>
    <message>
        <source>issue</source>
        <translation>Ausstellung</translation>
    </message>
    <message>
        <source>revoke</source>
        <translation>Widerruf</translation>
    </message>
    <message>
        <source>regenerate</source>
        <translation>Neuerzeugung</translation>
    </message>
    <message>
        <source>extend</source>
        <translation>Verlängerung</translation>
    </message>
    <message>
        <source>edit</source>
        <translation>Bearbeitung</translation>
    </message>
    <message>
        <source>schema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>expired before %1</source>
        <translation>abgelaufen vor %1</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>The folder %1 could not be created.</source>
        <translation>Der Ordner %1 konnte nicht erstellt werden.</translation>
    </message>
    <message>
        <source>The activity log %1 could not be opened: %2</source>
        <translation>Das Aktivitätsprotokoll %1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>The activity log %1 could not be written: %2</source>
        <translation>Das Aktivitätsprotokoll %1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The activity log %1 could not be read: %2</source>
        <translation>Das Aktivitätsprotokoll %1 konnte nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>ChangeWriter</name>
    <message>
        <source>The connection to the database was lost. Your edits are kept: reconnect and save again.</source>
        <translation>Die Verbindung zur Datenbank wurde unterbrochen. Ihre Bearbeitungen bleiben erhalten: Verbinden Sie sich erneut und speichern Sie noch einmal.</translation>
    </message>
    <message>
        <source>The database refused a duplicate value: %1</source>
        <translation>Die Datenbank hat einen doppelten Wert abgelehnt: %1</translation>
    </message>
    <message>
        <source>A value is too long for its column: %1</source>
        <translation>Ein Wert ist zu lang für seine Spalte: %1</translation>
    </message>
    <message>
        <source>The database refused a value as invalid for its column: %1</source>
        <translation>Die Datenbank hat einen Wert als ungültig für seine Spalte abgelehnt: %1</translation>
    </message>
    <message>
        <source>This account may not change the table: %1</source>
        <translation>Dieses Konto darf die Tabelle nicht ändern: %1</translation>
    </message>
    <message>
        <source>The database refused the change: %1</source>
        <translation>Die Datenbank hat die Änderung abgelehnt: %1</translation>
    </message>
    <message>
        <source>Your edits are kept; the rows another session changed are shown with their new values.</source>
        <translation>Ihre Bearbeitungen bleiben erhalten; die Zeilen, die eine andere Sitzung geändert hat, werden mit ihren neuen Werten angezeigt.</translation>
    </message>
</context>
<context>
    <name>ClonedConnection</name>
    <message>
        <source>The connection was closed.</source>
        <translation>Die Verbindung wurde geschlossen.</translation>
    </message>
    <message>
        <source>The database could not be reached: %1</source>
        <translation>Die Datenbank konnte nicht erreicht werden: %1</translation>
    </message>
</context>
<context>
    <name>CodeDelegate</name>
    <message>
        <source>Generate</source>
        <translation>Erzeugen</translation>
    </message>
    <message>
        <source>A new random code in Trongate's alphabet</source>
        <translation>Ein neuer zufälliger Code im Trongate-Alphabet</translation>
    </message>
</context>
<context>
    <name>CommandContext</name>
    <message>
        <source>Give either --db or --connection, not both.</source>
        <translation>Geben Sie entweder --db oder --connection an, nicht beides.</translation>
    </message>
    <message>
        <source>There is no saved connection named "%1"; none are saved yet.</source>
        <translation>Es gibt keine gespeicherte Verbindung namens „%1“; bisher ist keine Verbindung gespeichert.</translation>
    </message>
    <message>
        <source>There is no saved connection named "%1". Saved connections: %2.</source>
        <translation>Es gibt keine gespeicherte Verbindung namens „%1“. Gespeicherte Verbindungen: %2.</translation>
    </message>
    <message>
        <source>Say which database to use: --db URL or --connection NAME.</source>
        <translation>Geben Sie an, welche Datenbank verwendet werden soll: --db URL oder --connection NAME.</translation>
    </message>
    <message>
        <source>The database %1 has no table %2. Run "trongate-admin schema install" with the same --db or --connection to create Trongate's tables.</source>
        <translation>Die Datenbank %1 hat keine Tabelle %2. Führen Sie „trongate-admin schema install“ mit demselben --db oder --connection aus, um die Trongate-Tabellen anzulegen.</translation>
    </message>
    <message>
        <source>This command needs a confirmation, and there is no terminal to ask on. Pass --yes to go ahead; nothing was changed.</source>
        <translation>Dieser Befehl erfordert eine Bestätigung, aber es gibt kein Terminal für die Abfrage. Geben Sie --yes an, um fortzufahren; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>[y/N]</source>
        <translation>[j/N]</translation>
    </message>
    <message>
        <source>y</source>
        <translation>j</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The change was made, but the activity log could not be written: %1</source>
        <translation>Die Änderung wurde vorgenommen, aber das Aktivitätsprotokoll konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>"%1" is not a valid %2: give a whole number such as 12.</source>
        <translation>„%1“ ist keine gültige %2: Geben Sie eine ganze Zahl wie 12 an.</translation>
    </message>
    <message>
        <source>%1 must be a whole number from %2 to %3; "%4" is not.</source>
        <translation>%1 muss eine ganze Zahl von %2 bis %3 sein; „%4“ ist keine.</translation>
    </message>
    <message>
        <source>Give either --ttl or --expires, not both.</source>
        <translation>Geben Sie entweder --ttl oder --expires an, nicht beides.</translation>
    </message>
    <message>
        <source>"%1" is not a time in ISO 8601 form. Use for example 2030-12-31T23:00:00Z (UTC) or 2030-12-31T23:00 (local time).</source>
        <translation>„%1“ ist keine Zeitangabe im Format ISO 8601. Verwenden Sie zum Beispiel 2030-12-31T23:00:00Z (UTC) oder 2030-12-31T23:00 (Ortszeit).</translation>
    </message>
    <message>
        <source>no expiry</source>
        <translation>kein Ablauf</translation>
    </message>
    <message>
        <source>%1 (in %2)</source>
        <translation>%1 (in %2)</translation>
    </message>
    <message>
        <source>%1 (now)</source>
        <translation>%1 (jetzt)</translation>
    </message>
    <message>
        <source>%1 (%2 ago)</source>
        <translation>%1 (vor %2)</translation>
    </message>
    <message>
        <source>--ssh-key is for a connection through SSH: add ssh=user@host to the URL, or save the SSH host in the connection.</source>
        <translation>--ssh-key ist für eine Verbindung über SSH gedacht: Ergänzen Sie die URL um ssh=user@host oder speichern Sie den SSH-Host in der Verbindung.</translation>
    </message>
    <message>
        <source>Nothing was trusted. Once you have checked the fingerprint, run the same command with --ssh-trust %1 to trust this key and save it in known_hosts.</source>
        <translation>Es wurde nichts als vertrauenswürdig eingestuft. Wenn Sie den Fingerabdruck geprüft haben, führen Sie denselben Befehl mit --ssh-trust %1 aus, um diesem Schlüssel zu vertrauen und ihn in known_hosts zu speichern.</translation>
    </message>
    <message>
        <source>The SSH password or key passphrase is read from the environment variable %1 or the keychain, never from the command line.</source>
        <translation>Das SSH-Passwort oder die Passphrase des Schlüssels wird aus der Umgebungsvariablen %1 oder dem Schlüsselbund gelesen, nie von der Befehlszeile.</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Database URL.</source>
        <translation>Datenbank-URL.</translation>
    </message>
    <message>
        <source>Saved connection name.</source>
        <translation>Name der gespeicherten Verbindung.</translation>
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
        <source>Passwords are never taken as arguments (other users can read command lines). Set %1 or type it when asked.</source>
        <translation>Passwörter werden nie als Argumente angenommen (andere Benutzer können Befehlszeilen lesen). Setzen Sie %1 oder geben Sie das Passwort bei der Abfrage ein.</translation>
    </message>
    <message>
        <source>Unknown command "%1". Run trongate-admin --help for the commands.</source>
        <translation>Unbekannter Befehl „%1“. Die verfügbaren Befehle zeigt trongate-admin --help.</translation>
    </message>
    <message>
        <source>Machine-readable output (one JSON object on stdout).</source>
        <translation>Maschinenlesbare Ausgabe (ein JSON-Objekt auf stdout).</translation>
    </message>
    <message>
        <source>Usage: trongate-admin [--db URL | --connection NAME] COMMAND [options]

Without a command, the console window opens.

Commands:
</source>
        <translation>Aufruf: trongate-admin [--db URL | --connection NAME] BEFEHL [Optionen]

Ohne Befehl öffnet sich das Konsolenfenster.

Befehle:
</translation>
    </message>
    <message>
        <source>Usage: trongate-admin [--db URL | --connection NAME] %1 SUBCOMMAND [options]</source>
        <translation>Aufruf: trongate-admin [--db URL | --connection NAME] %1 UNTERBEFEHL [Optionen]</translation>
    </message>
    <message>
        <source>Subcommands:</source>
        <translation>Unterbefehle:</translation>
    </message>
    <message>
        <source>Run "trongate-admin %1 SUBCOMMAND --help" for its options.</source>
        <translation>Mit „trongate-admin %1 UNTERBEFEHL --help“ erhalten Sie dessen Optionen.</translation>
    </message>
    <message>
        <source>Usage: trongate-admin [--db URL | --connection NAME] %1 %2</source>
        <translation>Aufruf: trongate-admin [--db URL | --connection NAME] %1 %2</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Optionen:</translation>
    </message>
    <message>
        <source>The database comes from --db URL or --connection NAME, given before or after the command.</source>
        <translation>Die Datenbank wird mit --db URL oder --connection NAME angegeben, vor oder nach dem Befehl.</translation>
    </message>
    <message>
        <source>Unknown subcommand "%1 %2".</source>
        <translation>Unbekannter Unterbefehl „%1 %2“.</translation>
    </message>
    <message>
        <source>Run "trongate-admin %1 --help" for its options.</source>
        <translation>Mit „trongate-admin %1 --help“ erhalten Sie die Optionen.</translation>
    </message>
    <message>
        <source>"%1" takes no arguments besides its options; "%2" is one too many.</source>
        <translation>„%1“ akzeptiert außer seinen Optionen keine Argumente; „%2“ ist eines zu viel.</translation>
    </message>
    <message>
        <source>"%1" needs %2.</source>
        <translation>„%1“ benötigt %2.</translation>
    </message>
    <message>
        <source>"%1" deletes or replaces data and asks for confirmation first, but stdin is not a terminal. Pass --yes to go ahead; nothing was changed.</source>
        <translation>„%1“ löscht oder ersetzt Daten und fragt zuerst nach einer Bestätigung, aber stdin ist kein Terminal. Geben Sie --yes an, um fortzufahren; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>
Run "trongate-admin COMMAND --help" for a command's options, e.g. trongate-admin tokens issue --help.
Every command takes --json for machine-readable output. Commands that delete ask for confirmation on a terminal and need --yes otherwise.

Connection:
  --db URL            sqlite:PATH, mysql://user@host:port/db[?tls=require&amp;ca=PATH&amp;cert=PATH&amp;key=PATH],
                      postgres://user@host:port/db
  --connection NAME   a connection saved in the console
  The password comes from TRONGATE_DB_PASSWORD, the keychain, or a prompt; never from an argument.

Window options:
  --screenshot FILE [--page NAME]   render the window to a PNG and exit (no display needed)

Exit codes: 0 success, 1 refused, denied by the database's privileges, or differs (nothing changed), 2 connection or database failure.
</source>
        <translation>
Mit „trongate-admin BEFEHL --help“ erhalten Sie die Optionen eines Befehls, z. B. trongate-admin tokens issue --help.
Jeder Befehl akzeptiert --json für maschinenlesbare Ausgabe. Befehle, die löschen, fragen in einem Terminal nach einer Bestätigung und benötigen sonst --yes.

Verbindung:
  --db URL            sqlite:PFAD, mysql://user@host:port/db[?tls=require&amp;ca=PFAD&amp;cert=PFAD&amp;key=PFAD],
                      postgres://user@host:port/db
  --connection NAME   eine in der Konsole gespeicherte Verbindung
  Das Passwort stammt aus TRONGATE_DB_PASSWORD, dem Schlüsselbund oder einer Abfrage, niemals aus einem Argument.

Fensteroptionen:
  --screenshot DATEI [--page NAME]  Fenster als PNG rendern und beenden (keine Anzeige nötig)

Exit-Codes: 0 Erfolg, 1 abgelehnt, von den Berechtigungen der Datenbank verweigert oder abweichend (nichts geändert), 2 Verbindungs- oder Datenbankfehler.
</translation>
    </message>
    <message>
        <source>Private key for the SSH host of the connection (its passphrase comes from %1 or the keychain).</source>
        <translation>Privater Schlüssel für den SSH-Host der Verbindung (seine Passphrase stammt aus %1 oder dem Schlüsselbund).</translation>
    </message>
    <message>
        <source>Trust an SSH host not yet in known_hosts if, and only if, its key has this SHA256 fingerprint (it is then saved).</source>
        <translation>Einem SSH-Host, der noch nicht in known_hosts steht, genau dann vertrauen, wenn sein Schlüssel diesen SHA256-Fingerabdruck hat (er wird dann gespeichert).</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Changed by someone else</source>
        <translation>Von jemand anderem geändert</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Nothing was saved.&lt;/b&gt; Since these rows were loaded, someone else (another admin, or the Trongate application) changed or deleted them.&lt;/p&gt;&lt;p&gt;Compare the versions, then keep editing, overwrite with your values, or drop your changes to these rows.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Es wurde nichts gespeichert.&lt;/b&gt; Seit diese Zeilen geladen wurden, hat jemand anderes (ein anderer Administrator oder die Trongate-Anwendung) sie geändert oder gelöscht.&lt;/p&gt;&lt;p&gt;Vergleichen Sie die Versionen und bearbeiten Sie dann weiter, überschreiben Sie mit Ihren Werten oder verwerfen Sie Ihre Änderungen an diesen Zeilen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>When loaded</source>
        <translation>Beim Laden</translation>
    </message>
    <message>
        <source>Your edit</source>
        <translation>Ihre Änderung</translation>
    </message>
    <message>
        <source>In the database now</source>
        <translation>Jetzt in der Datenbank</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>&amp;Weiter bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Overwrite with mine</source>
        <translation>Mit meinen Werten &amp;überschreiben</translation>
    </message>
    <message>
        <source>&amp;Drop my changes to these rows</source>
        <translation>Meine Änderungen an diesen Zeilen &amp;verwerfen</translation>
    </message>
    <message>
        <source>&amp;Reveal tokens</source>
        <translation>Tokens &amp;anzeigen</translation>
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
    <message>
        <source>The demo's expiries could not be moved to the present: %1</source>
        <translation>Die Ablaufzeiten der Demo konnten nicht in die Gegenwart verschoben werden: %1</translation>
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
        <source>Saved "%1".</source>
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
        <source>Delete the connection "%1" and its stored password? The database itself is not touched.</source>
        <translation>Die Verbindung „%1“ und ihr gespeichertes Passwort löschen? Die Datenbank selbst bleibt unverändert.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Deleted "%1".</source>
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
        <source>This database has none of Trongate's tables: it is not a Trongate database yet. You can install them after connecting.</source>
        <translation>Diese Datenbank enthält keine der Trongate-Tabellen und ist daher noch keine Trongate-Datenbank. Sie können die Tabellen nach dem Verbinden anlegen.</translation>
    </message>
    <message>
        <source>Only %1 of Trongate's three tables are present; you can install the missing ones after connecting.</source>
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
        <source>The connection "%1" has unsaved changes. Discard them?</source>
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
    <message>
        <source>With TLS required or a CA file chosen, the server's certificate chain and host name are always verified on the connection that carries the password (against the CA file, or this computer's trusted authorities); a server that fails either check never receives it.</source>
        <translation>Wenn TLS verlangt oder eine CA-Datei gewählt ist, werden die Zertifikatskette und der Hostname des Servers auf der Verbindung, die das Passwort überträgt, immer geprüft (gegen die CA-Datei oder die vertrauenswürdigen Zertifizierungsstellen dieses Computers); ein Server, der eine der beiden Prüfungen nicht besteht, erhält das Passwort nie.</translation>
    </message>
    <message>
        <source>Connect through an SSH host</source>
        <translation>Über einen SSH-Host verbinden</translation>
    </message>
    <message>
        <source>ssh.example.com or an alias from ~/.ssh/config</source>
        <translation>ssh.example.com oder ein Alias aus ~/.ssh/config</translation>
    </message>
    <message>
        <source>SSH port:</source>
        <translation>SSH-Port:</translation>
    </message>
    <message>
        <source>V&amp;ia SSH host:</source>
        <translation>&amp;Über SSH-Host:</translation>
    </message>
    <message>
        <source>from ~/.ssh/config, else your user name</source>
        <translation>aus ~/.ssh/config, sonst Ihr Benutzername</translation>
    </message>
    <message>
        <source>SSH &amp;login:</source>
        <translation>SSH-&amp;Anmeldename:</translation>
    </message>
    <message>
        <source>SSH agent, or the keys in ~/.ssh</source>
        <translation>SSH-Agent oder die Schlüssel in ~/.ssh</translation>
    </message>
    <message>
        <source>Key file</source>
        <translation>Schlüsseldatei</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Sign-in &amp;method:</source>
        <translation>Anmelde&amp;methode:</translation>
    </message>
    <message>
        <source>e.g. ~/.ssh/id_ed25519</source>
        <translation>z. B. ~/.ssh/id_ed25519</translation>
    </message>
    <message>
        <source>Choose the SSH key file</source>
        <translation>SSH-Schlüsseldatei auswählen</translation>
    </message>
    <message>
        <source>Key &amp;file:</source>
        <translation>Schlüssel&amp;datei:</translation>
    </message>
    <message>
        <source>SSH password or p&amp;assphrase:</source>
        <translation>SSH-Passwort oder P&amp;assphrase:</translation>
    </message>
    <message>
        <source>Host, port and socket above are as seen from the SSH host. Its key is checked against ~/.ssh/known_hosts: a new one is shown and asked about, a changed one refused. The SSH secret is kept only in the system keychain.</source>
        <translation>Host, Port und Socket oben gelten aus Sicht des SSH-Hosts. Dessen Schlüssel wird mit ~/.ssh/known_hosts abgeglichen: Ein neuer Schlüssel wird angezeigt und zur Bestätigung vorgelegt, ein geänderter abgelehnt. Das SSH-Geheimnis wird nur im System-Schlüsselbund aufbewahrt.</translation>
    </message>
    <message>
        <source>the SSH password</source>
        <translation>das SSH-Passwort</translation>
    </message>
    <message>
        <source>the key's passphrase, if it has one</source>
        <translation>die Passphrase des Schlüssels, falls er eine hat</translation>
    </message>
    <message>
        <source>Enter the SSH host, or clear "Connect through an SSH host".</source>
        <translation>Geben Sie den SSH-Host ein oder deaktivieren Sie „Über einen SSH-Host verbinden“.</translation>
    </message>
    <message>
        <source>The SSH password or passphrase could not be stored: %1</source>
        <translation>Das SSH-Passwort oder die Passphrase konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The connection is encrypted (SSH, and TLS to the database).</source>
        <translation>Die Verbindung ist verschlüsselt (SSH und TLS zur Datenbank).</translation>
    </message>
    <message>
        <source>The connection is encrypted by SSH as far as %1.</source>
        <translation>Die Verbindung ist bis %1 durch SSH verschlüsselt.</translation>
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
        <source>The port must be a number from 1 to 65535 (MySQL and MariaDB usually listen on 3306, PostgreSQL on 5432); "%1" is not.</source>
        <translation>Der Port muss eine Zahl von 1 bis 65535 sein (MySQL und MariaDB lauschen meist auf 3306, PostgreSQL auf 5432); „%1“ ist keine solche Zahl.</translation>
    </message>
    <message>
        <source>Give the connection a name, for example "Production".</source>
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
        <source>Enter the server's host name or IP address (or a Unix socket for a local server).</source>
        <translation>Geben Sie den Hostnamen oder die IP-Adresse des Servers ein (oder einen Unix-Socket für einen lokalen Server).</translation>
    </message>
    <message>
        <source>The host name "%1" contains characters a host name cannot have.</source>
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
        <source>"%1" is not a valid database URL. Write it as mysql://user@host:3306/database, postgres://user@host:5432/database or sqlite:/path/to/file.db.</source>
        <translation>„%1“ ist keine gültige Datenbank-URL. Schreiben Sie sie als mysql://user@host:3306/database, postgres://user@host:5432/database oder sqlite:/path/to/file.db.</translation>
    </message>
    <message>
        <source>Unknown database type "%1". Use sqlite:, mysql:// or postgres://.</source>
        <translation>Unbekannter Datenbanktyp „%1“. Verwenden Sie sqlite:, mysql:// oder postgres://.</translation>
    </message>
    <message>
        <source>Do not put the password in the URL: other users can read command lines. Set TRONGATE_DB_PASSWORD, store it in the keychain, or type it when asked.</source>
        <translation>Geben Sie das Passwort nicht in der URL an, denn andere Benutzer können Befehlszeilen lesen. Setzen Sie TRONGATE_DB_PASSWORD, speichern Sie es im Schlüsselbund oder geben Sie es bei der Abfrage ein.</translation>
    </message>
    <message>
        <source>Unknown tls value "%1": use tls=require.</source>
        <translation>Unbekannter tls-Wert „%1“: Verwenden Sie tls=require.</translation>
    </message>
    <message>
        <source>Do not put the password in the URL: set TRONGATE_DB_PASSWORD instead.</source>
        <translation>Geben Sie das Passwort nicht in der URL an, sondern setzen Sie TRONGATE_DB_PASSWORD.</translation>
    </message>
    <message>
        <source>The SSH host "%1" contains characters a host name cannot have.</source>
        <translation>Der SSH-Host „%1“ enthält Zeichen, die in einem Hostnamen nicht vorkommen dürfen.</translation>
    </message>
    <message>
        <source>The SSH port must be a number from 1 to 65535; %1 is not.</source>
        <translation>Der SSH-Port muss eine Zahl von 1 bis 65535 sein; %1 ist keine.</translation>
    </message>
    <message>
        <source>A cluster cannot be reached through SSH: name one database host.</source>
        <translation>Ein Cluster kann nicht über SSH erreicht werden: Geben Sie einen einzelnen Datenbank-Host an.</translation>
    </message>
    <message>
        <source>Choose the SSH key file, or let the SSH agent and ~/.ssh/config provide the key.</source>
        <translation>Wählen Sie die SSH-Schlüsseldatei aus oder lassen Sie den SSH-Agenten und ~/.ssh/config den Schlüssel bereitstellen.</translation>
    </message>
    <message>
        <source>The SSH key file %1 does not exist or cannot be read.</source>
        <translation>Die SSH-Schlüsseldatei %1 existiert nicht oder kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The ssh option does not name an SSH host. Write it as ssh=user@host:22 (user and port may be left out; a password may not be given here).</source>
        <translation>Die Option ssh nennt keinen SSH-Host. Schreiben Sie sie als ssh=user@host:22 (Benutzer und Port können weggelassen werden; ein Passwort darf hier nicht angegeben werden).</translation>
    </message>
    <message>
        <source>Unknown ssh_auth value "%1": use agent, key or password.</source>
        <translation>Unbekannter ssh_auth-Wert „%1“: Verwenden Sie agent, key oder password.</translation>
    </message>
    <message>
        <source>Unknown URL option "%1". Known options: tls, ca, cert, key, socket, ssh, ssh_key, ssh_auth.</source>
        <translation>Unbekannte URL-Option „%1“. Bekannte Optionen: tls, ca, cert, key, socket, ssh, ssh_key, ssh_auth.</translation>
    </message>
</context>
<context>
    <name>Connector</name>
    <message>
        <source>The server asks for an authentication method this client cannot use (MySQL 8's caching_sha2_password needs the client's plugin or a TLS connection). Connect with TLS, or ask the administrator to run ALTER USER '%1' IDENTIFIED WITH mysql_native_password.</source>
        <translation>Der Server verlangt eine Authentifizierungsmethode, die dieser Client nicht verwenden kann (caching_sha2_password von MySQL 8 benötigt das Client-Plugin oder eine TLS-Verbindung). Verbinden Sie sich über TLS oder bitten Sie den Administrator, ALTER USER '%1' IDENTIFIED WITH mysql_native_password auszuführen.</translation>
    </message>
    <message>
        <source>The server refused user "%1" with this password. Check the password, and that this user may connect from this computer.</source>
        <translation>Der Server hat den Benutzer „%1“ mit diesem Passwort abgewiesen. Prüfen Sie das Passwort und ob sich dieser Benutzer von diesem Computer aus verbinden darf.</translation>
    </message>
    <message>
        <source>User "%1" may not use the database "%2". Ask the database administrator for access.</source>
        <translation>Der Benutzer „%1“ darf die Datenbank „%2“ nicht verwenden. Bitten Sie den Datenbankadministrator um Zugriff.</translation>
    </message>
    <message>
        <source>The server has no database named "%1". Check the name (it is case-sensitive on most servers).</source>
        <translation>Auf dem Server gibt es keine Datenbank namens „%1“. Prüfen Sie den Namen (auf den meisten Servern wird zwischen Groß- und Kleinschreibung unterschieden).</translation>
    </message>
    <message>
        <source>The server does not accept connections from this computer for user "%1".</source>
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
        <source>The server refused user "%1" with this password. Check the password.</source>
        <translation>Der Server hat den Benutzer „%1“ mit diesem Passwort abgewiesen. Prüfen Sie das Passwort.</translation>
    </message>
    <message>
        <source>The server has no database named "%1". Check the name.</source>
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
        <source>The file %1 does not exist. Check the path; to start a new database, use "schema install" or the connection dialog's "Create the file" option.</source>
        <translation>Die Datei %1 existiert nicht. Prüfen Sie den Pfad; um eine neue Datenbank anzulegen, verwenden Sie „schema install“ oder die Option „Datei erstellen“ im Verbindungsdialog.</translation>
    </message>
    <message>
        <source>This connection requires TLS, but the server at %1 answered without it. Enable TLS on the server or choose a CA file.</source>
        <translation>Diese Verbindung erfordert TLS, aber der Server unter %1 hat ohne TLS geantwortet. Aktivieren Sie TLS auf dem Server oder wählen Sie eine CA-Datei aus.</translation>
    </message>
    <message numerus="yes">
        <source>%1 on node %2 (%3 of %n)</source>
        <translation>
            <numerusform>%1 auf Knoten %2 (%3 von %n)</numerusform>
            <numerusform>%1 auf Knoten %2 (%3 von %n)</numerusform>
        </translation>
    </message>
    <message>
        <source>No node of the cluster answered (%1). Check that the nodes are running.</source>
        <translation>Kein Knoten des Clusters hat geantwortet (%1). Prüfen Sie, ob die Knoten laufen.</translation>
    </message>
    <message>
        <source>TLS to PostgreSQL cannot be combined with SSH here: the SSH connection already encrypts the way. Clear the TLS settings of this connection, or connect without SSH.</source>
        <translation>TLS zu PostgreSQL lässt sich hier nicht mit SSH kombinieren: Die SSH-Verbindung verschlüsselt den Weg bereits. Entfernen Sie die TLS-Einstellungen dieser Verbindung oder verbinden Sie sich ohne SSH.</translation>
    </message>
</context>
<context>
    <name>ControlText</name>
    <message>
        <source>%1 contains a control character (%2 at position %3), which could take over a terminal that shows it. Remove it.</source>
        <translation>%1 enthält ein Steuerzeichen (%2 an Position %3), das ein Terminal, das es anzeigt, übernehmen könnte. Entfernen Sie es.</translation>
    </message>
</context>
<context>
    <name>CsvExporter</name>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1 is readable by other users and its permissions could not be narrowed; choose another file.</source>
        <translation>%1 ist für andere Benutzer lesbar, und seine Berechtigungen konnten nicht eingeschränkt werden; wählen Sie eine andere Datei.</translation>
    </message>
    <message>
        <source>The rows could not be read.</source>
        <translation>Die Zeilen konnten nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>DatabaseCommands</name>
    <message>
        <source>create whichever Trongate tables are missing (existing ones are left alone)</source>
        <translation>fehlende Trongate-Tabellen anlegen (vorhandene bleiben unverändert)</translation>
    </message>
    <message>
        <source>Creates Trongate's trongate_user_levels, trongate_users and trongate_tokens exactly as its setup.sql does, translated for SQLite and PostgreSQL. Safe to run twice.</source>
        <translation>Legt trongate_user_levels, trongate_users und trongate_tokens genau so an wie Trongates setup.sql, übersetzt für SQLite und PostgreSQL. Kann gefahrlos mehrfach ausgeführt werden.</translation>
    </message>
    <message>
        <source>Print the SQL without running it.</source>
        <translation>Das SQL ausgeben, ohne es auszuführen.</translation>
    </message>
    <message>
        <source>compare the tables with Trongate's definitions; exit 0 clean, 1 differs</source>
        <translation>die Tabellen mit den Trongate-Definitionen vergleichen; Exit-Code 0 bei Übereinstimmung, 1 bei Abweichungen</translation>
    </message>
    <message>
        <source>Lists, table by table and column by column, what differs from Trongate's definitions. Changes nothing.</source>
        <translation>Listet Tabelle für Tabelle und Spalte für Spalte auf, was von den Trongate-Definitionen abweicht. Ändert nichts.</translation>
    </message>
    <message>
        <source>fill an empty database with demo levels, users, tokens and linked tables</source>
        <translation>eine leere Datenbank mit Demo-Stufen, -Benutzern, -Tokens und verknüpften Tabellen füllen</translation>
    </message>
    <message>
        <source>Creates the missing tables and fills them with realistic demo rows, in one transaction. A database that has user levels already is left alone.</source>
        <translation>Legt die fehlenden Tabellen an und füllt sie in einer Transaktion mit realistischen Demo-Zeilen. Eine Datenbank, die bereits Benutzerstufen enthält, bleibt unverändert.</translation>
    </message>
    <message>
        <source>Users to create, 1 to 1000000 (default 300).</source>
        <translation>Anzahl anzulegender Benutzer, 1 bis 1000000 (Standard 300).</translation>
    </message>
    <message>
        <source>Tokens to create, 0 to 10000000 (default 700).</source>
        <translation>Anzahl anzulegender Tokens, 0 bis 10000000 (Standard 700).</translation>
    </message>
    <message>
        <source>Nothing to install: Trongate's three tables are present.</source>
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
        <source>Schema matches Trongate's definitions.</source>
        <translation>Das Schema entspricht den Trongate-Definitionen.</translation>
    </message>
    <message>
        <source>Differences from Trongate's definitions: %1.</source>
        <translation>Abweichungen von den Trongate-Definitionen: %1.</translation>
    </message>
    <message>
        <source>--users</source>
        <translation>--users</translation>
    </message>
    <message>
        <source>--tokens</source>
        <translation>--tokens</translation>
    </message>
    <message>
        <source>Seeding failed and nothing was added: %1</source>
        <translation>Das Befüllen ist fehlgeschlagen, es wurde nichts hinzugefügt: %1</translation>
    </message>
    <message>
        <source>The database has user levels already; demo seed only fills an empty database. Nothing was added.</source>
        <translation>Die Datenbank enthält bereits Benutzerstufen; „demo seed“ befüllt nur eine leere Datenbank. Es wurde nichts hinzugefügt.</translation>
    </message>
    <message>
        <source>Seeded %1 levels, %2 users, %3 tokens, %4 administrators and %5 members in %6 s.</source>
        <translation>%1 Stufen, %2 Benutzer, %3 Tokens, %4 Administratoren und %5 Mitglieder in %6 s angelegt.</translation>
    </message>
    <message>
        <source>draw the relation diagram to an SVG, PNG or PDF file</source>
        <translation>das Beziehungsdiagramm in eine SVG-, PNG- oder PDF-Datei zeichnen</translation>
    </message>
    <message>
        <source>Draws Trongate's tables and every table linked by trongate_user_id as boxes, with declared foreign keys as solid lines, relations inferred from Trongate's conventions as dashed lines, and each relation's orphan count. The file type follows the file name. Needs no display.</source>
        <translation>Zeichnet die Trongate-Tabellen und jede über trongate_user_id verknüpfte Tabelle als Kästen, deklarierte Fremdschlüssel als durchgezogene Linien, aus Trongates Konventionen abgeleitete Beziehungen als gestrichelte Linien, und zu jeder Beziehung die Zahl der verwaisten Zeilen. Der Dateityp ergibt sich aus dem Dateinamen. Benötigt keine Anzeige.</translation>
    </message>
    <message>
        <source>The file to write.</source>
        <translation>Die zu schreibende Datei.</translation>
    </message>
    <message>
        <source>Every table of the database, not only those linked to Trongate's.</source>
        <translation>Jede Tabelle der Datenbank, nicht nur die mit den Trongate-Tabellen verknüpften.</translation>
    </message>
    <message>
        <source>Say where to write the diagram: --output FILE.svg, FILE.png or FILE.pdf.</source>
        <translation>Geben Sie an, wohin das Diagramm geschrieben werden soll: --output DATEI.svg, DATEI.png oder DATEI.pdf.</translation>
    </message>
    <message>
        <source>The diagram can be written as .svg, .png or .pdf, not "%1".</source>
        <translation>Das Diagramm kann als .svg, .png oder .pdf geschrieben werden, nicht als „%1“.</translation>
    </message>
    <message>
        <source>This database has none of Trongate's tables and no table linked to them: nothing to draw.</source>
        <translation>Diese Datenbank hat keine der Trongate-Tabellen und keine damit verknüpfte Tabelle: Es gibt nichts zu zeichnen.</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %1: %2 tables, %3 relations, %n orphan row(s).</source>
        <translation>
            <numerusform>%1 geschrieben: %2 Tabellen, %3 Beziehungen, %n verwaiste Zeile.</numerusform>
            <numerusform>%1 geschrieben: %2 Tabellen, %3 Beziehungen, %n verwaiste Zeilen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DatabaseSession</name>
    <message>
        <source>The connection to %1 was lost.</source>
        <translation>Die Verbindung zu %1 ist unterbrochen.</translation>
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
    <name>DiagramScene</name>
    <message>
        <source>Trongate schema</source>
        <translation>Trongate-Schema</translation>
    </message>
    <message>
        <source>Tables and relations, drawn by Trongate Admin</source>
        <translation>Tabellen und Beziehungen, gezeichnet von Trongate Admin</translation>
    </message>
    <message>
        <source>Choose a file ending in .png, .svg or .pdf.</source>
        <translation>Wählen Sie eine Datei mit der Endung .png, .svg oder .pdf.</translation>
    </message>
    <message>
        <source>%1 could not be written.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>DialogHostKeyPrompter</name>
    <message>
        <source>Unknown SSH host</source>
        <translation>Unbekannter SSH-Host</translation>
    </message>
    <message>
        <source>The SSH host %1 (port %2) is not known yet. Its %3 key has the fingerprint

%4

Compare it with the fingerprint the server's administrator gives you (on the server: ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub). Trust this key and save it in %5? If it ever changes, the connection will be refused.</source>
        <translation>Der SSH-Host %1 (Port %2) ist noch nicht bekannt. Sein %3-Schlüssel hat den Fingerabdruck

%4

Vergleichen Sie ihn mit dem Fingerabdruck, den Ihnen der Administrator des Servers nennt (auf dem Server: ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub). Diesem Schlüssel vertrauen und ihn in %5 speichern? Falls er sich jemals ändert, wird die Verbindung abgelehnt.</translation>
    </message>
    <message>
        <source>Trust and save</source>
        <translation>Vertrauen und speichern</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message>
        <source>Use whole seconds (3600) or a number with a unit: 90s, 15m, 1h, 7d, 2w, or a sum such as 1h30m.</source>
        <translation>Verwenden Sie ganze Sekunden (3600) oder eine Zahl mit Einheit: 90s, 15m, 1h, 7d, 2w oder eine Summe wie 1h30m.</translation>
    </message>
    <message>
        <source>The duration is empty.</source>
        <translation>Die Dauer ist leer.</translation>
    </message>
    <message>
        <source>The duration "%1" is negative; a token's lifespan must be longer than zero.</source>
        <translation>Die Dauer „%1“ ist negativ; die Lebensdauer eines Tokens muss größer als null sein.</translation>
    </message>
    <message>
        <source>The duration "%1" has a fraction; use whole numbers, for example 90m instead of 1.5h.</source>
        <translation>Die Dauer „%1“ enthält einen Bruchteil; verwenden Sie ganze Zahlen, zum Beispiel 90m statt 1.5h.</translation>
    </message>
    <message>
        <source>The duration "%1" is too long: at most %2 seconds (about 68 years) fit Trongate's expiry_date.</source>
        <translation>Die Dauer „%1“ ist zu lang: In Trongates expiry_date passen höchstens %2 Sekunden (etwa 68 Jahre).</translation>
    </message>
    <message>
        <source>"%1" is not a duration.</source>
        <translation>„%1“ ist keine Dauer.</translation>
    </message>
    <message>
        <source>"%1" is not a unit of time. Use s (seconds), m (minutes), h (hours), d (days) or w (weeks), in lower case.</source>
        <translation>„%1“ ist keine Zeiteinheit. Verwenden Sie s (Sekunden), m (Minuten), h (Stunden), d (Tage) oder w (Wochen), in Kleinbuchstaben.</translation>
    </message>
    <message>
        <source>The duration "%1" is zero; a token's lifespan must be longer than zero.</source>
        <translation>Die Dauer „%1“ ist null; die Lebensdauer eines Tokens muss größer als null sein.</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 T. %2 Std.</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 T.</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 Std. %2 Min.</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 Std.</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 Min. %2 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>ExpiryModel</name>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>under 5 min</source>
        <translation>unter 5 Min.</translation>
    </message>
    <message>
        <source>under 1 h</source>
        <translation>unter 1 Std.</translation>
    </message>
    <message>
        <source>later</source>
        <translation>später</translation>
    </message>
    <message>
        <source>expired %1 s ago</source>
        <translation>abgelaufen vor %1 s</translation>
    </message>
    <message>
        <source>expired %1 min ago</source>
        <translation>abgelaufen vor %1 Min.</translation>
    </message>
    <message>
        <source>expired %1 h %2 min ago</source>
        <translation>abgelaufen vor %1 Std. %2 Min.</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 Min. %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 Std. %2 Min.</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 T. %2 Std.</translation>
    </message>
    <message>
        <source>Orphan: no trongate_users row has this id. Trongate's any-level check still accepts the token until it expires.</source>
        <translation>Verwaist: Keine Zeile in trongate_users hat diese ID. Trongates Prüfung auf beliebige Stufe akzeptiert das Token weiterhin, bis es abläuft.</translation>
    </message>
    <message>
        <source>user %1 (missing)</source>
        <translation>Benutzer %1 (fehlt)</translation>
    </message>
    <message>
        <source>missing level %1</source>
        <translation>fehlende Stufe %1</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>User · level</source>
        <translation>Benutzer · Stufe</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identität</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message numerus="yes">
        <source>expired %n day(s) ago</source>
        <translation>
            <numerusform>abgelaufen vor %n Tag</numerusform>
            <numerusform>abgelaufen vor %n Tagen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExpiryPage</name>
    <message>
        <source>Expiring in the next</source>
        <translation>Ablauf innerhalb</translation>
    </message>
    <message>
        <source>hour</source>
        <translation>der nächsten Stunde</translation>
    </message>
    <message>
        <source>day</source>
        <translation>des nächsten Tages</translation>
    </message>
    <message>
        <source>week</source>
        <translation>der nächsten Woche</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>Freeze the list for reading; nothing is queried while paused</source>
        <translation>Die Liste zum Lesen einfrieren; während der Pause wird nichts abgefragt</translation>
    </message>
    <message>
        <source>token, user code, username or e-mail…</source>
        <translation>Token, Benutzercode, Benutzername oder E-Mail…</translation>
    </message>
    <message>
        <source>any time</source>
        <translation>beliebige Zeit</translation>
    </message>
    <message>
        <source>only expiring within 5 min</source>
        <translation>nur Ablauf innerhalb von 5 Min.</translation>
    </message>
    <message>
        <source>only expiring within 1 h</source>
        <translation>nur Ablauf innerhalb von 1 Std.</translation>
    </message>
    <message>
        <source>only expiring within 24 h</source>
        <translation>nur Ablauf innerhalb von 24 Std.</translation>
    </message>
    <message>
        <source>only expiring within 7 days</source>
        <translation>nur Ablauf innerhalb von 7 Tagen</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>Stufe:</translation>
    </message>
    <message>
        <source>&amp;Revoke</source>
        <translation>&amp;Widerrufen</translation>
    </message>
    <message>
        <source>E&amp;xtend 24 h</source>
        <translation>Um 24 Std. &amp;verlängern</translation>
    </message>
    <message>
        <source>Re&amp;generate</source>
        <translation>&amp;Neu erzeugen</translation>
    </message>
    <message>
        <source>&amp;Inspect</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>Auto-purge expired tokens every</source>
        <translation>Automatisch bereinigen alle</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Auto-purge is off.</source>
        <translation>Die automatische Bereinigung ist aus.</translation>
    </message>
    <message>
        <source>all levels</source>
        <translation>alle Stufen</translation>
    </message>
    <message>
        <source>⚠ trongate_tokens has no index on expiry_date: each page of this list and each purge reads the whole table. &lt;a href="doctor"&gt;Open the schema doctor&lt;/a&gt; to add one (you see the SQL first).</source>
        <translation>⚠ trongate_tokens hat keinen Index auf expiry_date: Jede Seite dieser Liste und jede Bereinigung liest die ganze Tabelle. &lt;a href="doctor"&gt;Öffnen Sie den Schema-Doktor&lt;/a&gt;, um einen anzulegen (Sie sehen zuerst das SQL).</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Auto-purge is on; it has not run yet.</source>
        <translation>Die automatische Bereinigung ist an; sie ist noch nicht gelaufen.</translation>
    </message>
    <message>
        <source>The auto-purge at %1 failed; see the status bar.</source>
        <translation>Die automatische Bereinigung um %1 ist fehlgeschlagen; siehe Statusleiste.</translation>
    </message>
    <message>
        <source>Any user…</source>
        <translation>Jeder Benutzer…</translation>
    </message>
    <message>
        <source>Show one user's tokens: search by id, code, username or e-mail</source>
        <translation>Die Tokens eines Benutzers anzeigen: Suche nach ID, Code, Benutzername oder E-Mail</translation>
    </message>
    <message>
        <source>User %1 ✕</source>
        <translation>Benutzer %1 ✕</translation>
    </message>
    <message numerus="yes">
        <source>%Ln token(s)</source>
        <translation>
            <numerusform>%Ln Token</numerusform>
            <numerusform>%Ln Tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last auto-purge at %1 removed %Ln token(s).</source>
        <translation>
            <numerusform>Die letzte automatische Bereinigung um %1 hat %Ln Token entfernt.</numerusform>
            <numerusform>Die letzte automatische Bereinigung um %1 hat %Ln Tokens entfernt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Filter tokens</source>
        <translation>Tokens filtern</translation>
    </message>
    <message>
        <source>Auto-purge interval</source>
        <translation>Intervall der automatischen Bereinigung</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>about %1 (full count %2 s ago)</source>
        <comment>%1: the number of tokens</comment>
        <translation>etwa %1 (vollständig gezählt vor %2 s)</translation>
    </message>
    <message>
        <source>about %1</source>
        <comment>%1: the number of tokens</comment>
        <translation>etwa %1</translation>
    </message>
    <message>
        <source>The rows on screen are the table's. Counting every token again costs the server a lot at this size, so while tokens keep changing it is done every few seconds; until then the count and the rows far above or below may be off by what changed there.</source>
        <translation>Die angezeigten Zeilen entsprechen der Tabelle. Alle Tokens erneut zu zählen, kostet den Server bei dieser Größe viel; solange sich Tokens laufend ändern, geschieht es daher nur alle paar Sekunden. Bis dahin können die Anzahl und die Zeilen weit darüber oder darunter um das abweichen, was sich dort geändert hat.</translation>
    </message>
    <message>
        <source>counted %1 s ago</source>
        <comment>the timeline's counts, while a recount is owed</comment>
        <translation>gezählt vor %1 s</translation>
    </message>
    <message>
        <source>Go to now</source>
        <translation>Zu jetzt</translation>
    </message>
    <message>
        <source>Scroll to the first token that has not expired yet</source>
        <translation>Zum ersten Token blättern, das noch nicht abgelaufen ist</translation>
    </message>
    <message>
        <source>The tokens could not be read: %1</source>
        <translation>Die Tokens konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Could not find where "now" is in the list: %1</source>
        <translation>Es war nicht zu ermitteln, wo „jetzt“ in der Liste liegt: %1</translation>
    </message>
    <message>
        <source>about %1 (the database's estimate; counting…)</source>
        <comment>%1: the number of tokens</comment>
        <translation>etwa %1 (Schätzung der Datenbank; wird gezählt…)</translation>
    </message>
    <message>
        <source>counting…</source>
        <comment>the timeline, before its first count</comment>
        <translation>wird gezählt…</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>The list is still being counted, so the selected rows that were never on screen cannot be told apart yet. Try again in a few seconds, or select rows on screen.</source>
        <translation>Die Liste wird noch gezählt, daher lassen sich die ausgewählten Zeilen, die noch nie angezeigt wurden, noch nicht unterscheiden. Versuchen Sie es in ein paar Sekunden erneut, oder wählen Sie angezeigte Zeilen aus.</translation>
    </message>
</context>
<context>
    <name>ExpiryPoller</name>
    <message>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>the counts were not read</source>
        <translation>die Anzahlen wurden nicht gelesen</translation>
    </message>
</context>
<context>
    <name>ExpiryText</name>
    <message>
        <source>valid</source>
        <translation>gültig</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>expires now</source>
        <translation>läuft jetzt ab</translation>
    </message>
    <message>
        <source>no expiry</source>
        <translation>kein Ablauf</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 Min. %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 Std. %2 Min.</translation>
    </message>
    <message>
        <source>1 day %1 h</source>
        <translation>1 T. %1 Std.</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 T.</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>vor %1</translation>
    </message>
</context>
<context>
    <name>ExpiryTimeline</name>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
</context>
<context>
    <name>ExportBar</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the export; the unfinished file is deleted (Esc)</source>
        <translation>Export beenden; die unfertige Datei wird gelöscht (Esc)</translation>
    </message>
    <message>
        <source>Cancel the export</source>
        <translation>Export abbrechen</translation>
    </message>
    <message>
        <source>Cancelling the export to %1…</source>
        <translation>Der Export nach %1 wird abgebrochen…</translation>
    </message>
    <message numerus="yes">
        <source>Exporting to %1: %2 of %Ln row(s)…</source>
        <translation>
            <numerusform>Export nach %1: %2 von %Ln Zeile…</numerusform>
            <numerusform>Export nach %1: %2 von %Ln Zeilen…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exporting to %1: %Ln row(s) so far…</source>
        <translation>
            <numerusform>Export nach %1: bisher %Ln Zeile…</numerusform>
            <numerusform>Export nach %1: bisher %Ln Zeilen…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln row(s) to %1.</source>
        <translation>
            <numerusform>%Ln Zeile nach %1 exportiert.</numerusform>
            <numerusform>%Ln Zeilen nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 was left as it was.</source>
        <translation>%1 blieb unverändert.</translation>
    </message>
    <message>
        <source>The unfinished file was deleted: nothing was saved as %1.</source>
        <translation>Die unfertige Datei wurde gelöscht: Unter %1 wurde nichts gespeichert.</translation>
    </message>
    <message numerus="yes">
        <source>Export cancelled after %Ln row(s).</source>
        <translation>
            <numerusform>Export nach %Ln Zeile abgebrochen.</numerusform>
            <numerusform>Export nach %Ln Zeilen abgebrochen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The export failed after %Ln row(s): %1</source>
        <translation>
            <numerusform>Der Export ist nach %Ln Zeile fehlgeschlagen: %1</numerusform>
            <numerusform>Der Export ist nach %Ln Zeilen fehlgeschlagen: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GridModel</name>
    <message>
        <source>New row, not saved yet</source>
        <translation>Neue Zeile, noch nicht gespeichert</translation>
    </message>
    <message>
        <source>Edited, not saved yet</source>
        <translation>Bearbeitet, noch nicht gespeichert</translation>
    </message>
    <message>
        <source>Will be deleted when you save</source>
        <translation>Wird beim Speichern gelöscht</translation>
    </message>
    <message>
        <source>A save is already being written.</source>
        <translation>Es wird bereits gespeichert.</translation>
    </message>
    <message>
        <source>The connection was lost while saving, so it is not known whether the rows were written. Your edits are still here: once the console is connected again, check the rows and save again.</source>
        <translation>Die Verbindung ist beim Speichern abgebrochen, daher ist nicht bekannt, ob die Zeilen geschrieben wurden. Ihre Änderungen sind noch da: Prüfen Sie die Zeilen, sobald die Konsole wieder verbunden ist, und speichern Sie erneut.</translation>
    </message>
</context>
<context>
    <name>GridPage</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Write every change in one transaction (Ctrl+S)</source>
        <translation>Alle Änderungen in einer Transaktion schreiben (Strg+S)</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>Discard the unsaved changes and show the saved state (Ctrl+Shift+Z)</source>
        <translation>Die ungespeicherten Änderungen verwerfen und den gespeicherten Stand anzeigen (Strg+Umschalt+Z)</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>D&amp;uplizieren</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Mark the selected rows for deletion; Save deletes them (Del toggles)</source>
        <translation>Die ausgewählten Zeilen zum Löschen markieren; Speichern löscht sie (Entf schaltet um)</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>CSV &amp;exportieren…</translation>
    </message>
    <message>
        <source>Filter (Ctrl+F)…</source>
        <translation>Filter (Strg+F)…</translation>
    </message>
    <message>
        <source>in</source>
        <translation>in</translation>
    </message>
    <message>
        <source>all columns</source>
        <translation>allen Spalten</translation>
    </message>
    <message>
        <source>Nothing was written; your edits are still here.</source>
        <translation>Es wurde nichts geschrieben; Ihre Bearbeitungen sind noch vorhanden.</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>present</source>
        <translation>vorhanden</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>löschen</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>bearbeitet</translation>
    </message>
    <message>
        <source>deleted by someone else</source>
        <translation>von jemand anderem gelöscht</translation>
    </message>
    <message>
        <source>(delete)</source>
        <translation>(löschen)</translation>
    </message>
    <message>
        <source>The rows changed again while saving. Nothing was written.</source>
        <translation>Die Zeilen wurden während des Speicherns erneut geändert. Es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Reverted to the saved state.</source>
        <translation>Auf den gespeicherten Stand zurückgesetzt.</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <source>Token strings are credentials. Export them masked (first 6 characters), or in full?</source>
        <translation>Token-Zeichenketten sind Zugangsdaten. Sollen sie maskiert (erste 6 Zeichen) oder vollständig exportiert werden?</translation>
    </message>
    <message>
        <source>Masked</source>
        <translation>Maskiert</translation>
    </message>
    <message>
        <source>Full tokens</source>
        <translation>Vollständige Tokens</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>✕ Show all rows</source>
        <translation>✕ Alle Zeilen anzeigen</translation>
    </message>
    <message>
        <source>Turn every filter off (Esc in the grid or the filter box)</source>
        <translation>Alle Filter ausschalten (Esc in der Tabelle oder im Filterfeld)</translation>
    </message>
    <message>
        <source>Clear the filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message numerus="yes">
        <source>Saved: %n row(s) written in one transaction.</source>
        <translation>
            <numerusform>Gespeichert: %n Zeile in einer Transaktion geschrieben.</numerusform>
            <numerusform>Gespeichert: %n Zeilen in einer Transaktion geschrieben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved over the other changes: %n row(s) written.</source>
        <translation>
            <numerusform>Über die anderen Änderungen hinweg gespeichert: %n Zeile geschrieben.</numerusform>
            <numerusform>Über die anderen Änderungen hinweg gespeichert: %n Zeilen geschrieben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dropped your changes to %n row(s) changed elsewhere; save again for the rest.</source>
        <translation>
            <numerusform>Ihre Änderungen an %n anderweitig geänderten Zeile wurden verworfen; speichern Sie erneut für den Rest.</numerusform>
            <numerusform>Ihre Änderungen an %n anderweitig geänderten Zeilen wurden verworfen; speichern Sie erneut für den Rest.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was saved: %n row(s) were changed by someone else. Your edits are still here.</source>
        <translation>
            <numerusform>Es wurde nichts gespeichert: %n Zeile wurde von jemand anderem geändert. Ihre Bearbeitungen sind noch vorhanden.</numerusform>
            <numerusform>Es wurde nichts gespeichert: %n Zeilen wurden von jemand anderem geändert. Ihre Bearbeitungen sind noch vorhanden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %1 grid has %n unsaved change(s). Save them?</source>
        <translation>
            <numerusform>Die Tabelle %1 hat %n ungespeicherte Änderung. Speichern?</numerusform>
            <numerusform>Die Tabelle %1 hat %n ungespeicherte Änderungen. Speichern?</numerusform>
        </translation>
    </message>
    <message>
        <source>e.g. %1 (Ctrl+F)…</source>
        <translation>z. B. %1 (Strg+F)…</translation>
    </message>
    <message>
        <source>any column contains "%1"</source>
        <translation>eine Spalte enthält „%1“</translation>
    </message>
    <message>
        <source>%1 contains "%2"</source>
        <translation>%1 enthält „%2“</translation>
    </message>
    <message>
        <source>Filtered: %1</source>
        <translation>Gefiltert: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln row(s)</source>
        <translation>
            <numerusform>%1 von %Ln Zeile</numerusform>
            <numerusform>%1 von %Ln Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>Filter rows</source>
        <translation>Zeilen filtern</translation>
    </message>
    <message>
        <source>Filter in column</source>
        <translation>In Spalte filtern</translation>
    </message>
    <message>
        <source>The column the filter searches</source>
        <translation>Die Spalte, die der Filter durchsucht</translation>
    </message>
    <message>
        <source>%1 grid</source>
        <translation>Tabelle %1</translation>
    </message>
    <message>
        <source>Select all rows (Ctrl+A)</source>
        <translation>Alle Zeilen auswählen (Strg+A)</translation>
    </message>
    <message numerus="yes">
        <source>%n unsaved</source>
        <translation>
            <numerusform>%n ungespeichert</numerusform>
            <numerusform>%n ungespeichert</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>The exact count is on its way; the rows are shown meanwhile.</source>
        <translation>Die genaue Anzahl ist unterwegs; die Zeilen werden bereits angezeigt.</translation>
    </message>
    <message>
        <source>The exact count could not be read.</source>
        <translation>Die genaue Anzahl konnte nicht gelesen werden.</translation>
    </message>
    <message numerus="yes">
        <source>about %Ln row(s)</source>
        <translation>
            <numerusform>etwa %Ln Zeile</numerusform>
            <numerusform>etwa %Ln Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>counting rows…</source>
        <translation>Zeilen werden gezählt…</translation>
    </message>
    <message numerus="yes">
        <source>%1 of about %Ln row(s)</source>
        <translation>
            <numerusform>%1 von etwa %Ln Zeile</numerusform>
            <numerusform>%1 von etwa %Ln Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln matching row(s), counting all…</source>
        <translation>
            <numerusform>%Ln passende Zeile, alle werden gezählt…</numerusform>
            <numerusform>%Ln passende Zeilen, alle werden gezählt…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>counting… of %Ln row(s)</source>
        <translation>
            <numerusform>wird gezählt… von %Ln Zeile</numerusform>
            <numerusform>wird gezählt… von %Ln Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>counting… of about %Ln row(s)</source>
        <translation>
            <numerusform>wird gezählt… von etwa %Ln Zeile</numerusform>
            <numerusform>wird gezählt… von etwa %Ln Zeilen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InspectorDialog</name>
    <message>
        <source>Token inspector</source>
        <translation>Token-Prüfung</translation>
    </message>
    <message>
        <source>Paste a token (from the trongateToken header or cookie)</source>
        <translation>Token einfügen (aus dem trongateToken-Header oder -Cookie)</translation>
    </message>
    <message>
        <source>&amp;Inspect</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>&amp;Revoke this token</source>
        <translation>Dieses Token &amp;widerrufen</translation>
    </message>
    <message>
        <source>&lt;b style='color:#2e7d32'&gt;yes&lt;/b&gt;</source>
        <translation>&lt;b style='color:#2e7d32'&gt;ja&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b style='color:#c62828'&gt;no&lt;/b&gt;</source>
        <translation>&lt;b style='color:#c62828'&gt;nein&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Not found.&lt;/b&gt; No trongate_tokens row holds this token, so Trongate rejects it everywhere.&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Nicht gefunden.&lt;/b&gt; Keine Zeile in trongate_tokens enthält dieses Token, daher lehnt Trongate es überall ab.&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Found&lt;/b&gt;: token %1, user %2%3.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Gefunden&lt;/b&gt;: Token %1, Benutzer %2%3.&lt;/p&gt;</translation>
    </message>
    <message>
        <source> (no trongate_users row: an orphan)</source>
        <translation> (keine trongate_users-Zeile: verwaist)</translation>
    </message>
    <message>
        <source>, level %1 (no trongate_user_levels row)</source>
        <translation>, Stufe %1 (keine trongate_user_levels-Zeile)</translation>
    </message>
    <message>
        <source>, level "%1" (%2)</source>
        <translation>, Stufe „%1“ (%2)</translation>
    </message>
    <message>
        <source>&lt;p&gt;Expiry: &lt;b&gt;none&lt;/b&gt; (NULL): never valid, never purged.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Ablauf: &lt;b&gt;keiner&lt;/b&gt; (NULL): nie gültig, wird nie bereinigt.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Expiry: %1 (%2)%3&lt;/p&gt;</source>
        <translation>&lt;p&gt;Ablauf: %1 (%2)%3&lt;/p&gt;</translation>
    </message>
    <message>
        <source> — Trongate's next purge deletes it</source>
        <translation> — Trongates nächste Bereinigung löscht es</translation>
    </message>
    <message>
        <source>&lt;tr&gt;&lt;td&gt;Any level (validate any level, no user join):&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;td&gt;Beliebige Stufe (validate mit beliebiger Stufe, ohne Join auf die Benutzer):&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>&lt;tr&gt;&lt;td&gt;Single-level and list-of-levels checks pass for:&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;td&gt;Prüfungen auf eine einzelne Stufe oder eine Stufenliste bestehen für:&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>level %1</source>
        <translation>Stufe %1</translation>
    </message>
    <message>
        <source>&lt;p&gt;⚠ An orphan token that still passes Trongate's any-level check until it expires. Revoke it if the person is gone.&lt;/p&gt;</source>
        <translation>&lt;p&gt;⚠ Ein verwaistes Token, das Trongates Prüfung auf beliebige Stufe weiterhin besteht, bis es abläuft. Widerrufen Sie es, wenn die Person nicht mehr dabei ist.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The stored token differs in letter case; this database compares case-insensitively, so Trongate accepts it as typed.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Das gespeicherte Token unterscheidet sich in der Groß-/Kleinschreibung; diese Datenbank vergleicht ohne Rücksicht auf Groß-/Kleinschreibung, daher akzeptiert Trongate es wie eingegeben.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;%1 rows match this token.&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1 Zeilen passen zu diesem Token.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>IssueTokenDialog</name>
    <message>
        <source>Issue tokens</source>
        <translation>Tokens ausstellen</translation>
    </message>
    <message>
        <source>&amp;Add a user…</source>
        <translation>Benutzer &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Users:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <source>15 minutes</source>
        <translation>15 Minuten</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>24 hours (Trongate's default)</source>
        <translation>24 Stunden (Trongate-Standard)</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 Tage</translation>
    </message>
    <message>
        <source>30 days ("remember me")</source>
        <translation>30 Tage („Angemeldet bleiben“)</translation>
    </message>
    <message>
        <source>until an exact date and time…</source>
        <translation>bis zu einem genauen Zeitpunkt…</translation>
    </message>
    <message>
        <source>&amp;Lifetime:</source>
        <translation>&amp;Gültigkeitsdauer:</translation>
    </message>
    <message>
        <source>&amp;Expires at (local time):</source>
        <translation>&amp;Läuft ab um (Ortszeit):</translation>
    </message>
    <message>
        <source>trongate_tokens.code: at most 3 characters, "0" unless your application uses it</source>
        <translation>trongate_tokens.code: höchstens 3 Zeichen, „0“, sofern Ihre Anwendung die Spalte nicht verwendet</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Code:</translation>
    </message>
    <message>
        <source>Tokens per &amp;user:</source>
        <translation>Tokens pro &amp;Benutzer:</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>&amp;Copy token</source>
        <translation>Token &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy as HTTP &amp;header</source>
        <translation>Als HTTP-Hea&amp;der kopieren</translation>
    </message>
    <message>
        <source>Copy a c&amp;url example</source>
        <translation>c&amp;url-Beispiel kopieren</translation>
    </message>
    <message>
        <source>&amp;Issue</source>
        <translation>&amp;Ausstellen</translation>
    </message>
    <message>
        <source>That time is in the past: a token must expire in the future.</source>
        <translation>Dieser Zeitpunkt liegt in der Vergangenheit: Ein Token muss in der Zukunft ablaufen.</translation>
    </message>
    <message>
        <source>Add at least one user.</source>
        <translation>Fügen Sie mindestens einen Benutzer hinzu.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n token(s) issued.&lt;/b&gt; They are shown in full only now: copy what you need before closing. The clipboard is cleared after %1 s if it still holds a token.</source>
        <translation>
            <numerusform>&lt;b&gt;%n Token ausgestellt.&lt;/b&gt; Es wird nur jetzt vollständig angezeigt: Kopieren Sie, was Sie benötigen, bevor Sie das Fenster schließen. Die Zwischenablage wird nach %1 s geleert, falls sie dann noch ein Token enthält.</numerusform>
            <numerusform>&lt;b&gt;%n Tokens ausgestellt.&lt;/b&gt; Sie werden nur jetzt vollständig angezeigt: Kopieren Sie, was Sie benötigen, bevor Sie das Fenster schließen. Die Zwischenablage wird nach %1 s geleert, falls sie dann noch ein Token enthält.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LevelService</name>
    <message>
        <source>The user levels could not be read: %1</source>
        <translation>Die Benutzerstufen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The users could not be counted: %1</source>
        <translation>Die Benutzer konnten nicht gezählt werden: %1</translation>
    </message>
    <message>
        <source>The user level could not be read: %1</source>
        <translation>Die Benutzerstufe konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>There is no user level with id %1. List the levels to find its id.</source>
        <translation>Es gibt keine Benutzerstufe mit der ID %1. Listen Sie die Stufen auf, um ihre ID zu finden.</translation>
    </message>
    <message>
        <source>The level title is empty. Give it a name such as "editor".</source>
        <translation>Der Stufentitel ist leer. Geben Sie der Stufe einen Namen wie „editor“.</translation>
    </message>
    <message>
        <source>The level title is %1 characters long; Trongate's level_title holds at most %2. Choose a shorter title.</source>
        <translation>Der Stufentitel ist %1 Zeichen lang; Trongates level_title fasst höchstens %2. Wählen Sie einen kürzeren Titel.</translation>
    </message>
    <message>
        <source>A level titled "%1" exists already (id %2). Choose another title.</source>
        <translation>Eine Stufe mit dem Titel „%1“ existiert bereits (ID %2). Wählen Sie einen anderen Titel.</translation>
    </message>
    <message>
        <source>The level could not be added: %1</source>
        <translation>Die Stufe konnte nicht hinzugefügt werden: %1</translation>
    </message>
    <message>
        <source>The level could not be renamed: %1</source>
        <translation>Die Stufe konnte nicht umbenannt werden: %1</translation>
    </message>
    <message>
        <source>The level could not be removed: %1</source>
        <translation>Die Stufe konnte nicht entfernt werden: %1</translation>
    </message>
    <message>
        <source>Level %1 ("%2") is the level of %3 users. Move them to another level first; the level was not removed.</source>
        <translation>Stufe %1 („%2“) ist die Stufe von %3 Benutzern. Verschieben Sie diese zuerst in eine andere Stufe; die Stufe wurde nicht entfernt.</translation>
    </message>
    <message>
        <source>The level title</source>
        <translation>Der Stufentitel</translation>
    </message>
</context>
<context>
    <name>LevelsModel</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>A level needs a title, for example "editor".</source>
        <translation>Eine Stufe benötigt einen Titel, zum Beispiel „editor“.</translation>
    </message>
    <message>
        <source>A level title can be at most 125 characters long; this one has %1.</source>
        <translation>Ein Stufentitel darf höchstens 125 Zeichen lang sein; dieser hat %1.</translation>
    </message>
    <message>
        <source>This column cannot be edited.</source>
        <translation>Diese Spalte kann nicht bearbeitet werden.</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>Users with this level now</source>
        <translation>Benutzer, die derzeit diese Stufe haben</translation>
    </message>
    <message>
        <source>Level %1 is still used by users. Move them to another level before deleting it.</source>
        <translation>Stufe %1 wird noch von Benutzern verwendet. Verschieben Sie diese in eine andere Stufe, bevor Sie die Stufe löschen.</translation>
    </message>
    <message>
        <source>The level title</source>
        <translation>Der Stufentitel</translation>
    </message>
</context>
<context>
    <name>LevelsPage</name>
    <message>
        <source>Move them to "%1"</source>
        <translation>Nach „%1“ verschieben</translation>
    </message>
    <message>
        <source>Level in use</source>
        <translation>Stufe wird verwendet</translation>
    </message>
    <message>
        <source>Re&amp;voke all tokens of the level</source>
        <translation>Alle Tokens der Stufe &amp;widerrufen</translation>
    </message>
    <message numerus="yes">
        <source>The level "%1" is used by %n user(s); Trongate would no longer recognise their level. Move them to another level first (when you save), or keep the level.</source>
        <translation>
            <numerusform>Die Stufe „%1“ wird von %n Benutzer verwendet; Trongate würde dessen Stufe nicht mehr erkennen. Verschieben Sie diesen Benutzer zuerst in eine andere Stufe (beim Speichern) oder behalten Sie die Stufe.</numerusform>
            <numerusform>Die Stufe „%1“ wird von %n Benutzern verwendet; Trongate würde deren Stufe nicht mehr erkennen. Verschieben Sie diese Benutzer zuerst in eine andere Stufe (beim Speichern) oder behalten Sie die Stufe.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Level "%1" kept: %n user(s) still have it.</source>
        <translation>
            <numerusform>Stufe „%1“ behalten: %n Benutzer hat sie noch.</numerusform>
            <numerusform>Stufe „%1“ behalten: %n Benutzer haben sie noch.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete every token of every user with the selected level now (asks first)</source>
        <translation>Jetzt jedes Token jedes Benutzers mit der gewählten Stufe löschen (fragt vorher)</translation>
    </message>
    <message>
        <source>Level %1</source>
        <translation>Stufe %1</translation>
    </message>
    <message>
        <source>An unsaved new level</source>
        <translation>Eine ungespeicherte neue Stufe</translation>
    </message>
    <message>
        <source>Duplicate level title</source>
        <translation>Doppelter Stufentitel</translation>
    </message>
    <message>
        <source>%1 is already called "%2". Users and administrators would not be able to tell the two levels apart. Use the same title twice?</source>
        <translation>%1 heißt bereits „%2“. Benutzer und Administratoren könnten die beiden Stufen nicht unterscheiden. Denselben Titel zweimal verwenden?</translation>
    </message>
    <message>
        <source>Use it twice</source>
        <translation>Zweimal verwenden</translation>
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
        <source>&amp;Install Trongate's tables…</source>
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
        <source>Install Trongate's tables</source>
        <translation>Trongate-Tabellen anlegen</translation>
    </message>
    <message>
        <source>All three Trongate tables are already present. Nothing to install.</source>
        <translation>Alle drei Trongate-Tabellen sind bereits vorhanden. Es gibt nichts anzulegen.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; lacks these Trongate tables: %2.&lt;/p&gt;&lt;p&gt;The statements below create them exactly as Trongate's own setup.sql does. Tables that already exist are left alone; no other table is touched.&lt;/p&gt;</source>
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
        <source>%1 has none of Trongate's tables, so it is not a Trongate database yet. Install Trongate's tables now? You will see the SQL first.</source>
        <translation>%1 enthält keine der Trongate-Tabellen und ist daher noch keine Trongate-Datenbank. Trongate-Tabellen jetzt anlegen? Sie sehen zuerst das SQL.</translation>
    </message>
    <message>
        <source>%1 lacks some of Trongate's tables (%2 of 3 present). Install the missing ones now? You will see the SQL first.</source>
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
        <source>&lt;h3&gt;Trongate Admin %1&lt;/h3&gt;&lt;p&gt;A desktop console for the token system of the Trongate PHP framework: user levels, users and tokens, compatible with Trongate's own tables.&lt;/p&gt;&lt;p&gt;Built with Qt %2. Passwords are kept only in your system keychain.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Trongate Admin %1&lt;/h3&gt;&lt;p&gt;Eine Desktop-Konsole für das Token-System des PHP-Frameworks Trongate: Benutzerstufen, Benutzer und Tokens, kompatibel mit Trongates eigenen Tabellen.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2. Passwörter werden ausschließlich in Ihrem System-Schlüsselbund gespeichert.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>Stufen</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Relations</source>
        <translation>Beziehungen</translation>
    </message>
    <message>
        <source>Orphans of %1.%2: rows whose %3 row is missing</source>
        <translation>Verwaiste Zeilen von %1.%2: Zeilen, deren %3-Zeile fehlt</translation>
    </message>
    <message>
        <source>Live expiry</source>
        <translation>Ablauf live</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>&amp;Tokens</source>
        <translation>&amp;Tokens</translation>
    </message>
    <message>
        <source>&amp;Issue tokens…</source>
        <translation>Tokens &amp;ausstellen…</translation>
    </message>
    <message>
        <source>Token &amp;inspector…</source>
        <translation>Token-&amp;Prüfung…</translation>
    </message>
    <message>
        <source>&amp;Purge expired tokens…</source>
        <translation>Abgelaufene Tokens &amp;bereinigen…</translation>
    </message>
    <message>
        <source>No database is open. Open one with File ▸ Connections… (Ctrl+O).</source>
        <translation>Keine Datenbank geöffnet. Öffnen Sie eine über Datei ▸ Verbindungen… (Strg+O).</translation>
    </message>
    <message>
        <source>This database has no %1 table. Install Trongate's tables from the Overview page first.</source>
        <translation>Diese Datenbank hat keine Tabelle %1. Legen Sie zuerst auf der Übersichtsseite die Trongate-Tabellen an.</translation>
    </message>
    <message>
        <source>No database is open.</source>
        <translation>Keine Datenbank geöffnet.</translation>
    </message>
    <message>
        <source>No trongate_tokens table in this database.</source>
        <translation>Diese Datenbank hat keine Tabelle trongate_tokens.</translation>
    </message>
    <message>
        <source>%1[*] — Trongate Admin</source>
        <translation>%1[*] — Trongate Admin</translation>
    </message>
    <message>
        <source>%1 is an application table; Trongate Admin edits only Trongate's own tables.</source>
        <translation>%1 ist eine Anwendungstabelle; Trongate Admin bearbeitet nur Trongates eigene Tabellen.</translation>
    </message>
    <message>
        <source>⚠ Connection lost — retrying every 5 s; unsaved edits are kept</source>
        <translation>⚠ Verbindung verloren – neuer Versuch alle 5 s; ungespeicherte Änderungen bleiben erhalten</translation>
    </message>
    <message>
        <source>Reconnected. Unsaved edits can be saved now.</source>
        <translation>Wieder verbunden. Ungespeicherte Änderungen können jetzt gespeichert werden.</translation>
    </message>
    <message>
        <source>&amp;Clipboard clearing…</source>
        <translation>&amp;Zwischenablage leeren…</translation>
    </message>
    <message>
        <source>Clipboard clearing</source>
        <translation>Zwischenablage leeren</translation>
    </message>
    <message>
        <source>Clear a copied token from the clipboard after this many seconds:</source>
        <translation>Ein kopiertes Token nach so vielen Sekunden aus der Zwischenablage entfernen:</translation>
    </message>
    <message>
        <source>Read-only: this account may not change %1.</source>
        <translation>Nur lesen: Dieses Konto darf %1 nicht ändern.</translation>
    </message>
    <message numerus="yes">
        <source>Auto-purge every %n min is on for this connection</source>
        <translation>
            <numerusform>Automatische Bereinigung jede Minute ist für diese Verbindung eingeschaltet</numerusform>
            <numerusform>Automatische Bereinigung alle %n Min. ist für diese Verbindung eingeschaltet</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt…</translation>
    </message>
    <message>
        <source>Connecting to %1… The window stays usable meanwhile.</source>
        <translation>Verbindung zu %1 wird hergestellt… Das Fenster bleibt währenddessen benutzbar.</translation>
    </message>
    <message>
        <source>Connected to %1, node %2</source>
        <translation>Verbunden mit %1, Knoten %2</translation>
    </message>
    <message>
        <source>Reconnected, now to node %1. Unsaved edits can be saved now.</source>
        <translation>Wieder verbunden, jetzt mit Knoten %1. Ungespeicherte Bearbeitungen können jetzt gespeichert werden.</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>Weitere Aktionen</translation>
    </message>
    <message>
        <source>&amp;Palette</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>Checking the schema…</source>
        <translation>Das Schema wird geprüft…</translation>
    </message>
    <message>
        <source>The connection was lost while checking the schema; check again once it is back.</source>
        <translation>Die Verbindung ist bei der Schemaprüfung abgebrochen; prüfen Sie erneut, sobald sie wieder besteht.</translation>
    </message>
    <message>
        <source>The connection was lost before the tables could be read. Nothing was changed.</source>
        <translation>Die Verbindung ist abgebrochen, bevor die Tabellen gelesen werden konnten. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The connection was lost while creating them; check the database before trying again.</source>
        <translation>Die Verbindung ist beim Anlegen abgebrochen; prüfen Sie die Datenbank, bevor Sie es erneut versuchen.</translation>
    </message>
</context>
<context>
    <name>MySqlRelay</name>
    <message>
        <source>A private folder for the database connection could not be created in %1.</source>
        <translation>Ein privater Ordner für die Datenbankverbindung konnte in %1 nicht angelegt werden.</translation>
    </message>
    <message>
        <source>A local socket for the database connection could not be opened: %1</source>
        <translation>Ein lokaler Socket für die Datenbankverbindung konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>The server asked for the password in clear text (%1): refused; the password was not sent. Use an account with mysql_native_password or ed25519.</source>
        <translation>Der Server hat das Passwort im Klartext verlangt (%1): abgelehnt; das Passwort wurde nicht gesendet. Verwenden Sie ein Konto mit mysql_native_password oder ed25519.</translation>
    </message>
    <message>
        <source>Without TLS the server asked for an authentication method (%1) that would send the password readable on the network: refused; the password was not sent. Connect with TLS (Require TLS), or use an account with mysql_native_password or ed25519.</source>
        <translation>Ohne TLS hat der Server eine Authentifizierungsmethode (%1) verlangt, die das Passwort lesbar über das Netzwerk senden würde: abgelehnt; das Passwort wurde nicht gesendet. Verbinden Sie sich mit TLS („TLS verlangen“) oder verwenden Sie ein Konto mit mysql_native_password oder ed25519.</translation>
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
        <source>✔ Trongate's three tables are present. Verify them against Trongate's definitions at any time; verifying changes nothing.</source>
        <translation>✔ Die drei Trongate-Tabellen sind vorhanden. Sie können sie jederzeit gegen die Trongate-Definitionen prüfen; die Prüfung ändert nichts.</translation>
    </message>
    <message>
        <source>This database has none of Trongate's tables: it is not a Trongate database yet. Install them (you see the SQL first), or open another connection.</source>
        <translation>Diese Datenbank enthält keine der Trongate-Tabellen und ist daher noch keine Trongate-Datenbank. Legen Sie die Tabellen an (Sie sehen zuerst das SQL) oder öffnen Sie eine andere Verbindung.</translation>
    </message>
    <message>
        <source>Trongate's tables missing here: %1 of 3. Install them (you see the SQL first).</source>
        <translation>Hier fehlen %1 von 3 Trongate-Tabellen. Legen Sie sie an (Sie sehen zuerst das SQL).</translation>
    </message>
    <message>
        <source>Counting rows…</source>
        <translation>Zeilen werden gezählt…</translation>
    </message>
    <message>
        <source>the database could not be reached: %1</source>
        <translation>die Datenbank war nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>Counting the tokens; the figures follow.</source>
        <translation>Die Tokens werden gezählt; die Zahlen folgen.</translation>
    </message>
    <message>
        <source>not read</source>
        <comment>a token statistic whose read failed</comment>
        <translation>nicht gelesen</translation>
    </message>
    <message>
        <source>The token statistics could not be read: %1</source>
        <translation>Die Token-Statistik konnte nicht gelesen werden: %1</translation>
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
        <source>A password is needed for %1. Set the environment variable %2, store it in the keychain from the console's connection dialog, or run the command in a terminal to be asked.</source>
        <translation>Für %1 wird ein Passwort benötigt. Setzen Sie die Umgebungsvariable %2, speichern Sie das Passwort über den Verbindungsdialog der Konsole im Schlüsselbund oder führen Sie den Befehl in einem Terminal aus, um danach gefragt zu werden.</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>Passwort für %1: </translation>
    </message>
    <message>
        <source>SSH password for %1: </source>
        <translation>SSH-Passwort für %1: </translation>
    </message>
</context>
<context>
    <name>PrivateSocket</name>
    <message>
        <source>The folder %1 has too long a path for a local socket; set TMPDIR to a shorter one.</source>
        <translation>Der Pfad des Ordners %1 ist für einen lokalen Socket zu lang; setzen Sie TMPDIR auf einen kürzeren Ordner.</translation>
    </message>
</context>
<context>
    <name>ProfileStore</name>
    <message>
        <source>A connection named "%1" already exists. Choose another name.</source>
        <translation>Eine Verbindung namens „%1“ existiert bereits. Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>The settings file %1 could not be written. Check the disk space and permissions.</source>
        <translation>Die Einstellungsdatei %1 konnte nicht geschrieben werden. Prüfen Sie den freien Speicherplatz und die Berechtigungen.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
</context>
<context>
    <name>QueryBuilder</name>
    <message>
        <source>contains</source>
        <translation>enthält</translation>
    </message>
    <message>
        <source>is empty (NULL)</source>
        <translation>ist leer (NULL)</translation>
    </message>
    <message>
        <source>is not empty</source>
        <translation>ist nicht leer</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>minimum</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <source>maximum</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <source>Pick a table first.</source>
        <translation>Wählen Sie zuerst eine Tabelle aus.</translation>
    </message>
    <message>
        <source>The relation %1.%2 joins two tables already in the query; a table can take part only once.</source>
        <translation>Die Beziehung %1.%2 verknüpft zwei Tabellen, die bereits in der Abfrage sind; eine Tabelle kann nur einmal beteiligt sein.</translation>
    </message>
    <message>
        <source>The relation %1.%2 does not touch any table of the query.</source>
        <translation>Die Beziehung %1.%2 betrifft keine Tabelle der Abfrage.</translation>
    </message>
    <message>
        <source>The column %1.%2 belongs to a table that is not in the query.</source>
        <translation>Die Spalte %1.%2 gehört zu einer Tabelle, die nicht in der Abfrage ist.</translation>
    </message>
    <message>
        <source>Only COUNT can count whole rows.</source>
        <translation>Nur COUNT kann ganze Zeilen zählen.</translation>
    </message>
    <message>
        <source>The criterion on %1.%2 names a table that is not in the query.</source>
        <translation>Das Kriterium für %1.%2 nennt eine Tabelle, die nicht in der Abfrage ist.</translation>
    </message>
    <message>
        <source>The sort on %1.%2 names a table that is not in the query.</source>
        <translation>Die Sortierung nach %1.%2 nennt eine Tabelle, die nicht in der Abfrage ist.</translation>
    </message>
    <message>
        <source>Tick at least one column.</source>
        <translation>Kreuzen Sie mindestens eine Spalte an.</translation>
    </message>
    <message>
        <source>A grouped query can only be sorted by a column it shows or by a count, minimum or maximum.</source>
        <translation>Eine gruppierte Abfrage kann nur nach einer angezeigten Spalte oder nach einer Anzahl, einem Minimum oder einem Maximum sortiert werden.</translation>
    </message>
    <message>
        <source>The statement has an unclosed quote.</source>
        <translation>Die Anweisung enthält ein nicht geschlossenes Anführungszeichen.</translation>
    </message>
    <message>
        <source>The statement has a backslash in a string.</source>
        <translation>Die Anweisung enthält einen Backslash in einer Zeichenkette.</translation>
    </message>
    <message>
        <source>Only one statement can be run, and this text holds a semicolon.</source>
        <translation>Es kann nur eine Anweisung ausgeführt werden, und dieser Text enthält ein Semikolon.</translation>
    </message>
    <message>
        <source>The statement holds a comment or a character the query builder never writes.</source>
        <translation>Die Anweisung enthält einen Kommentar oder ein Zeichen, das der Abfrage-Editor nie schreibt.</translation>
    </message>
    <message>
        <source>Only SELECT statements can be run here.</source>
        <translation>Hier können nur SELECT-Anweisungen ausgeführt werden.</translation>
    </message>
    <message>
        <source>Only reading SELECT statements can be run here, and this one holds %1.</source>
        <translation>Hier können nur lesende SELECT-Anweisungen ausgeführt werden, und diese enthält %1.</translation>
    </message>
    <message>
        <source>A person's valid tokens</source>
        <translation>Gültige Tokens einer Person</translation>
    </message>
    <message>
        <source>The valid tokens of one administrator, with their level and e-mail address. Type the username in the criteria.</source>
        <translation>Die gültigen Tokens eines Administrators mit seiner Stufe und E-Mail-Adresse. Geben Sie den Benutzernamen in den Kriterien ein.</translation>
    </message>
    <message>
        <source>Tokens per level</source>
        <translation>Tokens pro Stufe</translation>
    </message>
    <message>
        <source>How many tokens the users of each level hold (expired ones included).</source>
        <translation>Wie viele Tokens die Benutzer jeder Stufe besitzen (abgelaufene eingeschlossen).</translation>
    </message>
    <message>
        <source>Users without any token</source>
        <translation>Benutzer ohne Token</translation>
    </message>
    <message>
        <source>Users that hold no token at all, valid or expired.</source>
        <translation>Benutzer, die überhaupt kein Token besitzen, weder gültig noch abgelaufen.</translation>
    </message>
    <message>
        <source>Orphans of %1.%2</source>
        <translation>Verwaiste Zeilen von %1.%2</translation>
    </message>
    <message>
        <source>Rows of %1 whose %2 names a row of %3 that does not exist.</source>
        <translation>Zeilen von %1, deren %2 auf eine nicht vorhandene Zeile von %3 verweist.</translation>
    </message>
</context>
<context>
    <name>QueryBuilderPane</name>
    <message>
        <source>&lt;b&gt;Query&lt;/b&gt;</source>
        <translation>&lt;b&gt;Abfrage&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Ready-made and saved queries of this connection</source>
        <translation>Vorgefertigte und gespeicherte Abfragen dieser Verbindung</translation>
    </message>
    <message>
        <source>Ready-made and saved queries</source>
        <translation>Vorgefertigte und gespeicherte Abfragen</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <source>Run the query (Ctrl+Return)</source>
        <translation>Abfrage ausführen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop reading rows</source>
        <translation>Lesen der Zeilen beenden</translation>
    </message>
    <message>
        <source>Copy as Trongate code</source>
        <translation>Trongate-Code kopieren</translation>
    </message>
    <message>
        <source>Copy a model method that runs the query with query_bind</source>
        <translation>Eine Model-Methode kopieren, die die Abfrage mit query_bind ausführt</translation>
    </message>
    <message>
        <source>&amp;More</source>
        <translation>&amp;Mehr</translation>
    </message>
    <message>
        <source>Copy the SQL, export the rows, save or delete a query</source>
        <translation>SQL kopieren, Zeilen exportieren, Abfrage speichern oder löschen</translation>
    </message>
    <message>
        <source>Copy &amp;SQL</source>
        <translation>&amp;SQL kopieren</translation>
    </message>
    <message>
        <source>Export the rows as &amp;CSV…</source>
        <translation>Zeilen als &amp;CSV exportieren…</translation>
    </message>
    <message>
        <source>Sa&amp;ve the query…</source>
        <translation>Abfrage sp&amp;eichern…</translation>
    </message>
    <message>
        <source>&amp;Delete the saved query</source>
        <translation>Gespeicherte Abfrage &amp;löschen</translation>
    </message>
    <message>
        <source>C&amp;lear the query</source>
        <translation>Abfrage lee&amp;ren</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Sort</source>
        <translation>Sortierung</translation>
    </message>
    <message>
        <source>Count rows</source>
        <translation>Zeilen zählen</translation>
    </message>
    <message>
        <source>Add COUNT(*): with other columns shown, one count per group of them</source>
        <translation>COUNT(*) hinzufügen: Werden weitere Spalten angezeigt, eine Anzahl pro Gruppe dieser Spalten</translation>
    </message>
    <message>
        <source>Row &amp;limit:</source>
        <translation>Zeilen&amp;limit:</translation>
    </message>
    <message>
        <source>Row limit</source>
        <translation>Zeilenlimit</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <source>Columns and sort</source>
        <translation>Spalten und Sortierung</translation>
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
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Geheim</translation>
    </message>
    <message>
        <source>Add criterion</source>
        <translation>Kriterium hinzufügen</translation>
    </message>
    <message>
        <source>Remove criterion</source>
        <translation>Kriterium entfernen</translation>
    </message>
    <message>
        <source>Values are sent as bound parameters, never written into the SQL.</source>
        <translation>Werte werden als gebundene Parameter gesendet und nie in das SQL geschrieben.</translation>
    </message>
    <message>
        <source>Criteria</source>
        <translation>Kriterien</translation>
    </message>
    <message>
        <source>SQL</source>
        <translation>SQL</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Ready-made and saved queries…</source>
        <translation>Vorgefertigte und gespeicherte Abfragen…</translation>
    </message>
    <message>
        <source>Loaded "%1".</source>
        <translation>„%1“ geladen.</translation>
    </message>
    <message>
        <source>%1 has no relation to the tables of the query: clear the query to start from it.</source>
        <translation>%1 hat keine Beziehung zu den Tabellen der Abfrage: Leeren Sie die Abfrage, um mit dieser Tabelle neu zu beginnen.</translation>
    </message>
    <message>
        <source>Join %1</source>
        <translation>%1 verknüpfen</translation>
    </message>
    <message>
        <source>%1 can be joined to the query in more than one way. Which relation should the join follow?</source>
        <translation>%1 kann auf mehr als eine Weise mit der Abfrage verknüpft werden. Welcher Beziehung soll die Verknüpfung folgen?</translation>
    </message>
    <message>
        <source>the current Unix time</source>
        <translation>die aktuelle Unix-Zeit</translation>
    </message>
    <message>
        <source>(secret, not shown)</source>
        <translation>(geheim, nicht angezeigt)</translation>
    </message>
    <message>
        <source>Tick columns in the table boxes above to build a query, or pick a ready-made one. A table ticked next is joined along its relation; click the join's label on the line to switch between inner and left join.</source>
        <translation>Kreuzen Sie Spalten in den Tabellenkästen oben an, um eine Abfrage zu erstellen, oder wählen Sie eine vorgefertigte aus. Eine danach angekreuzte Tabelle wird entlang ihrer Beziehung verknüpft; klicken Sie auf die Beschriftung der Verknüpfung an der Linie, um zwischen INNER JOIN und LEFT JOIN zu wechseln.</translation>
    </message>
    <message>
        <source>-- As Trongate code:</source>
        <translation>-- Als Trongate-Code:</translation>
    </message>
    <message>
        <source>Show %1 as</source>
        <translation>%1 anzeigen als</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>ascending</source>
        <translation>aufsteigend</translation>
    </message>
    <message>
        <source>descending</source>
        <translation>absteigend</translation>
    </message>
    <message>
        <source>Sort by %1</source>
        <translation>Nach %1 sortieren</translation>
    </message>
    <message>
        <source>Column of criterion %1</source>
        <translation>Spalte von Kriterium %1</translation>
    </message>
    <message>
        <source>Operator of criterion %1</source>
        <translation>Operator von Kriterium %1</translation>
    </message>
    <message>
        <source>Value of criterion %1</source>
        <translation>Wert von Kriterium %1</translation>
    </message>
    <message>
        <source>the current time</source>
        <translation>die aktuelle Zeit</translation>
    </message>
    <message>
        <source>type a value</source>
        <translation>Wert eingeben</translation>
    </message>
    <message>
        <source>Compare with the current Unix time when the query runs (time() in PHP)</source>
        <translation>Bei Ausführung der Abfrage mit der aktuellen Unix-Zeit vergleichen (time() in PHP)</translation>
    </message>
    <message>
        <source>Criterion %1 compares with the current time</source>
        <translation>Kriterium %1 vergleicht mit der aktuellen Zeit</translation>
    </message>
    <message>
        <source>A secret value (a token, say): masked here, never saved with the query</source>
        <translation>Ein geheimer Wert (etwa ein Token): hier maskiert und nie mit der Abfrage gespeichert</translation>
    </message>
    <message>
        <source>Criterion %1 is secret</source>
        <translation>Kriterium %1 ist geheim</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Wird ausgeführt…</translation>
    </message>
    <message>
        <source>The query failed: %1</source>
        <translation>Die Abfrage ist fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after %n row(s).</source>
        <translation>
            <numerusform>Nach %n Zeile abgebrochen.</numerusform>
            <numerusform>Nach %n Zeilen abgebrochen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s).</source>
        <translation>
            <numerusform>%n Zeile.</numerusform>
            <numerusform>%n Zeilen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The first %n row(s); scroll down for more.</source>
        <translation>
            <numerusform>Bisher %n Zeile geladen; scrollen Sie nach unten, um weitere zu sehen.</numerusform>
            <numerusform>Bisher %n Zeilen geladen; scrollen Sie nach unten, um weitere zu sehen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading more rows…</source>
        <translation>Weitere Zeilen werden gelesen…</translation>
    </message>
    <message>
        <source>Export the result</source>
        <translation>Ergebnis exportieren</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV-Datei (*.csv)</translation>
    </message>
    <message>
        <source>Save the query</source>
        <translation>Abfrage speichern</translation>
    </message>
    <message>
        <source>Name (values of criteria marked secret are not saved):</source>
        <translation>Name (Werte von als geheim markierten Kriterien werden nicht gespeichert):</translation>
    </message>
    <message>
        <source>Saved "%1". The command line runs it with: trongate-admin query run "%1"</source>
        <translation>„%1“ gespeichert. Auf der Befehlszeile führen Sie sie so aus: trongate-admin query run "%1"</translation>
    </message>
    <message>
        <source>Delete the saved query</source>
        <translation>Gespeicherte Abfrage löschen</translation>
    </message>
    <message>
        <source>Delete the saved query "%1"?</source>
        <translation>Die gespeicherte Abfrage „%1“ löschen?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
</context>
<context>
    <name>QueryCommands</name>
    <message>
        <source>list the ready-made queries and those saved in the query builder for this connection</source>
        <translation>die vorgefertigten und die im Abfrage-Editor für diese Verbindung gespeicherten Abfragen auflisten</translation>
    </message>
    <message>
        <source>Lists the query builder's ready-made queries and the ones saved for this connection in the window, with the parameters each takes.</source>
        <translation>Listet die vorgefertigten Abfragen des Abfrage-Editors und die im Fenster für diese Verbindung gespeicherten auf, jeweils mit ihren Parametern.</translation>
    </message>
    <message>
        <source>run a ready-made or saved query (read-only) and print its rows</source>
        <translation>eine vorgefertigte oder gespeicherte Abfrage ausführen (nur lesend) und ihre Zeilen ausgeben</translation>
    </message>
    <message>
        <source>Runs one SELECT made by the query builder, in a read-only transaction under the account's own rights. NAME is a query saved in the window for this connection, or a ready-made one by its id (the same in every language, see "query list") or its name. Values come from the saved query or from --set (values marked secret are never saved, so they must be given). Token strings are masked as in the window. With --json the rows are JSON objects; with --csv, RFC 4180 CSV.</source>
        <translation>Führt ein vom Abfrage-Editor erstelltes SELECT in einer schreibgeschützten Transaktion mit den eigenen Rechten des Kontos aus. NAME ist eine im Fenster für diese Verbindung gespeicherte Abfrage oder eine vorgefertigte, angegeben über ihre ID (in jeder Sprache gleich, siehe „query list“) oder ihren Namen. Die Werte stammen aus der gespeicherten Abfrage oder aus --set (als geheim markierte Werte werden nie gespeichert und müssen daher angegeben werden). Token-Zeichenketten werden wie im Fenster maskiert. Mit --json sind die Zeilen JSON-Objekte, mit --csv CSV nach RFC 4180.</translation>
    </message>
    <message>
        <source>Print the rows as CSV.</source>
        <translation>Die Zeilen als CSV ausgeben.</translation>
    </message>
    <message>
        <source>A parameter's value, by its :name (repeatable).</source>
        <translation>Der Wert eines Parameters, angegeben über seinen :name (wiederholbar).</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>gespeichert</translation>
    </message>
    <message>
        <source>Name or id</source>
        <translation>Name oder ID</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Choose one output: --json or --csv.</source>
        <translation>Wählen Sie eine Ausgabe: --json oder --csv.</translation>
    </message>
    <message>
        <source>--set needs PARAM=VALUE, not "%1".</source>
        <translation>--set erwartet PARAM=VALUE, nicht „%1“.</translation>
    </message>
    <message>
        <source>There is no query named "%1". "trongate-admin query list" shows them.</source>
        <translation>Es gibt keine Abfrage namens „%1“. „trongate-admin query list“ zeigt die verfügbaren Abfragen an.</translation>
    </message>
    <message>
        <source>The query needs a value for: %1 (give it with --set NAME=VALUE).</source>
        <translation>Die Abfrage benötigt einen Wert für: %1 (geben Sie ihn mit --set NAME=VALUE an).</translation>
    </message>
    <message>
        <source>The query has no parameter named: %1.</source>
        <translation>Die Abfrage hat keinen Parameter namens: %1.</translation>
    </message>
    <message>
        <source>The query failed: %1</source>
        <translation>Die Abfrage ist fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s).</source>
        <translation>
            <numerusform>%n Zeile.</numerusform>
            <numerusform>%n Zeilen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueryCursor</name>
    <message>
        <source>There is no query to run.</source>
        <translation>Es gibt keine Abfrage zum Ausführen.</translation>
    </message>
    <message>
        <source>The database could not be reached.</source>
        <translation>Die Datenbank konnte nicht erreicht werden.</translation>
    </message>
    <message>
        <source>The read-only transaction could not be started: %1</source>
        <translation>Die schreibgeschützte Transaktion konnte nicht gestartet werden: %1</translation>
    </message>
</context>
<context>
    <name>QueryResultModel</name>
    <message>
        <source>Masked as on the tokens page. Open the token there to reveal or copy it.</source>
        <translation>Maskiert wie auf der Tokens-Seite. Öffnen Sie das Token dort, um es anzuzeigen oder zu kopieren.</translation>
    </message>
</context>
<context>
    <name>RelationItem</name>
    <message>
        <source>Foreign key %1: %2.%3 → %4.%5</source>
        <translation>Fremdschlüssel %1: %2.%3 → %4.%5</translation>
    </message>
    <message>
        <source>Inferred from Trongate's conventions (no foreign key declared): %1.%2 → %3.%4</source>
        <translation>Aus Trongates Konventionen abgeleitet (kein Fremdschlüssel deklariert): %1.%2 → %3.%4</translation>
    </message>
    <message>
        <source>orphans unknown</source>
        <translation>verwaiste Zeilen unbekannt</translation>
    </message>
    <message numerus="yes">
        <source>%Ln orphan(s)</source>
        <translation>
            <numerusform>%Ln verwaist</numerusform>
            <numerusform>%Ln verwaist</numerusform>
        </translation>
    </message>
    <message>
        <source>LEFT JOIN ⇄</source>
        <translation>LEFT JOIN ⇄</translation>
    </message>
    <message>
        <source>INNER JOIN ⇄</source>
        <translation>INNER JOIN ⇄</translation>
    </message>
    <message>
        <source>Left join: keeps the rows without a match, with empty (NULL) columns. Click the label for an inner join.</source>
        <translation>LEFT JOIN: behält die Zeilen ohne Entsprechung, mit leeren (NULL-)Spalten. Klicken Sie auf die Beschriftung für einen INNER JOIN.</translation>
    </message>
    <message>
        <source>Inner join: only rows that have a match on both sides. Click the label for a left join, which keeps orphans.</source>
        <translation>INNER JOIN: nur Zeilen mit einer Entsprechung auf beiden Seiten. Klicken Sie auf die Beschriftung für einen LEFT JOIN, der verwaiste Zeilen behält.</translation>
    </message>
    <message>
        <source>checking orphans…</source>
        <translation>verwaiste Zeilen werden gesucht…</translation>
    </message>
</context>
<context>
    <name>RelationsPage</name>
    <message>
        <source>&amp;Fit</source>
        <translation>&amp;Einpassen</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Arrange</source>
        <translation>&amp;Anordnen</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>All tables</source>
        <translation>Alle Tabellen</translation>
    </message>
    <message>
        <source>Show every table of the database, not only Trongate's and those linked to trongate_users</source>
        <translation>Alle Tabellen der Datenbank anzeigen, nicht nur die von Trongate und die mit trongate_users verknüpften</translation>
    </message>
    <message>
        <source>Schema &amp;doctor…</source>
        <translation>Schema-&amp;Doktor…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Dr&amp;ucken…</translation>
    </message>
    <message>
        <source>Some details could not be read: %1</source>
        <translation>Einige Details konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Export the diagram</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg);;PNG image (*.png);;PDF document (*.pdf)</source>
        <translation>SVG-Zeichnung (*.svg);;PNG-Bild (*.png);;PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Exported the diagram to %1.</source>
        <translation>Diagramm nach %1 exportiert.</translation>
    </message>
    <message numerus="yes">
        <source>%1 tables, %2 relations (%3 declared as foreign keys, %4 inferred from Trongate's conventions, drawn dashed), %Ln orphan row(s). Click an orphan count to see those rows; double-click a table to open it.</source>
        <translation>
            <numerusform>%1 Tabellen, %2 Beziehungen (%3 als Fremdschlüssel deklariert, %4 aus Trongates Konventionen abgeleitet und gestrichelt gezeichnet), %Ln verwaiste Zeile. Klicken Sie auf eine Anzahl verwaister Zeilen, um diese Zeilen zu sehen; doppelklicken Sie auf eine Tabelle, um sie zu öffnen.</numerusform>
            <numerusform>%1 Tabellen, %2 Beziehungen (%3 als Fremdschlüssel deklariert, %4 aus Trongates Konventionen abgeleitet und gestrichelt gezeichnet), %Ln verwaiste Zeilen. Klicken Sie auf eine Anzahl verwaister Zeilen, um diese Zeilen zu sehen; doppelklicken Sie auf eine Tabelle, um sie zu öffnen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Lay the boxes out again automatically (Ctrl+Shift+A)</source>
        <translation>Die Kästen automatisch neu anordnen (Strg+Umschalt+A)</translation>
    </message>
    <message>
        <source>Read the tables and their links again (Ctrl+Shift+R)</source>
        <translation>Die Tabellen und ihre Verknüpfungen neu lesen (Strg+Umschalt+R)</translation>
    </message>
    <message>
        <source>Indexes, foreign keys and clean-ups that make the Trongate tables faster and safer (Ctrl+Shift+D)</source>
        <translation>Indizes, Fremdschlüssel und Bereinigungen, die die Trongate-Tabellen schneller und sicherer machen (Strg+Umschalt+D)</translation>
    </message>
    <message>
        <source>Reading the schema…</source>
        <translation>Das Schema wird gelesen…</translation>
    </message>
    <message>
        <source>the database could not be reached</source>
        <translation>die Datenbank war nicht erreichbar</translation>
    </message>
    <message>
        <source>The schema doctor is examining the tables…</source>
        <translation>Der Schema-Doktor untersucht die Tabellen…</translation>
    </message>
    <message>
        <source>Schema doctor</source>
        <translation>Schema-Doktor</translation>
    </message>
    <message>
        <source>The schema could not be read: %1</source>
        <translation>Das Schema konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 tables, %2 relations (%3 declared as foreign keys, %4 inferred from Trongate's conventions, drawn dashed); checking for orphan rows… Double-click a table to open it.</source>
        <translation>%1 Tabellen, %2 Beziehungen (%3 als Fremdschlüssel deklariert, %4 aus Trongates Konventionen abgeleitet und gestrichelt gezeichnet); verwaiste Zeilen werden gesucht… Doppelklicken Sie auf eine Tabelle, um sie zu öffnen.</translation>
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
        <source>%1.%2 is not part of Trongate's definition (%3); Trongate ignores it.</source>
        <translation>%1.%2 ist nicht Teil der Trongate-Definition (%3); Trongate ignoriert die Spalte.</translation>
    </message>
    <message>
        <source>%1.%2: %3: expected %4, found %5.</source>
        <translation>%1.%2: %3: erwartet %4, gefunden %5.</translation>
    </message>
</context>
<context>
    <name>SchemaDoctor</name>
    <message>
        <source>Delete %1 orphan row(s) of %2 (their %3 row is missing)</source>
        <translation>%1 verwaiste Zeile(n) von %2 löschen (ihre %3-Zeile fehlt)</translation>
    </message>
    <message>
        <source>Tokens whose user is gone still pass Trongate's any-level check until they expire. Deleting them logs those clients out.</source>
        <translation>Tokens, deren Benutzer nicht mehr existiert, bestehen Trongates Prüfung auf beliebige Stufe weiterhin, bis sie ablaufen. Durch das Löschen werden diese Clients abgemeldet.</translation>
    </message>
    <message>
        <source>Rows that point at a %1 row that no longer exists. Deleting them cannot be undone: export them first if in doubt.</source>
        <translation>Zeilen, die auf eine nicht mehr vorhandene %1-Zeile verweisen. Das Löschen kann nicht rückgängig gemacht werden: Exportieren Sie sie im Zweifel vorher.</translation>
    </message>
    <message>
        <source>Their tokens are deleted with them.</source>
        <translation>Ihre Tokens werden mit ihnen gelöscht.</translation>
    </message>
    <message>
        <source>Trongate looks up the token on every request it authenticates; without an index each request reads the whole table.</source>
        <translation>Trongate schlägt das Token bei jeder Anfrage nach, die es authentifiziert; ohne Index liest jede Anfrage die ganze Tabelle.</translation>
    </message>
    <message>
        <source>Purging expired tokens (delete_old_tokens) and the live expiry view search by expiry.</source>
        <translation>Das Bereinigen abgelaufener Tokens (delete_old_tokens) und die Ansicht „Ablauf live“ suchen nach Ablaufzeit.</translation>
    </message>
    <message>
        <source>Finding and revoking a user's tokens, and counting them per user.</source>
        <translation>Die Tokens eines Benutzers finden und widerrufen sowie sie pro Benutzer zählen.</translation>
    </message>
    <message>
        <source>Level checks join users by their level; the levels page counts users per level.</source>
        <translation>Stufenprüfungen verknüpfen Benutzer über ihre Stufe; die Stufenseite zählt die Benutzer pro Stufe.</translation>
    </message>
    <message>
        <source>Add an index on %1.%2</source>
        <translation>Index auf %1.%2 anlegen</translation>
    </message>
    <message>
        <source>An index changes no data and no behaviour of the PHP application; it costs some disk space and a little time on each insert.</source>
        <translation>Ein Index ändert weder Daten noch das Verhalten der PHP-Anwendung; er kostet etwas Speicherplatz und bei jedem Einfügen etwas Zeit.</translation>
    </message>
    <message>
        <source>Deleting a user then deletes their tokens too, and inserting a token for a user id that does not exist fails, including Trongate's default user_id of 0.</source>
        <translation>Das Löschen eines Benutzers löscht dann auch seine Tokens, und das Einfügen eines Tokens für eine nicht existierende Benutzer-ID schlägt fehl, auch mit Trongates Standard-user_id 0.</translation>
    </message>
    <message>
        <source>Deleting a level that users still have then fails, and creating a user with user_level_id 0 (Trongate's default) or any other missing level fails.</source>
        <translation>Das Löschen einer Stufe, die Benutzer noch haben, schlägt dann fehl, ebenso das Anlegen eines Benutzers mit user_level_id 0 (Trongates Standard) oder einer anderen fehlenden Stufe.</translation>
    </message>
    <message>
        <source>Declare %1.%2 as a foreign key to %3.id</source>
        <translation>%1.%2 als Fremdschlüssel auf %3.id deklarieren</translation>
    </message>
    <message>
        <source>Optional. The database then guarantees the relation Trongate only assumes. What changes for the PHP application: %1</source>
        <translation>Optional. Die Datenbank garantiert dann die Beziehung, die Trongate nur voraussetzt. Was sich für die PHP-Anwendung ändert: %1</translation>
    </message>
    <message>
        <source>SQLite cannot add a foreign key to an existing table.</source>
        <translation>SQLite kann einer bestehenden Tabelle keinen Fremdschlüssel hinzufügen.</translation>
    </message>
    <message>
        <source>%1 orphan row(s) must be cleaned up first.</source>
        <translation>%1 verwaiste Zeile(n) müssen zuerst bereinigt werden.</translation>
    </message>
</context>
<context>
    <name>SchemaDoctorDialog</name>
    <message>
        <source>Schema doctor</source>
        <translation>Schema-Doktor</translation>
    </message>
    <message>
        <source>Nothing to suggest: the Trongate tables have their indexes and no orphans.</source>
        <translation>Keine Vorschläge: Die Trongate-Tabellen haben ihre Indizes und keine verwaisten Zeilen.</translation>
    </message>
    <message>
        <source>Check what you want to apply. Nothing changes until you confirm the SQL.</source>
        <translation>Wählen Sie aus, was angewendet werden soll. Es ändert sich nichts, bevor Sie das SQL bestätigen.</translation>
    </message>
    <message>
        <source>%1 (not possible: %2)</source>
        <translation>%1 (nicht möglich: %2)</translation>
    </message>
    <message>
        <source>&amp;Apply checked…</source>
        <translation>Ausgewählte &amp;anwenden…</translation>
    </message>
    <message>
        <source>Check at least one suggestion.</source>
        <translation>Wählen Sie mindestens einen Vorschlag aus.</translation>
    </message>
    <message>
        <source>&lt;p&gt;These statements change &lt;b&gt;%1&lt;/b&gt;. Index and foreign key changes on MySQL/MariaDB are committed one by one; clean-ups run in a transaction.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Diese Anweisungen ändern &lt;b&gt;%1&lt;/b&gt;. Index- und Fremdschlüsseländerungen werden unter MySQL/MariaDB einzeln festgeschrieben; Bereinigungen laufen in einer Transaktion.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Anwenden</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Applied %1, failed %2:
%3</source>
        <translation>%1 angewendet, %2 fehlgeschlagen:
%3</translation>
    </message>
    <message numerus="yes">
        <source>Applied %n suggestion(s).</source>
        <translation>
            <numerusform>%n Vorschlag angewendet.</numerusform>
            <numerusform>%n Vorschläge angewendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Applying "%1"… On a large table this can take minutes.</source>
        <translation>„%1“ wird angewendet… Bei einer großen Tabelle kann das Minuten dauern.</translation>
    </message>
    <message>
        <source>the connection was lost; check the table before applying it again</source>
        <translation>die Verbindung ist abgebrochen; prüfen Sie die Tabelle, bevor Sie es erneut anwenden</translation>
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
        <source>The Trongate tables in %1 match Trongate's definitions.</source>
        <translation>Die Trongate-Tabellen in %1 entsprechen den Trongate-Definitionen.</translation>
    </message>
    <message>
        <source>Differences from Trongate's definitions in %1: %2. Nothing was changed.</source>
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
    <name>Sql</name>
    <message>
        <source>A table or column name contains a NUL character, which no database accepts in a name.</source>
        <translation>Ein Tabellen- oder Spaltenname enthält ein NUL-Zeichen, das keine Datenbank in einem Namen akzeptiert.</translation>
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
    <name>SqlTransaction</name>
    <message>
        <source>Another session or cluster node changed the same rows at the same moment, so the database refused this change as a whole: nothing was written. Look at the rows as they are now and try again.</source>
        <translation>Eine andere Sitzung oder ein anderer Cluster-Knoten hat im selben Moment dieselben Zeilen geändert, daher hat die Datenbank diese Änderung als Ganzes abgelehnt: Es wurde nichts geschrieben. Sehen Sie sich die Zeilen im jetzigen Zustand an und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>SshForwarder</name>
    <message>
        <source>A private folder for the SSH tunnel could not be created in %1.</source>
        <translation>In %1 konnte kein privater Ordner für den SSH-Tunnel angelegt werden.</translation>
    </message>
    <message>
        <source>A local socket for the SSH tunnel could not be opened: %1</source>
        <translation>Ein lokaler Socket für den SSH-Tunnel konnte nicht geöffnet werden: %1</translation>
    </message>
</context>
<context>
    <name>SshTunnel</name>
    <message>
        <source>A local socket for the SSH tunnel could not be created: %1</source>
        <translation>Ein lokaler Socket für den SSH-Tunnel konnte nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>Logged in to the SSH host %1, but it did not connect on to the database at %2 (%3). Check the database's host and port (or socket) as seen from the SSH host, that the database is running there, and that the SSH server allows forwarding (AllowTcpForwarding, AllowStreamLocalForwarding).</source>
        <translation>Die Anmeldung am SSH-Host %1 war erfolgreich, aber er konnte keine Weiterverbindung zur Datenbank unter %2 herstellen (%3). Prüfen Sie Host und Port (oder Socket) der Datenbank aus Sicht des SSH-Hosts, ob die Datenbank dort läuft und ob der SSH-Server Weiterleitungen erlaubt (AllowTcpForwarding, AllowStreamLocalForwarding).</translation>
    </message>
    <message>
        <source>The SSH connection to %1 was lost and could not be established again (%2).</source>
        <translation>Die SSH-Verbindung zu %1 wurde unterbrochen und konnte nicht wiederhergestellt werden (%2).</translation>
    </message>
    <message>
        <source>The SSH library could not start a session.</source>
        <translation>Die SSH-Bibliothek konnte keine Sitzung starten.</translation>
    </message>
    <message>
        <source>No SSH server answered at %1. Check the SSH host name and port, that the server is running, and that no firewall blocks the connection.</source>
        <translation>Unter %1 hat kein SSH-Server geantwortet. Prüfen Sie Hostnamen und Port des SSH-Hosts, ob der Server läuft und ob keine Firewall die Verbindung blockiert.</translation>
    </message>
    <message>
        <source>WARNING: the SSH host %1 presented a different key (%2 %3) from the one saved for it in %4. Someone may be intercepting the connection (a man-in-the-middle attack), or the server was reinstalled or its key replaced. The connection was refused and nothing was sent. Ask the server's administrator for its key's fingerprint; only if it matches, remove the old entry (ssh-keygen -R %5) and connect again.</source>
        <translation>WARNUNG: Der SSH-Host %1 hat einen anderen Schlüssel (%2 %3) vorgelegt als den, der für ihn in %4 gespeichert ist. Möglicherweise fängt jemand die Verbindung ab (ein Man-in-the-Middle-Angriff), oder der Server wurde neu installiert oder sein Schlüssel ersetzt. Die Verbindung wurde abgelehnt und es wurde nichts gesendet. Fragen Sie den Administrator des Servers nach dem Fingerabdruck seines Schlüssels; nur wenn er übereinstimmt, entfernen Sie den alten Eintrag (ssh-keygen -R %5) und verbinden Sie sich erneut.</translation>
    </message>
    <message>
        <source>WARNING: the SSH host %1 answered with a different key (%2 %3) from the one this connection used before it dropped. Someone may be intercepting the connection (a man-in-the-middle attack), or the server's key was replaced. The connection was refused and nothing was sent.</source>
        <translation>WARNUNG: Der SSH-Host %1 hat mit einem anderen Schlüssel (%2 %3) geantwortet als dem, den diese Verbindung vor ihrer Unterbrechung verwendet hat. Möglicherweise fängt jemand die Verbindung ab (ein Man-in-the-Middle-Angriff), oder der Schlüssel des Servers wurde ersetzt. Die Verbindung wurde abgelehnt und es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>The SSH host %1 is not known yet: its %2 key has the fingerprint %3. It was not trusted, so nothing was sent. Compare the fingerprint with the one the server's administrator gives you (ssh-keygen -lf /etc/ssh/ssh_host_%4_key.pub on the server) before you trust it.</source>
        <translation>Der SSH-Host %1 ist noch nicht bekannt: Sein %2-Schlüssel hat den Fingerabdruck %3. Ihm wurde nicht vertraut, daher wurde nichts gesendet. Vergleichen Sie den Fingerabdruck mit dem, den Ihnen der Administrator des Servers nennt (ssh-keygen -lf /etc/ssh/ssh_host_%4_key.pub auf dem Server), bevor Sie ihm vertrauen.</translation>
    </message>
    <message>
        <source>The SSH host's key could not be saved in %1 (%2). Check that the folder can be written to.</source>
        <translation>Der Schlüssel des SSH-Hosts konnte nicht in %1 gespeichert werden (%2). Prüfen Sie, ob der Ordner beschreibbar ist.</translation>
    </message>
    <message>
        <source>The known hosts file %1 could not be read (%2).</source>
        <translation>Die known_hosts-Datei %1 konnte nicht gelesen werden (%2).</translation>
    </message>
    <message>
        <source>Add your key to the SSH agent (ssh-add), name it with IdentityFile in ~/.ssh/config, or choose a key file or a password for this connection.</source>
        <translation>Fügen Sie Ihren Schlüssel dem SSH-Agenten hinzu (ssh-add), geben Sie ihn mit IdentityFile in ~/.ssh/config an oder wählen Sie eine Schlüsseldatei oder ein Passwort für diese Verbindung.</translation>
    </message>
    <message>
        <source>The SSH key %1 could not be opened: the passphrase is wrong or missing, or the file is not a private key. Enter the key's passphrase, or choose another key.</source>
        <translation>Der SSH-Schlüssel %1 konnte nicht geöffnet werden: Die Passphrase ist falsch oder fehlt, oder die Datei ist kein privater Schlüssel. Geben Sie die Passphrase des Schlüssels ein oder wählen Sie einen anderen Schlüssel.</translation>
    </message>
    <message>
        <source>Check that the key's public half is in ~/.ssh/authorized_keys of user "%1" on the SSH host.</source>
        <translation>Prüfen Sie, ob der öffentliche Teil des Schlüssels in ~/.ssh/authorized_keys des Benutzers „%1“ auf dem SSH-Host steht.</translation>
    </message>
    <message>
        <source>Check the SSH password, and that the server allows password logins.</source>
        <translation>Prüfen Sie das SSH-Passwort und ob der Server Anmeldungen per Passwort erlaubt.</translation>
    </message>
    <message>
        <source>The SSH host %1 closed the connection during the login.</source>
        <translation>Der SSH-Host %1 hat die Verbindung während der Anmeldung geschlossen.</translation>
    </message>
    <message>
        <source>The SSH host %1 refused the login of user "%2". %3</source>
        <translation>Der SSH-Host %1 hat die Anmeldung des Benutzers „%2“ abgelehnt. %3</translation>
    </message>
</context>
<context>
    <name>TableItem</name>
    <message>
        <source>none besides the row id</source>
        <translation>keine außer der Zeilen-ID</translation>
    </message>
    <message>
        <source>rows unknown</source>
        <translation>Zeilenzahl unbekannt</translation>
    </message>
    <message>
        <source>Indexes:</source>
        <translation>Indizes:</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln Zeile</numerusform>
            <numerusform>%Ln Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: drag to move, double-click to open its grid, tick a column to add it to the query</source>
        <translation>%1: Ziehen zum Verschieben, Doppelklick zum Öffnen der Tabelle, Spalte ankreuzen, um sie der Abfrage hinzuzufügen</translation>
    </message>
    <message>
        <source>The row count is the database's own estimate until the exact count arrives.</source>
        <translation>Die Zeilenzahl ist die Schätzung der Datenbank, bis die genaue Anzahl eintrifft.</translation>
    </message>
    <message>
        <source>counting rows…</source>
        <translation>Zeilen werden gezählt…</translation>
    </message>
    <message numerus="yes">
        <source>about %Ln row(s)</source>
        <translation>
            <numerusform>etwa %Ln Zeile</numerusform>
            <numerusform>etwa %Ln Zeilen</numerusform>
        </translation>
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
    <message>
        <source>about %1</source>
        <translation>etwa %1</translation>
    </message>
    <message>
        <source>counting…</source>
        <translation>wird gezählt…</translation>
    </message>
    <message>
        <source>The database's own estimate until the exact count arrives.</source>
        <translation>Die eigene Schätzung der Datenbank, bis die genaue Anzahl eintrifft.</translation>
    </message>
    <message>
        <source>Being counted; the number follows.</source>
        <translation>Wird gezählt; die Zahl folgt.</translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <source>Expiry timeline</source>
        <translation>Ablauf-Zeitleiste</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message numerus="yes">
        <source>%Ln expired token(s), waiting for Trongate's purge</source>
        <translation>
            <numerusform>%Ln abgelaufenes Token, wartet auf Trongates Bereinigung</numerusform>
            <numerusform>%Ln abgelaufene Tokens, warten auf Trongates Bereinigung</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln token(s) expire</source>
        <translation>
            <numerusform>%1: %Ln Token läuft ab</numerusform>
            <numerusform>%1: %Ln Tokens laufen ab</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TlsProbe</name>
    <message>
        <source>TLS is not used on a Unix socket: the connection to %1 stays on this computer. Clear "Require TLS" for this connection, or connect by host and port to use TLS.</source>
        <translation>TLS wird über einen Unix-Socket nicht verwendet: Die Verbindung zu %1 bleibt auf diesem Computer. Deaktivieren Sie „TLS erzwingen“ für diese Verbindung oder verbinden Sie sich über Host und Port, um TLS zu verwenden.</translation>
    </message>
    <message>
        <source>The host name "%1" could not be found. Check its spelling and the network connection.</source>
        <translation>Der Hostname „%1“ wurde nicht gefunden. Prüfen Sie die Schreibweise und die Netzwerkverbindung.</translation>
    </message>
    <message>
        <source>No database server answered at %1. Check the host and port, that the server is running, and that no firewall blocks the connection.</source>
        <translation>Unter %1 hat kein Datenbankserver geantwortet. Prüfen Sie Host und Port, ob der Server läuft und ob eine Firewall die Verbindung blockiert.</translation>
    </message>
    <message>
        <source>Something answered at %1, but not as a MySQL or MariaDB server does. Check the port; the password was not sent.</source>
        <translation>Unter %1 hat etwas geantwortet, aber nicht so wie ein MySQL- oder MariaDB-Server. Prüfen Sie den Port; das Passwort wurde nicht gesendet.</translation>
    </message>
    <message>
        <source>The server at %1 does not offer TLS, but this connection requires it: refused; the password was not sent. Enable TLS on the server (ssl_cert and ssl_key), or connect through a trusted network.</source>
        <translation>Der Server unter %1 bietet kein TLS an, diese Verbindung erfordert es jedoch: abgelehnt; das Passwort wurde nicht gesendet. Aktivieren Sie TLS auf dem Server (ssl_cert und ssl_key) oder verbinden Sie sich über ein vertrauenswürdiges Netzwerk.</translation>
    </message>
    <message>
        <source>TLS could not be set up on this computer (OpenSSL failed); the password was not sent.</source>
        <translation>TLS konnte auf diesem Computer nicht eingerichtet werden (OpenSSL ist fehlgeschlagen); das Passwort wurde nicht gesendet.</translation>
    </message>
    <message>
        <source>The CA file %1 holds no certificate that can be read. Choose the PEM file of the certificate authority that signed the server's certificate.</source>
        <translation>Die CA-Datei %1 enthält kein lesbares Zertifikat. Wählen Sie die PEM-Datei der Zertifizierungsstelle aus, die das Zertifikat des Servers signiert hat.</translation>
    </message>
    <message>
        <source>This computer's certificate store could not be read; choose the CA file for this server. The password was not sent.</source>
        <translation>Der Zertifikatspeicher dieses Computers konnte nicht gelesen werden; wählen Sie die CA-Datei für diesen Server aus. Das Passwort wurde nicht gesendet.</translation>
    </message>
    <message>
        <source>The TLS handshake with the server at %1 failed: refused; the password was not sent. Check the server's TLS settings (ssl_cert, ssl_key) and its log.</source>
        <translation>Der TLS-Handshake mit dem Server unter %1 ist fehlgeschlagen: abgelehnt; das Passwort wurde nicht gesendet. Prüfen Sie die TLS-Einstellungen des Servers (ssl_cert, ssl_key) und sein Protokoll.</translation>
    </message>
    <message>
        <source>The server at %1 presented no certificate: refused; the password was not sent.</source>
        <translation>Der Server unter %1 hat kein Zertifikat vorgelegt: abgelehnt; das Passwort wurde nicht gesendet.</translation>
    </message>
    <message>
        <source>it has expired</source>
        <translation>es ist abgelaufen</translation>
    </message>
    <message>
        <source>it is not valid yet</source>
        <translation>es ist noch nicht gültig</translation>
    </message>
    <message>
        <source>it is not signed by the certificate authority in %1</source>
        <translation>es ist nicht von der Zertifizierungsstelle in %1 signiert</translation>
    </message>
    <message>
        <source>it is not signed by any certificate authority this computer trusts; choose the CA file that signed it</source>
        <translation>es ist von keiner Zertifizierungsstelle signiert, der dieser Computer vertraut; wählen Sie die CA-Datei aus, die es signiert hat</translation>
    </message>
    <message>
        <source>OpenSSL reports "%1"</source>
        <translation>OpenSSL meldet „%1“</translation>
    </message>
    <message>
        <source>The certificate of the server at %1 is not trusted: %2. Refused; the password was not sent.</source>
        <translation>Dem Zertifikat des Servers unter %1 wird nicht vertraut: %2. Abgelehnt; das Passwort wurde nicht gesendet.</translation>
    </message>
    <message>
        <source>no host name</source>
        <translation>kein Hostname</translation>
    </message>
    <message>
        <source>The certificate of the server at %1 is for %2, not %3: refused; the password was not sent. Connect with a name the certificate lists, or have a certificate issued for %3.</source>
        <translation>Das Zertifikat des Servers unter %1 gilt für %2, nicht für %3: abgelehnt; das Passwort wurde nicht gesendet. Verbinden Sie sich über einen Namen, den das Zertifikat aufführt, oder lassen Sie ein Zertifikat für %3 ausstellen.</translation>
    </message>
    <message>
        <source>The server at %1 accepted the connection but sent no greeting within the timeout (%2 s). Check that a MySQL or MariaDB server listens on this port; the password was not sent.</source>
        <translation>Der Server unter %1 hat die Verbindung angenommen, aber innerhalb der Zeitgrenze (%2 s) keine Begrüßung gesendet. Prüfen Sie, ob auf diesem Port ein MySQL- oder MariaDB-Server lauscht; das Passwort wurde nicht gesendet.</translation>
    </message>
    <message>
        <source>The database driver did not start its login through the verified connection; the password was not sent.</source>
        <translation>Der Datenbanktreiber hat seine Anmeldung nicht über die geprüfte Verbindung begonnen; das Passwort wurde nicht gesendet.</translation>
    </message>
    <message>
        <source>The client certificate %1 or its key %2 cannot be used (unreadable, protected by a passphrase, or not a matching pair). Choose the PEM files of this computer's certificate and its key.</source>
        <translation>Das Client-Zertifikat %1 oder sein Schlüssel %2 kann nicht verwendet werden (nicht lesbar, durch eine Passphrase geschützt oder kein zusammengehörendes Paar). Wählen Sie die PEM-Dateien des Zertifikats dieses Computers und seines Schlüssels.</translation>
    </message>
</context>
<context>
    <name>TokenActions</name>
    <message>
        <source>Revoke tokens</source>
        <translation>Tokens widerrufen</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Revoke every token of every user with the level "%1"?</source>
        <translation>Alle Tokens aller Benutzer mit der Stufe „%1“ widerrufen?</translation>
    </message>
    <message>
        <source>Extend tokens</source>
        <translation>Tokens verlängern</translation>
    </message>
    <message>
        <source>Extend</source>
        <translation>Verlängern</translation>
    </message>
    <message>
        <source>Regenerate tokens</source>
        <translation>Tokens neu erzeugen</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Neu erzeugen</translation>
    </message>
    <message>
        <source>Purge expired tokens</source>
        <translation>Abgelaufene Tokens bereinigen</translation>
    </message>
    <message>
        <source>Delete every token whose expiry_date is before now, as Trongate's delete_old_tokens does? Tokens expiring this very second and tokens without expiry are kept.</source>
        <translation>Alle Tokens löschen, deren expiry_date vor dem jetzigen Zeitpunkt liegt, wie es Trongates delete_old_tokens tut? Tokens, die genau in dieser Sekunde ablaufen, und Tokens ohne Ablaufzeit bleiben erhalten.</translation>
    </message>
    <message>
        <source>Purge</source>
        <translation>Bereinigen</translation>
    </message>
    <message numerus="yes">
        <source>Revoked %Ln token(s) of level "%1".</source>
        <translation>
            <numerusform>%Ln Token der Stufe „%1“ widerrufen.</numerusform>
            <numerusform>%Ln Tokens der Stufe „%1“ widerrufen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Give %n token(s) the new expiry %1?</source>
        <translation>
            <numerusform>Ablaufzeit von %n Token auf %1 setzen?</numerusform>
            <numerusform>Ablaufzeit von %n Tokens auf %1 setzen?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Extended %Ln token(s) to %1.</source>
        <translation>
            <numerusform>%Ln Token bis %1 verlängert.</numerusform>
            <numerusform>%Ln Tokens bis %1 verlängert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Give %n token(s) a new token string and a new expiry, as Trongate's regenerate_token does? Clients holding the old strings are logged out.</source>
        <translation>
            <numerusform>%n Token eine neue Token-Zeichenkette und eine neue Ablaufzeit geben, wie es Trongates regenerate_token tut? Clients mit der alten Zeichenkette werden abgemeldet.</numerusform>
            <numerusform>%n Tokens eine neue Token-Zeichenkette und eine neue Ablaufzeit geben, wie es Trongates regenerate_token tut? Clients mit den alten Zeichenketten werden abgemeldet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Regenerated %n token(s).</source>
        <translation>
            <numerusform>%n Token neu erzeugt.</numerusform>
            <numerusform>%n Tokens neu erzeugt.</numerusform>
        </translation>
    </message>
    <message>
        <source>The database server's clock differs from this computer's by %1; "now" is the server's time, as it is for Trongate.</source>
        <translation>Die Uhr des Datenbankservers weicht um %1 von der dieses Computers ab; „jetzt“ ist die Zeit des Servers, so wie für Trongate.</translation>
    </message>
    <message numerus="yes">
        <source>Purged %Ln expired token(s).</source>
        <translation>
            <numerusform>%Ln abgelaufenes Token bereinigt.</numerusform>
            <numerusform>%Ln abgelaufene Tokens bereinigt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Issued %n token(s).</source>
        <translation>
            <numerusform>%n Token ausgestellt.</numerusform>
            <numerusform>%n Tokens ausgestellt.</numerusform>
        </translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>Benutzer %1</translation>
    </message>
    <message>
        <source>%1 (user %2)</source>
        <translation>%1 (Benutzer %2)</translation>
    </message>
    <message>
        <source>%1 has no tokens to revoke.</source>
        <translation>%1 hat keine Tokens, die widerrufen werden könnten.</translation>
    </message>
    <message numerus="yes">
        <source>Revoke %n token(s) of %1? Clients using them are logged out at their next request.</source>
        <translation>
            <numerusform>%n Token von %1 widerrufen? Clients, die es verwenden, werden bei ihrer nächsten Anfrage abgemeldet.</numerusform>
            <numerusform>%n Tokens von %1 widerrufen? Clients, die sie verwenden, werden bei ihrer nächsten Anfrage abgemeldet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Revoke every token of %1?</source>
        <translation>Jedes Token von %1 widerrufen?</translation>
    </message>
    <message numerus="yes">
        <source>Revoked %Ln token(s) of %1.</source>
        <translation>
            <numerusform>%Ln Token von %1 widerrufen.</numerusform>
            <numerusform>%Ln Tokens von %1 widerrufen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The change was made, but the activity log could not be written: %1</source>
        <translation>Die Änderung wurde vorgenommen, aber das Aktivitätsprotokoll konnte nicht geschrieben werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Revoke (delete) %n token(s) of %1? Clients using them are logged out at their next request.</source>
        <translation>
            <numerusform>%n Token von %1 widerrufen (löschen)? Clients, die es verwenden, werden bei ihrer nächsten Anfrage abgemeldet.</numerusform>
            <numerusform>%n Tokens von %1 widerrufen (löschen)? Clients, die sie verwenden, werden bei ihrer nächsten Anfrage abgemeldet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoke (delete) %n token(s)? Clients using them are logged out at their next request.</source>
        <translation>
            <numerusform>%n Token widerrufen (löschen)? Clients, die es verwenden, werden bei ihrer nächsten Anfrage abgemeldet.</numerusform>
            <numerusform>%n Tokens widerrufen (löschen)? Clients, die sie verwenden, werden bei ihrer nächsten Anfrage abgemeldet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoked %Ln token(s).</source>
        <translation>
            <numerusform>%Ln Token widerrufen.</numerusform>
            <numerusform>%Ln Tokens widerrufen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The connection was lost while regenerating.</source>
        <translation>Die Verbindung ist beim Neuerzeugen abgebrochen.</translation>
    </message>
</context>
<context>
    <name>TokenCommands</name>
    <message>
        <source>Do not ask for confirmation (needed when stdin is not a terminal).</source>
        <translation>Nicht nach einer Bestätigung fragen (erforderlich, wenn stdin kein Terminal ist).</translation>
    </message>
    <message>
        <source>Lifespan: seconds, or 90s, 15m, 1h, 7d (default 86400, Trongate's).</source>
        <translation>Lebensdauer: Sekunden oder 90s, 15m, 1h, 7d (Standard 86400, wie bei Trongate).</translation>
    </message>
    <message>
        <source>Expiry time in ISO 8601, e.g. 2030-12-31T23:00:00Z; local time without a zone.</source>
        <translation>Ablaufzeit in ISO 8601, z. B. 2030-12-31T23:00:00Z; ohne Zeitzone als Ortszeit.</translation>
    </message>
    <message>
        <source>Print whole tokens instead of their first six characters.</source>
        <translation>Vollständige Tokens statt ihrer ersten sechs Zeichen ausgeben.</translation>
    </message>
    <message>
        <source>issue new tokens and print them (the only time they are shown whole)</source>
        <translation>neue Tokens ausstellen und ausgeben (nur dieses eine Mal werden sie vollständig angezeigt)</translation>
    </message>
    <message>
        <source>Inserts rows into trongate_tokens as Trongate's generate_token does, in one transaction, and prints the new tokens. Every user must have a trongate_users row.</source>
        <translation>Fügt in einer Transaktion Zeilen in trongate_tokens ein, wie es Trongates generate_token tut, und gibt die neuen Tokens aus. Jeder Benutzer muss eine Zeile in trongate_users haben.</translation>
    </message>
    <message>
        <source>The user (repeat or separate with commas for several).</source>
        <translation>Der Benutzer (für mehrere wiederholen oder durch Kommas trennen).</translation>
    </message>
    <message>
        <source>The code column, at most 3 characters (default "0").</source>
        <translation>Die Spalte code, höchstens 3 Zeichen (Standard „0“).</translation>
    </message>
    <message>
        <source>Tokens per user, 1 to 100000 (default 1).</source>
        <translation>Tokens pro Benutzer, 1 bis 100000 (Standard 1).</translation>
    </message>
    <message>
        <source>list tokens, masked unless --reveal</source>
        <translation>Tokens auflisten, maskiert außer mit --reveal</translation>
    </message>
    <message>
        <source>Lists trongate_tokens with their users' levels and expiries. valid: expiry after now; expired: not valid (expiry in the past, now, or missing).</source>
        <translation>Listet trongate_tokens mit den Stufen ihrer Benutzer und ihren Ablaufzeiten auf. valid: Ablauf nach dem jetzigen Zeitpunkt; expired: nicht gültig (Ablauf in der Vergangenheit, jetzt oder fehlend).</translation>
    </message>
    <message>
        <source>Only this user's tokens.</source>
        <translation>Nur die Tokens dieses Benutzers.</translation>
    </message>
    <message>
        <source>Only tokens of users at this level.</source>
        <translation>Nur Tokens von Benutzern dieser Stufe.</translation>
    </message>
    <message>
        <source>valid, expired or all (default all).</source>
        <translation>valid, expired oder all (Standard all).</translation>
    </message>
    <message>
        <source>At most N rows (default 100, 0 for all).</source>
        <translation>Höchstens N Zeilen (Standard 100, 0 für alle).</translation>
    </message>
    <message>
        <source>delete tokens: read from stdin, or all of a user, of a level, or by row id</source>
        <translation>Tokens löschen: von stdin gelesene oder alle eines Benutzers, einer Stufe oder nach Zeilen-ID</translation>
    </message>
    <message>
        <source>Deletes tokens in one transaction. Without --user, --level or --id the tokens are read from stdin, one per line, and matched as the database compares them (MariaDB ignores letter case).</source>
        <translation>Löscht Tokens in einer Transaktion. Ohne --user, --level oder --id werden die Tokens von stdin gelesen, eines pro Zeile, und so abgeglichen, wie die Datenbank sie vergleicht (MariaDB ignoriert die Groß-/Kleinschreibung).</translation>
    </message>
    <message>
        <source>Every token of this user.</source>
        <translation>Alle Tokens dieses Benutzers.</translation>
    </message>
    <message>
        <source>Every token of every user at this level.</source>
        <translation>Alle Tokens aller Benutzer dieser Stufe.</translation>
    </message>
    <message>
        <source>Tokens by row id (repeat or separate with commas).</source>
        <translation>Tokens nach Zeilen-ID (wiederholen oder durch Kommas trennen).</translation>
    </message>
    <message>
        <source>delete expired tokens exactly as Trongate's delete_old_tokens does</source>
        <translation>abgelaufene Tokens genau so löschen wie Trongates delete_old_tokens</translation>
    </message>
    <message>
        <source>Deletes the tokens whose expiry_date is before now. A token expiring exactly now and one without an expiry are kept, as Trongate keeps them.</source>
        <translation>Löscht die Tokens, deren expiry_date vor dem jetzigen Zeitpunkt liegt. Ein Token, das genau jetzt abläuft, und eines ohne Ablaufzeit bleiben erhalten, so wie Trongate sie behält.</translation>
    </message>
    <message>
        <source>give a token a new string and expiry, keeping its row id and code</source>
        <translation>einem Token eine neue Zeichenkette und Ablaufzeit geben; Zeilen-ID und Code bleiben erhalten</translation>
    </message>
    <message>
        <source>Trongate's regenerate_token: the row keeps its id and code and gets a new 32-character token and a new expiry. The old token stops working. The new token is printed whole only with --reveal.</source>
        <translation>Trongates regenerate_token: Die Zeile behält ihre id und ihren code und erhält ein neues 32-stelliges Token und eine neue Ablaufzeit. Das alte Token funktioniert nicht mehr. Das neue Token wird nur mit --reveal vollständig ausgegeben.</translation>
    </message>
    <message>
        <source>The token's row id.</source>
        <translation>Die Zeilen-ID des Tokens.</translation>
    </message>
    <message>
        <source>set a new expiry on tokens, keeping their strings</source>
        <translation>Tokens eine neue Ablaufzeit geben; ihre Zeichenketten bleiben erhalten</translation>
    </message>
    <message>
        <source>Sets expiry_date of the given tokens to now plus the lifespan, or to the given time.</source>
        <translation>Setzt expiry_date der angegebenen Tokens auf jetzt plus die Lebensdauer oder auf den angegebenen Zeitpunkt.</translation>
    </message>
    <message>
        <source>Row ids (repeat or separate with commas).</source>
        <translation>Zeilen-IDs (wiederholen oder durch Kommas trennen).</translation>
    </message>
    <message>
        <source>tell what Trongate would do with a token read from stdin</source>
        <translation>anzeigen, was Trongate mit einem von stdin gelesenen Token tun würde</translation>
    </message>
    <message>
        <source>Looks the token up as Trongate does: its row, user and level, its expiry, whether Trongate's any-level check accepts it and for which levels the single-level check passes.</source>
        <translation>Schlägt das Token so nach wie Trongate: seine Zeile, seinen Benutzer und seine Stufe, seine Ablaufzeit, ob Trongates Prüfung auf beliebige Stufe es akzeptiert und für welche Stufen die Prüfung auf eine einzelne Stufe besteht.</translation>
    </message>
    <message>
        <source>print random strings in Trongate's alphabet (no database needed)</source>
        <translation>Zufallszeichenketten im Trongate-Alphabet ausgeben (keine Datenbank nötig)</translation>
    </message>
    <message>
        <source>Prints strings made the way Trongate's make_rand_str makes them, from the operating system's cryptographic random source.</source>
        <translation>Gibt Zeichenketten aus, die so erzeugt werden wie mit Trongates make_rand_str, aus der kryptografischen Zufallsquelle des Betriebssystems.</translation>
    </message>
    <message>
        <source>How many, 1 to 100000 (default 1).</source>
        <translation>Anzahl, 1 bis 100000 (Standard 1).</translation>
    </message>
    <message>
        <source>Characters each, 16 to 125 (default 32).</source>
        <translation>Zeichen pro Zeichenkette, 16 bis 125 (Standard 32).</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>USER</source>
        <translation>BENUTZER</translation>
    </message>
    <message>
        <source>EXPIRES</source>
        <translation>ABLAUF</translation>
    </message>
    <message>
        <source>CODE</source>
        <translation>CODE</translation>
    </message>
    <message>
        <source>TOKEN</source>
        <translation>TOKEN</translation>
    </message>
    <message>
        <source>Say whose tokens to issue: --user ID (several: --user 1,2,3).</source>
        <translation>Geben Sie an, für wen Tokens ausgestellt werden sollen: --user ID (mehrere: --user 1,2,3).</translation>
    </message>
    <message>
        <source>user id</source>
        <translation>Benutzer-ID</translation>
    </message>
    <message>
        <source>--count</source>
        <translation>--count</translation>
    </message>
    <message>
        <source>level id</source>
        <translation>Stufen-ID</translation>
    </message>
    <message>
        <source>--status must be valid, expired or all; "%1" is none of them.</source>
        <translation>--status muss valid, expired oder all sein; „%1“ ist nichts davon.</translation>
    </message>
    <message>
        <source>--limit</source>
        <translation>--limit</translation>
    </message>
    <message>
        <source>(no user row)</source>
        <translation>(keine Benutzerzeile)</translation>
    </message>
    <message>
        <source>no expiry</source>
        <translation>kein Ablauf</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>gültig</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>LEVEL</source>
        <translation>STUFE</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>Showing the first %1 tokens; pass --limit N for more, or --limit 0 for all.</source>
        <translation>Die ersten %1 Tokens werden angezeigt; mit --limit N sehen Sie mehr, mit --limit 0 alle.</translation>
    </message>
    <message>
        <source>Give one of --user, --level or --id (or none, to read tokens from stdin).</source>
        <translation>Geben Sie eine der Optionen --user, --level oder --id an (oder keine, um Tokens von stdin zu lesen).</translation>
    </message>
    <message>
        <source>Paste the token to revoke and press Enter:</source>
        <translation>Fügen Sie das zu widerrufende Token ein und drücken Sie die Eingabetaste:</translation>
    </message>
    <message>
        <source>No token was given: stdin was empty. Pipe the token in, e.g. "printf '%s' \"$TOKEN\" | trongate-admin ... tokens revoke --yes".</source>
        <translation>Es wurde kein Token angegeben: stdin war leer. Leiten Sie das Token per Pipe weiter, z. B. „printf '%s' \"$TOKEN\" | trongate-admin ... tokens revoke --yes“.</translation>
    </message>
    <message>
        <source>Revoke the token %1?</source>
        <translation>Das Token %1 widerrufen?</translation>
    </message>
    <message>
        <source>Revoke these %1 tokens?</source>
        <translation>Diese %1 Tokens widerrufen?</translation>
    </message>
    <message>
        <source>No token matched, so nothing was deleted. Check the token with "tokens inspect".</source>
        <translation>Kein Token hat übereingestimmt, daher wurde nichts gelöscht. Prüfen Sie das Token mit „tokens inspect“.</translation>
    </message>
    <message>
        <source>token id</source>
        <translation>Token-ID</translation>
    </message>
    <message>
        <source>No token has the given id, so nothing was deleted.</source>
        <translation>Kein Token hat die angegebene ID, daher wurde nichts gelöscht.</translation>
    </message>
    <message>
        <source>Revoke every token of user %1?</source>
        <translation>Alle Tokens von Benutzer %1 widerrufen?</translation>
    </message>
    <message>
        <source>Revoke every token of every user at level %1?</source>
        <translation>Alle Tokens aller Benutzer mit Stufe %1 widerrufen?</translation>
    </message>
    <message>
        <source>Delete every token that expired before now (%1)?</source>
        <translation>Alle Tokens löschen, die vor dem jetzigen Zeitpunkt (%1) abgelaufen sind?</translation>
    </message>
    <message>
        <source>Say which token to regenerate: --id ID (see "tokens list").</source>
        <translation>Geben Sie an, welches Token neu erzeugt werden soll: --id ID (siehe „tokens list“).</translation>
    </message>
    <message>
        <source>Regenerate token %1? Whoever holds the old token is signed out.</source>
        <translation>Token %1 neu erzeugen? Wer das alte Token besitzt, wird abgemeldet.</translation>
    </message>
    <message>
        <source>The new token is masked; pass --reveal to print it whole.</source>
        <translation>Das neue Token ist maskiert; geben Sie --reveal an, um es vollständig auszugeben.</translation>
    </message>
    <message>
        <source>Say which tokens to extend: --id ID (see "tokens list").</source>
        <translation>Geben Sie an, welche Tokens verlängert werden sollen: --id ID (siehe „tokens list“).</translation>
    </message>
    <message>
        <source>Say how long the tokens should last: --ttl DURATION (e.g. 7d) or --expires TIME.</source>
        <translation>Geben Sie an, wie lange die Tokens gelten sollen: --ttl DURATION (z. B. 7d) oder --expires TIME.</translation>
    </message>
    <message>
        <source>Paste the token to inspect and press Enter:</source>
        <translation>Fügen Sie das zu prüfende Token ein und drücken Sie die Eingabetaste:</translation>
    </message>
    <message>
        <source>Token:     %1 (%2 characters)</source>
        <translation>Token:      %1 (%2 Zeichen)</translation>
    </message>
    <message>
        <source>Found:     no</source>
        <translation>Gefunden:   nein</translation>
    </message>
    <message>
        <source>Row:       id %1, code "%2"</source>
        <translation>Zeile:      ID %1, Code „%2“</translation>
    </message>
    <message>
        <source>User:      %1 (no trongate_users row: an orphan token)</source>
        <translation>Benutzer:   %1 (keine trongate_users-Zeile: ein verwaistes Token)</translation>
    </message>
    <message>
        <source>User:      %1, level %2 (no trongate_user_levels row)</source>
        <translation>Benutzer:   %1, Stufe %2 (keine trongate_user_levels-Zeile)</translation>
    </message>
    <message>
        <source>User:      %1, level %2 "%3"</source>
        <translation>Benutzer:   %1, Stufe %2 „%3“</translation>
    </message>
    <message>
        <source>Expires:   %1</source>
        <translation>Ablauf:     %1</translation>
    </message>
    <message>
        <source>           No expiry: Trongate never accepts it and never purges it.</source>
        <translation>            Kein Ablauf: Trongate akzeptiert es nie und bereinigt es nie.</translation>
    </message>
    <message>
        <source>           Expires this very second: no longer valid, not yet purged.</source>
        <translation>            Läuft genau in dieser Sekunde ab: nicht mehr gültig, noch nicht bereinigt.</translation>
    </message>
    <message>
        <source>           Expired: Trongate's next purge deletes it.</source>
        <translation>            Abgelaufen: Trongates nächste Bereinigung löscht es.</translation>
    </message>
    <message>
        <source>Any level: %1</source>
        <translation>Jede Stufe: %1</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>akzeptiert</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>Levels:    %1</source>
        <translation>Stufen:     %1</translation>
    </message>
    <message>
        <source>the single-level check passes for no level</source>
        <translation>die Prüfung auf eine einzelne Stufe besteht für keine Stufe</translation>
    </message>
    <message>
        <source>the single-level check passes for level %1</source>
        <translation>die Prüfung auf eine einzelne Stufe besteht für Stufe %1</translation>
    </message>
    <message>
        <source>--length</source>
        <translation>--length</translation>
    </message>
    <message>
        <source>--code</source>
        <translation>--code</translation>
    </message>
    <message>
        <source>"%1" (text, not a time)</source>
        <translation>„%1“ (Text, keine Zeitangabe)</translation>
    </message>
    <message numerus="yes">
        <source>Revoked %n token(s).</source>
        <translation>
            <numerusform>%n Token widerrufen.</numerusform>
            <numerusform>%n Tokens widerrufen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoke %n token(s) by id?</source>
        <translation>
            <numerusform>%n Token nach ID widerrufen?</numerusform>
            <numerusform>%n Tokens nach ID widerrufen?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoked %n token(s) of user %1.</source>
        <translation>
            <numerusform>%n Token von Benutzer %1 widerrufen.</numerusform>
            <numerusform>%n Tokens von Benutzer %1 widerrufen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoked %n token(s) of users at level %1.</source>
        <translation>
            <numerusform>%n Token von Benutzern mit Stufe %1 widerrufen.</numerusform>
            <numerusform>%n Tokens von Benutzern mit Stufe %1 widerrufen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Warning: the database server's clock differs from this computer's by %1 (%2); purging goes by the server's clock, as Trongate does.</source>
        <translation>Warnung: Die Uhr des Datenbankservers weicht um %1 von der dieses Computers ab (%2); die Bereinigung richtet sich nach der Uhr des Servers, so wie bei Trongate.</translation>
    </message>
    <message>
        <source>server ahead</source>
        <translation>Server geht vor</translation>
    </message>
    <message>
        <source>server behind</source>
        <translation>Server geht nach</translation>
    </message>
    <message numerus="yes">
        <source>Purged %n expired token(s).</source>
        <translation>
            <numerusform>%n abgelaufenes Token bereinigt.</numerusform>
            <numerusform>%n abgelaufene Tokens bereinigt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) now expire %1.</source>
        <translation>
            <numerusform>%n Token läuft jetzt ab: %1.</numerusform>
            <numerusform>%n Tokens laufen jetzt ab: %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TokenGenerator</name>
    <message>
        <source>A token must be %1 to %2 characters long; %3 was asked for.</source>
        <translation>Ein Token muss %1 bis %2 Zeichen lang sein; angefordert wurden %3.</translation>
    </message>
    <message>
        <source>The system's random number generator failed; no token was made. Try again, and report this if it keeps happening.</source>
        <translation>Der Zufallszahlengenerator des Systems ist ausgefallen; es wurde kein Token erzeugt. Versuchen Sie es erneut und melden Sie den Fehler, falls er weiterhin auftritt.</translation>
    </message>
</context>
<context>
    <name>TokenOperations</name>
    <message>
        <source>The change was made, but the activity log could not be written: %1</source>
        <translation>Die Änderung wurde vorgenommen, aber das Aktivitätsprotokoll konnte nicht geschrieben werden: %1</translation>
    </message>
</context>
<context>
    <name>TokenService</name>
    <message>
        <source>The expiry %1 is a time in the past (or exactly now, %2): Trongate would never accept the token. Choose a time in the future.</source>
        <translation>Die Ablaufzeit %1 liegt in der Vergangenheit (oder ist genau jetzt, %2): Trongate würde das Token nie akzeptieren. Wählen Sie einen Zeitpunkt in der Zukunft.</translation>
    </message>
    <message>
        <source>The expiry %1 is after 2038-01-19 03:14:07 UTC, the latest time Trongate's expiry_date column (a signed 32-bit integer) can hold. Choose an earlier expiry or a shorter lifespan.</source>
        <translation>Die Ablaufzeit %1 liegt nach 2038-01-19 03:14:07 UTC, dem spätesten Zeitpunkt, den Trongates Spalte expiry_date (eine vorzeichenbehaftete 32-Bit-Ganzzahl) aufnehmen kann. Wählen Sie eine frühere Ablaufzeit oder eine kürzere Lebensdauer.</translation>
    </message>
    <message>
        <source>The code "%1" is %2 characters long; Trongate's code column holds at most 3. Use a shorter code, or leave it out for Trongate's default "0".</source>
        <translation>Der Code „%1“ ist %2 Zeichen lang; Trongates Spalte code fasst höchstens 3. Verwenden Sie einen kürzeren Code oder lassen Sie ihn weg, um Trongates Standard „0“ zu verwenden.</translation>
    </message>
    <message>
        <source>The number of tokens per user must be from 1 to %1; %2 was asked for.</source>
        <translation>Die Anzahl der Tokens pro Benutzer muss zwischen 1 und %1 liegen; angefordert wurden %2.</translation>
    </message>
    <message>
        <source>Choose at least one user to issue tokens for.</source>
        <translation>Wählen Sie mindestens einen Benutzer aus, für den Tokens ausgestellt werden sollen.</translation>
    </message>
    <message>
        <source>%1 users with %2 tokens each would be more than %3 tokens at once. Issue them in smaller groups.</source>
        <translation>%1 Benutzer mit je %2 Tokens wären mehr als %3 Tokens auf einmal. Stellen Sie sie in kleineren Gruppen aus.</translation>
    </message>
    <message>
        <source>Issuing the tokens failed and none was saved: %1</source>
        <translation>Das Ausstellen der Tokens ist fehlgeschlagen, es wurde keines gespeichert: %1</translation>
    </message>
    <message>
        <source>These user ids have no row in trongate_users: %1. Check the user ids; no token was issued.</source>
        <translation>Diese Benutzer-IDs haben keine Zeile in trongate_users: %1. Prüfen Sie die Benutzer-IDs; es wurde kein Token ausgestellt.</translation>
    </message>
    <message>
        <source>a new row was not found</source>
        <translation>eine neue Zeile wurde nicht gefunden</translation>
    </message>
    <message>
        <source>No token was given: the pasted text is empty. Paste the token and try again.</source>
        <translation>Es wurde kein Token angegeben: Der eingefügte Text ist leer. Fügen Sie das Token ein und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Revoking failed and no token was deleted: %1</source>
        <translation>Das Widerrufen ist fehlgeschlagen, es wurde kein Token gelöscht: %1</translation>
    </message>
    <message>
        <source>Choose at least one token to revoke.</source>
        <translation>Wählen Sie mindestens ein Token zum Widerrufen aus.</translation>
    </message>
    <message>
        <source>Purging failed and no token was deleted: %1</source>
        <translation>Das Bereinigen ist fehlgeschlagen, es wurde kein Token gelöscht: %1</translation>
    </message>
    <message>
        <source>Regenerating failed and the token is unchanged: %1</source>
        <translation>Das Neuerzeugen ist fehlgeschlagen, das Token ist unverändert: %1</translation>
    </message>
    <message>
        <source>There is no token with id %1; it may have been revoked or purged. List the tokens to find the right id.</source>
        <translation>Es gibt kein Token mit der ID %1; es wurde möglicherweise widerrufen oder bereinigt. Listen Sie die Tokens auf, um die richtige ID zu finden.</translation>
    </message>
    <message>
        <source>Choose at least one token to extend.</source>
        <translation>Wählen Sie mindestens ein Token zum Verlängern aus.</translation>
    </message>
    <message>
        <source>Changing the expiry failed and no token was changed: %1</source>
        <translation>Das Ändern der Ablaufzeit ist fehlgeschlagen, es wurde kein Token geändert: %1</translation>
    </message>
    <message>
        <source>These token ids have no row in trongate_tokens: %1 (revoked or purged?). No expiry was changed.</source>
        <translation>Diese Token-IDs haben keine Zeile in trongate_tokens: %1 (widerrufen oder bereinigt?). Es wurde keine Ablaufzeit geändert.</translation>
    </message>
    <message>
        <source>The pasted text is empty. Paste the token (from the trongateToken header, the trongatetoken cookie or the session) and try again.</source>
        <translation>Der eingefügte Text ist leer. Fügen Sie das Token ein (aus dem trongateToken-Header, dem trongatetoken-Cookie oder der Sitzung) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The pasted text is %1 characters long, but Trongate's token column holds at most 125, so no row can have it. Check that only the token was copied (Trongate's tokens are 32 characters).</source>
        <translation>Der eingefügte Text ist %1 Zeichen lang, aber Trongates Spalte token fasst höchstens 125, daher kann keine Zeile ihn enthalten. Prüfen Sie, ob nur das Token kopiert wurde (Trongate-Tokens sind 32 Zeichen lang).</translation>
    </message>
    <message>
        <source>The token could not be looked up: %1</source>
        <translation>Das Token konnte nicht nachgeschlagen werden: %1</translation>
    </message>
    <message>
        <source>No row in trongate_tokens has this token: it was never issued on this database, or it has been revoked or purged.</source>
        <translation>Keine Zeile in trongate_tokens enthält dieses Token: Es wurde nie in dieser Datenbank ausgestellt oder inzwischen widerrufen oder bereinigt.</translation>
    </message>
    <message>
        <source>%1 rows have this token; the first is shown. Trongate accepts it when any of them is valid.</source>
        <translation>%1 Zeilen enthalten dieses Token; die erste wird angezeigt. Trongate akzeptiert es, wenn eine davon gültig ist.</translation>
    </message>
    <message>
        <source>The stored token differs in letter case; this database compares tokens without regard to case, so Trongate accepts it all the same.</source>
        <translation>Das gespeicherte Token unterscheidet sich in der Groß-/Kleinschreibung; diese Datenbank vergleicht Tokens ohne Rücksicht auf Groß-/Kleinschreibung, daher akzeptiert Trongate es trotzdem.</translation>
    </message>
    <message>
        <source>The tokens could not be read: %1</source>
        <translation>Die Tokens konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The database server's clock could not be read: %1</source>
        <translation>Die Uhr des Datenbankservers konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The token with id %1 was revoked or changed meanwhile, so it was not regenerated. List the tokens and try again.</source>
        <translation>Das Token mit der ID %1 wurde inzwischen widerrufen oder geändert und daher nicht neu erzeugt. Listen Sie die Tokens auf und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Some of the tokens (ids %1) were revoked or changed meanwhile, so no expiry was changed. List the tokens and try again.</source>
        <translation>Einige der Tokens (IDs %1) wurden inzwischen widerrufen oder geändert, daher wurde keine Ablaufzeit geändert. Listen Sie die Tokens auf und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>TokensModel</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identität</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Trongate stores expiry_date as a signed 32-bit number: the latest possible expiry is 2038-01-19 03:14:07 UTC. Choose an earlier date.</source>
        <translation>Trongate speichert expiry_date als vorzeichenbehaftete 32-Bit-Zahl: Die späteste mögliche Ablaufzeit ist 2038-01-19 03:14:07 UTC. Wählen Sie ein früheres Datum.</translation>
    </message>
    <message>
        <source>A token's code can be at most 3 characters long (Trongate's default is "0").</source>
        <translation>Der Code eines Tokens darf höchstens 3 Zeichen lang sein (Trongates Standard ist „0“).</translation>
    </message>
    <message>
        <source>There is no user with id %1. Pick the user from the list.</source>
        <translation>Es gibt keinen Benutzer mit der ID %1. Wählen Sie den Benutzer aus der Liste aus.</translation>
    </message>
    <message>
        <source>That is not a valid date and time.</source>
        <translation>Das ist kein gültiges Datum mit Uhrzeit.</translation>
    </message>
    <message>
        <source>The expiry must be a date and time.</source>
        <translation>Die Ablaufzeit muss ein Datum mit Uhrzeit sein.</translation>
    </message>
    <message>
        <source>This column cannot be edited.</source>
        <translation>Diese Spalte kann nicht bearbeitet werden.</translation>
    </message>
    <message>
        <source>A new token needs a user: pick one in the User column.</source>
        <translation>Ein neues Token benötigt einen Benutzer: Wählen Sie einen in der Spalte „Benutzer“ aus.</translation>
    </message>
    <message>
        <source>user row missing</source>
        <translation>Benutzerzeile fehlt</translation>
    </message>
    <message>
        <source>level row missing</source>
        <translation>Stufenzeile fehlt</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>(pick a user)</source>
        <translation>(Benutzer auswählen)</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>Benutzer %1</translation>
    </message>
    <message>
        <source>user %1 (missing)</source>
        <translation>Benutzer %1 (fehlt)</translation>
    </message>
    <message>
        <source>missing level %1</source>
        <translation>fehlende Stufe %1</translation>
    </message>
    <message>
        <source>never (NULL)</source>
        <translation>nie (NULL)</translation>
    </message>
    <message>
        <source>%1 · orphan</source>
        <translation>%1 · verwaist</translation>
    </message>
    <message>
        <source>Trongate's any-level check still accepts this token while it is valid; its single-level checks and get_user_obj() do not, because the %1.</source>
        <translation>Trongates Prüfung auf beliebige Stufe akzeptiert dieses Token weiterhin, solange es gültig ist; die Prüfungen auf einzelne Stufen und get_user_obj() nicht, weil die %1.</translation>
    </message>
    <message>
        <source>A token without expiry_date is never valid and never purged by Trongate.</source>
        <translation>Ein Token ohne expiry_date ist nie gültig und wird von Trongate nie bereinigt.</translation>
    </message>
    <message>
        <source>Masked. Use Reveal or Copy to see or use the whole token.</source>
        <translation>Maskiert. Verwenden Sie „Anzeigen“ oder „Token kopieren“, um das ganze Token zu sehen oder zu verwenden.</translation>
    </message>
    <message>
        <source>expired (… ago)</source>
        <translation>abgelaufen (vor …)</translation>
    </message>
    <message>
        <source>within 1 h</source>
        <translation>innerhalb 1 Std.</translation>
    </message>
    <message>
        <source>within 24 h</source>
        <translation>innerhalb 24 Std.</translation>
    </message>
    <message>
        <source>within 7 days</source>
        <translation>innerhalb 7 Tagen</translation>
    </message>
    <message>
        <source>within 30 days</source>
        <translation>innerhalb 30 Tagen</translation>
    </message>
    <message>
        <source>more than 30 days</source>
        <translation>mehr als 30 Tage</translation>
    </message>
    <message>
        <source>The token's code</source>
        <translation>Der Code des Tokens</translation>
    </message>
    <message>
        <source>orphan</source>
        <translation>verwaist</translation>
    </message>
    <message>
        <source>…</source>
        <comment>who the user is, still being read</comment>
        <translation>…</translation>
    </message>
</context>
<context>
    <name>TokensPage</name>
    <message>
        <source>Re&amp;veal</source>
        <translation>&amp;Anzeigen</translation>
    </message>
    <message>
        <source>Show or mask the whole token of the selected rows (Ctrl+R)</source>
        <translation>Das ganze Token der ausgewählten Zeilen anzeigen oder maskieren (Strg+R)</translation>
    </message>
    <message>
        <source>&amp;Copy token</source>
        <translation>Token &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the whole token; the clipboard is cleared after 30 s (Ctrl+Shift+C)</source>
        <translation>Das ganze Token kopieren; die Zwischenablage wird nach 30 s geleert (Strg+Umschalt+C)</translation>
    </message>
    <message>
        <source>Copy as &amp;header</source>
        <translation>Als Hea&amp;der kopieren</translation>
    </message>
    <message>
        <source>Copy "trongateToken: …" for an HTTP request</source>
        <translation>„trongateToken: …“ für eine HTTP-Anfrage kopieren</translation>
    </message>
    <message>
        <source>Copied. The clipboard is cleared in %1 s if it still holds the token.</source>
        <translation>Kopiert. Die Zwischenablage wird in %1 s geleert, falls sie dann noch das Token enthält.</translation>
    </message>
    <message>
        <source>Revoke &amp;now</source>
        <translation>Sofort &amp;widerrufen</translation>
    </message>
    <message>
        <source>Delete the selected tokens at once (asks first), without waiting for Save</source>
        <translation>Die ausgewählten Tokens sofort löschen (mit Rückfrage), ohne auf „Speichern“ zu warten</translation>
    </message>
    <message>
        <source>E&amp;xtend 24 h</source>
        <translation>Um 24 Std. &amp;verlängern</translation>
    </message>
    <message>
        <source>Re&amp;generate</source>
        <translation>&amp;Neu erzeugen</translation>
    </message>
    <message>
        <source>Give the selected tokens a new expiry 24 hours from now (asks first)</source>
        <translation>Den gewählten Tokens einen neuen Ablauf in 24 Stunden geben (fragt vorher)</translation>
    </message>
    <message>
        <source>New token strings and expiries for the selected tokens, as regenerate_token does</source>
        <translation>Neue Token-Zeichenketten und Abläufe für die gewählten Tokens, wie regenerate_token es tut</translation>
    </message>
    <message>
        <source>Expiry in the past</source>
        <translation>Ablauf in der Vergangenheit</translation>
    </message>
    <message>
        <source>%1 is in the past: the token stops working as soon as you save, and Trongate's next clean-up deletes it. Set this expiry anyway?</source>
        <translation>%1 liegt in der Vergangenheit: Das Token funktioniert nicht mehr, sobald Sie speichern, und Trongates nächste Bereinigung löscht es. Diesen Ablauf trotzdem setzen?</translation>
    </message>
    <message>
        <source>Set past expiry</source>
        <translation>Vergangenen Ablauf setzen</translation>
    </message>
</context>
<context>
    <name>UserPickerDialog</name>
    <message>
        <source>Choose a user</source>
        <translation>Benutzer auswählen</translation>
    </message>
    <message>
        <source>id, start of the code, username or e-mail</source>
        <translation>ID, Anfang des Codes, Benutzername oder E-Mail</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;Auswählen</translation>
    </message>
    <message>
        <source>The first 50 matches; type more to narrow them down.</source>
        <translation>Die ersten 50 Treffer; geben Sie mehr ein, um die Auswahl einzugrenzen.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es).</source>
        <translation>
            <numerusform>%n Treffer.</numerusform>
            <numerusform>%n Treffer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserSearch</name>
    <message>
        <source>missing level %1</source>
        <translation>fehlende Stufe %1</translation>
    </message>
</context>
<context>
    <name>UserService</name>
    <message>
        <source>The users could not be read: %1</source>
        <translation>Die Benutzer konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The users' tokens could not be counted: %1</source>
        <translation>Die Tokens der Benutzer konnten nicht gezählt werden: %1</translation>
    </message>
    <message>
        <source>The user levels could not be read: %1</source>
        <translation>Die Benutzerstufen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>There is no user level with id %1. List the levels to find its id, or add it first.</source>
        <translation>Es gibt keine Benutzerstufe mit der ID %1. Listen Sie die Stufen auf, um ihre ID zu finden, oder fügen Sie die Stufe zuerst hinzu.</translation>
    </message>
    <message>
        <source>There is no user with id %1. List the users to find the id.</source>
        <translation>Es gibt keinen Benutzer mit der ID %1. Listen Sie die Benutzer auf, um die ID zu finden.</translation>
    </message>
    <message>
        <source>A user code must be exactly 32 characters from Trongate's alphabet (%1: no 0, 1, i, l, o, I or O). Leave --code out to have one generated.</source>
        <translation>Ein Benutzercode muss aus genau 32 Zeichen des Trongate-Alphabets bestehen (%1: kein 0, 1, i, l, o, I oder O). Lassen Sie --code weg, um einen erzeugen zu lassen.</translation>
    </message>
    <message>
        <source>The user could not be added: %1</source>
        <translation>Der Benutzer konnte nicht hinzugefügt werden: %1</translation>
    </message>
    <message>
        <source>User %1 has this code already; codes must be unique. Choose another code or leave --code out.</source>
        <translation>Benutzer %1 hat diesen Code bereits; Codes müssen eindeutig sein. Wählen Sie einen anderen Code oder lassen Sie --code weg.</translation>
    </message>
    <message>
        <source>No unused user code could be generated. Try again.</source>
        <translation>Es konnte kein unbenutzter Benutzercode erzeugt werden. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The user's level could not be changed: %1</source>
        <translation>Die Stufe des Benutzers konnte nicht geändert werden: %1</translation>
    </message>
    <message>
        <source>The user could not be removed; nothing was changed: %1</source>
        <translation>Der Benutzer konnte nicht entfernt werden; es wurde nichts geändert: %1</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identität</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Valid tokens</source>
        <translation>Gültige Tokens</translation>
    </message>
    <message>
        <source>A user code must be exactly 32 characters from Trongate's alphabet (digits 2-9 and letters without i, l, o, I and O). Use Generate to make one.</source>
        <translation>Ein Benutzercode muss aus genau 32 Zeichen des Trongate-Alphabets bestehen (Ziffern 2-9 und Buchstaben ohne i, l, o, I und O). Verwenden Sie „Erzeugen“, um einen zu erstellen.</translation>
    </message>
    <message>
        <source>There is no level with id %1. Choose one of the existing levels.</source>
        <translation>Es gibt keine Stufe mit der ID %1. Wählen Sie eine der vorhandenen Stufen aus.</translation>
    </message>
    <message>
        <source>This column cannot be edited.</source>
        <translation>Diese Spalte kann nicht bearbeitet werden.</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>level %1</source>
        <translation>Stufe %1</translation>
    </message>
    <message>
        <source>missing level %1</source>
        <translation>fehlende Stufe %1</translation>
    </message>
    <message>
        <source>No trongate_user_levels row has this id: Trongate's get_user_obj() returns false for this user.</source>
        <translation>Keine Zeile in trongate_user_levels hat diese ID: Trongates get_user_obj() gibt für diesen Benutzer false zurück.</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>Benutzer %1</translation>
    </message>
    <message>
        <source>user %1 (%2)</source>
        <translation>Benutzer %1 (%2)</translation>
    </message>
    <message>
        <source>another unsaved row of this grid</source>
        <translation>einer anderen ungespeicherten Zeile dieser Tabelle</translation>
    </message>
    <message>
        <source>This code already belongs to %1; user codes must be unique.</source>
        <translation>Dieser Code gehört bereits %1; Benutzercodes müssen eindeutig sein.</translation>
    </message>
    <message>
        <source>…</source>
        <comment>a token count still being read</comment>
        <translation>…</translation>
    </message>
    <message>
        <source>…</source>
        <comment>who the user is, still being read</comment>
        <translation>…</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>&amp;Issue tokens…</source>
        <translation>Tokens &amp;ausstellen…</translation>
    </message>
    <message>
        <source>Issue tokens for the selected users, one set each (Ctrl+T)</source>
        <translation>Tokens für die ausgewählten Benutzer ausstellen, je ein Satz pro Benutzer (Strg+T)</translation>
    </message>
    <message>
        <source>Delete users</source>
        <translation>Benutzer löschen</translation>
    </message>
    <message>
        <source>Delete their tokens too</source>
        <translation>Ihre Tokens ebenfalls löschen</translation>
    </message>
    <message>
        <source>Keep their tokens</source>
        <translation>Ihre Tokens behalten</translation>
    </message>
    <message>
        <source>Re&amp;voke all tokens</source>
        <translation>Alle Tokens &amp;widerrufen</translation>
    </message>
    <message>
        <source>Delete every token of the selected user now, as support staff do when a person leaves</source>
        <translation>Jetzt alle Tokens des ausgewählten Benutzers löschen, wie es der Support tut, wenn jemand geht</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n user(s) when you save. Their tokens would stay valid as orphans; Trongate's documentation advises deleting them too.</source>
        <translation>
            <numerusform>%n Benutzer beim Speichern löschen. Seine Tokens blieben als verwaiste Tokens gültig; die Trongate-Dokumentation empfiehlt, sie ebenfalls zu löschen.</numerusform>
            <numerusform>%n Benutzer beim Speichern löschen. Ihre Tokens blieben als verwaiste Tokens gültig; die Trongate-Dokumentation empfiehlt, sie ebenfalls zu löschen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Run trongate-admin --help for the usage.</source>
        <translation>Hinweise zur Verwendung erhalten Sie mit trongate-admin --help.</translation>
    </message>
    <message>
        <source>There is no saved connection named "%1".</source>
        <translation>Es gibt keine gespeicherte Verbindung namens „%1“.</translation>
    </message>
    <message>
        <source>Unknown page "%1". Pages: %2.</source>
        <translation>Unbekannte Seite „%1“. Seiten: %2.</translation>
    </message>
    <message>
        <source>Could not write the screenshot to %1.</source>
        <translation>Das Bildschirmfoto konnte nicht in %1 gespeichert werden.</translation>
    </message>
    <message>
        <source>The page's data did not arrive within 120 s; no screenshot taken.</source>
        <translation>Die Daten der Seite sind nicht innerhalb von 120 s eingetroffen; es wurde kein Bildschirmfoto erstellt.</translation>
    </message>
    <message>
        <source>There is no query named "%1".</source>
        <translation>Es gibt keine Abfrage namens „%1“.</translation>
    </message>
</context>
</TS>
