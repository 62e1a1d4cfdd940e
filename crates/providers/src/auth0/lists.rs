//! Auth0 reads: organizations (checkpoint paging, so past the 1,000-record offset cap), the
//! tenant's connections, and the connections enabled for an organization. A reply of another
//! shape is an error that names what was expected, never an empty list.

use std::future::Future;

use futures::Stream;
use lanyard_model::auth0::{
    CheckpointPage, Connection, ConnectionFilter, OffsetPage, OrgConnection, Organization, Paging,
};
use lanyard_model::ids::{ConnectionId, OrganizationId};
use reqwest::Method;

use super::generation::{self, Op};
use super::{Auth0Client, Payload, Target, decode};
use crate::error::ProviderError;
use crate::http::Reply;
use crate::http::paging::{Pages, offset_done};
use crate::outcome::Operation;

/// Page size for listings the console reads whole.
const PAGE: u32 = 100;

const ORGANIZATIONS: &str = "a list of organizations";

impl Auth0Client {
    /// One page of organizations.
    pub async fn organizations_page(
        &self,
        paging: &Paging,
    ) -> Result<CheckpointPage<Organization>, ProviderError> {
        self.organizations_reply(paging).await.map(|(page, _)| page)
    }

    async fn organizations_reply(
        &self,
        paging: &Paging,
    ) -> Result<(CheckpointPage<Organization>, Reply), ProviderError> {
        let mut request = Self::api(Method::GET, "list_organizations", "/organizations")
            .segments(["organizations"]);
        request.query.extend(paging.query());
        let reply = self.call(request, &Operation::new(&self.http)).await?;
        let value: serde_json::Value = reply.json(ORGANIZATIONS)?;
        let page = match paging {
            Paging::Checkpoint { .. } => CheckpointPage::from_json(value, "organizations"),
            Paging::Offset { .. } => {
                OffsetPage::from_json(value, "organizations").map(|p| CheckpointPage {
                    items: p.items,
                    next: None,
                })
            }
        }
        .map_err(|reason| decode(&reply.correlation_id, ORGANIZATIONS, reason))?;
        Ok((page, reply))
    }

