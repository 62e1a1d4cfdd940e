//! The on-disk record of a bulk run: one JSON file per run in `<data dir>/runs/`, replaced
//! atomically (temp file, fsync, rename, fsync of the folder) before every write the run sends
//! and after every result, so that a run killed at any moment is found again with each item's
//! last known state.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use lanyard_model::Change;
use lanyard_model::bulk::{BulkOp, BulkTarget, Counts, ItemStatus, ItemView, RunState, RunSummary};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::CoreError;

/// The journal format; a file of another version is left alone.
const VERSION: u32 = 1;

/// One run, as journaled.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunRecord {
    pub version: u32,
    pub id: String,
    pub profile_id: String,
    pub profile_name: String,
    /// Set when the profile was marked production: what to type to start a destructive run.
    pub confirm_name: Option<String>,
    /// The op the run was planned from; `None` for a run that undoes another.
    pub op: Option<BulkOp>,
    pub summary: String,
    pub undo_of: Option<String>,
    pub created: String,
    pub state: RunState,
    pub note: Option<String>,
    /// Targets read so far while planning.
    pub planned: usize,
    /// The items that needed no change are in the audit log.
    #[serde(default)]
    pub skipped_logged: bool,
    pub items: Vec<Item>,
}

/// One target of a run and what happened to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub target: BulkTarget,
    /// The concrete change; `None` until planned, or when the target's id was not valid.
    pub change: Option<Change>,
    /// The target's state when planned, and as planned (the same JSON the preview shows).
    pub current: Value,
    pub planned: Value,
    pub status: ItemStatus,
    pub message: Option<String>,
    pub correlation_id: Option<String>,
    /// The outcome was learned by reading the target back.
    pub read_back: bool,
    /// Read the target before sending: it may have changed (a retry) or the last send's
    /// outcome is not known.
    pub verify: bool,
    /// The change that reverses this item once it is done.
    pub undo: Option<Change>,
    /// Writes sent for this item.
    pub attempts: u32,
}

impl Item {
    pub fn new(target: BulkTarget) -> Self {
        Self {
            target,
            change: None,
            current: Value::Null,
            planned: Value::Null,
            status: ItemStatus::Pending,
            message: None,
            correlation_id: None,
            read_back: false,
            verify: false,
            undo: None,
            attempts: 0,
        }
    }

    pub fn view(&self, index: usize) -> ItemView {
        ItemView {
            index,
            target_id: self.target.id.clone(),
            target_name: self.target.name.clone(),
            current: describe_state(&self.current),
            planned: describe_state(&self.planned),
            status: self.status,
            message: self.message.clone(),
            correlation_id: self.correlation_id.clone(),
            read_back: self.read_back,
        }
    }
}

impl RunRecord {
    pub fn new(
        id: String,
        profile: &lanyard_model::Profile,
        op: Option<BulkOp>,
        summary: String,
        items: Vec<Item>,
    ) -> Self {
        Self {
            version: VERSION,
            id,
            profile_id: profile.id.clone(),
            profile_name: profile.display_name.clone(),
            confirm_name: (profile.environment == lanyard_model::Environment::Production)
                .then(|| profile.confirmation_name()),
            op,
            summary,
            undo_of: None,
            created: crate::audit::AuditEntry::now(),
            state: RunState::Planning,
            note: None,
            planned: 0,
            skipped_logged: false,
            items,
        }
    }

    pub fn counts(&self) -> Counts {
        Counts::of(self.items.iter().map(|i| i.status))
    }

    pub fn destructive(&self) -> bool {
        match &self.op {
            Some(op) => op.is_destructive(),
            None => self
                .items
                .iter()
                .filter_map(|i| i.change.as_ref())
                .any(Change::is_destructive),
        }
    }

    pub fn summary(&self) -> RunSummary {
        RunSummary {
            id: self.id.clone(),
            profile_name: self.profile_name.clone(),
            summary: self.summary.clone(),
            created: self.created.clone(),
            state: self.state,
            counts: self.counts(),
        }
    }

    /// The results as CSV: one row per target, with a header row.
    pub fn to_csv(&self) -> String {
        let mut out = String::from(
            "run_id,target_id,target_name,current,planned,status,message,correlation_id,read_back\n",
        );
        for (i, item) in self.items.iter().enumerate() {
            let v = item.view(i);
            let fields = [
                self.id.clone(),
                v.target_id,
                v.target_name,
                v.current,
                v.planned,
                v.status.label().to_owned(),
                v.message.unwrap_or_default(),
                v.correlation_id.unwrap_or_default(),
                v.read_back.to_string(),
            ];
            out.push_str(
                &fields
                    .iter()
                    .map(|f| crate::audit::csv_field(f))
                    .collect::<Vec<_>>()
                    .join(","),
            );
            out.push('\n');
        }
        out
    }
}

