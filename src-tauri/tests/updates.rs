//! "Check for updates" against a signed update served on loopback, through Lanyard's updater
//! with Tauri's real updater plugin (mock runtime): a valid package is offered and verifies; a
//! package signed with another key, a tampered one, or one signed for another version is
//! refused with a clear message, and nothing is installed. Nothing here ever installs: the
//! tests stop at the verified package, and the install path refuses a copy that was not
//! installed from a package (a test binary never is).

#![allow(clippy::expect_used, clippy::unwrap_used)] // a failed step is the test failing

mod support;
#[path = "support/update_server.rs"]
mod update_server;

use std::time::Duration;

use lanyard_app::updater::{Limits, UpdateSource, Updates};
use lanyard_model::ipc::{self, Command as _, NoArgs, UpdateInstallArgs};
use lanyard_model::update::{UpdateCheck, UpdatePart, UpdateProblem, UpdateProgress};
use tauri::test::{MockRuntime, mock_builder};
use tauri::{App, Manager};

use update_server::{Answer, Server, Signer};

const PACKAGE: &[u8] = b"\x7fELF pretend AppImage of Lanyard 9.9.9";

fn app_with(updates: Updates) -> App<MockRuntime> {
    let mut context = tauri::generate_context!("../tauri.conf.json");
    lanyard_app::updater::configure(&mut context);
    mock_builder()
        .invoke_handler(lanyard_app::commands::handler())
        .plugin(lanyard_app::updater::plugin())
        .manage(updates)
        .build(context)
        .expect("the app builds with the updater plugin")
}

/// A server offering 9.9.9 with `package`, signed by `signer` for `signed_for`, and the app
/// trusting `trusted`'s key.
fn offering(
    trusted: &Signer,
    signer: &Signer,
    signed_for: &str,
    package: &[u8],
    limits: Limits,
) -> (Server, App<MockRuntime>) {
    let server = Server::start();
    let manifest = server.manifest("9.9.9", &signer.sign(PACKAGE, signed_for));
    server.answer("/latest.json", Answer::ok(manifest));
    server.answer("/package", Answer::ok(package));
    let app = app_with(updates_from(&server, trusted, limits));
    (server, app)
}

fn updates_from(server: &Server, signer: &Signer, limits: Limits) -> Updates {
    let source =
        UpdateSource::from_settings(Some(&server.url("/latest.json")), Some(&signer.pubkey()));
    assert!(
        matches!(source, Ok(Some(_))),
        "a loopback endpoint and a real key are accepted"
    );
    Updates::new(source, limits)
}

/// Checks, expecting an offer of `version`.
fn offered(app: &App<MockRuntime>, version: &str) -> tauri_plugin_updater::Update {
    let updates = app.state::<Updates>();
    match tauri::async_runtime::block_on(updates.check(app.handle())) {
        UpdateCheck::Available(offer) => {
            assert_eq!(offer.version, version);
            assert_eq!(offer.current, env!("CARGO_PKG_VERSION"));
            assert_eq!(
                offer.notes.as_deref(),
                Some("Faster inventory.\n<b>not markup</b>")
            );
            assert_eq!(offer.published.as_deref(), Some("2026-11-30T12:00:00Z"));
            assert!(
                offer.download_host.starts_with("127.0.0.1:"),
                "{}",
                offer.download_host
            );
        }
        other => panic!("expected an offer of {version}, got {other:?}"),
    }
    updates
        .offered()
        .expect("the offer is kept for the install")
}

fn download(
    app: &App<MockRuntime>,
    update: &tauri_plugin_updater::Update,
) -> Result<Vec<u8>, UpdateProblem> {
    let updates = app.state::<Updates>();
    tauri::async_runtime::block_on(updates.download_verified(update)).map(|p| p.bytes)
}

#[test]
fn a_validly_signed_update_is_offered_with_its_notes_and_its_download_verifies() {
    let signer = Signer::new();
    let (server, app) = offering(&signer, &signer, "9.9.9", PACKAGE, Limits::default());

    let update = offered(&app, "9.9.9");
    let package = download(&app, &update).expect("the signature is valid");
    assert_eq!(package, PACKAGE);
    assert_eq!(*server.asked.lock().unwrap(), ["/latest.json", "/package"]);
}

#[test]
fn a_package_signed_with_another_key_is_refused_and_not_installed() {
    let (trusted, stranger) = (Signer::new(), Signer::new());
    let (_server, app) = offering(&trusted, &stranger, "9.9.9", PACKAGE, Limits::default());

    let update = offered(&app, "9.9.9");
    let refused = download(&app, &update).expect_err("another key's signature");
    assert!(
        matches!(refused, UpdateProblem::BadSignature { .. }),
        "{refused:?}"
    );
    let text = refused.to_string();
    assert!(
        text.contains("signature is not valid") && text.contains("Nothing was changed"),
        "{text}"
    );
}

