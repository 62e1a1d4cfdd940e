//! The audit log's entries as the core writes them and the Activity page shows them, and the
//! formats the log is exported in. Writing and reading the file is `lanyard_core::audit`.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::bulk::ItemNote;
use crate::change::{ChangeSummary, Label};
use crate::error::CommandError;

/// How a change ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Success,
    Failure,
    /// The request was sent but its effect could not be confirmed.
    Unknown,
}

impl Outcome {
    /// The word the log, its CSV and the Activity page use.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Success => "success",
            Outcome::Failure => "failure",
            Outcome::Unknown => "unknown",
        }
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One target of a change, by id and, when known, by what it is called: the product's name
/// (stored as the plain string, as every line before typed labels has it, so an old line's
/// English "connection con_1 (name not known)" loads as a name and is shown as written), or
/// what the console calls it (an item known only by its id, the instance, an organization's
/// own login policy), which the Activity page words in the UI's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    pub kind: String,
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Label>,
}

/// One line of the audit log. Holds no secret: request summaries are built from validated
/// request types, which carry no credentials.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// RFC 3339, UTC.
    pub time: String,
    pub profile_id: String,
    pub profile_name: String,
    pub product: String,
    pub operation: String,
    pub targets: Vec<Target>,
    /// What was sent, as it was sent: a record of any past version's change, so kept as the
    /// JSON it was written as (an entry must stay readable after the change types evolve).
    pub request: serde_json::Value,
    pub outcome: Outcome,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// What else there is to say about the outcome (why it failed, that nothing needed doing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<AuditNote>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correlation_id: Option<String>,
    /// The OS user who ran Lanyard.
    pub who: String,
    /// The bulk run this change belonged to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub run_id: Option<String>,
}

/// An entry's note on its outcome. The log is a file users keep: a line written before notes
/// were typed holds Lanyard's English words of then, read as [`AuditNote::Stored`] (tried
/// first, so every old line loads); a note this version does not know (a later Lanyard's) is
/// kept as written rather than the line skipped. `Display` is the English wording (the CSV
/// export, the filter); the Activity page words a typed note in the UI's language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum AuditNote {
    /// Words written as text by an earlier Lanyard, shown as written.
    Stored(String),
    Noted(Note),
    /// A note of a later Lanyard, as it wrote it.
    Later(serde_json::Value),
}

/// What Lanyard notes about a change's outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "note", rename_all = "snake_case")]
pub enum Note {
    /// The target already was as the change wanted it: nothing was sent.
    Already,
    /// Why the change failed or its outcome is unknown: the error the window showed.
    Failed { error: CommandError },
    /// What the line's operation did on the way to a change (ZITADEL: the organization's own
    /// login policy created before a link).
    DoneFor { change: ChangeSummary },
    /// A bulk run's item that Lanyard did not send, and why (its note in the run: someone else
    /// changed the target since it was planned, ...).
    LeftAlone { item: ItemNote },
}

impl From<Note> for AuditNote {
    fn from(note: Note) -> Self {
        AuditNote::Noted(note)
    }
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Note::Already => f.write_str("already in the wanted state"),
            Note::Failed { error } => write!(f, "{error}"),
            Note::DoneFor { change } => write!(f, "{change}"),
            Note::LeftAlone { item } => write!(f, "{item}"),
        }
    }
}

impl fmt::Display for AuditNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AuditNote::Stored(text) => f.write_str(text),
            AuditNote::Noted(note) => write!(f, "{note}"),
            AuditNote::Later(value) => write!(f, "{value}"),
        }
    }
}

/// The whole log, newest first (the core's tests and the exports read it so).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActivityView {
    pub entries: Vec<AuditEntry>,
    /// Lines that could not be read (a crash mid-write), to tell the user.
    pub skipped_lines: usize,
    /// Where the log is kept, to tell the user.
    pub path: String,
}

/// The most entries one `activity_page` answer holds.
pub const ACTIVITY_PAGE_MAX: usize = 500;

/// The longest filter `activity_page` takes, in characters.
pub const ACTIVITY_FILTER_MAX: usize = 200;

/// The answer of `activity_page`: a slice of the entries the filter matches, newest first, and
/// how many there are in all; the filter runs over the whole log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActivityPage {
    /// The matching entries from `offset` on (newest first), at most the limit asked for.
    pub entries: Vec<AuditEntry>,
    pub offset: usize,
    /// How many entries the filter matches in the whole log.
    pub matching: usize,
    /// How many entries the log holds.
    pub total: usize,
    /// Lines that could not be read (a crash mid-write), to tell the user.
    pub skipped_lines: usize,
    /// Where the log is kept, to tell the user.
    pub path: String,
}

/// What `activity_export` writes the log as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    Csv,
    Json,
}

