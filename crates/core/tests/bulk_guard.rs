//! The production guard of bulk runs, on every path: a destructive run on a production profile
//! sends nothing until the tenant's host name has been typed, whether it is started, resumed,
//! retried or resumed after a restart; the confirmation is journaled with the run. Failed items
//! are retried only once a run has stopped, and only they are sent again. Every target's change
//! passes the model's rules before anything is read.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

mod support;

use std::time::Duration;

use lanyard_core::bulk::Runs;
use lanyard_core::bulk::journal::{Item, Journal};
use lanyard_core::{Client, CoreError};
use lanyard_model::Profile;
use lanyard_model::bulk::{BulkOp, BulkTarget, ItemNote, ItemStatus, RunAction, RunState};
use lanyard_model::error::StateChange;
use lanyard_model::inventory::PlanSource;
use lanyard_model::profile::Environment;
use lanyard_model::zitadel::{IdpOwnerType, PolicyScope};
use lanyard_sandbox::Sandbox;
use lanyard_sandbox::faults::{Fault, FaultRule};
use support::*;

/// What the production guard asks to type: the sandbox's host.
const HOST: &str = "127.0.0.1";

fn production(p: &Profile) -> Profile {
    Profile {
        id: "bulk-test-production".into(),
        display_name: "Acme production".into(),
        environment: Environment::Production,
        ..p.clone()
    }
}

fn remove_op(s: &Sandbox, name: &str) -> BulkOp {
    let (connection_id, strategy) = connection(s, name);
    BulkOp::Auth0Remove {
        connection_id,
        strategy: Some(strategy),
        connection_name: name.into(),
    }
}

/// Enables github on `targets` with a development profile, so that there is something to remove.
async fn github_on(s: &Sandbox, dir: &std::path::Path, targets: &[BulkTarget]) {
    let (profile, client) = client_for(s);
    let runs = runs_in(dir);
    let id = plan_enable(&runs, &profile, &client, s, "github", targets.to_vec()).await;
    start(&runs, &id, &profile, &client, RunAction::Start);
    wait_for(&runs, &id, "enabled", |v| v.state == RunState::Finished).await;
}

/// How many of `targets` have github now.
fn with_github(s: &Sandbox, targets: &[BulkTarget]) -> usize {
    let on = links(s, "github");
    targets.iter().filter(|t| on.contains(&t.id)).count()
}

fn control(
    runs: &Runs,
    id: &str,
    action: RunAction,
    with: (&Profile, &Client),
    typed: Option<&str>,
) -> Result<lanyard_model::bulk::RunView, CoreError> {
    runs.control(id, action, Some((with.0.clone(), with.1.clone())), typed)
}

fn assert_asks_for_the_host(result: Result<lanyard_model::bulk::RunView, CoreError>) {
    match result {
        Err(CoreError::Confirm { expected }) => assert_eq!(expected, HOST),
        other => panic!("expected the production guard, got {other:?}"),
    }
}

