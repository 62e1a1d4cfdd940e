//! Addresses: https only (plain http to this computer only), every path segment encoded, and
//! redirects resolved only within the same origin.

use std::net::IpAddr;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use url::Url;

use crate::error::ProviderError;

/// Characters left as they are in a path segment: RFC 3986 unreserved but `.`. Everything else,
/// `/`, `%`, `?`, `#` and `.` included, is encoded, so no segment can be `..`.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'~');

/// The URL of `segments` under `base`'s path, each segment percent-encoded.
pub(crate) fn join(base: &Url, segments: &[String], query: &[(String, String)]) -> Url {
    let mut path = base.path().trim_end_matches('/').to_owned();
    for segment in segments {
        path.push('/');
        path.extend(utf8_percent_encode(segment, SEGMENT));
    }
    let mut url = base.clone();
    url.set_path(&path);
    url.set_query(None);
    if !query.is_empty() {
        url.query_pairs_mut()
            .extend_pairs(query.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    }
    url
}

/// `url`'s host, with its port when that is not the scheme's own.
pub fn host(url: &Url) -> String {
    let host = url.host_str().unwrap_or("the server");
    match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host.to_owned(),
    }
}

/// Where a `Location` points, when that is on the same scheme, host and port as `current`.
pub(crate) fn same_origin_target(current: &Url, location: &str) -> Option<Url> {
    let next = current.join(location).ok()?;
    (next.origin() == current.origin()).then_some(next)
}

/// Checks the base URL: https, or http to this computer only.
pub(crate) fn checked_base(base: &str) -> Result<Url, ProviderError> {
    let url = Url::parse(base.trim()).map_err(|err| ProviderError::BadUrl {
        url: base.to_owned(),
        reason: err.to_string(),
    })?;
    if !url.username().is_empty() || url.password().is_some() {
        return Err(ProviderError::BadUrl {
            url: base.to_owned(),
            reason: "it must not carry a user name or password".to_owned(),
        });
    }
    match url.scheme() {
        "https" => Ok(url),
        "http" if is_loopback(&url) => Ok(url),
        "http" => Err(ProviderError::InsecureUrl {
            url: url.to_string(),
        }),
        other => Err(ProviderError::BadUrl {
            url: base.to_owned(),
            reason: format!("the scheme `{other}` is not http(s)"),
        }),
    }
}

/// The address rule as a yes or no, for addresses that are not a profile's base (the updater's
/// manifest, package and redirects): https, or http to this computer only.
pub fn https_or_loopback(url: &Url) -> bool {
    match url.scheme() {
        "https" => url.host().is_some(),
        "http" => is_loopback(url),
        _ => false,
    }
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        None => false,
    }
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    fn base(s: &str) -> Url {
        checked_base(s).expect("base")
    }

    #[test]
    fn plain_http_is_refused_except_to_this_computer() {
        assert!(matches!(
            checked_base("http://hub.example.com/api/rest"),
            Err(ProviderError::InsecureUrl { .. })
        ));
        for ok in [
            "http://127.0.0.1:8080/api",
            "http://localhost/api",
            "http://[::1]:9/api",
            "https://hub.example.com/api/rest",
        ] {
            assert!(checked_base(ok).is_ok(), "{ok}");
        }
        assert!(matches!(
            checked_base("ftp://example.com"),
            Err(ProviderError::BadUrl { .. })
        ));
        assert!(matches!(
            checked_base("https://user:pw@example.com"),
            Err(ProviderError::BadUrl { .. })
        ));
    }

    #[test]
    fn ids_cannot_change_the_path() {
        let b = base("https://t.eu.auth0.com/api/v2/");
        let url = join(
            &b,
            &[
                "organizations".into(),
                "../../oauth/token".into(),
                "connections".into(),
            ],
            &[],
        );
        // Dots are encoded too: the URL parser would otherwise fold a `..` segment away.
        assert_eq!(
            url.path(),
            "/api/v2/organizations/%2E%2E%2F%2E%2E%2Foauth%2Ftoken/connections"
        );
        assert_eq!(url.host_str(), Some("t.eu.auth0.com"));
        let url = join(
            &b,
            &["a?b#c".into(), "%2e%2e".into()],
            &[("q".into(), "name: x&y".into())],
        );
        assert_eq!(url.path(), "/api/v2/a%3Fb%23c/%252e%252e");
        assert_eq!(url.query(), Some("q=name%3A+x%26y"));
    }

    #[test]
    fn redirects_resolve_only_within_the_origin() {
        let here = base("https://t.eu.auth0.com/api/v2/organizations");
        assert_eq!(
            same_origin_target(&here, "/api/v2/organizations?page=0").map(|u| u.to_string()),
            Some("https://t.eu.auth0.com/api/v2/organizations?page=0".to_owned())
        );
        for away in [
            "https://attacker.example/api/v2/x",
            "http://t.eu.auth0.com/api/v2/x",
            "https://t.eu.auth0.com:8443/x",
            "//attacker.example/x",
        ] {
            assert_eq!(same_origin_target(&here, away), None, "{away}");
        }
    }
}
