//! What the app tells its window about itself.

use serde::{Deserialize, Serialize};

use crate::profile::Profile;

/// The answer of the `app_info` command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppInfo {
    pub version: String,
    pub platform: String,
    /// Saved profiles, built-in Sandbox ones included unless hidden.
    pub profiles: Vec<Profile>,
    /// Where settings and the audit log live, to tell the user.
    pub config_dir: String,
    pub data_dir: String,
    /// A settings file that could not be read and was moved aside, to tell the user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settings_set_aside: Option<String>,
    /// The UI language the user picked (a BCP 47 tag such as "ja"); `None` follows the system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}
