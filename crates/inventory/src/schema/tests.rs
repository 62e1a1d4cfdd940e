//! Migrations: from an empty file, from a v1 file with data, and a file newer than the code.

use rusqlite::{Connection, params};

use super::{SCHEMA_VERSION, migrate_to, stored_version};
use crate::error::InventoryError;
use crate::{Auth0OrgQuery, Inventory};
use lanyard_model::ids::ConnectionId;
use lanyard_model::inventory::{ConnectionCondition, OptionsFilter, Presence};

fn v1_database_with_one_organization(path: &std::path::Path) {
    let mut conn = Connection::open(path).unwrap();
    migrate_to(&mut conn, 1).unwrap();
    conn.execute(
        "INSERT INTO targets (target, profile_id, kind, external_id, name, display_name, search_key, read_at, wiring_read_at)
         VALUES (1, 'p', 'auth0_organization', 'org_acme', 'acme', 'Acme Corp', 'acme\nacme corp', 1000, 1000)",
        [],
    )
    .unwrap();
    conn.execute(
        "INSERT INTO auth0_org_connections (organization, connection_id, show_as_button, read_at)
         VALUES (1, ?1, 0, 1000)",
        params!["con_okta"],
    )
    .unwrap();
}

#[test]
fn a_new_file_gets_every_migration() {
    const { assert!(SCHEMA_VERSION >= 2) };
    let dir = tempfile::tempdir().unwrap();
    let inventory = Inventory::open(&dir.path().join("inventory.sqlite3")).unwrap();
    assert_eq!(inventory.schema_version().unwrap(), SCHEMA_VERSION);
}

#[test]
fn a_previous_version_database_is_migrated_with_its_data_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("inventory.sqlite3");
    v1_database_with_one_organization(&path);
    assert_eq!(
        stored_version(&Connection::open(&path).unwrap()).unwrap(),
        1
    );

    let inventory = Inventory::open(&path).unwrap();
    assert_eq!(inventory.schema_version().unwrap(), SCHEMA_VERSION);
    let hidden_button = Auth0OrgQuery {
        connection: Some(ConnectionCondition {
            connection_id: ConnectionId::parse("con_okta").unwrap(),
            presence: Presence::Has,
            options: OptionsFilter {
                show_as_button: Some(false),
                ..Default::default()
            },
        }),
        name_contains: None,
    };
    let answer = inventory.auth0_organizations("p", &hidden_button).unwrap();
    let names: Vec<_> = answer.matches.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names, ["acme"]);
    // v2's table is there and usable.
    assert!(inventory.changed_outside("p", 10).unwrap().is_empty());
}

#[test]
fn a_database_from_a_newer_lanyard_is_refused_and_left_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("inventory.sqlite3");
    drop(Inventory::open(&path).unwrap());
    let newer = SCHEMA_VERSION + 1;
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", newer)
        .unwrap();

    let error = Inventory::open(&path).unwrap_err();
    assert!(
        matches!(error, InventoryError::TooNew { found, known } if found == newer && known == SCHEMA_VERSION),
        "{error}"
    );
    assert!(error.to_string().contains("newer Lanyard"), "{error}");
    assert_eq!(
        stored_version(&Connection::open(&path).unwrap()).unwrap(),
        newer
    );
}

#[test]
fn another_programs_database_is_not_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.sqlite3");
    Connection::open(&path)
        .unwrap()
        .execute_batch("CREATE TABLE notes (body TEXT)")
        .unwrap();
    let error = Inventory::open(&path).unwrap_err();
    assert!(matches!(error, InventoryError::BadValue(_)), "{error}");
}

#[test]
fn a_v3_file_gets_the_listing_facts_and_reads_them_live_until_listed_again() {
    use crate::{TargetFacts, TargetKind, TargetRecord, UnixMillis};

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("inventory.sqlite3");
    {
        let mut conn = Connection::open(&path).unwrap();
        migrate_to(&mut conn, 3).unwrap();
        conn.execute(
            "INSERT INTO targets (profile_id, kind, external_id, name, search_key, read_at)
             VALUES ('p', 'auth0_connection', 'con_okta', 'okta', 'okta', 1000)",
            [],
        )
        .unwrap();
    }

    let mut inventory = Inventory::open(&path).unwrap();
    assert_eq!(inventory.schema_version().unwrap(), SCHEMA_VERSION);
    // Known by name only: the picker cannot show its strategy, so it reads live.
    assert_eq!(inventory.connections("p").unwrap(), None);
    assert_eq!(
        inventory
            .target_name("p", TargetKind::Auth0Connection, "con_okta")
            .unwrap()
            .as_deref(),
        Some("okta")
    );

    let listed = TargetRecord {
        kind: TargetKind::Auth0Connection,
        id: "con_okta".to_owned(),
        name: "okta".to_owned(),
        display_name: None,
        facts: Some(TargetFacts {
            strategy: Some("okta".to_owned()),
            ..TargetFacts::default()
        }),
    };
    inventory
        .record_targets("p", &[listed], UnixMillis(2000))
        .unwrap();
    let listing = inventory.connections("p").unwrap().unwrap();
    assert_eq!(listing.listed_at, UnixMillis(2000));
    assert_eq!(listing.items.len(), 1);
    assert_eq!(listing.items[0].strategy, "okta");
}

#[test]
fn idps_listed_under_v4_have_no_owner_and_are_read_live_until_listed_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("inventory.sqlite3");
    {
        let mut conn = Connection::open(&path).unwrap();
        migrate_to(&mut conn, 4).unwrap();
        conn.execute_batch(
            "INSERT INTO targets (profile_id, kind, external_id, name, search_key, read_at,
                 provider_type, state, facts_read_at)
             VALUES ('p', 'zitadel_idp', 'idp-1', 'Okta', 'okta', 1000,
                 'PROVIDER_TYPE_OIDC', 'IDP_STATE_ACTIVE', 1000);
             INSERT INTO targets (profile_id, kind, external_id, name, search_key, read_at,
                 enabled, facts_read_at)
             VALUES ('p', 'hub_auth_module', 'google', 'Google', 'google', 1000, 1, 1000);",
        )
        .unwrap();
    }
    let inventory = Inventory::open(&path).unwrap();
    assert_eq!(inventory.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(inventory.providers("p").unwrap(), None);
    // Other kinds keep their facts.
    let modules = inventory.auth_modules("p").unwrap().unwrap();
    assert_eq!(modules.items[0].disabled, Some(false));
}
