//! Runs planned elsewhere: each item holds a ready `Change` with its target's state before and
//! after (make like, a copy between profiles: several changes per target). The run waits in
//! `Ready` like any planned run and goes through the same runner: journaled before every
//! write, paced, resumable, retried and undone item by item (a retried item is read back and
//! compared with its plan, as an undo run's is), with the production guard on every path. Its
//! items carry the same warnings as a bulk plan's, from the same checks.

use lanyard_model::Label;
use lanyard_model::bulk::{BulkTarget, ItemNote, MAX_TARGETS, RunNote, RunState, RunTitle};
use lanyard_model::compare::{RunGroup, RunItemLabel};
use lanyard_model::inventory::PlanSource;
use lanyard_model::{Change, FieldErrors, FieldProblem, Profile, TargetState};

use super::Runs;
use super::journal::{Item, RunRecord};
use super::live::Live;
use super::plan::item_warnings;
use crate::checks::Checks;
use crate::client::Client;
use crate::error::CoreError;

/// One item of a run planned elsewhere.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadyItem {
    pub target: BulkTarget,
    pub change: Change,
    pub current: TargetState,
    pub planned: TargetState,
}

/// How a run planned elsewhere was planned: its summary, where its states came from.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadyPlan {
    pub summary: RunTitle,
    pub source: PlanSource,
    /// When the oldest inventory row used was read, when no target was read live.
    pub planned_from_inventory_ms: Option<i64>,
    /// What to know about the plan (targets read live and why).
    pub note: Option<RunNote>,
}

impl Runs {
    /// Journals a run of ready items, grouped by target in the order given (each target's
    /// items kept together), waiting in `Ready` to be reviewed and started. An item whose
    /// change breaks one of the model's rules is marked failed and never sent. Each item
    /// carries its warnings, from the checks a bulk plan runs (what they read once is read once
    /// for the run; a read that fails is a "could not check" warning, never a refusal).
    pub async fn plan_ready(
        &self,
        profile: &Profile,
        client: &Client,
        plan: ReadyPlan,
        items: Vec<ReadyItem>,
    ) -> Result<String, CoreError> {
        if items.is_empty() || items.len() > MAX_TARGETS {
            let mut errors = FieldErrors::new();
            errors.add("targets", FieldProblem::ChangeCount { max: MAX_TARGETS });
            return Err(CoreError::Invalid(errors));
        }
        let mut order: Vec<String> = Vec::new();
        for ready in &items {
            if !order.contains(&ready.target.id) {
                order.push(ready.target.id.clone());
            }
        }
        let mut items = items;
        // Stable: each target's changes keep their order.
        items.sort_by_key(|i| order.iter().position(|t| t == &i.target.id));
        let mut items: Vec<Item> = items
            .into_iter()
            .map(|ready| {
                let mut item = Item::new(ready.target);
                let errors = ready.change.validate();
                if !errors.is_empty() {
                    item.status = lanyard_model::bulk::ItemStatus::Failed;
                    item.message = Some(ItemNote::NotSent { problems: errors });
                }
                item.change = Some(ready.change);
                item.current = Some(ready.current);
                item.planned = Some(ready.planned);
                item
            })
            .collect();
        // The states came from the inventory when it says when they were read.
        let from_inventory = plan.planned_from_inventory_ms.is_some();
        let checks = Checks::for_run();
        for item in &mut items {
            item_warnings(
                &checks,
                client,
                &self.stock,
                &profile.id,
                item,
                from_inventory,
            )
            .await;
        }
        let id = format!("run-{}", uuid::Uuid::new_v4());
        let mut record = RunRecord::new(id, profile, None, plan.summary, items);
        record.source = plan.source;
        record.planned_from_inventory_ms = plan.planned_from_inventory_ms;
        record.note = plan.note;
        self.keep_ready(record)
    }

    /// Journals `record`, a run whose items are all planned, waiting in `Ready`, and keeps it
    /// in memory; its id.
    pub(super) fn keep_ready(&self, mut record: RunRecord) -> Result<String, CoreError> {
        record.state = RunState::Ready;
        record.planned = record.items.len();
        self.journal.save(&record)?;
        let id = record.id.clone();
        self.hold(Live::new(record));
        Ok(id)
    }

    /// The run's items grouped by target, each named by its change, for a table of several
    /// changes per target (any run: a run of one change per target has one item per group).
    pub fn groups(&self, id: &str) -> Result<Vec<RunGroup>, CoreError> {
        let live = self.live(id)?;
        let record = live.record();
        let mut groups: Vec<RunGroup> = Vec::new();
        for (index, item) in record.items.iter().enumerate() {
            let (label, change, destructive) = match &item.change {
                Some(c) => (
                    c.labels().item.clone(),
                    Some(c.summary()),
                    c.is_destructive(),
                ),
                None => (Label::default(), None, false),
            };
            let row = RunItemLabel {
                index,
                target_id: item.target.id.clone(),
                target_name: item.target.name.clone(),
                item: label,
                change,
                destructive,
            };
            match groups.last_mut() {
                Some(g) if g.target_id == item.target.id => g.items.push(row),
                _ => groups.push(RunGroup {
                    target_id: item.target.id.clone(),
                    target_name: item.target.name.clone(),
                    items: vec![row],
                }),
            }
        }
        Ok(groups)
    }
}
