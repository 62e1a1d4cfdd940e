//! A profile's address: normalized to a base URL, https only but to this computer.

use super::Product;

/// The address as a base URL: `https://` added to a bare domain, no trailing slash; plain
/// http only to this computer; Auth0 takes a domain only.
pub fn normalize_address(product: Product, input: &str) -> Result<String, String> {
    let input = input.trim();
    if input.is_empty() {
        return Err(product.address_hint().to_owned());
    }
    let (scheme, rest) = match input.split_once("://") {
        Some((s, r)) => (s.to_ascii_lowercase(), r),
        None => ("https".to_owned(), input),
    };
    if scheme != "https" && scheme != "http" {
        return Err(format!("use an https address, not {scheme}://"));
    }
    let (authority, path) = match rest.find(['/', '?', '#']) {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    if authority.contains('@') {
        return Err("leave the user name and password out of the address".to_owned());
    }
    let host = host_part(authority);
    let valid_host = !host.is_empty()
        && (host.starts_with('[')
            || host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-'));
    if !valid_host {
        return Err(format!("\u{201c}{authority}\u{201d} is not a host name"));
    }
    if scheme == "http" && !is_loopback_host(host) {
        return Err(
            "use https: Lanyard sends tokens only over https (plain http only to this computer)"
                .to_owned(),
        );
    }
    if path.contains(['?', '#']) {
        return Err("leave query strings and fragments out of the address".to_owned());
    }
    let path = path.trim_end_matches('/');
    if product == Product::Auth0 && !path.is_empty() {
        return Err(
            "enter the tenant domain only, without a path (e.g. acme.eu.auth0.com)".to_owned(),
        );
    }
    Ok(format!(
        "{scheme}://{}{path}",
        authority.to_ascii_lowercase()
    ))
}

fn host_part(authority: &str) -> &str {
    if authority.starts_with('[') {
        return authority.split_inclusive(']').next().unwrap_or(authority);
    }
    authority.split(':').next().unwrap_or(authority)
}

fn is_loopback_host(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost") || host == "[::1]" || host.starts_with("127.")
}

pub(super) fn host_of(base_url: &str) -> Option<String> {
    let rest = base_url.split_once("://").map(|(_, r)| r)?;
    let authority = rest.split('/').next()?;
    Some(host_part(authority).to_owned())
}
