//! The Hub stand-in: auth modules, auto-join groups, user groups, projection, paging, auth.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

mod common;

use common::*;
use reqwest::Method;
use serde_json::{Value, json};

const GOOGLE: &str = "0a6f5b7c-1111-4e2d-9a3b-000000000002";
const GITHUB: &str = "0a6f5b7c-1111-4e2d-9a3b-000000000004";
const QA: &str = "6b1d2c3e-0000-4a5b-8c9d-000000000054";

#[tokio::test]
async fn add_list_and_remove_an_auto_join_group() {
    let s = sandbox().await;
    let t = s.credentials().hub_token.clone();
    let rest = format!("{}/api/rest", s.hub_url());
    let (status, _, body) = call(
        Method::POST,
        format!("{rest}/authmodules/{GITHUB}/autojoingroups?fields=id,name"),
        &t,
        Some(json!({"id": QA})),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        body,
        json!({"$type": "UserGroup", "id": QA, "name": "QA Engineers"}),
        "only the projected fields"
    );
    let (status, _, body) = call(
        Method::GET,
        format!("{rest}/authmodules/{GITHUB}/autojoingroups?fields=id,name&$top=10"),
        &t,
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        (
            body["total"].as_u64(),
            body["autojoingroups"][0]["id"].as_str()
        ),
        (Some(1), Some(QA))
    );
    let (status, _, body) = call(
        Method::DELETE,
        format!("{rest}/authmodules/{GITHUB}/autojoingroups/{QA}"),
        &t,
        None,
    )
    .await;
    assert_eq!(
        (status, body),
        (200, serde_json::Value::Null),
        "200 with an empty body"
    );
    let (status, _, _) = call(
        Method::DELETE,
        format!("{rest}/authmodules/{GITHUB}/autojoingroups/{QA}"),
        &t,
        None,
    )
    .await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn unknown_modules_and_groups_are_404_with_hubs_error_body() {
    let s = sandbox().await;
    let t = s.credentials().hub_token.clone();
    let rest = format!("{}/api/rest", s.hub_url());
    let (status, _, body) = call(Method::GET, format!("{rest}/authmodules/nope"), &t, None).await;
    assert_eq!(status, 404);
    assert!(body["error_description"].is_string());
    let (status, _, _) = call(
        Method::POST,
        format!("{rest}/authmodules/{GOOGLE}/autojoingroups"),
        &t,
        Some(json!({"id": "nope"})),
    )
    .await;
    assert_eq!(status, 404);
    let (status, _, body) = call(
        Method::POST,
        format!("{rest}/authmodules/{GOOGLE}/autojoingroups"),
        &t,
        Some(json!({"name": "x"})),
    )
    .await;
    assert_eq!((status, body["error"].as_str()), (400, Some("bad_request")));
}

#[tokio::test]
async fn a_read_only_token_cannot_write_and_a_bad_token_is_401() {
    let s = sandbox().await;
    let ro = s.credentials().hub_readonly_token.clone();
    let rest = format!("{}/api/rest", s.hub_url());
    let (status, _, _) = call(
        Method::GET,
        format!("{rest}/authmodules?fields=id&$top=10"),
        &ro,
        None,
    )
    .await;
    assert_eq!(status, 200);
    let (status, _, _) = call(
        Method::POST,
        format!("{rest}/authmodules/{GOOGLE}/autojoingroups"),
        &ro,
        Some(json!({"id": QA})),
    )
    .await;
    assert_eq!(status, 403);
    let (status, _, body) =
        call(Method::GET, format!("{rest}/usergroups"), "perm:nope", None).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (401, Some("Unauthorized"))
    );
}

