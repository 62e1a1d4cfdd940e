//! Make like: one or many targets of a profile made like a source target of the same profile.
//! Each side's wiring comes from the inventory when its row is young enough (as a bulk plan's
//! states do), else it is read live (and recorded); the changes per target are the model's
//! [`plan_like`], and the run holds them as ready items, grouped by target.

use lanyard_inventory::{CrawlTarget, UnixMillis};
use lanyard_model::Profile;
use lanyard_model::bulk::{BulkTarget, LiveReason, MAX_TARGETS, RunNote, RunTitle};
use lanyard_model::compare::{MakeLike, SnapshotItem, SnapshotTarget, plan_like};
use lanyard_model::error::StateChange;
use lanyard_model::inventory::PlanSource;
use lanyard_model::inventory_problem::InventoryWrite;

use super::side::{self, target_kind};
use crate::bulk::Runs;
use crate::bulk::ready::{ReadyItem, ReadyPlan};
use crate::client::Client;
use crate::crawl::product::{self, Wiring};
use crate::error::CoreError;
use crate::stock::{Stock, now};

/// Plans "make like" and journals it as a run waiting in `Ready`; its id.
pub async fn make_like(
    runs: &Runs,
    stock: &Stock,
    profile: &Profile,
    client: &Client,
    request: &MakeLike,
) -> Result<String, CoreError> {
    let product = profile.product;
    let mut seen = std::collections::HashSet::new();
    let targets: Vec<&BulkTarget> = request
        .targets
        .iter()
        .filter(|t| t.id != request.source.id && seen.insert(t.id.clone()))
        .collect();
    if targets.is_empty() || targets.len() > MAX_TARGETS {
        return Err(CoreError::Refused(StateChange::LikeTargetCount {
            product,
            max: MAX_TARGETS,
            source: request.source.name.clone(),
        }));
    }
    let since = match request.plan_source {
        PlanSource::Inventory { max_age_minutes } => {
            let minutes = i64::from(max_age_minutes.min(PlanSource::MAX_AGE_MINUTES));
            Some(UnixMillis(now().0.saturating_sub(minutes * 60_000)))
        }
        PlanSource::Live => None,
    };
    let mut reader = Reader {
        stock,
        profile,
        client,
        since,
        live: 0,
        oldest: None,
    };
    let source = reader.wiring(&request.source).await?;
    let mut items = Vec::new();
    for target in &targets {
        let wiring = reader.wiring(target).await?;
        let planned = plan_like(product, &source, &wiring, request.remove_extra)
            .map_err(|e| super::of_target(target.name.clone(), e))?;
        items.extend(planned.into_iter().map(|p| ReadyItem {
            target: (*target).clone(),
            change: p.change,
            current: p.current,
            planned: p.planned,
        }));
    }
    let n = targets.len();
    if items.is_empty() {
        return Err(CoreError::Refused(StateChange::AlreadyLike {
            product,
            targets: n,
            first: targets[0].name.clone(),
            source: request.source.name.clone(),
        }));
    }
    let summary = RunTitle::MakeLike {
        product,
        targets: n,
        first: targets[0].name.clone(),
        source: request.source.name.clone(),
        remove_extra: request.remove_extra,
        changes: items.len(),
    };
    let note = (reader.live > 0).then(|| RunNote::ReadLive {
        why: LiveReason::LikeStale {
            product,
            live: reader.live,
            targets: n + 1,
        },
    });
    let plan = ReadyPlan {
        summary,
        source: request.plan_source,
        planned_from_inventory_ms: (reader.live == 0).then_some(reader.oldest).flatten(),
        note,
    };
    runs.plan_ready(profile, client, plan, items).await
}

/// Reads targets' wiring for a plan: from the inventory when young enough, else live.
struct Reader<'a> {
    stock: &'a Stock,
    profile: &'a Profile,
    client: &'a Client,
    /// Rows read since then are used; `None`: everything is read live.
    since: Option<UnixMillis>,
    /// Targets read live, and the oldest inventory row used.
    live: usize,
    oldest: Option<i64>,
}

impl Reader<'_> {
    async fn wiring(&mut self, target: &BulkTarget) -> Result<SnapshotTarget, CoreError> {
        let (profile, product) = (&self.profile.id, self.profile.product);
        let kind = target_kind(product, &target.id);
        if let Some(since) = self.since {
            let stored = self.stock.read(|db| {
                let Some(summary) = db.target(profile, kind, &target.id)? else {
                    return Ok(None);
                };
                match summary.wiring_read_at {
                    Some(at) if at >= since => {
                        Ok(side::target(db, profile, product, &summary)?.map(|t| (t, at)))
                    }
                    _ => Ok(None),
                }
            });
            if let Some(Ok(Some((wiring, at)))) = stored {
                self.oldest = Some(self.oldest.map_or(at.0, |o| o.min(at.0)));
                return Ok(wiring);
            }
        }
        self.live += 1;
        let crawl_target = CrawlTarget {
            kind,
            id: target.id.clone(),
            name: target.name.clone(),
            display_name: None,
        };
        let read = product::read(self.client, &crawl_target)
            .await
            .map_err(|err| CoreError::TargetUnread {
                target: target.name.clone(),
                error: Box::new(err),
            })?;
        // Recorded like a crawl's read, then taken back with its items' names.
        self.stock.write(InventoryWrite::RecordMakeLikeRead, |db| {
            product::record(db, profile, &read, now())
        });
        let stored = self
            .stock
            .read(|db| match db.target(profile, kind, &target.id)? {
                Some(summary) => side::target(db, profile, product, &summary),
                None => Ok(None),
            });
        let mut wiring = match stored {
            Some(Ok(Some(wiring))) => wiring,
            _ => from_wiring(target, &read),
        };
        // The reply names its items (a linked IdP, a connection, a group) where the inventory
        // may not have listed them yet: the plan's labels use those names.
        let names = read.item_names();
        for item in &mut wiring.items {
            if let Some((_, name)) = names.iter().find(|(id, _)| *id == item.id) {
                item.name.clone_from(name);
            }
        }
        Ok(wiring)
    }
}

/// A live read as a snapshot target, without the inventory (items named by their ids; the
/// caller names them from the read).
fn from_wiring(target: &BulkTarget, read: &Wiring) -> SnapshotTarget {
    let plain = |id: &str| SnapshotItem {
        id: id.to_owned(),
        name: id.to_owned(),
        options: None,
    };
    let (items, uses_instance_default) = match read {
        Wiring::Auth0 { connections, .. } => (
            connections
                .iter()
                .map(|c| SnapshotItem {
                    options: Some((&c.settings()).into()),
                    ..plain(c.connection_id.as_str())
                })
                .collect(),
            false,
        ),
        Wiring::Zitadel { policy, .. } => (
            policy.linked.iter().map(|i| plain(i.as_str())).collect(),
            policy.uses_instance_default,
        ),
        Wiring::Hub { groups, .. } => (groups.iter().map(|g| plain(g.as_str())).collect(), false),
    };
    SnapshotTarget {
        id: target.id.clone(),
        name: target.name.clone(),
        display_name: None,
        uses_instance_default,
        items,
    }
}
