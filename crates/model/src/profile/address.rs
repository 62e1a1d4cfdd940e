//! A profile's address: normalized to a base URL, https only but to this computer.

use super::Product;
use crate::validation::FieldProblem;

/// The address as a base URL: `https://` added to a bare domain, no trailing slash; plain
/// http only to this computer; Auth0 takes a domain only.
pub fn normalize_address(product: Product, input: &str) -> Result<String, FieldProblem> {
    let input = input.trim();
    if input.is_empty() {
        return Err(FieldProblem::AddressMissing { product });
    }
    let (scheme, rest) = match input.split_once("://") {
        Some((s, r)) => (s.to_ascii_lowercase(), r),
        None => ("https".to_owned(), input),
    };
    if scheme != "https" && scheme != "http" {
        return Err(FieldProblem::AddressScheme { scheme });
    }
    let (authority, path) = match rest.find(['/', '?', '#']) {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    if authority.contains('@') {
        return Err(FieldProblem::AddressUserInfo);
    }
    let host = host_part(authority);
    let valid_host = !host.is_empty()
        && (host.starts_with('[')
            || host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-'));
    if !valid_host {
        return Err(FieldProblem::AddressHost {
            authority: authority.to_owned(),
        });
    }
    if scheme == "http" && !is_loopback_host(host) {
        return Err(FieldProblem::AddressPlainHttp);
    }
    if path.contains(['?', '#']) {
        return Err(FieldProblem::AddressQuery);
    }
    let path = path.trim_end_matches('/');
    if product == Product::Auth0 && !path.is_empty() {
        return Err(FieldProblem::AddressPath);
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