#[tokio::test]
async fn groups_page_search_and_project() {
    let s = sandbox().await;
    let t = s.credentials().hub_token.clone();
    let rest = format!("{}/api/rest", s.hub_url());
    let (_, _, body) = call(
        Method::GET,
        format!("{rest}/usergroups?fields=id,name,userCount&$skip=20&$top=10"),
        &t,
        None,
    )
    .await;
    assert_eq!(
        (
            body["skip"].as_u64(),
            body["top"].as_u64(),
            body["total"].as_u64()
        ),
        (Some(20), Some(10), Some(25))
    );
    assert_eq!(body["usergroups"].as_array().unwrap().len(), 5);
    let (_, _, body) = call(
        Method::GET,
        format!("{rest}/usergroups?fields=id,name&query=name:%20%7BRelease%20Managers%7D"),
        &t,
        None,
    )
    .await;
    assert_eq!(body["usergroups"].as_array().unwrap().len(), 1);
    assert!(body["usergroups"][0].get("userCount").is_none());
    let (_, _, body) = call(
        Method::GET,
        format!("{rest}/usergroups?fields=id,name&query=support"),
        &t,
        None,
    )
    .await;
    assert_eq!(body["total"], 2);
    let (_, _, body) = call(
        Method::GET,
        format!("{rest}/authmodules/{GOOGLE}?fields=id,name,autoJoinGroups(id)"),
        &t,
        None,
    )
    .await;
    assert_eq!(body["autoJoinGroups"].as_array().unwrap().len(), 2);
    assert!(body["autoJoinGroups"][0].get("name").is_none());
    let (status, _, _) = call(
        Method::GET,
        format!("{rest}/usergroups?fields=id,(name"),
        &t,
        None,
    )
    .await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn auto_join_flags_parents_and_combined_queries() {
    let s = sandbox().await;
    let t = s.credentials().hub_token.clone();
    let rest = format!("{}/api/rest", s.hub_url());
    let (_, _, body) = call(
        Method::GET,
        format!(
            "{rest}/usergroups?fields=id,name,autoJoin,autoJoinDomain&query=is:%20autoJoin&$top=50"
        ),
        &t,
        None,
    )
    .await;
    let names: Vec<&str> = body["usergroups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Developers", "Support", "Contractors"]);
    assert_eq!(body["usergroups"][0]["autoJoinDomain"], "northwind.example");
    let (_, _, body) = call(
        Method::GET,
        format!("{rest}/usergroups/{QA}?fields=id,parent(id,name)"),
        &t,
        None,
    )
    .await;
    assert_eq!(body["parent"]["name"], "Developers");
    assert!(body.get("name").is_none() && body["parent"].get("userCount").is_none());
    let (_, _, body) = call(
        Method::GET,
        format!("{rest}/usergroups?fields=id&query=is:%20autoJoin%20and%20name:%20Support"),
        &t,
        None,
    )
    .await;
    assert_eq!(body["total"], 1);
    let (_, _, body) = call(
        Method::GET,
        format!("{rest}/authmodules?fields=id,name&query=is:%20disabled"),
        &t,
        None,
    )
    .await;
    assert_eq!(body["authmodules"][0]["name"], "Okta SAML (legacy)");
    assert_eq!(body["total"], 1);
}

#[tokio::test]
async fn a_module_is_updated_with_post_and_its_auto_join_list_replaced() {
    let s = sandbox().await;
    let t = s.credentials().hub_token.clone();
    let rest = format!("{}/api/rest", s.hub_url());
    let url =
        format!("{rest}/authmodules/{GITHUB}?fields=id,name,disabled,autoJoinGroups(id,name)");
    let (status, _, body) = call(
        Method::POST,
        url.clone(),
        &t,
        Some(json!({"name": "GitHub Enterprise", "autoJoinGroups": [{"id": QA}, {"id": QA}]})),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["name"], "GitHub Enterprise");
    assert_eq!(
        body["autoJoinGroups"],
        json!([{"$type": "UserGroup", "id": QA, "name": "QA Engineers"}])
    );
    assert_eq!(
        s.state(lanyard_sandbox::Product::Hub)["writes"][format!("{GITHUB}/{QA}")],
        1
    );
    let (status, _, body) = call(
        Method::POST,
        url.clone(),
        &t,
        Some(json!({"autoJoinGroups": [{"id": "6b1d2c3e-0000-4a5b-8c9d-0000000fffff"}]})),
    )
    .await;
    assert_eq!((status, body["error"].as_str()), (404, Some("Not Found")));
    let (status, _, body) = call(
        Method::POST,
        url.clone(),
        &t,
        Some(json!({"disabled": "yes"})),
    )
    .await;
    assert_eq!((status, body["error"].as_str()), (400, Some("bad_request")));
    let ro = s.credentials().hub_readonly_token.clone();
    let (status, _, _) = call(Method::POST, url, &ro, Some(json!({"disabled": true}))).await;
    assert_eq!(status, 403);
}

async fn service_token(s: &lanyard_sandbox::Sandbox, secret: &str, scope: &str) -> (u16, Value) {
    let c = s.credentials();
    let r = http()
        .post(format!("{}/api/rest/oauth2/token", s.hub_url()))
        .basic_auth(&c.hub_service_id, Some(secret))
        .form(&[("grant_type", "client_credentials"), ("scope", scope)])
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.json().await.unwrap())
}

#[tokio::test]
async fn a_trusted_service_signs_in_with_basic_auth_and_its_token_expires() {
    let s = sandbox().await;
    let c = s.credentials().clone();
    let (status, body) = service_token(&s, &c.hub_service_secret, &c.hub_service_scope).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["token_type"], "Bearer");
    assert!(body["expires_in"].as_u64().unwrap() > 0);
    let token = body["access_token"].as_str().unwrap().to_owned();
    let rest = format!("{}/api/rest", s.hub_url());
    let (status, _, _) = call(
        Method::POST,
        format!("{rest}/authmodules/{GITHUB}/autojoingroups"),
        &token,
        Some(json!({"id": QA})),
    )
    .await;
    assert_eq!(status, 200, "the service may write");

    let (status, body) = service_token(&s, "wrong", &c.hub_service_scope).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (401, Some("invalid_client"))
    );
    let (status, body) = service_token(&s, &c.hub_service_secret, "not-a-service").await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_scope"))
    );
    assert_eq!(s.state(lanyard_sandbox::Product::Hub)["token_requests"], 3);

    s.hub.expire_tokens();
    let (status, _, body) = call(Method::GET, format!("{rest}/authmodules"), &token, None).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (401, Some("invalid_token"))
    );
}
