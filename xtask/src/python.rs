//! A Python 3 with pip, for the check tools that come from PyPI (the macOS headers in cross.rs,
//! the workflow checker in workflows.rs).

use crate::setup;
use crate::sh::{self, Cmd};

/// `python3` when it runs pip, after installing Debian's Python when there is none.
pub fn python3() -> Result<String, String> {
    let works = |py: &str| {
        Cmd::new(py)
            .args(["-m", "pip", "--version"])
            .read()
            .is_some()
    };
    if works("python3") {
        return Ok("python3".to_owned());
    }
    if cfg!(target_os = "linux") && sh::on_path("dpkg-query") {
        setup::apt_install(&["python3", "python3-pip", "python3-venv"])?;
        if works("python3") {
            return Ok("python3".to_owned());
        }
    }
    Err(
        "Python 3 with pip is needed (for the macOS headers and the workflow check); install it"
            .to_owned(),
    )
}
