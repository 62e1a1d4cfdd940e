//! The database's schema as an ordered list of migrations; `PRAGMA user_version` says how many
//! were applied. Each runs in its own transaction, so a crash leaves the last complete version.

use rusqlite::Connection;

use crate::error::InventoryError;

/// `PRAGMA application_id`: marks the file as a Lanyard inventory ("LNYD").
pub(crate) const APPLICATION_ID: i64 = 0x4C4E_5944;

/// v1: the targets and their wiring, each row with the time it was read.
const V1_TABLES: &str = "
CREATE TABLE targets (
    target INTEGER PRIMARY KEY,
    profile_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    external_id TEXT NOT NULL,
    name TEXT NOT NULL,
    display_name TEXT,
    -- name and display name, lower-cased by Lanyard (SQLite's own folding is ASCII only)
    search_key TEXT NOT NULL,
    read_at INTEGER NOT NULL,
    wiring_read_at INTEGER,
    UNIQUE (profile_id, kind, external_id)
);
CREATE TABLE auth0_org_connections (
    organization INTEGER NOT NULL REFERENCES targets (target) ON DELETE CASCADE,
    connection_id TEXT NOT NULL,
    organization_connection_name TEXT,
    assign_membership_on_login INTEGER,
    show_as_button INTEGER,
    is_signup_enabled INTEGER,
    organization_access_level TEXT,
    is_enabled INTEGER,
    read_at INTEGER NOT NULL,
    PRIMARY KEY (organization, connection_id)
) WITHOUT ROWID;
CREATE TABLE zitadel_policies (
    policy INTEGER PRIMARY KEY REFERENCES targets (target) ON DELETE CASCADE,
    uses_instance_default INTEGER NOT NULL,
    read_at INTEGER NOT NULL
);
CREATE TABLE zitadel_policy_idps (
    policy INTEGER NOT NULL REFERENCES targets (target) ON DELETE CASCADE,
    idp_id TEXT NOT NULL,
    read_at INTEGER NOT NULL,
    PRIMARY KEY (policy, idp_id)
) WITHOUT ROWID;
CREATE TABLE hub_auto_join_groups (
    module INTEGER NOT NULL REFERENCES targets (target) ON DELETE CASCADE,
    group_id TEXT NOT NULL,
    read_at INTEGER NOT NULL,
    PRIMARY KEY (module, group_id)
) WITHOUT ROWID;
PRAGMA application_id = 1280203076;
";

/// v2: the reverse indexes the questions need, and the changes seen that Lanyard did not make.
const V2_INDEXES_AND_CHANGED_OUTSIDE: &str = "
CREATE INDEX auth0_org_connections_by_connection
    ON auth0_org_connections (connection_id, organization);
CREATE INDEX zitadel_policy_idps_by_idp ON zitadel_policy_idps (idp_id, policy);
CREATE INDEX hub_auto_join_groups_by_group ON hub_auto_join_groups (group_id, module);
CREATE INDEX targets_by_kind ON targets (profile_id, kind, name);
CREATE TABLE changed_outside (
    change INTEGER PRIMARY KEY,
    target INTEGER NOT NULL REFERENCES targets (target) ON DELETE CASCADE,
    item TEXT NOT NULL,
    before TEXT NOT NULL,
    after TEXT NOT NULL,
    seen_at INTEGER NOT NULL
);
CREATE INDEX changed_outside_by_time ON changed_outside (seen_at);
";

/// v3: each profile's crawl, so that one stopped (closed, killed, cancelled, failed) continues
/// where it stopped. Which targets it has read is not stored: a target listed at or after
/// `started_at` whose wiring was read at or after it is done.
const V3_CRAWLS: &str = "
CREATE TABLE crawls (
    profile_id TEXT PRIMARY KEY,
    started_at INTEGER NOT NULL,
    -- 1 once every target was listed (the listing is read again on resume until then)
    listed INTEGER NOT NULL,
    -- running | interrupted | cancelled | finished
    state TEXT NOT NULL,
    message TEXT,
    finished_at INTEGER
);
";

/// v4: what a listing says of a target beyond its names, for the pickers that show it: an
/// Auth0 connection's strategy, a ZITADEL IdP's type and state, a Hub module's type and whether
/// it is enabled. `facts_read_at` is when they were read; a row listed before v4 has none (its
/// kind is then read live until it is listed again).
const V4_TARGET_FACTS: &str = "
ALTER TABLE targets ADD COLUMN strategy TEXT;
ALTER TABLE targets ADD COLUMN provider_type TEXT;
ALTER TABLE targets ADD COLUMN state TEXT;
ALTER TABLE targets ADD COLUMN enabled INTEGER;
ALTER TABLE targets ADD COLUMN facts_read_at INTEGER;
";

/// v5: a ZITADEL IdP's owner (the instance or an organization), which linking it needs. The
/// IdPs listed under v4 lack it: their facts count as not read, so they are read live until
/// listed again.
const V5_IDP_OWNER: &str = "
ALTER TABLE targets ADD COLUMN owner TEXT;
UPDATE targets SET facts_read_at = NULL WHERE kind = 'zitadel_idp';
";

const MIGRATIONS: [&str; 5] = [
    V1_TABLES,
    V2_INDEXES_AND_CHANGED_OUTSIDE,
    V3_CRAWLS,
    V4_TARGET_FACTS,
    V5_IDP_OWNER,
];

/// The schema version this code writes and reads.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// The version stored in the file (0 for a new file).
pub(crate) fn stored_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
}

/// Brings the database to `target` (at most `SCHEMA_VERSION`), refusing a newer file and a
/// file that some other program wrote.
pub(crate) fn migrate_to(conn: &mut Connection, target: i64) -> Result<(), InventoryError> {
    let found = stored_version(conn)?;
    if found > SCHEMA_VERSION {
        return Err(InventoryError::TooNew {
            found,
            known: SCHEMA_VERSION,
        });
    }
    if found < 0 {
        return Err(InventoryError::BadValue(format!("schema version {found}")));
    }
    check_owner(conn, found)?;
    for version in (found + 1)..=target.min(SCHEMA_VERSION) {
        let script = usize::try_from(version - 1)
            .ok()
            .and_then(|i| MIGRATIONS.get(i))
            .ok_or_else(|| InventoryError::BadValue(format!("schema version {version}")))?;
        let apply = |conn: &mut Connection| -> rusqlite::Result<()> {
            let tx = conn.transaction()?;
            tx.execute_batch(script)?;
            tx.pragma_update(None, "user_version", version)?;
            tx.commit()
        };
        apply(conn).map_err(|source| InventoryError::Migration { version, source })?;
    }
    Ok(())
}

/// A file at version 0 must be empty; one past it must carry Lanyard's application id.
fn check_owner(conn: &Connection, found: i64) -> Result<(), InventoryError> {
    if found == 0 {
        let objects: i64 =
            conn.query_row("SELECT count(*) FROM sqlite_schema", [], |row| row.get(0))?;
        if objects > 0 {
            return Err(InventoryError::BadValue(
                "tables of another program and no Lanyard schema version".to_owned(),
            ));
        }
        return Ok(());
    }
    let id: i64 = conn.pragma_query_value(None, "application_id", |row| row.get(0))?;
    if id != APPLICATION_ID {
        return Err(InventoryError::BadValue(format!(
            "application id {id:#x}, not Lanyard's"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests;
