//! The crawl's task: the listings, then each target's wiring one at a time, every request sent
//! in the background (a person's requests on the same client go first) and paced by the
//! client's own pacer; each target's rows committed as it is read, so a stop at any point keeps
//! all that was read and a resume reads only what was not.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use futures::StreamExt;
use lanyard_inventory::{CrawlTarget, Inventory, InventoryError, TargetKind};
use lanyard_model::crawl_stop::{CrawlReading, CrawlStep, StopCause};
use lanyard_model::inventory::{CrawlPhase as Phase, CrawlState};
use lanyard_model::{CommandError, Profile};
use lanyard_providers::ProviderError;
use tokio::sync::watch;

use super::live::Live;
use super::product::{self, INSTANCE_NAME, Listing};
use crate::client::Client;
use crate::error::CoreError;
use crate::stock::{Stock, now};

/// Targets fetched from the inventory at a time.
const QUEUE: usize = 100;
/// Rate-limit refusals in a row that the crawl waits out before it stops.
const MAX_RATE_LIMITED: u32 = 10;
/// The wait after a refusal that names none, and the longest one.
const RATE_LIMIT_WAIT: Duration = Duration::from_secs(5);
const MAX_RATE_LIMIT_WAIT: Duration = Duration::from_secs(60);
/// Targets in a row the server says are gone before the crawl suspects the address instead.
const MAX_GONE_IN_A_ROW: u32 = 5;

/// Why a crawl stopped before its end.
#[derive(Debug)]
pub(crate) enum Stop {
    Cancelled,
    /// Why, typed (the Inventory page words it with what to do).
    Failed(StopCause),
}

/// One run of a profile's crawl (a start or a resume).
pub(crate) struct Job {
    pub(crate) profile: Profile,
    pub(crate) client: Client,
    pub(crate) stock: Stock,
    pub(crate) live: Arc<Live>,
}

impl Job {
    /// Runs to the end, a cancel or a failure, and saves how it ended.
    pub(crate) async fn run(self) {
        let ended = lanyard_providers::http::in_background(self.crawl()).await;
        let (state, message) = match ended {
            Ok(()) => (CrawlState::Finished, None),
            Err(Stop::Cancelled) => (CrawlState::Cancelled, Some(StopCause::Cancelled.into())),
            Err(Stop::Failed(cause)) => (CrawlState::Interrupted, Some(cause.into())),
        };
        let count = self.counted().await.ok();
        let record = {
            let mut status = self.live.status();
            status.record.state = state;
            status.record.message = message;
            status.record.finished_at = Some(now());
            status.phase = Phase::Idle;
            if let Some(count) = count {
                status.count = count;
            }
            status.record.clone()
        };
        let profile = self.profile.id.clone();
        if let Err(Stop::Failed(err)) = self
            .write(CrawlStep::SaveState, move |db| {
                db.save_crawl(&profile, &record)
            })
            .await
        {
            tracing::warn!(%err, "the crawl's end could not be saved");
        }
    }

    async fn crawl(&self) -> Result<(), Stop> {
        let mut cancel = self.live.cancelled();
        if !self.live.status().record.listed {
            self.list(&mut cancel).await?;
        }
        self.live.status().phase = Phase::Reading(product::wired(self.profile.product));
        let count = self.counted().await?;
        self.live.status().count = count;
        self.read_wiring(&mut cancel).await
    }

    /// Reads every listing (names only), then forgets the targets they no longer name.
    async fn list(&self, cancel: &mut watch::Receiver<bool>) -> Result<(), Stop> {
        let since = self.live.status().record.started_at;
        let listings = Listing::of(self.profile.product);
        for listing in listings {
            self.live.status().phase = Phase::Listing(listing.listed());
            let mut refused = 0u32;
            while let Err(failure) = self.list_one(*listing, cancel).await {
                let err = match failure {
                    Failure::Stop(stop) => return Err(stop),
                    Failure::Server(err) => err,
                };
                match rate_limit_wait(&err, &mut refused) {
                    // The listing is read again from its start: recording a name twice is harmless.
                    Some(wait) => sleep_unless_cancelled(wait, cancel).await?,
                    None => {
                        let reading = CrawlReading::Listing {
                            targets: listing.listed(),
                        };
                        return Err(failed(reading, &err));
                    }
                }
            }
        }
        let profile = self.profile.id.clone();
        let record = {
            let mut status = self.live.status();
            status.record.listed = true;
            status.record.clone()
        };
        self.write(CrawlStep::ForgetUnlisted, move |db| {
            for listing in listings {
                db.forget_unlisted(&profile, listing.kind(), since)?;
            }
            db.save_crawl(&profile, &record)
        })
        .await?;
        self.live.status().count = self.counted().await?;
        Ok(())
    }

