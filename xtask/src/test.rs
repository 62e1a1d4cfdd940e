//! `cargo xtask test`: every test of the workspace, end-to-end through the real window included.
//!
//! On Linux the tests run inside a private D-Bus session with an unlocked gnome-keyring (the real
//! Secret Service) and an Xvfb display, so the keychain and the window are the real ones.

use crate::setup::{self, Needs};
use crate::sh::{self, Cmd};
use crate::ui;

/// The wrapper that gives the tests an unlocked Secret Service (TOOLCHAIN.md, "Keychain").
const KEYCHAIN_SESSION: &str = r#"#!/bin/sh
set -eu
XDG_DATA_HOME="$(mktemp -d)"
XDG_RUNTIME_DIR="$(mktemp -d)"
chmod 700 "$XDG_RUNTIME_DIR"
export XDG_DATA_HOME XDG_RUNTIME_DIR
# The password only unlocks this throw-away keyring in a temp folder.
eval "$(printf '%s' lanyard-test-keyring | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
exec "$@"
"#;

pub fn all(args: &[String]) -> Result<(), String> {
    let tools = setup::ensure(Needs::everything())?;
    let extra: Vec<&str> = args.iter().map(String::as_str).collect();

    // The model must build for the UI's target too: its rules run in the browser.
    sh::cargo(&["check", "-p", "lanyard-model", "--target", "wasm32-unknown-unknown"]).status()?;
    ui::build(&tools, ui::Profile::Release)?;
    // The binary the end-to-end tests drive; `custom-protocol` is a default feature.
    sh::cargo(&["build", "-p", "lanyard"]).status()?;
    let app = sh::target_dir().join("debug").join(sh::exe("lanyard"));

    // `--include-ignored`: the keychain tests are ignored outside this session.
    let mut unit = vec!["test", "--workspace", "--exclude", "lanyard-e2e"];
    unit.extend(&extra);
    unit.extend(["--", "--include-ignored"]);
    in_session(&sh::cargo_argv(&unit))?;

    let mut e2e = vec!["test", "-p", "lanyard-e2e"];
    e2e.extend(&extra);
    e2e.extend(["--", "--include-ignored", "--test-threads=1"]);
    let mut command = in_session_cmd(&sh::cargo_argv(&e2e))?;
    command.env("LANYARD_E2E_APP", &app);
    if let Some(driver) = &tools.tauri_driver {
        command.env("LANYARD_E2E_DRIVER", driver);
    }
    command.status()
}

fn in_session(argv: &[String]) -> Result<(), String> {
    in_session_cmd(argv)?.status()
}

/// `argv` wrapped in D-Bus + keyring + Xvfb on Linux; as it is elsewhere.
fn in_session_cmd(argv: &[String]) -> Result<Cmd, String> {
    if !cfg!(target_os = "linux") {
        let mut c = Cmd::new(&argv[0]);
        c.args(&argv[1..]);
        return Ok(c);
    }
    let script = sh::target_dir().join("xtask").join("keychain-session.sh");
    if let Some(parent) = script.parent() {
        std::fs::create_dir_all(parent).map_err(|err| format!("cannot create {}: {err}", parent.display()))?;
    }
    std::fs::write(&script, KEYCHAIN_SESSION).map_err(|err| format!("cannot write {}: {err}", script.display()))?;
    let mut c = Cmd::new("dbus-run-session");
    c.args(["--", "xvfb-run", "-a", "-s", "-screen 0 1280x800x24", "sh"]).arg(&script).args(argv);
    Ok(c)
}
