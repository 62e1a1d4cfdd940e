#![allow(clippy::expect_used, clippy::unwrap_used)] // a failed step is the test failing
//! Rate-limit numbers no server should send, through the Auth0 and Hub clients' real reply
//! path over HTTP: `x-ratelimit-reset` of u64::MAX, a `remaining` of u64::MAX, negative,
//! fractional and textual values, dates where numbers belong. Each call ends with the result
//! the reply's status means (the app keeps running, the user gets the list or the right error),
//! never a panic, which in a release build would close the app.

mod support;

use std::time::Duration;

use lanyard_providers::auth0::Auth0Client;
use lanyard_providers::hub::HubClient;
use lanyard_providers::{HttpOptions, ProviderError};
use proptest::prelude::*;
use support::{Answer, Seen, Server};

const U64_MAX: &str = "18446744073709551615";

/// Short waits, so that a 429 test does not sit out real resets; the pacer is what is tested.
fn options() -> HttpOptions {
    HttpOptions {
        max_retries: 1,
        max_rate_limit_retries: 1,
        max_wait: Duration::from_millis(20),
        backoff_base: Duration::from_millis(1),
        backoff_cap: Duration::from_millis(5),
        ..HttpOptions::default()
    }
}

fn auth0(s: &Server) -> Auth0Client {
    support::auth0(s, options())
}

fn hub(s: &Server) -> HubClient {
    support::hub_service(s, options())
}

/// A server whose token endpoints answer a token and whose API answers `status` with `headers`.
async fn serving(status: u16, headers: Vec<(String, String)>) -> Server {
    Server::start(move |seen: &Seen| {
        if seen.path.ends_with("/token") {
            return support::token("t-1", "86400");
        }
        let mut answer = if status == 200 {
            Answer::json(200, r#"{"organizations":[],"authmodules":[],"total":0}"#)
        } else {
            Answer::json(
                status,
                r#"{"statusCode":429,"error":"Too Many Requests","message":"slow down"}"#,
            )
        };
        for (name, value) in &headers {
            answer = answer.with(name, value);
        }
        answer
    })
    .await
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
        .collect()
}

#[tokio::test]
async fn a_reset_and_a_remaining_of_u64_max_on_every_reply_leave_every_call_working() {
    for headers in [
        [
            ("x-ratelimit-limit", "5"),
            ("x-ratelimit-remaining", "0"),
            ("x-ratelimit-reset", U64_MAX),
        ],
        [
            ("x-ratelimit-limit", U64_MAX),
            ("x-ratelimit-remaining", U64_MAX),
            ("x-ratelimit-reset", U64_MAX),
        ],
        [
            ("x-ratelimit-limit", "-5"),
            ("x-ratelimit-remaining", "-1"),
            ("x-ratelimit-reset", "-1700000000"),
        ],
        [
            ("x-ratelimit-limit", "5.5"),
            ("x-ratelimit-remaining", "1e308"),
            ("x-ratelimit-reset", "Mon, 23 Nov 2026 00:00:42 GMT"),
        ],
    ] {
        let s = serving(200, pairs(&headers)).await;
        support::tests_pass(&auth0(&s), &hub(&s), 4, &format!("{headers:?}")).await;
    }
}

#[tokio::test]
async fn a_429_whose_reset_and_retry_after_are_nonsense_ends_as_rate_limited() {
    for (reset, retry_after) in [
        (U64_MAX, U64_MAX),
        (U64_MAX, "-1"),
        ("-1", "Fri, 31 Dec 9999 23:59:59 GMT"),
        ("99999999999999999999999999", "1.5"),
        ("soon", "later"),
    ] {
        let s = serving(
            429,
            pairs(&[("x-ratelimit-reset", reset), ("retry-after", retry_after)]),
        )
        .await;
        match auth0(&s).test().await {
            Err(ProviderError::RateLimited { .. }) => {}
            other => panic!("{reset} / {retry_after}: {other:?}"),
        }
        match hub(&s).test().await {
            Err(ProviderError::RateLimited { .. }) => {}
            other => panic!("{reset} / {retry_after}: {other:?}"),
        }
    }
}

#[tokio::test]
async fn a_429_names_the_wait_it_was_told_and_never_more_than_an_hour() {
    let s = serving(429, pairs(&[("retry-after", "86400")])).await;
    match auth0(&s).test().await {
        Err(ProviderError::RateLimited {
            retry_after: Some(wait),
            ..
        }) => assert_eq!(wait, Duration::from_secs(3_600)),
        other => panic!("{other:?}"),
    }
}

/// Header values a hostile or broken server might send.
fn header_value() -> impl Strategy<Value = String> {
    prop_oneof![
        "[!-~][ -~]{0,30}[!-~]",
        any::<u64>().prop_map(|n| n.to_string()),
        any::<i64>().prop_map(|n| n.to_string()),
        any::<f64>().prop_map(|n| n.to_string()),
        "[0-9]{18,30}",
        (0u64..4_000_000_000_000).prop_map(|n| n.to_string()),
        (0u64..250_000_000_000).prop_map(|secs| {
            httpdate::fmt_http_date(std::time::UNIX_EPOCH + Duration::from_secs(secs))
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Any rate-limit headers on a 200 or a 429, through both clients: the 200 is a success
    /// and the 429 the rate-limit error, whatever the numbers said.
    #[test]
    fn any_rate_limit_headers_give_the_result_the_status_means(
        limit in header_value(),
        remaining in header_value(),
        reset in header_value(),
        retry_after in header_value(),
        status in prop_oneof![Just(200u16), Just(429u16)],
    ) {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async {
            let headers = pairs(&[
                ("x-ratelimit-limit", &limit),
                ("x-ratelimit-remaining", &remaining),
                ("x-ratelimit-reset", &reset),
                ("retry-after", &retry_after),
            ]);
            let s = serving(status, headers).await;
            for result in [auth0(&s).test().await, hub(&s).test().await] {
                match (status, result) {
                    (200, Ok(())) | (429, Err(ProviderError::RateLimited { .. })) => {}
                    (status, other) => {
                        return Err(TestCaseError::fail(format!("{status}: {other:?}")));
                    }
                }
            }
            Ok(())
        })?;
    }
}
