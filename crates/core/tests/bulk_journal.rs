//! The bulk-run journal's append-only format: a run of 10,000 items read back as it was
//! written, a last line cut short by a kill, a journal of the previous format (the whole run in
//! one document) resumed to the end, damaged files named with a reason (never a panic), and
//! the list of runs read from each journal's header and last line only.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

mod support;

use std::path::{Path, PathBuf};

use lanyard_core::bulk::journal::{Item, Journal, LoadError, RunRecord};
use lanyard_model::bulk::{
    BulkTarget, ItemNote, ItemStatus, LiveReason, MAX_TARGETS, RunAction, RunNote, RunState,
    RunTitle,
};
use lanyard_model::error::ConfigProblem;
use lanyard_model::{CommandError, TargetState};
use support::*;

fn record(n: usize) -> RunRecord {
    let items = (0..n)
        .map(|i| {
            Item::new(BulkTarget {
                id: format!("org_{i:05}"),
                name: format!("Organization {i}"),
                owner_type: None,
            })
        })
        .collect();
    let profile = auth0_profile("http://127.0.0.1:9", "client");
    let id = format!("run-0f1e2d3c-aaaa-bbbb-cccc-{n:012}");
    RunRecord::new(id, &profile, None, title(n), items)
}

fn title(n: usize) -> RunTitle {
    RunTitle::EnableConnection {
        connection: "github".into(),
        organizations: n,
    }
}

fn file(dir: &Path, id: &str) -> PathBuf {
    dir.join("runs").join(format!("{id}.json"))
}

fn unreadable(err: LoadError) -> String {
    match err {
        LoadError::Unreadable(reason) => reason.to_string(),
        LoadError::NotFound => panic!("the journal was not found"),
    }
}

#[test]
fn a_run_of_ten_thousand_items_reads_back_as_it_was_journaled_line_by_line() {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::in_dir(dir.path());
    let mut run = record(MAX_TARGETS);
    journal.save(&run).unwrap();
    let whole = std::fs::metadata(file(dir.path(), &run.id)).unwrap().len();
    run.state = RunState::Running;
    journal.save_run(&run).unwrap();
    // Items changed one at a time as the runner does, and some in a batch as planning does.
    for i in (0..MAX_TARGETS).step_by(37) {
        run.items[i].status = ItemStatus::Sending;
        run.items[i].attempts = 1;
        journal.save_items(&run, &[i]).unwrap();
        run.items[i].status = ItemStatus::Done;
        run.items[i].correlation_id = Some(format!("cid-{i}"));
        journal.save_items(&run, &[i]).unwrap();
    }
    let batch: Vec<usize> = (9_980..MAX_TARGETS).collect();
    for &i in &batch {
        run.items[i].status = ItemStatus::Failed;
        run.items[i].message = Some(ItemNote::Stored(format!("refused \"{i}\"\nsecond line")));
    }
    journal.save_items(&run, &batch).unwrap();
    run.note = Some(RunNote::Halted {
        cause: CommandError::Configuration {
            problem: ConfigProblem::RunJournalUnwritable {
                run: "run-1".into(),
                folder: "runs".into(),
                detail: "for the test".into(),
            },
        },
    });
    run.state = RunState::Paused;
    journal.save_run(&run).unwrap();

    let grown = std::fs::metadata(file(dir.path(), &run.id)).unwrap().len() - whole;
    // Each change is a line of its own, not the whole run again.
    let changes = 2 * MAX_TARGETS.div_ceil(37) as u64 + batch.len() as u64 + 2;
    assert!(grown < changes * 1_024, "{grown} bytes for {changes} lines");

    let loaded = journal.load(&run.id).unwrap();
    assert_eq!(
        loaded, run,
        "the last line of each item and of the run wins"
    );
    let (listed, unreadable) = journal.list();
    assert!(unreadable.is_empty(), "{unreadable:?}");
    assert_eq!(listed, vec![run.summary()]);
}

