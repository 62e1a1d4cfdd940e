//! The Auth0 Management API v2 client: organizations, connections, and the connections enabled
//! for an organization, on the Early Access `/organizations/{id}/connections` endpoints or, for a
//! tenant without that feature, the older `/enabled_connections` ones.
//!
//! `lists` holds the reads, `writes` the changes and how each is settled when its reply does
//! not say what happened.

mod checks;
mod generation;
mod lists;
mod writes;

use lanyard_model::auth0::{EnableConnection, OffsetPage, Organization, UpdateConnection};
use lanyard_model::ids::{ConnectionId, OrganizationId};
use reqwest::Method;
use secrecy::SecretString;

use crate::auth::{Credentials, TokenSource};
use crate::error::ProviderError;
use crate::http::{Http, HttpOptions, Product, Reply, Request};
use crate::outcome::Operation;
pub use generation::Endpoints;
use generation::{LegacyEnable, LegacyOptions, Op, Remembered};

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
            value
                .map(Some)
                .map_err(|e| decode(correlation_id, "a request body", e))
        };
        match (self, old) {
            (Payload::None, _) => Ok(None),
            (Payload::Enable(r), false) => encode(serde_json::to_value(r)),
            (Payload::Update(u), false) => encode(serde_json::to_value(u)),
            (Payload::Enable(r), true) => {
                encode(serde_json::to_value(LegacyEnable::of(r, correlation_id)?))
            }
            (Payload::Update(u), true) => encode(serde_json::to_value(LegacyOptions::update(
                u,
                correlation_id,
            )?)),
        }
    }
}

/// The organization and, for one association, the connection an org-connection call is about.
#[derive(Clone, Copy)]
struct Target<'a> {
    org: &'a OrganizationId,
    connection: Option<&'a ConnectionId>,
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
        let http =
            Http::new(Product::Auth0, base_url, options)?.with_secrets([client_secret.clone()]);
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
    async fn call(&self, request: Request, operation: &Operation) -> Result<Reply, ProviderError> {
        let request = request.within(operation.deadline);
        self.tokens.send(&self.http, request, &operation.id).await
    }

    fn api(method: Method, operation: &'static str, template: &'static str) -> Request {
        Request::new(method, operation, template).segments(["api", "v2"])
    }

    /// Checks the address and the credentials with the cheapest read there is.
    pub async fn test(&self) -> Result<(), ProviderError> {
        let request = Self::api(Method::GET, "test_profile", "/organizations")
            .segments(["organizations"])
            .query("per_page", 1);
        let reply = self.call(request, &Operation::new(&self.http)).await?;
        // A 200 that is not a list of organizations (a proxy's sign-in page, say) does not
        // show that the profile works.
        let value: serde_json::Value = reply.json("a list of organizations")?;
        OffsetPage::<Organization>::from_json(value, "organizations")
            .map(|_| ())
            .map_err(|reason| decode(&reply.correlation_id, "a list of organizations", reason))
    }

    /// The org-connection request `op` on `target`, on the old endpoints or the new ones: the
    /// one builder of what is sent and of what a preview shows.
    fn org_request(
        op: Op,
        target: Target<'_>,
        payload: Payload<'_>,
        query: &[(String, String)],
        old: bool,
        correlation_id: &str,
    ) -> Result<Request, ProviderError> {
        let (name, template) = op.names(old);
        let mut request = Self::api(op.method(), name, template).segments([
            "organizations",
            target.org.as_str(),
            Op::collection(old),
        ]);
        if let Some(connection) = target.connection {
            request = request.segments([connection.as_str()]);
        }
        request.query.extend(query.iter().cloned());
        if let Some(body) = payload.body(old, correlation_id)? {
            request = request.json(body);
        }
        Ok(request)
    }

    /// Sends an org-connection request on the endpoints the tenant answers: the Early Access
    /// ones until the tenant refuses them (API-NOTES 1.9), then the older ones, remembered for
    /// this client. A refused request changed nothing, so a write may go again on the old
    /// endpoint. Returns the reply and whether the old endpoint gave it.
    async fn org_call(
        &self,
        op: Op,
        target: Target<'_>,
        payload: Payload<'_>,
        query: Vec<(String, String)>,
        operation: &Operation,
    ) -> Result<(Reply, bool), ProviderError> {
        let build = |old: bool| Self::org_request(op, target, payload, &query, old, &operation.id);
        if self.endpoints.get() == Endpoints::Old {
            return Ok((self.call(build(true)?, operation).await?, true));
        }
        let refused = match self.call(build(false)?, operation).await {
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
        match self.call(request, operation).await {
            // Neither generation is there (a wrong address, say): the first answer says more.
            Err(err) if generation::new_endpoints_refused(&err) => Err(refused),
            result => {
                self.endpoints.set(Endpoints::Old);
                result.map(|reply| (reply, true))
            }
        }
    }
}

fn decode(
    correlation_id: &str,
    expected: &'static str,
    reason: impl std::fmt::Display,
) -> ProviderError {
    ProviderError::decode(Product::Auth0, expected, reason, correlation_id)
}
