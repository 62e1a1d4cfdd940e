//! Make like's and a copy's warnings, per item, against the sandbox: the same checks as a bulk
//! plan's. Enabling `github` (enabled for no application) on an organization says so on the
//! item; enabling `google-oauth2` (Northwind Portal) says nothing. The organizations used have
//! no connection at all in the seed, so each plan holds just the one change.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

mod support;

use lanyard_core::bulk::Runs;
use lanyard_core::compare::{self, Left};
use lanyard_core::{Client, Stock};
use lanyard_model::WarningKind;
use lanyard_model::auth0::EnableConnection;
use lanyard_model::bulk::{BulkTarget, ItemStatus, RunState};
use lanyard_model::compare::{DiffKind, MakeLike};
use lanyard_model::ids::{ConnectionId, OrganizationId};
use lanyard_model::inventory::PlanSource;
use lanyard_model::profile::Environment;
use lanyard_sandbox::Sandbox;
use support::two_tenants::{self, crawl, id_of};

/// The first `n` organizations the seed enabled no connection for, as targets (by name).
fn empty_orgs(s: &Sandbox, n: usize) -> Vec<BulkTarget> {
    let state = s.state(lanyard_sandbox::Product::Auth0);
    let linked: Vec<&str> = state["org_connections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["organization_id"].as_str().unwrap())
        .collect();
    let found: Vec<BulkTarget> = state["organizations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| !linked.contains(&o["id"].as_str().unwrap()))
        .take(n)
        .map(|o| BulkTarget {
            id: o["id"].as_str().unwrap().to_owned(),
            name: o["name"].as_str().unwrap().to_owned(),
            owner_type: None,
        })
        .collect();
    assert_eq!(
        found.len(),
        n,
        "the seed has organizations without connections"
    );
    found
}

/// Enables the connection named `connection` for the organization, straight through the API.
async fn enable(s: &Sandbox, client: &Client, org: &BulkTarget, connection: &str) {
    let conn = ConnectionId::parse(id_of(s, "connections", connection)).unwrap();
    client
        .auth0()
        .unwrap()
        .enable(
            &OrganizationId::parse(org.id.clone()).unwrap(),
            &EnableConnection::new(conn),
        )
        .await
        .unwrap();
}

/// The kinds of warnings of each item of the run, which must wait in Ready.
fn kinds(runs: &Runs, id: &str) -> Vec<Vec<WarningKind>> {
    let view = runs.view(id).unwrap();
    assert_eq!(view.state, RunState::Ready);
    view.items
        .iter()
        .map(|i| {
            assert_eq!(i.status, ItemStatus::Pending, "{i:?}");
            i.warnings.iter().map(|w| w.kind).collect()
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn make_like_items_carry_their_warnings() {
    let s = two_tenants::tenant(40, lanyard_sandbox::auth0::seed::DEFAULT_ID_SEED).await;
    let (profile, client) = support::client_for(&s);
    let dir = tempfile::tempdir().unwrap();
    let stock = Stock::open(dir.path());
    let runs = support::runs_in(dir.path()).with_inventory(stock.clone());
    let orgs = empty_orgs(&s, 4);
    enable(&s, &client, &orgs[0], "github").await;
    enable(&s, &client, &orgs[1], "google-oauth2").await;
    let plan = |source: &BulkTarget, target: &BulkTarget| MakeLike {
        source: source.clone(),
        targets: vec![target.clone()],
        remove_extra: false,
        plan_source: PlanSource::Live,
    };

    // Like an organization with github: enabling it warns that no application uses it.
    let id = compare::make_like(&runs, &stock, &profile, &client, &plan(&orgs[0], &orgs[2]))
        .await
        .unwrap();
    assert_eq!(
        kinds(&runs, &id),
        [vec![WarningKind::ConnectionWithoutApplication]]
    );
    let w = &runs.view(&id).unwrap().items[0].warnings[0];
    assert!(
        matches!(&w.text, lanyard_model::WarningText::ConnectionWithoutApplication { connection } if !connection.is_empty()),
        "{w:?}"
    );

    // Like an organization with google-oauth2 (Northwind Portal uses it): nothing to say.
    let id = compare::make_like(&runs, &stock, &profile, &client, &plan(&orgs[1], &orgs[3]))
        .await
        .unwrap();
    assert_eq!(kinds(&runs, &id), [Vec::<WarningKind>::new()]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_copys_items_carry_their_warnings() {
    // Two tenants with the same names and other ids; staging gets github on one organization
    // and google-oauth2 on another, production stays as seeded (and asks for no host name).
    let w = two_tenants::world(40, Environment::Staging).await;
    let (stock, runs) = (&w.stock, &w.runs);
    let ((s, sp, sc), (_, pp, pc)) = (&w.staging, &w.production);
    let orgs = empty_orgs(s, 2);
    enable(s, sc, &orgs[0], "github").await;
    enable(s, sc, &orgs[1], "google-oauth2").await;
    crawl(&w.crawls, sp, sc).await;
    crawl(&w.crawls, pp, pc).await;
    let left = Left::Profile(sp.clone());
    let cmp = compare::compare(stock, &left, pp, None).unwrap();
    let key = |org: &BulkTarget, item: &str| {
        let row = cmp
            .rows
            .iter()
            .find(|r| r.target == org.name && r.item == item)
            .unwrap();
        assert_eq!(row.kind, DiffKind::OnlyLeft, "{row:?}");
        row.key()
    };
    let github = key(&orgs[0], "github");
    let google = key(&orgs[1], "google-oauth2");

    // Copying github to production: the item warns that no application uses it there.
    let id = compare::copy(runs, stock, &left, pp, pc, None, &[github])
        .await
        .unwrap();
    assert_eq!(runs.view(&id).unwrap().profile_id, "production");
    assert_eq!(
        kinds(runs, &id),
        [vec![WarningKind::ConnectionWithoutApplication]]
    );

    // Copying google-oauth2: nothing to say.
    let id = compare::copy(runs, stock, &left, pp, pc, None, &[google])
        .await
        .unwrap();
    assert_eq!(kinds(runs, &id), [Vec::<WarningKind>::new()]);
}