#[tokio::test]
async fn a_last_line_cut_short_by_a_kill_leaves_the_item_as_it_was_and_it_is_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::in_dir(dir.path());
    let mut run = record(20);
    journal.save(&run).unwrap();
    run.state = RunState::Running;
    journal.save_run(&run).unwrap();
    run.items[3].status = ItemStatus::Sending;
    run.items[3].attempts = 1;
    journal.save_items(&run, &[3]).unwrap();
    run.items[3].status = ItemStatus::Done;
    run.items[3].correlation_id = Some("cid-3".into());
    journal.save_items(&run, &[3]).unwrap();
    // Killed while the line saying it was done was being written.
    let path = file(dir.path(), &run.id);
    let len = std::fs::metadata(&path).unwrap().len();
    let f = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
    f.set_len(len - 12).unwrap();
    drop(f);

    let loaded = Journal::in_dir(dir.path()).load(&run.id).unwrap();
    assert_eq!(loaded.items[3].status, ItemStatus::Sending);
    assert_eq!(loaded.items[3].correlation_id, None);
    let listed = Journal::in_dir(dir.path()).list().0;
    assert_eq!(listed[0].state, RunState::Running);

    // Opened after the kill: offered for resume, the item whose send had begun still to be
    // read back; the journal is written whole again and reads cleanly.
    let runs = runs_in(dir.path());
    let v = runs.view(&run.id).unwrap();
    assert_eq!(v.state, RunState::Interrupted);
    assert_eq!(v.items[3].status, ItemStatus::Sending);
    assert!(std::fs::read(&path).unwrap().ends_with(b"\n"));
    let again = Journal::in_dir(dir.path()).load(&run.id).unwrap();
    assert_eq!(again.state, RunState::Interrupted);
    assert_eq!(again.items[3].status, ItemStatus::Sending);
}

/// A journal as the Lanyard before the append-only format wrote it: the whole run in one JSON
/// document (version 2).
fn version_2(run: &RunRecord) -> Vec<u8> {
    let mut doc = serde_json::to_value(run).unwrap();
    let fields = doc.as_object_mut().unwrap();
    fields.insert("version".into(), 2.into());
    fields.insert("items".into(), serde_json::to_value(&run.items).unwrap());
    serde_json::to_vec(&doc).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_journal_of_the_previous_format_left_mid_run_resumes_to_the_end() {
    let (s, profile, client, dir, runs) = bench(40, 20.0).await;
    let targets = org_targets(&s, 0, 6);
    let id = plan_enable(&runs, &profile, &client, &s, "github", targets).await;
    drop(runs);
    let mut run = Journal::in_dir(dir.path()).load(&id).unwrap();
    // Stopped by an upgrade while item 2 was being sent (not applied).
    run.state = RunState::Running;
    run.items[2].status = ItemStatus::Sending;
    run.items[2].attempts = 1;
    let path = file(dir.path(), &id);
    std::fs::write(&path, version_2(&run)).unwrap();

    let runs = runs_in(dir.path());
    let listed = runs.list();
    assert!(listed.unreadable.is_empty(), "{:?}", listed.unreadable);
    assert_eq!(listed.runs[0].state, RunState::Interrupted);
    let v = runs.view(&id).unwrap();
    assert_eq!(
        v.items[2].status,
        ItemStatus::Sending,
        "still to be read back"
    );
    let v = run_to_end(&runs, &id, &profile, &client, RunAction::Resume).await;
    assert_eq!(v.counts.done, 6);
    let (orgs, writes) = linked(&s, "github");
    assert_eq!(orgs.len(), 6);
    assert!(writes.iter().all(|(_, n)| *n == 1), "{writes:?}");
    // Written in this version's format from then on, and read back the same.
    assert!(
        std::fs::read(&path)
            .unwrap()
            .starts_with(b"{\"n\":0,\"version\":4")
    );
    assert_eq!(runs_in(dir.path()).view(&id).unwrap().counts.done, 6);
}

/// The run's journal with `lines` (0 is the header) replaced by what `edit` makes of them.
fn edit_lines(path: &Path, edit: impl FnOnce(&mut Vec<String>)) {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    edit(&mut lines);
    std::fs::write(path, lines.join("\n") + "\n").unwrap();
}

#[test]
fn a_damaged_or_oversized_journal_is_named_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::in_dir(dir.path());
    let run = record(30);
    let path = file(dir.path(), &run.id);
    type Edit = Box<dyn Fn(&mut Vec<String>)>;
    let cases: Vec<(&str, Edit)> = vec![
        (
            "longer than 1024 KB",
            Box::new(|l| l.insert(5, "x".repeat(3 << 20))),
        ),
        (
            "20000 items",
            Box::new(|l| l[0] = l[0].replace("\"items\":30", "\"items\":20000")),
        ),
        ("line 7", Box::new(|l| l[6] = "{\"n\":6,\"i\":".into())),
        ("missing or out of order", Box::new(|l| drop(l.remove(9)))),
        (
            "item 31",
            Box::new(|l| l[0] = l[0].replace("\"items\":30", "\"items\":31")),
        ),
    ];
    for (said, edit) in cases {
        journal.save(&run).unwrap();
        edit_lines(&path, edit);
        let reason = unreadable(journal.load(&run.id).unwrap_err());
        assert!(reason.contains(said), "{said}: {reason}");
        assert!(reason.len() < 400, "{reason}");
    }
    // A file far larger than any journal is refused before it is read whole.
    journal.save(&run).unwrap();
    edit_lines(&path, |l| l.push("y".repeat(3 << 20)));
    assert!(unreadable(journal.load(&run.id).unwrap_err()).contains("longer than"));
    let (runs, unreadable) = journal.list();
    assert!(runs.is_empty());
    assert_eq!(unreadable.len(), 1, "{unreadable:?}");
}

