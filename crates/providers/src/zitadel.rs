//! The ZITADEL client: identity providers on the login policy of the instance (Admin API) or of
//! an organization (Management API with `x-zitadel-orgid`), and what the pickers list.

use lanyard_model::HttpRequest;
use lanyard_model::ids::IdpId;
use lanyard_model::zitadel::{
    IdpOwnerType, LinkInstanceIdp, LinkOrgIdp, LinkedIdp, ListDetails, ListQuery, LoginPolicy,
    ObjectDetails, Org, PolicyScope, Provider,
};
use reqwest::Method;
use reqwest::header::HeaderName;
use secrecy::SecretString;

use crate::error::ProviderError;
use crate::http::paging::{Pages, offset_done};
use crate::http::{Auth, Deadline, Http, HttpOptions, Object, Product, Reply, Request};
use crate::outcome::{self, Done, Operation};

mod policy;

const PAGE: u32 = 100;

/// The shape of every `…/_search` reply: `result` and totals are left out when zero, but
/// `details` is always there, so a reply without it is of another shape, not an empty list.
#[derive(serde::Deserialize)]
struct SearchReply<T> {
    details: Object<ListDetails>,
    #[serde(default = "Vec::new")]
    result: Vec<Object<T>>,
}

/// `GET …/policies/login`: a reply without `policy` is of another shape, not an empty policy.
#[derive(serde::Deserialize)]
struct PolicyReply {
    policy: Object<LoginPolicy>,
}

/// The reply to a link or unlink: `details` of the change.
#[derive(serde::Deserialize)]
struct WriteReply {
    #[serde(rename = "details")]
    _details: Object<ObjectDetails>,
}

#[derive(Debug)]
pub struct ZitadelClient {
    http: Http,
    /// A personal access token of a service user; sent as it is.
    pat: SecretString,
}

impl ZitadelClient {
    pub fn new(
        base_url: &str,
        pat: SecretString,
        options: HttpOptions,
    ) -> Result<Self, ProviderError> {
        Ok(Self {
            http: Http::new(Product::Zitadel, base_url, options)?.with_secrets([pat.clone()]),
            pat,
        })
    }

    fn request(
        &self,
        method: Method,
        scope: &PolicyScope,
        operation: &'static str,
        template: &'static str,
        tail: &[&str],
    ) -> Request {
        let (api, org) = match scope {
            PolicyScope::Instance => ("admin", None),
            PolicyScope::Organization { org_id } => {
                ("management", Some(org_id.as_str().to_owned()))
            }
        };
        let mut r = Request::new(method, operation, template)
            .segments([api, "v1"])
            .segments(tail.iter().copied())
            .auth(Auth::Bearer(self.pat.clone()));
        if let Some(org) = org {
            r = r.header(HeaderName::from_static("x-zitadel-orgid"), org);
        }
        r
    }

    async fn send(&self, request: Request, operation: &Operation) -> Result<Reply, ProviderError> {
        self.http
            .send_with_id(request.within(operation.deadline), operation.id.clone())
            .await
    }

    /// Checks the address and the token with a cheap read.
    pub async fn test(&self) -> Result<(), ProviderError> {
        self.login_policy(&PolicyScope::Instance).await.map(|_| ())
    }

    /// The login policy at `scope` (for an organization: `is_default` when it has none of its own).
    pub async fn login_policy(&self, scope: &PolicyScope) -> Result<LoginPolicy, ProviderError> {
        let r = self.request(
            Method::GET,
            scope,
            "get_login_policy",
            "/policies/login",
            &["policies", "login"],
        );
        let reply = self.send(r, &Operation::new(&self.http)).await?;
        Ok(reply.object::<PolicyReply>("a login policy")?.policy.0)
    }

    /// Every item of a `…/_search` listing, a page at a time; `filters` are its `queries`.
    /// The searches change nothing, so they may be sent again. ZITADEL leaves the total out
    /// when it is zero, so a list ends on an empty page or its total, whichever comes first.
    async fn search_all<T: serde::de::DeserializeOwned>(
        &self,
        search: Request,
        filters: Option<serde_json::Value>,
        expected: &'static str,
        within: Option<Deadline>,
    ) -> Result<Vec<T>, ProviderError> {
        let mut pages = Pages::new(&self.http, expected);
        let mut out = Vec::new();
        loop {
            let offset = u64::try_from(out.len()).unwrap_or(u64::MAX);
            let mut body = serde_json::json!({ "query": ListQuery::new(offset, PAGE) });
            if let Some(filters) = &filters {
                body["queries"] = filters.clone();
            }
            let r = search.clone().repeatable().json(body);
            let mut operation = Operation::new(&self.http);
            operation.deadline = within.unwrap_or(operation.deadline);
            let reply = self.send(r, &operation).await?;
            pages.page(&reply)?;
            let page: SearchReply<T> = reply.object(expected)?;
            let count = page.result.len();
            out.extend(page.result.into_iter().map(|Object(item)| item));
            let total = Some(page.details.0.total_result).filter(|t| *t > 0);
            if offset_done(count, out.len(), total) {
                return Ok(out);
            }
        }
    }

    /// Every identity provider linked at `scope`.
    pub async fn linked_idps(&self, scope: &PolicyScope) -> Result<Vec<LinkedIdp>, ProviderError> {
        self.linked_within(scope, None).await
    }

    /// The links at `scope`, read by the time `within` passes (a write's read-back).
    async fn linked_within(
        &self,
        scope: &PolicyScope,
        within: Option<Deadline>,
    ) -> Result<Vec<LinkedIdp>, ProviderError> {
        let search = self.request(
            Method::POST,
            scope,
            "list_linked_idps",
            "/policies/login/idps/_search",
            &["policies", "login", "idps", "_search"],
        );
        self.search_all(search, None, "a list of linked identity providers", within)
            .await
    }

