//! The startup and memory bench of `cargo xtask bench` (issue 17): starts a blank Tauri window
//! (`LANYARD_BENCH_BLANK_APP`) and Lanyard (`LANYARD_E2E_APP`) one after the other, each
//! `LANYARD_BENCH_RUNS` times (5 unless set), each in a throw-away LANYARD_HOME, through
//! tauri-driver. For each start it prints one `bench: startup` line: the time from the WebDriver
//! session request until the version label shows, where the page's own `lanyard:` marks fall,
//! and, after 5 s idle, the memory of the app and its WebKit processes. `cargo xtask bench`
//! turns the lines into the table; nothing here is asserted about a timing.
//! `LANYARD_BENCH_LANGUAGE=ja` starts Lanyard with that language picked in its settings file
//! (the blank window reads none): the start of a user whose catalogue the shell keeps.

mod memory;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use lanyard_e2e::{free_port, wait_for_port, wry_capabilities};

/// How long a start may take before the run is called failed (not a measurement).
const START_LIMIT: Duration = Duration::from_secs(60);
/// Idle time before the memory is read: what the window holds once the start has settled.
const IDLE: Duration = Duration::from_secs(5);

/// Seen when the version label has its text (`v0.1.0 · linux`): the page clock at that moment.
const READY_SCRIPT: &str = "const e = document.querySelector('[data-testid=app-version]'); \
     return e && e.textContent.startsWith('v') ? [performance.timeOrigin, performance.now()] : null;";

/// Seen when the first page's form shows (Lanyard's Auth0 organization picker): the page clock
/// then, or null (the blank window has no such page).
const FIRST_PAGE_SCRIPT: &str =
    "return document.getElementById('org-picker') ? performance.now() : null;";

/// The page's own marks, the wasm download's end and the HTML's, in ms from the page's start.
const MARKS_SCRIPT: &str = "const out = []; \
     for (const m of performance.getEntriesByType('mark')) \
       if (m.name.startsWith('lanyard:')) out.push([m.name.slice(8), m.startTime]); \
     const nav = performance.getEntriesByType('navigation')[0]; \
     if (nav) out.push(['html', nav.responseEnd], ['dom', nav.domContentLoadedEventEnd]); \
     for (const r of performance.getEntriesByType('resource')) \
       if (r.name.endsWith('.wasm')) out.push(['wasm-fetched', r.responseEnd]); \
     return out;";

/// One more `app_info` through Tauri's IPC once the page is up: the round trip of a command that
/// does next to nothing in Rust (the first one, at start, is part of `page_label`). Nothing where
/// the page has no Tauri IPC.
const IPC_SCRIPT: &str = "const done = arguments[arguments.length - 1]; \
     const ipc = window.__TAURI_INTERNALS__; \
     if (!ipc) { done(null); return; } \
     const t = performance.now(); \
     ipc.invoke('app_info', {}).then(() => done(performance.now() - t), () => done(null));";

