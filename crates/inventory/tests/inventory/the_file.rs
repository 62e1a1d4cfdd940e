//! The database file: private to its user, reopened with its data, a damaged file refused.

use lanyard_inventory::{Inventory, InventoryError, TargetKind};

use crate::fixture::{PROFILE, auth0_tenant};

#[test]
fn the_inventory_survives_closing_and_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("inventory.sqlite3");
    auth0_tenant(&mut Inventory::open(&path).unwrap());
    let reopened = Inventory::open(&path).unwrap();
    let found = reopened
        .search(PROFILE, TargetKind::Auth0Organization, "globex", 5)
        .unwrap();
    assert_eq!(found.len(), 1);
}

#[cfg(unix)]
#[test]
fn the_file_is_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("inventory.sqlite3");
    let _inventory = Inventory::open(&path).unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

#[test]
fn a_damaged_file_is_an_error_that_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("inventory.sqlite3");
    let junk: Vec<u8> = (0..8192u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(&path, &junk).unwrap();

    let error = Inventory::open(&path).unwrap_err();
    assert!(matches!(error, InventoryError::Damaged { .. }), "{error:?}");
    let message = error.to_string();
    assert!(
        message.contains("inventory.sqlite3") && message.contains("damaged"),
        "{message}"
    );
    // Nothing was written over it.
    assert_eq!(std::fs::read(&path).unwrap(), junk);
}

#[test]
fn a_file_cut_short_after_its_header_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("inventory.sqlite3");
    {
        let mut inventory = Inventory::open(&path).unwrap();
        auth0_tenant(&mut inventory);
    }
    // Checkpoint happened at close; keep the header, lose the rest.
    let bytes = std::fs::read(&path).unwrap();
    let _ = std::fs::remove_file(dir.path().join("inventory.sqlite3-wal"));
    let _ = std::fs::remove_file(dir.path().join("inventory.sqlite3-shm"));
    let mut cut = bytes[..100].to_vec();
    cut.extend(std::iter::repeat_n(0xA5u8, 4096 * 2));
    std::fs::write(&path, &cut).unwrap();
    let result = Inventory::open(&path).and_then(|inventory| {
        inventory
            .search(PROFILE, TargetKind::Auth0Organization, "a", 10)
            .map(|_| ())
    });
    assert!(result.is_err());
}

#[test]
fn a_value_no_server_could_have_sent_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("inventory.sqlite3");
    auth0_tenant(&mut Inventory::open(&path).unwrap());
    // Someone edited the file: an organization id with a path character, an unknown level.
    let raw = rusqlite::Connection::open(&path).unwrap();
    raw.execute(
        "UPDATE targets SET external_id = 'org/../acme' WHERE external_id = 'org_acme'",
        [],
    )
    .unwrap();
    raw.execute(
        "UPDATE auth0_org_connections SET organization_access_level = 'root'",
        [],
    )
    .unwrap();
    drop(raw);

    let inventory = Inventory::open(&path).unwrap();
    let has_okta = lanyard_inventory::Auth0OrgQuery {
        connection: Some(lanyard_model::inventory::ConnectionCondition {
            connection_id: crate::fixture::con("con_okta"),
            presence: lanyard_model::inventory::Presence::Has,
            options: Default::default(),
        }),
        name_contains: None,
    };
    let error = inventory
        .auth0_organizations(PROFILE, &has_okta)
        .unwrap_err();
    assert!(matches!(error, InventoryError::BadValue(_)), "{error:?}");
    let globex = lanyard_model::ids::OrganizationId::parse("org_globex").unwrap();
    let error = inventory
        .auth0_organization_connections(PROFILE, &globex)
        .unwrap_err();
    assert!(error.to_string().contains("root"), "{error}");
}
