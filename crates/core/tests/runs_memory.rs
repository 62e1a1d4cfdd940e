//! A long session does not hold every run it ran: after 100 finished bulk runs only the most
//! recent settled ones stay loaded, and an older one is read back from its journal, whole,
//! when it is opened again.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

mod support;

use lanyard_core::bulk::SETTLED_KEPT;
use lanyard_model::bulk::{ItemStatus, RunAction, RunState};
use support::*;

const RUNS: usize = 100;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hundred_finished_runs_are_not_all_held_in_memory() {
    let s = sandbox(3 * RUNS, 1_000.0).await;
    let (profile, client) = client_for(&s);
    let dir = tempfile::tempdir().unwrap();
    let runs = runs_in(dir.path());
    let targets = org_targets(&s, 0, RUNS);
    assert_eq!(targets.len(), RUNS);
    let mut ids = Vec::new();
    for (n, target) in targets.into_iter().enumerate() {
        let id = plan_ready(
            &runs,
            &profile,
            &client,
            enable_op(&s, "github"),
            vec![target],
        )
        .await;
        start(&runs, &id, &profile, &client, RunAction::Start);
        wait_for(&runs, &id, "finished", |v| v.state == RunState::Finished).await;
        // The settled runs beyond the few kept went when this one was planned; this one is
        // settled now too.
        assert!(
            runs.loaded() <= SETTLED_KEPT + 1,
            "{} runs held after run {n}",
            runs.loaded()
        );
        ids.push(id);
    }
    assert_eq!(runs.list().runs.len(), RUNS, "every run is still listed");

    // The first run went from memory long ago; opened again, it is read from its journal.
    let first = runs.view(&ids[0]).unwrap();
    assert_eq!(first.state, RunState::Finished);
    assert_eq!(first.items.len(), 1);
    assert_eq!(first.items[0].status, ItemStatus::Done);
    assert!(runs.loaded() <= SETTLED_KEPT + 1, "{}", runs.loaded());
    // An undo of an old run is planned from its journal like any other.
    let undo = runs.undo(&profile, &ids[1]).unwrap();
    assert_eq!(runs.view(&undo).unwrap().state, RunState::Ready);
}
