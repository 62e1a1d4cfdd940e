//! The targets themselves: names as listings read them, the picker search, and how old the
//! wiring of a set of targets is.

use lanyard_model::zitadel::IdpOwnerType;
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};

use crate::database::Inventory;
use crate::error::InventoryError;
use crate::records::{
    Answer, Found, Freshness, KindCount, Pick, Rows, TargetKind, TargetRecord, TargetSummary,
    Totals, UnixMillis,
};

/// The columns `summary_of` reads, in its order.
pub(crate) const SUMMARY_COLUMNS: &str =
    "t.kind, t.external_id, t.name, t.display_name, t.wiring_read_at";

pub(crate) fn summary_of(row: &Row<'_>) -> rusqlite::Result<TargetSummary> {
    Ok(TargetSummary {
        kind: row.get(0)?,
        id: row.get(1)?,
        name: row.get(2)?,
        display_name: row.get(3)?,
        wiring_read_at: row.get(4)?,
    })
}

/// What a "name contains" filter looks for in the search key: trimmed and lower-cased as the
/// key is (`None`: no filter).
pub(crate) fn needle(name_contains: Option<&str>) -> Option<String> {
    name_contains
        .map(|n| n.trim().to_lowercase())
        .filter(|n| !n.is_empty())
}

/// A count read from SQLite, which no query here can make negative.
pub(crate) fn count(value: i64) -> Result<u64, InventoryError> {
    u64::try_from(value).map_err(|_| InventoryError::BadValue(format!("count {value}")))
}

fn search_key(name: &str, display_name: Option<&str>) -> String {
    let mut key = name.to_lowercase();
    if let Some(display) = display_name {
        key.push('\n');
        key.push_str(&display.to_lowercase());
    }
    key
}

/// Inserts or renames a target and returns its row key.
pub(crate) fn upsert(
    tx: &Transaction<'_>,
    profile: &str,
    target: &TargetRecord,
    read_at: UnixMillis,
) -> Result<i64, InventoryError> {
    let key = search_key(&target.name, target.display_name.as_deref());
    let row = tx
        .prepare_cached(
            "INSERT INTO targets (profile_id, kind, external_id, name, display_name, search_key, read_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (profile_id, kind, external_id) DO UPDATE SET
                 name = excluded.name, display_name = excluded.display_name,
                 search_key = excluded.search_key, read_at = excluded.read_at
             RETURNING target",
        )?
        .query_row(
            params![profile, target.kind, target.id, target.name, target.display_name, key, read_at],
            |row| row.get(0),
        )?;
    if let Some(facts) = &target.facts {
        tx.prepare_cached(
            "UPDATE targets SET strategy = ?2, provider_type = ?3, state = ?4, enabled = ?5,
                 facts_read_at = ?6, owner = ?7
             WHERE target = ?1",
        )?
        .execute(params![
            row,
            facts.strategy,
            facts.provider_type,
            facts.state,
            facts.enabled,
            read_at,
            facts.owner.map(owner_text)
        ])?;
    }
    Ok(row)
}

/// How an IdP's owner is stored.
pub(crate) fn owner_text(owner: IdpOwnerType) -> &'static str {
    match owner {
        IdpOwnerType::System => "system",
        IdpOwnerType::Org => "org",
        IdpOwnerType::Unspecified => "unspecified",
    }
}

/// An IdP's owner as stored (an unknown text reads as unspecified, as ZITADEL's own does).
pub(crate) fn owner_of(text: &str) -> IdpOwnerType {
    match text {
        "system" => IdpOwnerType::System,
        "org" => IdpOwnerType::Org,
        _ => IdpOwnerType::Unspecified,
    }
}

/// The row key and wiring read time of a known target.
pub(crate) fn find(
    conn: &Connection,
    profile: &str,
    kind: TargetKind,
    id: &str,
) -> Result<Option<(i64, Option<UnixMillis>)>, InventoryError> {
    Ok(conn
        .prepare_cached(
            "SELECT target, wiring_read_at FROM targets
             WHERE profile_id = ?1 AND kind = ?2 AND external_id = ?3",
        )?
        .query_row(params![profile, kind, id], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })
        .optional()?)
}

pub(crate) fn mark_wiring_read(
    tx: &Transaction<'_>,
    target: i64,
    at: UnixMillis,
) -> Result<(), InventoryError> {
    tx.prepare_cached("UPDATE targets SET wiring_read_at = ?2 WHERE target = ?1")?
        .execute(params![target, at])?;
    Ok(())
}

