//! The task that plans a run and then works through its items, one write at a time, at the pace
//! the HTTP layer learns from the server's rate-limit headers.

use std::time::Instant;

use lanyard_model::auth0::{Settings, UpdateConnection};
use lanyard_model::bulk::{BulkOp, ItemStatus, RunState};
use lanyard_model::{Applied, Change, Profile};
use lanyard_providers::ProviderError;
use serde_json::Value;
use tokio::sync::watch;

use super::journal::{Item, Journal, RunRecord};
use super::{Control, Live};
use crate::audit::AuditLog;
use crate::console::Client;
use crate::console::changes::{apply_change, audit_entry, read_state};
use crate::error::CoreError;

/// Writes per item before the runner gives up on it (a write refused as not applied, then sent
/// again, counts each time).
const MAX_ATTEMPTS: u32 = 3;

/// Plans the run if it is being planned, else runs it until it is finished, paused or cancelled.
pub(super) async fn work(
    live: &Live,
    client: &Client,
    profile: &Profile,
    journal: &Journal,
    audit: &AuditLog,
) {
    let mut control = live.control.subscribe();
    let state = live.record().state;
    let ctx = Ctx {
        live,
        client,
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

struct Ctx<'a> {
    live: &'a Live,
    client: &'a Client,
    profile: &'a Profile,
    journal: &'a Journal,
    audit: &'a AuditLog,
}

/// What reading an item's target back showed.
enum Check {
    /// Already as planned.
    AsPlanned,
    /// Still to do: send (the item's change and states, refreshed when re-planned).
    Send,
    /// Neither as it was nor as planned: someone else changed it.
    Changed(String),
    /// The read failed.
    Failed(CoreError),
}

impl Ctx<'_> {
    fn save(&self, record: &RunRecord) {
        if let Err(err) = self.journal.save(record) {
            tracing::error!(%err, run = %record.id, "the run journal could not be written");
        }
    }

    fn update(&self, f: impl FnOnce(&mut RunRecord)) {
        let mut record = self.live.record();
        f(&mut record);
        self.save(&record);
    }

    fn log(&self, change: &Change, result: &Result<Applied, CoreError>) {
        let run_id = self.live.record().id.clone();
        if let Err(err) =
            self.audit
                .append(&audit_entry(self.profile, change, result, Some(&run_id)))
        {
            tracing::error!(%err, "the audit log could not be written");
        }
    }

    // ----- planning -----

    async fn plan(&self, control: &mut watch::Receiver<Control>) {
        let (op, count) = {
            let r = self.live.record();
            (r.op.clone(), r.items.len())
        };
        let Some(op) = op else {
            self.update(|r| r.state = RunState::Ready);
            return;
        };
        for i in 0..count {
            if *control.borrow() == Control::Cancel {
                self.update(|r| r.state = RunState::Cancelled);
                return;
            }
            let target = self.live.record().items[i].target.clone();
            let mut item = Item::new(target);
            self.plan_item(&op, &mut item).await;
            let mut record = self.live.record();
            record.items[i] = item;
            record.planned = i + 1;
            // The plan is cheap to redo, so the journal is written every few targets.
            if (i + 1) % 20 == 0 || i + 1 == count {
                self.save(&record);
            }
        }
        self.update(|r| {
            if r.state == RunState::Planning {
                r.state = RunState::Ready;
            }
        });
    }

    /// Reads the target and fills in the item's change, current and planned state and status.
    async fn plan_item(&self, op: &BulkOp, item: &mut Item) {
        let change = match op.change_for(&item.target, None) {
            Ok(c) => c,
            Err(err) => {
                item.status = ItemStatus::Failed;
                item.message = Some(format!("Not a valid id: {err}"));
                return;
            }
        };
        let (current, planned) = match read_state(self.client, &change).await {
            Ok((_, _, current, planned)) => (current, planned),
            Err(err) => {
                item.change = Some(change);
                item.status = ItemStatus::Failed;
                item.message = Some(format!("Could not read its current state: {err}"));
                return;
            }
        };
        let settings: Option<Settings> = serde_json::from_value(current.clone()).ok();
        let change = match op {
            BulkOp::Auth0Update {
                connection_name, ..
            } if settings.is_none() => {
                item.change = Some(change);
                item.status = ItemStatus::Failed;
                item.message = Some(format!(
                    "{connection_name} is not enabled for this organization, so there is nothing to change; enable it first"
                ));
                return;
            }
            BulkOp::Auth0Update { .. } | BulkOp::Auth0Remove { .. } => op
                .change_for(&item.target, settings.as_ref())
                .unwrap_or(change),
            _ => change,
        };
        item.status = if current == planned {
            ItemStatus::Skipped
        } else {
            ItemStatus::Pending
        };
        item.change = Some(change);
        item.current = current;
        item.planned = planned;
    }

    // ----- running -----

    async fn run(&self, control: &mut watch::Receiver<Control>) {
        self.log_skipped();
        loop {
            let wanted = *control.borrow_and_update();
            match wanted {
                Control::Cancel => {
                    self.update(|r| {
                        let left = r.counts().pending;
                        r.state = RunState::Cancelled;
                        r.note = Some(format!(
                            "Cancelled with {left} item{} not sent.",
                            if left == 1 { "" } else { "s" }
                        ));
                    });
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
                                self.update(|r| r.state = RunState::Cancelled);
                                return;
                            }
                        }
                    }
                    self.update(|r| {
                        r.state = RunState::Running;
                        r.note = None;
                    });
                    continue;
                }
                Control::Go => {}
            }
            let next = {
                let r = self.live.record();
                r.items
                    .iter()
                    .position(|i| i.status == ItemStatus::Sending)
                    .or_else(|| r.items.iter().position(|i| i.status == ItemStatus::Pending))
            };
            let Some(index) = next else {
                self.update(|r| {
                    let c = r.counts();
                    r.state = RunState::Finished;
                    r.note = Some(format!(
                        "Finished: {} done, {} needed no change, {} failed{}.",
                        c.done,
                        c.skipped,
                        c.failed,
                        if c.unknown > 0 {
                            format!(", {} with an unknown outcome", c.unknown)
                        } else {
                            String::new()
                        }
                    ));
                });
                return;
            };
            self.item(index).await;
        }
    }

    /// Skipped items land in the audit log once, when the run first starts.
    fn log_skipped(&self) {
        let skipped: Vec<Change> = {
            let mut r = self.live.record();
            if r.skipped_logged {
                return;
            }
            r.skipped_logged = true;
            self.save(&r);
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
                    summary: format!("{}: no change needed", change.describe()),
                    correlation_id: String::new(),
                    already: true,
                    read_back: false,
                    undo: None,
                }),
            );
        }
    }

    fn pause_for(&self, note: String) {
        self.update(|r| r.note = Some(note));
        self.live.control.send_replace(Control::Pause);
    }

    /// Works on one item: reads it back first when its last send's outcome is not known or
    /// when it is retried, then journals the send, sends, and records the result.
    async fn item(&self, index: usize) {
        let mut item = self.live.record().items[index].clone();
        let Some(mut change) = item.change.clone() else {
            self.update(|r| {
                r.items[index].status = ItemStatus::Failed;
                r.items[index].message = Some("Nothing to send for this target".into());
            });
            return;
        };
        if item.status == ItemStatus::Sending || item.verify {
            match self.check(&mut item).await {
                Check::AsPlanned => {
                    let undo = reverse(&change, &item.current, &item.planned);
                    let confirmed = item.status == ItemStatus::Sending;
                    self.update(|r| {
                        let it = &mut r.items[index];
                        it.status = if confirmed || it.attempts > 0 {
                            ItemStatus::Done
                        } else {
                            ItemStatus::Skipped
                        };
                        it.read_back = true;
                        it.verify = false;
                        it.message = Some(if confirmed {
                            "Confirmed by reading it back after an unclear reply".into()
                        } else {
                            "Already as planned when checked".into()
                        });
                        if it.status == ItemStatus::Done {
                            it.undo = undo.clone();
                        }
                    });
                    self.log(
                        &change,
                        &Ok(Applied {
                            summary: change.describe(),
                            correlation_id: item.correlation_id.clone().unwrap_or_default(),
                            already: !confirmed,
                            read_back: true,
                            undo,
                        }),
                    );
                    return;
                }
                Check::Changed(message) => {
                    self.update(|r| {
                        let it = &mut r.items[index];
                        it.status = ItemStatus::Failed;
                        it.verify = false;
                        it.message = Some(message.clone());
                    });
                    self.log(&change, &Err(CoreError::StateChanged(message)));
                    return;
                }
                Check::Failed(err) => {
                    let was_sending = item.status == ItemStatus::Sending;
                    self.update(|r| {
                        let it = &mut r.items[index];
                        it.verify = true;
                        if was_sending {
                            // Keep it uncertain: it is read back again when the run resumes.
                            it.status = ItemStatus::Sending;
                        }
                    });
                    self.pause_for(format!(
                        "Paused: {err}. Resume when it can be reached again; items whose outcome is not known are read back first."
                    ));
                    return;
                }
                Check::Send => {
                    if let Some(c) = item.change.clone() {
                        change = c;
                    }
                }
            }
        }
        if item.attempts >= MAX_ATTEMPTS {
            self.update(|r| {
                let it = &mut r.items[index];
                it.status = ItemStatus::Failed;
                it.message = Some(format!(
                    "Not applied after {MAX_ATTEMPTS} tries; use Retry failed to try again"
                ));
            });
            return;
        }
        // The journal says "sending" before anything leaves: if Lanyard dies from here on, the
        // item is read back, never sent blind a second time.
        self.update(|r| {
            let it = &mut r.items[index];
            it.change = Some(change.clone());
            it.current = item.current.clone();
            it.planned = item.planned.clone();
            it.status = ItemStatus::Sending;
            it.verify = false;
            it.attempts += 1;
        });
        let result = apply_change(self.client, &change, false).await;
        match &result {
            Ok(applied) => {
                let undo = applied
                    .undo
                    .clone()
                    .or_else(|| reverse(&change, &item.current, &item.planned));
                self.update(|r| {
                    let it = &mut r.items[index];
                    it.status = ItemStatus::Done;
                    it.correlation_id = Some(applied.correlation_id.clone());
                    it.read_back = applied.read_back;
                    it.message = applied
                        .already
                        .then(|| "Was already so; nothing changed".to_owned());
                    it.undo = (!applied.already).then_some(undo).flatten();
                });
                self.count_write();
                self.log(&change, &result);
            }
            Err(err) => {
                let cid = match err {
                    CoreError::Provider(p) => p.correlation_id().map(str::to_owned),
                    _ => None,
                };
                match classify(err) {
                    Kind::Uncertain => {
                        // Left as "sending": the next turn of the loop reads it back.
                        self.update(|r| r.items[index].correlation_id = cid.clone());
                    }
                    Kind::NotSent => self.update(|r| {
                        let it = &mut r.items[index];
                        it.status = ItemStatus::Pending;
                        it.correlation_id = cid.clone();
                    }),
                    Kind::Lost => {
                        self.update(|r| {
                            let it = &mut r.items[index];
                            it.status = ItemStatus::Sending;
                            it.correlation_id = cid.clone();
                        });
                        self.pause_for(format!(
                            "Paused: {err}. Resume when the connection is back; the item that was being sent is read back first."
                        ));
                    }
                    Kind::RateLimited => {
                        self.update(|r| {
                            let it = &mut r.items[index];
                            it.status = ItemStatus::Pending;
                            it.attempts = it.attempts.saturating_sub(1);
                        });
                        self.pause_for(format!(
                            "Paused: {err}. The tenant's limit is shared with other tools; resume in a minute."
                        ));
                    }
                    Kind::Refused => {
                        let message = err.to_string();
                        self.update(|r| {
                            let it = &mut r.items[index];
                            it.status = ItemStatus::Failed;
                            it.correlation_id = cid.clone();
                            it.message = Some(message.clone());
                        });
                        self.log(&change, &result);
                    }
                }
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
            self.plan_item(&op, &mut fresh).await;
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
                _ => match fresh.message {
                    Some(m) if m.starts_with("Could not read") => {
                        Check::Failed(CoreError::Other(m))
                    }
                    Some(m) => Check::Changed(m),
                    None => Check::Changed("Could not be planned again".into()),
                },
            };
        }
        let Some(change) = item.change.clone() else {
            return Check::Changed("Nothing to send for this target".into());
        };
        match read_state(self.client, &change).await {
            Ok((_, _, now, _)) if now == item.planned => Check::AsPlanned,
            Ok((_, _, now, _)) if now == item.current => Check::Send,
            Ok((_, _, now, _)) => Check::Changed(format!(
                "Changed by someone else since it was planned (now {}); Lanyard left it alone",
                super::journal::describe_state(&now)
            )),
            Err(err) => Check::Failed(err),
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
fn reverse(change: &Change, current: &Value, planned: &Value) -> Option<Change> {
    let before: Option<Settings> = serde_json::from_value(current.clone()).ok();
    let after: Option<Settings> = serde_json::from_value(planned.clone()).ok();
    Some(match change.clone() {
        Change::Auth0Enable {
            organization_id,
            request,
            strategy,
            labels,
        } => Change::Auth0Remove {
            organization_id,
            connection_id: request.connection_id.clone(),
            expect: after.unwrap_or_else(|| request.effective()),
            strategy,
            labels,
        },
        Change::Auth0Update {
            organization_id,
            connection_id,
            strategy,
            labels,
            ..
        } => {
            let (before, after) = (before?, after?);
            Change::Auth0Update {
                organization_id,
                connection_id,
                update: UpdateConnection::between(&after, &before),
                expect: after,
                strategy,
                labels,
            }
        }
        Change::Auth0Remove {
            organization_id,
            connection_id,
            expect,
            strategy,
            labels,
        } => Change::Auth0Enable {
            organization_id,
            request: before
                .unwrap_or(expect)
                .to_enable_request(connection_id, strategy.as_deref()),
            strategy,
            labels,
        },
        other => return other.opposite(),
    })
}
