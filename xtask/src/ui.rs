//! Builds the Leptos UI into `ui/dist`: wasm32 build, wasm-bindgen, wasm-opt, static files.

use std::path::Path;

use crate::setup::{Tools, WasmStd};
use crate::sh::{self, Cmd};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    Debug,
    Release,
}

impl Profile {
    pub fn from_args(args: &[String]) -> Self {
        if args.iter().any(|a| a == "--release") {
            Profile::Release
        } else {
            Profile::Debug
        }
    }
}

pub fn build(tools: &Tools, profile: Profile) -> Result<(), String> {
    let root = sh::root();
    let mut args = vec![
        "build",
        "-p",
        "lanyard-ui",
        "--target",
        "wasm32-unknown-unknown",
    ];
    if profile == Profile::Release {
        args.extend(["--profile", "wasm-release"]);
    }
    match tools.wasm_std {
        WasmStd::Rustup => sh::cargo(&args).status()?,
        WasmStd::DebianBuildStd => {
            // `/usr/bin/cargo` by name: ~/.cargo/bin comes first on PATH (TOOLCHAIN.md).
            let mut c = Cmd::new("/usr/bin/cargo");
            c.args(&args)
                .args(["-Z", "build-std=std,panic_abort"])
                .env("RUSTC_BOOTSTRAP", "1")
                .env("RUSTC", "/usr/bin/rustc")
                .env("RUSTDOC", "/usr/bin/rustdoc");
            c.status()?
        }
    }
    let profile_dir = if profile == Profile::Release {
        "wasm-release"
    } else {
        "debug"
    };
    let wasm = sh::target_dir()
        .join("wasm32-unknown-unknown")
        .join(profile_dir)
        .join("lanyard-ui.wasm");
    let dist = root.join("ui").join("dist");
    if dist.exists() {
        std::fs::remove_dir_all(&dist)
            .map_err(|err| format!("cannot clear {}: {err}", dist.display()))?;
    }
    std::fs::create_dir_all(&dist)
        .map_err(|err| format!("cannot create {}: {err}", dist.display()))?;
    Cmd::new(&tools.wasm_bindgen)
        .args([
            "--target",
            "web",
            "--no-typescript",
            "--out-name",
            "lanyard-ui",
            "--out-dir",
        ])
        .arg(&dist)
        .arg(&wasm)
        .status()?;
    if profile == Profile::Release {
        let bound = dist.join("lanyard-ui_bg.wasm");
        // Measured 2026-12-01 against -Oz alone (1.88 MB): -Os is 5% larger; -Oz twice or
        // --converge save 0.1% for 6-30 s more; --gufa, --type-ssa and the strip flags under 0.05%.
        Cmd::new(&tools.wasm_opt)
            .args([
                "-Oz",
                "--enable-bulk-memory",
                "--enable-nontrapping-float-to-int",
                "--enable-sign-ext",
                "--enable-reference-types",
                "--enable-mutable-globals",
                "-o",
            ])
            .arg(&bound)
            .arg(&bound)
            .status()?;
    }
    copy(&root.join("ui/static/index.html"), &dist.join("index.html"))?;
    copy(&root.join("ui/static/main.js"), &dist.join("main.js"))?;
    copy(&root.join("assets/styles/app.css"), &dist.join("app.css"))?;
    eprintln!("xtask: UI built into {}", dist.display());
    Ok(())
}

fn copy(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::copy(from, to)
        .map(|_| ())
        .map_err(|err| format!("cannot copy {} to {}: {err}", from.display(), to.display()))
}