impl Inventory {
    /// The name the inventory knows a target by (`None`: not known).
    pub fn target_name(
        &self,
        profile: &str,
        kind: TargetKind,
        id: &str,
    ) -> Result<Option<String>, InventoryError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT name FROM targets WHERE profile_id = ?1 AND kind = ?2 AND external_id = ?3",
            )?
            .query_row(params![profile, kind, id], |row| row.get(0))
            .optional()?)
    }

    /// Records targets as a listing read them (names only; their wiring is left as it was).
    pub fn record_targets(
        &mut self,
        profile: &str,
        targets: &[TargetRecord],
        read_at: UnixMillis,
    ) -> Result<(), InventoryError> {
        let tx = self.conn.transaction()?;
        for target in targets {
            upsert(&tx, profile, target, read_at)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The picker: targets of `kind` whose name or display name contains `term` (any case),
    /// exact names first, then names that start with it, then the rest by name; at most `limit`.
    pub fn search(
        &self,
        profile: &str,
        kind: TargetKind,
        term: &str,
        limit: usize,
    ) -> Result<Vec<TargetSummary>, InventoryError> {
        let needle = term.trim().to_lowercase();
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM targets t
             WHERE t.profile_id = ?1 AND t.kind = ?2 AND instr(t.search_key, ?3) > 0
             ORDER BY (t.search_key = ?3 OR instr(t.search_key, ?3 || char(10)) = 1) DESC,
                      instr(t.search_key, ?3) = 1 DESC, t.name, t.external_id
             LIMIT ?4"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map(params![profile, kind, needle, limit], summary_of)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// How old the wiring of these targets is: the oldest read among them, and how many the
    /// inventory has not read (a bulk plan reads those live).
    pub fn freshness(
        &self,
        profile: &str,
        kind: TargetKind,
        ids: &[&str],
    ) -> Result<Freshness, InventoryError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT wiring_read_at FROM targets
             WHERE profile_id = ?1 AND kind = ?2 AND external_id = ?3",
        )?;
        let mut freshness = Freshness {
            oldest: None,
            unread: 0,
        };
        for id in ids {
            let read: Option<Option<UnixMillis>> = statement
                .query_row(params![profile, kind, id], |row| row.get(0))
                .optional()?;
            match read.flatten() {
                Some(at) => {
                    freshness.oldest = Some(freshness.oldest.map_or(at, |old| old.min(at)));
                }
                None => freshness.unread += 1,
            }
        }
        Ok(freshness)
    }

    /// The answer to a question about these kinds from its page query `page`: the matches
    /// `rows` asks for, and the whole answer's counts. A page past the end has no row to carry
    /// them, so they are read again with the first match.
    pub(crate) fn paged_answer<I>(
        &self,
        profile: &str,
        kinds: &[TargetKind],
        rows: Rows,
        page: impl Fn(Rows) -> Result<(Vec<Found<I>>, Option<Totals>), InventoryError>,
    ) -> Result<Answer<Found<I>>, InventoryError> {
        let (matches, on_page) = page(rows)?;
        let totals = match on_page {
            Some(totals) => totals,
            None if rows.offset > 0 => page(Rows {
                offset: 0,
                limit: 1,
            })?
            .1
            .unwrap_or_default(),
            None => Totals::default(),
        };
        let (known, not_yet_read) = self.known_and_unread(profile, kinds)?;
        Ok(Answer {
            matches,
            matching: totals.matching,
            oldest_read: totals.oldest_read,
            known,
            not_yet_read,
        })
    }

    /// How many targets of these kinds are known by name, and how many of those have never had
    /// their wiring read.
    pub(crate) fn known_and_unread(
        &self,
        profile: &str,
        kinds: &[TargetKind],
    ) -> Result<(u64, u64), InventoryError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT count(*), count(*) - count(wiring_read_at) FROM targets
             WHERE profile_id = ?1 AND kind = ?2",
        )?;
        let (mut known, mut unread) = (0, 0);
        for kind in kinds {
            let (k, u): (i64, i64) = statement
                .query_row(params![profile, kind], |row| Ok((row.get(0)?, row.get(1)?)))?;
            known += count(k)?;
            unread += count(u)?;
        }
        Ok((known, unread))
    }

    /// The target as the inventory knows it (`None`: not known).
    pub fn target(
        &self,
        profile: &str,
        kind: TargetKind,
        id: &str,
    ) -> Result<Option<TargetSummary>, InventoryError> {
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM targets t
             WHERE t.profile_id = ?1 AND t.kind = ?2 AND t.external_id = ?3"
        );
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_row(params![profile, kind, id], summary_of)
            .optional()?)
    }

    /// The picker's answer from the inventory: [`Inventory::search`] with whether more than
    /// `limit` matched, and when the oldest listing of the kind was read; `None` when the
    /// inventory holds no target of the kind (the picker then searches live).
    pub fn pick(
        &self,
        profile: &str,
        kind: TargetKind,
        term: &str,
        limit: usize,
    ) -> Result<Option<Pick>, InventoryError> {
        let listed_at: Option<UnixMillis> = self
            .conn
            .prepare_cached("SELECT min(read_at) FROM targets WHERE profile_id = ?1 AND kind = ?2")?
            .query_row(params![profile, kind], |row| row.get(0))?;
        let Some(listed_at) = listed_at else {
            return Ok(None);
        };
        let mut items = self.search(profile, kind, term, limit.saturating_add(1))?;
        let more = items.len() > limit;
        items.truncate(limit);
        Ok(Some(Pick {
            items,
            listed_at,
            more,
        }))
    }

    /// How much of each kind of target the inventory holds for the profile (every kind, in the
    /// order of `TargetKind::ALL`, zero when none is known).
    pub fn counts(&self, profile: &str) -> Result<Vec<KindCount>, InventoryError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT count(*), count(wiring_read_at), min(wiring_read_at), min(read_at)
             FROM targets WHERE profile_id = ?1 AND kind = ?2",
        )?;
        TargetKind::ALL
            .into_iter()
            .map(|kind| {
                type Row = (i64, i64, Option<UnixMillis>, Option<UnixMillis>);
                let (known, read, oldest_wiring, oldest_listing): Row = statement
                    .query_row(params![profile, kind], |row| {
                        Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
                    })?;
                let known = count(known)?;
                Ok(if kind.has_wiring() {
                    KindCount {
                        kind,
                        known,
                        read: count(read)?,
                        oldest_read: oldest_wiring,
                    }
                } else {
                    KindCount {
                        kind,
                        known,
                        read: known,
                        oldest_read: oldest_listing,
                    }
                })
            })
            .collect()
    }
}
