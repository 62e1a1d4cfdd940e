//! The reads behind the pre-change warnings and the history (API-NOTES-WARNINGS §1, §2, §5):
//! the applications a connection is enabled for, the tenant's applications with their
//! organization fields, an organization's per-application access and grants, and tenant log
//! entries. Each reply is read into the model's types; a reply of another shape is an error
//! that names what was expected, and every listing stops at the client's page cap.

use lanyard_model::auth0::apps::{
    Application, ConnectionClient, LogEntry, OrganizationAccess, OrganizationClient,
};
use lanyard_model::auth0::{CheckpointPage, OffsetPage};
use lanyard_model::ids::{ConnectionId, OrganizationId};
use reqwest::Method;

use super::{Auth0Client, decode};
use crate::error::ProviderError;
use crate::http::paging::Pages;
use crate::http::{Reply, Request};
use crate::outcome::Operation;

/// The fields of an application the warnings read; the organization ones need `read:clients`.
const APPLICATION_FIELDS: &str =
    "client_id,name,app_type,global,organization_usage,organization_require_behavior";

/// Auth0 searches at most 1,000 log entries (10 pages of 100).
const LOG_PAGES: u32 = 10;
const LOG_PAGE: u32 = 100;

impl Auth0Client {
    /// Every item of a checkpoint listing under `key`, `take` at a time.
    async fn checkpoint_all<T: serde::de::DeserializeOwned>(
        &self,
        request: Request,
        key: &str,
        take: u32,
        expected: &'static str,
    ) -> Result<Vec<T>, ProviderError> {
        let mut pages = Pages::new(&self.http, expected);
        let mut out = Vec::new();
        let mut from: Option<String> = None;
        loop {
            let mut r = request.clone().query("take", take);
            if let Some(cursor) = &from {
                r = r.query("from", cursor);
            }
            let reply = self.call(r, &Operation::new(&self.http)).await?;
            pages.page(&reply)?;
            let page: CheckpointPage<T> = CheckpointPage::from_json(reply.json(expected)?, key)
                .map_err(|reason| decode(&reply.correlation_id, expected, reason))?;
            let empty = page.items.is_empty();
            out.extend(page.items);
            match page.next {
                Some(next) if !empty => {
                    pages.cursor(&next, &reply.correlation_id)?;
                    from = Some(next);
                }
                _ => return Ok(out),
            }
        }
    }

    /// The applications `connection` is enabled for (`GET /connections/{id}/clients`,
    /// `read:connections`; checkpoint paging only). Never from the deprecated `enabled_clients`.
    pub async fn connection_clients(
        &self,
        connection: &ConnectionId,
    ) -> Result<Vec<ConnectionClient>, ProviderError> {
        let request = Self::api(
            Method::GET,
            "list_connection_clients",
            "/connections/{id}/clients",
        )
        .segments(["connections", connection.as_str(), "clients"]);
        self.checkpoint_all(
            request,
            "clients",
            1000,
            "a list of a connection's applications",
        )
        .await
    }

    /// The tenant's applications, but its global one, with their organization fields
    /// (`GET /clients`, `read:clients`).
    pub async fn applications(&self) -> Result<Vec<Application>, ProviderError> {
        let request = Self::api(Method::GET, "list_clients", "/clients")
            .segments(["clients"])
            .query("fields", APPLICATION_FIELDS)
            .query("include_fields", "true")
            .query("is_global", "false");
        self.checkpoint_all(request, "clients", 100, "a list of applications")
            .await
    }

    /// Whether the organization lets members log in only to granted applications (Early
    /// Access; absent means no).
    pub async fn organization_access(
        &self,
        org: &OrganizationId,
    ) -> Result<OrganizationAccess, ProviderError> {
        let request = Self::api(Method::GET, "get_organization", "/organizations/{id}")
            .segments(["organizations", org.as_str()]);
        let reply = self.call(request, &Operation::new(&self.http)).await?;
        reply.object("an organization")
    }

    /// The applications granted to the organization (`GET /organizations/{id}/clients`, Early
    /// Access).
    pub async fn organization_clients(
        &self,
        org: &OrganizationId,
    ) -> Result<Vec<OrganizationClient>, ProviderError> {
        let request = Self::api(
            Method::GET,
            "list_organization_clients",
            "/organizations/{id}/clients",
        )
        .segments(["organizations", org.as_str(), "clients"]);
        self.checkpoint_all(request, "clients", 100, "a list of granted applications")
            .await
    }

    /// Tenant log entries matching `q` (Auth0's search syntax), newest first, at most the
    /// 1,000 Auth0 lets a search page through (`read:logs`).
    pub async fn logs(&self, q: &str) -> Result<Vec<LogEntry>, ProviderError> {
        const EXPECTED: &str = "a list of log entries";
        let mut pages = Pages::new(&self.http, EXPECTED);
        let mut out = Vec::new();
        for page in 0..LOG_PAGES {
            let request = Self::api(Method::GET, "search_logs", "/logs")
                .segments(["logs"])
                .query("q", q)
                .query("sort", "date:-1")
                .query("page", page)
                .query("per_page", LOG_PAGE);
            let reply: Reply = self.call(request, &Operation::new(&self.http)).await?;
            pages.page(&reply)?;
            let parsed: OffsetPage<LogEntry> = OffsetPage::from_json(reply.json(EXPECTED)?, "logs")
                .map_err(|reason| decode(&reply.correlation_id, EXPECTED, reason))?;
            let count = parsed.items.len();
            out.extend(parsed.items);
            if count < LOG_PAGE as usize {
                break;
            }
        }
        Ok(out)
    }
}
