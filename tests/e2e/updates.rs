//! "Check for updates" in the real window, against a signed update served on loopback (the
//! endpoint and the key, made for this run, given to Lanyard through its environment): the
//! offer shows its version and notes; "Download and install" asks first, then the package
//! downloads and its signature verifies, and this copy (a build, not an installed package) is
//! left as it is. A package signed with another key is refused with the reason. Nothing is
//! ever installed.

#![allow(clippy::expect_used, clippy::unwrap_used)] // a failed step is the test failing

#[path = "../../src-tauri/tests/support/update_server.rs"]
mod update_server;

use lanyard_e2e::{with_app, with_app_env};
use update_server::{Answer, Server, Signer};

const PACKAGE: &[u8] = b"\x7fELF pretend AppImage of Lanyard 9.9.9";

/// A server offering 9.9.9, its package signed by `signer`; the environment that makes
/// Lanyard trust `trusted` and ask this server.
fn offering(trusted: &Signer, signer: &Signer) -> (Server, [(&'static str, String); 2]) {
    let server = Server::start();
    let manifest = server.manifest("9.9.9", &signer.sign(PACKAGE, "9.9.9"));
    server.answer("/latest.json", Answer::ok(manifest));
    server.answer("/package", Answer::ok(PACKAGE));
    let env = [
        ("LANYARD_UPDATE_ENDPOINT", server.url("/latest.json")),
        ("LANYARD_UPDATE_PUBKEY", trusted.pubkey()),
    ];
    (server, env)
}

fn env_of<'a>(env: &'a [(&'static str, String); 2]) -> Vec<(&'static str, &'a str)> {
    env.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

#[tokio::test]
#[ignore = "drives the real window; run with `cargo xtask test`"]
async fn a_signed_update_is_offered_downloads_and_verifies_and_this_build_is_left_alone() {
    let signer = Signer::new();
    let (server, env) = offering(&signer, &signer);
    with_app_env("update_offer", &env_of(&env), async |app| {
        app.click("[data-testid=update-check]").await?;
        app.wait_text("[data-testid=update-status]", |t| {
            t.contains("Lanyard 9.9.9 is available")
        })
        .await?;
        app.wait_text("[data-testid=update-notes]", |t| {
            t.contains("Faster inventory.") && t.contains("<b>not markup</b>")
        })
        .await?;
        app.screenshot("update_offer_notes").await?;
        app.click("[data-testid=update-install]").await?;
        app.wait_text("[data-testid=update-status]", |t| {
            t.contains("Download Lanyard 9.9.9 from 127.0.0.1")
        })
        .await?;
        app.click("[data-testid=update-confirm]").await?;
        app.wait_text("[data-testid=update-status]", |t| {
            t.contains("its signature is valid") && t.contains("nothing was installed")
        })
        .await?;
        Ok(())
    })
    .await;
    assert_eq!(*server.asked.lock().unwrap(), ["/latest.json", "/package"]);
}

#[tokio::test]
#[ignore = "drives the real window; run with `cargo xtask test`"]
async fn a_package_signed_with_another_key_is_refused_with_the_reason() {
    let (trusted, stranger) = (Signer::new(), Signer::new());
    let (_server, env) = offering(&trusted, &stranger);
    with_app_env("update_bad_signature", &env_of(&env), async |app| {
        app.click("[data-testid=update-check]").await?;
        app.wait_text("[data-testid=update-status]", |t| {
            t.contains("9.9.9 is available")
        })
        .await?;
        app.click("[data-testid=update-install]").await?;
        app.click("[data-testid=update-confirm]").await?;
        app.wait_text("[data-testid=update-status]", |t| {
            t.contains("signature is not valid") && t.contains("Nothing was changed")
        })
        .await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
#[ignore = "drives the real window; run with `cargo xtask test`"]
async fn without_an_update_server_the_window_says_how_to_set_one() {
    with_app("update_off", async |app| {
        app.click("[data-testid=update-check]").await?;
        app.wait_text("[data-testid=update-status]", |t| {
            t.contains("Updates are off") && t.contains("LANYARD_UPDATE_ENDPOINT")
        })
        .await?;
        // The dialog stays until it is closed.
        tokio::time::sleep(std::time::Duration::from_secs(2)).await;
        app.find("[data-testid=update-status]").await?;
        Ok(())
    })
    .await;
}