#[tokio::test(flavor = "multi_thread")]
#[ignore = "a benchmark: `cargo xtask bench` runs it with release builds inside the display session"]
async fn startup_and_idle_memory() {
    let apps = [
        ("blank", env_path("LANYARD_BENCH_BLANK_APP")),
        ("lanyard", env_path("LANYARD_E2E_APP")),
    ];
    let runs: usize = std::env::var("LANYARD_BENCH_RUNS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(5);
    let driver = std::env::var_os("LANYARD_E2E_DRIVER").unwrap_or_else(|| "tauri-driver".into());
    for run in 1..=runs {
        for (name, binary) in &apps {
            match start_once(binary, Path::new(&driver)).await {
                Ok(line) => println!("bench: startup app={name} run={run} {line}"),
                Err(err) => panic!("{name}, run {run}: {err}"),
            }
        }
    }
}

fn env_path(name: &str) -> PathBuf {
    match std::env::var_os(name) {
        Some(p) if Path::new(&p).is_file() => PathBuf::from(p),
        _ => panic!("{name} must name a built app binary (`cargo xtask bench` sets it)"),
    }
}

/// One start of `binary`: its `key=value` figures.
async fn start_once(binary: &Path, driver: &Path) -> Result<String, String> {
    wait_until_gone(binary)?;
    let home = tempfile::tempdir().map_err(|err| format!("no temp folder: {err}"))?;
    if let Some(language) = std::env::var("LANYARD_BENCH_LANGUAGE").ok() {
        pick_language(home.path(), &language)?;
    }
    let port = free_port()?;
    let native_port = free_port()?;
    let mut driver = Command::new(driver)
        .args(["--port", &port.to_string()])
        .args(["--native-port", &native_port.to_string()])
        .env("LANYARD_HOME", home.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|err| format!("cannot start {}: {err}", driver.display()))?;
    let outcome = measure(binary, port).await;
    let _ = driver.kill();
    let _ = driver.wait();
    outcome
}

async fn measure(binary: &Path, port: u16) -> Result<String, String> {
    wait_for_port(port, Duration::from_secs(30))?;
    let caps = wry_capabilities(binary);
    let asked = Instant::now();
    let asked_at = epoch_ms(SystemTime::now());
    let client = fantoccini::ClientBuilder::native()
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .map_err(|err| format!("WebDriver session did not start: {err}"))?;
    let session_ms = ms(asked.elapsed());
    let (origin, page_ready) = loop {
        let seen = client
            .execute(READY_SCRIPT, Vec::new())
            .await
            .map_err(|err| format!("the page cannot be read: {err}"))?;
        if let Some([origin, now]) = pair(&seen) {
            break (origin, now);
        }
        if asked.elapsed() > START_LIMIT {
            return Err(format!(
                "the version label did not show within {START_LIMIT:?}"
            ));
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    };
    let ready_ms = ms(asked.elapsed());
    let first_page = first_page_shown(&client, &asked).await?;
    let marks = client
        .execute(MARKS_SCRIPT, Vec::new())
        .await
        .map_err(|err| format!("the page's marks cannot be read: {err}"))?;
    let ipc = client
        .execute_async(IPC_SCRIPT, Vec::new())
        .await
        .map_err(|err| format!("the IPC round trip cannot be timed: {err}"))?;
    tokio::time::sleep(IDLE).await;
    let memory = memory::of_binary(binary)?;
    let _ = client.close().await;
    let mut line = format!(
        "ready_ms={ready_ms:.1} session_ms={session_ms:.1} page_start_ms={:.1} page_label={page_ready:.1}",
        origin - asked_at
    );
    for entry in marks.as_array().into_iter().flatten() {
        if let (Some(name), Some(at)) = (entry[0].as_str(), entry[1].as_f64()) {
            line.push_str(&format!(" page_{name}={at:.1}"));
        }
    }
    if let Some((session, page)) = first_page {
        line.push_str(&format!(
            " first_page_ms={session:.1} page_first_page={page:.1}"
        ));
    }
    if let Some(ms) = ipc.as_f64() {
        line.push_str(&format!(" ipc_app_info_ms={ms:.1}"));
    }
    line.push_str(&format!(
        " pss_kib={} rss_kib={} processes={}",
        memory.pss_kib, memory.rss_kib, memory.processes
    ));
    Ok(line)
}

/// When the first page's form showed after the version label: `(ms since the session request,
/// the page clock)`, or `None` for an app without that page (given 3 s after the label).
async fn first_page_shown(
    client: &fantoccini::Client,
    asked: &Instant,
) -> Result<Option<(f64, f64)>, String> {
    let label_seen = Instant::now();
    loop {
        let seen = client
            .execute(FIRST_PAGE_SCRIPT, Vec::new())
            .await
            .map_err(|err| format!("the page cannot be read: {err}"))?;
        if let Some(at) = seen.as_f64() {
            return Ok(Some((ms(asked.elapsed()), at)));
        }
        if label_seen.elapsed() > Duration::from_secs(3) {
            return Ok(None);
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

/// The settings file of the home `home`, with `language` picked and no profile of the user's.
fn pick_language(home: &Path, language: &str) -> Result<(), String> {
    let file = lanyard_core::profiles::ProfilesFile {
        profiles: Vec::new(),
        hide_sandbox: false,
        language: Some(language.to_owned()),
    };
    let config = home.join("config");
    std::fs::create_dir_all(&config).map_err(|e| e.to_string())?;
    let json = serde_json::to_vec(&file).map_err(|e| e.to_string())?;
    std::fs::write(config.join("profiles.json"), json).map_err(|e| e.to_string())
}

/// `[a, b]` of two numbers.
fn pair(value: &serde_json::Value) -> Option<[f64; 2]> {
    let list = value.as_array()?;
    Some([list.first()?.as_f64()?, list.get(1)?.as_f64()?])
}

/// The previous run's app is ended by the driver; its processes may take a moment to go.
fn wait_until_gone(binary: &Path) -> Result<(), String> {
    let deadline = Instant::now() + Duration::from_secs(15);
    while memory::is_running(binary) {
        if Instant::now() > deadline {
            return Err(format!("{} is still running", binary.display()));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Ok(())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn epoch_ms(t: SystemTime) -> f64 {
    t.duration_since(UNIX_EPOCH).map(ms).unwrap_or(0.0)
}
