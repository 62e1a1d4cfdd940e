//! `cargo xtask bench`: the criterion benches, then the startup and memory bench (issue 17) and
//! the end-to-end big-list bench, all from release builds.
//!
//! The startup bench builds the UI (`ui::build`, release), Lanyard and a blank Tauri window of
//! the same Tauri version, features and release profile (`benches/blank-window`), starts each
//! several times alternately through tauri-driver inside the test session (D-Bus, keyring, Xvfb)
//! and prints one table: ready time and idle memory of each, their ratios, the UI wasm's size.
//!
//! `--startup` runs only the startup bench (no criterion benches, no big lists); `--runs N`
//! starts each app N times (5 by default); `--prebuilt` measures the release builds already in
//! target/ (and ui/dist) without building.

use std::collections::BTreeMap;
use std::path::Path;

use crate::setup::{self, Needs};
use crate::sh;
use crate::test::in_session_cmd;
use crate::ui;

mod wasm_size;
use wasm_size::WasmSize;

pub fn all(args: &[String]) -> Result<(), String> {
    let runs = runs_from_args(args)?;
    if !args.iter().any(|a| a == "--startup") {
        sh::cargo(&["bench", "--workspace"]).status()?;
    }
    let tools = setup::ensure(Needs::everything())?;
    if !args.iter().any(|a| a == "--prebuilt") {
        ui::build(&tools, ui::Profile::Release)?;
        // One invocation, so tauri is built once for both (their features unify).
        sh::cargo(&[
            "build",
            "--release",
            "-p",
            "lanyard",
            "-p",
            "lanyard-blank-window",
        ])
        .status()?;
    }
    let release = sh::target_dir().join("release");
    let app = release.join(sh::exe("lanyard"));
    let blank = release.join(sh::exe("lanyard-blank-window"));
    let driver = tools.tauri_driver.clone();

    let mut command = in_session_cmd(&sh::cargo_argv(&[
        "test",
        "-p",
        "lanyard-e2e",
        "--test",
        "startup_bench",
        "--",
        "--include-ignored",
        "--nocapture",
        "--test-threads=1",
    ]))?;
    command
        .env("LANYARD_E2E_APP", &app)
        .env("LANYARD_BENCH_BLANK_APP", &blank)
        .env("LANYARD_BENCH_RUNS", runs.to_string());
    if let Some(driver) = &driver {
        command.env("LANYARD_E2E_DRIVER", driver);
    }
    let (result, lines) = command.status_capturing();
    result?;
    let wasm = WasmSize::of(&sh::root().join("ui/dist"))?;
    print!("{}", table(&Starts::parse(&lines), &wasm, runs));

    if args.iter().any(|a| a == "--startup") {
        return Ok(());
    }
    big_lists(&app, driver.as_deref())
}

/// The end-to-end big-list bench (`tests/e2e`, target `big_lists_bench`) against the release
/// app, when the e2e crate has it; its `bench:` lines are printed as they come.
fn big_lists(app: &Path, driver: Option<&Path>) -> Result<(), String> {
    const TARGET: &str = "big_lists_bench";
    let manifest = std::fs::read_to_string(sh::root().join("tests/Cargo.toml"))
        .map_err(|err| format!("cannot read tests/Cargo.toml: {err}"))?;
    if !manifest.contains(&format!("name = \"{TARGET}\"")) {
        eprintln!("xtask: no {TARGET} in tests/Cargo.toml; the big-list bench is skipped");
        return Ok(());
    }
    let mut command = in_session_cmd(&sh::cargo_argv(&[
        "test",
        "-p",
        "lanyard-e2e",
        "--test",
        TARGET,
        "--",
        "--include-ignored",
        "--nocapture",
        "--test-threads=1",
    ]))?;
    command.env("LANYARD_E2E_APP", app);
    if let Some(driver) = driver {
        command.env("LANYARD_E2E_DRIVER", driver);
    }
    command.status_capturing().0
}

fn runs_from_args(args: &[String]) -> Result<usize, String> {
    match args.iter().position(|a| a == "--runs") {
        None => Ok(5),
        Some(i) => args
            .get(i + 1)
            .and_then(|n| n.parse().ok())
            .filter(|n| *n > 0)
            .ok_or_else(|| "--runs takes a number of starts, e.g. --runs 5".to_owned()),
    }
}

