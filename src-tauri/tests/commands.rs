//! Commands through Tauri's mock runtime, with the app's real config and capability files:
//! what the webview may call, and what it gets back.

#![allow(clippy::expect_used, clippy::unwrap_used)] // a failed step is the test failing

mod support;

use lanyard_app::state::AppState;
use lanyard_model::ipc::{self, NoArgs};
use tauri::Manager;

use support::{app, app_in, call, invoke, invoke_with, window};

#[test]
fn app_info_answers_the_version_to_the_main_window() {
    let (app, _home) = app();
    let main = window(&app, "main");
    let answer =
        call::<ipc::AppInfo>(&main, &NoArgs {}).expect("app_info is granted to the main window");
    assert_eq!(answer.version, env!("CARGO_PKG_VERSION"));
    assert_eq!(answer.profiles.len(), 3, "the built-in Sandbox profiles");
}

#[test]
fn a_command_no_capability_grants_is_refused() {
    let (app, _home) = app();
    let main = window(&app, "main");
    let refused = invoke(&main, "not_granted").expect_err("an ungranted command must not run");
    let text = refused.to_string();
    assert!(
        text.contains("not_granted") && text.contains("not allowed"),
        "{text}"
    );
}

#[test]
fn another_window_gets_none_of_the_commands() {
    let (app, _home) = app();
    let other = window(&app, "other");
    let refused =
        invoke(&other, "app_info").expect_err("the capability names the main window only");
    assert!(refused.to_string().contains("not allowed"), "{refused}");
}

#[test]
fn a_bad_id_comes_back_as_a_validation_error_naming_the_field() {
    let (app, _home) = app();
    let main = window(&app, "main");
    let err = invoke_with(
        &main,
        "auth0_org_connections",
        serde_json::json!({"profile_id": "sandbox-auth0", "organization_id": "org/../x"}),
    )
    .expect_err("a path character in an id is refused");
    assert_eq!(err["kind"], "validation", "{err}");
    // A field's problem is typed (`FieldProblem`); this one is Lanyard's own words about a path.
    let problem = &err["fields"]["organization_id"][0];
    assert!(problem.to_string().contains("path"), "{err}");
}

#[test]
fn a_change_breaking_a_rule_is_refused_with_field_errors_and_nothing_is_sent() {
    let (app, home) = app();
    let main = window(&app, "main");
    let change = serde_json::json!({
        "op": "auth0_enable",
        "organization_id": "org_1",
        "request": {"connection_id": "con_1", "is_enabled": true, "is_signup_enabled": true, "assign_membership_on_login": false},
        "strategy": "okta",
        "labels": {"target": "Acme", "item": "Okta"}
    });
    let err = invoke_with(
        &main,
        "change_apply",
        serde_json::json!({"profile_id": "sandbox-auth0", "change": change}),
    )
    .expect_err("the signup rule is broken twice");
    assert_eq!(err["kind"], "validation", "{err}");
    assert_eq!(
        err["fields"]["is_signup_enabled"].as_array().unwrap().len(),
        2,
        "{err}"
    );
    assert!(
        !home.path().join("data/audit.jsonl").exists(),
        "nothing was sent, so nothing was logged"
    );
}

#[test]
fn a_bulk_change_breaking_a_rule_or_naming_no_run_is_refused_and_nothing_is_planned() {
    let (app, home) = app();
    let main = window(&app, "main");
    let op = serde_json::json!({
        "op": "auth0_enable",
        "request": {"connection_id": "con_1", "is_enabled": true, "is_signup_enabled": true, "assign_membership_on_login": false},
        "strategy": "okta",
        "connection_name": "Okta"
    });
    let targets = serde_json::json!([{"id": "org_1", "name": "Acme"}]);
    let err = invoke_with(
        &main,
        "bulk_plan",
        serde_json::json!({"profile_id": "sandbox-auth0", "op": op, "targets": targets}),
    )
    .expect_err("the signup rule is broken");
    assert_eq!(err["kind"], "validation", "{err}");
    assert!(err["fields"]["is_signup_enabled"].is_array(), "{err}");
    assert!(
        !home.path().join("data/runs").exists(),
        "no run was journaled"
    );

    let err = invoke_with(
        &main,
        "bulk_view",
        serde_json::json!({"run_id": "run-../../config/settings", "page": {}}),
    )
    .expect_err("no such run");
    assert_eq!(err["kind"], "configuration", "{err}");
    assert_eq!(err["problem"]["problem"], "run_not_found", "{err}");
    assert_eq!(err["problem"]["run"], "run-../../config/settings", "{err}");
}

#[test]
fn a_profile_form_with_errors_gets_every_field_error_back() {
    let (app, _home) = app();
    let main = window(&app, "main");
    let draft = serde_json::json!({"product": "auth0", "display_name": "", "address": "http://acme.auth0.com", "client_id": "", "environment": "production", "secret": ""});
    let err = invoke_with(&main, "profile_add", serde_json::json!({"draft": draft}))
        .expect_err("invalid form");
    assert_eq!(err["kind"], "validation");
    for field in ["display_name", "address", "client_id", "secret"] {
        assert!(err["fields"][field].is_array(), "{field} missing in {err}");
    }
}

#[test]
fn no_ipc_payload_carries_a_secret() {
    let (app, _home) = app();
    let main = window(&app, "main");
    // app_info lists the built-in Sandbox profiles, whose secrets live in memory.
    let info = invoke(&main, "app_info").expect("app_info");
    assert_eq!(info["profiles"].as_array().map(Vec::len), Some(3), "{info}");
    let text = info.to_string();
    // The credentials the built-in sandbox made at its start.
    let builtin = app
        .state::<AppState>()
        .console
        .running_sandbox()
        .expect("app_info started the built-in sandbox");
    let made = builtin.sandbox.credentials();
    for secret in [
        made.auth0_client_secret.as_str(),
        made.auth0_readonly_client_secret.as_str(),
        made.zitadel_pat.as_str(),
        made.hub_token.as_str(),
        builtin.sandbox.admin_token(),
    ] {
        assert!(!text.contains(secret), "app_info leaks {secret}");
    }
}

#[test]
fn with_a_profile_of_ones_own_the_sandbox_starts_only_when_tried() {
    let home = tempfile::tempdir().expect("temp dir");
    let own = serde_json::json!({"profiles": [{
        "id": "p-acme", "product": "hub", "display_name": "Acme Hub",
        "base_url": "https://hub.acme.example/hub", "auth": {"method": "hub_permanent_token"},
        "environment": "production", "secret_ref": "p-acme", "builtin": false
    }]});
    std::fs::create_dir_all(home.path().join("config")).expect("config dir");
    std::fs::write(home.path().join("config/profiles.json"), own.to_string()).expect("write");
    let (app, _home) = app_in(home);
    let main = window(&app, "main");
    let ids = |info: &serde_json::Value| -> Vec<String> {
        info["profiles"]
            .as_array()
            .expect("profiles")
            .iter()
            .map(|p| p["id"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    let info = invoke(&main, "app_info").expect("app_info");
    assert_eq!(ids(&info), ["p-acme"], "{info}");
    let console = app.state::<AppState>().console.clone();
    assert!(
        console.running_sandbox().is_none(),
        "no sandbox was started"
    );

    invoke(&main, "profiles_try_sandbox").expect("granted to the main window");
    let info = invoke(&main, "app_info").expect("app_info");
    assert_eq!(
        ids(&info),
        ["p-acme", "sandbox-auth0", "sandbox-zitadel", "sandbox-hub"]
    );
    assert!(console.running_sandbox().is_some());
}
