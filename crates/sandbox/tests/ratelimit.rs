//! Rate limits per named bucket: Auth0's headers and 429 body, ZITADEL's bare 429, an optional
//! Hub limit, and the time-scale knob. No wall-clock assertions: counts and headers only.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

mod common;

use common::*;
use lanyard_sandbox::SandboxConfig;
use lanyard_sandbox::ratelimit::BucketSpec;
use reqwest::Method;
use serde_json::json;

fn one_per_minute() -> BucketSpec {
    BucketSpec {
        burst: 2,
        per_minute: 1,
    }
}

#[tokio::test]
async fn each_auth0_group_has_its_own_bucket_and_headers() {
    let mut config = SandboxConfig::default();
    config
        .buckets
        .insert("organizations_read".into(), one_per_minute());
    let s = sandbox_with(config).await;
    let token = auth0_token(&s, false).await;
    let list = format!("{}/api/v2/organizations?per_page=1", s.auth0_url());
    let mut seen = Vec::new();
    for _ in 0..3 {
        let (status, h, body) = call(Method::GET, list.clone(), &token, None).await;
        seen.push((
            status,
            h["x-ratelimit-limit"].to_str().unwrap().to_owned(),
            h["x-ratelimit-remaining"].to_str().unwrap().to_owned(),
        ));
        if status == 429 {
            assert_eq!(
                body,
                json!({"statusCode": 429, "error": "Too Many Requests",
                    "message": "Global per minute organizations_read group limit has been reached",
                    "errorCode": "too_many_requests"})
            );
        }
    }
    let expect = |st: u16, rem: &str| (st, "2".to_owned(), rem.to_owned());
    assert_eq!(
        seen,
        vec![expect(200, "1"), expect(200, "0"), expect(429, "0")]
    );
    // Another group is untouched: the org-connection read bucket still has its burst of 10.
    let org = first_org(&s);
    let (status, h, _) = call(
        Method::GET,
        format!("{}/api/v2/organizations/{org}/connections", s.auth0_url()),
        &token,
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(h["x-ratelimit-limit"], "10");
    assert_eq!(h["x-ratelimit-remaining"], "9");
}

#[tokio::test]
async fn the_time_scale_refills_a_spent_bucket_fast() {
    // 60/min at 1000x = one token per millisecond: a short pause always refills it.
    let mut config = SandboxConfig {
        time_scale: 1000.0,
        ..SandboxConfig::default()
    };
    config.buckets.insert(
        "connections_read".into(),
        BucketSpec {
            burst: 1,
            per_minute: 60,
        },
    );
    let s = sandbox_with(config).await;
    let token = auth0_token(&s, false).await;
    let url = format!("{}/api/v2/connections", s.auth0_url());
    let mut statuses = Vec::new();
    for _ in 0..2 {
        statuses.push(call(Method::GET, url.clone(), &token, None).await.0);
    }
    if statuses[1] == 429 {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        assert_eq!(call(Method::GET, url.clone(), &token, None).await.0, 200);
    }
    assert_eq!(statuses[0], 200);
}

#[tokio::test]
async fn zitadel_answers_a_bare_429_with_grpc_code_8() {
    let mut config = SandboxConfig::default();
    config.buckets.insert("zitadel".into(), one_per_minute());
    let s = sandbox_with(config).await;
    let pat = s.credentials().zitadel_pat.clone();
    let url = format!("{}/admin/v1/policies/login", s.zitadel_url());
    let mut statuses = Vec::new();
    let mut last = None;
    for _ in 0..3 {
        let (status, headers, body) = call(Method::GET, url.clone(), &pat, None).await;
        assert!(headers.get("x-ratelimit-limit").is_none());
        assert!(headers.get("retry-after").is_none());
        statuses.push(status);
        last = Some(body);
    }
    assert_eq!(statuses, vec![200, 200, 429]);
    let body = last.unwrap();
    assert_eq!(body["code"], 8);
    assert_eq!(body["details"][0]["id"], "QUOTA-vjAy8");
}

#[tokio::test]
async fn hub_is_unlimited_unless_a_bucket_is_set() {
    let s = sandbox().await;
    let t = s.credentials().hub_token.clone();
    for _ in 0..60 {
        let (status, _, _) = call(
            Method::GET,
            format!("{}/api/rest/usergroups?$top=1", s.hub_url()),
            &t,
            None,
        )
        .await;
        assert_eq!(status, 200);
    }
    let mut config = SandboxConfig::default();
    config.buckets.insert("hub".into(), one_per_minute());
    let s = sandbox_with(config).await;
    let t = s.credentials().hub_token.clone();
    let url = format!("{}/api/rest/usergroups?$top=1", s.hub_url());
    let mut statuses = Vec::new();
    let mut retry_after = None;
    for _ in 0..3 {
        let (status, h, body) = call(Method::GET, url.clone(), &t, None).await;
        statuses.push(status);
        if status == 429 {
            assert_eq!(body["error"], "Too Many Requests");
            retry_after = h.get("retry-after").map(|v| v.to_str().unwrap().to_owned());
        }
    }
    assert_eq!(statuses, vec![200, 200, 429]);
    let secs: u64 = retry_after.unwrap().parse().unwrap();
    assert!((1..=61).contains(&secs), "{secs}");
}

#[tokio::test]
async fn a_refused_paging_query_still_carries_the_bucket_it_drew_on() {
    let s = sandbox().await;
    let token = auth0_token(&s, false).await;
    for list in ["organizations", "connections"] {
        let url = format!("{}/api/v2/{list}?per_page=0", s.auth0_url());
        let (status, h, _) = call(Method::GET, url, &token, None).await;
        assert_eq!(status, 400, "{list}");
        assert!(h.get("x-ratelimit-limit").is_some(), "{list}: {h:?}");
        assert!(h.get("x-ratelimit-remaining").is_some(), "{list}: {h:?}");
    }
}
