//! The Hub's state (auth modules, user groups, counts of writes and token requests) and its seed.

use std::collections::BTreeMap;

use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Module {
    pub id: String,
    pub name: String,
    pub kind: &'static str,
    pub disabled: bool,
    pub ordinal: i64,
    pub auto_join: Vec<String>,
    /// Whether a first login creates the Hub account (`registrationEnabled` on the Hub module,
    /// `allowedCreateNewUsers` on the others): its auto-join groups apply only then.
    pub creates_users: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Group {
    pub id: String,
    pub name: String,
    pub user_count: u64,
    pub description: String,
    /// Group-level auto-join by e-mail domain (not the same as a module's auto-join groups).
    pub auto_join_domain: Option<String>,
    /// (id, name) of the parent group.
    pub parent: Option<(String, String)>,
}

#[derive(Debug, Default, Serialize)]
pub struct HubWorld {
    pub modules: Vec<Module>,
    pub groups: Vec<Group>,
    /// Successful adds per `module/group`, to prove a client never repeats one.
    pub writes: BTreeMap<String, u32>,
    /// Requests to `POST /api/rest/oauth2/token`, granted or refused, to show that a client
    /// reuses its token.
    pub token_requests: u32,
}

const GROUPS: &[(&str, u64)] = &[
    ("All Users", 412),
    ("Registered Users", 398),
    ("Developers", 140),
    ("QA Engineers", 36),
    ("Release Managers", 7),
    ("Support", 58),
    ("Support Leads", 6),
    ("Designers", 21),
    ("Product Managers", 18),
    ("Data Science", 24),
    ("Security", 9),
    ("IT Operations", 15),
    ("Contractors", 44),
    ("Interns 2026", 12),
    ("Documentation", 8),
    ("Mobile Team", 27),
    ("Platform Team", 31),
    ("Web Team", 29),
    ("Customer Success", 33),
    ("Sales Engineering", 14),
    ("Finance", 11),
    ("Legal", 5),
    ("HR", 7),
    ("Executives", 6),
    ("External Auditors", 3),
];

/// Groups that users join by their e-mail domain.
const AUTO_JOIN_DOMAINS: &[(&str, &str)] = &[
    ("Developers", "northwind.example"),
    ("Support", "help.northwind.example"),
    ("Contractors", "partners.northwind.example"),
];

/// (group, parent group).
const PARENTS: &[(&str, &str)] = &[
    ("Support Leads", "Support"),
    ("Mobile Team", "Developers"),
    ("Platform Team", "Developers"),
    ("Web Team", "Developers"),
    ("QA Engineers", "Developers"),
];

pub fn seed() -> HubWorld {
    let gid = |i: usize| format!("6b1d2c3e-0000-4a5b-8c9d-{:012x}", 0x51 + i);
    let groups = GROUPS
        .iter()
        .enumerate()
        .map(|(i, (name, count))| Group {
            id: gid(i),
            name: (*name).to_owned(),
            user_count: *count,
            description: format!("{name} of the company"),
            auto_join_domain: AUTO_JOIN_DOMAINS
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, d)| (*d).to_owned()),
            parent: PARENTS
                .iter()
                .find(|(n, _)| n == name)
                .and_then(|(_, p)| GROUPS.iter().position(|(g, _)| g == p))
                .map(|p| (gid(p), GROUPS[p].0.to_owned())),
        })
        .collect();
    let module = |id: &str, name: &str, kind, disabled, ordinal, joins: &[usize]| Module {
        id: id.to_owned(),
        name: name.to_owned(),
        kind,
        disabled,
        ordinal,
        auto_join: joins.iter().map(|i| gid(*i)).collect(),
        // GitHub only links existing accounts: a warning's case (its auto-join never applies).
        creates_users: name != "GitHub",
    };
    HubWorld {
        modules: vec![
            module(
                "0a6f5b7c-1111-4e2d-9a3b-000000000001",
                "Hub",
                "CoreauthmoduleJSON",
                false,
                0,
                &[1],
            ),
            module(
                "0a6f5b7c-1111-4e2d-9a3b-000000000002",
                "Google",
                "GoogleauthmoduleJSON",
                false,
                1,
                &[1, 2],
            ),
            module(
                "0a6f5b7c-1111-4e2d-9a3b-000000000003",
                "Corporate LDAP",
                "LdapauthmoduleJSON",
                false,
                2,
                &[2, 11],
            ),
            module(
                "0a6f5b7c-1111-4e2d-9a3b-000000000004",
                "GitHub",
                "GithubauthmoduleJSON",
                false,
                3,
                &[],
            ),
            module(
                "0a6f5b7c-1111-4e2d-9a3b-000000000005",
                "Okta SAML (legacy)",
                "Saml2authmoduleJSON",
                true,
                4,
                &[12],
            ),
        ],
        groups,
        writes: BTreeMap::new(),
        token_requests: 0,
    }
}
