//! Compare and copy (issue 15): make targets like a source in one profile ([`make_like`]),
//! compare two profiles of a product by name or a snapshot file with a profile ([`compare`]),
//! copy the selected differences to the right-hand profile ([`copy`]), and export a profile's
//! wiring as a snapshot file ([`export`], format in `crates/core/SNAPSHOT.md`).
//!
//! Each side is a [`Snapshot`](lanyard_model::compare::Snapshot); the changes are the model's
//! (`lanyard_model::compare::item_change`), journaled as a run of ready items
//! ([`Runs::plan_ready`](crate::bulk::Runs::plan_ready)) that the bulk runner sends, resumes,
//! retries and undoes like any other.

mod copy;
mod like;
mod side;

use lanyard_model::compare::{SNAPSHOT_VERSION, Snapshot, SnapshotError};
use lanyard_model::error::{ConfigProblem, StateChange};
use lanyard_model::ids::IdError;
use lanyard_model::{FieldErrors, FieldProblem, Profile};

pub use copy::{Left, compare, copy};
pub use like::make_like;

use crate::error::CoreError;
use crate::stock::Stock;

/// A profile's wiring (all of it, or targets whose name contains `name_contains`) as a
/// snapshot file's text, from the inventory; refused when it was never crawled.
pub fn export(
    stock: &Stock,
    profile: &Profile,
    name_contains: Option<&str>,
) -> Result<String, CoreError> {
    let side = match stock.read(|db| side::read(db, profile, name_contains)) {
        Some(Ok(side)) => side,
        Some(Err(err)) => {
            return Err(CoreError::Files(ConfigProblem::InventoryUnreadable {
                detail: err.to_string(),
            }));
        }
        None => {
            return Err(CoreError::Files(ConfigProblem::InventoryNotOpen));
        }
    };
    if side.oldest.is_none() {
        return Err(CoreError::Refused(StateChange::NeverCrawled {
            profile: profile.display_name.clone(),
        }));
    }
    let mut snapshot = side.snapshot;
    snapshot.lanyard_snapshot = SNAPSHOT_VERSION;
    snapshot.exported_at = Some(crate::audit::now());
    snapshot.oldest_read_at = side.oldest.and_then(side::rfc3339);
    Ok(snapshot.to_text())
}

/// A snapshot file's text read as the left side of a compare; its errors name the line,
/// column and field.
pub fn read_file(name: &str, text: &str) -> Result<Left, CoreError> {
    let snapshot = Snapshot::parse(text).map_err(|err| file_error(name, &err))?;
    Ok(Left::File {
        name: name.to_owned(),
        snapshot,
    })
}

fn file_error(name: &str, err: &SnapshotError) -> CoreError {
    let mut errors = lanyard_model::FieldErrors::new();
    errors.add(
        "snapshot",
        lanyard_model::FieldProblem::Snapshot {
            file: name.to_owned(),
            error: Box::new(err.clone()),
        },
    );
    CoreError::Invalid(errors)
}

/// A planned change that cannot be made because an id of `target` (a target, or a compare's
/// "target · item" row) is not valid: the rule it breaks, typed, under the run's targets.
fn of_target(target: String, err: IdError) -> CoreError {
    let mut errors = FieldErrors::new();
    errors.add(
        "targets",
        FieldProblem::OfTarget {
            target,
            field: err.field,
            problem: Box::new(err.problem),
        },
    );
    CoreError::Invalid(errors)
}
