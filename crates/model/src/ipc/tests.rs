//! The contract's names and its arguments on the wire.

#![allow(clippy::unwrap_used)]

use std::collections::HashSet;

use super::*;

/// `Auth0OrgConnections` -> `auth0_org_connections`.
fn snake(type_name: &str) -> String {
    let mut out = String::new();
    for (i, c) in type_name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn each_command_has_one_name_spelled_like_its_type() {
    let mut seen = HashSet::new();
    for (type_name, name) in TYPE_NAMES {
        assert_eq!(snake(type_name), *name, "{type_name}");
        assert!(seen.insert(*name), "{name} is listed twice");
        assert!(
            name.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
            "{name}"
        );
    }
    assert_eq!(ALL_COMMANDS.len(), TYPE_NAMES.len());
    assert_eq!(ProfileAdd::NAME, "profile_add");
    assert_eq!(
        permission(HubAutoJoinGroups::NAME),
        "allow-hub-auto-join-groups"
    );
}

#[test]
fn arguments_travel_as_snake_case_fields_and_unknown_ones_are_refused() {
    let args: OrgConnectionsArgs =
        serde_json::from_value(serde_json::json!({"profile_id": "p1", "organization_id": "org_1"}))
            .unwrap();
    assert_eq!(args.organization_id, "org_1");
    assert!(
        serde_json::from_value::<OrgConnectionsArgs>(
            serde_json::json!({"profileId": "p1", "organizationId": "org_1"})
        )
        .is_err()
    );
    assert!(serde_json::from_value::<NoArgs>(serde_json::json!({})).is_ok());
    assert!(serde_json::from_value::<NoArgs>(serde_json::json!({"x": 1})).is_err());
    let bad_id = serde_json::from_value::<OrgConnectionsArgs>(
        serde_json::json!({"profile_id": "p1", "organization_id": "org/../x"}),
    );
    assert!(bad_id.unwrap_err().to_string().contains("path"));
    let apply: ChangeApplyArgs = serde_json::from_value(serde_json::json!({
        "profile_id": "p1",
        "change": {"op": "hub_add", "module_id": "m1", "group_id": "g1",
                   "labels": {"target": "M", "item": "G"}},
    }))
    .unwrap();
    assert_eq!(apply.confirm, None);
}

#[test]
fn the_checks_are_the_models_rules() {
    let draft: crate::ProfileDraft = serde_json::from_value(serde_json::json!({
        "product": "auth0", "display_name": "", "address": "acme.auth0.com",
        "client_id": "abc", "environment": "production"
    }))
    .unwrap();
    let add = ProfileAddArgs {
        draft: draft.clone(),
    };
    assert_eq!(add.check(), draft.validate(true));
    assert!(!add.check().get("display_name").is_empty());
    assert!(!add.check().get("secret").is_empty());
    let edit = ProfileEditArgs {
        profile_id: "p1".into(),
        draft,
    };
    assert!(
        edit.check().get("secret").is_empty(),
        "an edit may keep the secret"
    );
    assert!(
        ProfileArgs {
            profile_id: String::new()
        }
        .check()
        .is_empty()
    );
}