#[test]
fn the_list_of_runs_reads_each_header_and_last_line_not_the_items() {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::in_dir(dir.path());
    let mut run = record(200);
    journal.save(&run).unwrap();
    run.state = RunState::Running;
    for i in 0..50 {
        run.items[i].status = ItemStatus::Done;
        journal.save_items(&run, &[i]).unwrap();
    }
    run.state = RunState::Paused;
    journal.save_run(&run).unwrap();
    // Every item line damaged in place: the list does not read them.
    edit_lines(&file(dir.path(), &run.id), |lines| {
        let last = lines.len() - 1;
        for line in &mut lines[1..last] {
            *line = "#".repeat(line.len());
        }
    });
    let (listed, unreadable) = journal.list();
    assert!(unreadable.is_empty(), "{unreadable:?}");
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].summary, title(200));
    assert_eq!(listed[0].state, RunState::Paused);
    assert_eq!((listed[0].counts.done, listed[0].counts.pending), (50, 150));
    // Opening it reads them, and says where it is damaged.
    assert!(unreadable_reason(&journal, &run.id).contains("line 2"));
}

fn unreadable_reason(journal: &Journal, id: &str) -> String {
    unreadable(journal.load(id).unwrap_err())
}

#[test]
fn a_poll_carries_the_counts_and_only_the_page_of_rows_asked_for() {
    use lanyard_model::bulk::{ItemFilter, ItemPage};
    use lanyard_model::{Source, Warning, WarningText};
    let dir = tempfile::tempdir().unwrap();
    let mut run = record(1_000);
    for (i, item) in run.items.iter_mut().enumerate() {
        item.status = match i % 4 {
            0 => ItemStatus::Done,
            1 => ItemStatus::Failed,
            2 => ItemStatus::Unknown,
            _ => ItemStatus::Pending,
        };
    }
    let warning = |connection: &str| {
        let text = WarningText::ConnectionWithoutApplication {
            connection: connection.into(),
        };
        vec![Warning::new(text, Source::Documented, "§1")]
    };
    for i in (0..1_000).step_by(10) {
        run.items[i].warnings = warning("github");
    }
    run.items[5].warnings = warning("okta");
    run.state = RunState::Paused;
    Journal::in_dir(dir.path()).save(&run).unwrap();
    let runs = runs_in(dir.path());

    let page = ItemPage {
        filter: ItemFilter::Failed,
        offset: 10,
        limit: 25,
        warnings: false,
    };
    let v = runs.view_page(&run.id, &page).unwrap();
    assert_eq!(v.counts.total, 1_000);
    assert_eq!(
        (v.counts.done, v.counts.failed, v.counts.unknown),
        (250, 250, 250)
    );
    assert_eq!(v.matching, 500, "failed and unknown");
    assert_eq!(v.offset, 10);
    let rows: Vec<usize> = v.items.iter().map(|i| i.index).collect();
    // The 11th to 35th failed-or-unknown items: indices 1, 2, 5, 6, 9, 10...
    let expected: Vec<usize> = (0..1_000)
        .filter(|i| matches!(i % 4, 1 | 2))
        .skip(10)
        .take(25)
        .collect();
    assert_eq!(rows, expected);
    assert!(v.warnings.is_none());

    // The plan's warnings, asked for once: each list once, with how many items have it.
    let warned = ItemPage {
        filter: ItemFilter::Warnings,
        offset: 0,
        limit: 500,
        warnings: true,
    };
    let v = runs.view_page(&run.id, &warned).unwrap();
    assert_eq!((v.warned, v.matching, v.items.len()), (101, 101, 101));
    let groups: Vec<(String, usize)> = v
        .warnings
        .unwrap()
        .iter()
        .map(|g| (format!("{:?}", g.warnings[0].text), g.items))
        .collect();
    assert_eq!(groups.len(), 2, "{groups:?}");
    assert!(
        groups[0].0.contains("github") && groups[0].1 == 100,
        "{groups:?}"
    );
    assert!(
        groups[1].0.contains("okta") && groups[1].1 == 1,
        "{groups:?}"
    );

    // Past the end: no row, the counts all the same.
    let end = ItemPage {
        offset: 5_000,
        ..page
    };
    let v = runs.view_page(&run.id, &end).unwrap();
    assert!(v.items.is_empty());
    assert_eq!((v.matching, v.offset), (500, 500));
    // A control's reply carries no row: the next poll brings them.
    let v = runs.view_page(&run.id, &ItemPage::none()).unwrap();
    assert!(v.items.is_empty());
    assert_eq!(v.counts.pending, 250);
    assert_eq!(runs.view(&run.id).unwrap().items.len(), 1_000);
}