/// A sandbox, a data folder holding a planned production removal of github from `n`
/// organizations that have it (the targets and the run's id), and the production profile and
/// client to control the run with.
async fn planned_removal(
    n: usize,
) -> (
    Sandbox,
    tempfile::TempDir,
    Vec<BulkTarget>,
    String,
    Profile,
    Client,
) {
    let s = sandbox(20, 20.0).await;
    let dir = tempfile::tempdir().unwrap();
    let targets = org_targets(&s, 0, n);
    github_on(&s, tempfile::tempdir().unwrap().path(), &targets).await;
    assert_eq!(with_github(&s, &targets), n);
    let (dev, client) = client_for(&s);
    let prod = production(&dev);
    let runs = runs_in(dir.path());
    let id = plan_ready(
        &runs,
        &prod,
        &client,
        remove_op(&s, "github"),
        targets.clone(),
    )
    .await;
    (s, dir, targets, id, prod, client)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn start_sends_nothing_until_the_host_is_typed() {
    let (s, dir, targets, id, prod, client) = planned_removal(4).await;
    let with = (&prod, &client);
    let runs = runs_in(dir.path());

    let v = runs.view(&id).unwrap();
    assert_eq!(
        v.confirm_with.as_deref(),
        Some(HOST),
        "the run asks before it starts"
    );
    assert_asks_for_the_host(control(&runs, &id, RunAction::Start, with, None));
    assert_asks_for_the_host(control(&runs, &id, RunAction::Start, with, Some("acme")));
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(runs.view(&id).unwrap().state, RunState::Ready);
    assert_eq!(with_github(&s, &targets), 4, "nothing was removed");

    control(&runs, &id, RunAction::Start, with, Some(" 127.0.0.1 ")).unwrap();
    let v = finished(&runs, &id).await;
    assert_eq!(v.counts.done, 4);
    assert_eq!(v.confirm_with, None, "confirmed once, for the whole run");
    assert_eq!(with_github(&s, &targets), 0);
    let record = Journal::in_dir(dir.path()).load(&id).unwrap();
    assert_eq!(
        record.confirmation.unwrap().typed,
        HOST,
        "the journal keeps it"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_run_interrupted_while_planning_is_planned_again_and_still_asks_before_it_sends() {
    let (s, dir, targets, id, prod, client) = planned_removal(6).await;
    let with = (&prod, &client);
    // As if Lanyard died while reading the fourth target.
    let journal = Journal::in_dir(dir.path());
    let mut record = journal.load(&id).unwrap();
    record.state = RunState::Planning;
    record.planned = 3;
    for item in &mut record.items[3..] {
        *item = Item::new(item.target.clone());
    }
    journal.save(&record).unwrap();
    let runs = runs_in(dir.path());
    assert_eq!(runs.list().runs[0].state, RunState::Interrupted);
    control(&runs, &id, RunAction::Resume, with, None).unwrap();
    let v = wait_for(&runs, &id, "planned again", |v| v.state == RunState::Ready).await;
    assert_eq!(v.counts.pending, 6, "every target read again");
    assert_eq!(
        with_github(&s, &targets),
        6,
        "resuming a plan sends nothing"
    );
    assert_eq!(v.confirm_with.as_deref(), Some(HOST));
    assert_asks_for_the_host(control(&runs, &id, RunAction::Start, with, None));
    control(&runs, &id, RunAction::Start, with, Some(HOST)).unwrap();
    finished(&runs, &id).await;
    assert_eq!(with_github(&s, &targets), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn resume_and_retry_of_an_unconfirmed_run_ask_first_even_after_a_restart() {
    let (s, dir, targets, id, prod, client) = planned_removal(5).await;
    let with = (&prod, &client);

    // A journal that says running with no confirmation (a Lanyard from before the guard, or a
    // run interrupted at the wrong moment): after a restart it is offered for resume, and asks.
    let journal = Journal::in_dir(dir.path());
    let mut record = journal.load(&id).unwrap();
    record.state = RunState::Running;
    journal.save(&record).unwrap();
    let runs = runs_in(dir.path());
    assert_eq!(runs.view(&id).unwrap().state, RunState::Interrupted);
    assert_eq!(runs.view(&id).unwrap().confirm_with.as_deref(), Some(HOST));
    assert_asks_for_the_host(control(&runs, &id, RunAction::Resume, with, None));

    // Finished with two failed items and never confirmed: retrying asks as well.
    drop(runs);
    let mut record = journal.load(&id).unwrap();
    record.state = RunState::Finished;
    for item in &mut record.items[..2] {
        item.status = ItemStatus::Failed;
        item.message = Some(ItemNote::Stored("refused".into()));
    }
    // The others count as done (the server still has them: a retry must not touch them).
    for item in &mut record.items[2..] {
        item.status = ItemStatus::Done;
    }
    journal.save(&record).unwrap();
    let runs = runs_in(dir.path());
    assert_asks_for_the_host(control(&runs, &id, RunAction::RetryFailed, with, None));
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(with_github(&s, &targets), 5, "nothing was removed");
    let v = runs.view(&id).unwrap();
    assert_eq!(
        (v.state, v.counts.failed),
        (RunState::Finished, 2),
        "the refused retry changed nothing"
    );

    control(&runs, &id, RunAction::RetryFailed, with, Some(HOST)).unwrap();
    let v = wait_for(&runs, &id, "retried", |v| v.state == RunState::Finished).await;
    assert_eq!(v.counts.done, 5, "{:?}", v.items);
    assert_eq!(
        with_github(&s, &targets),
        3,
        "only the failed items were sent; the others were left alone"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_confirmed_run_resumes_after_a_restart_without_asking_again() {
    let (s, dir, targets, id, prod, client) = planned_removal(5).await;
    let with = (&prod, &client);
    {
        let runs = runs_in(dir.path());
        control(&runs, &id, RunAction::Start, with, Some(HOST)).unwrap();
        finished(&runs, &id).await;
    }
    // As if Lanyard was killed while sending the last two: the journal says so.
    let journal = Journal::in_dir(dir.path());
    let mut record = journal.load(&id).unwrap();
    assert!(record.confirmation.is_some());
    record.state = RunState::Running;
    for item in &mut record.items[3..] {
        item.status = ItemStatus::Sending;
    }
    journal.save(&record).unwrap();

    let runs = runs_in(dir.path());
    let v = runs.view(&id).unwrap();
    assert_eq!((v.state, v.confirm_with), (RunState::Interrupted, None));
    control(&runs, &id, RunAction::Resume, with, None).unwrap();
    let v = finished(&runs, &id).await;
    assert_eq!(v.counts.done, 5, "{:?}", v.note);
    assert_eq!(with_github(&s, &targets), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn retry_is_refused_while_running_and_resends_only_failed_items_of_a_cancelled_run() {
    // Real-time bucket: the run is still going when retry and cancel are asked for.
    let (s, profile, client, _dir, runs) = bench(40, 1.0).await;
    let targets = org_targets(&s, 0, 14);
    s.faults(lanyard_sandbox::Product::Auth0).push(
        FaultRule::new(Fault::Status { status: 400 })
            .method("POST")
            .path(&format!("/api/v2/organizations/{}/", targets[0].id)),
    );
    let id = plan_enable(&runs, &profile, &client, &s, "github", targets.clone()).await;
    start(&runs, &id, &profile, &client, RunAction::Start);
    wait_for(&runs, &id, "one failed, two done", |v| {
        v.counts.failed == 1 && v.counts.done >= 2
    })
    .await;
    match control(
        &runs,
        &id,
        RunAction::RetryFailed,
        (&profile, &client),
        None,
    ) {
        Err(CoreError::Refused(change)) => {
            assert_eq!(
                change,
                StateChange::RunRefuses {
                    state: RunState::Running,
                    action: RunAction::RetryFailed
                }
            );
            let message = change.to_string();
            assert!(
                message.contains("running") && message.contains("pause it first"),
                "{message}"
            )
        }
        other => panic!("a running run is not retried: {other:?}"),
    }
    runs.control(&id, RunAction::Cancel, None, None).unwrap();
    let v = wait_for(&runs, &id, "cancelled", |v| v.state == RunState::Cancelled).await;
    let (done, not_sent) = (v.counts.done, v.counts.not_sent);
    assert!(not_sent > 0, "cancelled before the end");
    assert_eq!(v.counts.failed, 1);

    s.faults(lanyard_sandbox::Product::Auth0).clear();
    control(
        &runs,
        &id,
        RunAction::RetryFailed,
        (&profile, &client),
        None,
    )
    .unwrap();
    let v = wait_for(&runs, &id, "retried", |v| v.state == RunState::Finished).await;
    assert_eq!(
        v.counts.done,
        done + 1,
        "the failed item, and only it, was sent again"
    );
    assert_eq!(
        v.counts.not_sent, not_sent,
        "items cancelled before sending stay unsent"
    );
    let (orgs, writes) = linked(&s, "github");
    assert_eq!(orgs.len(), done + 1);
    assert!(orgs.contains(&targets[0].id));
    for item in v.items.iter().filter(|i| i.status == ItemStatus::NotSent) {
        assert!(
            !writes.iter().any(|(k, _)| k.contains(&item.target_id)),
            "{} was written to",
            item.target_name
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_that_breaks_a_rule_is_refused_before_anything_is_read() {
    let s = sandbox(10, 20.0).await;
    let dir = tempfile::tempdir().unwrap();
    let runs = runs_in(dir.path());

    // ZITADEL refuses an organization link whose owner is unspecified.
    let (profile, client) = profile(&s, lanyard_model::profile::Product::Zitadel);
    let link = BulkOp::ZitadelLink {
        scope: PolicyScope::Organization {
            org_id: lanyard_model::ids::ZitadelOrgId::parse("260000000000000001").unwrap(),
        },
        scope_name: "Acme".into(),
    };
    let targets = vec![
        BulkTarget {
            id: "300000000000000001".into(),
            name: "Okta".into(),
            owner_type: Some(IdpOwnerType::System),
        },
        BulkTarget {
            id: "300000000000000002".into(),
            name: "Azure AD".into(),
            owner_type: Some(IdpOwnerType::Unspecified),
        },
    ];
    match runs.plan(&profile, client.clone(), link, targets, PlanSource::Live) {
        Err(CoreError::Invalid(fields)) => {
            let messages = fields.get("targets");
            assert_eq!(messages.len(), 1, "{messages:?}");
            assert!(
                messages[0].to_string().starts_with("Azure AD: owner_type"),
                "{messages:?}"
            );
        }
        other => panic!("expected the rules to refuse, got {other:?}"),
    }

    // An Auth0 target whose id could travel into a URL path as something else.
    let (profile, client) = client_for(&s);
    let mut targets = org_targets(&s, 0, 2);
    targets.push(BulkTarget {
        id: "../../api/v2/users".into(),
        name: "Not an organization".into(),
        owner_type: None,
    });
    match runs.plan(
        &profile,
        client,
        enable_op(&s, "github"),
        targets,
        PlanSource::Live,
    ) {
        Err(CoreError::Invalid(fields)) => {
            assert!(
                fields.get("targets")[0]
                    .to_string()
                    .starts_with("Not an organization:"),
                "{fields:?}"
            );
        }
        other => panic!("expected the rules to refuse, got {other:?}"),
    }
    let list = runs.list();
    assert!(
        list.runs.is_empty() && list.unreadable.is_empty(),
        "no run was made"
    );
    assert!(
        s.state(lanyard_sandbox::Product::Auth0)["writes"]
            .as_object()
            .unwrap()
            .is_empty()
    );
}
