//! Bulk runs against the sandbox over loopback HTTP: a 200-organization run through Auth0's
//! write bucket (5 burst, 150 per minute, sped up by the sandbox's time scale), a run killed
//! with SIGKILL and resumed in another process, faults injected mid-run, pause, resume, cancel,
//! retry of failed items, undo of a whole run, skipped rows, the audit trail and the CSV export.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

mod support;

use std::collections::BTreeSet;
use std::time::Duration;

use lanyard_core::audit::AuditLog;
use lanyard_core::bulk::journal::{Journal, RunRecord};
use lanyard_core::{Client, CoreError};
use lanyard_model::audit::{AuditNote, Note, Outcome};
use lanyard_model::auth0::{Patch, UpdateConnection};
use lanyard_model::bulk::{
    BulkOp, BulkTarget, ItemNote, ItemStatus, RunAction, RunNote, RunState, RunTitle,
};
use lanyard_model::error::StateChange;
use lanyard_model::profile::Product;
use lanyard_sandbox::Sandbox;
use lanyard_sandbox::faults::{Fault, FaultRule};
use secrecy::SecretString;
use serde_json::Value;
use support::*;

const CHILD_ENV: &str = "LANYARD_BULK_TEST_CHILD";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_organizations_complete_with_no_failure_and_no_duplicate_write() {
    // Orgs past the 30 named ones have connections of their own (the seed's spread): about half
    // lack github and google-oauth2.
    let (s, profile, client, dir, runs) = bench(400, 20.0).await;
    let targets = org_targets(&s, 0, 200);
    let id = plan_enable(&runs, &profile, &client, &s, "github", targets.clone()).await;

    let planned = runs.view(&id).unwrap();
    assert_eq!(planned.counts.total, 200);
    assert_eq!(planned.counts.pending, 200, "nothing is sent before Start");
    let words = |state: &Option<lanyard_model::TargetState>| {
        state.as_ref().map(ToString::to_string).unwrap_or_default()
    };
    assert_eq!(words(&planned.items[0].current), "not enabled");
    assert_eq!(
        words(&planned.items[0].planned),
        "enabled · button · access none"
    );
    assert!(linked(&s, "github").0.is_empty());

    let v = run_to_end(&runs, &id, &profile, &client, RunAction::Start).await;
    assert_eq!(v.counts.done, 200, "{:?}", v.note);
    assert_eq!(v.counts.failed + v.counts.unknown + v.counts.pending, 0);

    let (orgs, writes) = linked(&s, "github");
    let wanted: BTreeSet<String> = targets.iter().map(|t| t.id.clone()).collect();
    assert_eq!(orgs, wanted, "every target has the connection");
    assert_eq!(writes.len(), 200);
    assert!(writes.iter().all(|(_, n)| *n == 1), "no write was repeated");

    // Every item is in the audit log under the run's id.
    let log = AuditLog::in_dir(dir.path()).read().unwrap();
    let of_run = log
        .entries
        .iter()
        .filter(|e| e.run_id.as_deref() == Some(id.as_str()))
        .count();
    assert_eq!(of_run, 200);

    // The export has a header and one row per organization.
    let csv = runs.csv(&id).unwrap();
    assert_eq!(csv.lines().count(), 201);
    assert!(csv.lines().nth(1).unwrap().contains(",Done,"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rows_already_as_planned_are_skipped_and_a_disable_run_is_undone_item_by_item() {
    let (s, profile, client, _dir, runs) = bench(30, 20.0).await;
    let targets = org_targets(&s, 0, 12);

    // Enable for the first four by hand (a first run), then for all twelve: four are skipped.
    let first_four = targets[..4].to_vec();
    let first = plan_enable(&runs, &profile, &client, &s, "github", first_four).await;
    run_to_end(&runs, &first, &profile, &client, RunAction::Start).await;
    let all = plan_enable(&runs, &profile, &client, &s, "github", targets.clone()).await;
    let v = runs.view(&all).unwrap();
    assert_eq!(v.counts.skipped, 4);
    assert_eq!(v.items[0].status, ItemStatus::Skipped);
    let v = run_to_end(&runs, &all, &profile, &client, RunAction::Start).await;
    assert_eq!((v.counts.done, v.counts.skipped), (8, 4));
    assert!(linked(&s, "github").1.iter().all(|(_, n)| *n == 1));

    // Disable on all twelve, then undo that run: every one is enabled again.
    let (conn, strategy) = connection(&s, "github");
    let disable = BulkOp::Auth0Update {
        connection_id: conn.clone(),
        update: UpdateConnection {
            is_enabled: Patch::Set(false),
            ..Default::default()
        },
        strategy: Some(strategy),
        connection_name: "github".into(),
    };
    let off = plan_ready(&runs, &profile, &client, disable.clone(), targets.clone()).await;
    assert_eq!(
        runs.view(&off).unwrap().summary,
        RunTitle::DisableConnection {
            connection: "github".into(),
            organizations: 12
        }
    );
    let v = run_to_end(&runs, &off, &profile, &client, RunAction::Start).await;
    assert_eq!(v.counts.done, 12);
    assert_eq!(v.undoable, 12);
    let conn_id = conn;
    let ids: BTreeSet<&str> = targets.iter().map(|t| t.id.as_str()).collect();
    let enabled_now = |s: &Sandbox| {
        s.state(lanyard_sandbox::Product::Auth0)["org_connections"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|l| ids.contains(l["organization_id"].as_str().unwrap()))
            .filter(|l| l["link"]["connection_id"] == conn_id.as_str())
            .filter(|l| l["link"]["is_enabled"] == Value::Bool(true))
            .count()
    };
    assert_eq!(enabled_now(&s), 0, "{:#?}", runs.view(&off).unwrap().items);

    let undo = runs.undo(&profile, &off).unwrap();
    let v = runs.view(&undo).unwrap();
    assert_eq!(
        v.state,
        RunState::Ready,
        "an undo run is reviewed before it starts"
    );
    assert_eq!(v.undo_of.as_deref(), Some(off.as_str()));
    let v = run_to_end(&runs, &undo, &profile, &client, RunAction::Start).await;
    assert_eq!(
        v.counts.done,
        12,
        "{:?}",
        v.items.iter().map(|i| &i.message).collect::<Vec<_>>()
    );
    assert_eq!(enabled_now(&s), 12);

    // Refused, typed for the window to word: a retry of a run none of whose items failed, an
    // undo through the run's controls, a send without the profile, and the undo of a run that
    // changed nothing.
    let with = Some((profile.clone(), client.clone()));
    for (action, with, refusal) in [
        (
            RunAction::RetryFailed,
            with.clone(),
            StateChange::NothingToRetry,
        ),
        (RunAction::Undo, with, StateChange::UndoIsItsOwnRun),
        (RunAction::RetryFailed, None, StateChange::RunWithoutProfile),
    ] {
        match runs.control(&undo, action, with, None) {
            Err(CoreError::Refused(change)) => assert_eq!(change, refusal),
            other => panic!("{action:?} was not refused as {refusal:?}: {other:?}"),
        }
    }
    let idle = plan_ready(&runs, &profile, &client, disable, targets).await;
    runs.control(&idle, RunAction::Cancel, None, None).unwrap();
    match runs.undo(&profile, &idle) {
        Err(CoreError::Refused(change)) => assert_eq!(change, StateChange::NothingToUndo),
        other => panic!("a run that changed nothing was undone: {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pause_holds_the_run_resume_finishes_it_and_cancel_stops_it() {
    // Real-time write bucket, so that the run is still going when it is paused.
    let (s, profile, client, _dir, runs) = bench(40, 1.0).await;
    let targets = org_targets(&s, 0, 10);
    let id = plan_enable(&runs, &profile, &client, &s, "github", targets).await;
    start(&runs, &id, &profile, &client, RunAction::Start);
    wait_for(&runs, &id, "two done", |v| v.counts.done >= 2).await;
    runs.control(&id, RunAction::Pause, None, None).unwrap();
    let paused = wait_for(&runs, &id, "paused", |v| v.state == RunState::Paused).await;
    tokio::time::sleep(Duration::from_millis(1_200)).await;
    let still = runs.view(&id).unwrap();
    assert_eq!(
        still.counts.done, paused.counts.done,
        "nothing is sent while paused"
    );
    assert_eq!(linked(&s, "github").0.len(), paused.counts.done);
    let again = runs.control(
        &id,
        RunAction::Start,
        Some((profile.clone(), client.clone())),
        None,
    );
    assert!(again.is_err(), "a paused run is resumed, not started again");
    let v = run_to_end(&runs, &id, &profile, &client, RunAction::Resume).await;
    assert_eq!(v.counts.done, 10);

    let others = org_targets(&s, 10, 20);
    let other = plan_enable(&runs, &profile, &client, &s, "google-oauth2", others).await;
    start(&runs, &other, &profile, &client, RunAction::Start);
    wait_for(&runs, &other, "one done", |v| v.counts.done >= 1).await;
    runs.control(&other, RunAction::Cancel, None, None).unwrap();
    let v = wait_for(&runs, &other, "cancelled", |v| {
        v.state == RunState::Cancelled
    })
    .await;
    assert!(v.counts.not_sent > 0, "cancel stops before the end");
    assert_eq!(v.counts.pending, 0, "what was not sent stays unsent");
    assert_eq!(linked(&s, "google-oauth2").0.len(), v.counts.done);
    assert_eq!(
        v.note,
        Some(RunNote::Cancelled {
            not_sent: v.counts.not_sent
        })
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn faults_mid_run_end_with_every_items_true_state_known() {
    let (s, profile, client, _dir, runs) = bench(60, 20.0).await;
    let targets = org_targets(&s, 0, 40);
    let id = plan_enable(&runs, &profile, &client, &s, "github", targets.clone()).await;
    let faults = s.faults(lanyard_sandbox::Product::Auth0);
    // Connections that break after the change was applied, before it: a 502 and an HTML page
    // from a proxy, and one organization whose writes the server refuses.
    faults.push(
        FaultRule::new(Fault::ResetAfterApply)
            .method("POST")
            .every(5)
            .times(4),
    );
    faults.push(
        FaultRule::new(Fault::Reset)
            .method("POST")
            .every(7)
            .times(3),
    );
    faults.push(
        FaultRule::new(Fault::Status { status: 502 })
            .method("POST")
            .every(9)
            .times(2),
    );
    faults.push(
        FaultRule::new(Fault::Html { status: 503 })
            .method("POST")
            .every(11)
            .times(2),
    );
    faults.push(
        FaultRule::new(Fault::Status { status: 400 })
            .method("POST")
            .path(&format!("/api/v2/organizations/{}/", targets[3].id)),
    );
    start(&runs, &id, &profile, &client, RunAction::Start);
    let v = wait_for(&runs, &id, "finished or paused", |v| {
        matches!(v.state, RunState::Finished | RunState::Paused)
    })
    .await;
    assert_eq!(v.state, RunState::Finished, "{:?}", v.note);
    assert_eq!(v.counts.unknown, 0, "every outcome is known");
    assert_eq!(v.counts.failed, 1, "only the refused organization failed");

    let (orgs, writes) = linked(&s, "github");
    for item in &v.items {
        let present = orgs.contains(&item.target_id);
        match item.status {
            ItemStatus::Done => assert!(present, "{} is done and enabled", item.target_name),
            ItemStatus::Failed => {
                assert!(!present, "{} failed and is not enabled", item.target_name)
            }
            other => panic!("{} ended {other:?}", item.target_name),
        }
    }
    assert!(
        writes.iter().all(|(_, n)| *n == 1),
        "no write applied twice: {writes:?}"
    );
    assert!(
        v.items.iter().any(|i| i.read_back),
        "some outcome was learned by reading back"
    );

    // The refusal is lifted; retrying the failed item applies it.
    faults.clear();
    start(&runs, &id, &profile, &client, RunAction::RetryFailed);
    let v = wait_for(&runs, &id, "finished again", |v| {
        v.state == RunState::Finished && v.counts.failed == 0
    })
    .await;
    assert_eq!(v.counts.done, 40);
    assert_eq!(linked(&s, "github").0.len(), 40);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_interrupted_run_reads_uncertain_items_back_before_sending() {
    let s = sandbox(30, 20.0).await;
    let (profile, client) = client_for(&s);
    let dir = tempfile::tempdir().unwrap();
    let targets = org_targets(&s, 0, 6);
    let id = {
        let runs = runs_in(dir.path());
        plan_enable(&runs, &profile, &client, &s, "github", targets.clone()).await
    };
    // As if Lanyard died twice in the middle of a send: once after the server applied it (item
    // 0, applied here through another run), once before it got there (item 1).
    let other = runs_in(tempfile::tempdir().unwrap().path());
    let first = targets[..1].to_vec();
    let side = plan_enable(&other, &profile, &client, &s, "github", first).await;
    run_to_end(&other, &side, &profile, &client, RunAction::Start).await;
    let journal = Journal::in_dir(dir.path());
    let mut record: RunRecord = journal.load(&id).unwrap();
    record.state = RunState::Running;
    for i in [0, 1] {
        record.items[i].status = ItemStatus::Sending;
        record.items[i].attempts = 1;
    }
    journal.save(&record).unwrap();

    let runs = runs_in(dir.path());
    let listed = runs.list().runs;
    assert_eq!(listed[0].id, id);
    assert_eq!(listed[0].state, RunState::Interrupted, "offered for resume");
    let v = run_to_end(&runs, &id, &profile, &client, RunAction::Resume).await;
    assert_eq!(v.counts.done, 6);
    assert!(
        v.items[0].read_back,
        "the applied one was confirmed by reading it back"
    );
    let (orgs, writes) = linked(&s, "github");
    assert_eq!(orgs.len(), 6);
    assert!(writes.iter().all(|(_, n)| *n == 1), "{writes:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_item_someone_else_changed_meanwhile_is_left_alone_and_the_audit_log_says_why() {
    let s = sandbox(30, 20.0).await;
    let (profile, client) = client_for(&s);
    let dir = tempfile::tempdir().unwrap();
    let targets = org_targets(&s, 0, 2);
    let id = {
        let runs = runs_in(dir.path());
        plan_enable(&runs, &profile, &client, &s, "github", targets.clone()).await
    };
    // Someone else enables the connection on the first organization with other options while
    // the run's send to it has no known outcome.
    let other = runs_in(tempfile::tempdir().unwrap().path());
    let mut op = enable_op(&s, "github");
    if let BulkOp::Auth0Enable { request, .. } = &mut op {
        request.show_as_button = Some(false);
    }
    let side = plan_ready(&other, &profile, &client, op, targets[..1].to_vec()).await;
    run_to_end(&other, &side, &profile, &client, RunAction::Start).await;
    let journal = Journal::in_dir(dir.path());
    let mut record: RunRecord = journal.load(&id).unwrap();
    record.state = RunState::Running;
    record.items[0].status = ItemStatus::Sending;
    record.items[0].attempts = 1;
    journal.save(&record).unwrap();

    let runs = runs_in(dir.path());
    let v = run_to_end(&runs, &id, &profile, &client, RunAction::Resume).await;
    assert_eq!((v.counts.done, v.counts.failed), (1, 1), "{:?}", v.items);
    let left = v.items[0].message.clone().expect("the item says why");
    assert!(
        matches!(left, ItemNote::ChangedElsewhere { .. }),
        "{left:?}"
    );
    // The audit line carries the same typed note, not English words.
    let log = AuditLog::in_dir(dir.path()).read().unwrap();
    let line = log
        .entries
        .iter()
        .find(|e| e.run_id.as_deref() == Some(id.as_str()) && e.targets[0].id == targets[0].id)
        .expect("the item left alone is in the audit log");
    assert_eq!(
        line.message,
        Some(AuditNote::Noted(Note::LeftAlone { item: left.clone() })),
    );
    assert_eq!(line.outcome, Outcome::Failure);
    assert_eq!(
        line.message.as_ref().map(ToString::to_string),
        Some(left.to_string()),
        "the CSV's English is the item's"
    );
}

/// The child half of the kill test: plans and runs, and is killed by its parent.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn child_process_running_a_bulk_run() {
    let Ok(args) = std::env::var(CHILD_ENV) else {
        return; // only runs when the kill test starts it
    };
    let args: Value = serde_json::from_str(&args).unwrap();
    let profile = auth0_profile(
        args["url"].as_str().unwrap(),
        args["client_id"].as_str().unwrap(),
    );
    let client = Client::new(
        &profile,
        SecretString::from(args["secret"].as_str().unwrap().to_owned()),
    )
    .unwrap();
    let runs = runs_in(std::path::Path::new(args["dir"].as_str().unwrap()));
    let op: BulkOp = serde_json::from_value(args["op"].clone()).unwrap();
    let targets: Vec<BulkTarget> = serde_json::from_value(args["targets"].clone()).unwrap();
    let id = plan_ready(&runs, &profile, &client, op, targets).await;
    start(&runs, &id, &profile, &client, RunAction::Start);
    wait_for(&runs, &id, "killed", |_| false).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_run_killed_mid_way_resumes_to_the_same_final_state_with_no_duplicate_or_missing_item() {
    // 150 per minute at 4x: ten writes a second, so the kill lands mid-run.
    let s = sandbox(100, 4.0).await;
    let dir = tempfile::tempdir().unwrap();
    let targets = org_targets(&s, 0, 60);
    let c = s.credentials();
    let args = serde_json::json!({
        "url": s.auth0_url(),
        "client_id": c.auth0_client_id,
        "secret": c.auth0_client_secret,
        "dir": dir.path(),
        "op": enable_op(&s, "github"),
        "targets": targets,
    });
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "child_process_running_a_bulk_run",
            "--include-ignored",
            "--test-threads=1",
        ])
        .env(CHILD_ENV, args.to_string())
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut written = 0;
    for _ in 0..2_400 {
        written = linked(&s, "github").0.len();
        if written >= 20 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert!(written >= 20, "the child never got going");
    child.kill().unwrap(); // SIGKILL: no chance to finish the item being sent
    child.wait().unwrap();
    let at_kill = linked(&s, "github").0.len();
    assert!(at_kill < 60, "killed mid-way");

    let (profile, client) = client_for(&s);
    let runs = runs_in(dir.path());
    let open = runs.list().runs;
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].state, RunState::Interrupted);
    let v = run_to_end(&runs, &open[0].id, &profile, &client, RunAction::Resume).await;
    assert_eq!(v.counts.done, 60, "{:?}", v.note);

    let (orgs, writes) = linked(&s, "github");
    let wanted: BTreeSet<String> = targets.iter().map(|t| t.id.clone()).collect();
    assert_eq!(orgs, wanted, "no item missing");
    assert_eq!(writes.len(), 60);
    assert!(
        writes.iter().all(|(_, n)| *n == 1),
        "no duplicate write: {writes:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn zitadel_links_several_idps_then_the_run_is_undone() {
    let (_s, profile, client, _dir, runs) = product_bench(10, 20.0, Product::Zitadel).await;
    let z = match &client {
        Client::Zitadel(z) => z.clone(),
        _ => unreachable!(),
    };
    let scope = lanyard_model::zitadel::PolicyScope::Instance;
    // The identity providers linked at the instance now.
    let linked_now = async || -> BTreeSet<String> {
        z.linked_idps(&scope)
            .await
            .unwrap()
            .into_iter()
            .map(|l| l.idp_id.to_string())
            .collect()
    };
    let before = linked_now().await;
    let targets: Vec<BulkTarget> = z
        .providers(None)
        .await
        .unwrap()
        .into_iter()
        .map(|p| BulkTarget::identity_provider(&p))
        .collect();
    assert!(targets.len() >= 3);
    let op = BulkOp::ZitadelLink {
        scope: scope.clone(),
        scope_name: "the instance".into(),
    };
    let id = plan_ready(&runs, &profile, &client, op, targets.clone()).await;
    let v = runs.view(&id).unwrap();
    assert_eq!(
        v.counts.skipped,
        before.len(),
        "already linked ones need no change"
    );
    let v = run_to_end(&runs, &id, &profile, &client, RunAction::Start).await;
    assert_eq!(
        v.counts.done + v.counts.skipped,
        targets.len(),
        "{:?}",
        v.note
    );
    let linked = linked_now().await;
    assert!(targets.iter().all(|t| linked.contains(&t.id)));

    let undo = runs.undo(&profile, &id).unwrap();
    run_to_end(&runs, &undo, &profile, &client, RunAction::Start).await;
    let after = linked_now().await;
    assert_eq!(
        after, before,
        "the undo run unlinked exactly what the run linked"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hub_adds_a_group_to_every_module_then_removes_it() {
    let (_s, profile, client, _dir, runs) = product_bench(10, 20.0, Product::Hub).await;
    let h = match &client {
        Client::Hub(h) => h.clone(),
        _ => unreachable!(),
    };
    let modules: Vec<BulkTarget> = h
        .auth_modules()
        .await
        .unwrap()
        .into_iter()
        .map(|m| BulkTarget::auth_module(&m))
        .collect();
    let group = h.search_groups("Release", 5).await.unwrap().items.remove(0);
    let group_id = group.id.clone();
    let members = |h: std::sync::Arc<lanyard_providers::hub::HubClient>,
                   modules: Vec<BulkTarget>,
                   gid: lanyard_model::ids::UserGroupId| async move {
        let mut n = 0;
        for m in &modules {
            let mid = lanyard_model::ids::AuthModuleId::parse(m.id.clone()).unwrap();
            if h.auto_join_groups(&mid)
                .await
                .unwrap()
                .iter()
                .any(|g| g.id == gid)
            {
                n += 1;
            }
        }
        n
    };
    let add = BulkOp::HubAdd {
        group_id: group_id.clone(),
        group_name: "Release Managers".into(),
    };
    let id = plan_ready(&runs, &profile, &client, add, modules.clone()).await;
    run_to_end(&runs, &id, &profile, &client, RunAction::Start).await;
    assert_eq!(
        members(h.clone(), modules.clone(), group.id.clone()).await,
        modules.len()
    );

    let remove = BulkOp::HubRemove {
        group_id,
        group_name: "Release Managers".into(),
    };
    let id = plan_ready(&runs, &profile, &client, remove, modules.clone()).await;
    assert!(runs.view(&id).unwrap().destructive);
    let v = run_to_end(&runs, &id, &profile, &client, RunAction::Start).await;
    assert_eq!(v.counts.failed, 0);
    assert_eq!(members(h, modules, group.id).await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lost_connection_pauses_the_run_with_the_cause_and_loses_no_item() {
    // Real-time bucket: the run is still going when the server goes away.
    let (s, profile, client, dir, runs) = bench(40, 1.0).await;
    let targets = org_targets(&s, 0, 15);
    let id = plan_enable(&runs, &profile, &client, &s, "github", targets).await;
    start(&runs, &id, &profile, &client, RunAction::Start);
    wait_for(&runs, &id, "some done", |v| v.counts.done >= 6).await;
    s.shutdown();
    let v = wait_for(&runs, &id, "paused", |v| v.state == RunState::Paused).await;
    assert!(
        matches!(v.note, Some(RunNote::ConnectionLost { .. })),
        "{:?}",
        v.note
    );
    let note = v.note.as_ref().map(ToString::to_string).unwrap_or_default();
    // The cause once, naming the host (not a URL), then what to do.
    let host = s.auth0_url().replace("http://", "");
    assert!(
        note.starts_with(&format!("Paused: Auth0 at {host} could not be reached (")),
        "{note}"
    );
    assert_eq!(note.matches("could not be reached").count(), 1, "{note}");
    assert!(!note.contains("http://") && !note.contains('?'), "{note}");
    assert!(note.contains("Resume"), "{note}");
    // Whatever was done is on the server; nothing is marked failed for a network outage.
    let (orgs, writes) = linked(&s, "github");
    assert_eq!(orgs.len(), v.counts.done, "{:?}", v.items);
    assert_eq!(v.counts.failed + v.counts.unknown, 0);
    assert!(writes.iter().all(|(_, n)| *n == 1));
    // The journal on disk says the same: a restart would offer it for resume.
    let record = Journal::in_dir(dir.path()).load(&id).unwrap();
    assert_eq!(record.state, RunState::Paused);
    assert_eq!(
        record
            .items
            .iter()
            .filter(|i| i.status == ItemStatus::Done)
            .count(),
        v.counts.done
    );
}
