//! The Auth0 stand-in: tokens, organizations, connections, org connections, paging, rules, limits.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

mod common;

use common::*;
use lanyard_sandbox::{Product, SandboxConfig};
use reqwest::Method;
use serde_json::{Value, json};

#[tokio::test]
async fn tokens_need_the_right_client_and_audience() {
    let s = sandbox().await;
    let c = s.credentials().clone();
    let url = format!("{}/oauth/token", s.auth0_url());
    let bad = http()
        .post(&url)
        .json(&json!({"grant_type": "client_credentials", "client_id": c.auth0_client_id, "client_secret": "wrong", "audience": s.auth0.audience()}))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 401);
    assert_eq!(bad.json::<Value>().await.unwrap()["error"], "access_denied");
    let wrong_audience = http()
        .post(&url)
        .form(&[
            ("grant_type", "client_credentials"),
            ("client_id", &c.auth0_client_id),
            ("client_secret", &c.auth0_client_secret),
            ("audience", "https://elsewhere/api/v2/"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(wrong_audience.status(), 403);
    let form = http()
        .post(&url)
        .form(&[
            ("grant_type", "client_credentials"),
            ("client_id", &c.auth0_client_id),
            ("client_secret", &c.auth0_client_secret),
            ("audience", &s.auth0.audience()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(form.status(), 200);
    let body: Value = form.json().await.unwrap();
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["expires_in"], 86_400);
}

#[tokio::test]
async fn a_missing_bad_or_expired_token_gets_401_and_a_missing_scope_403() {
    let s = sandbox().await;
    let url = format!("{}/api/v2/organizations", s.auth0_url());
    let (status, _, body) = call(Method::GET, url.clone(), "nope", None).await;
    assert_eq!(
        (status, body["message"].as_str()),
        (401, Some("Invalid token"))
    );
    let token = auth0_token(&s, false).await;
    s.auth0.expire_tokens();
    let (status, _, body) = call(Method::GET, url, &token, None).await;
    assert_eq!(status, 401);
    assert!(body["message"].as_str().unwrap().contains("Expired token"));
    let ro = auth0_token(&s, true).await;
    let org = first_org(&s);
    let (status, _, body) = call(
        Method::POST,
        format!("{}/api/v2/organizations/{org}/connections", s.auth0_url()),
        &ro,
        Some(json!({"connection_id": connection_id(&s, "github"), "is_enabled": true})),
    )
    .await;
    assert_eq!(status, 403);
    assert_eq!(body["errorCode"], "insufficient_scope");
    assert_eq!(
        body["message"],
        "Insufficient scope, expected any of: create:organization_connections"
    );
}

#[tokio::test]
async fn enabling_a_connection_returns_201_with_auth0s_defaults_then_409() {
    let s = sandbox().await;
    let token = auth0_token(&s, false).await;
    let org = &s.state(Product::Auth0)["organizations"][20]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let db = connection_id(&s, "Partners-Database");
    let url = format!("{}/api/v2/organizations/{org}/connections", s.auth0_url());
    let (status, headers, body) = call(
        Method::POST,
        url.clone(),
        &token,
        Some(json!({"connection_id": db, "is_enabled": true})),
    )
    .await;
    assert_eq!(status, 201);
    assert_eq!(
        body,
        json!({"connection_id": db, "is_signup_enabled": false, "assign_membership_on_login": false, "show_as_button": true,
               "is_enabled": true, "organization_access_level": "none", "connection": {"name": "Partners-Database", "strategy": "auth0"}})
    );
    assert!(headers.contains_key("x-ratelimit-remaining"));
    let (status, _, body) = call(
        Method::POST,
        url,
        &token,
        Some(json!({"connection_id": db, "is_enabled": true})),
    )
    .await;
    assert_eq!(status, 409);
    assert_eq!(
        body["message"],
        "The organization connection already exists."
    );
}

#[tokio::test]
async fn enterprise_connections_omit_signup_and_the_rules_are_enforced() {
    // Refused writes draw from the bucket too; this test makes more than its burst of 5.
    let s = sandbox_with(SandboxConfig {
        write_bucket: lanyard_sandbox::ratelimit::BucketSpec {
            burst: 50,
            per_minute: 600,
        },
        ..Default::default()
    })
    .await;
    let token = auth0_token(&s, false).await;
    let org = s.state(Product::Auth0)["organizations"][21]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let url = format!("{}/api/v2/organizations/{org}/connections", s.auth0_url());
    let okta = connection_id(&s, "Initech-Okta");
    let (status, _, body) = call(Method::POST, url.clone(), &token, Some(json!({"connection_id": okta, "is_enabled": true, "is_signup_enabled": true, "assign_membership_on_login": true}))).await;
    assert_eq!(status, 400);
    assert_eq!(
        body["message"],
        "Only database connections with assign_membership_on_login = true support is_signup_enabled = true."
    );
    let (status, _, body) = call(
        Method::POST,
        url.clone(),
        &token,
        Some(
            json!({"connection_id": okta, "is_enabled": true, "organization_access_level": "full"}),
        ),
    )
    .await;
    assert_eq!(status, 400, "{body}");
    let (status, _, body) = call(
        Method::POST,
        url.clone(),
        &token,
        Some(json!({"connection_id": okta, "is_enabled": true, "foo": 1})),
    )
    .await;
    assert_eq!(
        (status, body["errorCode"].as_str()),
        (400, Some("invalid_body"))
    );
    let (status, _, body) = call(
        Method::POST,
        url.clone(),
        &token,
        Some(json!({"connection_id": "c".repeat(51)})),
    )
    .await;
    assert_eq!(status, 400, "{body}");
    let (status, _, body) = call(
        Method::POST,
        url.clone(),
        &token,
        Some(json!({"connection_id": okta, "is_enabled": true})),
    )
    .await;
    assert_eq!(status, 201);
    assert!(body.get("is_signup_enabled").is_none(), "{body}");
    assert!(body.get("organization_connection_name").is_none(), "{body}");
    let (status, _, _) = call(
        Method::POST,
        url,
        &token,
        Some(json!({"connection_id": "con_doesnotexist"})),
    )
    .await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn update_get_and_remove() {
    let s = sandbox().await;
    let token = auth0_token(&s, false).await;
    let org = first_org(&s);
    let okta = connection_id(&s, "Initech-Okta");
    let one = format!(
        "{}/api/v2/organizations/{org}/connections/{okta}",
        s.auth0_url()
    );
    let (status, _, body) = call(Method::GET, one.clone(), &token, None).await;
    assert_eq!(
        (status, body["organization_connection_name"].as_str()),
        (200, Some("Acme SSO"))
    );
    let (status, _, body) = call(
        Method::PATCH,
        one.clone(),
        &token,
        Some(json!({"show_as_button": false, "organization_access_level": null})),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        (
            body["show_as_button"].as_bool(),
            body["organization_access_level"].as_str()
        ),
        (Some(false), Some("none")),
        "null resets the level to its default: {body}"
    );
    assert_eq!(
        body["organization_connection_name"], "Acme SSO",
        "fields not named are kept"
    );
    let (status, _, _) = call(
        Method::PATCH,
        one.clone(),
        &token,
        Some(json!({"connection_id": okta})),
    )
    .await;
    assert_eq!(status, 400, "no connection_id in a PATCH body");
    let (status, _, body) = call(Method::DELETE, one.clone(), &token, None).await;
    assert_eq!((status, body), (204, Value::Null));
    let (status, _, _) = call(Method::GET, one.clone(), &token, None).await;
    assert_eq!(status, 404);
    let (status, _, _) = call(Method::DELETE, one, &token, None).await;
    assert_eq!(status, 404);
    let (status, _, body) = call(
        Method::GET,
        format!(
            "{}/api/v2/organizations/org_nope/connections/{okta}",
            s.auth0_url()
        ),
        &token,
        None,
    )
    .await;
    assert_eq!(
        (status, body["message"].as_str()),
        (404, Some("The organization does not exists."))
    );
}

#[tokio::test]
async fn the_old_endpoints_answer_their_own_shape() {
    let s = sandbox().await;
    let token = auth0_token(&s, false).await;
    let org = first_org(&s);
    let (status, _, body) = call(
        Method::GET,
        format!(
            "{}/api/v2/organizations/{org}/enabled_connections?include_totals=true",
            s.auth0_url()
        ),
        &token,
        None,
    )
    .await;
    assert_eq!(status, 200);
    let first = &body["enabled_connections"][0];
    assert!(
        first.get("is_enabled").is_none() && first.get("organization_access_level").is_none(),
        "{first}"
    );
}

#[tokio::test]
async fn a_tenant_without_the_feature_refuses_the_new_endpoints_after_the_scope_check() {
    let s = sandbox_with(SandboxConfig {
        auth0_legacy_only: true,
        ..Default::default()
    })
    .await;
    let token = auth0_token(&s, false).await;
    let org = first_org(&s);
    let base = format!("{}/api/v2/organizations/{org}", s.auth0_url());
    let (status, headers, body) =
        call(Method::GET, format!("{base}/connections"), &token, None).await;
    assert_eq!(status, 403);
    assert_eq!(body["errorCode"], "operation_not_supported");
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("not enabled for this tenant")
    );
    assert!(
        headers.contains_key("x-ratelimit-remaining"),
        "the request counted"
    );
    let (status, _, body) = call(
        Method::GET,
        format!("{base}/enabled_connections"),
        &token,
        None,
    )
    .await;
    assert_eq!((status, body.as_array().map(Vec::len)), (200, Some(2)));

    // A missing scope is reported as such, before the feature is looked at.
    let readonly = auth0_token(&s, true).await;
    let con = connection_id(&s, "github");
    let (status, _, body) = call(
        Method::POST,
        format!("{base}/connections"),
        &readonly,
        Some(json!({"connection_id": con, "is_enabled": true})),
    )
    .await;
    assert_eq!(
        (status, body["errorCode"].as_str()),
        (403, Some("insufficient_scope"))
    );
    let calls = &s.state(Product::Auth0)["org_connection_calls"];
    assert_eq!(
        (
            calls["new:list"].as_u64(),
            calls["old:list"].as_u64(),
            calls["new:add"].as_u64()
        ),
        (Some(1), Some(1), Some(1))
    );

    // The admin port turns the feature back on.
    let r = http()
        .put(format!("{}/auth0/legacy-only", s.admin_url()))
        .bearer_auth(s.admin_token())
        .body("false")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    let (status, _, _) = call(Method::GET, format!("{base}/connections"), &token, None).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn offset_paging_bare_arrays_totals_and_the_1000_record_cap() {
    let s = sandbox_with(SandboxConfig {
        organizations: 1_200,
        ..Default::default()
    })
    .await;
    let token = auth0_token(&s, true).await;
    let base = format!("{}/api/v2/organizations", s.auth0_url());
    let (status, _, body) = call(Method::GET, format!("{base}?per_page=5"), &token, None).await;
    assert_eq!(status, 200);
    assert_eq!(
        body.as_array().unwrap().len(),
        5,
        "a bare array without include_totals"
    );
    let (_, _, body) = call(
        Method::GET,
        format!("{base}?per_page=50&page=1&include_totals=true"),
        &token,
        None,
    )
    .await;
    assert_eq!(
        (
            body["start"].as_u64(),
            body["limit"].as_u64(),
            body["total"].as_u64()
        ),
        (Some(50), Some(50), Some(1_200))
    );
    let (status, _, body) = call(
        Method::GET,
        format!("{base}?per_page=100&page=10"),
        &token,
        None,
    )
    .await;
    assert_eq!(
        (status, body["errorCode"].as_str()),
        (400, Some("invalid_paging"))
    );
    let (status, _, _) = call(Method::GET, format!("{base}?per_page=101"), &token, None).await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn checkpoint_paging_walks_past_1000_and_ends_without_next() {
    let s = sandbox_with(SandboxConfig {
        organizations: 1_050,
        read_bucket: lanyard_sandbox::ratelimit::BucketSpec {
            burst: 100,
            per_minute: 60_000,
        },
        ..Default::default()
    })
    .await;
    let token = auth0_token(&s, true).await;
    let mut from: Option<String> = None;
    let mut seen = std::collections::HashSet::new();
    loop {
        let mut url = format!(
            "{}/api/v2/organizations?take=100&include_totals=true",
            s.auth0_url()
        );
        if let Some(f) = &from {
            url.push_str(&format!("&from={f}"));
        }
        let (status, _, body) = call(Method::GET, url, &token, None).await;
        assert_eq!(status, 200, "{body}");
        assert!(body.get("total").is_none(), "no totals in checkpoint mode");
        for o in body["organizations"].as_array().unwrap() {
            assert!(
                seen.insert(o["id"].as_str().unwrap().to_owned()),
                "no organization twice"
            );
        }
        match body["next"].as_str() {
            Some(next) => from = Some(next.to_owned()),
            None => break,
        }
    }
    assert_eq!(seen.len(), 1_050);
}

#[tokio::test]
async fn the_connection_picker_filters_by_strategy_and_name() {
    let s = sandbox().await;
    let token = auth0_token(&s, true).await;
    let (status, _, body) = call(
        Method::GET,
        format!(
            "{}/api/v2/connections?strategy=samlp&strategy=okta",
            s.auth0_url()
        ),
        &token,
        None,
    )
    .await;
    assert_eq!(status, 200);
    let strategies: Vec<&str> = body
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["strategy"].as_str().unwrap())
        .collect();
    assert_eq!(strategies.len(), 2);
    assert!(strategies.iter().all(|s| *s == "samlp" || *s == "okta"));
    let (_, _, body) = call(
        Method::GET,
        format!("{}/api/v2/connections?name=github", s.auth0_url()),
        &token,
        None,
    )
    .await;
    assert_eq!(body.as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn the_write_bucket_allows_its_burst_then_answers_429_with_headers() {
    let s = sandbox().await;
    let token = auth0_token(&s, false).await;
    let orgs = s.state(Product::Auth0)["organizations"].clone();
    let github = connection_id(&s, "github");
    let mut statuses = Vec::new();
    let mut last_headers = None;
    for i in 10..16 {
        let org = orgs[i]["id"].as_str().unwrap();
        let (status, headers, body) = call(
            Method::POST,
            format!("{}/api/v2/organizations/{org}/connections", s.auth0_url()),
            &token,
            Some(json!({"connection_id": github, "is_enabled": true})),
        )
        .await;
        statuses.push(status);
        if status == 429 {
            assert_eq!(body["errorCode"], "too_many_requests");
        }
        last_headers = Some(headers);
    }
    assert_eq!(statuses, vec![201, 201, 201, 201, 201, 429]);
    let h = last_headers.unwrap();
    assert_eq!(h["x-ratelimit-limit"], "5");
    assert_eq!(h["x-ratelimit-remaining"], "0");
    let reset: u64 = h["x-ratelimit-reset"].to_str().unwrap().parse().unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    assert!(
        reset >= now && reset <= now + 2,
        "reset {reset} vs now {now}: one token every 0.4 s"
    );
    assert_eq!(
        s.state(Product::Auth0)["writes"].as_object().unwrap().len(),
        5,
        "the refused write changed nothing"
    );
}
