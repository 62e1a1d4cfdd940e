//! The Auth0 Management API v2 client: organizations, connections, and the connections enabled
//! for an organization, on the Early Access `/organizations/{id}/connections` endpoints or, for a
//! tenant without that feature, the older `/enabled_connections` ones.

mod generation;

use std::future::Future;

use futures::Stream;
use lanyard_model::auth0::{
    CheckpointPage, Connection, ConnectionFilter, EnableConnection, OffsetPage, OrgConnection,
    Organization, Paging, UpdateConnection,
};
use lanyard_model::ids::{ConnectionId, OrganizationId};
use reqwest::Method;
use secrecy::SecretString;

use crate::auth::{Credentials, TokenSource};
use crate::error::ProviderError;
use crate::http::{Http, HttpOptions, Product, Reply, Request, new_correlation_id};
use crate::outcome::Done;
pub use generation::Endpoints;
use generation::{Op, Remembered};

/// Page size for listings the console reads whole.
const PAGE: u32 = 100;

#[derive(Debug)]
pub struct Auth0Client {
    http: Http,
    tokens: TokenSource,
    /// Which org-connection endpoints the tenant answers on, once known.
    endpoints: Remembered,
}

/// What an org-connection request carries, turned into each generation's body on demand.
#[derive(Clone, Copy)]
enum Payload<'a> {
    None,
    Enable(&'a EnableConnection),
    Update(&'a UpdateConnection),
}

impl Payload<'_> {
    fn body(
        self,
        old: bool,
        correlation_id: &str,
    ) -> Result<Option<serde_json::Value>, ProviderError> {
        let encode = |value: Result<serde_json::Value, serde_json::Error>| {
            value.map_err(|e| decode(correlation_id.to_owned(), "a request body", e.to_string()))
        };
        match (self, old) {
            (Payload::None, _) => Ok(None),
            (Payload::Enable(r), false) => encode(serde_json::to_value(r)).map(Some),
            (Payload::Update(u), false) => encode(serde_json::to_value(u)).map(Some),
            (Payload::Enable(r), true) => {
                generation::legacy_enable_body(r, correlation_id).map(Some)
            }
            (Payload::Update(u), true) => {
                generation::legacy_update_body(u, correlation_id).map(Some)
            }
        }
    }
}

impl Auth0Client {
    /// A client for the tenant at `base_url` (`https://acme.eu.auth0.com`) with an M2M app's
    /// client credentials. The audience is the tenant's canonical Management API.
    pub fn new(
        base_url: &str,
        client_id: &str,
        client_secret: SecretString,
        options: HttpOptions,
    ) -> Result<Self, ProviderError> {
        let http = Http::new(Product::Auth0, base_url, options)?;
        let audience = format!("{}/api/v2/", http.base().as_str().trim_end_matches('/'));
        let credentials = Credentials::Auth0ClientCredentials {
            client_id: client_id.to_owned(),
            client_secret,
            audience,
        };
        Ok(Self {
            tokens: TokenSource::new(http.clone(), credentials),
            http,
            endpoints: Remembered::default(),
        })
    }

    /// The org-connection endpoints this client uses for the tenant: `Old` once the tenant has
    /// refused the Early Access ones.
    pub fn endpoints(&self) -> Endpoints {
        self.endpoints.get()
    }

    /// Sends `request` with a valid token; a token the server calls expired is renewed once.
    async fn call(&self, request: Request, correlation_id: &str) -> Result<Reply, ProviderError> {
        self.tokens.send(&self.http, request, correlation_id).await
    }

    fn api(method: Method, operation: &'static str, template: &'static str) -> Request {
        Request::new(method, operation, template).segments(["api", "v2"])
    }

    /// Checks the address and the credentials with the cheapest read there is.
    pub async fn test(&self) -> Result<(), ProviderError> {
        let request = Self::api(Method::GET, "test_profile", "/organizations")
            .segments(["organizations"])
            .query("per_page", 1);
        self.call(request, &new_correlation_id()).await.map(|_| ())
    }

    /// One page of organizations.
    pub async fn organizations_page(
        &self,
        paging: &Paging,
    ) -> Result<CheckpointPage<Organization>, ProviderError> {
        let mut request = Self::api(Method::GET, "list_organizations", "/organizations")
            .segments(["organizations"]);
        request.query.extend(paging.query());
        let reply = self.call(request, &new_correlation_id()).await?;
        let value: serde_json::Value = reply.json("a list of organizations")?;
        match paging {
            Paging::Checkpoint { .. } => CheckpointPage::from_json(value, "organizations"),
            Paging::Offset { .. } => {
                OffsetPage::from_json(value, "organizations").map(|p| CheckpointPage {
                    items: p.items,
                    next: None,
                })
            }
        }
        .map_err(|reason| decode(reply.correlation_id, "a list of organizations", reason))
    }

