//! Installs what the build and the tests need, and nothing twice: every step checks first.
//!
//! The versions and fallbacks are the ones verified on a machine of CI's kind (README, "Two commands").

use std::path::PathBuf;

use crate::sh::{self, Cmd};

/// Debian packages for building the Tauri shell (WebKitGTK and friends).
const APT_BUILD: &[&str] = &[
    "build-essential",
    "pkg-config",
    "libssl-dev",
    "file",
    "libxdo-dev",
    "libwebkit2gtk-4.1-dev",
    "libgtk-3-dev",
    "libsoup-3.0-dev",
    "libjavascriptcoregtk-4.1-dev",
    "librsvg2-dev",
    "libayatana-appindicator3-dev",
];
/// A display with no screen, for running the window on a headless machine.
const APT_WINDOW: &[&str] = &[
    "xvfb",
    "xauth",
    "x11-utils",
    "dbus-x11",
    "dbus",
    "at-spi2-core",
    "fonts-dejavu-core",
    // Japanese in the window (the UI's CJK fallback font on Linux).
    "fonts-noto-cjk",
];
/// WebKitWebDriver, which tauri-driver drives.
const APT_WEBDRIVER: &[&str] = &["webkit2gtk-driver"];
/// A real Secret Service for the keychain tests.
const APT_KEYCHAIN: &[&str] = &["gnome-keyring", "libsecret-tools", "keyutils"];
/// Fallback when rustup cannot download the wasm32 standard library (TOOLCHAIN.md).
const APT_WASM_FALLBACK: &[&str] = &[
    "rustc-web",
    "cargo-web",
    "rust-web-src",
    "rust-web-llvm",
    "lld-22",
];

const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// Debian's wasm-opt (108) breaks wasm-bindgen output; npm's binaryen 132 does not.
const BINARYEN: &str = "binaryen@132";
const BINARYEN_VERSION: &str = "version 132";
const TAURI_DRIVER: &str = "2.1.0";

/// What a command needs set up.
#[derive(Debug, Clone, Copy)]
pub struct Needs {
    shell: bool,
    headless: bool,
    e2e: bool,
}

impl Needs {
    pub fn ui() -> Self {
        Self {
            shell: false,
            headless: false,
            e2e: false,
        }
    }
    pub fn run() -> Self {
        Self {
            shell: true,
            headless: true,
            e2e: false,
        }
    }
    pub fn everything() -> Self {
        Self {
            shell: true,
            headless: true,
            e2e: true,
        }
    }
}

/// How the UI's wasm gets built on this machine.
#[derive(Debug, Clone)]
pub enum WasmStd {
    /// rustup's prebuilt wasm32 standard library.
    Rustup,
    /// Debian's rustc-web, building std from source with nightly flags.
    DebianBuildStd,
}

/// The tools found or installed.
#[derive(Debug, Clone)]
pub struct Tools {
    pub wasm_std: WasmStd,
    pub wasm_bindgen: PathBuf,
    pub wasm_opt: PathBuf,
    pub tauri_driver: Option<PathBuf>,
}

pub fn ensure(needs: Needs) -> Result<Tools, String> {
    if cfg!(target_os = "linux") {
        let mut packages: Vec<&str> = APT_BUILD.to_vec();
        if needs.headless {
            packages.extend(APT_WINDOW);
        }
        if needs.e2e {
            packages.extend(APT_WEBDRIVER);
            packages.extend(APT_KEYCHAIN);
        }
        if !needs.shell {
            packages.clear();
        }
        apt_install(&packages)?;
    }
    let wasm_std = wasm_target()?;
    let wasm_bindgen = wasm_bindgen_cli()?;
    let wasm_opt = binaryen()?;
    if needs.e2e {
        axe_core()?;
    }
    let tauri_driver = if needs.e2e && !cfg!(target_os = "macos") {
        Some(tauri_driver()?)
    } else {
        None
    };
    Ok(Tools {
        wasm_std,
        wasm_bindgen,
        wasm_opt,
        tauri_driver,
    })
}

