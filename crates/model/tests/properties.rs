//! Random input never panics, and whatever parses serializes back unchanged.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

use lanyard_model::auth0::{
    AccessLevel, EnableConnection, Patch, UpdateConnection, check_enable, check_update,
};
use lanyard_model::ids::{ConnectionId, IdpId, OrganizationId, UserGroupId};
use lanyard_model::profile::{Product, normalize_address};
use proptest::prelude::*;

fn access_level() -> impl Strategy<Value = AccessLevel> {
    prop::sample::select(AccessLevel::ALL.to_vec())
}

fn patch<T: Clone + std::fmt::Debug + 'static>(
    inner: impl Strategy<Value = T> + 'static,
) -> impl Strategy<Value = Patch<T>> {
    prop_oneof![
        Just(Patch::Keep),
        Just(Patch::Clear),
        inner.prop_map(Patch::Set)
    ]
}

proptest! {
    #[test]
    fn ids_never_panic_and_round_trip(s in "\\PC{0,80}|[\\x00-\\x7f]{0,60}") {
        for parsed in [
            OrganizationId::parse(s.clone()).map(|i| i.to_string()),
            ConnectionId::parse(s.clone()).map(|i| i.to_string()),
            IdpId::parse(s.clone()).map(|i| i.to_string()),
            UserGroupId::parse(s.clone()).map(|i| i.to_string()),
        ]
        .into_iter()
        .flatten()
        {
            prop_assert_eq!(&parsed, &s);
            let json = serde_json::to_string(&parsed).unwrap();
            prop_assert_eq!(serde_json::from_str::<String>(&json).unwrap(), s.clone());
        }
    }

    #[test]
    fn enable_requests_round_trip_and_validate_without_panicking(
        id in "con_[A-Za-z0-9]{1,46}",
        name in proptest::option::of("\\PC{0,60}"),
        membership in proptest::option::of(any::<bool>()),
        button in proptest::option::of(any::<bool>()),
        signup in proptest::option::of(any::<bool>()),
        level in proptest::option::of(access_level()),
        enabled in any::<bool>(),
        strategy in proptest::option::of(prop::sample::select(vec!["auth0", "okta", "samlp", "google-oauth2", "email", "weird"])),
    ) {
        let r = EnableConnection {
            connection_id: ConnectionId::parse(id).unwrap(),
            organization_connection_name: name,
            assign_membership_on_login: membership,
            show_as_button: button,
            is_signup_enabled: signup,
            organization_access_level: level,
            is_enabled: enabled,
        };
        let json = serde_json::to_value(&r).unwrap();
        prop_assert_eq!(serde_json::from_value::<EnableConnection>(json).unwrap(), r.clone());
        let v = check_enable(&r, strategy);
        // The documented rules, restated: each must show up as an error when broken.
        let eff = r.effective();
        if eff.is_signup_enabled && !eff.assign_membership_on_login {
            prop_assert!(!v.errors.get("is_signup_enabled").is_empty());
        }
        if eff.organization_access_level != AccessLevel::None && eff.organization_connection_name.is_none() {
            prop_assert!(!v.errors.get("organization_access_level").is_empty());
        }
    }

    #[test]
    fn updates_round_trip(
        name in patch("\\PC{1,50}"),
        level in patch(access_level()),
        enabled in patch(any::<bool>()),
        button in proptest::option::of(any::<bool>()),
    ) {
        let u = UpdateConnection {
            organization_connection_name: name,
            organization_access_level: level,
            is_enabled: enabled,
            show_as_button: button,
            ..Default::default()
        };
        let json = serde_json::to_value(&u).unwrap();
        prop_assert_eq!(serde_json::from_value::<UpdateConnection>(json).unwrap(), u.clone());
        let current = EnableConnection::new(ConnectionId::parse("con_1").unwrap()).effective();
        let _ = check_update(&u, &current, Some("auth0"));
        let undo = UpdateConnection::between(&u.apply_to(&current), &current);
        prop_assert_eq!(undo.apply_to(&u.apply_to(&current)), current);
    }

    #[test]
    fn addresses_never_panic(s in "\\PC{0,100}") {
        for product in Product::ALL {
            if let Ok(url) = normalize_address(product, &s) {
                prop_assert!(url.starts_with("https://") || url.starts_with("http://"));
                // Normalizing twice changes nothing.
                prop_assert_eq!(normalize_address(product, &url).unwrap(), url);
            }
        }
    }

    #[test]
    fn replies_of_any_shape_never_panic(v in prop_oneof![
        Just(serde_json::json!(null)),
        Just(serde_json::json!([])),
        Just(serde_json::json!({"connections": "x"})),
        Just(serde_json::json!({"total": -1})),
        any::<i64>().prop_map(|n| serde_json::json!({"limit": n, "connections": []})),
    ]) {
        let _ = lanyard_model::auth0::OffsetPage::<lanyard_model::auth0::OrgConnection>::from_json(v.clone(), "connections");
        let _ = lanyard_model::auth0::CheckpointPage::<lanyard_model::auth0::Organization>::from_json(v.clone(), "organizations");
        let _ = lanyard_model::hub::Page::<lanyard_model::hub::UserGroup>::from_json(v, "usergroups");
    }
}
