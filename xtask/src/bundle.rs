//! `cargo xtask bundle`: the platform installers, through tauri-cli (installed on first use).
//!
//! tauri-cli wants the config beside the app's Cargo.toml, but ours sits at the repository
//! root (DESIGN.md). For the bundle run only, a copy with its paths rebased is written to
//! `src-tauri/tauri.conf.json` (ignored by git) and removed afterwards.

use std::path::Path;

use crate::setup::{self, Needs};
use crate::sh;
use crate::ui;

/// tauri-cli is large (about 10 minutes to install), so only `bundle` installs it.
const TAURI_CLI: &str = "2.12.4";

pub fn all(args: &[String]) -> Result<(), String> {
    let tools = setup::ensure(Needs::run())?;
    ui::build(&tools, ui::Profile::Release)?;
    // `--prepare`: everything but the tauri CLI run, which the release workflow's tauri-action
    // makes itself (in src-tauri/, from the copy written here and left in place).
    if args.iter().any(|a| a == "--prepare") {
        let root = sh::root();
        return write_rebased_config(
            &root.join("tauri.conf.json"),
            &root.join("src-tauri").join("tauri.conf.json"),
        );
    }
    let cli = std::env::var_os("CARGO_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| std::path::PathBuf::from(h).join(".cargo")))
        .map(|home| home.join("bin").join(sh::exe("cargo-tauri")));
    if !cli.as_ref().is_some_and(|p| p.is_file()) {
        eprintln!("xtask: installing tauri-cli {TAURI_CLI} (once; it takes several minutes)");
        sh::cargo(&[
            "install",
            "tauri-cli",
            "--version",
            &format!("={TAURI_CLI}"),
            "--locked",
        ])
        .status()?;
    }
    let debug = args.iter().any(|a| a == "--debug");
    let root = sh::root();
    let copy = root.join("src-tauri").join("tauri.conf.json");
    write_rebased_config(&root.join("tauri.conf.json"), &copy)?;
    let result = bundles(debug);
    let _ = std::fs::remove_file(&copy);
    result
}

fn bundles(debug: bool) -> Result<(), String> {
    let tauri_build = |bundles: &str| {
        let mut c = sh::cargo(&["tauri", "build", "--bundles", bundles]);
        if debug {
            c.arg("--debug");
        }
        c.current_dir(sh::root().join("src-tauri"));
        c.env("TAURI_APP_PATH", sh::root().join("src-tauri"));
        c
    };
    let primary = if cfg!(target_os = "linux") {
        "deb"
    } else if cfg!(target_os = "macos") {
        "app,dmg"
    } else {
        "msi,nsis"
    };
    tauri_build(primary).status()?;
    // AppImage downloads its runtime at bundle time, which fails offline: try it last and
    // report a failure without hiding the installers that did build.
    if cfg!(target_os = "linux")
        && let Err(err) = tauri_build("appimage").status()
    {
        eprintln!(
            "xtask: the AppImage could not be built ({err}); it needs internet access to fetch its runtime. The .deb above is complete."
        );
    }
    let dir = sh::target_dir()
        .join(if debug { "debug" } else { "release" })
        .join("bundle");
    eprintln!("xtask: installers are in {}", dir.display());
    Ok(())
}

/// The root config with its relative paths made relative to `src-tauri/`.
fn write_rebased_config(from: &Path, to: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(from)
        .map_err(|err| format!("cannot read {}: {err}", from.display()))?;
    let rebased = text
        .replace("\"ui/dist\"", "\"../ui/dist\"")
        .replace("\"assets/", "\"../assets/");
    std::fs::write(to, rebased).map_err(|err| format!("cannot write {}: {err}", to.display()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_relative_path_in_the_config_is_rebased() {
        let root = crate::sh::root().join("tauri.conf.json");
        let text = std::fs::read_to_string(root).expect("config");
        let rebased = text
            .replace("\"ui/dist\"", "\"../ui/dist\"")
            .replace("\"assets/", "\"../assets/");
        // Paths the config holds: the UI and the icons. A new kind of path must be added above.
        for line in rebased.lines().filter(|l| {
            [".png", ".icns", ".ico\"", "dist"]
                .iter()
                .any(|kind| l.contains(kind))
        }) {
            assert!(line.contains("\"../"), "not rebased: {line}");
        }
    }
}
