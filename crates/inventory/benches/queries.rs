//! The inventory's questions on a tenant of 10,000 organizations (12 tenant connections, 1 to 6
//! enabled per organization), each beside a reference answered in the same run by a linear scan
//! of the same data in memory: "which organizations lack connection X", "which have it with its
//! button hidden" and a picker search.
//! Also prints how long filling took and the database file's size.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the bench failing

use std::hint::black_box;
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use lanyard_inventory::{Auth0OrgQuery, Inventory, ReadOrigin, TargetKind, UnixMillis};
use lanyard_model::auth0::{AccessLevel, OrgConnection, Organization};
use lanyard_model::ids::{ConnectionId, OrganizationId};
use lanyard_model::inventory::{ConnectionCondition, OptionsFilter, Presence};

const ORGANIZATIONS: usize = 10_000;
const CONNECTIONS: usize = 12;
const PICKER_LIMIT: usize = 20;
const WORDS: [&str; 16] = [
    "acme",
    "globex",
    "initech",
    "umbrella",
    "hooli",
    "stark",
    "wayne",
    "tyrell",
    "cyberdyne",
    "soylent",
    "wonka",
    "vandelay",
    "massive",
    "pied",
    "dunder",
    "oscorp",
];
const SUFFIXES: [&str; 8] = [
    "Corp", "GmbH", "Inc.", "Ltd", "Labs", "Health", "Bank", "AG",
];

/// A deterministic spread (xorshift), so every run measures the same tenant.
struct Spread(u64);

impl Spread {
    fn next(&mut self, below: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % below as u64) as usize
    }
}

fn connection(i: usize) -> ConnectionId {
    ConnectionId::parse(format!("con_{i:02}")).unwrap()
}

fn tenant() -> Vec<(Organization, Vec<OrgConnection>)> {
    let mut spread = Spread(0x9E37_79B9_7F4A_7C15);
    (0..ORGANIZATIONS)
        .map(|i| {
            let word = WORDS[spread.next(WORDS.len())];
            let organization = Organization {
                id: OrganizationId::parse(format!("org_{i:016x}")).unwrap(),
                name: format!("{word}-{i}"),
                display_name: Some(format!(
                    "{} {}",
                    word.to_uppercase(),
                    SUFFIXES[spread.next(SUFFIXES.len())]
                )),
            };
            let enabled = 1 + spread.next(6);
            let mut chosen: Vec<usize> = Vec::new();
            while chosen.len() < enabled {
                // Popular connections first: Google and the database on most organizations.
                let c = spread.next(CONNECTIONS).min(spread.next(CONNECTIONS));
                if !chosen.contains(&c) {
                    chosen.push(c);
                }
            }
            let connections = chosen
                .into_iter()
                .map(|c| OrgConnection {
                    connection_id: connection(c),
                    organization_connection_name: None,
                    assign_membership_on_login: Some(spread.next(4) == 0),
                    show_as_button: Some(spread.next(5) != 0),
                    is_signup_enabled: None,
                    organization_access_level: Some(AccessLevel::ALL[spread.next(4)]),
                    is_enabled: Some(true),
                    connection: None,
                })
                .collect();
            (organization, connections)
        })
        .collect()
}

/// The reference: the same data as plain rows, keys lower-cased once as the inventory does.
struct Row {
    organization: Organization,
    search_key: String,
    /// Each enabled connection and whether its button is shown.
    connections: Vec<(ConnectionId, bool)>,
}

fn reference_rows(tenant: &[(Organization, Vec<OrgConnection>)]) -> Vec<Row> {
    tenant
        .iter()
        .map(|(organization, connections)| Row {
            organization: organization.clone(),
            search_key: format!(
                "{}\n{}",
                organization.name.to_lowercase(),
                organization
                    .display_name
                    .as_deref()
                    .unwrap_or("")
                    .to_lowercase()
            ),
            connections: connections
                .iter()
                .map(|c| (c.connection_id.clone(), c.show_as_button.unwrap_or(true)))
                .collect(),
        })
        .collect()
}

