//! The sentences a failure is told in, each written once. `CommandError` (what the UI shows) and
//! the providers' errors (what the Bulk page, journals and the audit log show) both use these.
//! Each names the product, and the host where the network is the trouble; says the cause once,
//! with no URL and no query string; and says what to do. None ends in a period: a caller may
//! go on after it ("Paused: <sentence>. Resume when …").

use std::fmt;
use std::time::Duration;

use super::cause::NetworkCause;
use crate::product::Product;

const CHECK_ADDRESS: &str = "Check the address on the Profiles page";

/// A duration in words: "45 s", "1.5 s", "300 ms".
pub fn duration(d: Duration) -> String {
    if d >= Duration::from_secs(10) {
        format!("{} s", d.as_secs())
    } else if d >= Duration::from_secs(1) {
        format!("{:.1} s", d.as_secs_f64())
    } else {
        format!("{} ms", d.as_millis())
    }
}

/// A write sent whose outcome is not known: `cause` is a clause ("the connection closed").
pub fn outcome_unknown(product: Product, cause: &str) -> String {
    format!(
        "The change was sent to {product}, but {cause}, so Lanyard cannot tell whether it was applied. Check the target before trying again"
    )
}

/// A write not confirmed, that reading the target back showed was not applied.
pub fn not_applied(product: Product, cause: &str) -> String {
    format!(
        "{product} did not confirm the change ({cause}); Lanyard read the target back and the change was not applied. Try again"
    )
}

/// "Try again in 12 s", or in a minute when the server did not say.
pub fn try_again(wait: Option<Duration>) -> String {
    match wait {
        Some(wait) if !wait.is_zero() => format!("Try again in {}", duration(wait)),
        _ => "Try again in a minute".to_owned(),
    }
}

/// A failure told in words: the cause (naming the product, and the host when the network is
/// the trouble), then what to do. Shown as "<cause>. <fix>"; the cause alone fits inside
/// another sentence ("… reading the target back failed too (<cause>)").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    pub cause: String,
    pub fix: String,
}

impl Said {
    fn new(cause: String, fix: impl Into<String>) -> Self {
        Self {
            cause,
            fix: fix.into(),
        }
    }
}

impl fmt::Display for Said {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}. {}", self.cause, self.fix)
    }
}

/// "Hub at hub.acme.com could not be reached (connection refused). Check the address …"
pub fn unreachable(product: Product, host: &str, cause: &NetworkCause) -> Said {
    Said::new(
        format!("{product} at {host} could not be reached ({cause})"),
        cause.fix(),
    )
}

/// The host answered, but not within the operation's time.
pub fn too_slow(product: Product, host: &str, after: Duration) -> Said {
    Said::new(
        format!(
            "{product} at {host} was too slow: Lanyard gave up after {}",
            duration(after)
        ),
        "Try again in a moment; if it keeps happening, check the service's status and the network",
    )
}

/// What a server said with its error status: "Auth0 answered 400: <its message>".
pub fn answered(product: Product, status: u16, message: &str) -> String {
    format!("{product} answered {status}: {message}")
}

/// An error status the other variants do not cover, with what to do about it.
pub fn refused(
    product: Product,
    status: u16,
    message: &str,
    code: Option<&str>,
    correlation_id: Option<&str>,
) -> Said {
    let mut cause = answered(product, status, message);
    if let Some(code) = code {
        cause.push_str(&format!(" ({code})"));
    }
    let quoting = quoting(correlation_id);
    let fix = if status >= 500 {
        format!(
            "Try again later; if it keeps happening, tell the service's administrators{quoting}"
        )
    } else {
        format!("Nothing was changed; if the request looks right, report it{quoting}")
    };
    Said::new(cause, fix)
}

/// ", quoting correlation id <id>", when there is one.
fn quoting(correlation_id: Option<&str>) -> String {
    correlation_id
        .filter(|id| !id.is_empty())
        .map(|id| format!(", quoting correlation id {id}"))
        .unwrap_or_default()
}