impl ExportFormat {
    /// The file name's extension.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
        }
    }

    /// The file's media type.
    pub fn mime(self) -> &'static str {
        match self {
            ExportFormat::Csv => "text/csv",
            ExportFormat::Json => "application/json",
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn outcomes_and_formats_keep_the_words_the_log_and_the_window_use() {
        for (outcome, word) in [
            (Outcome::Success, "success"),
            (Outcome::Failure, "failure"),
            (Outcome::Unknown, "unknown"),
        ] {
            assert_eq!(serde_json::to_value(outcome).unwrap(), word);
            assert_eq!(outcome.to_string(), word);
        }
        assert_eq!(
            serde_json::from_str::<ExportFormat>("\"csv\"").unwrap(),
            ExportFormat::Csv
        );
        assert!(serde_json::from_str::<ExportFormat>("\"xml\"").is_err());
    }

    /// A line as an earlier Lanyard wrote it, with its note as English text.
    const OLD_LINE: &str = r#"{"time":"2026-11-20T10:00:00Z","profile_id":"p","profile_name":"Acme","product":"auth0","operation":"enable_connection","targets":[],"request":{},"outcome":"success","message":"already in the wanted state","correlation_id":"c-1","who":"dana"}"#;

    #[test]
    fn an_old_line_with_a_note_in_words_loads_and_shows_its_words() {
        let entry: AuditEntry = serde_json::from_str(OLD_LINE).unwrap();
        let note = entry.message.clone().unwrap();
        assert_eq!(
            note,
            AuditNote::Stored("already in the wanted state".into())
        );
        assert_eq!(note.to_string(), "already in the wanted state");
        // Written back as it was read.
        assert_eq!(
            serde_json::to_value(&entry).unwrap()["message"],
            "already in the wanted state"
        );
    }

    #[test]
    fn a_typed_note_round_trips_and_says_in_english_what_it_said_as_text() {
        let notes = [
            Note::Already,
            Note::Failed {
                error: CommandError::Cancelled,
            },
            Note::DoneFor {
                change: ChangeSummary {
                    act: crate::change::ChangeAct::ZitadelOwnPolicyThenLink,
                    item: crate::Label::Name("Okta".into()),
                    target: crate::Label::Name("Globex".into()),
                },
            },
        ];
        for note in notes {
            let note = AuditNote::from(note);
            let json = serde_json::to_string(&note).unwrap();
            assert!(json.starts_with("{\"note\":"), "{json}");
            assert_eq!(serde_json::from_str::<AuditNote>(&json).unwrap(), note);
        }
        assert_eq!(
            AuditNote::from(Note::Already).to_string(),
            "already in the wanted state"
        );
    }

    #[test]
    fn old_target_names_load_as_names_and_typed_ones_round_trip() {
        use crate::change::{ConsoleName, ItemNoun};
        let with_targets = |targets: &str| OLD_LINE.replace(r#""targets":[]"#, targets);
        // An old line: plain names, one of them the English of an item known by its id.
        let old = with_targets(
            r#""targets":[{"kind":"target","id":"org_1","name":"Pied Piper"},{"kind":"item","id":"con_1","name":"connection con_1 (name not known)"},{"kind":"item","id":"x"}]"#,
        );
        let entry: AuditEntry = serde_json::from_str(&old).unwrap();
        let names: Vec<_> = entry.targets.iter().map(|t| t.name.clone()).collect();
        assert_eq!(
            names,
            [
                Some(Label::from("Pied Piper")),
                Some(Label::from("connection con_1 (name not known)")),
                None
            ]
        );
        // Written back as it was read.
        assert_eq!(
            serde_json::to_value(&entry).unwrap()["targets"],
            serde_json::from_str::<serde_json::Value>(&old).unwrap()["targets"]
        );
        // A new line keeps what the console calls a target typed; its English is as before.
        let typed = [
            (
                Label::item(ItemNoun::Connection, None, "con_1"),
                r#"{"noun":"connection","id":"con_1"}"#,
                "connection con_1 (name not known)",
            ),
            (
                Label::Console {
                    console: ConsoleName::TheInstance,
                },
                r#"{"console":"the_instance"}"#,
                "the instance",
            ),
            (
                Label::Console {
                    console: ConsoleName::OwnLoginPolicy,
                },
                r#"{"console":"own_login_policy"}"#,
                "its own login policy",
            ),
        ];
        for (name, json, english) in typed {
            let target = Target {
                kind: "item".into(),
                id: "con_1".into(),
                name: Some(name.clone()),
            };
            let line = with_targets(&format!(
                r#""targets":[{}]"#,
                serde_json::to_string(&target).unwrap()
            ));
            assert!(line.contains(json), "{line}");
            let entry: AuditEntry = serde_json::from_str(&line).unwrap();
            assert_eq!(entry.targets, [target]);
            assert_eq!(name.to_string(), english);
        }
    }

    #[test]
    fn a_note_of_a_later_lanyard_keeps_its_line_readable() {
        let line = OLD_LINE.replace(
            r#""message":"already in the wanted state""#,
            r#""message":{"note":"from_the_future","n":3}"#,
        );
        let entry: AuditEntry = serde_json::from_str(&line).unwrap();
        let note = entry.message.unwrap();
        assert!(matches!(note, AuditNote::Later(_)), "{note:?}");
        assert!(note.to_string().contains("from_the_future"));
    }
}
