//! What every sandbox port checks before anything else: that the request was addressed to
//! loopback (a web page that rebinds its own host name to 127.0.0.1 sends its own name in
//! `Host`), and on the admin port that it carries the admin token made at start.

use std::net::IpAddr;

use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;

use crate::json::reply;

/// `router` behind the Host check, as its outermost layer (unknown paths included).
pub fn loopback_only(router: axum::Router) -> axum::Router {
    router.layer(axum::middleware::from_fn(loopback_host))
}

/// Refuses a request whose `Host` (or HTTP/2 `:authority`) is not `localhost` or a loopback
/// address, with 421 Misdirected Request.
pub async fn loopback_host(request: Request, next: Next) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(str::to_owned)
        .or_else(|| request.uri().authority().map(|a| a.as_str().to_owned()));
    if host.as_deref().is_some_and(is_loopback_host) {
        return next.run(request).await;
    }
    reply(
        StatusCode::MISDIRECTED_REQUEST,
        serde_json::json!({
            "error": "misdirected_request",
            "message": "This sandbox answers only requests addressed to localhost or a loopback address \
                        (127.0.0.1, [::1]); the Host header named another host, as a web page using DNS \
                        rebinding would. Use the address lanyard-sandbox printed.",
        }),
    )
}

/// `localhost`, `127.x.y.z` or `[::1]`, with or without a port.
pub fn is_loopback_host(host: &str) -> bool {
    let name = if let Some(rest) = host.strip_prefix('[') {
        // [v6]:port
        match rest.split_once(']') {
            Some((v6, tail)) if tail.is_empty() || valid_port(tail) => v6,
            _ => return false,
        }
    } else {
        match host.rsplit_once(':') {
            Some((name, port)) if valid_port(&format!(":{port}")) => name,
            Some(_) => return false,
            None => host,
        }
    };
    let name = name.strip_suffix('.').unwrap_or(name);
    name.eq_ignore_ascii_case("localhost")
        || name
            .parse::<IpAddr>()
            .is_ok_and(|ip| ip.is_loopback() || mapped_loopback(ip))
}

fn valid_port(tail: &str) -> bool {
    tail.strip_prefix(':')
        .is_some_and(|p| !p.is_empty() && p.parse::<u16>().is_ok())
}

fn mapped_loopback(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().is_some_and(|v4| v4.is_loopback()),
        IpAddr::V4(_) => false,
    }
}

/// The admin port's token, made at start.
#[derive(Clone)]
pub struct AdminToken(pub String);

impl std::fmt::Debug for AdminToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AdminToken(..)")
    }
}

/// Refuses an admin request without `Authorization: Bearer <admin token>` (401).
pub async fn admin_token(
    State(token): State<AdminToken>,
    request: Request,
    next: Next,
) -> Response {
    let sent = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|h| h.to_str().ok())
        .and_then(|h| h.strip_prefix("Bearer "))
        .map(str::trim);
    if sent.is_some_and(|s| same(s.as_bytes(), token.0.as_bytes())) {
        return next.run(request).await;
    }
    let mut r = reply(
        StatusCode::UNAUTHORIZED,
        serde_json::json!({
            "error": "unauthorized",
            "message": "The admin port needs `Authorization: Bearer <admin token>`; lanyard-sandbox prints the token at start (Sandbox::admin_token in tests).",
        }),
    );
    r.headers_mut().insert(
        header::WWW_AUTHENTICATE,
        axum::http::HeaderValue::from_static("Bearer"),
    );
    r
}

/// Compares in time that does not depend on where the first difference is.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_names_pass_and_others_do_not() {
        for ok in [
            "127.0.0.1",
            "127.0.0.1:8080",
            "127.1.2.3:1",
            "localhost",
            "LOCALHOST:443",
            "localhost.",
            "[::1]",
            "[::1]:18080",
            "[::ffff:127.0.0.1]:80",
        ] {
            assert!(is_loopback_host(ok), "{ok} refused");
        }
        for bad in [
            "",
            "evil.example",
            "evil.example:8080",
            "localhost.evil.example",
            "127.0.0.1.nip.io",
            "10.0.0.1",
            "0.0.0.0",
            "[::]",
            "[::1",
            "::1",
            "127.0.0.1:99999",
            "127.0.0.1:",
            "127.0.0.1:80:80",
            "[::1]x",
        ] {
            assert!(!is_loopback_host(bad), "{bad} accepted");
        }
    }

    #[test]
    fn tokens_compare_whole() {
        assert!(same(b"abc", b"abc"));
        assert!(!same(b"abc", b"abd"));
        assert!(!same(b"abc", b"ab"));
        assert!(!same(b"", b"a"));
    }
}
