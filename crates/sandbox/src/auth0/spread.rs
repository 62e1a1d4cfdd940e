//! The enabled connections of a seeded organization past the named companies: a deterministic,
//! realistic spread, the same for an organization's index whatever the tenant's size.
//!
//! Per organization: 12% have none; the others have Username-Password-Authentication (75%),
//! google-oauth2 (50%), github (8%), email (8%), Partners-Database (5%), linkedin (4%), and one
//! enterprise SSO connection (20%: waad, okta, samlp, oidc, adfs or google-apps), and at least one
//! of them. Options: a database connection assigns membership on login for 30% (half of those
//! with signup on); a social one for 10%; an enterprise one for 60%, hides its button for 40%,
//! has an access level (none 40%, readonly 20%, limited 30%, full 10%) and, when the level is
//! not none or for half of the others, an `organization_connection_name` ("<organization> SSO").
//! 3% of all links are disabled (`is_enabled: false`). Every link passes Auth0's rules (signup
//! only on a database connection with membership on login; a level only with a name).

use super::state::{Conn, Link};

/// A fixed mix so the spread does not depend on the id generator's sequence.
const SALT: u64 = 0x6c61_6e79_6172_6421;

/// A number in 0..100 drawn for organization `index` and question `what`.
fn roll(index: usize, what: u64) -> u64 {
    // splitmix64: well mixed, and the same on every platform.
    let mut z = (index as u64)
        .wrapping_mul(0x9e37_79b9_7f4a_7c15)
        .wrapping_add(SALT ^ what.wrapping_mul(0xbf58_476d_1ce4_e5b9));
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    (z ^ (z >> 31)) % 100
}

const ENTERPRISE: &[&str] = &[
    "Contoso-AzureAD",
    "Initech-Okta",
    "Globex-SAML",
    "Umbrella-OIDC",
    "Hooli-ADFS",
    "Stark-Google-Workspace",
];

/// The links of organization `index` (shown as `display`) among the tenant's `connections`.
pub fn links(index: usize, display: &str, connections: &[Conn]) -> Vec<Link> {
    if roll(index, 0) < 12 {
        return Vec::new();
    }
    let mut chosen: Vec<&str> = [
        ("Username-Password-Authentication", 75),
        ("google-oauth2", 50),
        ("github", 8),
        ("email", 8),
        ("Partners-Database", 5),
        ("linkedin", 4),
    ]
    .iter()
    .enumerate()
    .filter(|(k, (_, share))| roll(index, 1 + *k as u64) < *share)
    .map(|(_, (name, _))| *name)
    .collect();
    if roll(index, 10) < 20 {
        chosen.push(ENTERPRISE[roll(index, 11) as usize % ENTERPRISE.len()]);
    }
    if chosen.is_empty() {
        chosen.push("Username-Password-Authentication");
    }
    chosen
        .into_iter()
        .enumerate()
        .filter_map(|(k, name)| {
            let conn = connections.iter().find(|c| c.name == name)?;
            Some(link(index, 20 + 10 * k as u64, conn, display))
        })
        .collect()
}

/// One link with options drawn for its kind of connection; `what` separates its draws.
fn link(index: usize, what: u64, conn: &Conn, display: &str) -> Link {
    let mut link = Link::new(&conn.id);
    let draw = |n: u64| roll(index, what + n);
    match conn.strategy.as_str() {
        "auth0" => {
            link.assign_membership_on_login = draw(1) < 30;
            link.is_signup_enabled = link.assign_membership_on_login && draw(2) < 50;
        }
        "google-oauth2" | "github" | "linkedin" | "email" => {
            link.assign_membership_on_login = draw(1) < 10;
        }
        _ => {
            link.assign_membership_on_login = draw(1) < 60;
            link.show_as_button = draw(2) >= 40;
            link.organization_access_level = match draw(3) {
                0..40 => "none",
                40..60 => "readonly",
                60..90 => "limited",
                _ => "full",
            }
            .to_owned();
            if link.organization_access_level != "none" || draw(4) < 50 {
                let name: String = format!("{display} SSO").chars().take(50).collect();
                link.organization_connection_name = Some(name);
            }
        }
    }
    link.is_enabled = draw(5) >= 3;
    link
}