fn is_root() -> bool {
    Cmd::new("id")
        .arg("-u")
        .read()
        .is_some_and(|uid| uid.trim() == "0")
}

/// `program` run as root: directly when we are root, else through `sudo -n` when it needs no
/// password (CI runners); `None` when neither.
fn as_root(program: &str) -> Option<Cmd> {
    if is_root() {
        return Some(Cmd::new(program));
    }
    // `sudo -n` fails rather than ask for a password.
    Cmd::new("sudo").args(["-n", "true"]).read()?;
    let mut c = Cmd::new("sudo");
    c.args(["-n", "env", "DEBIAN_FRONTEND=noninteractive", program]);
    Some(c)
}

fn apt_missing(packages: &[&str]) -> Vec<String> {
    packages
        .iter()
        .filter(|p| {
            Cmd::new("dpkg-query")
                .args(["-W", "-f=${Status}", p])
                .read()
                .is_none_or(|status| !status.contains("install ok installed"))
        })
        .map(|p| (*p).to_owned())
        .collect()
}

pub fn apt_install(packages: &[&str]) -> Result<(), String> {
    if !sh::on_path("dpkg-query") {
        return Err(format!(
            "this Linux has no dpkg; install the equivalents of these Debian packages by hand: {}",
            packages.join(" ")
        ));
    }
    let missing = apt_missing(packages);
    if missing.is_empty() {
        return Ok(());
    }
    let (Some(mut update), Some(mut install)) = (as_root("apt-get"), as_root("apt-get")) else {
        return Err(format!(
            "missing system packages; install them with:\n    sudo apt-get install -y {}",
            missing.join(" ")
        ));
    };
    eprintln!("xtask: installing system packages: {}", missing.join(" "));
    update
        .args(["update", "-q"])
        .env("DEBIAN_FRONTEND", "noninteractive")
        .status()?;
    install
        .args(["install", "-y", "-q", "--no-install-recommends"])
        .args(&missing)
        .env("DEBIAN_FRONTEND", "noninteractive")
        .status()
}

/// Whether rustup has the standard library of `target`.
fn rustup_has(target: &str) -> bool {
    Cmd::new("rustup")
        .args(["target", "list", "--installed"])
        .read()
        .is_some_and(|list| list.lines().any(|l| l.trim() == target))
}

/// Adds `target` with rustup unless it is there.
pub fn rustup_target(target: &str) -> Result<(), String> {
    if rustup_has(target) {
        return Ok(());
    }
    if !sh::on_path("rustup") {
        return Err(format!(
            "the {target} target is missing and there is no rustup to add it; install rustup"
        ));
    }
    eprintln!("xtask: adding the {target} target with rustup");
    Cmd::new("rustup").args(["target", "add", target]).status()
}

fn wasm_target() -> Result<WasmStd, String> {
    if rustup_has(WASM_TARGET) {
        return Ok(WasmStd::Rustup);
    }
    if sh::on_path("rustup") {
        eprintln!("xtask: adding the {WASM_TARGET} target with rustup");
        if Cmd::new("rustup")
            .args(["target", "add", WASM_TARGET])
            .status()
            .is_ok()
        {
            return Ok(WasmStd::Rustup);
        }
        eprintln!("xtask: rustup could not add {WASM_TARGET}; falling back to Debian's rustc-web");
    }
    if cfg!(target_os = "linux") && sh::on_path("dpkg-query") {
        apt_install(APT_WASM_FALLBACK)?;
        return Ok(WasmStd::DebianBuildStd);
    }
    Err(format!(
        "the {WASM_TARGET} target is missing; install it with:\n    rustup target add {WASM_TARGET}"
    ))
}

/// The wasm-bindgen crate version in Cargo.lock; the CLI must equal it to the patch.
fn locked_wasm_bindgen_version() -> Result<String, String> {
    let lock = std::fs::read_to_string(sh::root().join("Cargo.lock"))
        .map_err(|err| format!("cannot read Cargo.lock ({err}); run `cargo generate-lockfile`"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\""
            && let Some(version) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = \""))
        {
            return Ok(version.trim_end_matches('"').to_owned());
        }
    }
    Err("Cargo.lock names no wasm-bindgen version".to_owned())
}

