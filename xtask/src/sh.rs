//! Running commands with their output shown, and the project's folders.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository root (xtask lives one folder below it).
pub fn root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(Path::to_path_buf).unwrap_or(manifest)
}

/// Cargo's target folder, honouring CARGO_TARGET_DIR.
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => {
            let dir = PathBuf::from(dir);
            if dir.is_absolute() {
                dir
            } else {
                root().join(dir)
            }
        }
        _ => root().join("target"),
    }
}

/// `name` with the platform's executable suffix.
pub fn exe(name: &str) -> String {
    format!("{name}{}", std::env::consts::EXE_SUFFIX)
}

/// A command that runs in the repository root and reports failures in words.
pub struct Cmd {
    inner: Command,
    shown: String,
}

impl Cmd {
    pub fn new(program: impl AsRef<std::ffi::OsStr>) -> Self {
        let program = program.as_ref();
        let mut inner = Command::new(program);
        inner.current_dir(root());
        Self {
            inner,
            shown: program.to_string_lossy().into_owned(),
        }
    }

    pub fn arg(&mut self, arg: impl AsRef<std::ffi::OsStr>) -> &mut Self {
        let arg = arg.as_ref();
        self.shown.push(' ');
        self.shown.push_str(&arg.to_string_lossy());
        self.inner.arg(arg);
        self
    }

    pub fn args<I, S>(&mut self, args: I) -> &mut Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        for a in args {
            self.arg(a);
        }
        self
    }

    pub fn env(&mut self, key: &str, value: impl AsRef<std::ffi::OsStr>) -> &mut Self {
        self.inner.env(key, value);
        self
    }

    pub fn current_dir(&mut self, dir: impl AsRef<Path>) -> &mut Self {
        self.inner.current_dir(dir);
        self
    }

    /// Runs with inherited output; a non-zero exit is an error naming the command.
    pub fn status(&mut self) -> Result<(), String> {
        eprintln!("xtask: $ {}", self.shown);
        let status = self
            .inner
            .status()
            .map_err(|err| format!("cannot start `{}`: {err}", self.shown))?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("`{}` failed ({status})", self.shown))
        }
    }

    /// Runs with stdout echoed line by line and returns the lines, for reading test totals.
    pub fn status_capturing(&mut self) -> (Result<(), String>, Vec<String>) {
        use std::io::BufRead;
        eprintln!("xtask: $ {}", self.shown);
        let mut child = match self.inner.stdout(std::process::Stdio::piped()).spawn() {
            Ok(child) => child,
            Err(err) => {
                return (
                    Err(format!("cannot start `{}`: {err}", self.shown)),
                    Vec::new(),
                );
            }
        };
        let mut lines = Vec::new();
        if let Some(out) = child.stdout.take() {
            for line in std::io::BufReader::new(out).lines().map_while(Result::ok) {
                println!("{line}");
                lines.push(line);
            }
        }
        let result = match child.wait() {
            Ok(status) if status.success() => Ok(()),
            Ok(status) => Err(format!("`{}` failed ({status})", self.shown)),
            Err(err) => Err(format!("`{}` could not be waited for: {err}", self.shown)),
        };
        (result, lines)
    }

    /// Runs quietly and returns stdout when it succeeds; `None` when it cannot run or fails.
    pub fn read(&mut self) -> Option<String> {
        let out = self.inner.output().ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    }
}

/// The cargo that runs xtask.
fn cargo_program() -> std::ffi::OsString {
    std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into())
}

/// `cargo <args>` with the cargo that runs xtask.
pub fn cargo(args: &[&str]) -> Cmd {
    let mut c = Cmd::new(cargo_program());
    c.args(args);
    c
}

/// `cargo <args>` as an argument vector, for wrapping in another program.
pub fn cargo_argv(args: &[&str]) -> Vec<String> {
    std::iter::once(cargo_program().to_string_lossy().into_owned())
        .chain(args.iter().map(|a| (*a).to_owned()))
        .collect()
}

/// Whether `program` can be found on PATH.
pub fn on_path(program: &str) -> bool {
    let Some(path) = std::env::var_os("PATH") else {
        return false;
    };
    std::env::split_paths(&path).any(|dir| dir.join(exe(program)).is_file())
}