#[test]
fn a_tampered_package_is_refused() {
    let signer = Signer::new();
    let tampered = [PACKAGE, b" and something else"].concat();
    let (_server, app) = offering(&signer, &signer, "9.9.9", &tampered, Limits::default());

    let update = offered(&app, "9.9.9");
    let refused = download(&app, &update).expect_err("the bytes are not the signed ones");
    assert!(
        matches!(refused, UpdateProblem::BadSignature { .. }),
        "{refused:?}"
    );
}

#[test]
fn an_old_release_announced_as_a_new_version_is_refused() {
    // A genuine package of 0.0.9 with its genuine signature, announced as 9.9.9: a downgrade.
    let signer = Signer::new();
    let (_server, app) = offering(&signer, &signer, "0.0.9", PACKAGE, Limits::default());

    let update = offered(&app, "9.9.9");
    let refused = download(&app, &update).expect_err("signed for another version");
    let expected = UpdateProblem::SignedForAnotherVersion {
        signed: "0.0.9".into(),
        announced: "9.9.9".into(),
    };
    assert_eq!(refused, expected);
}

#[test]
fn the_same_or_an_older_version_or_no_content_is_up_to_date() {
    let (server, signer) = (Server::start(), Signer::new());
    let app = app_with(updates_from(&server, &signer, Limits::default()));
    let updates = app.state::<Updates>();
    for answer in [
        Answer::ok(server.manifest(env!("CARGO_PKG_VERSION"), &signer.sign(PACKAGE, "0.1.0"))),
        Answer::ok(server.manifest("0.0.1", &signer.sign(PACKAGE, "0.0.1"))),
        Answer::status(204),
    ] {
        server.answer("/latest.json", answer);
        let check = tauri::async_runtime::block_on(updates.check(app.handle()));
        assert_eq!(
            check,
            UpdateCheck::UpToDate {
                current: env!("CARGO_PKG_VERSION").into()
            }
        );
    }
}

#[test]
fn a_release_build_configured_in_tauris_configuration_is_offered_the_update() {
    // As `tauri build --config` gives a release its endpoint and key: `plugins.updater`.
    let signer = Signer::new();
    let server = Server::start();
    let manifest = server.manifest("9.9.9", &signer.sign(PACKAGE, "9.9.9"));
    server.answer("/latest.json", Answer::ok(manifest));
    let mut context = tauri::generate_context!("../tauri.conf.json");
    context.config_mut().plugins.0.insert(
        "updater".into(),
        serde_json::json!({"pubkey": signer.pubkey(), "endpoints": [server.url("/latest.json")]}),
    );
    lanyard_app::updater::configure(&mut context);
    let app = mock_builder()
        .plugin(lanyard_app::updater::plugin())
        .manage(Updates::from_env())
        .build(context)
        .expect("the app builds with the updater plugin");
    offered(&app, "9.9.9");
}

#[test]
fn updates_are_off_until_configured() {
    let app = app_with(Updates::new(Ok(None), Limits::default()));
    let check = tauri::async_runtime::block_on(app.state::<Updates>().check(app.handle()));
    assert_eq!(check, UpdateCheck::NotConfigured);
}

fn failed_check(server: &Server, signer: &Signer, limits: Limits) -> UpdateProblem {
    let app = app_with(updates_from(server, signer, limits));
    match tauri::async_runtime::block_on(app.state::<Updates>().check(app.handle())) {
        UpdateCheck::Failed { problem } => problem,
        other => panic!("expected a failure, got {other:?}"),
    }
}

#[test]
fn what_the_server_sends_is_bounded_in_size_and_time() {
    let (server, signer) = (Server::start(), Signer::new());
    let small = Limits {
        manifest_bytes: 4 * 1024,
        package_bytes: 16,
        manifest_time: Duration::from_secs(1),
        ..Limits::default()
    };
    // A manifest larger than the limit, announced or not.
    for with_length in [true, false] {
        server.answer(
            "/latest.json",
            Answer {
                with_length,
                ..Answer::ok(vec![b' '; 64 * 1024])
            },
        );
        let problem = failed_check(&server, &signer, small);
        assert_eq!(
            problem,
            UpdateProblem::TooLarge {
                part: UpdatePart::Manifest,
                limit_bytes: 4 * 1024
            }
        );
    }
    // A package larger than the limit, read only up to it.
    server.answer(
        "/latest.json",
        Answer::ok(server.manifest("9.9.9", &signer.sign(PACKAGE, "9.9.9"))),
    );
    server.answer(
        "/package",
        Answer {
            with_length: false,
            ..Answer::ok(PACKAGE)
        },
    );
    let app = app_with(updates_from(&server, &signer, small));
    let update = offered(&app, "9.9.9");
    let refused = download(&app, &update).expect_err("too large");
    assert_eq!(
        refused,
        UpdateProblem::TooLarge {
            part: UpdatePart::Package,
            limit_bytes: 16
        }
    );
    // A server that stops answering.
    server.answer(
        "/latest.json",
        Answer {
            stall: Some(Duration::from_secs(5)),
            ..Answer::ok(b"{}".to_vec())
        },
    );
    let problem = failed_check(&server, &signer, small);
    assert!(
        matches!(problem, UpdateProblem::TimedOut { .. }),
        "{problem:?}"
    );
}

