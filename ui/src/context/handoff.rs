//! The targets an inventory answer hands to Bulk changes ("Use these N as bulk targets"), with
//! what the question was about, so that the Bulk page's form starts with it picked.

use lanyard_model::bulk::BulkTarget;
use lanyard_model::ids::{ConnectionId, UserGroupId};
use lanyard_model::profile::Product;

/// What the Bulk page's change starts with.
#[derive(Debug, Clone, PartialEq)]
pub enum Preset {
    Nothing,
    /// The connection the question was about: enable it for those that lack it, change its
    /// options for those that have it.
    Auth0Connection {
        id: ConnectionId,
        name: String,
        enable: bool,
    },
    /// The group the question was about.
    HubGroup {
        id: UserGroupId,
        name: String,
    },
}

/// Targets picked on the Inventory page, for one profile.
#[derive(Debug, Clone, PartialEq)]
pub struct Handoff {
    pub product: Product,
    pub profile_id: String,
    pub targets: Vec<BulkTarget>,
    /// The question in words, e.g. "organizations that lack google-oauth2".
    pub question: String,
    pub preset: Preset,
}
