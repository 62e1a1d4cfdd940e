//! Bulk-run journals written by the Lanyard before typed target states (version 1) are read as
//! they were shown, listed, exported and undone; one whose states are not of its product's shape
//! is listed as unreadable with the reason. Undo is offered once a run is over, and only then.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

mod support;

use lanyard_model::TargetState;
use lanyard_model::bulk::{ItemStatus, RunState};
use support::*;

const FINISHED: &str = "run-0f1e2d3c-aaaa-bbbb-cccc-000000000001";
const PAUSED: &str = "run-0f1e2d3c-aaaa-bbbb-cccc-000000000002";
const ZITADEL: &str = "run-0f1e2d3c-aaaa-bbbb-cccc-000000000003";

/// A version 1 journal of an enable of github on two organizations: one done, one that needed
/// no change; `state` as given.
fn auth0_run(id: &str, state: &str) -> String {
    let settings = r#"{"organization_connection_name":null,"assign_membership_on_login":false,"show_as_button":true,"is_signup_enabled":false,"organization_access_level":"none","is_enabled":true}"#;
    let change = |org: &str| {
        format!(
            r#"{{"op":"auth0_enable","organization_id":"{org}","request":{{"connection_id":"con_AbCdEf0123456789","is_enabled":true}},"strategy":"github","labels":{{"target":"Org {org}","item":"github"}}}}"#
        )
    };
    let undo = |org: &str| {
        format!(
            r#"{{"op":"auth0_remove","organization_id":"{org}","connection_id":"con_AbCdEf0123456789","expect":{settings},"strategy":"github","labels":{{"target":"Org {org}","item":"github"}}}}"#
        )
    };
    format!(
        r#"{{"version":1,"id":"{id}","profile_id":"bulk-test-auth0","profile_name":"Bulk test","confirm_name":null,
        "op":{{"op":"auth0_enable","request":{{"connection_id":"con_AbCdEf0123456789","is_enabled":true}},"strategy":"github","connection_name":"github"}},
        "summary":"Enable github for 2 organizations","undo_of":null,"created":"2026-11-20T10:00:00Z","state":"{state}","note":null,"planned":2,
        "items":[
          {{"target":{{"id":"org_a","name":"Org org_a"}},"change":{},"current":null,"planned":{settings},"status":"done","message":null,"correlation_id":"c1","read_back":false,"verify":false,"undo":{},"attempts":1}},
          {{"target":{{"id":"org_b","name":"Org org_b"}},"change":{},"current":{settings},"planned":{settings},"status":"skipped","message":null,"correlation_id":null,"read_back":false,"verify":false,"undo":null,"attempts":0}}
        ]}}"#,
        change("org_a"),
        undo("org_a"),
        change("org_b"),
    )
}

fn words(state: &Option<TargetState>) -> String {
    state.as_ref().map(ToString::to_string).unwrap_or_default()
}

#[test]
fn a_version_1_journal_reads_as_it_was_shown_and_its_run_is_undone() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("runs");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join(format!("{FINISHED}.json")),
        auth0_run(FINISHED, "finished"),
    )
    .unwrap();
    std::fs::write(
        folder.join(format!("{PAUSED}.json")),
        auth0_run(PAUSED, "paused"),
    )
    .unwrap();
    // A ZITADEL run whose state is not ZITADEL's shape.
    let zitadel = auth0_run(ZITADEL, "finished")
        .replace(r#""op":"auth0_enable","organization_id":"org_a""#, r#""op":"zitadel_link","scope":{"level":"instance"},"idp_id":"2830","owner_type":"IDP_OWNER_TYPE_SYSTEM","organization_id":"org_a""#);
    std::fs::write(folder.join(format!("{ZITADEL}.json")), zitadel).unwrap();

    let runs = runs_in(dir.path());
    let list = runs.list();
    assert_eq!(list.runs.len(), 2, "{:?}", list.unreadable);
    assert_eq!(list.unreadable.len(), 1);
    assert_eq!(list.unreadable[0].file, format!("{ZITADEL}.json"));
    let reason = list.unreadable[0].reason.to_string();
    assert!(reason.contains("item 0"), "{reason}");

    let v = runs.view(FINISHED).unwrap();
    assert_eq!(v.state, RunState::Finished);
    assert_eq!(
        (words(&v.items[0].current), words(&v.items[0].planned)),
        (
            "not enabled".to_owned(),
            "enabled · button · access none".to_owned()
        )
    );
    assert_eq!(v.items[1].status, ItemStatus::Skipped);
    assert_eq!(v.undoable, 1);
    let csv = runs.csv(FINISHED).unwrap();
    assert!(
        csv.contains("not enabled,enabled · button · access none,Done"),
        "{csv}"
    );

    // Undo is for a run that is over: a paused one is refused, saying what to do.
    let profile = auth0_profile("https://127.0.0.1:1", "client");
    let refused = runs.undo(&profile, PAUSED).unwrap_err().to_string();
    assert!(refused.contains("paused and cannot be undone"), "{refused}");
    let undo = runs.undo(&profile, FINISHED).unwrap();
    let u = runs.view(&undo).unwrap();
    assert_eq!(u.state, RunState::Ready);
    assert_eq!(u.items.len(), 1);
    assert_eq!(
        (words(&u.items[0].current), words(&u.items[0].planned)),
        (
            "enabled · button · access none".to_owned(),
            "not enabled".to_owned()
        ),
        "the undo run goes back from what the run did"
    );

    // The undo run is journaled in this version's format and reads the same after a restart.
    let again = runs_in(dir.path());
    assert_eq!(again.view(&undo).unwrap().items, u.items);
}