/// Every start's figures by app: `figure -> one value per run`.
#[derive(Debug, Default)]
struct Starts {
    by_app: BTreeMap<String, BTreeMap<String, Vec<f64>>>,
}

impl Starts {
    /// Reads the `bench: startup app=<name> run=<n> key=value ...` lines.
    fn parse(lines: &[String]) -> Self {
        let mut starts = Self::default();
        for line in lines {
            let Some(rest) = line.trim().strip_prefix("bench: startup ") else {
                continue;
            };
            let pairs: Vec<(&str, &str)> = rest
                .split_whitespace()
                .filter_map(|p| p.split_once('='))
                .collect();
            let Some(app) = pairs.iter().find(|(k, _)| *k == "app").map(|(_, v)| *v) else {
                continue;
            };
            let figures = starts.by_app.entry(app.to_owned()).or_default();
            for (key, value) in pairs {
                if let Ok(v) = value.parse::<f64>()
                    && v.is_finite()
                    && key != "run"
                {
                    figures.entry(key.to_owned()).or_default().push(v);
                }
            }
        }
        starts
    }

    fn figure(&self, app: &str, key: &str) -> Option<Spread> {
        Spread::of(self.by_app.get(app)?.get(key)?)
    }
}

/// Median, min and max of a figure's runs.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Spread {
    median: f64,
    min: f64,
    max: f64,
}

impl Spread {
    fn of(values: &[f64]) -> Option<Self> {
        let mut sorted = values.to_vec();
        sorted.sort_by(f64::total_cmp);
        let (min, max) = (*sorted.first()?, *sorted.last()?);
        let mid = sorted.len() / 2;
        let median = if sorted.len().is_multiple_of(2) {
            (sorted[mid - 1] + sorted[mid]) / 2.0
        } else {
            sorted[mid]
        };
        Some(Self { median, min, max })
    }
}

/// The table, with the page's own marks for Lanyard underneath (where its start goes).
fn table(starts: &Starts, wasm: &WasmSize, runs: usize) -> String {
    let mut out = format!(
        "\nstartup and idle memory: {runs} starts each, alternating; median (min-max)\n\n\
         | | blank Tauri window | Lanyard | ratio |\n| --- | --- | --- | --- |\n"
    );
    let rows = [
        (
            "ready (session request to version label)",
            "ready_ms",
            Unit::Seconds,
        ),
        // Lanyard's first page's form (the Auth0 organization picker): a change that only
        // moves the label earlier cannot hide a slower first page. The blank window has none.
        (
            "first page's form shown (session request to the Auth0 picker)",
            "first_page_ms",
            Unit::Seconds,
        ),
        // The page's own clock: less shaken by a busy machine than the whole start.
        (
            "in the page (page start to version label)",
            "page_label",
            Unit::Seconds,
        ),
        (
            "memory after 5 s idle, PSS (app + WebKit)",
            "pss_kib",
            Unit::Megabytes,
        ),
        (
            "memory after 5 s idle, RSS summed",
            "rss_kib",
            Unit::Megabytes,
        ),
    ];
    for (label, key, unit) in rows {
        let blank = starts.figure("blank", key);
        let lanyard = starts.figure("lanyard", key);
        let ratio = match (blank, lanyard) {
            (Some(b), Some(l)) if b.median > 0.0 => format!("{:.2}x", l.median / b.median),
            _ => "-".to_owned(),
        };
        out.push_str(&format!(
            "| {label} | {} | {} | {ratio} |\n",
            unit.show(blank),
            unit.show(lanyard)
        ));
    }
    out.push_str(&format!(
        "| UI wasm after wasm-opt, loaded at start | - | {} | |\n",
        wasm.main.show()
    ));
    out.push_str(&format!(
        "| the other pages' and dialogs' chunks, loaded on first use ({}) | - | {} | |\n",
        wasm.chunk_count,
        wasm.chunks.show()
    ));
    if let Some(figures) = starts.by_app.get("lanyard") {
        out.push_str("\nLanyard's start, medians in ms from the page's start (page_*) or the session request:\n");
        for (key, values) in figures {
            if let Some(s) = Spread::of(values)
                && key.ends_with("_ms") | key.starts_with("page_")
                && key != "ready_ms"
                && key != "first_page_ms"
            {
                out.push_str(&format!("  {key:<22} {:>8.1}\n", s.median));
            }
        }
    }
    out
}

