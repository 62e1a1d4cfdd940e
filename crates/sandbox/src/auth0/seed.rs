//! A demo Auth0 tenant: organizations, connections of every family, some already enabled: the
//! first 30 organizations (the named companies) as hand-wired for the demo and the tests, every
//! later one with a deterministic, realistic spread of enabled connections (`spread`).

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::state::{Conn, Link, Org, World};

pub(super) const COMPANIES: &[&str] = &[
    "Acme Corporation",
    "Globex",
    "Initech",
    "Umbrella Health",
    "Hooli",
    "Stark Industries",
    "Wayne Enterprises",
    "Soylent Foods",
    "Tyrell Systems",
    "Cyberdyne",
    "Wonka Confections",
    "Vandelay Imports",
    "Pied Piper",
    "Massive Dynamic",
    "Oscorp",
    "Gringotts Bank",
    "Monarch Solutions",
    "Dunder Mifflin",
    "Prestige Worldwide",
    "Aperture Science",
    "Black Mesa",
    "Nakatomi Trading",
    "Virtucon",
    "Gekko & Co",
    "Sterling Cooper",
    "Bluth Company",
    "Krusty Krab",
    "Los Pollos Hermanos",
    "Duff Brewing",
    "Planet Express",
];

/// (name, strategy) of the seeded connections.
pub const CONNECTIONS: &[(&str, &str)] = &[
    ("Username-Password-Authentication", "auth0"),
    ("Partners-Database", "auth0"),
    ("google-oauth2", "google-oauth2"),
    ("github", "github"),
    ("linkedin", "linkedin"),
    ("email", "email"),
    ("Contoso-AzureAD", "waad"),
    ("Initech-Okta", "okta"),
    ("Globex-SAML", "samlp"),
    ("Umbrella-OIDC", "oidc"),
    ("Hooli-ADFS", "adfs"),
    ("Stark-Google-Workspace", "google-apps"),
];

fn id(rng: &mut StdRng, prefix: &str) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let tail: String = (0..16)
        .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
        .collect();
    format!("{prefix}_{tail}")
}

pub use crate::config::DEFAULT_ID_SEED;

/// The same tenant every time for a given size.
pub fn world(organizations: usize) -> World {
    world_with(organizations, DEFAULT_ID_SEED)
}

/// The same tenant every time for a given size and id seed: the names and the wiring are the
/// same whatever the seed, the connections' and organizations' ids differ with it (two
/// sandboxes with different seeds stand for two tenants, staging and production).
pub fn world_with(organizations: usize, id_seed: u64) -> World {
    let mut rng = StdRng::seed_from_u64(id_seed);
    let mut w = World::default();
    for (name, strategy) in CONNECTIONS {
        let cid = id(&mut rng, "con");
        w.connections.push(Conn {
            id: cid,
            name: (*name).to_owned(),
            strategy: (*strategy).to_owned(),
            clients: Vec::new(),
        });
    }
    for i in 0..organizations {
        let base = COMPANIES[i % COMPANIES.len()];
        let round = i / COMPANIES.len();
        let display = if round == 0 {
            base.to_owned()
        } else {
            format!("{base} {}", round + 1)
        };
        let slug: String = display
            .to_lowercase()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect::<String>()
            .split('-')
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        let oid = id(&mut rng, "org");
        w.orgs.push(Org {
            id: oid,
            name: slug,
            display_name: display,
            is_app_entitlement_active: false,
            granted: Vec::new(),
        });
    }
    // Some organizations already have connections, as a real tenant would.
    let enabled: &[(usize, usize, bool)] = &[
        (0, 0, true),
        (0, 7, true),
        (1, 8, true),
        (1, 2, false),
        (2, 7, true),
        (3, 9, true),
        (4, 0, true),
        (4, 6, true),
        (5, 11, true),
        (6, 3, true),
    ];
    for (org, conn, button) in enabled {
        if let (Some(o), Some(c)) = (w.orgs.get(*org), w.connections.get(*conn)) {
            let mut link = Link::new(&c.id);
            link.show_as_button = *button;
            if *org == 0 && *conn == 7 {
                link.organization_connection_name = Some("Acme SSO".to_owned());
                link.organization_access_level = "limited".to_owned();
            }
            w.links.insert((o.id.clone(), c.id.clone()), link);
        }
    }
    // Past the named companies, a realistic spread (see `spread`).
    let mut links = Vec::new();
    for (i, org) in w.orgs.iter().enumerate().skip(COMPANIES.len()) {
        for link in super::spread::links(i, &org.display_name, &w.connections) {
            links.push(((org.id.clone(), link.connection_id.clone()), link));
        }
    }
    w.links.extend(links);
    // Applications, entitlement and tenant logs for the pre-change warnings (`checks`).
    super::seed_checks::add(&mut w);
    w
}
