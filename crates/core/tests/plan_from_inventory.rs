//! Bulk plans from the inventory, against the sandbox: a plan whose targets' rows are all young
//! enough reads nothing from the server and says it was planned from the inventory; stale or
//! missing rows are read live with the reason in the run's note; `Live` always reads live; a
//! surprise at run time (another admin's change since the inventory was read) is settled by
//! reading it back, and the inventory row is updated. ZITADEL and Hub plans from the inventory
//! too (their read endpoints broken by a fault, so a read would fail the plan).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

mod support;

use lanyard_core::Stock;
use lanyard_core::bulk::Runs;
use lanyard_inventory::{Inventory, ReadOrigin, UnixMillis};
use lanyard_model::Profile;
use lanyard_model::auth0::{EnableConnection, OrgConnection, Organization};
use lanyard_model::bulk::{
    BulkOp, BulkTarget, ItemStatus, LiveReason, RunAction, RunNote, RunState, RunView,
};
use lanyard_model::ids::OrganizationId;
use lanyard_model::inventory::PlanSource;
use lanyard_model::profile::Product;
use lanyard_sandbox::Sandbox;
use lanyard_sandbox::faults::{Fault, FaultRule};
use support::*;

fn now_ms() -> i64 {
    i64::try_from(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_millis(),
    )
    .unwrap()
}

/// Runs that write through to the inventory in `dir`, and a second handle on that file for the
/// test (standing for the crawl that filled it).
fn runs_with_inventory(dir: &std::path::Path) -> (Runs, Stock, Inventory) {
    let stock = Stock::open(dir);
    let runs = runs_in(dir).with_inventory(stock.clone());
    let db = Inventory::open(&dir.join(lanyard_core::stock::FILE_NAME)).unwrap();
    (runs, stock, db)
}

/// The organization's enabled connections as the sandbox holds them.
fn true_connections(s: &Sandbox, org: &str) -> Vec<OrgConnection> {
    s.state(lanyard_sandbox::Product::Auth0)["org_connections"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["organization_id"] == org)
        .map(|l| serde_json::from_value(l["link"].clone()).unwrap())
        .collect()
}

/// Records the targets' wiring as the sandbox holds it now, read at `at`.
fn fill(db: &mut Inventory, s: &Sandbox, profile: &Profile, targets: &[BulkTarget], at: i64) {
    for t in targets {
        let org = Organization {
            id: OrganizationId::parse(&t.id).unwrap(),
            name: t.name.clone(),
            display_name: None,
        };
        let conns = true_connections(s, &t.id);
        db.replace_auth0_organization(
            &profile.id,
            &org,
            &conns,
            UnixMillis(at),
            ReadOrigin::Independent,
        )
        .unwrap();
    }
}

/// Reads of org connections the Auth0 sandbox has received (list and get, both generations).
fn org_connection_reads(s: &Sandbox) -> u64 {
    s.requests(lanyard_sandbox::Product::Auth0)
        .iter()
        .filter(|(k, _)| {
            k.starts_with("GET /api/v2/organizations/")
                && (k.contains("/connections") || k.contains("/enabled_connections"))
        })
        .map(|(_, n)| n)
        .sum()
}

async fn plan(
    runs: &Runs,
    profile: &Profile,
    client: &lanyard_core::Client,
    op: BulkOp,
    targets: Vec<BulkTarget>,
    source: PlanSource,
) -> RunView {
    let id = runs
        .plan(profile, client.clone(), op, targets, source)
        .unwrap();
    wait_for(runs, &id, "ready", |v| v.state == RunState::Ready).await
}

