//! `cargo xtask bundle`: the platform installers, through tauri-cli (installed on first use).

use crate::setup::{self, Needs};
use crate::sh::{self, Cmd};
use crate::ui;

/// tauri-cli is large (about 10 minutes to install), so only `bundle` installs it.
const TAURI_CLI: &str = "2.9.6";

pub fn all(_args: &[String]) -> Result<(), String> {
    let tools = setup::ensure(Needs::run())?;
    ui::build(&tools, ui::Profile::Release)?;
    let cli = std::env::var_os("HOME").map(|h| {
        std::path::PathBuf::from(h)
            .join(".cargo/bin")
            .join(sh::exe("cargo-tauri"))
    });
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
    // AppImage downloads a runtime at bundle time, which fails offline; it is tried last and
    // its failure is reported without hiding the installers that did build.
    let primary = if cfg!(target_os = "linux") {
        "deb"
    } else if cfg!(target_os = "macos") {
        "app,dmg"
    } else {
        "msi,nsis"
    };
    Cmd::new("cargo")
        .args([
            "tauri",
            "build",
            "--bundles",
            primary,
            "--config",
            "tauri.conf.json",
        ])
        .current_dir(sh::root().join("src-tauri"))
        .status()?;
    if cfg!(target_os = "linux")
        && let Err(err) = Cmd::new("cargo")
            .args([
                "tauri",
                "build",
                "--bundles",
                "appimage",
                "--config",
                "tauri.conf.json",
            ])
            .current_dir(sh::root().join("src-tauri"))
            .status()
    {
        eprintln!(
            "xtask: the AppImage could not be built ({err}); it needs internet access to fetch its runtime. The .deb above is complete."
        );
    }
    Ok(())
}
