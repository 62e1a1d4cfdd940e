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
    let token = s.admin_token().to_owned();
    let r = http()
        .put(format!("{admin}/faults/auth0"))
        .bearer_auth(&token)
        .json(&json!([{"fault": {"kind": "status", "status": 500}, "path_prefix": "/api/v2/connections", "times": 1}]))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    let auth0 = auth0_token(&s, true).await;
    let (status, _, _) = call(
        Method::GET,
        format!("{}/api/v2/connections", s.auth0_url()),
        &auth0,
        None,
    )
    .await;
    assert_eq!(status, 500);
    let state: serde_json::Value = http()
        .get(format!("{admin}/state/hub"))
        .bearer_auth(&token)
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
            .bearer_auth(&token)
            .send()
            .await
            .unwrap()
            .status(),
        204
    );
    assert_eq!(
        http()
            .get(format!("{admin}/state/nope"))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
}

#[tokio::test]
async fn the_admin_port_refuses_requests_without_its_token() {
    let s = sandbox().await;
    let admin = s.admin_url();
    let rule = json!([{"fault": {"kind": "reset"}}]);
    let none = http()
        .put(format!("{admin}/faults/auth0"))
        .json(&rule)
        .send()
        .await
        .unwrap();
    assert_eq!(none.status(), 401);
    assert!(none.text().await.unwrap().contains("Authorization: Bearer"));
    for wrong in [
        "",
        "x",
        &s.admin_token()[1..],
        &format!("{}x", s.admin_token()),
    ] {
        let r = http()
            .post(format!("{admin}/reset"))
            .bearer_auth(wrong)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 401, "token {wrong:?}");
    }
    // An API credential is not the admin token.
    let r = http()
        .get(format!("{admin}/state/zitadel"))
        .bearer_auth(&s.credentials().zitadel_pat)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    assert!(
        s.faults(Product::Auth0).list().is_empty(),
        "nothing was set"
    );
}

#[tokio::test]
async fn admin_rules_that_would_panic_or_never_end_are_refused_by_field() {
    let s = sandbox().await;
    let put = |body: serde_json::Value| {
        http()
            .put(format!("{}/faults/hub", s.admin_url()))
            .bearer_auth(s.admin_token())
            .json(&body)
            .send()
    };
    let cases = [
        (
            json!([{"fault": {"kind": "reset"}, "every": 0}]),
            "[0].every",
        ),
        (
            json!([{"fault": {"kind": "reset"}}, {"fault": {"kind": "latency", "ms": u64::MAX}}]),
            "[1].fault.ms",
        ),
        (
            json!([{"fault": {"kind": "status", "status": 0}}]),
            "[0].fault.status",
        ),
        (
            json!([{"fault": {"kind": "html", "status": 1000}}]),
            "[0].fault.status",
        ),
        (
            json!([{"fault": {"kind": "oversized", "bytes": u64::MAX}}]),
            "[0].fault.bytes",
        ),
        (
            json!([{"fault": {"kind": "slow_drip", "bytes_per_sec": 0}}]),
            "[0].fault.bytes_per_sec",
        ),
        (
            json!([{"fault": {"kind": "redirect", "location": "a\nb"}}]),
            "[0].fault.location",
        ),
    ];
    for (body, field) in cases {
        let r = put(body.clone()).await.unwrap();
        assert_eq!(r.status(), 400, "{body}");
        let reply: serde_json::Value = r.json().await.unwrap();
        assert_eq!(reply["field"], field, "{reply}");
    }
    // Out of range for the type: negative, past u32, not a number.
    for body in [
        json!([{"fault": {"kind": "reset"}, "every": -1}]),
        json!([{"fault": {"kind": "reset"}, "times": 4_294_967_296u64}]),
        json!([{"fault": {"kind": "latency", "ms": -5}}]),
        json!([{"fault": {"kind": "reset"}, "every": "3"}]),
    ] {
        let r = put(body.clone()).await.unwrap();
        assert_eq!(r.status(), 400, "{body}");
    }
    assert!(s.faults(Product::Hub).list().is_empty(), "nothing was set");

    // The largest values that are accepted run without overflow.
    let r = put(json!([{"fault": {"kind": "reset"}, "every": u32::MAX, "times": u32::MAX}]))
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    let t = s.credentials().hub_token.clone();
    let (status, _, _) = call(
        Method::GET,
        format!("{}/api/rest/usergroups?fields=id", s.hub_url()),
        &t,
        None,
    )
    .await;
    assert_eq!(status, 200, "every 4-billionth request: not this one");
}

#[tokio::test]
async fn every_port_refuses_a_host_that_is_not_loopback() {
    let s = sandbox().await;
    let t = s.credentials().hub_token.clone();
    let urls = [
        format!("{}/api/rest/usergroups?fields=id", s.hub_url()),
        format!("{}/api/v2/connections", s.auth0_url()),
        format!("{}/admin/v1/policies/login", s.zitadel_url()),
        format!("{}/state/hub", s.admin_url()),
        format!("{}/no/such/path", s.auth0_url()),
    ];
    for url in &urls {
        for host in ["evil.example", "evil.example:80", "127.0.0.1.evil.example"] {
            let r = http()
                .get(url)
                .header("host", host)
                .bearer_auth(s.admin_token())
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 421, "{url} with Host {host}");
            let body: serde_json::Value = r.json().await.unwrap();
            assert!(
                body["message"].as_str().unwrap().contains("DNS rebinding"),
                "{body}"
            );
        }
    }
    // localhost by name is served.
    let port = s.hub_url().rsplit(':').next().unwrap().to_owned();
    let r = http()
        .get(&urls[0])
        .header("host", format!("localhost:{port}"))
        .bearer_auth(&t)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let r = http()
        .get(&urls[3])
        .header("host", "localhost")
        .bearer_auth(s.admin_token())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
}

#[tokio::test]
async fn each_start_makes_new_credentials_and_admin_token() {
    let (a, b) = (sandbox().await, sandbox().await);
    let (ca, cb) = (a.credentials(), b.credentials());
    for (x, y) in [
        (&ca.auth0_client_secret, &cb.auth0_client_secret),
        (
            &ca.auth0_readonly_client_secret,
            &cb.auth0_readonly_client_secret,
        ),
        (&ca.zitadel_pat, &cb.zitadel_pat),
        (&ca.hub_token, &cb.hub_token),
        (&ca.hub_service_secret, &cb.hub_service_secret),
    ] {
        assert_ne!(x, y);
        assert!(x.len() >= 40, "{} characters", x.len());
    }
    assert_ne!(a.admin_token(), b.admin_token());
    // One sandbox's credentials open nothing on the other.
    let (status, _, _) = call(
        Method::GET,
        format!("{}/api/rest/usergroups?fields=id", b.hub_url()),
        &ca.hub_token,
        None,
    )
    .await;
    assert_eq!(status, 401);
    // Debug output names no secret.
    let debug = format!("{a:?}");
    assert!(!debug.contains(&ca.auth0_client_secret) && !debug.contains(a.admin_token()));
}
