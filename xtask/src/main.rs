//! `cargo xtask run | test | bench | bundle | lint | setup | ui`: builds Lanyard's UI and app, sets up
//! the toolchain on a fresh machine, and runs the whole test suite.

mod bench;
mod bundle;
mod cross;
mod lint;
mod python;
mod setup;
mod sh;
mod test;
mod ui;
mod workflows;

use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command>

  run       set up what is missing, build the UI and start Lanyard
  test      set up what is missing, build everything and run every test, end-to-end included
  bench     run the criterion benchmarks, then the startup and memory bench against a blank
            Tauri window and the big-list bench (release builds; --startup skips criterion,
            --runs N starts each app N times, --prebuilt measures the last release build)
  bundle    build the platform installers (Linux: .deb; AppImage where it can build offline)
            (--prepare: only set up, build the UI and write src-tauri/tauri.conf.json)
  lint      check house rules a compiler does not (the repository is self-contained)
  setup     only install what is missing (system packages, rustup targets, pinned tools)
  ui        only build the UI into ui/dist (add --release for an optimized build)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(command) = args.first().map(String::as_str) else {
        eprint!("{USAGE}");
        return ExitCode::from(2);
    };
    let rest = &args[1..];
    let result = match command {
        "run" => run(rest),
        "test" => test::all(rest),
        "bench" => bench::all(rest),
        "bundle" => bundle::all(rest),
        "lint" => lint::all(&sh::root()),
        "setup" => test::ensure_all().map(|_| ()),
        "ui" => setup::ensure(setup::Needs::ui())
            .and_then(|tools| ui::build(&tools, ui::Profile::from_args(rest))),
        "-h" | "--help" | "help" => {
            print!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Builds the UI and starts the app; on a Linux machine with no display it starts under Xvfb.
fn run(args: &[String]) -> Result<(), String> {
    let tools = setup::ensure(setup::Needs::run())?;
    ui::build(&tools, ui::Profile::Release)?;
    sh::cargo(&["build", "-p", "lanyard"]).status()?;
    let binary = sh::target_dir().join("debug").join(sh::exe("lanyard"));
    let mut command = if cfg!(target_os = "linux")
        && std::env::var_os("DISPLAY").is_none()
        && std::env::var_os("WAYLAND_DISPLAY").is_none()
    {
        eprintln!("xtask: no display here; starting Lanyard under Xvfb (screen 1280x800)");
        let mut c = sh::Cmd::new("xvfb-run");
        c.args(["-a", "-s", "-screen 0 1280x800x24"])
            .arg(binary.display().to_string());
        c
    } else {
        sh::Cmd::new(binary.display().to_string())
    };
    command.args(args.iter().map(String::as_str));
    command.status()
}
