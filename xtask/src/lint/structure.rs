//! Files that fit in a head and crates whose modules do not import each other in a circle.
//!
//! Debt that exists today is listed in `known-debt.txt` beside this file, one line per item
//! (`size <path>` or `cycle <crate> <module> <module>...`). The list only shrinks: an item that
//! is no longer true must be removed from it, and anything new fails the check.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::files_under;
use super::modules::{Graph, ModPath, imports, module_of};

/// A non-test source file longer than this is too long to hold in a head.
pub const MAX_LINES: usize = 400;

const KNOWN_DEBT: &str = include_str!("known-debt.txt");

/// Where each crate's sources are, as (name shown, folder holding `src`).
const CRATES: &[&str] = &[
    "crates/model",
    "crates/providers",
    "crates/core",
    "crates/sandbox",
    "src-tauri",
    "ui",
    "tests",
    "xtask",
];

pub fn check(root: &Path) -> Result<(), String> {
    let debt: BTreeSet<String> = KNOWN_DEBT
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect();
    let mut found = BTreeSet::new();
    let mut shown = Vec::new();
    for file in files_under(root)? {
        let rel = file.strip_prefix(root).unwrap_or(&file).to_path_buf();
        if !is_product_source(&rel) {
            continue;
        }
        let lines = std::fs::read_to_string(&file).map_or(0, |t| t.lines().count());
        if lines > MAX_LINES {
            let item = format!("size {}", slash(&rel));
            shown.push((item.clone(), format!("{lines} lines (at most {MAX_LINES})")));
            found.insert(item);
        }
    }
    for krate in CRATES {
        let graph = crate_graph(&root.join(krate))?;
        for cycle in graph.cycles() {
            let mods: BTreeSet<String> = cycle.iter().map(|(a, _, _)| a.join("::")).collect();
            let item = format!(
                "cycle {krate} {}",
                mods.into_iter().collect::<Vec<_>>().join(" ")
            );
            let why = cycle
                .iter()
                .map(|(a, b, f)| format!("{} -> {} ({f})", a.join("::"), b.join("::")))
                .collect::<Vec<_>>()
                .join(", ");
            shown.push((item.clone(), why));
            found.insert(item);
        }
    }
    let mut problems = Vec::new();
    for (item, why) in &shown {
        let tag = if debt.contains(item) { "known" } else { "NEW" };
        println!("lint: {tag} {item}: {why}");
        if !debt.contains(item) {
            problems.push(format!("  {item}: {why}"));
        }
    }
    for item in debt.difference(&found) {
        problems.push(format!(
            "  `{item}` is fixed: remove its line from xtask/src/lint/known-debt.txt"
        ));
    }
    if problems.is_empty() {
        println!(
            "lint: no new file over {MAX_LINES} lines and no new module cycle ({} known items left)",
            debt.len()
        );
        Ok(())
    } else {
        Err(format!(
            "split long files and break module cycles (a shared module that both use, \
             which uses neither):\n{}",
            problems.join("\n")
        ))
    }
}

