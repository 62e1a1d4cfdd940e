//! The listings the pickers show with more than names (a connection's strategy, an IdP's type
//! and state, a module's type and whether it is enabled), read back as the model's types.

use lanyard_inventory::{TargetFacts, TargetKind, TargetRecord, UnixMillis};
use lanyard_model::auth0::Connection;
use lanyard_model::hub::AuthModule;
use lanyard_model::ids::{AuthModuleId, ConnectionId, IdpId};
use lanyard_model::zitadel::{IdpOwnerType, Provider};

use crate::fixture::{PROFILE, open};

fn connection(id: &str, name: &str, strategy: &str) -> Connection {
    Connection {
        id: ConnectionId::parse(id).unwrap(),
        name: name.to_owned(),
        strategy: strategy.to_owned(),
        display_name: Some(format!("{name} login")),
    }
}

fn record_of(kind: TargetKind, id: &str, name: &str, facts: TargetFacts) -> TargetRecord {
    TargetRecord {
        kind,
        id: id.to_owned(),
        name: name.to_owned(),
        display_name: None,
        facts: Some(facts),
    }
}

#[test]
fn connections_come_back_with_their_strategies_and_the_oldest_listing_time() {
    let (_dir, mut inventory) = open();
    assert_eq!(inventory.connections(PROFILE).unwrap(), None);
    let listed = [
        connection("con_okta", "okta-partners", "okta"),
        connection("con_db", "Username-Password", "auth0"),
    ];
    let records: Vec<TargetRecord> = listed
        .iter()
        .map(|c| TargetRecord {
            kind: TargetKind::Auth0Connection,
            id: c.id.to_string(),
            name: c.name.clone(),
            display_name: c.display_name.clone(),
            facts: Some(TargetFacts::of_connection(c)),
        })
        .collect();
    inventory
        .record_targets(PROFILE, &records[..1], UnixMillis(1000))
        .unwrap();
    inventory
        .record_targets(PROFILE, &records[1..], UnixMillis(2000))
        .unwrap();

    let listing = inventory.connections(PROFILE).unwrap().unwrap();
    assert_eq!(listing.listed_at, UnixMillis(1000));
    // By name: "Username-Password" sorts before "okta-partners" (binary order).
    assert_eq!(listing.items, [listed[1].clone(), listed[0].clone()]);
    // Another profile holds nothing.
    assert_eq!(inventory.connections("other").unwrap(), None);

    // A names-only read keeps the strategy read before.
    let names_only = TargetRecord {
        facts: None,
        ..records[0].clone()
    };
    inventory
        .record_targets(PROFILE, &[names_only], UnixMillis(3000))
        .unwrap();
    let listing = inventory.connections(PROFILE).unwrap().unwrap();
    assert_eq!(listing.items[1].strategy, "okta");
    assert_eq!(listing.listed_at, UnixMillis(2000));
}

#[test]
fn a_target_listed_by_name_only_sends_the_picker_live() {
    let (_dir, mut inventory) = open();
    let with_facts = record_of(
        TargetKind::ZitadelIdp,
        "idp-1",
        "Okta",
        TargetFacts::default(),
    );
    let names_only = TargetRecord {
        id: "idp-2".to_owned(),
        name: "Google".to_owned(),
        facts: None,
        ..with_facts.clone()
    };
    inventory
        .record_targets(PROFILE, &[with_facts, names_only], UnixMillis(1000))
        .unwrap();
    assert_eq!(inventory.providers(PROFILE).unwrap(), None);
}

#[test]
fn providers_and_modules_come_back_with_type_state_and_enabled() {
    let (_dir, mut inventory) = open();
    let provider = Provider {
        id: IdpId::parse("idp-okta").unwrap(),
        name: "Okta".to_owned(),
        state: Some("IDP_STATE_ACTIVE".to_owned()),
        owner: Some(IdpOwnerType::Org),
        kind: Some("PROVIDER_TYPE_OIDC".to_owned()),
    };
    let module = AuthModule {
        id: AuthModuleId::parse("google").unwrap(),
        name: Some("Google".to_owned()),
        disabled: Some(true),
        is_default: None,
        ordinal: None,
        kind: None,
        type_name: Some("GoogleAuthModuleJSON".to_owned()),
        auto_join_groups: None,
        allowed_create_new_users: None,
        registration_enabled: None,
    };
    inventory
        .record_targets(
            PROFILE,
            &[
                record_of(
                    TargetKind::ZitadelIdp,
                    "idp-okta",
                    "Okta",
                    TargetFacts::of_provider(&provider),
                ),
                record_of(
                    TargetKind::HubAuthModule,
                    "google",
                    "Google",
                    TargetFacts::of_auth_module(&module),
                ),
            ],
            UnixMillis(5000),
        )
        .unwrap();

    let providers = inventory.providers(PROFILE).unwrap().unwrap();
    assert_eq!(providers.items, [provider]);
    assert_eq!(providers.listed_at, UnixMillis(5000));

    let modules = inventory.auth_modules(PROFILE).unwrap().unwrap();
    let [read] = modules.items.as_slice() else {
        panic!("{modules:?}")
    };
    assert_eq!(read.name.as_deref(), Some("Google"));
    assert_eq!(read.disabled, Some(true));
    assert_eq!(read.kind_label(), "Google");
}
