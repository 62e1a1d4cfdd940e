//! The inventory as the window sees it: the crawl that fills it, the questions asked of it, its
//! answers and the pickers' searches. The inventory itself (`lanyard-inventory`) and the crawl
//! (`lanyard_core::crawl`) live in the native crates; these are the values that cross IPC.
//!
//! Times are Unix milliseconds (`*_ms`), so the window can say "12 minutes old" from its clock.

use serde::{Deserialize, Serialize};

use crate::auth0::AccessLevel;
pub use crate::crawl::{CrawlAction, CrawlState, Targets};
use crate::crawl_stop::CrawlStop;
use crate::ids::{ConnectionId, IdpId, UserGroupId};
use crate::inventory_problem::InventoryProblem;
pub use crate::lookup::{PickerKind, PlanSource};
use crate::product::Product;

/// One profile's crawl, as the progress line on every page and the Inventory page show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CrawlView {
    pub profile_id: String,
    pub profile_name: String,
    pub product: Product,
    pub state: CrawlState,
    /// What it is doing now (the UI words it: "Listing organizations", "Reading each
    /// organization's connections"); `Idle` when it is not running.
    pub phase: CrawlPhase,
    /// Targets whose wiring this crawl has read, of `total` known so far.
    pub done: u64,
    pub total: u64,
    pub rate_per_minute: Option<f64>,
    pub eta_seconds: Option<u64>,
    pub started_at_ms: Option<i64>,
    pub finished_at_ms: Option<i64>,
    /// Why it stopped, with what to do about it.
    pub message: Option<CrawlStop>,
}

/// Every crawl this session knows of (running or not), and the inventory's last problem.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InventoryStatus {
    pub crawls: Vec<CrawlView>,
    /// Why the inventory could not be opened or last written; `None` when all is well.
    pub problem: Option<InventoryProblem>,
}

/// What a running crawl is doing: listing one kind of target, or reading each target's wiring.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "step", content = "what", rename_all = "snake_case")]
pub enum CrawlPhase {
    /// Not running, or between steps.
    Idle,
    Listing(Targets),
    /// Reading the wiring of each of these: an Auth0 organization's connections, a ZITADEL
    /// login policy's identity providers, a Hub auth module's auto-join groups.
    Reading(Targets),
}

/// How much of one kind of target the inventory holds for a profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KindCount {
    pub kind: Targets,
    /// Known by name.
    pub known: u64,
    /// Whose wiring was read at least once.
    pub read: u64,
    pub oldest_read_ms: Option<i64>,
}

/// A difference a re-read found that Lanyard did not make.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutsideChangeView {
    pub target_id: String,
    pub target_name: String,
    /// The connection, IdP or group that changed.
    pub item: String,
    pub before: String,
    pub after: String,
    pub seen_at_ms: i64,
}

/// A profile's inventory at a glance: its crawl, what it holds, what changed outside Lanyard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InventoryOverview {
    pub crawl: CrawlView,
    pub kinds: Vec<KindCount>,
    /// Newest first.
    pub changed_outside: Vec<OutsideChangeView>,
    pub problem: Option<InventoryProblem>,
}

/// Has or lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Presence {
    Has,
    Lacks,
}

/// Per-organization options to match when asking who *has* a connection; `None` matches any
/// value. Values are compared after Auth0's defaults.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OptionsFilter {
    pub show_as_button: Option<bool>,
    pub assign_membership_on_login: Option<bool>,
    pub is_signup_enabled: Option<bool>,
    pub is_enabled: Option<bool>,
    pub organization_access_level: Option<AccessLevel>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConnectionCondition {
    pub connection_id: ConnectionId,
    pub presence: Presence,
    /// Only with `Has`.
    #[serde(default)]
    pub options: OptionsFilter,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdpCondition {
    pub idp_id: IdpId,
    pub presence: Presence,
}

/// A question for one product's inventory; the filters combine (all must hold). No condition
/// lists every target read, narrowed by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "product", rename_all = "snake_case", deny_unknown_fields)]
pub enum InventoryQuestion {
    /// Organizations.
    Auth0 {
        connection: Option<ConnectionCondition>,
        #[serde(default)]
        name_contains: String,
    },
    /// Login policies: the instance's and each organization's.
    Zitadel {
        idp: Option<IdpCondition>,
        #[serde(default)]
        name_contains: String,
    },
    /// Auth modules.
    Hub {
        auto_joins: Option<UserGroupId>,
        #[serde(default)]
        name_contains: String,
    },
}

impl InventoryQuestion {
    pub fn product(&self) -> Product {
        match self {
            InventoryQuestion::Auth0 { .. } => Product::Auth0,
            InventoryQuestion::Zitadel { .. } => Product::Zitadel,
            InventoryQuestion::Hub { .. } => Product::Hub,
        }
    }
}

/// A target that answers a question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InventoryRow {
    /// The target's id (for ZITADEL the organization's id, or `instance`).
    pub id: String,
    pub name: String,
    pub display_name: Option<String>,
    /// What else the row says, in words: the matched connection's options, "uses the instance
    /// default", the module's auto-join groups.
    pub detail: Option<String>,
    /// When its wiring was read.
    pub read_at_ms: Option<i64>,
}

/// The most rows one `inventory_ask` answer holds: a page of a large answer, or every target
/// a bulk run may take (the answer's rows handed to the Bulk page).
pub const INVENTORY_PAGE_MAX: u32 = 10_000;

/// The answer to a question: a page of its rows (`limit` of them from `offset`, in the answer's
/// order) and its counts, which are the whole answer's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InventoryAnswer {
    pub rows: Vec<InventoryRow>,
    /// Where `rows` start among every row of the answer.
    pub offset: u64,
    /// How many targets answer the question in all.
    pub matching: u64,
    /// Targets of the kind asked about, known by name.
    pub known: u64,
    /// Of those, the ones whose wiring was never read: the answer cannot speak for them.
    pub not_yet_read: u64,
    /// The oldest wiring read among every row of the answer.
    pub oldest_read_ms: Option<i64>,
}

/// One thing a picker offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PickerItem {
    pub id: String,
    pub name: String,
    pub display_name: Option<String>,
}

/// A picker's answer from the inventory: `None` from the command when the inventory holds no
/// target of the kind (the picker then searches live).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PickerAnswer {
    pub items: Vec<PickerItem>,
    /// When the oldest listing among what the inventory holds of the kind was read: the age the
    /// picker shows.
    pub listed_at_ms: i64,
    /// Whether more matched than `limit`.
    pub more: bool,
}

/// A listing as the inventory holds it, in the listing's own model type (a connection with its
/// strategy, an IdP with its type and state, a module with its type and whether it is
/// enabled): `None` from the command when the inventory cannot answer (the page then reads live).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Listed<T> {
    pub items: Vec<T>,
    /// When the oldest of them was listed: the age the page shows.
    pub listed_at_ms: i64,
}
