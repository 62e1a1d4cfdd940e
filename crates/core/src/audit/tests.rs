//! The audit log on disk: order, torn and non-UTF-8 lines, permissions, failures, CSV.

#![allow(clippy::expect_used)]
use super::*;
use lanyard_model::Label;
use lanyard_model::change::{ConsoleName, ItemNoun};
use std::fs::OpenOptions;
use std::io::Write;

fn entry(op: &str, outcome: Outcome) -> AuditEntry {
    AuditEntry {
        time: crate::audit::now(),
        profile_id: "p1".into(),
        profile_name: "Acme prod".into(),
        product: "auth0".into(),
        operation: op.into(),
        targets: vec![Target {
            kind: "organization".into(),
            id: "org_1".into(),
            name: Some("Acme, Inc.".into()),
        }],
        request: serde_json::json!({"connection_id": "con_1", "is_enabled": true}),
        outcome,
        status: Some(201),
        message: None,
        correlation_id: Some("c-1".into()),
        who: "alice".into(),
        run_id: None,
    }
}

/// A log in a new folder (kept alive by the returned guard) holding one successful `op`.
fn log_with(op: &str) -> (tempfile::TempDir, AuditLog) {
    let dir = tempfile::tempdir().expect("dir");
    let log = AuditLog::in_dir(dir.path());
    log.append(&entry(op, Outcome::Success)).expect("append");
    (dir, log)
}

/// Writes `bytes` at the end of the log's file as they are, as a crash or a broken disk would.
fn append_raw(log: &AuditLog, bytes: &[u8], what: &str) {
    let mut file = OpenOptions::new()
        .append(true)
        .open(log.path())
        .expect("open");
    file.write_all(bytes).expect(what);
}

/// The operations of the entries read, in the order read.
fn operations(read: &AuditRead) -> Vec<&str> {
    read.entries.iter().map(|e| e.operation.as_str()).collect()
}

#[test]
fn entries_come_back_newest_first() {
    let (_dir, log) = log_with("enable");
    log.append(&entry("remove", Outcome::Failure))
        .expect("append");
    let read = log.read().expect("read");
    assert_eq!(operations(&read), ["remove", "enable"]);
    assert_eq!(read.skipped_lines, 0);
}

#[test]
fn a_line_cut_off_by_a_crash_is_skipped_and_later_entries_still_land() {
    let (_dir, log) = log_with("enable");
    // Simulate a crash in the middle of writing the next entry.
    append_raw(
        &log,
        br#"{"time":"2026-11-23T00:00:00Z","profile_id":"p1","prof"#,
        "partial",
    );
    log.append(&entry("remove", Outcome::Success))
        .expect("append after crash");
    let read = log.read().expect("read");
    assert_eq!(read.entries.len(), 2);
    assert_eq!(read.skipped_lines, 1);
    assert_eq!(read.entries[0].operation, "remove");
}

#[test]
fn a_line_that_is_not_utf8_is_skipped_and_counted_and_the_rest_is_read() {
    let (_dir, log) = log_with("first");
    append_raw(
        &log,
        b"{\"time\":\"\xff\xfe\"}\n\xc3\x28 not text\n",
        "garbage",
    );
    log.append(&entry("second", Outcome::Success))
        .expect("append");
    log.append(&entry("third", Outcome::Failure))
        .expect("append");
    let read = log.read().expect("read");
    assert_eq!(operations(&read), ["third", "second", "first"]);
    assert_eq!(read.skipped_lines, 2);
}

#[cfg(unix)]
#[test]
fn the_log_is_created_for_this_user_only() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, log) = log_with("enable");
    let mode = std::fs::metadata(log.path())
        .expect("meta")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
}

#[test]
fn a_log_that_cannot_be_opened_is_an_error_naming_the_file() {
    let dir = tempfile::tempdir().expect("dir");
    // A folder where the file should be: refused even for root.
    std::fs::create_dir(dir.path().join("audit.jsonl")).expect("dir in the way");
    let log = AuditLog::in_dir(dir.path());
    let err = log
        .append(&entry("enable", Outcome::Success))
        .expect_err("cannot append to a folder");
    assert!(err.to_string().contains("audit.jsonl"), "{err}");
}

#[test]
fn a_missing_log_is_empty() {
    let dir = tempfile::tempdir().expect("dir");
    assert_eq!(
        AuditLog::in_dir(dir.path()).read().expect("read"),
        AuditRead::default()
    );
}

#[test]
fn csv_quotes_commas_and_defuses_formulas() {
    let mut e = entry("enable", Outcome::Success);
    e.message = Some(AuditNote::Stored("=HYPERLINK(\"x\")".into()));
    let csv = to_csv(&[e]);
    let row = csv.lines().nth(1).expect("row");
    assert!(row.contains("\"organization:org_1 (Acme, Inc.)\""), "{row}");
    assert!(row.contains("\"'=HYPERLINK(\"\"x\"\")\""), "{row}");
    assert_eq!(csv.lines().count(), 2);
}