const HOUR: PlanSource = PlanSource::Inventory {
    max_age_minutes: 60,
};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_plan_from_a_fresh_inventory_reads_nothing_says_so_and_the_run_writes_through() {
    let (s, profile, client, dir, _) = bench(250, 20.0).await;
    let (runs, stock, mut db) = runs_with_inventory(dir.path());
    let targets = org_targets(&s, 0, 100);
    assert_eq!(targets.len(), 100);
    let read_at = now_ms() - 5 * 60_000;
    fill(&mut db, &s, &profile, &targets, read_at);
    // Some of them already have the connection (some with other options): the stored rows say
    // so, as a live read would.
    let upa = "Username-Password-Authentication";
    let having = links(&s, upa);
    let already = targets.iter().filter(|t| having.contains(&t.id)).count();
    assert!(already > 10, "{already}");
    let op = enable_op(&s, upa);
    let live = plan(
        &runs,
        &profile,
        &client,
        op.clone(),
        targets.clone(),
        PlanSource::Live,
    )
    .await;

    let reads = org_connection_reads(&s);
    let v = plan(&runs, &profile, &client, op, targets.clone(), HOUR).await;
    assert_eq!(org_connection_reads(&s), reads, "no org-connection read");
    assert_eq!(v.planned_from_inventory_ms, Some(read_at));
    assert_eq!(v.note, None);
    let plan_of = |v: &RunView| -> Vec<String> {
        v.items
            .iter()
            .map(|i| format!("{:?} {:?} {:?}", i.status, i.current, i.planned))
            .collect()
    };
    assert_eq!(plan_of(&v), plan_of(&live), "the same plan as read live");
    assert!(v.counts.skipped > 0);

    let v = run_to_end(&runs, &v.id, &profile, &client, RunAction::Start).await;
    // Those enabled with other options are refused by Auth0 (409) and read back, as always.
    assert_eq!(
        v.counts.done + v.counts.failed,
        live.counts.pending,
        "{:?}",
        v.note
    );
    for item in v.items.iter().filter(|i| i.status == ItemStatus::Failed) {
        let message = item.message.as_ref().map(ToString::to_string);
        let message = message.unwrap_or_default();
        assert!(message.contains("already enabled"), "{message}");
    }
    assert_eq!(v.planned_from_inventory_ms, Some(read_at), "still said");
    // Each write went through to the inventory.
    let (upa_id, _) = connection(&s, upa);
    for t in &targets {
        let org = OrganizationId::parse(&t.id).unwrap();
        let stored = stock
            .read(|db| db.auth0_organization_connections(&profile.id, &org))
            .unwrap()
            .unwrap()
            .unwrap();
        assert!(stored.iter().any(|c| c.connection_id == upa_id), "{}", t.id);
    }
    // The journal keeps it: the run reopened in another session says it too.
    let again = runs_in(dir.path());
    assert_eq!(
        again.view(&v.id).unwrap().planned_from_inventory_ms,
        Some(read_at)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stale_or_missing_rows_are_read_live_with_the_reason_and_live_forces_live() {
    let (s, profile, client, dir, _) = bench(250, 20.0).await;
    let (runs, _stock, mut db) = runs_with_inventory(dir.path());
    let targets = org_targets(&s, 0, 100);
    let now = now_ms();
    fill(&mut db, &s, &profile, &targets[..90], now);
    fill(&mut db, &s, &profile, &targets[90..98], now - 2 * 3_600_000);
    // The last two were never read.
    let op = enable_op(&s, "github");

    let reads = org_connection_reads(&s);
    let v = plan(&runs, &profile, &client, op.clone(), targets.clone(), HOUR).await;
    assert_eq!(
        org_connection_reads(&s) - reads,
        100,
        "each target read live"
    );
    assert_eq!(v.planned_from_inventory_ms, None);
    assert_eq!(
        v.note,
        Some(RunNote::ReadLive {
            why: LiveReason::Stale {
                stale: 10,
                targets: 100,
                minutes: 60
            }
        })
    );
    assert_eq!(
        v.note.unwrap().to_string(),
        "Read live: 10 of 100 targets are not in the inventory or older than 60 minutes."
    );
    assert_eq!(v.counts.pending, 100);

    // A longer limit takes the two-hour-old rows, not the ones never read.
    let three_hours = PlanSource::Inventory {
        max_age_minutes: 180,
    };
    let v = plan(
        &runs,
        &profile,
        &client,
        op.clone(),
        targets.clone(),
        three_hours,
    )
    .await;
    assert!(matches!(
        v.note,
        Some(RunNote::ReadLive {
            why: LiveReason::Stale {
                stale: 2,
                targets: 100,
                ..
            }
        })
    ));
    // Without the two, every row is young enough.
    let reads = org_connection_reads(&s);
    let v = plan(
        &runs,
        &profile,
        &client,
        op.clone(),
        targets[..98].to_vec(),
        three_hours,
    )
    .await;
    assert_eq!(org_connection_reads(&s), reads);
    assert_eq!(v.planned_from_inventory_ms, Some(now - 2 * 3_600_000));

    // Live reads every target, fresh rows or not.
    let reads = org_connection_reads(&s);
    let v = plan(
        &runs,
        &profile,
        &client,
        op,
        targets[..90].to_vec(),
        PlanSource::Live,
    )
    .await;
    assert_eq!(org_connection_reads(&s) - reads, 90);
    assert_eq!((v.planned_from_inventory_ms, v.note), (None, None));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_surprise_at_run_time_is_read_back_and_the_inventory_row_is_updated() {
    let (s, profile, client, dir, _) = bench(250, 20.0).await;
    let (runs, stock, mut db) = runs_with_inventory(dir.path());
    let targets = org_targets(&s, 0, 6);
    fill(&mut db, &s, &profile, &targets, now_ms());
    let (github, _) = connection(&s, "github");
    let auth0 = client.auth0().unwrap();
    let org = |i: usize| OrganizationId::parse(&targets[i].id).unwrap();
    // Behind Lanyard's back, after the inventory was read: one organization gets github with
    // other options, another with the very options the run will send.
    let mut other = EnableConnection::new(github.clone());
    other.show_as_button = Some(false);
    auth0.enable(&org(0), &other).await.unwrap();
    let mut same = EnableConnection::new(github.clone());
    same.show_as_button = Some(true);
    auth0.enable(&org(1), &same).await.unwrap();

    let v = plan(
        &runs,
        &profile,
        &client,
        enable_op(&s, "github"),
        targets.clone(),
        HOUR,
    )
    .await;
    assert!(v.planned_from_inventory_ms.is_some());
    assert_eq!(v.counts.pending, 6, "the inventory did not know");
    let v = run_to_end(&runs, &v.id, &profile, &client, RunAction::Start).await;
    // The 409 with other options changed nothing and says so; the one already as planned is
    // done with nothing sent twice.
    assert_eq!(v.items[0].status, ItemStatus::Failed);
    let message = v.items[0].message.clone().unwrap().to_string();
    assert!(message.contains("already enabled"), "{message}");
    assert_eq!(v.items[1].status, ItemStatus::Done);
    assert_eq!(v.counts.done, 5);
    let stored = |i: usize| -> Option<OrgConnection> {
        stock
            .read(|db| db.auth0_organization_connections(&profile.id, &org(i)))
            .unwrap()
            .unwrap()
            .unwrap()
            .into_iter()
            .find(|c| c.connection_id == github)
    };
    // The row of the 409 is the connection as read back: another admin's, with its options.
    let row = stored(0).expect("the read-back is in the inventory");
    assert!(!row.settings().show_as_button);
    let outside = stock
        .read(|db| db.changed_outside(&profile.id, 10))
        .unwrap()
        .unwrap();
    assert!(
        outside.iter().any(|o| o.target_id == targets[0].id),
        "{outside:?}"
    );
    assert!(stored(1).unwrap().settings().show_as_button);

    // A removal planned from the inventory, of a connection another admin removed since: the
    // 404 is read back, the item is done as already so, and the row is gone.
    fill(&mut db, &s, &profile, &targets, now_ms());
    auth0.remove(&org(2), &github).await.unwrap();
    let remove = BulkOp::Auth0Remove {
        connection_id: github.clone(),
        strategy: Some("github".into()),
        connection_name: "github".into(),
    };
    let v = plan(&runs, &profile, &client, remove, targets.clone(), HOUR).await;
    assert!(v.planned_from_inventory_ms.is_some());
    assert_eq!(v.counts.pending, 6);
    let v = run_to_end(&runs, &v.id, &profile, &client, RunAction::Start).await;
    assert_eq!(v.counts.done, 6, "{:?}", v.items);
    assert!(stored(2).is_none());
    assert!(links(&s, "github").is_disjoint(&targets.iter().map(|t| t.id.clone()).collect()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn zitadel_and_hub_plans_come_from_the_inventory_once_a_live_plan_has_filled_it() {
    for product in [Product::Zitadel, Product::Hub] {
        let (s, profile, client, dir, _) = product_bench(10, 20.0, product).await;
        let (runs, _stock, _db) = runs_with_inventory(dir.path());
        let (op, targets) = match product {
            Product::Zitadel => {
                let z = client.zitadel().unwrap();
                let targets: Vec<BulkTarget> = z
                    .providers(None)
                    .await
                    .unwrap()
                    .iter()
                    .map(BulkTarget::identity_provider)
                    .collect();
                let op = BulkOp::ZitadelLink {
                    scope: lanyard_model::zitadel::PolicyScope::Instance,
                    scope_name: "the instance".into(),
                };
                (op, targets)
            }
            _ => {
                let hub = client.hub().unwrap();
                let targets: Vec<BulkTarget> = hub
                    .auth_modules()
                    .await
                    .unwrap()
                    .iter()
                    .map(BulkTarget::auth_module)
                    .collect();
                let group = hub.search_groups("QA", 5).await.unwrap().items[0].clone();
                let op = BulkOp::HubAdd {
                    group_id: group.id.clone(),
                    group_name: group.name.clone().unwrap_or_default(),
                };
                (op, targets)
            }
        };
        let live = plan(&runs, &profile, &client, op.clone(), targets.clone(), HOUR).await;
        assert!(
            matches!(live.note, Some(RunNote::ReadLive { .. })),
            "{product:?}"
        );
        // Every read now fails: a plan that read anything would mark items failed.
        let sandbox_product = match product {
            Product::Zitadel => lanyard_sandbox::Product::Zitadel,
            _ => lanyard_sandbox::Product::Hub,
        };
        s.faults(sandbox_product)
            .push(FaultRule::new(Fault::Status { status: 500 }).method("GET"));
        let stored = plan(&runs, &profile, &client, op, targets, HOUR).await;
        assert!(stored.planned_from_inventory_ms.is_some(), "{product:?}");
        assert_eq!(stored.note, None);
        assert_eq!(stored.counts.failed, 0, "{product:?}: nothing was read");
        let states = |v: &RunView| -> Vec<String> {
            v.items
                .iter()
                .map(|i| format!("{:?} {:?}", i.status, i.current))
                .collect()
        };
        assert_eq!(states(&stored), states(&live), "{product:?}: the same plan");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_plan_resumed_after_a_restart_follows_the_same_rule() {
    use lanyard_core::bulk::journal::{Item, Journal, RunRecord};
    let (s, profile, client, dir, _) = bench(60, 20.0).await;
    let targets = org_targets(&s, 0, 20);
    {
        let (_, _, mut db) = runs_with_inventory(dir.path());
        fill(&mut db, &s, &profile, &targets, now_ms());
    }
    // A session that stopped while planning from the inventory left this journal.
    let op = enable_op(&s, "github");
    let items = targets.iter().cloned().map(Item::new).collect();
    let mut record = RunRecord::new(
        "run-0000aaaa-0000-4000-8000-000000000001".into(),
        &profile,
        Some(op.clone()),
        op.describe(targets.len()),
        items,
    );
    record.source = HOUR;
    record.planned = 7;
    Journal::in_dir(dir.path()).save(&record).unwrap();

    let (runs, _stock, _db) = runs_with_inventory(dir.path());
    assert_eq!(runs.view(&record.id).unwrap().state, RunState::Interrupted);
    let reads = org_connection_reads(&s);
    runs.control(
        &record.id,
        RunAction::Resume,
        Some((profile.clone(), client.clone())),
        None,
    )
    .unwrap();
    let v = wait_for(&runs, &record.id, "ready", |v| v.state == RunState::Ready).await;
    assert_eq!(
        org_connection_reads(&s),
        reads,
        "planned again from the inventory"
    );
    assert!(v.planned_from_inventory_ms.is_some());
    assert_eq!(v.counts.pending, 20);
}