#[test]
fn a_journal_cut_at_any_byte_loads_an_earlier_state_or_says_why_never_panics() {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::in_dir(dir.path());
    let mut run = record(4);
    journal.save(&run).unwrap();
    run.state = RunState::Running;
    journal.save_run(&run).unwrap();
    for i in 0..4 {
        run.items[i].status = ItemStatus::Sending;
        journal.save_items(&run, &[i]).unwrap();
        run.items[i].status = ItemStatus::Done;
        journal.save_items(&run, &[i]).unwrap();
    }
    let path = file(dir.path(), &run.id);
    let bytes = std::fs::read(&path).unwrap();
    // The header and the four items, whole: from there on the run can be read.
    let items_end = bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .nth(4)
        .map(|(at, _)| at + 1)
        .unwrap();
    for cut in 0..bytes.len() {
        std::fs::write(&path, &bytes[..cut]).unwrap();
        let loaded = journal.load(&run.id);
        let (listed, unreadable) = journal.list();
        assert_eq!(listed.len() + unreadable.len(), 1, "cut at {cut}");
        // Whatever was journaled whole is there; each item is in one of its journaled states.
        match loaded {
            Ok(loaded) => {
                // (A last line that lacks only its newline reads.)
                assert!(cut + 1 >= items_end, "cut at {cut} loaded");
                assert!(loaded.items.iter().all(|i| matches!(
                    i.status,
                    ItemStatus::Pending | ItemStatus::Sending | ItemStatus::Done
                )));
            }
            Err(err) => assert!(cut + 1 < items_end, "cut at {cut}: {err}"),
        }
    }
}

/// A format-3 journal as Lanyard wrote it before titles and notes were typed: the title, the
/// run's note and the items' notes are plain strings.
const FORMAT_3_WITH_TEXT: &str = r#"{"n":0,"version":3,"items":2,"state":"paused","counts":{"total":2,"pending":1,"skipped":0,"done":0,"failed":1,"unknown":0,"not_sent":0},"run":{"version":3,"id":"run-0f1e2d3c-aaaa-bbbb-cccc-000000000003","profile_id":"bulk-test-auth0","profile_name":"Bulk test","confirm_name":null,"confirmation":null,"op":null,"summary":"Enable github for 2 organizations","undo_of":null,"created":"2026-11-20T05:49:05.208804893Z","state":"paused","note":"Paused: Auth0 at example.auth0.com could not be reached (connection refused). Resume when the connection is back; the item that was being sent is read back first.","planned":0,"source":{"from":"live"},"skipped_logged":false}}
{"n":1,"i":0,"item":{"target":{"id":"org_00000","name":"Organization 0"},"change":null,"current":null,"planned":null,"status":"failed","message":"Changed by someone else since it was planned (now not enabled); Lanyard left it alone","correlation_id":null,"read_back":false,"verify":false,"undo":null,"attempts":0}}
{"n":2,"i":1,"item":{"target":{"id":"org_00001","name":"Organization 1"},"change":null,"current":null,"planned":null,"status":"pending","message":null,"correlation_id":null,"read_back":false,"verify":false,"undo":null,"attempts":0}}
{"n":3,"state":"paused","counts":{"total":2,"pending":0,"skipped":0,"done":1,"failed":1,"unknown":0,"not_sent":0},"i":1,"item":{"target":{"id":"org_00001","name":"Organization 1"},"change":null,"current":null,"planned":null,"status":"done","message":"Was already so; nothing changed","correlation_id":null,"read_back":false,"verify":false,"undo":null,"attempts":0}}
"#;

