//! The crawl that fills the inventory, against the sandbox over real HTTP: each product's crawl
//! fills it and the questions answer at once; progress reaches the whole and says complete;
//! cancel, a close mid-crawl (the console dropped, as at a kill) and a server failing mid-crawl
//! each stop it with what was read kept, and Resume finishes without reading any organization
//! twice beyond the one in flight; the user's own read is not held up by the crawl.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

mod support;

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use lanyard_core::crawl::Crawls;
use lanyard_core::secrets::Keychain;
use lanyard_core::{Client, Console, Paths, Stock};
use lanyard_inventory::TargetKind;
use lanyard_model::Profile;
use lanyard_model::crawl_stop::{CrawlReading, CrawlStop, StopCause};
use lanyard_model::ids::{OrganizationId, UserGroupId};
use lanyard_model::inventory::{CrawlAction, CrawlPhase, CrawlState, CrawlView, Targets};
use lanyard_model::profile::Product;
use lanyard_sandbox::{Fault, FaultRule, Sandbox};
use support::crawl::{assert_stored_as_the_tenant_has_them, org_reads, until};

async fn finished(crawls: &Crawls, profile: &Profile) -> CrawlView {
    until(crawls, profile, "the end", |v| {
        v.state != CrawlState::Running
    })
    .await
}

fn act(crawls: &Crawls, profile: &Profile, client: &Client, action: CrawlAction) -> CrawlView {
    crawls.act(profile, Some(client.clone()), action).unwrap()
}

