//! The plain values the inventory takes and gives: kinds of target, times, summaries, answers.

use lanyard_model::zitadel::IdpOwnerType;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

/// A time as milliseconds since the Unix epoch (what the caller's clock said at the read).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnixMillis(pub i64);

impl ToSql for UnixMillis {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.0))
    }
}

impl FromSql for UnixMillis {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        value.as_i64().map(UnixMillis)
    }
}

/// What a target is. Stored as the text of `as_str`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TargetKind {
    Auth0Organization,
    Auth0Connection,
    ZitadelOrganization,
    ZitadelIdp,
    /// The ZITADEL instance itself (its login policy); its id is `ZITADEL_INSTANCE_ID`.
    ZitadelInstance,
    HubAuthModule,
    HubGroup,
}

/// The id under which the ZITADEL instance's target row is kept (the model names it by scope).
pub const ZITADEL_INSTANCE_ID: &str = "instance";

impl TargetKind {
    pub const ALL: [TargetKind; 7] = [
        TargetKind::Auth0Organization,
        TargetKind::Auth0Connection,
        TargetKind::ZitadelOrganization,
        TargetKind::ZitadelIdp,
        TargetKind::ZitadelInstance,
        TargetKind::HubAuthModule,
        TargetKind::HubGroup,
    ];

    /// Whether targets of this kind have wiring of their own (connections, IdPs and groups are
    /// only listed).
    pub fn has_wiring(self) -> bool {
        matches!(
            self,
            TargetKind::Auth0Organization
                | TargetKind::ZitadelOrganization
                | TargetKind::ZitadelInstance
                | TargetKind::HubAuthModule
        )
    }

    pub fn as_str(self) -> &'static str {
        match self {
            TargetKind::Auth0Organization => "auth0_organization",
            TargetKind::Auth0Connection => "auth0_connection",
            TargetKind::ZitadelOrganization => "zitadel_organization",
            TargetKind::ZitadelIdp => "zitadel_idp",
            TargetKind::ZitadelInstance => "zitadel_instance",
            TargetKind::HubAuthModule => "hub_auth_module",
            TargetKind::HubGroup => "hub_group",
        }
    }
}

impl ToSql for TargetKind {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.as_str()))
    }
}

impl FromSql for TargetKind {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let text = value.as_str()?;
        TargetKind::ALL
            .into_iter()
            .find(|k| k.as_str() == text)
            .ok_or_else(|| FromSqlError::Other(format!("unknown target kind {text:?}").into()))
    }
}

/// A target as a listing read it (name and display name), for the pickers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetRecord {
    pub kind: TargetKind,
    pub id: String,
    pub name: String,
    pub display_name: Option<String>,
    /// What the listing said of it beyond its names; `None` when it read names only (the facts
    /// stored before are then kept).
    pub facts: Option<TargetFacts>,
}

/// What a listing says of a target beyond its names, for the pickers that show it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TargetFacts {
    /// An Auth0 connection's strategy.
    pub strategy: Option<String>,
    /// A ZITADEL IdP's type (`PROVIDER_TYPE_OIDC`), a Hub module's (`GoogleAuthModuleJSON`).
    pub provider_type: Option<String>,
    /// A ZITADEL IdP's state (`IDP_STATE_ACTIVE`).
    pub state: Option<String>,
    /// Whether a Hub module is enabled.
    pub enabled: Option<bool>,
    /// A ZITADEL IdP's owner.
    pub owner: Option<IdpOwnerType>,
}

/// Everything the inventory holds of a kind, as the listing's model type, and when the oldest
/// of it was listed (the age the picker shows).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing<T> {
    pub items: Vec<T>,
    pub listed_at: UnixMillis,
}

/// A target as the inventory knows it: what a picker or a result table shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetSummary {
    pub kind: TargetKind,
    pub id: String,
    pub name: String,
    pub display_name: Option<String>,
    /// When its wiring was last read; `None` when only its name is known.
    pub wiring_read_at: Option<UnixMillis>,
}

