//! A small but realistic tenant of each product, and helpers to read answers as names.

use lanyard_inventory::{Inventory, ReadOrigin, UnixMillis};
use lanyard_model::auth0::{AccessLevel, OrgConnection, Organization};
use lanyard_model::ids::{ConnectionId, OrganizationId};

pub const PROFILE: &str = "auth0-prod";
pub const T0: UnixMillis = UnixMillis(1_764_000_000_000);

pub fn open() -> (tempfile::TempDir, Inventory) {
    let dir = tempfile::tempdir().unwrap();
    let inventory = Inventory::open(&dir.path().join("inventory.sqlite3")).unwrap();
    (dir, inventory)
}

pub fn con(id: &str) -> ConnectionId {
    ConnectionId::parse(id).unwrap()
}

pub fn org(id: &str, name: &str, display: Option<&str>) -> Organization {
    Organization {
        id: OrganizationId::parse(id).unwrap(),
        name: name.to_owned(),
        display_name: display.map(str::to_owned),
    }
}

/// A connection as the new endpoint returns it (every option present).
pub fn enabled(id: &str, show_as_button: bool, access: AccessLevel) -> OrgConnection {
    OrgConnection {
        connection_id: con(id),
        organization_connection_name: None,
        assign_membership_on_login: Some(false),
        show_as_button: Some(show_as_button),
        is_signup_enabled: None,
        organization_access_level: Some(access),
        is_enabled: Some(true),
        connection: None,
    }
}

/// A connection as the old `enabled_connections` endpoint returns it (options left out).
pub fn enabled_legacy(id: &str) -> OrgConnection {
    OrgConnection {
        connection_id: con(id),
        organization_connection_name: None,
        assign_membership_on_login: None,
        show_as_button: None,
        is_signup_enabled: None,
        organization_access_level: None,
        is_enabled: None,
        connection: None,
    }
}

/// Five customers: Okta on three (one hides its button, one gives full access), Google on
/// four, one read through the old endpoint, and one organization known only by name.
pub fn auth0_tenant(inventory: &mut Inventory) {
    use AccessLevel::{Full, None as NoAccess};
    let tenant = [
        (
            org("org_acme", "acme", Some("Acme Corporation")),
            vec![
                enabled("con_okta", false, NoAccess),
                enabled("con_google", true, NoAccess),
            ],
        ),
        (
            org("org_globex", "globex", Some("Globex Inc.")),
            vec![
                enabled("con_okta", true, Full),
                enabled("con_google", true, NoAccess),
            ],
        ),
        (
            org("org_initech", "initech", Some("Initech")),
            vec![enabled("con_okta", true, NoAccess)],
        ),
        (
            org("org_umbrella", "umbrella", None),
            vec![enabled_legacy("con_google")],
        ),
        (
            org("org_hooli", "hooli", Some("Hooli XYZ")),
            vec![enabled("con_google", false, NoAccess)],
        ),
    ];
    for (organization, connections) in tenant {
        inventory
            .replace_auth0_organization(
                PROFILE,
                &organization,
                &connections,
                T0,
                ReadOrigin::Independent,
            )
            .unwrap();
    }
    inventory
        .record_targets(
            PROFILE,
            &[lanyard_inventory::TargetRecord {
                kind: lanyard_inventory::TargetKind::Auth0Organization,
                id: "org_wayne".to_owned(),
                name: "wayne".to_owned(),
                display_name: Some("Wayne Enterprises".to_owned()),
                facts: None,
            }],
            T0,
        )
        .unwrap();
}

pub fn names<I>(found: &[lanyard_inventory::Found<I>]) -> Vec<&str> {
    found.iter().map(|o| o.name.as_str()).collect()
}