fn sandbox_orgs(s: &Sandbox) -> Vec<(String, String)> {
    let mut orgs: Vec<(String, String)> = s.state(lanyard_sandbox::Product::Auth0)["organizations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["name"].as_str().unwrap().to_owned(),
                o["id"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    orgs.sort();
    orgs
}

/// Every organization read, none twice except at most `twice` of them (the read in flight at a
/// stop), and how many were.
fn assert_read_once(s: &Sandbox, twice: usize) {
    let reads = org_reads(s);
    assert_eq!(
        reads.len(),
        sandbox_orgs(s).len(),
        "every organization was read"
    );
    let again: Vec<_> = reads.iter().filter(|(_, n)| **n > 1).collect();
    assert!(
        again.len() <= twice,
        "organizations read more than once: {again:?}"
    );
}

fn stock_in(dir: &tempfile::TempDir) -> Stock {
    Stock::open(dir.path())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_auth0_crawl_fills_the_inventory_and_its_answers_match_the_tenant() {
    let s = support::sandbox(30, 20.0).await;
    let (profile, client) = support::profile(&s, Product::Auth0);
    let dir = tempfile::tempdir().unwrap();
    let stock = stock_in(&dir);
    let crawls = Crawls::open(stock.clone());
    assert_eq!(crawls.view(&profile).state, CrawlState::NotStarted);

    let first = act(&crawls, &profile, &client, CrawlAction::Start);
    assert_eq!(first.state, CrawlState::Running);
    let reading = until(&crawls, &profile, "reading", |v| {
        v.phase == CrawlPhase::Reading(Targets::Organizations) && v.done > 2
    })
    .await;
    assert_eq!(reading.total, 30, "the total is known once listed");
    let end = finished(&crawls, &profile).await;
    assert_eq!(end.state, CrawlState::Finished, "{:?}", end.message);
    assert_eq!((end.done, end.total), (30, 30));
    assert_eq!(end.phase, CrawlPhase::Idle);
    assert!(end.message.is_none());
    assert!(end.finished_at_ms >= end.started_at_ms);
    assert_read_once(&s, 0);
    // The next session (a new Crawls on the same file) knows the inventory was filled.
    let next_session = Crawls::open(stock.clone()).known(std::slice::from_ref(&profile));
    assert_eq!(
        next_session.iter().map(|c| c.state).collect::<Vec<_>>(),
        [CrawlState::Finished],
        "a complete crawl of an earlier session is on the status"
    );

    // Each organization's connections, as the tenant has them.
    let state = s.state(lanyard_sandbox::Product::Auth0);
    let orgs = sandbox_orgs(&s);
    assert_stored_as_the_tenant_has_them(
        &s,
        &stock,
        &profile,
        orgs.iter().map(|(_, id)| id.as_str()),
    );
    // The connections are listed for the pickers.
    let connections = stock
        .read(|db| db.search(&profile.id, TargetKind::Auth0Connection, "", 100))
        .unwrap()
        .unwrap();
    assert_eq!(
        connections.len(),
        state["connections"].as_array().unwrap().len()
    );
    // A first crawl sees nothing changed outside Lanyard.
    let outside = stock
        .read(|db| db.changed_outside(&profile.id, 10))
        .unwrap()
        .unwrap();
    assert!(outside.is_empty(), "{outside:?}");
    // Finished: Start again is allowed, Resume is not.
    assert!(
        crawls
            .act(&profile, Some(client.clone()), CrawlAction::Resume)
            .is_err()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn zitadel_and_hub_crawls_read_every_policy_and_module() {
    let s = support::sandbox(5, 20.0).await;
    let dir = tempfile::tempdir().unwrap();
    let stock = stock_in(&dir);
    let crawls = Crawls::open(stock.clone());

    let (zitadel, zclient) = support::profile(&s, Product::Zitadel);
    act(&crawls, &zitadel, &zclient, CrawlAction::Start);
    let (hub, hclient) = support::profile(&s, Product::Hub);
    act(&crawls, &hub, &hclient, CrawlAction::Start);

    let z = finished(&crawls, &zitadel).await;
    assert_eq!(z.state, CrawlState::Finished, "{:?}", z.message);
    let zstate = s.state(lanyard_sandbox::Product::Zitadel);
    let orgs = zstate["orgs"].as_array().unwrap().len() as u64;
    assert_eq!(
        (z.done, z.total),
        (orgs + 1, orgs + 1),
        "each organization and the instance"
    );
    let idps = stock
        .read(|db| db.search(&zitadel.id, TargetKind::ZitadelIdp, "", 100))
        .unwrap()
        .unwrap();
    let instance_idps = zstate["idps"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["owner_org"].is_null())
        .count();
    assert_eq!(
        idps.len(),
        instance_idps,
        "the instance's identity providers"
    );

    let h = finished(&crawls, &hub).await;
    assert_eq!(h.state, CrawlState::Finished, "{:?}", h.message);
    let hstate = s.state(lanyard_sandbox::Product::Hub);
    let modules = hstate["modules"].as_array().unwrap();
    assert_eq!(
        (h.done, h.total),
        (modules.len() as u64, modules.len() as u64)
    );
    // "Which modules auto-join group G" answers as the Hub has it, for every group.
    for group in hstate["groups"].as_array().unwrap() {
        let gid = group["id"].as_str().unwrap();
        let truth: BTreeSet<&str> = modules
            .iter()
            .filter(|m| m["auto_join"].as_array().unwrap().iter().any(|g| g == gid))
            .map(|m| m["id"].as_str().unwrap())
            .collect();
        let answer = stock
            .read(|db| db.hub_modules_auto_joining(&hub.id, &UserGroupId::parse(gid).unwrap()))
            .unwrap()
            .unwrap();
        let found: BTreeSet<String> = answer.matches.iter().map(|m| m.id.to_string()).collect();
        let found: BTreeSet<&str> = found.iter().map(String::as_str).collect();
        assert_eq!(found, truth, "group {}", group["name"]);
        assert_eq!(answer.not_yet_read, 0);
    }
    let status = crawls.known(&[zitadel.clone(), hub.clone()]);
    assert_eq!(status.len(), 2, "both crawls are on the progress line");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cancelled_crawl_keeps_what_it_read_and_resume_reads_only_the_rest() {
    let s = support::sandbox(50, 10.0).await;
    let (profile, client) = support::profile(&s, Product::Auth0);
    let dir = tempfile::tempdir().unwrap();
    let stock = stock_in(&dir);
    let crawls = Crawls::open(stock.clone());
    act(&crawls, &profile, &client, CrawlAction::Start);
    until(&crawls, &profile, "some read", |v| v.done >= 15).await;
    act(&crawls, &profile, &client, CrawlAction::Cancel);
    let cancelled = finished(&crawls, &profile).await;
    assert_eq!(cancelled.state, CrawlState::Cancelled);
    assert!(cancelled.done >= 15 && cancelled.done < 50, "{cancelled:?}");
    assert_eq!(
        cancelled.message,
        Some(StopCause::Cancelled.into()),
        "{cancelled:?}"
    );
    // What was read answers already.
    let read = stock
        .read(|db| {
            db.crawl_count(
                &profile.id,
                &[TargetKind::Auth0Organization],
                lanyard_inventory::UnixMillis(cancelled.started_at_ms.unwrap()),
            )
        })
        .unwrap()
        .unwrap();
    assert_eq!(read.read, cancelled.done);

    let resumed = act(&crawls, &profile, &client, CrawlAction::Resume);
    assert_eq!(
        resumed.started_at_ms, cancelled.started_at_ms,
        "the same crawl goes on"
    );
    let end = finished(&crawls, &profile).await;
    assert_eq!(end.state, CrawlState::Finished, "{:?}", end.message);
    assert_eq!((end.done, end.total), (50, 50));
    assert_read_once(&s, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_crawl_stopped_by_closing_lanyard_is_interrupted_at_the_next_open_and_resume_finishes() {
    let s = support::sandbox(50, 10.0).await;
    let (profile, client) = support::profile(&s, Product::Auth0);
    let dir = tempfile::tempdir().unwrap();
    let crawls = Crawls::open(stock_in(&dir));
    act(&crawls, &profile, &client, CrawlAction::Start);
    let before = until(&crawls, &profile, "some read", |v| v.done >= 15).await;
    // Closed mid-crawl: its task stops where it is and nothing more is saved.
    drop(crawls);
    tokio::time::sleep(Duration::from_millis(200)).await;

    let crawls = Crawls::open(stock_in(&dir));
    let found = crawls.view(&profile);
    assert_eq!(found.state, CrawlState::Interrupted);
    assert_eq!(
        found.message,
        Some(StopCause::LanyardStopped.into()),
        "a crawl the file called running belongs to a session that ended"
    );
    assert!(
        found.done >= before.done,
        "what was read is kept: {found:?}"
    );
    assert_eq!(
        crawls.known(std::slice::from_ref(&profile)).len(),
        1,
        "on the progress line"
    );
    assert!(
        crawls
            .act(&profile, Some(client.clone()), CrawlAction::Cancel)
            .is_err(),
        "an interrupted crawl is not running"
    );

    act(&crawls, &profile, &client, CrawlAction::Resume);
    let end = finished(&crawls, &profile).await;
    assert_eq!(end.state, CrawlState::Finished, "{:?}", end.message);
    assert_eq!((end.done, end.total), (50, 50));
    assert_read_once(&s, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_failing_mid_crawl_interrupts_it_with_the_cause_and_resume_finishes() {
    let s = support::sandbox(30, 20.0).await;
    let (profile, client) = support::profile(&s, Product::Auth0);
    let orgs = sandbox_orgs(&s);
    let (failing_name, failing) = orgs[12].clone();
    s.faults(lanyard_sandbox::Product::Auth0).push(
        FaultRule::new(Fault::Status { status: 503 })
            .method("GET")
            .path(&format!("/api/v2/organizations/{failing}/connections")),
    );
    let dir = tempfile::tempdir().unwrap();
    let crawls = Crawls::open(stock_in(&dir));
    act(&crawls, &profile, &client, CrawlAction::Start);
    let stopped = finished(&crawls, &profile).await;
    assert_eq!(stopped.state, CrawlState::Interrupted);
    assert_eq!(stopped.done, 12, "the organizations before it were read");
    let stop = stopped.message.clone().unwrap();
    assert!(
        matches!(
            &stop,
            CrawlStop::Said(StopCause::ServerFailed {
                reading: CrawlReading::Target { name },
                ..
            }) if *name == failing_name
        ),
        "{stop:?}"
    );
    let message = stop.to_string();
    for words in [
        failing_name.as_str(),
        "503",
        "Resume continues where it stopped",
    ] {
        assert!(message.contains(words), "{words:?} is not in: {message}");
    }
    let secret = &s.credentials().auth0_client_secret;
    assert!(!message.contains(secret.as_str()));

    s.faults(lanyard_sandbox::Product::Auth0).clear();
    act(&crawls, &profile, &client, CrawlAction::Resume);
    let end = finished(&crawls, &profile).await;
    assert_eq!(end.state, CrawlState::Finished, "{:?}", end.message);
    assert_eq!((end.done, end.total), (30, 30));
    let reads = org_reads(&s);
    let again: Vec<_> = reads
        .iter()
        .filter(|(org, n)| **n > 1 && **org != failing)
        .collect();
    assert!(
        again.is_empty(),
        "only the failing one was read again: {again:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_users_own_read_is_answered_at_once_while_a_crawl_paces_the_same_bucket() {
    // 10 burst, 100 a minute sped up 3 times: one read every 0.2 s once the burst is spent.
    let s = support::sandbox(60, 3.0).await;
    let (profile, client) = support::profile(&s, Product::Auth0);
    let dir = tempfile::tempdir().unwrap();
    let crawls = Crawls::open(stock_in(&dir));
    act(&crawls, &profile, &client, CrawlAction::Start);
    until(&crawls, &profile, "the bucket spent", |v| v.done >= 14).await;
    let (_, org) = sandbox_orgs(&s).pop().unwrap();
    let org = OrganizationId::parse(org.as_str()).unwrap();
    for _ in 0..3 {
        let clicked = Instant::now();
        client.auth0().unwrap().org_connections(&org).await.unwrap();
        let waited = clicked.elapsed();
        assert!(
            waited < Duration::from_millis(450),
            "the click waited {waited:?} behind the crawl"
        );
    }
    let view = crawls.view(&profile);
    assert_eq!(
        view.state,
        CrawlState::Running,
        "the crawl goes on meanwhile"
    );
    let rate = view.rate_per_minute.expect("a rate once reading");
    assert!(rate > 100.0, "{rate} a minute");
    assert!(view.eta_seconds.is_some());
    act(&crawls, &profile, &client, CrawlAction::Cancel);
    finished(&crawls, &profile).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_console_shows_a_crawl_found_running_on_disk_as_interrupted() {
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths {
        config_dir: dir.path().join("config"),
        data_dir: dir.path().join("data"),
    };
    let open = || Console::open(paths.clone(), Keychain::new("lanyard-test-crawl")).unwrap();
    let console = open();
    let view = console
        .inventory_crawl("sandbox-auth0", CrawlAction::Start)
        .await
        .unwrap();
    assert_eq!(view.state, CrawlState::Running);
    assert!(
        console
            .inventory_crawl("sandbox-auth0", CrawlAction::Start)
            .await
            .is_err(),
        "one crawl per profile at a time"
    );
    let status = console.inventory_status().await;
    assert_eq!(status.crawls.len(), 1, "on the progress line: {status:?}");
    assert_eq!(status.crawls[0].profile_name, "Auth0 Sandbox");
    // Lanyard closes mid-crawl.
    drop(console);

    let console = open();
    let status = console.inventory_status().await;
    assert_eq!(status.crawls.len(), 1, "{status:?}");
    assert_eq!(status.crawls[0].state, CrawlState::Interrupted);
    assert_eq!(
        status.crawls[0].message,
        Some(StopCause::LanyardStopped.into()),
        "a crawl the file called running belongs to a session that ended"
    );
    let resumed = console
        .inventory_crawl("sandbox-auth0", CrawlAction::Resume)
        .await
        .unwrap();
    assert_eq!(resumed.state, CrawlState::Running);
    let cancelled = console
        .inventory_crawl("sandbox-auth0", CrawlAction::Cancel)
        .await
        .unwrap();
    assert_eq!(cancelled.profile_id, "sandbox-auth0");
}
