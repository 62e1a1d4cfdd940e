//! The task that plans a run (see `plan`) and then works through its items, one write at a time, at the pace
//! the HTTP layer learns from the server's rate-limit headers. Nothing is sent unless the run's
//! journal has just been written; a journal or audit write that fails pauses the run with the
//! cause.

use lanyard_model::bulk::{ItemNote, ItemStatus, RunNote, RunState};
use lanyard_model::{Applied, Change, CommandError, Profile};
use tokio::sync::watch;

use super::journal::{Journal, RunRecord};
use super::live::{Control, Live};
use crate::audit::{AuditEntry, AuditLog};
use crate::change;
use crate::client::Client;
use crate::error::CoreError;
use crate::stock::Stock;

/// Plans the run if it is being planned, else runs it until it is finished, paused or cancelled.
pub(super) async fn work(
    live: &Live,
    client: &Client,
    stock: &Stock,
    profile: &Profile,
    journal: &Journal,
    audit: &AuditLog,
) {
    let mut control = live.control.subscribe();
    let state = live.record().state;
    let ctx = Ctx {
        live,
        client,
        stock,
        profile,
        journal,
        audit,
    };
    if state == RunState::Planning {
        ctx.plan(&mut control).await;
    } else {
        ctx.run(&mut control).await;
    }
}

pub(super) struct Ctx<'a> {
    pub(super) live: &'a Live,
    pub(super) client: &'a Client,
    pub(super) stock: &'a Stock,
    pub(super) profile: &'a Profile,
    pub(super) journal: &'a Journal,
    pub(super) audit: &'a AuditLog,
}