fn queries(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("inventory.sqlite3");
    let tenant = tenant();
    let started = Instant::now();
    {
        let mut inventory = Inventory::open(&path).unwrap();
        for (organization, connections) in &tenant {
            inventory
                .replace_auth0_organization(
                    "bench",
                    organization,
                    connections,
                    UnixMillis(0),
                    ReadOrigin::Independent,
                )
                .unwrap();
        }
    }
    let filled = started.elapsed();
    let bytes = std::fs::metadata(&path).unwrap().len();
    let wiring: usize = tenant.iter().map(|(_, c)| c.len()).sum();
    println!(
        "inventory: {ORGANIZATIONS} organizations, {wiring} enabled connections, filled in {filled:.2?} \
         (one transaction per organization), database file {:.1} MiB ({bytes} bytes)",
        bytes as f64 / (1024.0 * 1024.0)
    );

    let inventory = Inventory::open(&path).unwrap();
    let rows = reference_rows(&tenant);
    let lacking = connection(3);
    let query = Auth0OrgQuery {
        connection: Some(ConnectionCondition {
            connection_id: lacking.clone(),
            presence: Presence::Lacks,
            options: OptionsFilter::default(),
        }),
        name_contains: None,
    };
    let answered = inventory
        .auth0_organizations("bench", &query)
        .unwrap()
        .matches
        .len();
    let scanned = rows
        .iter()
        .filter(|r| !r.connections.iter().any(|(c, _)| c == &lacking))
        .count();
    assert_eq!(
        answered, scanned,
        "the inventory and the reference disagree"
    );
    println!("inventory: {answered} organizations lack {lacking}");

    let mut group = c.benchmark_group("lack connection X (10,000 organizations)");
    group.bench_function("inventory (SQLite)", |b| {
        b.iter(|| {
            inventory
                .auth0_organizations("bench", black_box(&query))
                .unwrap()
        })
    });
    group.bench_function("reference: linear scan of a Vec", |b| {
        b.iter(|| {
            rows.iter()
                .filter(|r| !r.connections.iter().any(|(c, _)| c == black_box(&lacking)))
                .map(|r| r.organization.clone())
                .collect::<Vec<_>>()
        })
    });
    group.finish();

    // The most common connection, with its button hidden: the "has" side with an option.
    let popular = connection(0);
    let hidden = Auth0OrgQuery {
        connection: Some(ConnectionCondition {
            connection_id: popular.clone(),
            presence: Presence::Has,
            options: OptionsFilter {
                show_as_button: Some(false),
                ..OptionsFilter::default()
            },
        }),
        name_contains: None,
    };
    let hides = |r: &Row| {
        r.connections
            .iter()
            .any(|(c, shown)| c == &popular && !shown)
    };
    let answered = inventory
        .auth0_organizations("bench", &hidden)
        .unwrap()
        .matches
        .len();
    assert_eq!(
        answered,
        rows.iter().filter(|r| hides(r)).count(),
        "the inventory and the reference disagree"
    );
    println!("inventory: {answered} organizations have {popular} with its button hidden");
    let mut group = c.benchmark_group("has connection X, button hidden (10,000 organizations)");
    group.bench_function("inventory (SQLite)", |b| {
        b.iter(|| {
            inventory
                .auth0_organizations("bench", black_box(&hidden))
                .unwrap()
        })
    });
    group.bench_function("reference: linear scan of a Vec", |b| {
        b.iter(|| {
            rows.iter()
                .filter(|r| hides(black_box(r)))
                .map(|r| r.organization.clone())
                .collect::<Vec<_>>()
        })
    });
    group.finish();

    let term = "stark b";
    let mut group = c.benchmark_group("picker search (10,000 organizations, limit 20)");
    group.bench_function("inventory (SQLite)", |b| {
        b.iter(|| {
            inventory
                .pick(
                    "bench",
                    TargetKind::Auth0Organization,
                    black_box(term),
                    PICKER_LIMIT,
                )
                .unwrap()
        })
    });
    group.bench_function("reference: linear scan of a Vec", |b| {
        b.iter(|| {
            let needle = black_box(term).to_lowercase();
            let mut found: Vec<&Organization> = rows
                .iter()
                .filter(|r| r.search_key.contains(&needle))
                .map(|r| &r.organization)
                .collect();
            found.sort_by(|a, b| a.name.cmp(&b.name));
            found.truncate(PICKER_LIMIT);
            found.len()
        })
    });
    group.finish();
}

criterion_group!(benches, queries);
criterion_main!(benches);
