//! One Lanyard per data folder, and what stops a start said in a native dialog: the built app is
//! started directly (not through the driver) twice with the same `LANYARD_HOME`.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use lanyard_e2e::app_binary;

/// A started app whose stderr goes to a file, killed when dropped.
struct Running {
    child: Child,
    log: tempfile::NamedTempFile,
}

impl Running {
    fn start(home: &Path, env: &[(&str, &str)]) -> Result<Self, String> {
        let log = tempfile::NamedTempFile::new().map_err(|e| e.to_string())?;
        let stderr = log.reopen().map_err(|e| e.to_string())?;
        let child = Command::new(app_binary()?)
            .env("LANYARD_HOME", home)
            .env("RUST_LOG", "info")
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(stderr)
            .spawn()
            .map_err(|e| format!("the app did not start: {e}"))?;
        Ok(Self { child, log })
    }

    fn stderr(&self) -> String {
        std::fs::read_to_string(self.log.path()).unwrap_or_default()
    }

    /// Waits until `pred` holds of the stderr text.
    fn wait_log(&self, limit: Duration, pred: impl Fn(&str) -> bool) -> Result<String, String> {
        let deadline = Instant::now() + limit;
        loop {
            let text = self.stderr();
            if pred(&text) {
                return Ok(text);
            }
            if Instant::now() > deadline {
                return Err(format!("not seen within {limit:?}; stderr:\n{text}"));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// Waits for the process to end; its exit code.
    fn exit_within(&mut self, limit: Duration) -> Result<Option<i32>, String> {
        let deadline = Instant::now() + limit;
        loop {
            if let Some(status) = self.child.try_wait().map_err(|e| e.to_string())? {
                return Ok(status.code());
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "still running after {limit:?}; stderr:\n{}",
                    self.stderr()
                ));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The first app of `home`, once it holds the data folder's lock (its pid in the lock file).
fn first_app(home: &Path) -> Result<Running, String> {
    let mut first = Running::start(home, &[])?;
    let lock = home.join("data").join(lanyard_core::instance::LOCK_FILE);
    let pid = first.child.id().to_string();
    let deadline = Instant::now() + Duration::from_secs(60);
    while std::fs::read_to_string(&lock)
        .ok()
        .as_deref()
        .map(str::trim)
        != Some(pid.as_str())
    {
        if !first.running() || Instant::now() > deadline {
            return Err(format!(
                "the first app never took the lock; stderr:\n{}",
                first.stderr()
            ));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Ok(first)
}

/// Waits until a top-level window titled `title` is on the display (`xwininfo`, from x11-utils,
/// which `cargo xtask setup` installs).
fn wait_window(title: &str) -> Result<(), String> {
    let quoted = format!("\"{title}\"");
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let tree = Command::new("xwininfo")
            .args(["-root", "-tree"])
            .output()
            .map_err(|e| format!("xwininfo: {e}"))?;
        if String::from_utf8_lossy(&tree.stdout).contains(&quoted) {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err(format!("no window titled {quoted} on the display"));
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

fn check(result: Result<(), String>) {
    if let Err(err) = result {
        panic!("{err}");
    }
}

#[test]
#[ignore = "starts the real app; run with `cargo xtask test`"]
fn a_second_launch_focuses_the_first_and_exits() {
    check((|| {
        let home = tempfile::tempdir().map_err(|e| e.to_string())?;
        let mut first = first_app(home.path())?;
        let mut second = Running::start(home.path(), &[])?;
        let code = second.exit_within(Duration::from_secs(20))?;
        if code != Some(0) {
            return Err(format!(
                "the second launch ended with {code:?}; stderr:\n{}",
                second.stderr()
            ));
        }
        first.wait_log(Duration::from_secs(10), |t| {
            t.contains("another launch of Lanyard: focusing this window")
        })?;
        if !first.running() {
            return Err(format!("the first app ended; stderr:\n{}", first.stderr()));
        }
        Ok(())
    })());
}

#[test]
#[ignore = "starts the real app; run with `cargo xtask test`"]
fn without_the_session_bus_the_lock_file_stops_a_second_app_with_a_dialog() {
    check((|| {
        let home = tempfile::tempdir().map_err(|e| e.to_string())?;
        let mut first = first_app(home.path())?;
        // The plugin cannot find the first app without a session bus: the lock must.
        let mut second = Running::start(
            home.path(),
            &[("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")],
        )?;
        second.wait_log(Duration::from_secs(30), |t| {
            t.contains("Lanyard is already running")
        })?;
        wait_window("Lanyard is already running")?;
        std::thread::sleep(Duration::from_secs(1));
        if !second.running() {
            return Err(format!(
                "the second app ended without waiting on its dialog; stderr:\n{}",
                second.stderr()
            ));
        }
        if !first.running() {
            return Err(format!("the first app ended; stderr:\n{}", first.stderr()));
        }
        let lock = home
            .path()
            .join("data")
            .join(lanyard_core::instance::LOCK_FILE);
        let holder = std::fs::read_to_string(lock).map_err(|e| e.to_string())?;
        if holder.trim() != first.child.id().to_string() {
            return Err(format!("the lock file changed hands: {holder}"));
        }
        Ok(())
    })());
}

#[test]
#[ignore = "starts the real app; run with `cargo xtask test`"]
fn an_unreadable_settings_file_is_said_in_a_dialog_and_left_as_it_is() {
    check((|| {
        let home = tempfile::tempdir().map_err(|e| e.to_string())?;
        // A folder where the file should be: reading it fails even for root.
        let settings = home.path().join("config").join("profiles.json");
        std::fs::create_dir_all(settings.join("kept")).map_err(|e| e.to_string())?;
        let mut app = Running::start(home.path(), &[])?;
        app.wait_log(Duration::from_secs(30), |t| {
            t.contains("Lanyard cannot start") && t.contains("profiles.json")
        })?;
        wait_window("Lanyard cannot start")?;
        std::thread::sleep(Duration::from_secs(1));
        if !app.running() {
            return Err(format!(
                "the app ended without waiting on its dialog; stderr:\n{}",
                app.stderr()
            ));
        }
        if !settings.join("kept").is_dir() {
            return Err("the unreadable settings were touched".into());
        }
        Ok(())
    })());
}

#[test]
#[ignore = "starts the real app; run with `cargo xtask test`"]
fn settings_that_are_not_json_are_set_aside_whole_and_said_in_a_dialog() {
    check((|| {
        let home = tempfile::tempdir().map_err(|e| e.to_string())?;
        let config = home.path().join("config");
        std::fs::create_dir_all(&config).map_err(|e| e.to_string())?;
        let broken = b"{\"profiles\": [{\"id\": \"p-1\"";
        std::fs::write(config.join("profiles.json"), broken).map_err(|e| e.to_string())?;
        let mut app = Running::start(home.path(), &[])?;
        app.wait_log(Duration::from_secs(30), |t| {
            t.contains("settings file set aside")
        })?;
        wait_window("Lanyard: settings file set aside")?;
        if !app.running() {
            return Err(format!("the app ended; stderr:\n{}", app.stderr()));
        }
        let aside: Vec<_> = std::fs::read_dir(&config)
            .map_err(|e| e.to_string())?
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().contains(".corrupt-"))
            .collect();
        let [kept] = aside.as_slice() else {
            return Err(format!("{} files set aside", aside.len()));
        };
        let text = std::fs::read(kept.path()).map_err(|e| e.to_string())?;
        if text != broken {
            return Err("the set-aside file is not the broken one, byte for byte".into());
        }
        Ok(())
    })());
}
