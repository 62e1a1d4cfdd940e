//! The checks behind a preview's warnings: what a change will do to people signing in, run on
//! every preview (a single change, every item of a bulk plan). Each check reads what it needs
//! (see the product modules); a read that fails (a missing scope, a rate limit, a server error)
//! becomes a "could not check" entry and never blocks the change.
//!
//! Reads that do not depend on the target are made once per [`Checks`]: a single preview makes
//! its own, a bulk plan one for the whole run, so the applications of a connection, the
//! tenant's applications and its connections' strategies are read once per run, not per
//! organization. What depends on the target is read per target, and only for the changes it
//! matters to (an organization's other connections only when the change can hide the last
//! visible one). A bulk plan made from the inventory passes the organization's connections it
//! holds ([`Facts`]) and nothing of them is read live; Auth0's per-application access is read
//! per organization, which the inventory does not hold.

mod auth0;
mod hub;
mod zitadel;

use std::collections::HashMap;

use lanyard_model::auth0::OrgConnection;
use lanyard_model::auth0::apps::Application;
use lanyard_model::zitadel::LoginPolicy;
use lanyard_model::{Change, CommandError, TargetState, Warning};
use tokio::sync::Mutex;

use crate::client::Client;

/// A read's outcome kept for the run: the value, or the error the UI words.
type Kept<T> = Result<T, CommandError>;

/// A provider's error as the UI shows it.
fn shown(err: lanyard_providers::ProviderError) -> CommandError {
    crate::error::CoreError::from(err).into()
}

/// What a run's checks read once (see the module's doc).
#[derive(Default)]
struct Cache {
    /// Connection id -> the client ids of the applications it is enabled for.
    connection_clients: HashMap<String, Kept<Vec<String>>>,
    applications: Option<Kept<Vec<Application>>>,
    /// Connection id -> strategy, from the tenant's connections.
    strategies: Option<Kept<HashMap<String, String>>>,
    /// A ZITADEL login policy by scope (`instance` or the organization's id): a bulk run's
    /// items share one.
    policies: HashMap<String, Kept<LoginPolicy>>,
}

/// Facts about the target the caller already holds, so the checks need not read them.
#[derive(Debug, Default, Clone)]
pub(crate) struct Facts {
    /// The organization's enabled connections (from the inventory, for a plan made from it).
    pub(crate) org_connections: Option<Vec<OrgConnection>>,
    /// The login policy at the change's scope, when the preview read it already.
    pub(crate) policy: Option<LoginPolicy>,
}

/// The checks of one preview or one bulk run, with what they read once.
#[derive(Default)]
pub(crate) struct Checks {
    cache: Mutex<Cache>,
    /// Bulk runs do not read each Auth0 organization's per-application access: one
    /// organization read per target, in a bucket of 10 and 100 a minute on Enterprise, would
    /// double a plan's time. A single preview checks it.
    skip_per_organization_reads: bool,
}

impl Checks {
    /// The checks of a single preview.
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// The checks of a bulk run (see `skip_per_organization_reads`).
    pub(crate) fn for_run() -> Self {
        Self {
            skip_per_organization_reads: true,
            ..Self::default()
        }
    }

    /// The warnings for `change`, whose target is `current` now and `planned` after.
    pub(crate) async fn warnings(
        &self,
        client: &Client,
        change: &Change,
        current: &TargetState,
        planned: &TargetState,
        facts: Facts,
    ) -> Vec<Warning> {
        match change {
            Change::Auth0Enable { .. }
            | Change::Auth0Update { .. }
            | Change::Auth0Remove { .. } => match client.auth0() {
                Ok(c) => auth0::check(self, c, change, current, planned, facts).await,
                Err(_) => Vec::new(),
            },
            Change::ZitadelLink { .. }
            | Change::ZitadelUnlink { .. }
            | Change::ZitadelExternalIdps { .. } => match client.zitadel() {
                Ok(c) => zitadel::check(self, c, change, facts).await,
                Err(_) => Vec::new(),
            },
            Change::HubAdd { .. } | Change::HubRemove { .. } => match client.hub() {
                Ok(c) => hub::check(c, change).await,
                Err(_) => Vec::new(),
            },
        }
    }
}

pub(crate) use zitadel::default_policy_refusal;
