//! ZITADEL replies and requests as the API writes them.

use super::*;

#[test]
fn an_empty_list_comes_without_result_or_totals() {
    let list: LinkedIdpList =
        serde_json::from_str(r#"{"details":{"viewTimestamp":"2026-01-01T00:00:00Z"}}"#).unwrap();
    assert!(list.result.is_empty());
    assert_eq!(list.details.total_result, 0);
}

#[test]
fn sixty_four_bit_numbers_come_as_strings() {
    let list: LinkedIdpList = serde_json::from_str(
        r#"{"details":{"totalResult":"2","processedSequence":"254"},"result":[{"idpId":"1","idpName":"Google","idpType":"IDP_TYPE_UNSPECIFIED"},{"idpId":"2"}]}"#,
    )
    .unwrap();
    assert_eq!(list.details.total_result, 2);
    assert_eq!(list.result[1].idp_name, "");
    let w: WriteReply = serde_json::from_str(r#"{"details":{"sequence":"12","creationDate":"2026-01-01T00:00:00Z","resourceOwner":"i1"}}"#).unwrap();
    assert_eq!(w.details.sequence, 12);
}

#[test]
fn requests_use_camel_case_and_offsets_as_strings() {
    let link = LinkInstanceIdp {
        idp_id: IdpId::parse("2830").unwrap(),
    };
    assert_eq!(
        serde_json::to_value(link).unwrap(),
        serde_json::json!({"idpId": "2830"})
    );
    let q = ListQuery::new(0, 100);
    assert_eq!(
        serde_json::to_value(q).unwrap(),
        serde_json::json!({"offset": "0", "limit": 100, "asc": true})
    );
    let org = LinkOrgIdp {
        idp_id: IdpId::parse("9").unwrap(),
        owner_type: IdpOwnerType::System,
    };
    assert_eq!(
        serde_json::to_value(&org).unwrap()["ownerType"],
        "IDP_OWNER_TYPE_SYSTEM"
    );
    assert!(org.validate().is_empty());
    let bad = LinkOrgIdp {
        owner_type: IdpOwnerType::Unspecified,
        ..org
    };
    assert!(!bad.validate().is_empty());
}

#[test]
fn error_codes_are_numbers_or_strings() {
    let rest: ErrorBody = serde_json::from_str(
        r#"{"code":6,"message":"Identity provider already exists (INSTANCE-2B0ps)","details":[{"@type":"type.googleapis.com/zitadel.v1.ErrorDetail","id":"INSTANCE-2B0ps","message":"Identity provider already exists"}]}"#,
    )
    .unwrap();
    assert_eq!(rest.code, Code::Number(6));
    assert_eq!(rest.details[0].id, "INSTANCE-2B0ps");
    let connect: ErrorBody = serde_json::from_str(r#"{"code":"not_found","message":"x"}"#).unwrap();
    assert_eq!(connect.code, Code::Text("not_found".into()));
}

#[test]
fn an_organizations_own_provider_is_linked_with_the_organizations_owner_type() {
    let read = |owner: &str| -> Provider {
        serde_json::from_str(&format!(
            r#"{{"id":"284019223568203790","name":"Acme partner SSO","owner":"{owner}","type":"PROVIDER_TYPE_OIDC"}}"#
        ))
        .unwrap()
    };
    let acme = PolicyScope::Organization {
        org_id: ZitadelOrgId::parse("284019223568204001").unwrap(),
    };
    let own = read("IDP_OWNER_TYPE_ORG");
    assert_eq!(own.owner, Some(IdpOwnerType::Org));
    let link = crate::Change::link_provider(acme.clone(), "Acme".into(), &own);
    let crate::Change::ZitadelLink {
        idp_id, owner_type, ..
    } = &link
    else {
        panic!("{link:?}")
    };
    // The body the client sends to the organization's policy.
    let body = LinkOrgIdp {
        idp_id: idp_id.clone(),
        owner_type: *owner_type,
    };
    assert_eq!(
        serde_json::to_value(&body).unwrap()["ownerType"],
        "IDP_OWNER_TYPE_ORG"
    );
    assert!(link.validate().is_empty());

    let shared = read("IDP_OWNER_TYPE_SYSTEM");
    assert_eq!(shared.owner_type(), IdpOwnerType::System);
    // An owner type this version does not know is read, not refused, and linked as the
    // instance's (ZITADEL decides).
    let unknown = read("IDP_OWNER_TYPE_SOMETHING_NEW");
    assert_eq!(unknown.owner, Some(IdpOwnerType::Unspecified));
    assert_eq!(unknown.owner_type(), IdpOwnerType::System);
}

#[test]
fn provider_kinds_read_as_words() {
    let p = |k: &str| Provider {
        id: IdpId::parse("1").unwrap(),
        name: "n".into(),
        state: None,
        owner: None,
        kind: Some(k.into()),
    };
    assert_eq!(p("PROVIDER_TYPE_OIDC").kind_label(), "OIDC");
    assert_eq!(p("PROVIDER_TYPE_GOOGLE").kind_label(), "Google");
    assert_eq!(p("PROVIDER_TYPE_AZURE_AD").kind_label(), "Azure AD");
}
