//! Each profile's crawl as the file keeps it (table `crawls`, schema v3), and what a crawl asks
//! of the targets: how many it listed and read since it started, which are left to read, and
//! which a complete listing no longer found.
//!
//! A target counts as read by the crawl when it was listed at or after the crawl's start
//! (`read_at`) and its wiring was read at or after it too (`wiring_read_at`, set by
//! `replace_*` in the same transaction as the rows): nothing else is stored per target, so a
//! crawl stopped at any point continues with exactly the targets it had not read.

use lanyard_model::crawl_stop::CrawlStop;
use lanyard_model::inventory::CrawlState;
use rusqlite::{OptionalExtension, Row, params};

use crate::database::Inventory;
use crate::error::InventoryError;
use crate::records::{TargetKind, TargetRecord, UnixMillis, ZITADEL_INSTANCE_ID};
use crate::targets;

/// A profile's crawl as last saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrawlRecord {
    pub started_at: UnixMillis,
    /// Every target was listed (on resume, the listing is read again until then).
    pub listed: bool,
    pub state: CrawlState,
    /// Why it stopped: kept as the typed stop's JSON; a row an earlier Lanyard wrote holds
    /// its English words, read back as they are.
    pub message: Option<CrawlStop>,
    pub finished_at: Option<UnixMillis>,
}

/// Targets of the crawled kinds listed since the crawl started, and how many of those it read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CrawlCount {
    pub listed: u64,
    pub read: u64,
}

/// A target the crawl has yet to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrawlTarget {
    pub kind: TargetKind,
    pub id: String,
    pub name: String,
    pub display_name: Option<String>,
}

fn state_text(state: CrawlState) -> &'static str {
    match state {
        CrawlState::NotStarted => "not_started",
        CrawlState::Running => "running",
        CrawlState::Interrupted => "interrupted",
        CrawlState::Cancelled => "cancelled",
        CrawlState::Finished => "finished",
    }
}

fn state_of(text: &str) -> Result<CrawlState, InventoryError> {
    [
        CrawlState::NotStarted,
        CrawlState::Running,
        CrawlState::Interrupted,
        CrawlState::Cancelled,
        CrawlState::Finished,
    ]
    .into_iter()
    .find(|s| state_text(*s) == text)
    .ok_or_else(|| InventoryError::BadValue(format!("crawl state {text:?}")))
}

const CRAWL_COLUMNS: &str = "profile_id, started_at, listed, state, message, finished_at";

fn crawl_of(row: &Row<'_>) -> rusqlite::Result<(String, CrawlRecord, String)> {
    Ok((
        row.get(0)?,
        CrawlRecord {
            started_at: row.get(1)?,
            listed: row.get(2)?,
            // Read as text first: a state no Lanyard wrote is a `BadValue`, not a panic.
            state: CrawlState::NotStarted,
            message: row.get::<_, Option<String>>(4)?.map(CrawlStop::from_stored),
            finished_at: row.get(5)?,
        },
        row.get(3)?,
    ))
}

fn checked(
    (profile, mut record, state): (String, CrawlRecord, String),
) -> Result<(String, CrawlRecord), InventoryError> {
    record.state = state_of(&state)?;
    Ok((profile, record))
}

fn count(value: i64) -> Result<u64, InventoryError> {
    u64::try_from(value).map_err(|_| InventoryError::BadValue(format!("count {value}")))
}

impl Inventory {
    /// The profile's crawl, if one was ever started.
    pub fn crawl(&self, profile: &str) -> Result<Option<CrawlRecord>, InventoryError> {
        let sql = format!("SELECT {CRAWL_COLUMNS} FROM crawls WHERE profile_id = ?1");
        let found = self
            .conn
            .prepare_cached(&sql)?
            .query_row([profile], crawl_of)
            .optional()?;
        Ok(found.map(checked).transpose()?.map(|(_, r)| r))
    }

    /// Every profile's crawl, by profile id.
    pub fn crawls(&self) -> Result<Vec<(String, CrawlRecord)>, InventoryError> {
        let sql = format!("SELECT {CRAWL_COLUMNS} FROM crawls ORDER BY profile_id");
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map([], crawl_of)?;
        rows.map(|row| checked(row?)).collect()
    }

