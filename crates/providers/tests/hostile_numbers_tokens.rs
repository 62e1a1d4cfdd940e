#![allow(clippy::expect_used, clippy::unwrap_used)] // a failed step is the test failing
//! Token endpoints that misbehave, through the Auth0 and Hub client-credentials paths over
//! HTTP (ZITADEL signs in with a personal access token and has no token endpoint):
//! - a token reply that is not JSON, or not a token reply, is an error that says so and quotes
//!   none of the body, which may be the token or the client secret echoed back;
//! - an `expires_in` of u64::MAX or nonsense is a token that works, not a crash;
//! - many calls on a cold client fetch one token, and many 401s on a stale one renew it once.

mod support;

use std::sync::Arc;

use lanyard_providers::auth0::Auth0Client;
use lanyard_providers::hub::HubClient;
use lanyard_providers::{HttpOptions, ProviderError};
use support::{AUTH0_SECRET, Answer, HUB_SERVICE_SECRET, Seen, Server, token};

/// The token the server issues: no error may show it.
const ISSUED: &str = "issued-token-5b1e0c9d7a3f";
const AUTH0_TOKEN_PATH: &str = "/oauth/token";
const HUB_TOKEN_PATH: &str = "/api/rest/oauth2/token";

fn options() -> HttpOptions {
    HttpOptions {
        max_retries: 1,
        backoff_base: std::time::Duration::from_millis(1),
        backoff_cap: std::time::Duration::from_millis(5),
        ..HttpOptions::default()
    }
}

fn auth0(s: &Server) -> Auth0Client {
    support::auth0(s, options())
}

fn hub(s: &Server) -> HubClient {
    support::hub_service(s, options())
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

/// Sixteen calls on each client at once; every one must succeed.
async fn sixteen_calls_at_once(s: &Server) {
    let (a, h) = (Arc::new(auth0(s)), Arc::new(hub(s)));
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
}

/// Each client asked the server for `n` tokens.
fn assert_token_requests(s: &Server, n: usize, case: &str) {
    assert_eq!(s.count("POST", AUTH0_TOKEN_PATH), n, "Auth0: {case}");
    assert_eq!(s.count("POST", HUB_TOKEN_PATH), n, "Hub: {case}");
}

/// A body made around the secret it echoes.
type Echo = fn(&str) -> String;

#[tokio::test]
async fn a_token_reply_that_is_not_json_is_an_error_that_quotes_none_of_it() {
    // Each body echoes the secret of the client that asked.
    let bodies: [(u16, &str, Echo); 4] = [
        (200, "text/plain", |secret| {
            format!("access_token={ISSUED}&expires_in=3600&echo={secret}")
        }),
        (200, "application/json", |secret| {
            format!("{ISSUED} {secret}")
        }),
        (502, "text/html", |secret| {
            format!("<html>Bad gateway for client_secret={secret} {ISSUED}</html>")
        }),
        (200, "application/json", |secret| {
            format!(r#"{{"access_token":["{ISSUED}"],"expires_in":"{secret}"}}"#)
        }),
    ];
    for (status, content_type, body) in bodies {
        let s = serving(move |seen: &Seen| {
            let secret = if seen.path == AUTH0_TOKEN_PATH {
                AUTH0_SECRET
            } else {
                HUB_SERVICE_SECRET
            };
            Answer::typed(status, content_type, body(secret))
        })
        .await;
        let a = auth0(&s).test().await.expect_err("auth0: not a token");
        let h = hub(&s).test().await.expect_err("hub: not a token");
        for err in [a, h] {
            let text = shown(&err);
            assert!(!text.contains(ISSUED), "{text}");
            support::assert_no_secret(&err);
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
        support::tests_pass(&auth0(&s), &hub(&s), 3, expires_in).await;
        assert_token_requests(&s, 1, expires_in);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_calls_on_a_cold_client_fetch_one_token() {
    let s = serving(|_: &Seen| token(ISSUED, "86400")).await;
    sixteen_calls_at_once(&s).await;
    assert_token_requests(&s, 1, "one token for 16 calls");
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
    sixteen_calls_at_once(&s).await;
    assert_token_requests(&s, 2, "the first token and one renewal");
}
