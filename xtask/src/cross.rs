//! Every change is checked for Windows and macOS from Linux (issue 18): `cargo clippy
//! --all-targets -D warnings` for `x86_64-pc-windows-gnu` and `aarch64-apple-darwin` over the
//! workspace's default members (everything but the wasm-only UI). So `cfg(windows)` and
//! `cfg(target_os = "macos")` code is type-checked and linted, and the C that build scripts
//! compile (bundled SQLite, ring, objc2's exception helper, the Windows resource file with the
//! icon) compiles for both. A check links nothing, so no Windows or Apple SDK libraries are
//! needed, only C compilers and headers:
//!
//! - Windows: Debian's mingw-w64 (`x86_64-w64-mingw32-gcc`, `-windres`), found by the `cc`
//!   crate and tauri-winres under their usual names.
//! - macOS: Debian's clang 19 with Darwin's C library headers. Those come from the `ziglang`
//!   wheel on PyPI (Zig ships them to cross-compile C for macOS); only that folder is kept, as
//!   `.tools/macos-sysroot/usr/include`. Debian 12's default clang 14 cannot read them (they
//!   need `-fdefine-target-os-macros`, clang 17 and later).

use std::path::{Path, PathBuf};

use crate::python;
use crate::setup;
use crate::sh::{self, Cmd};

pub const WINDOWS: &str = "x86_64-pc-windows-gnu";
pub const MACOS: &str = "aarch64-apple-darwin";

/// Debian packages: the Windows C compiler (with windres) and a clang that reads the macOS
/// headers.
const APT_CROSS: &[&str] = &["gcc-mingw-w64-x86-64", "clang-19"];
const MACOS_CC: &str = "clang-19";
/// The wheel whose Darwin headers are used, and where they sit in it.
const ZIG_WHEEL: &str = "ziglang==0.17.0";
const DARWIN_HEADERS: &str = "ziglang/lib/libc/include/any-darwin-any/";

/// What the cross checks need, once set up.
#[derive(Debug, Clone)]
pub struct Toolchain {
    /// A folder whose `usr/include` holds Darwin's C headers (clang's `-isysroot`).
    macos_sysroot: PathBuf,
}

/// Installs the compilers, the rustup targets and the macOS headers, each only when missing.
pub fn ensure() -> Result<Toolchain, String> {
    setup::apt_install(APT_CROSS)?;
    setup::rustup_target(WINDOWS)?;
    setup::rustup_target(MACOS)?;
    let macos_sysroot = sh::root().join(".tools").join("macos-sysroot");
    let stamp = macos_sysroot.join("FROM");
    if std::fs::read_to_string(&stamp).ok().as_deref() != Some(ZIG_WHEEL) {
        darwin_headers(&macos_sysroot)?;
        std::fs::write(&stamp, ZIG_WHEEL)
            .map_err(|err| format!("cannot write {}: {err}", stamp.display()))?;
    }
    Ok(Toolchain { macos_sysroot })
}

/// Clippy for Windows, then for macOS; the first that fails stops the run.
pub fn clippy(toolchain: &Toolchain) -> Result<(), String> {
    for target in [WINDOWS, MACOS] {
        let mut command = sh::cargo(&[
            "clippy",
            "--target",
            target,
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]);
        if target == MACOS {
            let sysroot = toolchain.macos_sysroot.display().to_string();
            if sysroot.contains(char::is_whitespace) {
                return Err(format!(
                    "the macOS check needs a checkout path without spaces (cc splits CFLAGS on \
                     whitespace): {sysroot}"
                ));
            }
            command.env("CC_aarch64_apple_darwin", MACOS_CC).env(
                "CFLAGS_aarch64_apple_darwin",
                format!("-isysroot {sysroot}"),
            );
        }
        command
            .status()
            .map_err(|err| format!("the {target} build does not pass: {err}"))?;
    }
    Ok(())
}

/// Downloads the zig wheel with pip (from its cache when it has it) and keeps only the Darwin
/// headers, as `<sysroot>/usr/include`.
fn darwin_headers(sysroot: &Path) -> Result<(), String> {
    let python = python::python3()?;
    let scratch = sh::root().join(".tools").join("zig-wheel");
    let _ = std::fs::remove_dir_all(&scratch);
    eprintln!("xtask: fetching Darwin's C headers for the macOS check ({ZIG_WHEEL} from PyPI)");
    Cmd::new(&python)
        .args([
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--only-binary",
            ":all:",
        ])
        .args([ZIG_WHEEL, "-d"])
        .arg(&scratch)
        .status()?;
    let wheel = std::fs::read_dir(&scratch)
        .map_err(|err| format!("cannot read {}: {err}", scratch.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "whl"))
        .ok_or_else(|| format!("pip left no wheel in {}", scratch.display()))?;
    // Only the headers' folder, with Python's zipfile (no unzip needed).
    const EXTRACT: &str = "import sys, zipfile\n\
z = zipfile.ZipFile(sys.argv[1])\n\
names = [n for n in z.namelist() if n.startswith(sys.argv[2])]\n\
assert names, 'no ' + sys.argv[2] + ' in the wheel'\n\
z.extractall(sys.argv[3], names)\n";
    Cmd::new(&python)
        .args(["-c", EXTRACT])
        .arg(&wheel)
        .arg(DARWIN_HEADERS)
        .arg(&scratch)
        .status()?;
    let include = sysroot.join("usr").join("include");
    let _ = std::fs::remove_dir_all(sysroot);
    std::fs::create_dir_all(sysroot.join("usr"))
        .map_err(|err| format!("cannot create {}: {err}", sysroot.display()))?;
    std::fs::rename(scratch.join(DARWIN_HEADERS), &include)
        .map_err(|err| format!("cannot move the headers to {}: {err}", include.display()))?;
    let _ = std::fs::remove_dir_all(&scratch);
    Ok(())
}
