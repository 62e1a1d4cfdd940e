//! The op of a bulk run and the change it makes on each target.
use super::*;

fn org(id: &str) -> BulkTarget {
    BulkTarget {
        id: id.into(),
        name: format!("Org {id}"),
        owner_type: None,
    }
}

#[test]
fn a_change_per_target_carries_the_target_and_what_it_expects() {
    let conn = ConnectionId::parse("con_AbCdEf0123456789").unwrap();
    let op = BulkOp::Auth0Remove {
        connection_id: conn.clone(),
        strategy: Some("oidc".into()),
        connection_name: "Acme SSO".into(),
    };
    let now = Settings {
        show_as_button: true,
        ..EnableConnection::new(conn.clone()).effective()
    };
    let change = op
        .change_for(&org("org_AbCdEf0123456789"), Some(&now))
        .unwrap();
    match change {
        Change::Auth0Remove {
            organization_id,
            expect,
            labels,
            ..
        } => {
            assert_eq!(organization_id.as_str(), "org_AbCdEf0123456789");
            assert_eq!(expect, now);
            assert_eq!(labels.target, "Org org_AbCdEf0123456789".into());
            assert_eq!(labels.item, "Acme SSO".into());
        }
        other => panic!("{other:?}"),
    }
    assert!(op.is_destructive());
    assert_eq!(
        op.describe(3).to_string(),
        "Remove Acme SSO from 3 organizations"
    );
}

#[test]
fn a_bulk_link_of_an_organizations_own_provider_sends_its_owner_type() {
    let provider: crate::zitadel::Provider = serde_json::from_str(
        r#"{"id":"284019223568203790","name":"Acme partner SSO","owner":"IDP_OWNER_TYPE_ORG"}"#,
    )
    .unwrap();
    let op = BulkOp::ZitadelLink {
        scope: PolicyScope::Organization {
            org_id: crate::ids::ZitadelOrgId::parse("284019223568204001").unwrap(),
        },
        scope_name: "Acme".into(),
    };
    let target = BulkTarget::identity_provider(&provider);
    match op.change_for(&target, None).unwrap() {
        Change::ZitadelLink { owner_type, .. } => assert_eq!(owner_type, IdpOwnerType::Org),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_bad_target_id_is_refused_not_sent() {
    let op = BulkOp::Auth0Enable {
        request: EnableConnection::new(ConnectionId::parse("con_AbCdEf0123456789").unwrap()),
        strategy: None,
        connection_name: "github".into(),
    };
    assert!(op.change_for(&org("../admin"), None).is_err());
}

#[test]
fn every_targets_change_is_checked_before_anything_is_read() {
    let org_scope = PolicyScope::Organization {
        org_id: crate::ids::ZitadelOrgId::parse("2660").unwrap(),
    };
    let link = BulkOp::ZitadelLink {
        scope: org_scope,
        scope_name: "Acme".into(),
    };
    let unspecified = BulkTarget {
        id: "301".into(),
        name: "Okta".into(),
        owner_type: Some(IdpOwnerType::Unspecified),
    };
    let errors = link.check_targets(&[unspecified]);
    assert!(
        errors.get("targets")[0]
            .to_string()
            .starts_with("Okta: owner_type"),
        "{errors:?}"
    );

    // Sign-up on a social connection fails on every organization: refused as a whole.
    let update = BulkOp::Auth0Update {
        connection_id: ConnectionId::parse("con_AbCdEf0123456789").unwrap(),
        update: UpdateConnection {
            is_signup_enabled: Some(true),
            ..Default::default()
        },
        strategy: Some("github".into()),
        connection_name: "GitHub".into(),
    };
    assert!(
        !update
            .check_targets(&[org("org_AbCdEf0123456789")])
            .get("is_signup_enabled")
            .is_empty()
    );
    // ... but on a database connection it depends on each organization's options.
    let BulkOp::Auth0Update {
        connection_id,
        update,
        connection_name,
        ..
    } = update
    else {
        unreachable!()
    };
    let db = BulkOp::Auth0Update {
        connection_id,
        update,
        strategy: Some("auth0".into()),
        connection_name,
    };
    assert!(db.check_targets(&[org("org_AbCdEf0123456789")]).is_empty());

    let bad: Vec<BulkTarget> = (0..8).map(|i| org(&format!("../{i}"))).collect();
    let errors = db.check_targets(&bad);
    assert_eq!(
        errors.get("targets").len(),
        6,
        "five listed, then how many more"
    );
    assert!(
        errors.get("targets")[5]
            .to_string()
            .starts_with("and 3 more")
    );
}