/// A log of `n` entries in a new folder, written in one go: entry `i` is by profile "P{i}",
/// its target "org-{i}", every seventh a failure.
fn log_of(n: usize) -> (tempfile::TempDir, AuditLog) {
    let dir = tempfile::tempdir().expect("dir");
    let log = AuditLog::in_dir(dir.path());
    let entries: Vec<AuditEntry> = (0..n)
        .map(|i| {
            let mut e = entry(
                "enable_connection",
                if i % 7 == 0 {
                    Outcome::Failure
                } else {
                    Outcome::Success
                },
            );
            e.profile_name = format!("P{i}");
            e.targets[0].name = Some(format!("org-{i}").into());
            e
        })
        .collect();
    log.append_all(&entries).expect("append");
    (dir, log)
}

fn names(page: &AuditPage) -> Vec<String> {
    page.entries
        .iter()
        .map(|e| e.profile_name.clone())
        .collect()
}

#[test]
fn pages_come_newest_first_with_the_counts_of_the_whole_log() {
    let (_dir, log) = log_of(1_000);
    let first = log.page("", 0, 3, 0).expect("page");
    assert_eq!(names(&first), ["P999", "P998", "P997"]);
    assert_eq!(
        (first.matching, first.total, first.skipped_lines),
        (1_000, 1_000, 0)
    );
    let last = log.page("", 998, 50, 0).expect("page");
    assert_eq!(names(&last), ["P1", "P0"]);
    assert!(log.page("", 5_000, 50, 0).expect("page").entries.is_empty());
    // As many as the whole read, in the same order.
    let whole = log.read().expect("read");
    let all = log.page("", 0, 1_000, 0).expect("page");
    assert_eq!(all.entries, whole.entries);
}

#[test]
fn the_filter_runs_over_the_whole_log_every_word_in_any_case() {
    let (_dir, log) = log_of(1_000);
    // The oldest entry, far past any first page, is found.
    let found = log.page("ORG-0 ", 0, 50, 0).expect("page");
    assert_eq!(names(&found), ["P0"]);
    assert_eq!((found.matching, found.total), (1, 1_000));
    // Every word must match: failures (every seventh) of org-7x.
    let failed = log.page("failure org-7", 0, 500, 0).expect("page");
    assert!(!failed.entries.is_empty());
    assert!(failed.entries.iter().all(|e| {
        e.outcome == Outcome::Failure
            && matches!(&e.targets[0].name, Some(Label::Name(n)) if n.starts_with("org-7"))
    }));
    assert_eq!(failed.matching, failed.entries.len());
    // The change as the page shows it, with spaces.
    assert_eq!(
        log.page("enable connection", 0, 1, 0)
            .expect("page")
            .matching,
        1_000
    );
    assert_eq!(
        log.page("nothing like it", 0, 10, 0)
            .expect("page")
            .matching,
        0
    );
}

#[test]
fn a_page_sees_what_was_appended_since_and_skips_torn_lines() {
    let (_dir, log) = log_of(10);
    assert_eq!(log.page("", 0, 5, 0).expect("page").total, 10);
    append_raw(&log, b"{\"time\": \"2026-", "a torn line");
    let mut newest = entry("disable_connection", Outcome::Success);
    newest.profile_name = "Newest".into();
    log.append(&newest).expect("append");
    let page = log.page("", 0, 2, 0).expect("page");
    assert_eq!(names(&page), ["Newest", "P9"]);
    assert_eq!((page.total, page.skipped_lines), (11, 1));
    let missing = AuditLog::new(_dir.path().join("none.jsonl"));
    assert_eq!(
        missing.page("x", 0, 5, 0).expect("page"),
        AuditPage::default()
    );
}

#[test]
fn a_read_for_a_filter_stops_once_another_is_asked_for() {
    let (_dir, log) = log_of(5_000);
    let mut file = std::fs::File::open(log.path()).expect("open");
    let len = file.metadata().expect("meta").len();
    let stopped = page::scan(&mut file, "org-1", (len, None), || true).expect("scan");
    assert_eq!(stopped, None);
    let whole = page::scan(&mut file, "org-1", (len, None), || false).expect("scan");
    assert!(whole.is_some());
    // Reads ordered by the window's sequence: an older read of another filter is superseded,
    // an older read of the same filter (a page of it) is not.
    log.ask("a", 5).expect("first");
    log.ask("a", 3).expect("a page of the same filter");
    assert!(matches!(log.ask("b", 4), Err(AuditError::Superseded)));
    log.ask("b", 6).expect("newer");
    assert!(matches!(
        log.page("a", 0, 10, 2),
        Err(AuditError::Superseded)
    ));
}

