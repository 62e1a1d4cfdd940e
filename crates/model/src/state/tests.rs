//! A target's state in words, and as it is journaled.

use super::*;
use crate::auth0::{AccessLevel, EnableConnection};
use crate::ids::ConnectionId;

fn con() -> ConnectionId {
    ConnectionId::parse("con_AbCdEf0123456789").unwrap()
}

fn connection(settings: Option<Settings>) -> TargetState {
    TargetState::Auth0Connection { settings }
}

#[test]
fn states_read_as_words() {
    assert_eq!(connection(None).to_string(), "not enabled");
    let mut s = EnableConnection::new(con()).effective();
    assert_eq!(
        connection(Some(s.clone())).to_string(),
        "enabled · button · access none"
    );
    s.is_enabled = false;
    s.show_as_button = false;
    s.assign_membership_on_login = true;
    s.is_signup_enabled = true;
    s.organization_access_level = AccessLevel::Limited;
    s.organization_connection_name = Some("Acme".into());
    assert_eq!(
        connection(Some(s)).to_string(),
        "disabled · membership on login · signup · access limited · shown as \u{201c}Acme\u{201d}"
    );
    assert_eq!(
        TargetState::ZitadelIdp { linked: true }.to_string(),
        "linked"
    );
    assert_eq!(
        TargetState::ZitadelIdp { linked: false }.to_string(),
        "not linked"
    );
    assert_eq!(
        TargetState::HubGroup { auto_join: true }.to_string(),
        "auto-join"
    );
    assert_eq!(
        TargetState::HubGroup { auto_join: false }.to_string(),
        "not auto-join"
    );
}

#[test]
fn states_are_tagged_by_kind_and_read_back_unchanged() {
    for state in [
        connection(None),
        connection(Some(EnableConnection::new(con()).effective())),
        TargetState::ZitadelIdp { linked: true },
        TargetState::HubGroup { auto_join: false },
    ] {
        let json = serde_json::to_value(&state).unwrap();
        assert!(json["kind"].is_string(), "{json}");
        assert_eq!(serde_json::from_value::<TargetState>(json).unwrap(), state);
    }
    // An Auth0 state is not read as another product's.
    assert!(serde_json::from_str::<TargetState>(r#"{"linked":true}"#).is_err());
}