fn slash(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// A Rust file that ships: not under `tests/` or `benches/` of a crate, not a `tests.rs`.
fn is_product_source(rel: &Path) -> bool {
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let is_rs = parts.last().is_some_and(|n| n.ends_with(".rs"));
    let test_like = parts.iter().enumerate().any(|(i, p)| {
        (p == "tests" && i > 0)
            || p == "benches"
            || p == "tests.rs"
            || (i == 0 && p == "tests" && parts.get(1).is_some_and(|s| s == "e2e"))
    });
    is_rs && !test_like
}

/// The import graph of the modules under `<crate>/src` (binaries in `src/bin` are crates of
/// their own and left out).
pub fn crate_graph(krate: &Path) -> Result<Graph, String> {
    let src = krate.join("src");
    let files: Vec<PathBuf> = files_under(&src)?
        .into_iter()
        .filter(|f| f.extension().is_some_and(|e| e == "rs"))
        .filter(|f| !f.strip_prefix(&src).is_ok_and(|r| r.starts_with("bin")))
        .collect();
    let mods: Vec<(ModPath, &PathBuf)> = files
        .iter()
        .map(|f| (module_of(f.strip_prefix(&src).unwrap_or(f)), f))
        .collect();
    let known: BTreeSet<ModPath> = mods.iter().map(|(m, _)| m.clone()).collect();
    let mut graph = Graph::default();
    for (here, file) in &mods {
        let text = std::fs::read_to_string(file)
            .map_err(|err| format!("cannot read {}: {err}", file.display()))?;
        let named = imports(&text, here);
        let shown = slash(file.strip_prefix(krate).unwrap_or(file));
        graph.add(here, &named, &known, &shown);
    }
    Ok(graph)
}

#[cfg(test)]
mod tests {
    use super::super::modules::imports;
    use super::*;

    fn m(s: &str) -> ModPath {
        s.split("::")
            .filter(|p| !p.is_empty())
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn use_trees_super_and_inline_paths_are_imports() {
        let src = "use crate::{audit::Log, console::{changes::apply, Client}};\n\
                   // crate::not_this::one\n\
                   fn f() { super::journal::write(); let _ = \"crate::nor_this\"; }";
        let found = imports(src, &m("bulk::runner"));
        assert!(found.contains(&m("audit::Log")), "{found:?}");
        assert!(found.contains(&m("console::changes::apply")), "{found:?}");
        assert!(found.contains(&m("console::Client")), "{found:?}");
        assert!(found.contains(&m("bulk::journal::write")), "{found:?}");
        assert!(
            !found
                .iter()
                .any(|p| p.first().is_some_and(|s| s.starts_with("no")))
        );
    }

    #[test]
    fn two_siblings_importing_each_other_through_children_are_one_cycle() {
        let known: BTreeSet<ModPath> = [
            "console",
            "console::changes",
            "bulk",
            "bulk::runner",
            "audit",
        ]
        .iter()
        .map(|s| m(s))
        .collect();
        let mut g = Graph::default();
        g.add(&m("console"), &[m("bulk::Runs")], &known, "console/mod.rs");
        g.add(
            &m("bulk::runner"),
            &[m("console::changes::apply")],
            &known,
            "bulk/runner.rs",
        );
        g.add(
            &m("bulk::runner"),
            &[m("audit::Log")],
            &known,
            "bulk/runner.rs",
        );
        g.add(
            &m("console::changes"),
            &[m("audit::Log"), m("console::X")],
            &known,
            "c.rs",
        );
        let cycles = g.cycles();
        assert_eq!(cycles.len(), 1, "{cycles:?}");
        let names: BTreeSet<String> = cycles[0].iter().map(|(a, _, _)| a.join("::")).collect();
        assert_eq!(
            names,
            ["bulk", "console"].iter().map(|s| s.to_string()).collect()
        );
    }

    #[test]
    fn a_module_importing_its_parent_is_not_a_cycle() {
        let known: BTreeSet<ModPath> = ["bulk", "bulk::runner"].iter().map(|s| m(s)).collect();
        let mut g = Graph::default();
        g.add(&m("bulk"), &[m("bulk::runner::run")], &known, "bulk/mod.rs");
        g.add(
            &m("bulk::runner"),
            &[m("bulk::Runs")],
            &known,
            "bulk/runner.rs",
        );
        assert!(g.cycles().is_empty());
    }

    #[test]
    fn tests_and_benches_are_not_held_to_the_size_rule() {
        assert!(is_product_source(Path::new(
            "crates/core/src/bulk/runner.rs"
        )));
        assert!(!is_product_source(Path::new("crates/core/tests/bulk.rs")));
        assert!(!is_product_source(Path::new(
            "crates/model/src/auth0/tests.rs"
        )));
        assert!(!is_product_source(Path::new("tests/e2e/bulk.rs")));
        assert!(is_product_source(Path::new("tests/src/lib.rs")));
    }
}