fn cargo_bin(name: &str) -> PathBuf {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"));
    home.join("bin").join(sh::exe(name))
}

fn wasm_bindgen_cli() -> Result<PathBuf, String> {
    let version = locked_wasm_bindgen_version()?;
    let path = cargo_bin("wasm-bindgen");
    let current = Cmd::new(&path).arg("--version").read().unwrap_or_default();
    if current.split_whitespace().nth(1) == Some(version.as_str()) {
        return Ok(path);
    }
    eprintln!(
        "xtask: installing wasm-bindgen-cli {version} (it must match the crate in Cargo.lock)"
    );
    // Not --locked: one of its pinned dependencies is missing from the registry index (TOOLCHAIN.md).
    sh::cargo(&[
        "install",
        "wasm-bindgen-cli",
        "--version",
        &format!("={version}"),
    ])
    .status()?;
    Ok(path)
}

/// axe-core, which the e2e tests inject into the window to check accessibility.
const AXE: &str = "axe-core@4.14.1";

/// `.tools/node_modules/axe-core/axe.min.js`, installed from npm when missing.
fn axe_core() -> Result<PathBuf, String> {
    let tools = sh::root().join(".tools");
    let path = tools
        .join("node_modules")
        .join("axe-core")
        .join("axe.min.js");
    if path.is_file() {
        return Ok(path);
    }
    eprintln!("xtask: installing {AXE} into .tools/ (the e2e accessibility checks)");
    Cmd::new("npm")
        .args(["install", "--no-audit", "--no-fund", "--prefix"])
        .arg(&tools)
        .arg(AXE)
        .status()?;
    Ok(path)
}

fn binaryen() -> Result<PathBuf, String> {
    let tools = sh::root().join(".tools");
    let path = tools
        .join("node_modules")
        .join(".bin")
        .join(if cfg!(windows) {
            "wasm-opt.cmd"
        } else {
            "wasm-opt"
        });
    if Cmd::new(&path)
        .arg("--version")
        .read()
        .is_some_and(|v| v.contains(BINARYEN_VERSION))
    {
        return Ok(path);
    }
    if !sh::on_path("npm") {
        if cfg!(target_os = "linux") && as_root("apt-get").is_some() {
            apt_install(&["nodejs", "npm"])?;
        } else {
            return Err("npm is missing (needed for binaryen's wasm-opt); install Node.js from your package manager".to_owned());
        }
    }
    std::fs::create_dir_all(&tools)
        .map_err(|err| format!("cannot create {}: {err}", tools.display()))?;
    eprintln!("xtask: installing {BINARYEN} into .tools/ (Debian's wasm-opt breaks the UI)");
    Cmd::new("npm")
        .args(["install", "--no-audit", "--no-fund", "--prefix"])
        .arg(&tools)
        .arg(BINARYEN)
        .status()?;
    Ok(path)
}

fn tauri_driver() -> Result<PathBuf, String> {
    let path = cargo_bin("tauri-driver");
    if path.is_file() && installed_crate_version("tauri-driver").as_deref() == Some(TAURI_DRIVER) {
        return Ok(path);
    }
    eprintln!("xtask: installing tauri-driver {TAURI_DRIVER}");
    sh::cargo(&[
        "install",
        "tauri-driver",
        "--version",
        &format!("={TAURI_DRIVER}"),
        "--locked",
    ])
    .status()?;
    Ok(path)
}

/// The version `cargo install` recorded for `krate`, if any.
fn installed_crate_version(krate: &str) -> Option<String> {
    let list = sh::cargo(&["install", "--list"]).read()?;
    list.lines()
        .find_map(|line| line.strip_prefix(&format!("{krate} v")))
        .map(|rest| {
            rest.trim_end_matches(':')
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .to_owned()
        })
}
