//! The IPC contract (`lanyard_model::ipc`) against what the shell really does: the capability
//! file and `build.rs` name exactly its commands, the handler routes each of them to a function
//! that reads that command's arguments, and what the webview sends is checked, never trusted.

#![allow(clippy::expect_used, clippy::unwrap_used)] // a failed step is the test failing

mod support;

use std::collections::BTreeSet;

use lanyard_model::CommandError;
use lanyard_model::audit::ExportFormat;
use lanyard_model::catalogue::ShellLanguage;
use lanyard_model::ipc::{self, ALL_COMMANDS, Command, NoArgs, permission};

use support::{app, call, invoke_with, window};

fn contract() -> BTreeSet<String> {
    ALL_COMMANDS.iter().map(|name| (*name).to_owned()).collect()
}

#[test]
fn the_capability_file_grants_the_main_window_exactly_the_contracts_commands() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/capabilities/main.json");
    let file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("capability file"))
            .expect("JSON");
    assert_eq!(file["windows"], serde_json::json!(["main"]));
    let granted: BTreeSet<String> = file["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .map(|p| p.as_str().expect("a permission name").to_owned())
        .collect();
    let wanted: BTreeSet<String> = ALL_COMMANDS.iter().map(|n| permission(n)).collect();
    assert_eq!(
        granted, wanted,
        "capabilities/main.json must grant allow-<name> for each of lanyard_model::ipc::ALL_COMMANDS and nothing else"
    );
}

#[test]
fn build_rs_makes_the_permissions_from_the_contracts_list() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/build.rs"))
        .expect("build.rs");
    assert!(
        text.contains(".commands(lanyard_model::ipc::ALL_COMMANDS)"),
        "build.rs must hand ALL_COMMANDS to AppManifest::commands"
    );
    for name in contract() {
        assert!(
            !text.contains(&format!("\"{name}\"")),
            "build.rs names {name} by hand; the list is lanyard_model::ipc::ALL_COMMANDS"
        );
    }
}

#[test]
fn every_command_of_the_contract_is_handled_granted_and_reads_its_own_arguments() {
    let (app, _home) = app();
    let main = window(&app, "main");
    for name in contract() {
        // An unknown field is refused by every argument struct before the command runs, so this
        // reaches the function Tauri routes `name` to without doing anything.
        let err = invoke_with(&main, &name, serde_json::json!({"not_an_argument": 1}))
            .expect_err("an unknown argument is refused");
        let err: CommandError = serde_json::from_value(err.clone()).unwrap_or_else(|_| {
            panic!("{name} is not handled, not granted or not a Lanyard command: {err}")
        });
        assert!(
            matches!(err, CommandError::Validation { .. }),
            "{name} answered {err:?}"
        );
    }
    let err = invoke_with(&main, "hub_groups", serde_json::json!({})).expect_err("old name");
    assert!(err.to_string().contains("not allowed"), "{err}");
}

