//! `cargo xtask test`: every test of the workspace, end-to-end through the real window included.
//!
//! On Linux the tests run inside a private D-Bus session with an unlocked gnome-keyring (the real
//! Secret Service) and an Xvfb display, so the keychain and the window are the real ones.

use crate::lint;
use crate::setup::{self, Needs, Tools};
use crate::sh::{self, Cmd};
use crate::ui;
use crate::{cross, workflows};

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

/// What the whole suite needs: `setup`'s tools, the cross compilers (on Linux, where CI runs)
/// and the workflow checker. `cargo xtask setup` installs the same.
pub fn ensure_all() -> Result<(Tools, Option<cross::Toolchain>, workflows::Checker), String> {
    let tools = setup::ensure(Needs::everything())?;
    let cross = if cfg!(target_os = "linux") {
        Some(cross::ensure()?)
    } else {
        None
    };
    Ok((tools, cross, workflows::ensure()?))
}

pub fn all(args: &[String]) -> Result<(), String> {
    // Before any install or build: a clone of the repository alone must pass.
    lint::all(&sh::root())?;
    let (tools, cross, workflow_checker) = ensure_all()?;
    let extra: Vec<&str> = args.iter().map(String::as_str).collect();

    // The house rules of DESIGN.md: formatted, and clippy-clean with warnings as errors.
    sh::cargo(&["fmt", "--all", "--", "--check"]).status()?;
    // The release and CI workflows cannot run here; their syntax is checked (workflows.rs).
    workflows::check(&workflow_checker)?;
    // The model must build for the UI's target too: its rules run in the browser.
    sh::cargo(&[
        "check",
        "-p",
        "lanyard-model",
        "--target",
        "wasm32-unknown-unknown",
    ])
    .status()?;
    // Before clippy: `generate_context!` embeds ui/dist, which must exist to compile the shell.
    ui::build(&tools, ui::Profile::Release)?;
    sh::cargo(&[
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ])
    .status()?;
    // The same for Windows and macOS, so a change that breaks their build fails here (cross.rs).
    if let Some(toolchain) = &cross {
        cross::clippy(toolchain)?;
    }
    // The binary the end-to-end tests drive; `custom-protocol` is a default feature.
    sh::cargo(&["build", "-p", "lanyard"]).status()?;
    let app = sh::target_dir().join("debug").join(sh::exe("lanyard"));

    // `--include-ignored`: the keychain tests are ignored outside this session. `--no-fail-fast`:
    // one failing test binary must not hide the results of the others.
    let mut unit = vec![
        "test",
        "--workspace",
        "--exclude",
        "lanyard-e2e",
        "--no-fail-fast",
    ];
    unit.extend(&extra);
    unit.extend(["--", "--include-ignored"]);
    let mut totals = Totals::default();
    let unit_result = totals.run(&mut in_session_cmd(&sh::cargo_argv(&unit))?);

    // `--tests`: the harness has no doc tests worth a line of their own.
    let mut e2e = vec!["test", "-p", "lanyard-e2e", "--tests", "--no-fail-fast"];
    e2e.extend(&extra);
    e2e.extend(["--", "--include-ignored", "--test-threads=1"]);
    let mut command = in_session_cmd(&sh::cargo_argv(&e2e))?;
    command.env("LANYARD_E2E_APP", &app);
    if let Some(driver) = &tools.tauri_driver {
        command.env("LANYARD_E2E_DRIVER", driver);
    }
    let e2e_result = totals.run(&mut command);

    println!(
        "\ntests: {} passed, {} failed, {} skipped",
        totals.passed, totals.failed, totals.ignored
    );
    unit_result.and(e2e_result)
}

/// The sum of cargo test's `test result:` lines over every run.
#[derive(Debug, Default)]
struct Totals {
    passed: u64,
    failed: u64,
    ignored: u64,
}

impl Totals {
    fn run(&mut self, command: &mut Cmd) -> Result<(), String> {
        let (result, lines) = command.status_capturing();
        for line in &lines {
            self.add(line);
        }
        result
    }

    fn add(&mut self, line: &str) {
        let Some(rest) = line.trim().strip_prefix("test result: ") else {
            return;
        };
        for part in rest.split([';', '.']) {
            let mut words = part.split_whitespace();
            if let (Some(n), Some(what)) = (
                words.next().and_then(|n| n.parse::<u64>().ok()),
                words.next(),
            ) {
                match what {
                    "passed" => self.passed += n,
                    "failed" => self.failed += n,
                    "ignored" => self.ignored += n,
                    _ => {}
                }
            }
        }
    }
}

/// `argv` wrapped in D-Bus + keyring + Xvfb on Linux; as it is elsewhere.
pub(crate) fn in_session_cmd(argv: &[String]) -> Result<Cmd, String> {
    if !cfg!(target_os = "linux") {
        let mut c = Cmd::new(&argv[0]);
        c.args(&argv[1..]);
        return Ok(c);
    }
    let script = sh::target_dir().join("xtask").join("keychain-session.sh");
    if let Some(parent) = script.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|err| format!("cannot create {}: {err}", parent.display()))?;
    }
    std::fs::write(&script, KEYCHAIN_SESSION)
        .map_err(|err| format!("cannot write {}: {err}", script.display()))?;
    let mut c = Cmd::new("dbus-run-session");
    c.args(["--", "xvfb-run", "-a", "-s", "-screen 0 1280x800x24", "sh"])
        .arg(&script)
        .args(argv);
    Ok(c)
}

#[cfg(test)]
mod tests {
    use super::Totals;

    #[test]
    fn totals_add_up_cargo_test_summaries() {
        let mut t = Totals::default();
        t.add("test result: ok. 3 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.00s");
        t.add("test result: FAILED. 2 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 1.2s");
        t.add("running 3 tests");
        assert_eq!((t.passed, t.failed, t.ignored), (5, 1, 1));
    }
}
