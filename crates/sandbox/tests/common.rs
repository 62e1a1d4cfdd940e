//! Shared by the sandbox tests: a started sandbox and a plain HTTP client.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

use lanyard_sandbox::{Sandbox, SandboxConfig, start};
use serde_json::{Value, json};

pub async fn sandbox() -> Sandbox {
    start(SandboxConfig::default())
        .await
        .expect("sandbox starts")
}

pub async fn sandbox_with(config: SandboxConfig) -> Sandbox {
    start(config).await.expect("sandbox starts")
}

pub fn http() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// A token of the full-access (or read-only) Auth0 client.
pub async fn auth0_token(s: &Sandbox, readonly: bool) -> String {
    let c = s.credentials();
    let (id, secret) = if readonly {
        (&c.auth0_readonly_client_id, &c.auth0_readonly_client_secret)
    } else {
        (&c.auth0_client_id, &c.auth0_client_secret)
    };
    let r = http()
        .post(format!("{}/oauth/token", s.auth0_url()))
        .json(&json!({"grant_type": "client_credentials", "client_id": id, "client_secret": secret, "audience": s.auth0.audience()}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    r.json::<Value>().await.unwrap()["access_token"]
        .as_str()
        .unwrap()
        .to_owned()
}

pub async fn call(
    method: reqwest::Method,
    url: String,
    token: &str,
    body: Option<Value>,
) -> (u16, reqwest::header::HeaderMap, Value) {
    let mut req = http().request(method, url).bearer_auth(token);
    if let Some(b) = body {
        req = req.json(&b);
    }
    let r = req.send().await.unwrap();
    let status = r.status().as_u16();
    let headers = r.headers().clone();
    let text = r.text().await.unwrap();
    let value = if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).unwrap_or(Value::String(text))
    };
    (status, headers, value)
}

pub fn first_org(s: &Sandbox) -> String {
    s.state(lanyard_sandbox::Product::Auth0)["organizations"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

pub fn connection_id(s: &Sandbox, name: &str) -> String {
    let state = s.state(lanyard_sandbox::Product::Auth0);
    state["connections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned()
}