    /// Every organization, fetched a page at a time as the stream is read. Checkpoint paging,
    /// so tenants past Auth0's 1,000-record offset cap are read whole. It ends on a page with
    /// no `next` or no items; a `next` seen before, or too many pages, ends it with an error.
    pub fn organizations(&self) -> impl Stream<Item = Result<Organization, ProviderError>> + '_ {
        struct Walk {
            /// `None`: no page left; `Some(None)`: the first page; `Some(Some(c))`: from cursor `c`.
            next: Option<Option<String>>,
            buffer: std::vec::IntoIter<Organization>,
            pages: Pages,
        }
        let start = Walk {
            next: Some(None),
            buffer: Vec::new().into_iter(),
            pages: Pages::new(&self.http, ORGANIZATIONS),
        };
        futures::stream::unfold(start, move |mut walk| async move {
            loop {
                if let Some(org) = walk.buffer.next() {
                    return Some((Ok(org), walk));
                }
                let from = walk.next.take()?;
                // `next` is spent, so after an error the stream ends.
                let (page, reply) = match self
                    .organizations_reply(&Paging::Checkpoint { from, take: PAGE })
                    .await
                {
                    Ok(read) => read,
                    Err(err) => return Some((Err(err), walk)),
                };
                if let Err(err) = walk.pages.page(&reply) {
                    return Some((Err(err), walk));
                }
                if page.items.is_empty() {
                    continue;
                }
                if let Some(next) = page.next {
                    if let Err(err) = walk.pages.cursor(&next, &reply.correlation_id) {
                        return Some((Err(err), walk));
                    }
                    walk.next = Some(Some(next));
                }
                walk.buffer = page.items.into_iter();
            }
        })
    }

    /// Organizations whose name or display name contains `text`, at most `limit` of them,
    /// reading pages only until enough are found. An exact name is looked up directly first.
    pub async fn search_organizations(
        &self,
        text: &str,
        limit: usize,
    ) -> Result<Vec<Organization>, ProviderError> {
        use futures::StreamExt;
        let needle = text.trim().to_lowercase();
        let mut found = Vec::new();
        if let Some(org) = self.organization_by_name(&needle).await? {
            found.push(org);
        }
        let mut all = std::pin::pin!(self.organizations());
        while found.len() < limit {
            let Some(org) = all.next().await else { break };
            let org = org?;
            let matches = needle.is_empty()
                || org.name.to_lowercase().contains(&needle)
                || org
                    .display_name
                    .as_deref()
                    .is_some_and(|d| d.to_lowercase().contains(&needle));
            if matches && !found.iter().any(|f: &Organization| f.id == org.id) {
                found.push(org);
            }
        }
        Ok(found)
    }

    /// The organization named exactly `name` (`GET /organizations/name/{name}`); `None` when
    /// there is none, or when `name` could not be one (empty, over Auth0's 50 characters).
    pub async fn organization_by_name(
        &self,
        name: &str,
    ) -> Result<Option<Organization>, ProviderError> {
        if name.is_empty() || name.chars().count() > 50 {
            return Ok(None);
        }
        let request = Self::api(
            Method::GET,
            "organization_by_name",
            "/organizations/name/{name}",
        )
        .segments(["organizations", "name", name]);
        self.one_organization(request).await
    }

    /// The organization with id `org` (`GET /organizations/{id}`); `None` when there is none.
    pub async fn organization(
        &self,
        org: &OrganizationId,
    ) -> Result<Option<Organization>, ProviderError> {
        let request = Self::api(Method::GET, "get_organization", "/organizations/{id}")
            .segments(["organizations", org.as_str()]);
        self.one_organization(request).await
    }

    async fn one_organization(
        &self,
        request: crate::http::Request,
    ) -> Result<Option<Organization>, ProviderError> {
        match self.call(request, &Operation::new(&self.http)).await {
            Ok(reply) => Ok(Some(reply.object::<Organization>("an organization")?)),
            // 400: Auth0 refuses a name or id of a form it cannot have; none is found.
            Err(err) if err.is_status(404) || err.is_status(400) => Ok(None),
            Err(err) => Err(err),
        }
    }

    /// Every item of an offset-paged listing. `fetch` sends one page's request with the given
    /// paging parameters and says under which key that reply holds its items.
    async fn offset_all<T, F, Fut>(
        &self,
        expected: &'static str,
        mut fetch: F,
    ) -> Result<Vec<T>, ProviderError>
    where
        T: serde::de::DeserializeOwned,
        F: FnMut(Vec<(String, String)>) -> Fut,
        Fut: Future<Output = Result<(Reply, &'static str), ProviderError>>,
    {
        let mut pages = Pages::new(&self.http, expected);
        let mut out = Vec::new();
        let mut page: u32 = 0;
        loop {
            let paging = Paging::Offset {
                page,
                per_page: PAGE,
                include_totals: true,
            };
            let (reply, key) = fetch(paging.query()).await?;
            pages.page(&reply)?;
            let value = reply.json::<serde_json::Value>(expected)?;
            let parsed: OffsetPage<T> = OffsetPage::from_json(value, key)
                .map_err(|reason| decode(&reply.correlation_id, expected, reason))?;
            let count = parsed.items.len();
            out.extend(parsed.items);
            if offset_done(count, out.len(), parsed.total) {
                return Ok(out);
            }
            page = page.saturating_add(1);
        }
    }

    /// The tenant's connections, for the picker.
    pub async fn connections(
        &self,
        filter: &ConnectionFilter,
    ) -> Result<Vec<Connection>, ProviderError> {
        let mut request =
            Self::api(Method::GET, "list_connections", "/connections").segments(["connections"]);
        for s in &filter.strategies {
            request = request.query("strategy", s);
        }
        if let Some(name) = &filter.name {
            request = request.query("name", name);
        }
        self.offset_all("a list of connections", |paging| {
            let mut request = request.clone();
            request.query.extend(paging);
            async move {
                let reply = self.call(request, &Operation::new(&self.http)).await?;
                Ok((reply, "connections"))
            }
        })
        .await
    }

    /// The connections enabled for `org`, every page.
    pub async fn org_connections(
        &self,
        org: &OrganizationId,
    ) -> Result<Vec<OrgConnection>, ProviderError> {
        let target = Target {
            org,
            connection: None,
        };
        self.offset_all("a list of organization connections", |paging| async move {
            let operation = Operation::new(&self.http);
            let (reply, old) = self
                .org_call(Op::List, target, Payload::None, paging, &operation)
                .await?;
            Ok((reply, Op::list_key(old)))
        })
        .await
    }

    /// One enabled connection, or `None` when it is not enabled for the organization.
    pub async fn org_connection(
        &self,
        org: &OrganizationId,
        connection: &ConnectionId,
    ) -> Result<Option<OrgConnection>, ProviderError> {
        self.read_one(org, connection, &Operation::new(&self.http))
            .await
    }

    /// The association of `connection` with `org`, as the server has it now.
    pub(super) async fn read_one(
        &self,
        org: &OrganizationId,
        connection: &ConnectionId,
        operation: &Operation,
    ) -> Result<Option<OrgConnection>, ProviderError> {
        const ONE: &str = "an organization connection";
        let target = Target {
            org,
            connection: Some(connection),
        };
        let reply = self
            .org_call(Op::Get, target, Payload::None, Vec::new(), operation)
            .await;
        match reply {
            Ok((reply, _)) => {
                let found: OrgConnection = reply.object(ONE)?;
                if found.connection_id != connection.as_str() {
                    return Err(decode(
                        &reply.correlation_id,
                        ONE,
                        format!(
                            "it describes connection {} where {connection} was asked for",
                            found.connection_id
                        ),
                    ));
                }
                Ok(Some(found))
            }
            // A missing organization is an error the user must see, and so is a path the tenant
            // does not know; a missing link is "not enabled".
            Err(ProviderError::Api {
                status: 404, body, ..
            }) if !body.message.to_lowercase().contains("organization")
                && generation::names_a_resource(&body) =>
            {
                Ok(None)
            }
            Err(err) => Err(err),
        }
    }
}
