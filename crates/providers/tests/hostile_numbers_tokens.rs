#![allow(clippy::expect_used, clippy::unwrap_used)] // a failed step is the test failing
//! Token endpoints that misbehave, through the Auth0 and Hub client-credentials paths over
//! HTTP (ZITADEL signs in with a personal access token and has no token endpoint):
//! - a token reply that is not JSON, or not a token reply, is an error that says so and quotes
//!   none of the body, which may be the token or the client secret echoed back;
//! - an `expires_in` of u64::MAX or nonsense is a token that works, not a crash;
//! - many calls on a cold client fetch one token, and many 401s on a stale one renew it once.

#[path = "hostile_numbers/server.rs"]
mod server;

use std::sync::Arc;

use lanyard_providers::auth::Credentials;
use lanyard_providers::auth0::Auth0Client;
use lanyard_providers::hub::HubClient;
use lanyard_providers::{HttpOptions, ProviderError};
use secrecy::SecretString;
use server::{Answer, Seen, Server};

/// What a leaked credential would look like in an error.
const ISSUED: &str = "issued-token-5b1e0c9d7a3f";
const CLIENT_SECRET: &str = "client-secret-8d2f6a4c1e7b";
const AUTH0_TOKEN: &str = "/oauth/token";
const HUB_TOKEN: &str = "/api/rest/oauth2/token";

fn options() -> HttpOptions {
    HttpOptions {
        max_retries: 1,
        backoff_base: std::time::Duration::from_millis(1),
        backoff_cap: std::time::Duration::from_millis(5),
        ..HttpOptions::default()
    }
}

fn auth0(s: &Server) -> Auth0Client {
    Auth0Client::new(
        &s.url,
        "client",
        SecretString::from(CLIENT_SECRET),
        options(),
    )
    .unwrap()
}

fn hub(s: &Server) -> HubClient {
    let credentials = Credentials::HubClientCredentials {
        service_id: "service".into(),
        service_secret: SecretString::from(CLIENT_SECRET),
        scope: "0-0-0-0-0".into(),
    };
    HubClient::new(&s.url, credentials, options()).unwrap()
}

fn token(access_token: &str, expires_in: &str) -> Answer {
    Answer::json(
        200,
        &format!(
            r#"{{"access_token":"{access_token}","token_type":"Bearer","expires_in":{expires_in}}}"#
        ),
    )
}

/// A server whose token endpoints answer `token_answer` and whose API answers 200 to a bearer
/// token it issued (`ISSUED` or `ISSUED-2`) and 401 to anything else.
async fn serving(token_answer: impl Fn(&Seen) -> Answer + Send + Sync + 'static) -> Server {
    Server::start(move |seen: &Seen| {
        if seen.path.ends_with("/token") {
            return token_answer(seen);
        }
        match seen.authorization.as_deref() {
            Some(a) if a.starts_with(&format!("Bearer {ISSUED}")) => {
                Answer::json(200, r#"{"total":0,"authmodules":[],"organizations":[]}"#)
            }
            _ => Answer::json(401, r#"{"error":"invalid_token","error_description":"no"}"#),
        }
    })
    .await
}

/// The error as the app shows it (Display) and as it is logged (Debug). Every text field the
/// app serializes into its IPC error and audit line is a field of the error, so Debug covers
/// them all.
fn shown(err: &ProviderError) -> String {
    format!("{err}\n{err:?}")
}

#[tokio::test]
async fn a_token_reply_that_is_not_json_is_an_error_that_quotes_none_of_it() {
    let bodies: [(u16, &str, String); 4] = [
        (
            200,
            "text/plain",
            format!("access_token={ISSUED}&expires_in=3600&echo={CLIENT_SECRET}"),
        ),
        (200, "application/json", format!("{ISSUED} {CLIENT_SECRET}")),
        (
            502,
            "text/html",
            format!("<html>Bad gateway for client_secret={CLIENT_SECRET} {ISSUED}</html>"),
        ),
        (
            200,
            "application/json",
            format!(r#"{{"access_token":["{ISSUED}"],"expires_in":"{CLIENT_SECRET}"}}"#),
        ),
    ];
    for (status, content_type, body) in bodies {
        let s = serving(move |_: &Seen| Answer {
            status,
            headers: vec![("content-type".into(), content_type.into())],
            body: body.clone().into_bytes(),
        })
        .await;
        let a = auth0(&s).test().await.expect_err("auth0: not a token");
        let h = hub(&s).test().await.expect_err("hub: not a token");
        for err in [a, h] {
            let text = shown(&err);
            assert!(!text.contains(ISSUED), "{text}");
            assert!(!text.contains(CLIENT_SECRET), "{text}");
            if status == 200 {
                assert!(
                    text.contains(&format!("the token endpoint answered {status}")),
                    "says what was wrong: {text}"
                );
                assert!(text.contains(content_type), "{text}");
            } else {
                assert_eq!(err.status(), Some(status), "{text}");
            }
        }
    }
}

#[tokio::test]
async fn an_expires_in_of_u64_max_or_nonsense_gives_a_token_that_is_used() {
    for expires_in in [
        "18446744073709551615",
        "18446744073709551616",
        "-1",
        "0",
        "1e308",
        "\"soon\"",
        "null",
        "[]",
    ] {
        let s = serving(move |_: &Seen| token(ISSUED, expires_in)).await;
        let (a, h) = (auth0(&s), hub(&s));
        for _ in 0..3 {
            a.test()
                .await
                .unwrap_or_else(|e| panic!("{expires_in}: {e}"));
            h.test()
                .await
                .unwrap_or_else(|e| panic!("{expires_in}: {e}"));
        }
        assert_eq!(s.count(AUTH0_TOKEN), 1, "{expires_in}: one token for Auth0");
        assert_eq!(s.count(HUB_TOKEN), 1, "{expires_in}: one token for Hub");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_calls_on_a_cold_client_fetch_one_token() {
    let s = serving(|_: &Seen| token(ISSUED, "86400")).await;
    let a = Arc::new(auth0(&s));
    let h = Arc::new(hub(&s));
    let mut calls = Vec::new();
    for _ in 0..16 {
        let a = a.clone();
        calls.push(tokio::spawn(async move { a.test().await }));
        let h = h.clone();
        calls.push(tokio::spawn(async move { h.test().await }));
    }
    for call in calls {
        call.await.unwrap().unwrap();
    }
    assert_eq!(s.count(AUTH0_TOKEN), 1, "Auth0: one token for 16 calls");
    assert_eq!(s.count(HUB_TOKEN), 1, "Hub: one token for 16 calls");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_calls_refused_with_a_stale_token_renew_it_once() {
    // The first token is one the API no longer takes; the second works.
    let s = serving(|seen: &Seen| {
        if seen.nth == 0 {
            token("revoked", "86400")
        } else {
            token(&format!("{ISSUED}-2"), "86400")
        }
    })
    .await;
    let a = Arc::new(auth0(&s));
    let h = Arc::new(hub(&s));
    let mut calls = Vec::new();
    for _ in 0..16 {
        let a = a.clone();
        calls.push(tokio::spawn(async move { a.test().await }));
        let h = h.clone();
        calls.push(tokio::spawn(async move { h.test().await }));
    }
    for call in calls {
        call.await.unwrap().unwrap();
    }
    assert_eq!(
        s.count(AUTH0_TOKEN),
        2,
        "Auth0: the first token and one renewal"
    );
    assert_eq!(
        s.count(HUB_TOKEN),
        2,
        "Hub: the first token and one renewal"
    );
}