    /// Saves the profile's crawl, replacing the one before.
    pub fn save_crawl(
        &mut self,
        profile: &str,
        record: &CrawlRecord,
    ) -> Result<(), InventoryError> {
        self.conn
            .prepare_cached(
                "INSERT INTO crawls (profile_id, started_at, listed, state, message, finished_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (profile_id) DO UPDATE SET
                     started_at = excluded.started_at, listed = excluded.listed,
                     state = excluded.state, message = excluded.message,
                     finished_at = excluded.finished_at",
            )?
            .execute(params![
                profile,
                record.started_at,
                record.listed,
                state_text(record.state),
                record.message.as_ref().map(CrawlStop::to_stored),
                record.finished_at
            ])?;
        Ok(())
    }

    /// How many targets of `kinds` were listed at or after `since`, and of those, how many had
    /// their wiring read at or after it.
    pub fn crawl_count(
        &self,
        profile: &str,
        kinds: &[TargetKind],
        since: UnixMillis,
    ) -> Result<CrawlCount, InventoryError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT count(*), count(CASE WHEN wiring_read_at >= ?3 THEN 1 END) FROM targets
             WHERE profile_id = ?1 AND kind = ?2 AND read_at >= ?3",
        )?;
        let mut total = CrawlCount::default();
        for kind in kinds {
            let (listed, read): (i64, i64) = statement
                .query_row(params![profile, kind, since], |row| {
                    Ok((row.get(0)?, row.get(1)?))
                })?;
            total.listed = total.listed.saturating_add(count(listed)?);
            total.read = total.read.saturating_add(count(read)?);
        }
        Ok(total)
    }

    /// Up to `limit` targets of `kinds` listed at or after `since` whose wiring was not read
    /// since then, by kind (in the order given), then name.
    pub fn crawl_unread(
        &self,
        profile: &str,
        kinds: &[TargetKind],
        since: UnixMillis,
        limit: usize,
    ) -> Result<Vec<CrawlTarget>, InventoryError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT external_id, name, display_name FROM targets
             WHERE profile_id = ?1 AND kind = ?2 AND read_at >= ?3
               AND (wiring_read_at IS NULL OR wiring_read_at < ?3)
             ORDER BY name, external_id LIMIT ?4",
        )?;
        let mut out = Vec::new();
        for kind in kinds {
            let left = out.len();
            let room = i64::try_from(limit.saturating_sub(left)).unwrap_or(i64::MAX);
            if room == 0 {
                break;
            }
            let rows = statement.query_map(params![profile, kind, since, room], |row| {
                Ok(CrawlTarget {
                    kind: *kind,
                    id: row.get(0)?,
                    name: row.get(1)?,
                    display_name: row.get(2)?,
                })
            })?;
            for row in rows {
                out.push(row?);
            }
        }
        Ok(out)
    }

    /// After a complete listing: forgets the targets of `kind` that it did not find (listed
    /// before `since`), with their wiring. Returns how many.
    pub fn forget_unlisted(
        &mut self,
        profile: &str,
        kind: TargetKind,
        since: UnixMillis,
    ) -> Result<u64, InventoryError> {
        let gone = self
            .conn
            .prepare_cached(
                "DELETE FROM targets WHERE profile_id = ?1 AND kind = ?2 AND read_at < ?3",
            )?
            .execute(params![profile, kind, since])?;
        Ok(u64::try_from(gone).unwrap_or(u64::MAX))
    }

    /// Forgets one target and its wiring (the server says it is gone). True when it was known.
    pub fn forget_target(
        &mut self,
        profile: &str,
        kind: TargetKind,
        id: &str,
    ) -> Result<bool, InventoryError> {
        let gone = self
            .conn
            .prepare_cached(
                "DELETE FROM targets WHERE profile_id = ?1 AND kind = ?2 AND external_id = ?3",
            )?
            .execute(params![profile, kind, id])?;
        Ok(gone > 0)
    }

    /// Lists the ZITADEL instance (its login policy is a target like an organization's).
    pub fn record_zitadel_instance(
        &mut self,
        profile: &str,
        name: &str,
        read_at: UnixMillis,
    ) -> Result<(), InventoryError> {
        let tx = self.conn.transaction()?;
        let record = TargetRecord {
            kind: TargetKind::ZitadelInstance,
            id: ZITADEL_INSTANCE_ID.to_owned(),
            name: name.to_owned(),
            display_name: None,
            facts: None,
        };
        targets::upsert(&tx, profile, &record, read_at)?;
        tx.commit()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests;