/// The operations of a page's entries, newest first.
fn page_operations(page: &AuditPage) -> Vec<&str> {
    page.entries.iter().map(|e| e.operation.as_str()).collect()
}

#[test]
fn old_notes_in_words_and_typed_notes_load_and_the_filter_finds_both_in_english() {
    let (_dir, log) = log_with("enable");
    // A line as an earlier Lanyard wrote it: its note in English words.
    let mut old = serde_json::to_value(entry("remove", Outcome::Failure)).expect("json");
    old["message"] = "Auth0 answered 500: boom. Try again later".into();
    append_raw(&log, format!("{old}\n").as_bytes(), "old line");
    let mut failed = entry("update", Outcome::Failure);
    failed.message = Some(
        Note::Failed {
            error: lanyard_model::CommandError::Server {
                product: lanyard_model::Product::Auth0,
                status: 500,
                message: "boom".into(),
                error_code: None,
                correlation_id: Some("c-77".into()),
            },
        }
        .into(),
    );
    let mut already = entry("add", Outcome::Success);
    already.message = Some(Note::Already.into());
    log.append_all(&[failed, already]).expect("append");

    let read = log.read().expect("read");
    assert_eq!(read.skipped_lines, 0);
    assert_eq!(operations(&read), ["add", "update", "remove", "enable"]);
    assert_eq!(
        read.entries[2].message,
        Some(AuditNote::Stored(
            "Auth0 answered 500: boom. Try again later".into()
        ))
    );
    assert_eq!(
        read.entries[1]
            .message
            .as_ref()
            .map(|n| matches!(n, AuditNote::Noted(Note::Failed { .. }))),
        Some(true)
    );

    let found = |filter: &str| {
        let page = log.page(filter, 0, 10, 0).expect("page");
        page_operations(&page)
            .into_iter()
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    // The old words and the typed error's English, which names the server's words and the id.
    assert_eq!(found("answered 500 BOOM"), ["update", "remove"]);
    assert_eq!(found("c-77"), ["update"]);
    assert_eq!(found("wanted state"), ["add"]);
    // The CSV says each note in English.
    let csv = to_csv(&read.entries);
    assert!(csv.contains("already in the wanted state"), "{csv}");
    assert!(csv.contains("Auth0 answered 500: boom"), "{csv}");
}

#[test]
fn old_and_typed_target_names_load_and_the_filter_finds_them_by_name_and_id() {
    let (_dir, log) = log_with("enable");
    // A line as an earlier Lanyard wrote it: a target known by its id, named in English.
    let mut old = serde_json::to_value(entry("remove", Outcome::Success)).expect("json");
    old["targets"][0]["id"] = "con_old".into();
    old["targets"][0]["name"] = "connection con_old (name not known)".into();
    append_raw(&log, format!("{old}\n").as_bytes(), "old line");
    let with_name = |op: &str, id: &str, name: Label| {
        let mut e = entry(op, Outcome::Success);
        e.targets[0].id = id.into();
        e.targets[0].name = Some(name);
        e
    };
    let typed = [
        with_name(
            "add",
            "con_new",
            Label::item(ItemNoun::Connection, None, "con_new"),
        ),
        with_name(
            "policy",
            "org_9",
            Label::Console {
                console: ConsoleName::OwnLoginPolicy,
            },
        ),
        with_name("named", "org_5", "Hooli \"EU\"".into()),
    ];
    log.append_all(&typed).expect("append");

    let read = log.read().expect("read");
    assert_eq!(read.skipped_lines, 0);
    assert_eq!(
        operations(&read),
        ["named", "policy", "add", "remove", "enable"]
    );
    assert_eq!(
        read.entries[3].targets[0].name,
        Some(Label::from("connection con_old (name not known)"))
    );
    assert_eq!(read.entries[2].targets[0].name, typed[0].targets[0].name);
    assert_eq!(read.entries[1].targets[0].name, typed[1].targets[0].name);

    let found = |filter: &str| {
        let page = log.page(filter, 0, 10, 0).expect("page");
        assert_eq!(page.skipped_lines, 0);
        page_operations(&page)
            .into_iter()
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    // By the id, and by the English words, of the typed label and of the old line's name.
    assert_eq!(found("con_new"), ["add"]);
    assert_eq!(found("name not known"), ["add", "remove"]);
    assert_eq!(found("CONNECTION con_old"), ["remove"]);
    assert_eq!(found("own login policy"), ["policy"]);
    // A plain name with escapes (read owned, not borrowed) and the names of every line.
    assert_eq!(found("hooli \"eu\""), ["named"]);
    assert_eq!(found("acme, inc."), ["enable"]);
    // The CSV names each target in English, as before.
    let csv = to_csv(&read.entries);
    assert!(
        csv.contains("organization:con_new (connection con_new (name not known))"),
        "{csv}"
    );
    assert!(
        csv.contains("organization:org_9 (its own login policy)"),
        "{csv}"
    );
}
