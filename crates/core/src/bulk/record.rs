//! A bulk run as journaled: its items, what happened to each, and the confirmation it was given.

use lanyard_model::bulk::{
    BulkOp, BulkTarget, Counts, ItemNote, ItemStatus, ItemView, RateShare, RunNote, RunState,
    RunSummary, RunTitle,
};
use lanyard_model::inventory::PlanSource;
use lanyard_model::profile::Environment;
use lanyard_model::{Change, Profile, TargetState};
use serde::{Deserialize, Serialize};

use crate::audit::AuditEntry;

/// The journal format (see `lines`); a file of a newer version is left alone and named as such.
/// Versions 1 (whose states were JSON of each product's own shape), 2 (the whole run as one JSON
/// document, rewritten at every change) and 3 (these lines, whose title and notes were English
/// text, loaded as `Stored`) are read, and written again as this one at the run's next change.
/// Version 4 holds typed titles and notes: a Lanyard that reads up to 3 sees a newer version
/// (its reader names any version it does not know as newer) rather than a damaged file.
pub(super) const VERSION: u32 = 4;

/// The versions written as the lines of `lines` (the same layout; 4 holds typed values).
pub(super) const LINES: std::ops::RangeInclusive<u32> = 3..=VERSION;

/// One run, as journaled.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunRecord {
    pub version: u32,
    pub id: String,
    pub profile_id: String,
    pub profile_name: String,
    /// Set when the profile was marked production: what to type to start a destructive run.
    pub confirm_name: Option<String>,
    /// The typed confirmation, once given: it belongs to the run, so a resume (after a restart
    /// too) does not ask again, and nothing is sent without it.
    #[serde(default)]
    pub confirmation: Option<Confirmation>,
    /// The op the run was planned from; `None` for a run that undoes another.
    pub op: Option<BulkOp>,
    pub summary: RunTitle,
    pub undo_of: Option<String>,
    pub created: String,
    pub state: RunState,
    pub note: Option<RunNote>,
    /// Targets read so far while planning.
    pub planned: usize,
    /// Where the plan reads each target's state: the inventory when every target's row is
    /// young enough, else live. A journal from before the inventory was planned live.
    #[serde(default = "planned_live")]
    pub source: PlanSource,
    /// Set when the plan was built from the inventory with no live read: when the oldest row
    /// it used was read (Unix milliseconds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_from_inventory_ms: Option<i64>,
    /// The run's share of each write bucket (percent); a journal from before shares has the
    /// full rate.
    #[serde(default, skip_serializing_if = "RateShare::is_full")]
    pub rate_share: RateShare,
    /// The items that needed no change are in the audit log.
    #[serde(default)]
    pub skipped_logged: bool,
    /// Journaled one line each (see `lines`), not with the run.
    #[serde(skip)]
    pub items: Vec<Item>,
    /// Audit entries of this run that could not be written yet; written first when it resumes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unlogged: Vec<AuditEntry>,
}

/// A journal of version 2 (or 1, upgraded): the run and its items in one JSON document.
#[derive(Deserialize)]
pub(super) struct Whole {
    #[serde(flatten)]
    record: RunRecord,
    items: Vec<Item>,
}

impl Whole {
    pub(super) fn into_record(self) -> RunRecord {
        RunRecord {
            version: VERSION,
            items: self.items,
            ..self.record
        }
    }
}

fn planned_live() -> PlanSource {
    PlanSource::Live
}

/// A destructive run on a production profile, confirmed by typing the tenant's host name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Confirmation {
    /// What was typed (the host name asked for).
    pub typed: String,
    /// When, RFC 3339.
    pub time: String,
    pub who: String,
}

/// One target of a run and what happened to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub target: BulkTarget,
    /// The concrete change; `None` until planned, or when the target's id was not valid.
    pub change: Option<Change>,
    /// The target's state when planned, and as planned (what the preview shows); `None` until
    /// it has been read.
    pub current: Option<TargetState>,
    pub planned: Option<TargetState>,
    pub status: ItemStatus,
    pub message: Option<ItemNote>,
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
    /// The preview's warnings for this target; older journals have none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<lanyard_model::Warning>,
}

impl Item {
    pub fn new(target: BulkTarget) -> Self {
        Self {
            target,
            change: None,
            current: None,
            planned: None,
            status: ItemStatus::Pending,
            message: None,
            correlation_id: None,
            read_back: false,
            verify: false,
            undo: None,
            attempts: 0,
            warnings: Vec::new(),
        }
    }

