//! The ZITADEL stand-in: instance and organization login-policy IdPs, errors, JSON conventions.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

mod common;

use common::*;
use reqwest::Method;
use serde_json::json;

const GITHUB: &str = "284019223568203779";
const OIDC: &str = "284019223568203780";
const ORG_OWNED: &str = "284019223568203790";
const ACME: &str = "284019223568204001";
const GLOBEX: &str = "284019223568204002";

#[tokio::test]
async fn link_list_and_unlink_at_instance_level() {
    let s = sandbox().await;
    let pat = s.credentials().zitadel_pat.clone();
    let z = s.zitadel_url();
    let (status, _, body) = call(
        Method::POST,
        format!("{z}/admin/v1/policies/login/idps"),
        &pat,
        Some(json!({"idpId": OIDC})),
    )
    .await;
    assert_eq!(status, 200);
    assert!(
        body["details"]["sequence"].is_string(),
        "64-bit numbers as strings: {body}"
    );
    assert!(body["details"]["creationDate"].is_string());
    let (status, _, body) = call(
        Method::POST,
        format!("{z}/admin/v1/policies/login/idps/_search"),
        &pat,
        Some(json!({"query": {"offset": "0", "limit": 100, "asc": true}})),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(body["details"]["totalResult"], "3");
    let linked: Vec<&str> = body["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["idpId"].as_str().unwrap())
        .collect();
    assert!(linked.contains(&OIDC));
    let oidc = body["result"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["idpId"] == OIDC)
        .unwrap();
    assert_eq!(oidc["idpType"], "IDP_TYPE_OIDC");
    let (status, _, body) = call(
        Method::POST,
        format!("{z}/admin/v1/policies/login/idps"),
        &pat,
        Some(json!({"idp_id": OIDC})),
    )
    .await;
    assert_eq!(
        (
            status,
            body["code"].as_u64(),
            body["details"][0]["id"].as_str()
        ),
        (409, Some(6), Some("INSTANCE-2B0ps"))
    );
    let (status, _, body) = call(
        Method::DELETE,
        format!("{z}/admin/v1/policies/login/idps/{GITHUB}"),
        &pat,
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert!(body["details"]["changeDate"].is_string());
    let (status, _, body) = call(
        Method::DELETE,
        format!("{z}/admin/v1/policies/login/idps/{GITHUB}"),
        &pat,
        None,
    )
    .await;
    assert_eq!(
        (status, body["details"][0]["id"].as_str()),
        (404, Some("INSTANCE-39fjs"))
    );
}

#[tokio::test]
async fn unknown_or_org_owned_idps_cannot_be_linked_to_the_instance() {
    let s = sandbox().await;
    let pat = s.credentials().zitadel_pat.clone();
    let z = s.zitadel_url();
    for id in ["999", ORG_OWNED] {
        let (status, _, body) = call(
            Method::POST,
            format!("{z}/admin/v1/policies/login/idps"),
            &pat,
            Some(json!({"idpId": id})),
        )
        .await;
        assert_eq!(
            (
                status,
                body["code"].as_u64(),
                body["details"][0]["id"].as_str()
            ),
            (400, Some(9), Some("INSTANCE-m8fsd")),
            "{id}"
        );
    }
    let (status, _, body) = call(
        Method::POST,
        format!("{z}/admin/v1/policies/login/idps"),
        &pat,
        Some(json!({"idpId": ""})),
    )
    .await;
    assert_eq!((status, body["code"].as_u64()), (400, Some(3)));
}

#[tokio::test]
async fn a_viewer_reads_but_cannot_write_and_a_bad_token_is_401() {
    let s = sandbox().await;
    let viewer = s.credentials().zitadel_viewer_pat.clone();
    let z = s.zitadel_url();
    let (status, _, _) = call(
        Method::GET,
        format!("{z}/admin/v1/policies/login"),
        &viewer,
        None,
    )
    .await;
    assert_eq!(status, 200);
    let (status, _, body) = call(
        Method::POST,
        format!("{z}/admin/v1/policies/login/idps"),
        &viewer,
        Some(json!({"idpId": OIDC})),
    )
    .await;
    assert_eq!((status, body["code"].as_u64()), (403, Some(7)));
    let (status, _, body) = call(
        Method::GET,
        format!("{z}/admin/v1/policies/login"),
        "nope",
        None,
    )
    .await;
    assert_eq!((status, body["code"].as_u64()), (401, Some(16)));
}

#[tokio::test]
async fn empty_lists_leave_out_result_and_totals_and_routing_errors_have_their_bodies() {
    let s = sandbox().await;
    let pat = s.credentials().zitadel_pat.clone();
    let z = s.zitadel_url();
    let (status, _, body) = call(Method::POST, format!("{z}/admin/v1/idps/templates/_search"), &pat, Some(json!({"queries": [{"idpNameQuery": {"name": "no such idp", "method": "TEXT_QUERY_METHOD_CONTAINS_IGNORE_CASE"}}]}))).await;
    assert_eq!(status, 200);
    assert!(
        body.get("result").is_none() && body["details"].get("totalResult").is_none(),
        "{body}"
    );
    let (status, _, body) = call(
        Method::GET,
        format!("{z}/admin/v1/nothing/here"),
        &pat,
        None,
    )
    .await;
    assert_eq!(
        (status, body),
        (404, json!({"code": 5, "message": "Not Found"}))
    );
    let (status, _, body) = call(
        Method::PUT,
        format!("{z}/admin/v1/policies/login/idps"),
        &pat,
        None,
    )
    .await;
    assert_eq!((status, body["code"].as_u64()), (405, Some(12)));
}

#[tokio::test]
async fn templates_are_instance_level_only_and_searchable() {
    let s = sandbox().await;
    let pat = s.credentials().zitadel_pat.clone();
    let (_, _, body) = call(
        Method::POST,
        format!("{}/admin/v1/idps/templates/_search", s.zitadel_url()),
        &pat,
        Some(json!({})),
    )
    .await;
    let items = body["result"].as_array().unwrap();
    assert_eq!(items.len(), 7);
    assert!(items.iter().all(|p| p["owner"] == "IDP_OWNER_TYPE_SYSTEM"));
    let (_, _, body) = call(
        Method::POST,
        format!("{}/admin/v1/idps/templates/_search", s.zitadel_url()),
        &pat,
        Some(json!({"query": {"offset": "2", "limit": 2}})),
    )
    .await;
    assert_eq!(body["result"].as_array().unwrap().len(), 2);
    assert_eq!(body["details"]["totalResult"], "7");
}

#[tokio::test]
async fn organization_policies_need_their_own_policy_and_the_owner_type() {
    let s = sandbox().await;
    let pat = s.credentials().zitadel_pat.clone();
    let z = s.zitadel_url();
    let org_call =
        |org: &'static str, method: Method, path: &str, body: Option<serde_json::Value>| {
            let mut req = http()
                .request(method, format!("{z}{path}"))
                .bearer_auth(&pat)
                .header("x-zitadel-orgid", org);
            if let Some(b) = body {
                req = req.json(&b);
            }
            req.send()
        };
    let r = org_call(GLOBEX, Method::GET, "/management/v1/policies/login", None)
        .await
        .unwrap();
    let body: serde_json::Value = r.json().await.unwrap();
    assert_eq!(
        body["policy"]["isDefault"], true,
        "Globex uses the instance default"
    );
    let r = org_call(
        GLOBEX,
        Method::POST,
        "/management/v1/policies/login/idps",
        Some(json!({"idpId": OIDC, "ownerType": "IDP_OWNER_TYPE_SYSTEM"})),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 404);
    assert_eq!(
        r.json::<serde_json::Value>().await.unwrap()["details"][0]["id"],
        "Org-Ffgw2"
    );
    let r = org_call(
        ACME,
        Method::POST,
        "/management/v1/policies/login/idps",
        Some(json!({"idpId": OIDC})),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 400, "ownerType is required");
    let r = org_call(
        ACME,
        Method::POST,
        "/management/v1/policies/login/idps",
        Some(json!({"idpId": OIDC, "ownerType": "IDP_OWNER_TYPE_SYSTEM"})),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 200);
    let r = org_call(
        ACME,
        Method::POST,
        "/management/v1/policies/login/idps",
        Some(json!({"idpId": OIDC, "ownerType": "IDP_OWNER_TYPE_SYSTEM"})),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 409);
    let r = org_call("123", Method::GET, "/management/v1/policies/login", None)
        .await
        .unwrap();
    assert_eq!(
        r.status(),
        403,
        "an organization the caller cannot see is 403, not 404"
    );
}
