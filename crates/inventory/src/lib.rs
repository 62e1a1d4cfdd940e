//! Lanyard's inventory: every target's wiring, per profile, in one embedded SQLite database per
//! user, and the cross-target questions asked of it (who has / lacks a connection, who links an
//! IdP, which modules auto-join a group, picker searches, how old the rows are).
//!
//! No network and no Tauri: the caller reads the servers and hands the replies in.

mod auth0;
mod auth0_questions;
mod crawl_state;
mod database;
mod error;
mod hub;
mod listings;
mod outside;
mod records;
mod schema;
mod stored;
mod targets;
mod zitadel;

pub use auth0_questions::Auth0OrgQuery;
pub use crawl_state::{CrawlCount, CrawlRecord, CrawlTarget};
pub use database::Inventory;
pub use error::InventoryError;
pub use hub::HubModuleQuery;
pub use outside::OutsideChange;
pub use records::{
    Answer, Found, Freshness, KindCount, Listing, Pick, ReadOrigin, Rows, TargetFacts, TargetKind,
    TargetRecord, TargetSummary, UnixMillis, ZITADEL_INSTANCE_ID,
};
pub use schema::SCHEMA_VERSION;
pub use zitadel::{PolicyRead, ZitadelPolicyQuery};
