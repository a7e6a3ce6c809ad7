<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AccountCommands</name>
    <message numerus="yes">
        <source>%n user(s) have a level id with no level row; Trongate's get_user_obj fails for them.</source>
        <translation>
            <numerusform>%n user has a level id with no level row; Trongate's get_user_obj fails for them.</numerusform>
            <numerusform>%n users have a level id with no level row; Trongate's get_user_obj fails for them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>User %1 removed, with %n token(s).</source>
        <translation>
            <numerusform>User %1 removed, with %n token.</numerusform>
            <numerusform>User %1 removed, with %n tokens.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ActivityText</name>
    <message numerus="yes">
        <source>install: %n table(s) created</source>
        <translation>
            <numerusform>install: %n table created</numerusform>
            <numerusform>install: %n tables created</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>remove user and %n token(s)</source>
        <translation>
            <numerusform>remove user and %n token</numerusform>
            <numerusform>remove user and %n tokens</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Connector</name>
    <message numerus="yes">
        <source>%1 on node %2 (%3 of %n)</source>
        <translation>
            <numerusform>%1 on node %2 (%3 of %n)</numerusform>
            <numerusform>%1 on node %2 (%3 of %n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DatabaseCommands</name>
    <message numerus="yes">
        <source>Wrote %1: %2 tables, %3 relations, %n orphan row(s).</source>
        <translation>
            <numerusform>Wrote %1: %2 tables, %3 relations, %n orphan row.</numerusform>
            <numerusform>Wrote %1: %2 tables, %3 relations, %n orphan rows.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExpiryModel</name>
    <message numerus="yes">
        <source>expired %n day(s) ago</source>
        <translation>
            <numerusform>expired %n day ago</numerusform>
            <numerusform>expired %n days ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExpiryPage</name>
    <message numerus="yes">
        <source>%Ln token(s)</source>
        <translation>
            <numerusform>%Ln token</numerusform>
            <numerusform>%Ln tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last auto-purge at %1 removed %Ln token(s).</source>
        <translation>
            <numerusform>Last auto-purge at %1 removed %Ln token.</numerusform>
            <numerusform>Last auto-purge at %1 removed %Ln tokens.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportBar</name>
    <message numerus="yes">
        <source>Exporting to %1: %2 of %Ln row(s)…</source>
        <translation>
            <numerusform>Exporting to %1: %2 of %Ln row…</numerusform>
            <numerusform>Exporting to %1: %2 of %Ln rows…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exporting to %1: %Ln row(s) so far…</source>
        <translation>
            <numerusform>Exporting to %1: %Ln row so far…</numerusform>
            <numerusform>Exporting to %1: %Ln rows so far…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln row(s) to %1.</source>
        <translation>
            <numerusform>Exported %Ln row to %1.</numerusform>
            <numerusform>Exported %Ln rows to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Export cancelled after %Ln row(s).</source>
        <translation>
            <numerusform>Export cancelled after %Ln row.</numerusform>
            <numerusform>Export cancelled after %Ln rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The export failed after %Ln row(s): %1</source>
        <translation>
            <numerusform>The export failed after %Ln row: %1</numerusform>
            <numerusform>The export failed after %Ln rows: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GridPage</name>
    <message numerus="yes">
        <source>Saved: %n row(s) written in one transaction.</source>
        <translation>
            <numerusform>Saved: %n row written in one transaction.</numerusform>
            <numerusform>Saved: %n rows written in one transaction.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved over the other changes: %n row(s) written.</source>
        <translation>
            <numerusform>Saved over the other changes: %n row written.</numerusform>
            <numerusform>Saved over the other changes: %n rows written.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dropped your changes to %n row(s) changed elsewhere; save again for the rest.</source>
        <translation>
            <numerusform>Dropped your changes to %n row changed elsewhere; save again for the rest.</numerusform>
            <numerusform>Dropped your changes to %n rows changed elsewhere; save again for the rest.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was saved: %n row(s) were changed by someone else. Your edits are still here.</source>
        <translation>
            <numerusform>Nothing was saved: %n row was changed by someone else. Your edits are still here.</numerusform>
            <numerusform>Nothing was saved: %n rows were changed by someone else. Your edits are still here.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %1 grid has %n unsaved change(s). Save them?</source>
        <translation>
            <numerusform>The %1 grid has %n unsaved change. Save them?</numerusform>
            <numerusform>The %1 grid has %n unsaved changes. Save them?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln row(s)</source>
        <translation>
            <numerusform>%1 of %Ln row</numerusform>
            <numerusform>%1 of %Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unsaved</source>
        <translation>
            <numerusform>%n unsaved</numerusform>
            <numerusform>%n unsaved</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %Ln row(s)</source>
        <translation>
            <numerusform>about %Ln row</numerusform>
            <numerusform>about %Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of about %Ln row(s)</source>
        <translation>
            <numerusform>%1 of about %Ln row</numerusform>
            <numerusform>%1 of about %Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln matching row(s), counting all…</source>
        <translation>
            <numerusform>%Ln matching row, counting all…</numerusform>
            <numerusform>%Ln matching rows, counting all…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>counting… of %Ln row(s)</source>
        <translation>
            <numerusform>counting… of %Ln row</numerusform>
            <numerusform>counting… of %Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>counting… of about %Ln row(s)</source>
        <translation>
            <numerusform>counting… of about %Ln row</numerusform>
            <numerusform>counting… of about %Ln rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IssueTokenDialog</name>
    <message numerus="yes">
        <source>&lt;b&gt;%n token(s) issued.&lt;/b&gt; They are shown in full only now: copy what you need before closing. The clipboard is cleared after %1 s if it still holds a token.</source>
        <translation>
            <numerusform>&lt;b&gt;%n token issued.&lt;/b&gt; They are shown in full only now: copy what you need before closing. The clipboard is cleared after %1 s if it still holds a token.</numerusform>
            <numerusform>&lt;b&gt;%n tokens issued.&lt;/b&gt; They are shown in full only now: copy what you need before closing. The clipboard is cleared after %1 s if it still holds a token.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LevelsPage</name>
    <message numerus="yes">
        <source>The level "%1" is used by %n user(s); Trongate would no longer recognise their level. Move them to another level first (when you save), or keep the level.</source>
        <translation>
            <numerusform>The level "%1" is used by %n user; Trongate would no longer recognise their level. Move them to another level first (when you save), or keep the level.</numerusform>
            <numerusform>The level "%1" is used by %n users; Trongate would no longer recognise their level. Move them to another level first (when you save), or keep the level.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Level "%1" kept: %n user(s) still have it.</source>
        <translation>
            <numerusform>Level "%1" kept: %n user still has it.</numerusform>
            <numerusform>Level "%1" kept: %n users still have it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Auto-purge every %n min is on for this connection</source>
        <translation>
            <numerusform>Auto-purge every %n min is on for this connection</numerusform>
            <numerusform>Auto-purge every %n min is on for this connection</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueryBuilderPane</name>
    <message numerus="yes">
        <source>Cancelled after %n row(s).</source>
        <translation>
            <numerusform>Cancelled after %n row.</numerusform>
            <numerusform>Cancelled after %n rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s).</source>
        <translation>
            <numerusform>%n row.</numerusform>
            <numerusform>%n rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The first %n row(s); scroll down for more.</source>
        <translation>
            <numerusform>The first %n row; scroll down for more.</numerusform>
            <numerusform>The first %n rows; scroll down for more.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueryCommands</name>
    <message numerus="yes">
        <source>%n row(s).</source>
        <translation>
            <numerusform>%n row.</numerusform>
            <numerusform>%n rows.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RelationItem</name>
    <message numerus="yes">
        <source>%Ln orphan(s)</source>
        <translation>
            <numerusform>%Ln orphan</numerusform>
            <numerusform>%Ln orphans</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RelationsPage</name>
    <message numerus="yes">
        <source>%1 tables, %2 relations (%3 declared as foreign keys, %4 inferred from Trongate's conventions, drawn dashed), %Ln orphan row(s). Click an orphan count to see those rows; double-click a table to open it.</source>
        <translation>
            <numerusform>%1 tables, %2 relations (%3 declared as foreign keys, %4 inferred from Trongate's conventions, drawn dashed), %Ln orphan row. Click an orphan count to see those rows; double-click a table to open it.</numerusform>
            <numerusform>%1 tables, %2 relations (%3 declared as foreign keys, %4 inferred from Trongate's conventions, drawn dashed), %Ln orphan rows. Click an orphan count to see those rows; double-click a table to open it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SchemaDoctorDialog</name>
    <message numerus="yes">
        <source>Applied %n suggestion(s).</source>
        <translation>
            <numerusform>Applied %n suggestion.</numerusform>
            <numerusform>Applied %n suggestions.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TableItem</name>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %Ln row(s)</source>
        <translation>
            <numerusform>about %Ln row</numerusform>
            <numerusform>about %Ln rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message numerus="yes">
        <source>%Ln expired token(s), waiting for Trongate's purge</source>
        <translation>
            <numerusform>%Ln expired token, waiting for Trongate's purge</numerusform>
            <numerusform>%Ln expired tokens, waiting for Trongate's purge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln token(s) expire</source>
        <translation>
            <numerusform>%1: %Ln token expires</numerusform>
            <numerusform>%1: %Ln tokens expire</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TokenActions</name>
    <message numerus="yes">
        <source>Revoked %Ln token(s) of level "%1".</source>
        <translation>
            <numerusform>Revoked %Ln token of level "%1".</numerusform>
            <numerusform>Revoked %Ln tokens of level "%1".</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Give %n token(s) the new expiry %1?</source>
        <translation>
            <numerusform>Give %n token the new expiry %1?</numerusform>
            <numerusform>Give %n tokens the new expiry %1?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Extended %Ln token(s) to %1.</source>
        <translation>
            <numerusform>Extended %Ln token to %1.</numerusform>
            <numerusform>Extended %Ln tokens to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Give %n token(s) a new token string and a new expiry, as Trongate's regenerate_token does? Clients holding the old strings are logged out.</source>
        <translation>
            <numerusform>Give %n token a new token string and a new expiry, as Trongate's regenerate_token does? Clients holding the old strings are logged out.</numerusform>
            <numerusform>Give %n tokens a new token string and a new expiry, as Trongate's regenerate_token does? Clients holding the old strings are logged out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Regenerated %n token(s).</source>
        <translation>
            <numerusform>Regenerated %n token.</numerusform>
            <numerusform>Regenerated %n tokens.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Purged %Ln expired token(s).</source>
        <translation>
            <numerusform>Purged %Ln expired token.</numerusform>
            <numerusform>Purged %Ln expired tokens.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Issued %n token(s).</source>
        <translation>
            <numerusform>Issued %n token.</numerusform>
            <numerusform>Issued %n tokens.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoke %n token(s) of %1? Clients using them are logged out at their next request.</source>
        <translation>
            <numerusform>Revoke %n token of %1? Clients using it are logged out at their next request.</numerusform>
            <numerusform>Revoke %n tokens of %1? Clients using them are logged out at their next request.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoked %Ln token(s) of %1.</source>
        <translation>
            <numerusform>Revoked %Ln token of %1.</numerusform>
            <numerusform>Revoked %Ln tokens of %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoke (delete) %n token(s) of %1? Clients using them are logged out at their next request.</source>
        <translation>
            <numerusform>Revoke (delete) %n token of %1? Clients using it are logged out at their next request.</numerusform>
            <numerusform>Revoke (delete) %n tokens of %1? Clients using them are logged out at their next request.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoke (delete) %n token(s)? Clients using them are logged out at their next request.</source>
        <translation>
            <numerusform>Revoke (delete) %n token? Clients using it are logged out at their next request.</numerusform>
            <numerusform>Revoke (delete) %n tokens? Clients using them are logged out at their next request.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoked %Ln token(s).</source>
        <translation>
            <numerusform>Revoked %Ln token.</numerusform>
            <numerusform>Revoked %Ln tokens.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TokenCommands</name>
    <message numerus="yes">
        <source>Revoked %n token(s).</source>
        <translation>
            <numerusform>Revoked %n token.</numerusform>
            <numerusform>Revoked %n tokens.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoke %n token(s) by id?</source>
        <translation>
            <numerusform>Revoke %n token by id?</numerusform>
            <numerusform>Revoke %n tokens by id?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoked %n token(s) of user %1.</source>
        <translation>
            <numerusform>Revoked %n token of user %1.</numerusform>
            <numerusform>Revoked %n tokens of user %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoked %n token(s) of users at level %1.</source>
        <translation>
            <numerusform>Revoked %n token of users at level %1.</numerusform>
            <numerusform>Revoked %n tokens of users at level %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Purged %n expired token(s).</source>
        <translation>
            <numerusform>Purged %n expired token.</numerusform>
            <numerusform>Purged %n expired tokens.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) now expire %1.</source>
        <translation>
            <numerusform>%n token now expires %1.</numerusform>
            <numerusform>%n tokens now expire %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserPickerDialog</name>
    <message numerus="yes">
        <source>%n match(es).</source>
        <translation>
            <numerusform>%n match.</numerusform>
            <numerusform>%n matches.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message numerus="yes">
        <source>Delete %n user(s) when you save. Their tokens would stay valid as orphans; Trongate's documentation advises deleting them too.</source>
        <translation>
            <numerusform>Delete %n user when you save. Their tokens would stay valid as orphans; Trongate's documentation advises deleting them too.</numerusform>
            <numerusform>Delete %n users when you save. Their tokens would stay valid as orphans; Trongate's documentation advises deleting them too.</numerusform>
        </translation>
    </message>
</context>
</TS>
