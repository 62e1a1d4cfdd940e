//! The Activity page: the audit log, and its export.

use lanyard_core::audit::{AuditEntry, to_csv};
use lanyard_model::CommandError;
use serde::Serialize;

use crate::state::AppState;

#[derive(Debug, Serialize)]
pub struct ActivityView {
    pub entries: Vec<AuditEntry>,
    /// Lines that could not be read (a crash mid-write), to tell the user.
    pub skipped_lines: usize,
    pub path: String,
}

#[tauri::command]
pub fn activity_list(state: tauri::State<'_, AppState>) -> Result<ActivityView, CommandError> {
    let read = state.console.activity()?;
    Ok(ActivityView {
        entries: read.entries,
        skipped_lines: read.skipped_lines,
        path: state
            .paths
            .data_dir
            .join("audit.jsonl")
            .display()
            .to_string(),
    })
}

/// The log as CSV or JSON text, for the UI to save.
#[tauri::command]
pub fn activity_export(
    state: tauri::State<'_, AppState>,
    format: String,
) -> Result<String, CommandError> {
    let entries = state.console.activity()?.entries;
    match format.as_str() {
        "csv" => Ok(to_csv(&entries)),
        "json" => serde_json::to_string_pretty(&entries).map_err(|e| CommandError::Configuration {
            message: e.to_string(),
        }),
        other => {
            let mut f = lanyard_model::FieldErrors::new();
            f.add("format", format!("use csv or json, not {other}"));
            Err(CommandError::validation(f))
        }
    }
}