/// A target's state in a few words, from the preview's JSON.
pub fn describe_state(state: &Value) -> String {
    match state {
        Value::Null => "not enabled".to_owned(),
        Value::Object(map) if map.contains_key("linked") => {
            if map["linked"] == Value::Bool(true) {
                "linked".to_owned()
            } else {
                "not linked".to_owned()
            }
        }
        Value::Object(map) if map.contains_key("auto_join") => {
            if map["auto_join"] == Value::Bool(true) {
                "auto-join".to_owned()
            } else {
                "not auto-join".to_owned()
            }
        }
        Value::Object(map) => {
            let on = |k: &str| map.get(k) == Some(&Value::Bool(true));
            let mut parts = vec![
                if on("is_enabled") {
                    "enabled"
                } else {
                    "disabled"
                }
                .to_owned(),
            ];
            if on("show_as_button") {
                parts.push("button".into());
            }
            if on("assign_membership_on_login") {
                parts.push("membership on login".into());
            }
            if on("is_signup_enabled") {
                parts.push("signup".into());
            }
            if let Some(level) = map.get("organization_access_level").and_then(Value::as_str) {
                parts.push(format!("access {level}"));
            }
            if let Some(name) = map
                .get("organization_connection_name")
                .and_then(Value::as_str)
            {
                parts.push(format!("shown as \u{201c}{name}\u{201d}"));
            }
            parts.join(" · ")
        }
        other => other.to_string(),
    }
}

/// The folder of run journals.
#[derive(Debug, Clone)]
pub struct Journal {
    dir: PathBuf,
}

impl Journal {
    pub fn in_dir(data_dir: &Path) -> Self {
        Self {
            dir: data_dir.join("runs"),
        }
    }

    fn path(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.json"))
    }

    /// Replaces the run's file with `record`, durably.
    pub fn save(&self, record: &RunRecord) -> Result<(), CoreError> {
        let fail = |err: std::io::Error| {
            CoreError::Other(format!(
                "the journal of bulk run {} could not be written in {}: {err}; check the folder's permissions and free space",
                record.id,
                self.dir.display()
            ))
        };
        std::fs::create_dir_all(&self.dir).map_err(fail)?;
        let bytes = serde_json::to_vec(record).map_err(|e| fail(std::io::Error::other(e)))?;
        let mut temp = tempfile::NamedTempFile::new_in(&self.dir).map_err(fail)?;
        temp.write_all(&bytes).map_err(fail)?;
        temp.as_file().sync_all().map_err(fail)?;
        temp.persist(self.path(&record.id))
            .map_err(|e| fail(e.error))?;
        // The rename itself is durable only once the folder is synced.
        if let Ok(dir) = File::open(&self.dir) {
            let _ = dir.sync_all();
        }
        Ok(())
    }

    pub fn load(&self, id: &str) -> Option<RunRecord> {
        if !valid_id(id) {
            return None;
        }
        let bytes = std::fs::read(self.path(id)).ok()?;
        serde_json::from_slice::<RunRecord>(&bytes)
            .ok()
            .filter(|r| r.version == VERSION && r.id == id)
    }

    /// Every readable run, newest first.
    pub fn list(&self) -> Vec<RunRecord> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut runs: Vec<RunRecord> = entries
            .flatten()
            .filter_map(|e| {
                let name = e.file_name().into_string().ok()?;
                self.load(name.strip_suffix(".json")?)
            })
            .collect();
        runs.sort_by(|a, b| b.created.cmp(&a.created).then(b.id.cmp(&a.id)));
        runs
    }
}

/// Run ids are made here (`run-` and a UUID); anything else is not looked up on disk.
pub fn valid_id(id: &str) -> bool {
    id.len() <= 64
        && id.starts_with("run-")
        && id[4..].chars().all(|c| c.is_ascii_hexdigit() || c == '-')
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn states_read_as_words() {
        assert_eq!(describe_state(&Value::Null), "not enabled");
        assert_eq!(describe_state(&json!({"linked": true})), "linked");
        assert_eq!(
            describe_state(&json!({
                "is_enabled": true, "show_as_button": true, "assign_membership_on_login": false,
                "is_signup_enabled": false, "organization_access_level": "none",
                "organization_connection_name": null
            })),
            "enabled · button · access none"
        );
    }

    #[test]
    fn ids_from_elsewhere_never_name_a_file() {
        assert!(valid_id("run-0f1e2d3c-aaaa-bbbb-cccc-000011112222"));
        assert!(!valid_id("run-../../etc/passwd"));
        assert!(!valid_id("settings"));
        let dir = tempfile::tempdir().expect("temp dir");
        assert!(Journal::in_dir(dir.path()).load("../x").is_none());
    }
}