#[derive(Debug, Clone, Copy)]
enum Unit {
    Seconds,
    Megabytes,
    Bytes,
}

impl Unit {
    /// `median (min-max)`, the unit said once.
    fn show(self, spread: Option<Spread>) -> String {
        match spread {
            Some(s) => format!(
                "{} ({}-{})",
                self.one(s.median),
                self.number(s.min),
                self.number(s.max)
            ),
            None => "-".to_owned(),
        }
    }

    fn one(self, v: f64) -> String {
        let unit = match self {
            Unit::Seconds => "s",
            Unit::Megabytes => "MB",
            Unit::Bytes if v >= 1e6 => "MB",
            Unit::Bytes => "KB",
        };
        format!("{} {unit}", self.number(v))
    }

    /// Milliseconds as seconds, KiB as MB, bytes as MB or KB.
    fn number(self, v: f64) -> String {
        match self {
            Unit::Seconds => format!("{:.3}", v / 1000.0),
            Unit::Megabytes => format!("{:.0}", v * 1024.0 / 1e6),
            Unit::Bytes if v >= 1e6 => format!("{:.2}", v / 1e6),
            Unit::Bytes => format!("{:.0}", v / 1e3),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::wasm_size::Weight;
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_owned).collect()
    }

    #[test]
    fn medians_and_ratios_come_from_the_bench_lines() {
        let starts = Starts::parse(&lines(
            "bench: startup app=blank run=1 ready_ms=400.0 pss_kib=100000 page_label=40\n\
             bench: startup app=lanyard run=1 ready_ms=600.0 pss_kib=150000 page_mounted=90.5 page_label=200\n\
             noise\n\
             bench: startup app=blank run=2 ready_ms=500.0 pss_kib=100000\n\
             bench: startup app=lanyard run=2 ready_ms=650.0 pss_kib=110000 page_mounted=99.5\n\
             bench: startup app=blank run=3 ready_ms=450.0 pss_kib=NaN\n\
             bench: startup app=lanyard run=3 ready_ms=700.0 pss_kib=120000 page_mounted=95",
        ));
        let ready = starts.figure("lanyard", "ready_ms");
        assert_eq!(
            ready,
            Some(Spread {
                median: 650.0,
                min: 600.0,
                max: 700.0
            })
        );
        assert_eq!(
            starts.figure("blank", "pss_kib").map(|s| s.median),
            Some(100000.0)
        );
        let wasm = WasmSize {
            main: Weight {
                bytes: 1_220_000,
                gzip: Some(400_000),
            },
            chunks: Weight {
                bytes: 600_000,
                gzip: None,
            },
            chunk_count: 12,
        };
        let shown = table(&starts, &wasm, 3);
        assert!(
            shown.contains("| 0.650 s (0.600-0.700) | 1.44x |"),
            "{shown}"
        );
        assert!(
            shown.contains("loaded at start | - | 1.22 MB (400 KB gzipped) |"),
            "{shown}"
        );
        assert!(
            shown.contains("dialogs' chunks, loaded on first use (12) | - | 600 KB |"),
            "{shown}"
        );
        assert!(shown.contains("page_mounted"), "{shown}");
        assert!(
            shown.contains("| 0.040 s (0.040-0.040) | 0.200 s (0.200-0.200) | 5.00x |"),
            "{shown}"
        );
    }

    #[test]
    fn a_missing_app_shows_a_dash_not_a_ratio() {
        let starts = Starts::parse(&lines("bench: startup app=lanyard run=1 ready_ms=600"));
        let shown = table(
            &starts,
            &WasmSize {
                main: Weight {
                    bytes: 1,
                    gzip: None,
                },
                chunks: Weight {
                    bytes: 0,
                    gzip: None,
                },
                chunk_count: 0,
            },
            1,
        );
        assert!(
            shown.contains("| - | 0.600 s (0.600-0.600) | - |"),
            "{shown}"
        );
    }

    #[test]
    fn runs_default_to_five_and_must_be_a_positive_number() {
        assert_eq!(runs_from_args(&[]), Ok(5));
        let args = |a: &[&str]| a.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(runs_from_args(&args(&["--startup", "--runs", "2"])), Ok(2));
        assert!(runs_from_args(&args(&["--runs", "0"])).is_err());
        assert!(runs_from_args(&args(&["--runs"])).is_err());
    }
}
