//! The big-list bench (issue 17), through the real window: the time from a filter keystroke to
//! the updated table, for the Bulk page's 10,000 organizations and the Activity page's 100,000
//! audit entries (each a few times, alternating between a filter and none; the median), the
//! time from the Inventory's question to the first rows of a 10,000-row answer and from a
//! scroll to its end to the last row (a page read from SQLite), and the
//! memory of the app and its WebKit processes once a run on all 10,000 organizations has been
//! planned and its table shown; then that run sent against the sandbox (its buckets refilled a
//! thousand times faster than Auth0's, see `big_support::sandbox`): the time from Start to
//! Finished, the memory after it, and the time and size of one poll of the run (`bulk_view`)
//! with 0, 100 and 500 rows. It prints `bench:` lines and asserts no timing.
//!
//! Ignored, so that `cargo xtask test` does not run it; `cargo xtask bench` runs it against the
//! release app, and by hand it runs against whichever app LANYARD_E2E_APP names:
//!   cargo test -p lanyard-e2e --test big_lists_bench -- --include-ignored --nocapture

mod big_support;
#[allow(dead_code)] // the startup bench's reading of the memory, in one place
#[path = "startup_bench/memory.rs"]
mod memory;

use std::time::{Duration, Instant};

use big_support::*;
use lanyard_e2e::{App, with_app_env, with_app_profiles_env};

/// Keystrokes timed per table; half of them filter, half clear the filter.
const REPETITIONS: usize = 6;

/// Sets `input`'s text as a keystroke would (one input event), then waits in the page until
/// table `testid`'s `aria-rowcount` is `rows` and the frame after it has begun; the milliseconds
/// from the event to then, measured by the page's own clock.
const TIMED_INPUT: &str = r#"
const [inputSel, value, testid, rows, done] = arguments;
const input = document.querySelector(inputSel);
const updated = () => {
  const t = document.querySelector(`[data-testid=${testid}]`);
  return t && t.getAttribute('aria-rowcount') === rows;
};
const t0 = performance.now();
input.value = value;
input.dispatchEvent(new Event('input', { bubbles: true }));
const finish = () => requestAnimationFrame(() => done(performance.now() - t0));
if (updated()) { finish(); return; }
const watch = new MutationObserver(() => { if (updated()) { watch.disconnect(); finish(); } });
watch.observe(document.body, { subtree: true, childList: true, attributes: true });
setTimeout(() => { watch.disconnect(); done(-1); }, 25000);
"#;

/// One timed keystroke: `value` typed into `input`, until table `testid` has `rows` rows (the
/// header row included, as `aria-rowcount` counts).
async fn timed(
    app: &App,
    input: &str,
    value: &str,
    testid: &str,
    rows: usize,
) -> Result<f64, String> {
    let args = vec![
        input.into(),
        value.into(),
        testid.into(),
        (rows + 1).to_string().into(),
    ];
    let ms = app
        .client
        .execute_async(TIMED_INPUT, args)
        .await
        .map_err(|e| e.to_string())?
        .as_f64()
        .ok_or("no time")?;
    if ms < 0.0 {
        return Err(format!("{testid} never showed {rows} rows after {value:?}"));
    }
    Ok(ms)
}