    /// One listing, recorded a page at a time.
    async fn list_one(
        &self,
        listing: Listing,
        cancel: &mut watch::Receiver<bool>,
    ) -> Result<(), Failure> {
        if listing == Listing::ZitadelInstance {
            let profile = self.profile.id.clone();
            self.write(CrawlStep::RecordInstance, move |db| {
                db.record_zitadel_instance(&profile, INSTANCE_NAME, now())
            })
            .await?;
        }
        let mut pages = listing.read(&self.client);
        loop {
            let page = tokio::select! {
                biased;
                stop = cancelled(cancel) => return Err(Failure::Stop(stop)),
                page = pages.next() => page,
            };
            let Some(page) = page else { return Ok(()) };
            let records = page.map_err(Failure::Server)?;
            let profile = self.profile.id.clone();
            self.write(CrawlStep::RecordListed, move |db| {
                db.record_targets(&profile, &records, now())
            })
            .await?;
            self.live.status().count = self.counted().await?;
        }
    }

    /// Reads each target listed since the start whose wiring was not read since.
    async fn read_wiring(&self, cancel: &mut watch::Receiver<bool>) -> Result<(), Stop> {
        let kinds = product::wired_kinds(self.profile.product);
        let since = self.live.status().record.started_at;
        let mut tried: HashSet<(TargetKind, String)> = HashSet::new();
        let mut gone_in_a_row = 0u32;
        loop {
            let profile = self.profile.id.clone();
            let queue = self
                .query(move |db| db.crawl_unread(&profile, kinds, since, QUEUE))
                .await?;
            if queue.is_empty() {
                return Ok(());
            }
            let fresh: Vec<CrawlTarget> = queue
                .into_iter()
                .filter(|t| !tried.contains(&(t.kind, t.id.clone())))
                .collect();
            if fresh.is_empty() {
                return Err(Stop::Failed(StopCause::NotKept));
            }
            for target in fresh {
                tried.insert((target.kind, target.id.clone()));
                if self.read_target(&target, cancel).await? {
                    gone_in_a_row = 0;
                } else {
                    gone_in_a_row = gone_in_a_row.saturating_add(1);
                    if gone_in_a_row >= MAX_GONE_IN_A_ROW {
                        return Err(Stop::Failed(StopCause::TargetsGone {
                            count: MAX_GONE_IN_A_ROW,
                        }));
                    }
                }
            }
        }
    }

    /// Reads and records one target's wiring, waiting out rate limits. False when the server
    /// says the target is gone (it is forgotten).
    async fn read_target(
        &self,
        target: &CrawlTarget,
        cancel: &mut watch::Receiver<bool>,
    ) -> Result<bool, Stop> {
        let mut refused = 0u32;
        let wiring = loop {
            let read = tokio::select! {
                biased;
                stop = cancelled(cancel) => return Err(stop),
                read = product::read(&self.client, target) => read,
            };
            match read {
                Ok(wiring) => break wiring,
                Err(CoreError::Provider(err)) if err.is_status(404) => {
                    let (profile, kind, id) =
                        (self.profile.id.clone(), target.kind, target.id.clone());
                    self.write(CrawlStep::ForgetGone, move |db| {
                        db.forget_target(&profile, kind, &id)
                    })
                    .await?;
                    return Ok(false);
                }
                Err(err) => match rate_limit_wait(&err, &mut refused) {
                    Some(wait) => sleep_unless_cancelled(wait, cancel).await?,
                    None => {
                        let reading = CrawlReading::Target {
                            name: target.name.clone(),
                        };
                        return Err(failed(reading, &err));
                    }
                },
            }
        };
        let profile = self.profile.id.clone();
        self.write(CrawlStep::RecordRead, move |db| {
            product::record(db, &profile, &wiring, now())
        })
        .await?;
        self.live.read_one();
        Ok(true)
    }

