//! The crawl that fills the inventory: for one profile, its product's listings (names, for the
//! pickers), then each target's wiring, in the background, paced by the client's own pacer,
//! with a person's requests on the same client going first.
//!
//! It is resumable: the inventory keeps each profile's crawl (when it started, whether the
//! listing was complete, how it ended) and a target is done when its wiring was read since the
//! start, so a crawl stopped by a cancel, a failure, a close or a kill continues with exactly the
//! targets it had not read (the one in flight at a kill is read again). A crawl the file still
//! calls running when Lanyard opens belongs to a session that died: it is shown interrupted.

mod live;
mod pace;
pub(crate) mod product;
mod run;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use lanyard_inventory::{CrawlCount, CrawlRecord};
use lanyard_model::Profile;
use lanyard_model::crawl_stop::{CrawlStep, StopCause};
use lanyard_model::error::{ConfigProblem, StateChange};
use lanyard_model::inventory::{CrawlAction, CrawlPhase as Phase, CrawlState, CrawlView};
use lanyard_model::inventory_problem::InventoryWrite;

use crate::client::Client;
use crate::error::CoreError;
use crate::stock::{Stock, now};
use live::Live;

/// The crawls of this session, one per profile at most.
#[derive(Debug)]
pub struct Crawls {
    stock: Stock,
    live: Mutex<HashMap<String, Arc<Live>>>,
}

impl Crawls {
    /// The crawls of the inventory `stock`. One saved as running belongs to a session that
    /// ended without finishing it: it is saved as interrupted and offered for resume.
    pub fn open(stock: Stock) -> Self {
        let saved = stock
            .read(|db| db.crawls())
            .and_then(|read| {
                read.inspect_err(|err| tracing::warn!(%err, "the saved crawls could not be read"))
                    .ok()
            })
            .unwrap_or_default();
        let mut live = HashMap::new();
        for (profile, mut record) in saved {
            match record.state {
                CrawlState::Running => {
                    record.state = CrawlState::Interrupted;
                    record.message = Some(StopCause::LanyardStopped.into());
                    stock.write(InventoryWrite::MarkInterrupted, |db| {
                        db.save_crawl(&profile, &record)
                    });
                }
                CrawlState::Interrupted => {}
                _ => continue,
            }
            // Held in memory too, so it shows as interrupted even if the disk refused.
            live.insert(profile, Live::new(record, CrawlCount::default()));
        }
        Self {
            stock,
            live: Mutex::new(live),
        }
    }

    fn lives(&self) -> std::sync::MutexGuard<'_, HashMap<String, Arc<Live>>> {
        self.live.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The profile's crawl as last saved, if any.
    fn saved(&self, profile_id: &str) -> Option<CrawlRecord> {
        match self.stock.read(|db| db.crawl(profile_id)) {
            Some(Ok(record)) => record,
            Some(Err(err)) => {
                tracing::warn!(%err, "a saved crawl could not be read");
                None
            }
            None => None,
        }
    }

    /// How far the profile's crawl got, as the inventory has it.
    fn counted(&self, profile: &Profile, record: &CrawlRecord) -> CrawlCount {
        let kinds = product::wired_kinds(profile.product);
        self.stock
            .read(|db| db.crawl_count(&profile.id, kinds, record.started_at))
            .and_then(Result::ok)
            .unwrap_or_default()
    }

    /// Where the profile's crawl stands.
    pub fn view(&self, profile: &Profile) -> CrawlView {
        self.known_view(profile)
            .unwrap_or_else(|| live::not_started(profile))
    }

    /// The crawls known among `profiles`: started or resumed in this session, and any the
    /// inventory keeps from an earlier one (interrupted, cancelled or complete), so the window
    /// knows after a restart that a profile's inventory was filled.
    pub fn known(&self, profiles: &[Profile]) -> Vec<CrawlView> {
        profiles.iter().filter_map(|p| self.known_view(p)).collect()
    }

    /// The profile's crawl from this session, else the one the inventory keeps; `None` when it
    /// was never crawled. The file is read once.
    fn known_view(&self, profile: &Profile) -> Option<CrawlView> {
        let live = self.lives().get(&profile.id).cloned();
        let record = match live {
            Some(live) if live.state() == CrawlState::Running => return Some(live.view(profile)),
            Some(live) => live.status().record.clone(),
            None => self.saved(&profile.id)?,
        };
        let count = self.counted(profile, &record);
        Some(live::view_of(profile, &record, Phase::Idle, count, None))
    }

    /// Starts, resumes or cancels the profile's crawl. `client` is the profile's own (the same
    /// pacer as the user's clicks); a cancel does not need it.
    pub fn act(
        &self,
        profile: &Profile,
        client: Option<Client>,
        action: CrawlAction,
    ) -> Result<CrawlView, CoreError> {
        // Held throughout, so two clicks cannot both start a crawl.
        let mut lives = self.lives();
        let known = lives.get(&profile.id).map(|l| l.status().record.clone());
        let last = known.or_else(|| self.saved(&profile.id));
        let current = last.as_ref().map_or(CrawlState::NotStarted, |r| r.state);
        if !current.allows(action) {
            return Err(CoreError::Refused(StateChange::CrawlRefuses {
                profile: profile.display_name.clone(),
                state: current,
                action,
            }));
        }
        if action == CrawlAction::Cancel
            && let Some(live) = lives.get(&profile.id)
        {
            live.cancel();
            return Ok(live.view(profile));
        }
        let client = client.ok_or(CoreError::Files(ConfigProblem::CrawlWithoutClient))?;
        let runtime = tokio::runtime::Handle::try_current()
            .map_err(|_| CoreError::Files(ConfigProblem::CrawlOutsideRuntime))?;
        let mut record = match (action, last) {
            (CrawlAction::Resume, Some(last)) => last,
            _ => CrawlRecord {
                started_at: now(),
                listed: false,
                state: CrawlState::Running,
                message: None,
                finished_at: None,
            },
        };
        record.state = CrawlState::Running;
        record.message = None;
        record.finished_at = None;
        self.stock
            .write_or_say(CrawlStep::SaveState, |db| {
                db.save_crawl(&profile.id, &record)
            })
            .map_err(|unwritten| CoreError::Files(unwritten.into()))?;
        let count = self.counted(profile, &record);
        let live = Live::new(record, count);
        let job = run::Job {
            profile: profile.clone(),
            client,
            stock: self.stock.clone(),
            live: live.clone(),
        };
        live.set_task(runtime.spawn(job.run()).abort_handle());
        lives.insert(profile.id.clone(), live.clone());
        Ok(live.view(profile))
    }
}

impl Drop for Crawls {
    /// The console is going away: its crawls stop where they are, as at a kill (the file still
    /// says running, and the next session offers Resume).
    fn drop(&mut self) {
        for live in self.lives().values() {
            live.abort();
        }
    }
}
