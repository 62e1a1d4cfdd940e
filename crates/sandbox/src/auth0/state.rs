//! The Auth0 tenant's state.

use std::collections::{BTreeMap, HashMap};
use std::time::Instant;

use serde::Serialize;

use crate::ratelimit::Bucket;

#[derive(Debug, Clone, Serialize)]
pub struct Org {
    pub id: String,
    pub name: String,
    pub display_name: String,
    /// Early Access per-application access: members may only log in to granted applications.
    pub is_app_entitlement_active: bool,
    /// Applications granted to the organization: (client id, use_for_member_access).
    pub granted: Vec<(String, bool)>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Conn {
    pub id: String,
    pub name: String,
    pub strategy: String,
    /// The applications the connection is enabled for (`GET /connections/{id}/clients`).
    pub clients: Vec<String>,
}

/// An application of the tenant, with its organization fields (`None` = never set, left out
/// of replies as Auth0 does).
#[derive(Debug, Clone, Serialize)]
pub struct App {
    pub client_id: String,
    pub name: String,
    pub app_type: String,
    pub global: bool,
    pub organization_usage: Option<String>,
    pub organization_require_behavior: Option<String>,
}

/// One connection enabled for one organization, with its per-org options.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub connection_id: String,
    pub organization_connection_name: Option<String>,
    pub assign_membership_on_login: bool,
    pub show_as_button: bool,
    pub is_signup_enabled: bool,
    pub organization_access_level: String,
    pub is_enabled: bool,
}

impl Link {
    /// Auth0's defaults for a minimal POST.
    pub fn new(connection_id: &str) -> Self {
        Self {
            connection_id: connection_id.to_owned(),
            organization_connection_name: None,
            assign_membership_on_login: false,
            show_as_button: true,
            is_signup_enabled: false,
            organization_access_level: "none".to_owned(),
            is_enabled: true,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Token {
    pub client_id: String,
    pub scopes: Vec<String>,
    pub expires_at: Instant,
}

#[derive(Debug, Default)]
pub struct World {
    pub orgs: Vec<Org>,
    pub connections: Vec<Conn>,
    /// (organization id, connection id) -> link.
    pub links: BTreeMap<(String, String), Link>,
    pub tokens: HashMap<String, Token>,
    /// (client id, bucket name) -> bucket.
    pub buckets: HashMap<(String, &'static str), Bucket>,
    /// Successful writes per `org_id/connection_id`, to prove a client never repeats one.
    pub writes: BTreeMap<String, u32>,
    /// Requests to the org-connection endpoints per `generation:operation` (`new:add`,
    /// `old:list`…), answered or refused, to show which endpoints a client used.
    pub org_connection_calls: BTreeMap<String, u32>,
    pub apps: Vec<App>,
    /// The tenant logs, oldest first (`GET /api/v2/logs`).
    pub logs: Vec<serde_json::Value>,
    /// The number part of the next `log_id`.
    pub next_log: u64,
}

impl World {
    pub fn org(&self, id_or_name: &str) -> Option<&Org> {
        self.orgs.iter().find(|o| o.id == id_or_name)
    }

    pub fn connection(&self, id: &str) -> Option<&Conn> {
        self.connections.iter().find(|c| c.id == id)
    }

    /// The state tests read back.
    pub fn dump(&self) -> serde_json::Value {
        let links: Vec<serde_json::Value> = self
            .links
            .iter()
            .map(|((org, _), link)| serde_json::json!({"organization_id": org, "link": link}))
            .collect();
        serde_json::json!({
            "organizations": self.orgs,
            "connections": self.connections,
            "org_connections": links,
            "writes": self.writes,
            "org_connection_calls": self.org_connection_calls,
            "applications": self.apps,
            "logs": self.logs.len(),
        })
    }
}
