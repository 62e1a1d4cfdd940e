//! One item of a run: read back when its outcome is not known or it is retried, journaled as
//! being sent, sent, and its result recorded; and how each kind of failure is taken.

use std::time::Instant;

use lanyard_inventory::ReadOrigin;
use lanyard_model::bulk::{ItemNote, ItemStatus, RunNote};
use lanyard_model::{Applied, Change, CommandError};
use lanyard_providers::ProviderError;

use super::journal::Item;
use super::runner::Ctx;
use crate::change;
use crate::error::CoreError;

/// Writes per item before the runner gives up on it (a write refused as not applied, then sent
/// again, counts each time).
const MAX_ATTEMPTS: u32 = 3;

/// What reading an item's target back showed.
enum Check {
    /// Already as planned.
    AsPlanned,
    /// Still to do: send (the item's change and states, refreshed when re-planned).
    Send,
    /// Neither as it was nor as planned: someone else changed it.
    Changed(ItemNote),
    /// The read failed.
    Failed(CommandError),
}

impl Ctx<'_> {
    /// Changes item `index` and journals it.
    fn at(&self, index: usize, f: impl FnOnce(&mut Item)) -> bool {
        let mut record = self.live.record();
        if let Some(it) = record.items.get_mut(index) {
            f(it);
        }
        self.save_items(&mut record, &[index])
    }

    /// Works on one item: reads it back first when its last send's outcome is not known or
    /// when it is retried, then journals the send, sends, and records the result.
    pub(super) async fn item(&self, index: usize) {
        let Some(mut item) = self.live.record().items.get(index).cloned() else {
            return;
        };
        let Some(mut change) = item.change.clone() else {
            self.at(index, |it| {
                it.status = ItemStatus::Failed;
                it.message = Some(ItemNote::NothingToSend);
            });
            return;
        };
        if item.status == ItemStatus::Sending || item.verify {
            match self.check(&mut item).await {
                Check::AsPlanned => {
                    let undo = reversal(&change, &item);
                    let confirmed = item.status == ItemStatus::Sending;
                    self.at(index, |it| {
                        it.status = if confirmed || it.attempts > 0 {
                            ItemStatus::Done
                        } else {
                            ItemStatus::Skipped
                        };
                        it.read_back = true;
                        it.verify = false;
                        it.message = Some(if confirmed {
                            ItemNote::ConfirmedByReadBack
                        } else {
                            ItemNote::AlreadyAsPlanned
                        });
                        if it.status == ItemStatus::Done {
                            it.undo = undo.clone();
                        }
                    });
                    self.log(
                        &change,
                        &Ok(Applied {
                            summary: change.summary(),
                            correlation_id: item.correlation_id.clone().unwrap_or_default(),
                            already: !confirmed,
                            read_back: true,
                            undo,
                            audit_error: None,
                        }),
                    );
                    return;
                }
                Check::Changed(note) => {
                    self.at(index, |it| {
                        it.status = ItemStatus::Failed;
                        it.verify = false;
                        it.message = Some(note.clone());
                    });
                    self.log_left_alone(&change, note);
                    return;
                }
                Check::Failed(err) => {
                    let was_sending = item.status == ItemStatus::Sending;
                    self.at(index, |it| {
                        it.verify = true;
                        if was_sending {
                            // Keep it uncertain: it is read back again when the run resumes.
                            it.status = ItemStatus::Sending;
                        }
                    });
                    self.pause_for(RunNote::Unreachable { error: err });
                    return;
                }
                Check::Send => {
                    if let Some(c) = item.change.clone() {
                        change = c;
                    }
                }
            }
        }
        // The model's rules once more, on the change as it will be sent (a retry re-planned it,
        // an undo run built it).
        let errors = change.validate();
        if !errors.is_empty() {
            self.at(index, |it| {
                it.status = ItemStatus::Failed;
                it.message = Some(ItemNote::NotSent { problems: errors });
            });
            return;
        }
        if item.attempts >= MAX_ATTEMPTS {
            self.at(index, |it| {
                it.status = ItemStatus::Failed;
                it.message = Some(ItemNote::NotAppliedAfter {
                    tries: MAX_ATTEMPTS,
                });
            });
            return;
        }
        // The journal says "sending" before anything leaves: if Lanyard dies from here on, the
        // item is read back, never sent blind a second time. If the journal cannot be written,
        // nothing is sent and the item stays as it was.
        {
            let mut r = self.live.record();
            let Some(it) = r.items.get_mut(index) else {
                return;
            };
            let before = it.clone();
            it.change = Some(change.clone());
            it.current = item.current.clone();
            it.planned = item.planned.clone();
            it.status = ItemStatus::Sending;
            it.verify = false;
            it.attempts = it.attempts.saturating_add(1);
            if !self.save_items(&mut r, &[index]) {
                if let Some(it) = r.items.get_mut(index) {
                    *it = before;
                }
                return;
            }
        }
        let send = change::apply(self.client, self.stock, &self.profile.id, &change, false);
        // A run limited to a share of the write rate sends its writes within it (the share as
        // journaled now: it may have been changed while the run was paused).
        let share = self.live.record().rate_share;
        let result = if share.is_full() {
            send.await
        } else {
            self.live.share.set(share.percent());
            lanyard_providers::with_share(self.live.share.clone(), send).await
        };
        let err = match result {
            Ok(applied) => {
                let undo = applied.undo.clone().or_else(|| reversal(&change, &item));
                self.at(index, |it| {
                    it.status = ItemStatus::Done;
                    it.correlation_id = Some(applied.correlation_id.clone());
                    it.read_back = applied.read_back;
                    it.message = applied.already.then_some(ItemNote::AlreadySo);
                    it.undo = (!applied.already).then_some(undo).flatten();
                });
                self.count_write();
                self.log(&change, &Ok(applied));
                return;
            }
            Err(err) => err,
        };
        let cid = match &err {
            CoreError::Provider(p) => p.correlation_id().map(str::to_owned),
            _ => None,
        };
        match classify(&err) {
            Kind::Uncertain => {
                // Left as "sending": the next turn of the loop reads it back.
                self.at(index, |it| it.correlation_id = cid.clone());
            }
            Kind::NotSent => {
                self.at(index, |it| {
                    it.status = ItemStatus::Pending;
                    it.correlation_id = cid.clone();
                });
            }
            Kind::Lost => {
                self.at(index, |it| {
                    it.status = ItemStatus::Sending;
                    it.correlation_id = cid.clone();
                });
                self.pause_for(RunNote::ConnectionLost { error: err.into() });
            }
            Kind::RateLimited => {
                self.at(index, |it| {
                    it.status = ItemStatus::Pending;
                    it.attempts = it.attempts.saturating_sub(1);
                });
                self.pause_for(RunNote::RateLimited { error: err.into() });
            }
            Kind::Refused => {
                // The audit entry is made from the error before it becomes the item's note.
                let failed = Err(err);
                let entry = self.entry(&change, &failed);
                let Err(err) = failed else { return };
                let note = ItemNote::Refused { error: err.into() };
                self.at(index, |it| {
                    it.status = ItemStatus::Failed;
                    it.correlation_id = cid.clone();
                    it.message = Some(note);
                });
                self.append(entry);
            }
        }
    }

    /// Reads the item's target back. An item sent without a known outcome is compared with its
    /// plan; a retried item of a planned run is planned afresh.
    async fn check(&self, item: &mut Item) -> Check {
        let op = self.live.record().op.clone();
        let uncertain = item.status == ItemStatus::Sending;
        if !uncertain && let Some(op) = op {
            let mut fresh = Item::new(item.target.clone());
            if let Err(err) = self.plan_item(&op, &mut fresh).await {
                return Check::Failed(err);
            }
            return match fresh.status {
                ItemStatus::Skipped => {
                    item.current = fresh.current;
                    item.planned = fresh.planned;
                    Check::AsPlanned
                }
                ItemStatus::Pending => {
                    item.change = fresh.change;
                    item.current = fresh.current;
                    item.planned = fresh.planned;
                    Check::Send
                }
                _ => Check::Changed(fresh.message.unwrap_or(ItemNote::NotPlannedAgain)),
            };
        }
        let Some(change) = item.change.clone() else {
            return Check::Changed(ItemNote::NothingToSend);
        };
        // Its write may have landed: what the read finds is not someone else's change.
        let origin = ReadOrigin::AfterLanyardChange;
        match change::current_state(self.client, self.stock, &self.profile.id, origin, &change)
            .await
        {
            Ok(now) if item.planned.as_ref() == Some(&now) => Check::AsPlanned,
            Ok(now) if item.current.as_ref() == Some(&now) => Check::Send,
            Ok(now) => Check::Changed(ItemNote::ChangedElsewhere { now }),
            Err(err) => Check::Failed(err.into()),
        }
    }

    fn count_write(&self) {
        let mut writes = self.live.writes.lock().unwrap_or_else(|p| p.into_inner());
        writes.push_back(Instant::now());
        while writes.len() > 30 {
            writes.pop_front();
        }
    }
}

enum Kind {
    /// Sent, outcome not known: read back.
    Uncertain,
    /// Checked and not applied: send again.
    NotSent,
    /// The host cannot be reached: pause.
    Lost,
    RateLimited,
    /// The server said no: the item failed, nothing changed.
    Refused,
}

fn classify(err: &CoreError) -> Kind {
    match err {
        CoreError::Provider(p) => match p {
            ProviderError::OutcomeUnknown { .. } | ProviderError::Timeout { .. } => Kind::Uncertain,
            // A 5xx to a write may or may not have taken effect.
            ProviderError::Api { status, .. } if *status >= 500 => Kind::Uncertain,
            ProviderError::UnexpectedReply { status, .. } if *status >= 500 => Kind::Uncertain,
            ProviderError::NotApplied { .. } => Kind::NotSent,
            ProviderError::Network { .. } => Kind::Lost,
            ProviderError::RateLimited { .. } => Kind::RateLimited,
            _ => Kind::Refused,
        },
        _ => Kind::Refused,
    }
}

/// The change that takes a done item back to its state before the run.
fn reversal(change: &Change, item: &Item) -> Option<Change> {
    change.reversal(item.current.as_ref()?, item.planned.as_ref()?)
}
