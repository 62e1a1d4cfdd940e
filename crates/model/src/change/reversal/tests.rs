//! Each change's reversal takes its target back to the state before.

use super::*;
use crate::Labels;
use crate::auth0::{EnableConnection, Patch, Settings};
use crate::ids::{AuthModuleId, ConnectionId, IdpId, OrganizationId, UserGroupId};
use crate::zitadel::{IdpOwnerType, PolicyScope};

fn con() -> ConnectionId {
    ConnectionId::parse("con_AbCdEf0123456789").unwrap()
}

fn org() -> OrganizationId {
    OrganizationId::parse("org_AbCdEf0123456789").unwrap()
}

fn connection(settings: Option<Settings>) -> TargetState {
    TargetState::Auth0Connection { settings }
}

fn labels() -> Labels {
    Labels {
        target: "Acme".into(),
        item: "Acme SSO".into(),
    }
}

/// Applies `change` to `before`, then its reversal: the target is as it was.
fn round_trip(change: &Change, before: &TargetState) -> Change {
    let after = change.applied_to(before);
    assert_ne!(&after, before, "{change:?} changes something");
    let undo = change.reversal(before, &after).expect("a reversal");
    assert_eq!(&undo.applied_to(&after), before, "{undo:?}");
    undo
}

#[test]
fn every_change_is_reversed_back_to_the_state_before() {
    let mut request = EnableConnection::new(con());
    request.assign_membership_on_login = Some(true);
    let enable = Change::Auth0Enable {
        organization_id: org(),
        request: request.clone(),
        strategy: Some("auth0".into()),
        labels: labels(),
    };
    match round_trip(&enable, &connection(None)) {
        Change::Auth0Remove { expect, .. } => assert_eq!(expect, request.effective()),
        other => panic!("{other:?}"),
    }

    let before = EnableConnection::new(con()).effective();
    let update = Change::Auth0Update {
        organization_id: org(),
        connection_id: con(),
        update: UpdateConnection {
            is_enabled: Patch::Set(false),
            organization_connection_name: Patch::Set("Acme".into()),
            ..Default::default()
        },
        expect: before.clone(),
        strategy: Some("auth0".into()),
        labels: labels(),
    };
    match round_trip(&update, &connection(Some(before.clone()))) {
        Change::Auth0Update { update, expect, .. } => {
            assert_eq!(update.is_enabled, Patch::Set(true));
            assert_eq!(update.organization_connection_name, Patch::Clear);
            assert!(!expect.is_enabled, "the undo expects what the change left");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        update.reversal(&connection(None), &connection(None)),
        None,
        "an update of a connection not enabled has nothing to go back to"
    );

    let shown = Settings {
        show_as_button: false,
        ..before
    };
    let remove = Change::Auth0Remove {
        organization_id: org(),
        connection_id: con(),
        expect: shown.clone(),
        strategy: Some("oidc".into()),
        labels: labels(),
    };
    match round_trip(&remove, &connection(Some(shown))) {
        Change::Auth0Enable { request, .. } => assert_eq!(request.show_as_button, Some(false)),
        other => panic!("{other:?}"),
    }

    let link = Change::ZitadelLink {
        scope: PolicyScope::Instance,
        idp_id: IdpId::parse("2830").unwrap(),
        owner_type: IdpOwnerType::Org,
        labels: labels(),
        own_policy_first: false,
    };
    match round_trip(&link, &TargetState::ZitadelIdp { linked: false }) {
        Change::ZitadelUnlink { owner_type, .. } => assert_eq!(owner_type, IdpOwnerType::Org),
        other => panic!("{other:?}"),
    }
    let add = Change::HubAdd {
        module_id: AuthModuleId::parse("m1").unwrap(),
        group_id: UserGroupId::parse("g1").unwrap(),
        labels: labels(),
    };
    let undo = round_trip(&add, &TargetState::HubGroup { auto_join: false });
    assert!(matches!(undo, Change::HubRemove { .. }));
    round_trip(&undo, &TargetState::HubGroup { auto_join: true });
}

#[test]
fn an_enable_is_undone_expecting_what_the_server_stored() {
    let enable = Change::Auth0Enable {
        organization_id: org(),
        request: EnableConnection::new(con()),
        strategy: None,
        labels: labels(),
    };
    let stored = Settings {
        show_as_button: false,
        ..EnableConnection::new(con()).effective()
    };
    match enable.reversal(&connection(None), &connection(Some(stored.clone()))) {
        Some(Change::Auth0Remove { expect, .. }) => assert_eq!(expect, stored),
        other => panic!("{other:?}"),
    }
}