#[test]
fn a_format_3_journal_with_text_notes_loads_and_shows_them_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let id = "run-0f1e2d3c-aaaa-bbbb-cccc-000000000003";
    std::fs::create_dir_all(dir.path().join("runs")).unwrap();
    std::fs::write(file(dir.path(), id), FORMAT_3_WITH_TEXT).unwrap();
    let runs = runs_in(dir.path());
    let listed = runs.list();
    assert!(listed.unreadable.is_empty(), "{:?}", listed.unreadable);
    let title = RunTitle::Stored("Enable github for 2 organizations".into());
    assert_eq!(listed.runs[0].summary, title);
    let v = runs.view(id).unwrap();
    assert_eq!(v.summary, title);
    assert_eq!(
        v.note.map(|n| n.to_string()).as_deref(),
        Some(
            "Paused: Auth0 at example.auth0.com could not be reached (connection refused). Resume when the connection is back; the item that was being sent is read back first."
        )
    );
    assert_eq!(
        v.items[0].message,
        Some(ItemNote::Stored(
            "Changed by someone else since it was planned (now not enabled); Lanyard left it alone"
                .into()
        ))
    );
    assert_eq!(
        v.items[1].message,
        Some(ItemNote::Stored("Was already so; nothing changed".into()))
    );
    // Its undo run names it by the stored title.
    let undo = RunTitle::Undo {
        of: Box::new(title),
        items: 1,
    };
    assert_eq!(
        undo.to_string(),
        "Undo: Enable github for 2 organizations (1 item)"
    );
}

#[test]
fn a_typed_title_and_typed_notes_are_journaled_and_read_back_typed() {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::in_dir(dir.path());
    let mut run = record(2);
    run.summary = RunTitle::Undo {
        of: Box::new(title(2)),
        items: 2,
    };
    journal.save(&run).unwrap();
    run.state = RunState::Finished;
    run.note = Some(RunNote::ReadLive {
        why: LiveReason::Stale {
            stale: 1,
            targets: 2,
            minutes: 60,
        },
    });
    run.items[0].status = ItemStatus::Failed;
    run.items[0].message = Some(ItemNote::ChangedElsewhere {
        now: TargetState::Auth0Connection { settings: None },
    });
    run.items[1].message = Some(ItemNote::NotAppliedAfter { tries: 3 });
    journal.save_items(&run, &[0, 1]).unwrap();
    journal.save_run(&run).unwrap();
    let text = std::fs::read_to_string(file(dir.path(), &run.id)).unwrap();
    assert!(text.contains(r#""note":"changed_elsewhere""#), "{text}");
    let loaded = journal.load(&run.id).unwrap();
    assert_eq!(loaded, run);
    assert_eq!(journal.list().0[0].summary, run.summary);
}

#[test]
fn a_new_journal_is_format_4_and_a_format_5_one_is_named_as_newer() {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::in_dir(dir.path());
    let run = record(2);
    journal.save(&run).unwrap();
    let path = file(dir.path(), &run.id);
    let text = std::fs::read_to_string(&path).unwrap();
    // The header and the run itself say 4: a Lanyard that reads up to 3 names it as newer.
    assert!(text.starts_with(r#"{"n":0,"version":4,"#), "{text}");
    assert!(text.contains(r#""run":{"version":4,"#), "{text}");
    assert_eq!(journal.load(&run.id).unwrap(), run);

    // The same lines numbered 5: a later Lanyard's, left alone and named as such.
    std::fs::write(&path, text.replace(r#""version":4"#, r#""version":5"#)).unwrap();
    let newer = lanyard_model::bulk::JournalProblem::Newer {
        version: 5,
        newest: 4,
    };
    assert_eq!(
        journal.load(&run.id),
        Err(LoadError::Unreadable(newer.clone()))
    );
    let (runs, unreadable) = journal.list();
    assert!(runs.is_empty(), "{runs:?}");
    assert_eq!(unreadable.len(), 1, "{unreadable:?}");
    assert_eq!(unreadable[0].reason, newer);
    assert_eq!(
        unreadable[0].reason.to_string(),
        "it is a version 5 journal; this Lanyard reads versions 1 to 4. Open it with the Lanyard that wrote it"
    );
    // Not rewritten.
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with(r#"{"n":0,"version":5,"#)
    );
}