#[test]
fn malformed_arguments_are_validation_errors_naming_the_field_never_a_panic() {
    let (app, _home) = app();
    let main = window(&app, "main");
    let bodies = [
        serde_json::json!(null),
        serde_json::json!([]),
        serde_json::json!("profile_id"),
        serde_json::json!({"profile_id": null}),
        serde_json::json!({"profile_id": ["p"], "run_id": 7, "change": {"op": "nonsense"}}),
        serde_json::json!({"targets": [[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]}),
    ];
    for name in contract() {
        for body in &bodies {
            let err = invoke_with(&main, &name, body.clone()).expect_err("refused");
            assert_eq!(err["kind"], "validation", "{name} {body}: {err}");
            assert!(
                err["fields"].as_object().is_some_and(|f| !f.is_empty()),
                "{err}"
            );
        }
    }
    let err = invoke_with(
        &main,
        ipc::BulkControl::NAME,
        serde_json::json!({"run_id": "run-1", "action": "explode"}),
    )
    .expect_err("no such action");
    // A field's problem is typed (`FieldProblem`); this one quotes the action it refused.
    assert!(
        err["fields"]["action"][0].to_string().contains("explode"),
        "{err}"
    );
    let err = invoke_with(
        &main,
        ipc::ActivityExport::NAME,
        serde_json::json!({"format": "xml"}),
    )
    .expect_err("no such format");
    assert!(err["fields"]["format"].is_array(), "{err}");
    // A page is bounded: the window cannot ask for the whole log at once.
    let err = invoke_with(
        &main,
        ipc::ActivityPage::NAME,
        serde_json::json!({"filter": "", "offset": 0, "limit": 1_000_000, "sequence": 1}),
    )
    .expect_err("too big a page");
    assert!(err["fields"]["limit"].is_array(), "{err}");
    // So is a poll of a bulk run: its rows come a page at a time.
    let err = invoke_with(
        &main,
        ipc::BulkView::NAME,
        serde_json::json!({"run_id": "run-1", "page": {"filter": "failed", "offset": 0, "limit": 10_000}}),
    )
    .expect_err("too big a page");
    assert!(err["fields"]["page"].is_array(), "{err}");
    let err = invoke_with(
        &main,
        ipc::BulkView::NAME,
        serde_json::json!({"run_id": "run-1", "page": {"filter": "sideways"}}),
    )
    .expect_err("no such filter");
    assert_eq!(err["kind"], "validation", "{err}");
}

#[test]
fn replies_read_back_as_the_contracts_types() {
    let (app, _home) = app();
    let main = window(&app, "main");
    let runs = call::<ipc::BulkRuns>(&main, &NoArgs {}).expect("bulk_runs");
    assert!(runs.runs.is_empty() && runs.unreadable.is_empty());
    let activity = call::<ipc::ActivityPage>(
        &main,
        &ipc::ActivityPageArgs {
            filter: String::new(),
            offset: 0,
            limit: 100,
            sequence: 1,
        },
    )
    .expect("activity_page");
    assert!(activity.entries.is_empty() && activity.skipped_lines == 0);
    assert_eq!((activity.matching, activity.total), (0, 0));
    assert!(activity.path.ends_with("audit.jsonl"), "{}", activity.path);
    let csv = call::<ipc::ActivityExport>(
        &main,
        &ipc::ActivityExportArgs {
            format: ExportFormat::Csv,
        },
    )
    .expect("activity_export");
    assert!(csv.starts_with("time,who,profile"), "{csv}");
    let json = call::<ipc::ActivityExport>(
        &main,
        &ipc::ActivityExportArgs {
            format: ExportFormat::Json,
        },
    )
    .expect("activity_export");
    assert_eq!(json, "[]");
    let missing = call::<ipc::ProfileTest>(
        &main,
        &ipc::ProfileArgs {
            profile_id: "p-none".into(),
        },
    )
    .expect_err("no such profile");
    assert!(
        matches!(missing, CommandError::NotFound { .. }),
        "{missing:?}"
    );
}

/// The window asks the shell for its words: each language comes back as that language's
/// catalogue, whole (`<tag>.ftl` and its area files); a language Lanyard has no words for is
/// refused, naming the field.
#[test]
fn app_catalogue_answers_the_languages_the_shell_keeps_and_no_other() {
    let (app, _home) = app();
    let main = window(&app, "main");
    // Each language's own key line (ja.ftl or en.ftl), a key of its last area file, and a word
    // only the other language's catalogue has.
    let cases = [
        (ShellLanguage::Ja, "\napp-language = 言語\n", "= Language\n"),
        (ShellLanguage::En, "\napp-language = Language\n", "言語"),
    ];
    for (language, own, other) in cases {
        let words = call::<ipc::AppCatalogue>(&main, &ipc::CatalogueArgs { language })
            .expect("app_catalogue");
        assert!(words.contains(own), "{language:?}: its <tag>.ftl");
        assert!(
            words.contains("\napp-language-not-loaded = "),
            "{language:?}: its language.ftl"
        );
        assert!(!words.contains(other), "{language:?}: the other's words");
    }
    for language in ["fr", "ja-JP", "EN", ""] {
        let err = invoke_with(
            &main,
            ipc::AppCatalogue::NAME,
            serde_json::json!({ "language": language }),
        )
        .expect_err("no such catalogue in the shell");
        assert_eq!(err["kind"], "validation", "{language}: {err}");
        assert!(err["fields"]["language"].is_array(), "{language}: {err}");
    }
}