    /// The crawl's counts as the inventory has them now.
    async fn counted(&self) -> Result<lanyard_inventory::CrawlCount, Stop> {
        let (profile, kinds) = (
            self.profile.id.clone(),
            product::wired_kinds(self.profile.product),
        );
        let since = self.live.status().record.started_at;
        self.query(move |db| db.crawl_count(&profile, kinds, since))
            .await
    }

    /// A write on the blocking pool (SQLite is synchronous); a failure stops the crawl.
    async fn write<T: Send + 'static>(
        &self,
        step: CrawlStep,
        f: impl FnOnce(&mut Inventory) -> Result<T, InventoryError> + Send + 'static,
    ) -> Result<T, Stop> {
        let stock = self.stock.clone();
        tokio::task::spawn_blocking(move || stock.write_or_say(step, f))
            .await
            .map_err(|_| Stop::Failed(StopCause::WriterStopped))?
            .map_err(|unwritten| Stop::Failed(unwritten.into()))
    }

    /// A read of the inventory on the blocking pool.
    async fn query<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Inventory) -> Result<T, InventoryError> + Send + 'static,
    ) -> Result<T, Stop> {
        let stock = self.stock.clone();
        let read = tokio::task::spawn_blocking(move || stock.read(f))
            .await
            .map_err(|_| Stop::Failed(StopCause::ReaderStopped))?;
        match read {
            Some(Ok(value)) => Ok(value),
            Some(Err(err)) => Err(Stop::Failed(StopCause::Unreadable {
                detail: err.to_string(),
            })),
            None => Err(Stop::Failed(StopCause::InventoryClosed {
                reason: self.stock.problem(),
            })),
        }
    }
}

/// A step that did not end well: the crawl must stop, or the server failed (which a wait may
/// cure when it is a rate limit).
enum Failure {
    Stop(Stop),
    Server(CoreError),
}

impl From<Stop> for Failure {
    fn from(stop: Stop) -> Self {
        Failure::Stop(stop)
    }
}

/// Resolves once the crawl is cancelled.
async fn cancelled(cancel: &mut watch::Receiver<bool>) -> Stop {
    if cancel.wait_for(|c| *c).await.is_err() {
        // No one can cancel any more: this never resolves.
        std::future::pending::<()>().await;
    }
    Stop::Cancelled
}

async fn sleep_unless_cancelled(
    wait: Duration,
    cancel: &mut watch::Receiver<bool>,
) -> Result<(), Stop> {
    tokio::select! {
        biased;
        stop = cancelled(cancel) => Err(stop),
        () = tokio::time::sleep(wait) => Ok(()),
    }
}

/// How long to wait when `err` is a rate limit that got past the client's own waits, counting
/// it in `refused`; `None` when it is not, or after too many in a row.
fn rate_limit_wait(err: &CoreError, refused: &mut u32) -> Option<Duration> {
    let asked = match err {
        CoreError::Provider(ProviderError::RateLimited { retry_after, .. }) => *retry_after,
        CoreError::Provider(ProviderError::Api {
            status: 429,
            retry_after,
            ..
        }) => *retry_after,
        _ => return None,
    };
    if *refused >= MAX_RATE_LIMITED {
        return None;
    }
    *refused = refused.saturating_add(1);
    tracing::info!(
        refused = *refused,
        "the crawl was rate limited; waiting before it goes on"
    );
    Some(
        asked
            .unwrap_or(RATE_LIMIT_WAIT)
            .clamp(Duration::from_millis(100), MAX_RATE_LIMIT_WAIT),
    )
}

/// The server's failure while reading `reading`, as every other failure is shown (no secret is
/// ever in it).
fn failed(reading: CrawlReading, err: &CoreError) -> Stop {
    Stop::Failed(StopCause::ServerFailed {
        reading,
        error: Box::new(CommandError::from(err)),
    })
}
