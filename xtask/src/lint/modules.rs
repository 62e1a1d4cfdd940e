//! Module imports inside each crate, and the cycles among them.
//!
//! A file's module path comes from where it sits (`src/a/b.rs` and `src/a/b/mod.rs` are `a::b`).
//! Every `crate::`, `super::` and `self::` path in it is an import of the longest module that
//! exists. An import from `x::p` to `y::q` is lifted to the two children of their closest common
//! ancestor: `console::changes -> bulk::runner` is `console -> bulk`. Imports between a module
//! and its own ancestors or descendants are not edges. A cycle is a strongly connected group of
//! two or more sibling modules.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

pub type ModPath = Vec<String>;

/// The module graph of one crate: who imports whom, with one file that shows each edge.
#[derive(Debug, Default)]
pub struct Graph {
    pub edges: BTreeMap<ModPath, BTreeMap<ModPath, String>>,
}

/// The module path of a file from its place under the crate's `src`.
pub fn module_of(rel: &Path) -> ModPath {
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if let Some(last) = parts.pop() {
        let stem = last.trim_end_matches(".rs").to_owned();
        let crate_root = parts.is_empty() && matches!(stem.as_str(), "lib" | "main");
        if stem != "mod" && !crate_root {
            parts.push(stem);
        }
    }
    parts
}

/// Every module path a source text names, resolved against the file's own module.
pub fn imports(source: &str, here: &ModPath) -> Vec<ModPath> {
    let code = strip_comments(source);
    let mut found = Vec::new();
    let bytes = code.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let boundary =
            code.is_char_boundary(i) && (i == 0 || !is_ident(bytes[i.saturating_sub(1)]));
        let rest = if boundary { &code[i..] } else { "" };
        let start = ["crate::", "super::", "self::"]
            .iter()
            .find(|p| rest.starts_with(**p));
        if let Some(prefix) = start {
            let (paths, used) = parse_tree(rest);
            let base = match *prefix {
                "crate::" => Vec::new(),
                _ => here.clone(),
            };
            for p in paths {
                if let Some(abs) = resolve(&base, &p) {
                    found.push(abs);
                }
            }
            i = i.saturating_add(used.max(prefix.len()));
        } else {
            i = i.saturating_add(1);
        }
    }
    found
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Comments and string literals blanked out, so that prose naming `crate::x` is not an import.
fn strip_comments(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    for line in source.lines() {
        let code = match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        };
        let mut in_str = false;
        for ch in code.chars() {
            if ch == '"' {
                in_str = !in_str;
                out.push(' ');
            } else {
                out.push(if in_str { ' ' } else { ch });
            }
        }
        out.push('\n');
    }
    out
}

/// Parses `crate::a::{b, c::d}` style paths at the start of `text`: the segment lists it names
/// (the leading `crate`/`super`/`self` kept) and the bytes read.
fn parse_tree(text: &str) -> (Vec<Vec<String>>, usize) {
    let mut out = Vec::new();
    let used = parse_into(text, Vec::new(), &mut out);
    (out, used)
}

fn parse_into(text: &str, prefix: Vec<String>, out: &mut Vec<Vec<String>>) -> usize {
    let bytes = text.as_bytes();
    let mut path = prefix;
    let mut i = 0;
    loop {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if i < bytes.len() && bytes[i] == b'{' {
            i += 1;
            loop {
                let used = parse_into(&text[i..], path.clone(), out);
                i += used;
                while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b',') {
                    i += 1;
                }
                if i >= bytes.len() || bytes[i] == b'}' {
                    return (i + 1).min(bytes.len());
                }
                if used == 0 {
                    return i;
                }
            }
        }
        let start = i;
        while i < bytes.len() && is_ident(bytes[i]) {
            i += 1;
        }
        if i == start {
            out.push(path);
            return i;
        }
        path.push(text[start..i].to_owned());
        if text[i..].starts_with("::") {
            i += 2;
        } else {
            out.push(path);
            return i;
        }
    }
}

/// `crate::a::b`, `super::x`, `self::y` relative to `base` (the file's module).
fn resolve(base: &ModPath, segments: &[String]) -> Option<ModPath> {
    let mut at: ModPath = base.clone();
    let mut rest = segments.iter().peekable();
    match rest.peek().map(|s| s.as_str()) {
        Some("crate") => {
            at.clear();
            rest.next();
        }
        Some("self") => {
            rest.next();
        }
        Some("super") => {
            while rest.peek().map(|s| s.as_str()) == Some("super") {
                rest.next();
                at.pop()?;
            }
        }
        _ => return None,
    }
    at.extend(rest.cloned());
    Some(at)
}

impl Graph {
    /// Adds the imports of one file, each cut to the longest module of `known`.
    pub fn add(
        &mut self,
        here: &ModPath,
        named: &[ModPath],
        known: &BTreeSet<ModPath>,
        file: &str,
    ) {
        for path in named {
            let mut target = path.clone();
            while !target.is_empty() && !known.contains(&target) {
                target.pop();
            }
            let common = here
                .iter()
                .zip(target.iter())
                .take_while(|(a, b)| a == b)
                .count();
            if common == here.len() || common == target.len() {
                continue; // an ancestor or a descendant
            }
            let from = here[..=common].to_vec();
            let to = target[..=common].to_vec();
            self.edges
                .entry(from)
                .or_default()
                .entry(to)
                .or_insert_with(|| file.to_owned());
        }
    }

    /// Groups of two or more modules that import each other, each with one file per edge.
    pub fn cycles(&self) -> Vec<Vec<(ModPath, ModPath, String)>> {
        let nodes: BTreeSet<&ModPath> = self
            .edges
            .iter()
            .flat_map(|(a, tos)| std::iter::once(a).chain(tos.keys()))
            .collect();
        let reach = |from: &ModPath| -> BTreeSet<ModPath> {
            let mut seen = BTreeSet::new();
            let mut stack = vec![from.clone()];
            while let Some(n) = stack.pop() {
                for next in self.edges.get(&n).into_iter().flat_map(|t| t.keys()) {
                    if seen.insert(next.clone()) {
                        stack.push(next.clone());
                    }
                }
            }
            seen
        };
        let reachable: BTreeMap<&ModPath, BTreeSet<ModPath>> =
            nodes.iter().map(|n| (*n, reach(n))).collect();
        let mut groups: Vec<BTreeSet<ModPath>> = Vec::new();
        for n in &nodes {
            if groups.iter().any(|g| g.contains(*n)) {
                continue;
            }
            let group: BTreeSet<ModPath> = nodes
                .iter()
                .filter(|m| {
                    reachable[*n].contains(**m)
                        && reachable.get(**m).is_some_and(|r| r.contains(*n))
                })
                .map(|m| (*m).clone())
                .collect();
            if group.len() > 1 {
                groups.push(group);
            }
        }
        groups
            .into_iter()
            .map(|g| {
                let mut shown = Vec::new();
                for a in &g {
                    for (b, file) in self.edges.get(a).into_iter().flatten() {
                        if g.contains(b) {
                            shown.push((a.clone(), b.clone(), file.clone()));
                        }
                    }
                }
                shown
            })
            .collect()
    }
}