/// Whether a read of a target's wiring came right after Lanyard's own change to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadOrigin {
    /// A crawl, an opened page, a preview: a difference from what was stored was made by
    /// someone else and is recorded as changed outside Lanyard.
    Independent,
    /// The read-back of Lanyard's own change: differences are Lanyard's, not recorded.
    AfterLanyardChange,
}

/// The answer to a question: the slice of the targets that match asked for ([`Rows`]), how many
/// match in all and when the oldest of them was read, how many targets of the kind asked about
/// are known, and how many of those the inventory cannot answer for yet (known by name, wiring
/// never read).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer<T> {
    pub matches: Vec<T>,
    /// Every target that matches, not only the slice in `matches`.
    pub matching: u64,
    /// The oldest wiring read among every target that matches.
    pub oldest_read: Option<UnixMillis>,
    pub known: u64,
    pub not_yet_read: u64,
}

/// Which of a question's matches to read, in the answer's order: `limit` of them after the
/// first `offset` (SQLite's `LIMIT`/`OFFSET`, so a page of a large answer is read alone).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rows {
    pub offset: u64,
    pub limit: u64,
}

impl Rows {
    /// Every match.
    pub const ALL: Rows = Rows {
        offset: 0,
        limit: i64::MAX as u64,
    };

    /// `LIMIT` and `OFFSET` as SQLite takes them (its integers are signed).
    pub(crate) fn sql(self) -> (i64, i64) {
        let clamp = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
        (clamp(self.limit), clamp(self.offset))
    }
}

/// Every match's count and oldest read, as the page query's window columns give them on each
/// row (`count(*) OVER ()`, `min(t.wiring_read_at) OVER ()`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Totals {
    pub matching: u64,
    pub oldest_read: Option<UnixMillis>,
}

impl Totals {
    /// From the columns at `at` and `at + 1` of a page row.
    pub(crate) fn read(row: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<Totals> {
        let count: i64 = row.get(at)?;
        Ok(Totals {
            matching: u64::try_from(count).unwrap_or(0),
            oldest_read: row.get(at + 1)?,
        })
    }
}

/// A target that answers a question, as the result table shows it; `I` is its typed id (a
/// value read from the file that no server could have sent is an error, never passed on).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found<I> {
    pub id: I,
    pub name: String,
    pub display_name: Option<String>,
    /// What else the row says, in words: the matched connection's options, "uses the instance
    /// default", the module's auto-join groups.
    pub detail: Option<String>,
    /// When its wiring was read (every target that answers a question was read).
    pub wiring_read_at: UnixMillis,
}

/// How much of one kind of target the inventory holds for a profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindCount {
    pub kind: TargetKind,
    /// Known by name.
    pub known: u64,
    /// Whose wiring was read at least once. A kind with no wiring of its own (connections,
    /// IdPs, groups) is read when it is listed: every one known counts as read.
    pub read: u64,
    /// The oldest wiring read among them (for a kind with no wiring: the oldest listing).
    pub oldest_read: Option<UnixMillis>,
}

/// A picker's answer: at most `limit` targets, whether more matched, and when the oldest
/// listing of what the inventory holds of the kind was read (the age the picker shows).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pick {
    pub items: Vec<TargetSummary>,
    pub listed_at: UnixMillis,
    pub more: bool,
}

/// How fresh the wiring of a set of targets is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Freshness {
    /// The oldest wiring read among the targets that have one; `None` when none has.
    pub oldest: Option<UnixMillis>,
    /// Targets asked about whose wiring the inventory has never read (or does not know).
    pub unread: usize,
}

impl Freshness {
    /// True when every target was read at or after `since` (a plan can skip the live reads).
    pub fn all_read_since(&self, since: UnixMillis) -> bool {
        self.unread == 0 && self.oldest.is_some_and(|t| t >= since)
    }
}