    pub fn view(&self, index: usize) -> ItemView {
        ItemView {
            index,
            target_id: self.target.id.clone(),
            target_name: self.target.name.clone(),
            current: self.current.clone(),
            planned: self.planned.clone(),
            status: self.status,
            message: self.message.clone(),
            correlation_id: self.correlation_id.clone(),
            read_back: self.read_back,
            warnings: self.warnings.clone(),
        }
    }
}

impl RunRecord {
    pub fn new(
        id: String,
        profile: &Profile,
        op: Option<BulkOp>,
        summary: RunTitle,
        items: Vec<Item>,
    ) -> Self {
        Self {
            version: VERSION,
            id,
            profile_id: profile.id.clone(),
            profile_name: profile.display_name.clone(),
            confirm_name: (profile.environment == Environment::Production)
                .then(|| profile.confirmation_name()),
            confirmation: None,
            op,
            summary,
            undo_of: None,
            created: crate::audit::now(),
            state: RunState::Planning,
            note: None,
            planned: 0,
            source: PlanSource::Live,
            planned_from_inventory_ms: None,
            rate_share: RateShare::FULL,
            skipped_logged: false,
            items,
            unlogged: Vec::new(),
        }
    }

    pub fn counts(&self) -> Counts {
        Counts::of(self.items.iter().map(|i| i.status))
    }

    /// Whether the run takes something away: its op, or any item's concrete change.
    pub fn destructive(&self) -> bool {
        self.op.as_ref().is_some_and(BulkOp::is_destructive)
            || self
                .items
                .iter()
                .filter_map(|i| i.change.as_ref())
                .any(Change::is_destructive)
    }

    /// What to type before this run may send anything, while it has not been confirmed: the
    /// tenant's host name, when the run is destructive and its profile is production (as it
    /// was planned, or as it is now).
    pub fn confirmation_needed(&self, profile: Option<&Profile>) -> Option<String> {
        if self.confirmation.is_some() || !self.destructive() {
            return None;
        }
        match profile.filter(|p| p.environment == Environment::Production) {
            Some(p) => Some(p.confirmation_name()),
            None => self.confirm_name.clone(),
        }
    }

    /// Records the confirmation when `typed` is what [`Self::confirmation_needed`] asks for;
    /// otherwise returns what must be typed.
    pub fn confirm(
        &mut self,
        profile: Option<&Profile>,
        typed: Option<&str>,
    ) -> Result<(), String> {
        let Some(expected) = self.confirmation_needed(profile) else {
            return Ok(());
        };
        if typed.map(str::trim) != Some(expected.as_str()) {
            // Remembered, so the run's view asks for it from now on.
            self.confirm_name = Some(expected.clone());
            return Err(expected);
        }
        self.confirmation = Some(Confirmation {
            typed: expected,
            time: crate::audit::now(),
            who: crate::audit::os_user(),
        });
        Ok(())
    }

    /// A planned run whose planning did not finish (Lanyard stopped while reading targets).
    pub fn needs_planning(&self) -> bool {
        self.op.is_some() && self.planned < self.items.len()
    }

    /// Stops the run: items not sent stay unsent for good, and an item whose send had begun
    /// is marked unknown, to be read back if it is retried.
    pub fn cancel(&mut self) {
        let mut left = 0;
        for item in &mut self.items {
            match item.status {
                ItemStatus::Pending => {
                    item.status = ItemStatus::NotSent;
                    left += 1;
                }
                ItemStatus::Sending => {
                    item.status = ItemStatus::Unknown;
                    item.verify = true;
                    item.message = Some(ItemNote::CancelledWhileSending);
                }
                _ => {}
            }
        }
        self.state = RunState::Cancelled;
        self.note = Some(RunNote::Cancelled { not_sent: left });
    }

    /// Puts the failed and unknown items back in the queue, and only those.
    pub fn requeue_failed(&mut self) -> usize {
        let mut n = 0;
        for item in &mut self.items {
            if matches!(item.status, ItemStatus::Failed | ItemStatus::Unknown) {
                item.status = ItemStatus::Pending;
                item.verify = true;
                item.message = None;
                // A fresh budget of tries, while remembering that it was sent before (a
                // read-back that finds it applied then counts it as done, with its undo).
                item.attempts = item.attempts.min(1);
                n += 1;
            }
        }
        n
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
                words(v.current.as_ref()),
                words(v.planned.as_ref()),
                v.status.label().to_owned(),
                v.message.map(|m| m.to_string()).unwrap_or_default(),
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

/// A state in words for the CSV; empty while the target has not been read.
fn words(state: Option<&TargetState>) -> String {
    state.map(TargetState::to_string).unwrap_or_default()
}