#[test]
fn a_bad_manifest_names_its_cause() {
    let (server, signer) = (Server::start(), Signer::new());
    server.answer(
        "/latest.json",
        Answer::ok(b"<html>proxy login</html>".to_vec()),
    );
    assert!(matches!(
        failed_check(&server, &signer, Limits::default()),
        UpdateProblem::UnreadableManifest { .. }
    ));

    server.answer("/latest.json", Answer::status(503));
    let problem = failed_check(&server, &signer, Limits::default());
    assert!(
        matches!(
            problem,
            UpdateProblem::Refused {
                status: 503,
                part: UpdatePart::Manifest,
                ..
            }
        ),
        "{problem:?}"
    );

    // A package for another computer only.
    let manifest = serde_json::json!({
        "version": "9.9.9",
        "platforms": {"plan9-mips": {"url": server.url("/package"), "signature": signer.sign(PACKAGE, "9.9.9")}},
    });
    server.answer("/latest.json", Answer::ok(manifest.to_string()));
    let problem = failed_check(&server, &signer, Limits::default());
    assert!(
        matches!(problem, UpdateProblem::NoPackageForThisComputer { .. }),
        "{problem:?}"
    );
}

#[test]
fn a_package_or_a_redirect_off_https_is_refused_before_anything_is_read() {
    let (server, signer) = (Server::start(), Signer::new());
    let manifest = serde_json::json!({
        "version": "9.9.9",
        "url": "http://updates.example.com/Lanyard.AppImage",
        "signature": signer.sign(PACKAGE, "9.9.9"),
    });
    server.answer("/latest.json", Answer::ok(manifest.to_string()));
    assert_eq!(
        failed_check(&server, &signer, Limits::default()),
        UpdateProblem::NotHttps {
            host: "updates.example.com".into()
        }
    );

    server.answer(
        "/latest.json",
        Answer {
            headers: vec!["Location: http://updates.example.com/latest.json".into()],
            ..Answer::status(302)
        },
    );
    assert_eq!(
        failed_check(&server, &signer, Limits::default()),
        UpdateProblem::NotHttps {
            host: "updates.example.com".into()
        }
    );
}

/// Through the main window's commands, as the UI calls them: check, install, then the progress
/// until it ends.
fn install_through_the_window(app: &App<MockRuntime>, version: &str) -> UpdateProgress {
    let main = support::window(app, "main");
    let check = support::call::<ipc::UpdateCheck>(&main, &NoArgs {}).expect("update_check");
    assert!(
        matches!(&check, UpdateCheck::Available(o) if o.version == version),
        "{check:?}"
    );
    let args = UpdateInstallArgs {
        version: version.to_owned(),
    };
    let mut progress = support::call::<ipc::UpdateInstall>(&main, &args).expect("update_install");
    for _ in 0..400 {
        if !progress.is_running() {
            return progress;
        }
        std::thread::sleep(Duration::from_millis(25));
        progress =
            support::call::<ipc::UpdateProgress>(&main, &NoArgs {}).expect("update_progress");
    }
    panic!("the download did not end: {progress:?}");
}

#[test]
fn through_the_window_a_valid_update_verifies_but_a_copy_not_installed_from_a_package_is_left_alone()
 {
    let signer = Signer::new();
    let (server, app) = offering(&signer, &signer, "9.9.9", PACKAGE, Limits::default());
    let end = install_through_the_window(&app, "9.9.9");
    let expected = UpdateProblem::NotAnInstalledCopy {
        version: "9.9.9".into(),
    };
    assert_eq!(end, UpdateProgress::Failed { problem: expected });
    assert_eq!(*server.asked.lock().unwrap(), ["/latest.json", "/package"]);
}

#[test]
fn through_the_window_a_bad_signature_stops_before_the_install() {
    let (trusted, stranger) = (Signer::new(), Signer::new());
    let (_server, app) = offering(&trusted, &stranger, "9.9.9", PACKAGE, Limits::default());
    let end = install_through_the_window(&app, "9.9.9");
    assert!(
        matches!(
            &end,
            UpdateProgress::Failed {
                problem: UpdateProblem::BadSignature { .. }
            }
        ),
        "{end:?}"
    );
}

#[test]
fn the_window_cannot_install_a_version_no_check_offered() {
    let signer = Signer::new();
    let (server, app) = offering(&signer, &signer, "9.9.9", PACKAGE, Limits::default());
    let main = support::window(&app, "main");
    let args = UpdateInstallArgs {
        version: "9.9.9".into(),
    };
    let refused = support::call::<ipc::UpdateInstall>(&main, &args).expect("update_install");
    let expected = UpdateProblem::NotOffered {
        version: "9.9.9".into(),
    };
    assert_eq!(refused, UpdateProgress::Failed { problem: expected });
    assert!(server.asked.lock().unwrap().is_empty(), "nothing was read");
    let empty = support::invoke_with(
        &main,
        ipc::UpdateInstall::NAME,
        serde_json::json!({"version": " "}),
    );
    assert!(empty.expect_err("an empty version")["fields"]["version"].is_array());
}
