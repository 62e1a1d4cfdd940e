//! `cargo xtask lint`: house rules a compiler does not check, run first by `cargo xtask test`.
//!
//! - The repository is self-contained: no file in it may name the reference folder that sits
//!   beside the developers' checkout, because a user's clone has nothing beside it.
//! - Files fit in a head and modules do not import each other in a circle (`structure`).

mod modules;
mod structure;

use std::path::{Path, PathBuf};

/// The reference folder's relative name, built so that this file does not name it itself.
fn outside_reference() -> String {
    ["..", "shared"].join("/")
}

/// Folders that hold build output or downloaded tools, not the project's own files.
const NOT_OURS: &[&str] = &[
    ".git",
    "target",
    "node_modules",
    ".tools",
    "dist",
    "gen",
    "permissions",
];

pub fn all(root: &Path) -> Result<(), String> {
    self_contained(root)?;
    structure::check(root)
}

/// Fails with the list of files that name the outside reference folder.
pub fn self_contained(root: &Path) -> Result<(), String> {
    let needle = outside_reference();
    let mut offenders = Vec::new();
    for file in files_under(root)? {
        let Ok(bytes) = std::fs::read(&file) else {
            continue;
        };
        let text = String::from_utf8_lossy(&bytes);
        for (n, line) in text.lines().enumerate() {
            if line.contains(&needle) {
                let shown = file.strip_prefix(root).unwrap_or(&file);
                offenders.push(format!("  {}:{}", shown.display(), n.saturating_add(1)));
            }
        }
    }
    if offenders.is_empty() {
        println!("lint: no file names `{needle}`");
        Ok(())
    } else {
        Err(format!(
            "these lines name `{needle}`, which a clone of the repository does not have; \
             copy what they need into the repository (see crates/sandbox/specs/README.md):\n{}",
            offenders.join("\n")
        ))
    }
}

/// Every file under `root`, build output and tool folders left out.
pub(crate) fn files_under(root: &Path) -> Result<Vec<PathBuf>, String> {
    let mut found = Vec::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries = std::fs::read_dir(&dir)
            .map_err(|err| format!("cannot list {}: {err}", dir.display()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                let name = entry.file_name();
                if !NOT_OURS.iter().any(|skip| name == *skip) {
                    pending.push(path);
                }
            } else if kind.is_file() {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-lint-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("crates/a/src")).unwrap_or_default();
        dir
    }

    #[test]
    fn a_file_naming_the_outside_folder_fails_the_check_with_its_place() {
        let dir = scratch("bad");
        let line = format!("let p = \"{}/specs/x.json\";\n", outside_reference());
        std::fs::write(dir.join("crates/a/src/lib.rs"), format!("// ok\n{line}"))
            .unwrap_or_default();
        let err = self_contained(&dir).err().unwrap_or_default();
        assert!(err.contains("crates/a/src/lib.rs:2"), "{err}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn build_output_is_not_checked_and_a_clean_tree_passes() {
        let dir = scratch("good");
        std::fs::write(
            dir.join("crates/a/src/lib.rs"),
            "// specs/ are in the repo\n",
        )
        .unwrap_or_default();
        std::fs::create_dir_all(dir.join("target")).unwrap_or_default();
        std::fs::write(dir.join("target/x.d"), outside_reference()).unwrap_or_default();
        assert_eq!(self_contained(&dir), Ok(()));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