    /// Instance-level identity providers, optionally those whose name contains `name`.
    pub async fn providers(&self, name: Option<&str>) -> Result<Vec<Provider>, ProviderError> {
        let filters = name.map(str::trim).filter(|n| !n.is_empty()).map(|name| {
            serde_json::json!([{ "idpNameQuery": { "name": name, "method": "TEXT_QUERY_METHOD_CONTAINS_IGNORE_CASE" } }])
        });
        let search = self.request(
            Method::POST,
            &PolicyScope::Instance,
            "list_providers",
            "/idps/templates/_search",
            &["idps", "templates", "_search"],
        );
        self.search_all(search, filters, "a list of identity providers", None)
            .await
    }

    /// The organizations, for the organization picker.
    pub async fn orgs(&self) -> Result<Vec<Org>, ProviderError> {
        let search = self.request(
            Method::POST,
            &PolicyScope::Instance,
            "list_orgs",
            "/orgs/_search",
            &["orgs", "_search"],
        );
        self.search_all(search, None, "a list of organizations", None)
            .await
    }

    async fn is_linked(
        &self,
        scope: &PolicyScope,
        idp: &IdpId,
        operation: &Operation,
    ) -> Result<bool, ProviderError> {
        Ok(self
            .linked_within(scope, Some(operation.deadline))
            .await?
            .iter()
            .any(|l| l.idp_id == idp.as_str()))
    }

    /// Sends a link or unlink; a reply without the change's `details` confirms nothing.
    async fn write(&self, r: Request, operation: &Operation) -> Result<(), ProviderError> {
        let reply = self.send(r, &operation.for_write()).await?;
        outcome::from_reply::<WriteReply>(&reply, "the details of a change").map(|_| ())
    }

    /// The request a link of `idp` at `scope` sends: the one builder of what is sent and of
    /// what a preview shows.
    fn link_request(
        &self,
        scope: &PolicyScope,
        idp: &IdpId,
        owner: IdpOwnerType,
        correlation_id: &str,
    ) -> Result<Request, ProviderError> {
        let body = match scope {
            PolicyScope::Instance => serde_json::to_value(LinkInstanceIdp {
                idp_id: idp.clone(),
            }),
            PolicyScope::Organization { .. } => serde_json::to_value(LinkOrgIdp {
                idp_id: idp.clone(),
                owner_type: owner,
            }),
        }
        .map_err(|e| {
            ProviderError::decode(Product::Zitadel, "a request body", e, correlation_id)
        })?;
        Ok(self
            .request(
                Method::POST,
                scope,
                "link_idp",
                "/policies/login/idps",
                &["policies", "login", "idps"],
            )
            .json(body))
    }

    /// The request an unlink of `idp` at `scope` sends.
    fn unlink_request(&self, scope: &PolicyScope, idp: &IdpId) -> Request {
        self.request(
            Method::DELETE,
            scope,
            "unlink_idp",
            "/policies/login/idps/{idpId}",
            &["policies", "login", "idps", idp.as_str()],
        )
    }

    /// The request [`Self::link`] sends, as the preview shows it (no token, no headers).
    pub fn describe_link(
        &self,
        scope: &PolicyScope,
        idp: &IdpId,
        owner: IdpOwnerType,
    ) -> Result<HttpRequest, ProviderError> {
        // Nothing is sent, so no correlation id goes with an error.
        self.http
            .describe(&self.link_request(scope, idp, owner, "")?)
    }

    /// The request [`Self::unlink`] sends, as the preview shows it.
    pub fn describe_unlink(
        &self,
        scope: &PolicyScope,
        idp: &IdpId,
    ) -> Result<HttpRequest, ProviderError> {
        self.http.describe(&self.unlink_request(scope, idp))
    }

    /// Links `idp` at `scope`. ALREADY_EXISTS, or a reply that does not say what happened, is
    /// settled by reading the links.
    pub async fn link(
        &self,
        scope: &PolicyScope,
        idp: &IdpId,
        owner: IdpOwnerType,
    ) -> Result<Done<()>, ProviderError> {
        let operation = Operation::new(&self.http);
        let r = self.link_request(scope, idp, owner, &operation.id)?;
        match self.write(r, &operation).await {
            Ok(()) => Ok(Done::applied((), operation.id)),
            Err(err) if err.is_status(409) && self.is_linked(scope, idp, &operation).await? => {
                Ok(Done::already((), operation.id))
            }
            Err(ProviderError::OutcomeUnknown { cause, .. }) => {
                let read =
                    async { Ok(self.is_linked(scope, idp, &operation).await?.then_some(())) };
                outcome::settle(Product::Zitadel, cause, operation.id.clone(), read).await
            }
            Err(err) => Err(err),
        }
    }

    /// Unlinks `idp` at `scope`; NOT_FOUND confirmed by a read counts as done, and a reply that
    /// does not say what happened is settled by reading the links.
    pub async fn unlink(
        &self,
        scope: &PolicyScope,
        idp: &IdpId,
    ) -> Result<Done<()>, ProviderError> {
        let operation = Operation::new(&self.http);
        let r = self.unlink_request(scope, idp);
        match self.write(r, &operation).await {
            Ok(()) => Ok(Done::applied((), operation.id)),
            Err(err) if err.is_status(404) && !self.is_linked(scope, idp, &operation).await? => {
                Ok(Done::already((), operation.id))
            }
            Err(ProviderError::OutcomeUnknown { cause, .. }) => {
                let read =
                    async { Ok((!self.is_linked(scope, idp, &operation).await?).then_some(())) };
                outcome::settle(Product::Zitadel, cause, operation.id.clone(), read).await
            }
            Err(err) => Err(err),
        }
    }
}
