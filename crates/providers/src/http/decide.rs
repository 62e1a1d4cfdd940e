//! What the send loop does after each answer, as plain decisions that tests can check: retry or
//! not, follow a redirect or not, and when a write's outcome is unknown.

use std::time::Duration;

use reqwest::StatusCode;
use url::Url;

use lanyard_model::error::words;

use super::Deadline;
use super::request::Request;
use super::url::same_origin_target;
use crate::error::clip;

/// Same-origin redirects a read follows in a row.
pub(crate) const MAX_REDIRECTS: u32 = 5;

/// How one request has gone so far.
#[derive(Debug, Default)]
pub(crate) struct Tries {
    /// Sends, not counting those answered 429 or redirected.
    pub attempt: u32,
    /// 429 answers.
    pub rate_limited: u32,
    /// Redirects followed.
    pub redirects: u32,
    /// A try went out and its answer does not prove that nothing happened (the connection
    /// broke after sending, or a 5xx): for a write, its outcome is then unknown.
    pub maybe_applied: bool,
}

impl Tries {
    /// Whether another try may go after `wait`: retries left, and time left after the wait.
    pub(crate) fn may_retry(&self, max_retries: u32, wait: Duration, deadline: &Deadline) -> bool {
        self.attempt <= max_retries && deadline.allows(wait)
    }
}

/// What to do with a 3xx.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum AfterRedirect {
    /// A read, sent again to this address on the same origin.
    Follow(Url),
    /// A write: the server may have applied it before redirecting; read the target back.
    Unknown(String),
    /// Not followed; the request fails with this reason.
    Refuse {
        location: String,
        reason: &'static str,
    },
}

pub(crate) fn after_redirect(
    request: &Request,
    current: &Url,
    status: StatusCode,
    location: Option<&str>,
    followed: u32,
) -> AfterRedirect {
    if request.is_write() {
        let to = location
            .map(|l| format!(" to {}", clip(words::without_query(l))))
            .unwrap_or_default();
        return AfterRedirect::Unknown(format!(
            "it answered {status} (a redirect{to}) instead of confirming it, and Lanyard never sends a change on to another address"
        ));
    }
    let refuse = |location: &str, reason| AfterRedirect::Refuse {
        location: clip(location),
        reason,
    };
    let Some(location) = location else {
        return refuse("(no Location header)", "the answer did not say where to");
    };
    if !request.follows_redirects() {
        return refuse(
            location,
            "a request that carries a secret or a search is sent only to the address it was made for",
        );
    }
    if !matches!(status.as_u16(), 301 | 302 | 303 | 307 | 308) {
        return refuse(location, "this status is not a redirect Lanyard follows");
    }
    match same_origin_target(current, location) {
        None => refuse(
            location,
            "it points at another host, and the token stays with its own host",
        ),
        Some(_) if followed >= MAX_REDIRECTS => {
            refuse(location, "it was one redirect too many in a row")
        }
        Some(next) => AfterRedirect::Follow(next),
    }
}

/// Whether a write's 5xx leaves its outcome unknown: a gateway error says nothing about
/// whether the service behind it applied the change.
pub(crate) fn gateway_leaves_write_unknown(request: &Request, status: StatusCode) -> bool {
    request.is_write() && matches!(status.as_u16(), 502..=504)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use reqwest::Method;

    fn located(to: &str) -> Option<&str> {
        Some(to)
    }

    fn here() -> Url {
        Url::parse("https://t.eu.auth0.com/api/v2/organizations").unwrap()
    }

    #[test]
    fn a_redirected_write_is_never_followed_and_its_outcome_is_unknown() {
        for method in [Method::POST, Method::PATCH, Method::DELETE, Method::PUT] {
            let r = Request::new(method.clone(), "w", "/w");
            for status in [301, 302, 303, 307, 308] {
                let status = StatusCode::from_u16(status).unwrap();
                match after_redirect(&r, &here(), status, located("/api/v2/x"), 0) {
                    AfterRedirect::Unknown(cause) => assert!(cause.contains("redirect")),
                    other => panic!("{method} {status}: {other:?}"),
                }
            }
        }
    }

    #[test]
    fn a_read_follows_only_same_origin_redirects_and_not_forever() {
        let get = Request::new(Method::GET, "r", "/r");
        let see_other = StatusCode::SEE_OTHER;
        assert!(matches!(
            after_redirect(&get, &here(), see_other, located("/api/v2/o?page=1"), 0),
            AfterRedirect::Follow(u) if u.as_str() == "https://t.eu.auth0.com/api/v2/o?page=1"
        ));
        assert!(matches!(
            after_redirect(
                &get,
                &here(),
                see_other,
                located("https://evil.example/"),
                0
            ),
            AfterRedirect::Refuse { .. }
        ));
        assert!(matches!(
            after_redirect(&get, &here(), see_other, located("/x"), MAX_REDIRECTS),
            AfterRedirect::Refuse { .. }
        ));
        assert!(matches!(
            after_redirect(&get, &here(), StatusCode::NOT_MODIFIED, located("/x"), 0),
            AfterRedirect::Refuse { .. }
        ));
        assert!(matches!(
            after_redirect(&get, &here(), see_other, None, 0),
            AfterRedirect::Refuse { .. }
        ));
        let token = Request::new(Method::POST, "token", "/oauth/token").repeatable();
        assert!(matches!(
            after_redirect(
                &token,
                &here(),
                StatusCode::TEMPORARY_REDIRECT,
                located("/t"),
                0
            ),
            AfterRedirect::Refuse { .. }
        ));
    }

    #[test]
    fn retries_stop_at_the_count_or_the_deadline() {
        let deadline = Deadline::after(Duration::from_secs(10));
        let mut t = Tries {
            attempt: 1,
            ..Tries::default()
        };
        assert!(t.may_retry(3, Duration::from_millis(200), &deadline));
        assert!(!t.may_retry(3, Duration::from_secs(11), &deadline));
        t.attempt = 4;
        assert!(!t.may_retry(3, Duration::from_millis(200), &deadline));
    }

    #[test]
    fn only_a_writes_gateway_error_is_unknown() {
        let post = Request::new(Method::POST, "w", "/w");
        let get = Request::new(Method::GET, "r", "/r");
        assert!(gateway_leaves_write_unknown(&post, StatusCode::BAD_GATEWAY));
        assert!(!gateway_leaves_write_unknown(
            &post,
            StatusCode::INTERNAL_SERVER_ERROR
        ));
        assert!(!gateway_leaves_write_unknown(
            &get,
            StatusCode::GATEWAY_TIMEOUT
        ));
    }
}