/// A reply that is not the API's (a web page, a proxy's sign-in page), or broke off.
pub fn unexpected_reply(product: Product, status: u16, excerpt: &str) -> Said {
    if excerpt.is_empty() {
        Said::new(
            format!("{product} answered {status}, but its reply broke off"),
            "Try again; if it keeps happening, check the network and the service's status",
        )
    } else {
        Said::new(
            format!(
                "{product} answered {status} with something that is not its API's reply: \u{201c}{excerpt}\u{201d}"
            ),
            format!("{CHECK_ADDRESS}: it may point at a web page or a proxy"),
        )
    }
}

/// A reply over the size Lanyard reads.
pub fn too_large(product: Product, limit: u64) -> Said {
    Said::new(
        format!("{product}'s reply was larger than {limit} bytes, so Lanyard stopped reading it"),
        format!("{CHECK_ADDRESS}: it may point at something other than the {product} API"),
    )
}

/// A redirect Lanyard did not follow; `location` is shown without its query.
pub fn redirected(product: Product, location: &str, reason: &str) -> Said {
    Said::new(
        format!(
            "{product} redirected the request to {} and Lanyard did not follow it: {reason}",
            without_query(location)
        ),
        format!("{CHECK_ADDRESS}: the service may have moved"),
    )
}

/// A reply in the API's format that does not say what Lanyard asked for.
pub fn unreadable(
    product: Product,
    expected: &str,
    reason: &str,
    correlation_id: Option<&str>,
) -> Said {
    Said::new(
        format!("{product}'s reply could not be read as {expected}: {reason}"),
        format!(
            "{CHECK_ADDRESS} (it must be the {product} API's); if it is, try again later, and if it keeps happening report it{}",
            quoting(correlation_id)
        ),
    )
}

/// Why Lanyard stopped for the rate limit (the cause of a [`rate_limit`]).
pub fn rate_limited(product: Product, attempts: u32, wait: Option<Duration>) -> String {
    match (attempts, wait) {
        (0, Some(wait)) => format!(
            "{product}'s rate limit would have Lanyard wait {} before sending, longer than one operation may take, so nothing was sent",
            duration(wait)
        ),
        (0, None) => format!(
            "{product}'s rate limit would have Lanyard wait longer than one operation may take, so nothing was sent"
        ),
        (n, _) => format!("{product} kept answering 429 (rate limited) after {n} tries"),
    }
}

/// A rate limit Lanyard stopped at: `cause`, then when to try again.
pub fn rate_limit(cause: &str, wait: Option<Duration>) -> Said {
    Said::new(cause.to_owned(), try_again(wait))
}

/// An address or a path without its query string or fragment, which may be long and say
/// nothing a user needs.
pub fn without_query(address: &str) -> &str {
    address
        .split_once(['?', '#'])
        .map_or(address, |(before, _)| before)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration(Duration::from_secs(45)), "45 s");
        assert_eq!(duration(Duration::from_millis(1500)), "1.5 s");
        assert_eq!(duration(Duration::from_millis(300)), "300 ms");
    }

    #[test]
    fn an_unreachable_host_is_named_once_with_its_cause_and_the_fix() {
        let text = unreachable(
            Product::Hub,
            "127.0.0.1:9",
            &NetworkCause::ConnectionRefused,
        )
        .to_string();
        assert_eq!(
            text,
            "Hub at 127.0.0.1:9 could not be reached (connection refused). Check the address on the Profiles page and that this computer can reach it"
        );
    }

    #[test]
    fn a_redirect_is_shown_without_its_query() {
        let text = redirected(
            Product::Auth0,
            "https://login.acme.com/sso?next=%2Fapi&state=abc#x",
            "it points at another host",
        )
        .to_string();
        assert!(text.contains("https://login.acme.com/sso and"), "{text}");
        assert!(!text.contains("state=") && !text.contains('?'), "{text}");
    }

    #[test]
    fn a_server_error_says_whom_to_tell_and_a_refusal_that_nothing_changed() {
        let text = refused(Product::Hub, 503, "down", None, Some("c-9")).to_string();
        assert!(
            text.contains("Try again later") && text.contains("c-9"),
            "{text}"
        );
        let text = refused(Product::Auth0, 400, "bad", Some("invalid_body"), None).to_string();
        assert!(
            text.contains("(invalid_body). Nothing was changed"),
            "{text}"
        );
    }
}
