//! Builds the Leptos UI into `ui/dist`: wasm32 build, the split into a main module and lazily
//! loaded page chunks (`xtask/wasm-split`), wasm-bindgen on the main module, wasm-opt on each
//! module, static files.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

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
    // The parts marked `wasm_split` (`ui/src/lazy.rs`) become chunks in `dist`, loaded
    // when the part is first used; what the first screen needs stays in the main module.
    let main_module = wasm.with_file_name("lanyard-ui.main.wasm");
    sh::cargo(&["run", "-q", "-p", "lanyard-wasm-split", "--"])
        .arg(&wasm)
        .arg(&dist)
        .arg(&main_module)
        .status()?;
    Cmd::new(&tools.wasm_bindgen)
        .args([
            "--target",
            "web",
            "--no-typescript",
            // The chunks link against the main module's own exports, by their names.
            "--keep-lld-exports",
            "--no-demangle",
            "--out-name",
            "lanyard-ui",
            "--out-dir",
        ])
        .arg(&dist)
        .arg(&main_module)
        .status()?;
    if profile == Profile::Release {
        optimise(&tools.wasm_opt, wasm_modules(&dist)?)?;
    }
    copy(&root.join("ui/static/index.html"), &dist.join("index.html"))?;
    copy(&root.join("ui/static/main.js"), &dist.join("main.js"))?;
    copy(&root.join("assets/styles/app.css"), &dist.join("app.css"))?;
    eprintln!("xtask: UI built into {}", dist.display());
    Ok(())
}

/// wasm-opt on each module, as many at a time as there are cores, the largest first. The npm
/// build of binaryen runs in Node and takes ~0.4 s to start: one after another, the 92 chunks
/// took 2 min 10 s on 2 cores (2026-12-02).
fn optimise(wasm_opt: &Path, mut modules: Vec<PathBuf>) -> Result<(), String> {
    modules.sort_by_key(|m| std::fs::metadata(m).map_or(0, |meta| meta.len()));
    let queue = Mutex::new(modules);
    let next = || queue.lock().ok().and_then(|mut q| q.pop());
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| -> Result<(), String> {
                    while let Some(module) = next() {
                        // Measured 2026-12-01 against -Oz alone (1.88 MB): -Os is 5% larger;
                        // -Oz twice or --converge save 0.1% for 6-30 s more; --gufa,
                        // --type-ssa and the strip flags under 0.05%.
                        Cmd::new(wasm_opt)
                            .args([
                                "-Oz",
                                "--enable-bulk-memory",
                                "--enable-nontrapping-float-to-int",
                                "--enable-sign-ext",
                                "--enable-reference-types",
                                "--enable-mutable-globals",
                                "-o",
                            ])
                            .arg(&module)
                            .arg(&module)
                            .status()?;
                    }
                    Ok(())
                })
            })
            .collect();
        handles.into_iter().try_for_each(|handle| {
            handle
                .join()
                .unwrap_or_else(|_| Err("a wasm-opt worker panicked".to_owned()))
        })
    })
}

/// Every wasm module in `dist`: the main one and the chunks (the bench weighs the same set).
pub fn wasm_modules(dist: &Path) -> Result<Vec<PathBuf>, String> {
    let entries =
        std::fs::read_dir(dist).map_err(|err| format!("cannot list {}: {err}", dist.display()))?;
    let mut modules = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|err| format!("cannot list {}: {err}", dist.display()))?
            .path();
        if path.extension().is_some_and(|ext| ext == "wasm") {
            modules.push(path);
        }
    }
    modules.sort();
    Ok(modules)
}

fn copy(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::copy(from, to)
        .map(|_| ())
        .map_err(|err| format!("cannot copy {} to {}: {err}", from.display(), to.display()))
}