impl Ctx<'_> {
    // ----- the journal and the audit log -----

    /// Journals the run itself (not its items); when that fails, the run is paused with the
    /// cause.
    pub(super) fn save(&self, record: &mut RunRecord) -> bool {
        self.journaled(record, |journal, r| journal.save_run(r))
    }

    /// Journals `items` of the run; when that fails, the run is paused with the cause.
    pub(super) fn save_items(&self, record: &mut RunRecord, items: &[usize]) -> bool {
        self.journaled(record, |journal, r| journal.save_items(r, items))
    }

    /// Changes the record, items and all, and writes its journal whole (a cancel, the end of
    /// the run); `false` when that failed.
    pub(super) fn update_whole(&self, f: impl FnOnce(&mut RunRecord)) -> bool {
        let mut record = self.live.record();
        f(&mut record);
        self.journaled(&mut record, Journal::save)
    }

    fn journaled(
        &self,
        record: &mut RunRecord,
        write: impl FnOnce(&Journal, &RunRecord) -> Result<(), CoreError>,
    ) -> bool {
        match write(self.journal, record) {
            Ok(()) => true,
            Err(err) => {
                tracing::error!(%err, run = %record.id, "the run journal could not be written");
                self.halt(record, err.into());
                false
            }
        }
    }

    /// Changes the run (not its items) and journals it; `false` when the journal could not be
    /// written (the change stays in memory: it is what happened, and the run is paused).
    pub(super) fn update(&self, f: impl FnOnce(&mut RunRecord)) -> bool {
        let mut record = self.live.record();
        f(&mut record);
        self.save(&mut record)
    }

    /// Stops sending: the run pauses with `cause`, and resumes only when the user asks.
    fn halt(&self, record: &mut RunRecord, cause: CommandError) {
        match record.state {
            RunState::Running | RunState::Planning | RunState::Paused => {
                record.state = RunState::Paused;
                record.note = Some(RunNote::Halted { cause });
            }
            _ => {
                let before = record.note.take().map(Box::new);
                record.note = Some(RunNote::NotSaved { before, cause });
            }
        }
        // A cancel asked for meanwhile stays a cancel.
        self.live.control.send_if_modified(|c| {
            let go = *c == Control::Go;
            if go {
                *c = Control::Pause;
            }
            go
        });
    }

    /// Writes the audit entry of an item; when that fails, the entry is kept with the run (and
    /// written first when it resumes) and the run is paused with the cause.
    pub(super) fn log(&self, change: &Change, result: &Result<Applied, CoreError>) {
        self.append(self.entry(change, result));
    }

    /// The audit entry of an item of this run.
    pub(super) fn entry(&self, change: &Change, result: &Result<Applied, CoreError>) -> AuditEntry {
        let run_id = self.live.record().id.clone();
        change::entry(self.profile, change, result, Some(&run_id))
    }

    /// Writes the audit entry of an item the run left alone, with its note.
    pub(super) fn log_left_alone(&self, change: &Change, note: ItemNote) {
        let run_id = self.live.record().id.clone();
        self.append(change::left_alone(
            self.profile,
            change,
            note,
            Some(&run_id),
        ));
    }

    /// Writes an item's audit entry (see [`Ctx::log`]).
    pub(super) fn append(&self, entry: AuditEntry) {
        // Not under the record's lock: the view is read while the entry is flushed to disk.
        if let Err(err) = self.audit.append(&entry) {
            tracing::error!(%err, "the audit log could not be written");
            let mut record = self.live.record();
            record.unlogged.push(entry);
            if self.save(&mut record) {
                self.halt(&mut record, CoreError::from(err).into());
            }
        }
    }

    /// Writes the audit entries a failed write left behind; `false` if it failed again.
    fn flush_unlogged(&self) -> bool {
        let mut record = self.live.record();
        if record.unlogged.is_empty() {
            return true;
        }
        while let Some(entry) = record.unlogged.first() {
            if let Err(err) = self.audit.append(entry) {
                self.halt(&mut record, CoreError::from(err).into());
                return false;
            }
            record.unlogged.remove(0);
        }
        self.save(&mut record)
    }

    // ----- running -----

    pub(super) async fn run(&self, control: &mut watch::Receiver<Control>) {
        if !self.confirmed() {
            return;
        }
        self.log_skipped();
        loop {
            let wanted = *control.borrow_and_update();
            match wanted {
                Control::Cancel => {
                    self.update_whole(RunRecord::cancel);
                    return;
                }
                Control::Pause => {
                    self.update(|r| r.state = RunState::Paused);
                    loop {
                        if control.changed().await.is_err() {
                            return;
                        }
                        match *control.borrow_and_update() {
                            Control::Pause => continue,
                            Control::Go => break,
                            Control::Cancel => {
                                self.update_whole(RunRecord::cancel);
                                return;
                            }
                        }
                    }
                    if !self.confirmed() {
                        return;
                    }
                    self.update(|r| {
                        r.state = RunState::Running;
                        r.note = None;
                    });
                    continue;
                }
                Control::Go => {}
            }
            // Entries a failed audit write left behind go first; if they still cannot be
            // written, the run stays paused.
            if !self.flush_unlogged() {
                continue;
            }
            let next = {
                let r = self.live.record();
                r.items
                    .iter()
                    .position(|i| i.status == ItemStatus::Sending)
                    .or_else(|| r.items.iter().position(|i| i.status == ItemStatus::Pending))
            };
            let Some(index) = next else {
                // Written whole once it settles: one line per item from then on.
                self.update_whole(|r| {
                    let c = r.counts();
                    r.state = RunState::Finished;
                    r.note = Some(RunNote::Finished {
                        done: c.done,
                        skipped: c.skipped,
                        failed: c.failed,
                        unknown: c.unknown,
                        not_sent: c.not_sent,
                    });
                });
                return;
            };
            self.item(index).await;
        }
    }

    /// The backstop of the production guard: a run that needs the typed confirmation and has
    /// not been given it sends nothing, whichever way it was started.
    fn confirmed(&self) -> bool {
        let mut record = self.live.record();
        let Some(expected) = record.confirmation_needed(Some(self.profile)) else {
            return true;
        };
        record.state = if record.counts().tried() > 0 {
            RunState::Paused
        } else {
            RunState::Ready
        };
        record.confirm_name = Some(expected.clone());
        record.note = Some(RunNote::ConfirmProduction { expected });
        self.save(&mut record);
        false
    }

    /// Skipped items land in the audit log once, when the run first starts.
    fn log_skipped(&self) {
        let skipped: Vec<Change> = {
            let mut r = self.live.record();
            if r.skipped_logged {
                return;
            }
            r.skipped_logged = true;
            self.save(&mut r);
            r.items
                .iter()
                .filter(|i| i.status == ItemStatus::Skipped)
                .filter_map(|i| i.change.clone())
                .collect()
        };
        for change in skipped {
            self.log(
                &change,
                &Ok(Applied {
                    summary: change.summary(),
                    correlation_id: String::new(),
                    already: true,
                    read_back: false,
                    undo: None,
                    audit_error: None,
                }),
            );
        }
    }

    pub(super) fn pause_for(&self, note: RunNote) {
        self.update(|r| r.note = Some(note));
        self.live.control.send_if_modified(|c| {
            let go = *c == Control::Go;
            if go {
                *c = Control::Pause;
            }
            go
        });
    }
}
