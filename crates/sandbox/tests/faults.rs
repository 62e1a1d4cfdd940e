//! Each injected fault does what it says, and only where it is aimed.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

mod common;

use common::*;
use lanyard_sandbox::{Fault, FaultRule, Product};
use reqwest::Method;
use serde_json::json;

const GITHUB_MODULE: &str = "0a6f5b7c-1111-4e2d-9a3b-000000000004";
const QA: &str = "6b1d2c3e-0000-4a5b-8c9d-000000000054";

#[tokio::test]
async fn status_html_429_and_redirect_faults() {
    let s = sandbox().await;
    let t = s.credentials().hub_token.clone();
    let url = format!("{}/api/rest/usergroups?fields=id", s.hub_url());
    s.faults(Product::Hub)
        .push(FaultRule::new(Fault::Status { status: 503 }).times(1));
    s.faults(Product::Hub)
        .push(FaultRule::new(Fault::Html { status: 502 }).times(1));
    s.faults(Product::Hub)
        .push(FaultRule::new(Fault::RateLimited).times(1));
    s.faults(Product::Hub).push(
        FaultRule::new(Fault::Redirect {
            location: "https://evil.example/steal".into(),
        })
        .times(1),
    );
    let (status, _, _) = call(Method::GET, url.clone(), &t, None).await;
    assert_eq!(status, 503);
    let r = http().get(&url).bearer_auth(&t).send().await.unwrap();
    assert_eq!(r.status(), 502);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let (status, _, _) = call(Method::GET, url.clone(), &t, None).await;
    assert_eq!(status, 429);
    let r = http().get(&url).bearer_auth(&t).send().await.unwrap();
    assert_eq!(
        (
            r.status().as_u16(),
            r.headers()["location"].to_str().unwrap()
        ),
        (302, "https://evil.example/steal")
    );
    let (status, _, _) = call(Method::GET, url, &t, None).await;
    assert_eq!(status, 200, "every rule was spent");
}

#[tokio::test]
async fn a_reset_before_handling_changes_nothing_and_after_handling_applies_the_write() {
    let s = sandbox().await;
    let t = s.credentials().hub_token.clone();
    let url = format!(
        "{}/api/rest/authmodules/{GITHUB_MODULE}/autojoingroups",
        s.hub_url()
    );
    s.faults(Product::Hub)
        .push(FaultRule::new(Fault::Reset).method("POST").times(1));
    let broken = async {
        http()
            .post(&url)
            .bearer_auth(&t)
            .json(&json!({"id": QA}))
            .send()
            .await?
            .bytes()
            .await
    }
    .await;
    assert!(broken.is_err(), "the reply breaks off");
    assert!(
        s.state(Product::Hub)["writes"]
            .as_object()
            .unwrap()
            .is_empty()
    );
    s.faults(Product::Hub).push(
        FaultRule::new(Fault::ResetAfterApply)
            .method("POST")
            .times(1),
    );
    let broken = async {
        http()
            .post(&url)
            .bearer_auth(&t)
            .json(&json!({"id": QA}))
            .send()
            .await?
            .bytes()
            .await
    }
    .await;
    assert!(broken.is_err(), "the reply breaks off");
    assert_eq!(
        s.state(Product::Hub)["writes"][format!("{GITHUB_MODULE}/{QA}")],
        1,
        "but the change was applied"
    );
}

#[tokio::test]
async fn truncated_oversized_slow_and_late_bodies() {
    let s = sandbox().await;
    let t = s.credentials().zitadel_pat.clone();
    let url = format!("{}/admin/v1/policies/login", s.zitadel_url());
    s.faults(Product::Zitadel)
        .push(FaultRule::new(Fault::Truncated).times(1));
    let cut = async { http().get(&url).bearer_auth(&t).send().await?.bytes().await }.await;
    assert!(cut.is_err(), "the body stops short");
    s.faults(Product::Zitadel).push(
        FaultRule::new(Fault::Oversized {
            bytes: 9 * 1024 * 1024,
        })
        .times(1),
    );
    let big = http()
        .get(&url)
        .bearer_auth(&t)
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert!(big.len() > 9 * 1024 * 1024);
    s.faults(Product::Zitadel).push(
        FaultRule::new(Fault::SlowDrip {
            bytes_per_sec: 2_000,
        })
        .times(1),
    );
    let slow = http()
        .get(&url)
        .bearer_auth(&t)
        .send()
        .await
        .unwrap()
        .json::<serde_json::Value>()
        .await
        .unwrap();
    assert_eq!(
        slow["policy"]["isDefault"], true,
        "a slow reply still arrives whole"
    );
    s.faults(Product::Zitadel).push(
        FaultRule::new(Fault::Latency { ms: 50 })
            .path("/admin/v1/policies")
            .times(1),
    );
    let (status, _, _) = call(Method::GET, url, &t, None).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn faults_are_set_and_state_read_through_the_admin_port() {
    let s = sandbox().await;
    let admin = s.admin_url();
    let r = http()
        .put(format!("{admin}/faults/auth0"))
        .json(&json!([{"fault": {"kind": "status", "status": 500}, "path_prefix": "/api/v2/connections", "times": 1}]))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    let token = auth0_token(&s, true).await;
    let (status, _, _) = call(
        Method::GET,
        format!("{}/api/v2/connections", s.auth0_url()),
        &token,
        None,
    )
    .await;
    assert_eq!(status, 500);
    let state: serde_json::Value = http()
        .get(format!("{admin}/state/hub"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(state["modules"].as_array().unwrap().len(), 5);
    assert_eq!(
        http()
            .post(format!("{admin}/reset"))
            .send()
            .await
            .unwrap()
            .status(),
        204
    );
    assert_eq!(
        http()
            .get(format!("{admin}/state/nope"))
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
}
