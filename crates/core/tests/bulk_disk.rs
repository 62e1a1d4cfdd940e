//! Data on disk that fails: a journal or audit write that fails pauses a bulk run with the
//! cause (and nothing more is sent until it can be written), a journal that cannot be read is
//! listed by name and reason, and a single change whose audit entry could not be written says
//! so while reporting the change as applied.
//!
//! Tests run as root in CI, where permission bits stop nothing: the failures are made with a
//! folder where a file should be.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

mod support;

use std::path::Path;
use std::time::Duration;

use lanyard_core::audit::AuditLog;
use lanyard_core::bulk::journal::Journal;
use lanyard_core::secrets::Keychain;
use lanyard_core::{Console, Paths};
use lanyard_model::bulk::{RunAction, RunNote, RunState};
use lanyard_model::error::ConfigProblem;
use lanyard_model::ids::{AuthModuleId, UserGroupId};
use lanyard_model::{Change, CommandError, Labels};
use support::*;

/// Puts a folder (not empty, so no rename can replace it) where the file `path` is.
fn folder_in_place_of(path: &Path) {
    for _ in 0..200 {
        let _ = std::fs::remove_file(path);
        if std::fs::create_dir(path).is_ok() {
            std::fs::write(path.join("in-the-way"), "x").unwrap();
            return;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    panic!("could not put a folder at {}", path.display());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_journal_that_cannot_be_written_pauses_the_run_with_the_cause_and_sends_nothing_more() {
    // Real-time bucket: the run is still going when the disk starts refusing.
    let (s, profile, client, dir, runs) = bench(40, 1.0).await;
    let targets = org_targets(&s, 0, 14);
    let id = plan_enable(&runs, &profile, &client, &s, "github", targets.clone()).await;
    start(&runs, &id, &profile, &client, RunAction::Start);
    wait_for(&runs, &id, "two done", |v| v.counts.done >= 2).await;
    let file = dir.path().join("runs").join(format!("{id}.json"));
    folder_in_place_of(&file);

    let v = wait_for(&runs, &id, "paused", |v| v.state == RunState::Paused).await;
    assert!(
        matches!(v.note, Some(RunNote::Halted { .. })),
        "{:?}",
        v.note
    );
    let note = v.note.as_ref().map(ToString::to_string).unwrap_or_default();
    assert!(
        note.contains("journal")
            && note.contains("could not be written")
            && note.contains("Resume"),
        "{note}"
    );
    assert!(v.counts.done < 14, "paused part-way");
    tokio::time::sleep(Duration::from_millis(1_000)).await;
    let (orgs, _) = linked(&s, "github");
    assert_eq!(
        orgs.len(),
        runs.view(&id).unwrap().counts.done,
        "nothing more was sent, and what was sent is known"
    );

    // While the disk still refuses, resuming says why and sends nothing.
    let refused = runs.control(
        &id,
        RunAction::Resume,
        Some((profile.clone(), client.clone())),
        None,
    );
    assert!(
        refused.is_err_and(|e| e.to_string().contains("could not be written")),
        "resume is refused while the journal cannot be written"
    );

    std::fs::remove_dir_all(&file).unwrap();
    let v = run_to_end(&runs, &id, &profile, &client, RunAction::Resume).await;
    assert_eq!(v.counts.done, 14, "{:?}", v.note);
    let (orgs, writes) = linked(&s, "github");
    assert_eq!(orgs.len(), 14);
    assert!(
        writes.iter().all(|(_, n)| *n == 1),
        "no duplicate: {writes:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_audit_log_that_cannot_be_written_pauses_the_run_and_its_entries_are_written_on_resume()
{
    let (s, profile, client, dir, runs) = bench(20, 20.0).await;
    let targets = org_targets(&s, 0, 6);
    let id = plan_enable(&runs, &profile, &client, &s, "github", targets).await;
    let log = dir.path().join("audit.jsonl");
    folder_in_place_of(&log);
    start(&runs, &id, &profile, &client, RunAction::Start);
    let v = wait_for(&runs, &id, "paused", |v| v.state == RunState::Paused).await;
    assert!(
        matches!(v.note, Some(RunNote::Halted { .. })),
        "{:?}",
        v.note
    );
    let note = v.note.as_ref().map(ToString::to_string).unwrap_or_default();
    assert!(
        note.contains("audit log") && note.contains("audit.jsonl"),
        "{note}"
    );
    assert_eq!(
        v.counts.done, 1,
        "the first write was applied, then nothing more"
    );
    assert_eq!(linked(&s, "github").0.len(), 1);

    std::fs::remove_dir_all(&log).unwrap();
    let v = run_to_end(&runs, &id, &profile, &client, RunAction::Resume).await;
    assert_eq!(v.counts.done, 6);
    let entries = AuditLog::in_dir(dir.path()).read().unwrap().entries;
    assert_eq!(
        entries
            .iter()
            .filter(|e| e.run_id.as_deref() == Some(id.as_str()))
            .count(),
        6,
        "the entry that could not be written then is in the log now"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_journal_that_cannot_be_read_is_listed_with_its_name_and_reason() {
    let s = sandbox(10, 20.0).await;
    let (profile, client) = client_for(&s);
    let dir = tempfile::tempdir().unwrap();
    let good = {
        let runs = runs_in(dir.path());
        let targets = org_targets(&s, 0, 2);
        plan_enable(&runs, &profile, &client, &s, "github", targets).await
    };
    let folder = dir.path().join("runs");
    let torn = "run-0f1e2d3c-aaaa-bbbb-cccc-000011112222";
    let good_text = std::fs::read_to_string(folder.join(format!("{good}.json"))).unwrap();
    // Cut inside its header: what the run is cannot be known (a journal cut after its header
    // is a run killed while appending, see `bulk_journal`).
    let cut_at = good_text.find('\n').unwrap() / 2;
    std::fs::write(folder.join(format!("{torn}.json")), &good_text[..cut_at]).unwrap();
    let newer = "run-0f1e2d3c-aaaa-bbbb-cccc-000011113333";
    std::fs::write(
        folder.join(format!("{newer}.json")),
        br#"{"version": 7, "id": "run-0f1e2d3c-aaaa-bbbb-cccc-000011113333"}"#,
    )
    .unwrap();
    let folder_not_file = "run-0f1e2d3c-aaaa-bbbb-cccc-000011114444";
    std::fs::create_dir(folder.join(format!("{folder_not_file}.json"))).unwrap();

    let runs = runs_in(dir.path());
    let list = runs.list();
    assert_eq!(list.runs.len(), 1, "the readable run is still listed");
    assert_eq!(list.runs[0].id, good);
    let reasons: Vec<(String, String)> = list
        .unreadable
        .iter()
        .map(|u| (u.file.clone(), u.reason.to_string()))
        .collect();
    assert_eq!(reasons.len(), 3, "{reasons:?}");
    let reason = |id: &str| {
        reasons
            .iter()
            .find(|(f, _)| f == &format!("{id}.json"))
            .map(|(_, r)| r.clone())
            .unwrap_or_else(|| panic!("{id} not listed: {reasons:?}"))
    };
    assert!(reason(torn).contains("cut short"), "{}", reason(torn));
    assert!(reason(newer).contains("version 7"), "{}", reason(newer));
    // Typed, for the window to word in its language.
    assert!(list.unreadable.iter().any(|u| u.reason
        == lanyard_model::bulk::JournalProblem::Newer {
            version: 7,
            newest: 4
        }));
    assert!(
        reason(folder_not_file).contains("cannot be read"),
        "{}",
        reason(folder_not_file)
    );
    assert!(list.folder.ends_with("runs"));
    // Opening it names the reason too.
    let err = runs.view(torn).unwrap_err().to_string();
    assert!(err.contains(torn) && err.contains("cut short"), "{err}");
    // Nothing was moved or rewritten.
    assert_eq!(
        std::fs::read_to_string(folder.join(format!("{torn}.json")))
            .unwrap()
            .len(),
        cut_at
    );
    assert!(Journal::in_dir(dir.path()).load(&good).is_ok());
}

#[tokio::test]
async fn a_single_change_whose_audit_entry_cannot_be_written_is_reported_as_applied_with_the_cause()
{
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    folder_in_place_of(&data.join("audit.jsonl"));
    let c = Console::open(
        Paths {
            config_dir: dir.path().join("config"),
            data_dir: data.clone(),
        },
        Keychain::new("lanyard-test-disk"),
    )
    .unwrap();
    let module = AuthModuleId::parse("0a6f5b7c-1111-4e2d-9a3b-000000000002").unwrap();
    let group = UserGroupId::parse("6b1d2c3e-0000-4a5b-8c9d-000000000052").unwrap();
    let before = c
        .hub_auto_join_groups("sandbox-hub", &module)
        .await
        .unwrap();
    assert!(before.iter().any(|g| g.id == group.as_str()));
    let remove = Change::HubRemove {
        module_id: module.clone(),
        group_id: group.clone(),
        labels: Labels {
            target: "Google".into(),
            item: "Registered Users".into(),
        },
    };
    let applied = c.change_apply("sandbox-hub", &remove, None).await.unwrap();
    let cause = applied
        .audit_error
        .clone()
        .expect("the missing audit entry is reported");
    // Typed as the window would show the failed write: the log's path and the system's words.
    let CommandError::Configuration {
        problem: ConfigProblem::AuditLogUnwritable { path, detail },
    } = cause
    else {
        panic!("not an unwritable audit log: {cause:?}");
    };
    assert_eq!(path, data.join("audit.jsonl").display().to_string());
    assert!(!detail.trim().is_empty(), "the system's words are kept");
    assert!(
        applied.undo.is_some(),
        "the change happened, and can be undone"
    );
    let after = c
        .hub_auto_join_groups("sandbox-hub", &module)
        .await
        .unwrap();
    assert!(
        !after.iter().any(|g| g.id == group.as_str()),
        "it was removed"
    );
}