/// Times `REPETITIONS` keystrokes on one table, alternating `filter` (`matching` rows) and an
/// empty filter (`all` rows), and prints their median.
async fn keystrokes(
    app: &App,
    what: &str,
    input: &str,
    testid: &str,
    (filter, matching): (&str, usize),
    all: usize,
) -> Result<(), String> {
    let mut filtered = Vec::new();
    let mut cleared = Vec::new();
    for _ in 0..REPETITIONS / 2 {
        filtered.push(timed(app, input, filter, testid, matching).await?);
        cleared.push(timed(app, input, "", testid, all).await?);
    }
    println!(
        "bench: {what} filter keystroke to updated table: median {:.0} ms to {matching} rows, {:.0} ms back to {all} (runs: {:?} / {:?})",
        median(&mut filtered),
        median(&mut cleared),
        rounded(&filtered),
        rounded(&cleared)
    );
    Ok(())
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

fn rounded(values: &[f64]) -> Vec<u64> {
    values.iter().map(|v| v.round() as u64).collect()
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

#[tokio::test]
#[ignore = "a bench: run it with `cargo xtask bench`"]
async fn big_lists_bench() {
    // The Activity page over 100,000 entries.
    let home = tempfile::tempdir().expect("home");
    prepare_home(home.path(), &[], ENTRIES).expect("home");
    let env = [("LANYARD_HOME", home.path().to_str().expect("utf-8 path"))];
    with_app_env("big_lists_bench_activity", &env, async |app| {
        app.click("#nav-activity").await?;
        let started = Instant::now();
        app.wait_text_within("#activity-count", LONG_WAIT, |t| t == "100,000 entries")
            .await?;
        println!(
            "bench: activity page of {ENTRIES} entries shown in {} ms (first page, from the click)",
            started.elapsed().as_millis()
        );
        keystrokes(
            app,
            "activity (100,000 entries)",
            "#activity-filter",
            "activity",
            (NEEDLE, 1),
            ENTRIES,
        )
        .await
    })
    .await;

    let s = sandbox().await.expect("sandbox");
    let seed = seed(&s);

    // The Inventory's answer of 10,000 organizations.
    let home = inventory_home(&seed).expect("home");
    let env = [("LANYARD_HOME", home.path().to_str().expect("utf-8 path"))];
    with_app_profiles_env("big_lists_bench_inventory", &env, std::slice::from_ref(&seed), async |app| {
        app.click("#nav-inventory").await?;
        app.wait_text("#profile-switcher", |t| t.contains("Big tenant"))
            .await?;
        let started = Instant::now();
        app.click("#inventory-ask").await?;
        wait_row(app, "inventory-answer", 2, |t| t.contains("org-00000")).await?;
        let first = started.elapsed().as_millis();
        let started = Instant::now();
        scroll_to_end(app, "inventory-answer").await?;
        wait_row(app, "inventory-answer", ORGANIZATIONS + 1, |t| t.contains("org-09999")).await?;
        println!(
            "bench: inventory answer of {ORGANIZATIONS} organizations: first rows shown {first} ms after Ask, the last row {} ms after the scroll to the end",
            started.elapsed().as_millis()
        );
        Ok(())
    })
    .await;

    // The Bulk page over 10,000 organizations, then a run planned on all of them.
    let home = tempfile::tempdir().expect("home");
    prepare_home(home.path(), std::slice::from_ref(&seed), 0).expect("home");
    let (picked, matching) = filter_of_one_organization(&s);
    let env = [("LANYARD_HOME", home.path().to_str().expect("utf-8 path"))];
    with_app_profiles_env("big_lists_bench_bulk", &env, &[seed], async |app| {
        app.click("#nav-bulk").await?;
        app.wait_text("#profile-switcher", |t| t.contains("Big tenant"))
            .await?;
        let started = Instant::now();
        app.wait_text_within("#select-matching", LONG_WAIT, |t| {
            t == "Select all 10,000 matching"
        })
        .await?;
        println!(
            "bench: bulk target table of {ORGANIZATIONS} organizations listed in {} ms (from the page's open)",
            started.elapsed().as_millis()
        );
        keystrokes(app, "bulk targets (10,000 organizations)", "#bulk-filter", "bulk-targets", (&picked, matching), ORGANIZATIONS)
            .await?;

        app.click("#select-matching").await?;
        app.wait_text("#selected-count", |t| t == "10,000 selected").await?;
        app.pick("bulk-connection-picker", "git", "github").await?;
        let started = Instant::now();
        app.click("#bulk-preview").await?;
        app.wait_text_within("#run-state", LONG_WAIT, |t| t == "Ready to start")
            .await?;
        println!(
            "bench: a run on {ORGANIZATIONS} organizations planned (each read live) and shown in {} ms",
            started.elapsed().as_millis()
        );
        let rows = row_count(app, "bulk-results").await?;
        if rows != "10001" {
            return Err(format!("the plan table has aria-rowcount {rows}"));
        }
        // Let the window settle at the run's poll, then read the memory of its processes.
        tokio::time::sleep(Duration::from_secs(5)).await;
        let binary = lanyard_e2e::app_binary()?;
        match memory::of_binary(&binary) {
            Ok(m) => println!(
                "bench: memory with a {ORGANIZATIONS}-item run shown: RSS {:.0} MiB, PSS {:.0} MiB ({} processes: the app and WebKit's)",
                mib(m.rss_kib),
                mib(m.pss_kib),
                m.processes
            ),
            Err(err) => println!("bench: memory not read: {err}"),
        }
        app.screenshot("big_lists_bench_plan").await?;

        // The run sent: every write through the sandbox, journaled (one line appended and
        // fsynced before and after each) and audited as the app does for any run.
        let started = Instant::now();
        app.click("#run-start").await?;
        app.click("#modal-confirm").await?;
        app.wait_text_within("#run-state", RUN_WAIT, |t| t == "Finished")
            .await?;
        let took = started.elapsed();
        let counts = app.wait_text("#run-counts", |t| !t.is_empty()).await?;
        println!(
            "bench: a run on {ORGANIZATIONS} organizations sent in {:.1} s from Start ({counts})",
            took.as_secs_f64()
        );
        tokio::time::sleep(Duration::from_secs(5)).await;
        match memory::of_binary(&binary) {
            Ok(m) => println!(
                "bench: memory after the {ORGANIZATIONS}-item run: RSS {:.0} MiB, PSS {:.0} MiB ({} processes: the app and WebKit's)",
                mib(m.rss_kib),
                mib(m.pss_kib),
                m.processes
            ),
            Err(err) => println!("bench: memory not read: {err}"),
        }
        polls(app).await?;
        app.screenshot("big_lists_bench_run").await?;
        Ok(())
    })
    .await;
}

/// The longest a run on 10,000 organizations may take before the bench gives up.
const RUN_WAIT: Duration = Duration::from_secs(1_800);

/// Polls `bulk_view` of the newest run through Tauri's IPC from the page, as the run's panel
/// does, five times for each page size; the median time and the size of the reply as JSON.
const POLL_SCRIPT: &str = r#"
const done = arguments[arguments.length - 1];
const ipc = window.__TAURI_INTERNALS__;
(async () => {
  const list = await ipc.invoke('bulk_runs', {});
  const run_id = list.runs[0].id;
  const out = [];
  for (const limit of [0, 100, 500]) {
    const times = [];
    let bytes = 0;
    for (let k = 0; k < 5; k++) {
      const t = performance.now();
      const v = await ipc.invoke('bulk_view', { run_id, page: { offset: 0, limit } });
      times.push(performance.now() - t);
      bytes = JSON.stringify(v).length;
    }
    times.sort((a, b) => a - b);
    out.push([limit, times[2], bytes]);
  }
  return out;
})().then(done, (e) => done(String(e)));
"#;

/// Times the run's poll (see [`POLL_SCRIPT`]) and prints a line per page size.
async fn polls(app: &App) -> Result<(), String> {
    let got = app
        .client
        .execute_async(POLL_SCRIPT, vec![])
        .await
        .map_err(|e| e.to_string())?;
    let rows = got
        .as_array()
        .ok_or_else(|| format!("the poll was not timed: {got}"))?;
    for row in rows {
        let field = |i: usize| {
            row.get(i)
                .and_then(serde_json::Value::as_f64)
                .unwrap_or(f64::NAN)
        };
        println!(
            "bench: poll of the {ORGANIZATIONS}-item run with {} rows: median {:.1} ms, {:.0} KB of JSON",
            field(0),
            field(1),
            field(2) / 1024.0
        );
    }
    Ok(())
}
