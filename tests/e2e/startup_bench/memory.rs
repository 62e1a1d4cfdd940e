//! The memory of a running app: the app process and every process below it (WebKit's web and
//! network processes), read from /proc. Linux only; elsewhere nothing is read.

use std::collections::HashMap;
use std::path::Path;

/// What a process tree holds, in KiB.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TreeMemory {
    /// Proportional set size: each shared page split between the processes that map it, so the
    /// sum over processes counts a shared library once in total.
    pub pss_kib: u64,
    /// Resident set size summed over the processes (a shared page counted in each).
    pub rss_kib: u64,
    pub processes: usize,
}

/// The memory of every process running `binary` and their descendants.
pub fn of_binary(binary: &Path) -> Result<TreeMemory, String> {
    let binary = binary
        .canonicalize()
        .map_err(|err| format!("{}: {err}", binary.display()))?;
    let table = processes()?;
    let roots: Vec<u32> = table
        .iter()
        .filter(|p| p.exe.as_deref() == Some(binary.as_path()))
        .map(|p| p.pid)
        .collect();
    if roots.is_empty() {
        return Err(format!("no process runs {}", binary.display()));
    }
    let mut children: HashMap<u32, Vec<u32>> = HashMap::new();
    for p in &table {
        children.entry(p.parent).or_default().push(p.pid);
    }
    let mut total = TreeMemory::default();
    let mut todo = roots;
    while let Some(pid) = todo.pop() {
        // A process that ended meanwhile holds nothing any more.
        if let Ok(rollup) = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")) {
            total.pss_kib += field_kib(&rollup, "Pss:");
            total.rss_kib += field_kib(&rollup, "Rss:");
            total.processes += 1;
        }
        todo.extend(children.get(&pid).into_iter().flatten());
    }
    Ok(total)
}

/// Whether any process runs `binary` (one still ending from the previous run).
pub fn is_running(binary: &Path) -> bool {
    let Ok(binary) = binary.canonicalize() else {
        return false;
    };
    processes()
        .map(|t| t.iter().any(|p| p.exe.as_deref() == Some(binary.as_path())))
        .unwrap_or(false)
}

#[derive(Debug)]
struct Process {
    pid: u32,
    parent: u32,
    exe: Option<std::path::PathBuf>,
}

fn processes() -> Result<Vec<Process>, String> {
    let dir = std::fs::read_dir("/proc").map_err(|err| format!("/proc: {err}"))?;
    Ok(dir
        .filter_map(Result::ok)
        .filter_map(|entry| entry.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(|pid| {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            Some(Process {
                pid,
                parent: parent_of(&stat)?,
                exe: std::fs::read_link(format!("/proc/{pid}/exe")).ok(),
            })
        })
        .collect())
}

/// The parent pid in a `/proc/<pid>/stat` line: the second field after the command name, which
/// is in parentheses and may itself hold spaces and parentheses.
fn parent_of(stat: &str) -> Option<u32> {
    let after_name = &stat[stat.rfind(')')? + 1..];
    after_name.split_whitespace().nth(1)?.parse().ok()
}

/// A `Name:   1234 kB` line of smaps_rollup; 0 when it is missing.
fn field_kib(rollup: &str, name: &str) -> u64 {
    rollup
        .lines()
        .find_map(|line| line.strip_prefix(name))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_parent_is_read_past_a_name_with_spaces_and_parentheses() {
        assert_eq!(
            parent_of("4242 (Web (Content) 1) S 17 4242 4242 0"),
            Some(17)
        );
        assert_eq!(parent_of("garbage"), None);
    }

    #[test]
    fn rollup_fields_are_read_in_kib() {
        let rollup = "00400000-7ffd r--p 00000000 00:00 0 [rollup]\nRss:  120 kB\nPss:   80 kB\nPss_Anon: 5 kB\n";
        assert_eq!(field_kib(rollup, "Pss:"), 80);
        assert_eq!(field_kib(rollup, "Rss:"), 120);
        assert_eq!(field_kib(rollup, "Swap:"), 0);
    }

    #[test]
    fn this_test_process_has_memory() {
        let Ok(me) = std::env::current_exe() else {
            return;
        };
        if cfg!(target_os = "linux") {
            let m = of_binary(&me).unwrap_or_default();
            assert!(m.processes >= 1 && m.rss_kib > 0 && m.pss_kib > 0, "{m:?}");
        }
    }
}
