//! A change's line in the audit log, and writing it for a single change.

use lanyard_model::audit::Note;
use lanyard_model::bulk::ItemNote;
use lanyard_model::{Applied, Change, CommandError, Profile};
use lanyard_providers::ProviderError;
use serde_json::Value;

use crate::audit::{AuditEntry, AuditLog, AuditNote, Outcome, Target};
use crate::error::CoreError;

/// The audit log's line for a change and its outcome; `run_id` names the bulk run it was part of.
pub(crate) fn entry(
    profile: &Profile,
    change: &Change,
    result: &Result<Applied, CoreError>,
    run_id: Option<&str>,
) -> AuditEntry {
    let (outcome, status, message, correlation_id) = match result {
        Ok(a) => (
            Outcome::Success,
            None,
            a.already.then(|| Note::Already.into()),
            Some(a.correlation_id.clone()),
        ),
        Err(err @ CoreError::Provider(p)) => (
            if matches!(p, ProviderError::OutcomeUnknown { .. }) {
                Outcome::Unknown
            } else {
                Outcome::Failure
            },
            p.status(),
            Some(failed(err)),
            p.correlation_id().map(str::to_owned),
        ),
        Err(other) => (Outcome::Failure, None, Some(failed(other)), None),
    };
    let outcome = Told {
        outcome,
        status,
        message,
        correlation_id,
    };
    line(profile, change, outcome, run_id)
}

/// The audit log's line for a bulk item Lanyard left alone (not sent), with its note.
pub(crate) fn left_alone(
    profile: &Profile,
    change: &Change,
    note: ItemNote,
    run_id: Option<&str>,
) -> AuditEntry {
    let outcome = Told {
        outcome: Outcome::Failure,
        status: None,
        message: Some(Note::LeftAlone { item: note }.into()),
        correlation_id: None,
    };
    line(profile, change, outcome, run_id)
}

/// What a line says of a change's outcome.
struct Told {
    outcome: Outcome,
    status: Option<u16>,
    message: Option<AuditNote>,
    correlation_id: Option<String>,
}

fn line(profile: &Profile, change: &Change, told: Told, run_id: Option<&str>) -> AuditEntry {
    let labels = change.labels();
    let Told {
        outcome,
        status,
        message,
        correlation_id,
    } = told;
    AuditEntry {
        time: crate::audit::now(),
        profile_id: profile.id.clone(),
        profile_name: profile.display_name.clone(),
        product: profile.product.slug().to_owned(),
        operation: change.operation().to_owned(),
        targets: vec![
            Target {
                kind: "target".into(),
                id: change.target_id().to_owned(),
                name: Some(labels.target.clone()),
            },
            Target {
                kind: "item".into(),
                id: change.item_id().to_owned(),
                name: Some(labels.item.clone()),
            },
        ],
        request: serde_json::to_value(change).unwrap_or(Value::Null),
        outcome,
        status,
        message,
        correlation_id,
        who: crate::audit::os_user(),
        run_id: run_id.map(str::to_owned),
    }
}

/// The note of a change that failed: the error as the window showed it.
fn failed(err: &CoreError) -> AuditNote {
    Note::Failed {
        error: CommandError::from(err),
    }
    .into()
}

/// Writes the audit entry of a single change and returns its result. A change that happened
/// but whose entry could not be written is reported as applied, with why the log lacks it.
pub(crate) fn log(
    audit: &AuditLog,
    profile: &Profile,
    change: &Change,
    result: Result<Applied, CoreError>,
) -> Result<Applied, CoreError> {
    match audit.append(&entry(profile, change, &result, None)) {
        Ok(()) => result,
        Err(err) => {
            tracing::error!(%err, "the audit log could not be written");
            let cause = CommandError::from(&CoreError::from(err));
            result.map(|applied| Applied {
                audit_error: Some(cause),
                ..applied
            })
        }
    }
}