    /// Every organization, fetched a page at a time as the stream is read. Checkpoint paging,
    /// so tenants past Auth0's 1,000-record offset cap are read whole.
    pub fn organizations(&self) -> impl Stream<Item = Result<Organization, ProviderError>> + '_ {
        struct Walk {
            /// `None`: no page left; `Some(None)`: the first page; `Some(Some(c))`: from cursor `c`.
            next: Option<Option<String>>,
            buffer: std::vec::IntoIter<Organization>,
        }
        let start = Walk {
            next: Some(None),
            buffer: Vec::new().into_iter(),
        };
        futures::stream::unfold(start, move |mut walk| async move {
            loop {
                if let Some(org) = walk.buffer.next() {
                    return Some((Ok(org), walk));
                }
                let from = walk.next.take()?;
                match self
                    .organizations_page(&Paging::Checkpoint { from, take: PAGE })
                    .await
                {
                    Ok(page) => {
                        walk.next = page.next.map(Some);
                        walk.buffer = page.items.into_iter();
                    }
                    // `next` is spent, so the stream ends after reporting the error.
                    Err(err) => return Some((Err(err), walk)),
                }
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
        if !needle.is_empty() && needle.chars().count() <= 50 {
            let request = Self::api(
                Method::GET,
                "organization_by_name",
                "/organizations/name/{name}",
            )
            .segments(["organizations", "name", needle.as_str()]);
            match self.call(request, &new_correlation_id()).await {
                Ok(reply) => found.push(reply.json::<Organization>("an organization")?),
                Err(err) if err.is_status(404) => {}
                Err(err) => return Err(err),
            }
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
        let mut out = Vec::new();
        let mut page = 0;
        loop {
            let paging = Paging::Offset {
                page,
                per_page: PAGE,
                include_totals: true,
            };
            let (reply, key) = fetch(paging.query()).await?;
            let value = reply.json::<serde_json::Value>(expected)?;
            let parsed: OffsetPage<T> = OffsetPage::from_json(value, key)
                .map_err(|reason| decode(reply.correlation_id.clone(), expected, reason))?;
            let count = parsed.items.len();
            out.extend(parsed.items);
            if count < PAGE as usize || out.len() >= parsed.total.unwrap_or(0) as usize {
                return Ok(out);
            }
            page += 1;
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
                let reply = self.call(request, &new_correlation_id()).await?;
                Ok((reply, "connections"))
            }
        })
        .await
    }

    /// Sends an org-connection request on the endpoints the tenant answers: the Early Access
    /// ones until the tenant refuses them (API-NOTES 1.9), then the older ones, remembered for
    /// this client. A refused request changed nothing, so a write may go again on the old
    /// endpoint. Returns the reply and whether the old endpoint gave it.
    async fn org_call(
        &self,
        op: Op,
        org: &OrganizationId,
        connection: Option<&ConnectionId>,
        payload: Payload<'_>,
        query: Vec<(String, String)>,
        correlation_id: &str,
    ) -> Result<(Reply, bool), ProviderError> {
        let build = |old: bool| -> Result<Request, ProviderError> {
            let (operation, template) = op.names(old);
            let mut request = Self::api(op.method(), operation, template).segments([
                "organizations",
                org.as_str(),
                Op::collection(old),
            ]);
            if let Some(connection) = connection {
                request = request.segments([connection.as_str()]);
            }
            request.query.extend(query.iter().cloned());
            if let Some(body) = payload.body(old, correlation_id)? {
                request = request.json(body);
            }
            Ok(request)
        };
        if self.endpoints.get() == Endpoints::Old {
            return Ok((self.call(build(true)?, correlation_id).await?, true));
        }
        let refused = match self.call(build(false)?, correlation_id).await {
            Ok(reply) => {
                self.endpoints.set(Endpoints::New);
                return Ok((reply, false));
            }
            Err(err) if generation::new_endpoints_refused(&err) => err,
            Err(err) => return Err(err),
        };
        tracing::info!(
            status = refused.status(),
            "the tenant refused the organization connections API (Early Access); using the older enabled_connections endpoints"
        );
        // The refusal is the tenant's answer for every org-connection call, so it is kept even
        // when this request cannot be put in the old endpoint's terms.
        let request = build(true).inspect_err(|_| self.endpoints.set(Endpoints::Old))?;
        match self.call(request, correlation_id).await {
            // Neither generation is there (a wrong address, say): the first answer says more.
            Err(err) if generation::new_endpoints_refused(&err) => Err(refused),
            result => {
                self.endpoints.set(Endpoints::Old);
                result.map(|reply| (reply, true))
            }
        }
    }

    /// The connections enabled for `org`, every page.
    pub async fn org_connections(
        &self,
        org: &OrganizationId,
    ) -> Result<Vec<OrgConnection>, ProviderError> {
        self.offset_all("a list of organization connections", |paging| async move {
            let (reply, old) = self
                .org_call(
                    Op::List,
                    org,
                    None,
                    Payload::None,
                    paging,
                    &new_correlation_id(),
                )
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
        self.read_one(org, connection, &new_correlation_id()).await
    }

    async fn read_one(
        &self,
        org: &OrganizationId,
        connection: &ConnectionId,
        correlation_id: &str,
    ) -> Result<Option<OrgConnection>, ProviderError> {
        let reply = self
            .org_call(
                Op::Get,
                org,
                Some(connection),
                Payload::None,
                Vec::new(),
                correlation_id,
            )
            .await;
        match reply {
            Ok((reply, _)) => reply.json("an organization connection").map(Some),
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

    /// Enables a connection for an organization. A 409, or a lost reply, is settled by reading
    /// the connection back: the caller learns what is true, and nothing is sent twice.
    pub async fn enable(
        &self,
        org: &OrganizationId,
        request: &EnableConnection,
    ) -> Result<Done<OrgConnection>, ProviderError> {
        let correlation_id = new_correlation_id();
        let sent = self
            .org_call(
                Op::Add,
                org,
                None,
                Payload::Enable(request),
                Vec::new(),
                &correlation_id,
            )
            .await;
        match sent {
            Ok((reply, _)) => Ok(Done::applied(
                reply.json("an organization connection")?,
                correlation_id,
            )),
            Err(err) if err.is_status(409) => match self
                .read_one(org, &request.connection_id, &correlation_id)
                .await?
            {
                Some(current) => Ok(Done::already(current, correlation_id)),
                None => Err(err),
            },
            Err(ProviderError::OutcomeUnknown { cause, .. }) => {
                match self
                    .read_one(org, &request.connection_id, &correlation_id)
                    .await?
                {
                    Some(current) => Ok(Done::confirmed(current, correlation_id)),
                    None => Err(ProviderError::NotApplied {
                        product: Product::Auth0,
                        cause,
                        correlation_id,
                    }),
                }
            }
            Err(err) => Err(err),
        }
    }

    /// Changes an enabled connection's options.
    pub async fn update(
        &self,
        org: &OrganizationId,
        connection: &ConnectionId,
        update: &UpdateConnection,
    ) -> Result<Done<OrgConnection>, ProviderError> {
        let correlation_id = new_correlation_id();
        let (reply, _) = self
            .org_call(
                Op::Update,
                org,
                Some(connection),
                Payload::Update(update),
                Vec::new(),
                &correlation_id,
            )
            .await?;
        Ok(Done::applied(
            reply.json("an organization connection")?,
            correlation_id,
        ))
    }

    /// Removes a connection from an organization; a 404 confirmed by a read counts as done.
    pub async fn remove(
        &self,
        org: &OrganizationId,
        connection: &ConnectionId,
    ) -> Result<Done<()>, ProviderError> {
        let correlation_id = new_correlation_id();
        let sent = self
            .org_call(
                Op::Remove,
                org,
                Some(connection),
                Payload::None,
                Vec::new(),
                &correlation_id,
            )
            .await;
        match sent {
            Ok(_) => Ok(Done::applied((), correlation_id)),
            Err(err) if err.is_status(404) => {
                match self.read_one(org, connection, &correlation_id).await? {
                    None => Ok(Done::already((), correlation_id)),
                    Some(_) => Err(err),
                }
            }
            Err(err) => Err(err),
        }
    }
}

fn decode(correlation_id: String, expected: &'static str, reason: String) -> ProviderError {
    ProviderError::Decode {
        product: Product::Auth0,
        expected,
        reason,
        correlation_id,
    }
}
