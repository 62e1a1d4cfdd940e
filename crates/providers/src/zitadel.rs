//! The ZITADEL client: identity providers on the login policy of the instance (Admin API) or of
//! an organization (Management API with `x-zitadel-orgid`), and what the pickers list.

use lanyard_model::ids::IdpId;
use lanyard_model::zitadel::{
    IdpOwnerType, LinkInstanceIdp, LinkOrgIdp, LinkedIdp, ListDetails, ListQuery, LoginPolicy,
    LoginPolicyReply, Org, PolicyScope, Provider,
};
use reqwest::Method;
use reqwest::header::HeaderName;
use secrecy::SecretString;

use crate::error::ProviderError;
use crate::http::{Auth, Http, HttpOptions, Product, Reply, Request, new_correlation_id};
use crate::outcome::Done;

const PAGE: u32 = 100;

/// The shape of every `…/_search` reply: `result` and totals are left out when zero.
#[derive(serde::Deserialize)]
struct SearchReply<T> {
    #[serde(default)]
    details: ListDetails,
    #[serde(default = "Vec::new")]
    result: Vec<T>,
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
            http: Http::new(Product::Zitadel, base_url, options)?,
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

    async fn send(&self, request: Request, correlation_id: &str) -> Result<Reply, ProviderError> {
        self.http
            .send_with_id(request, correlation_id.to_owned())
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
        let reply = self.send(r, &new_correlation_id()).await?;
        Ok(reply.json::<LoginPolicyReply>("a login policy")?.policy)
    }

    /// Every item of a `…/_search` listing, a page at a time; `filters` are its `queries`.
    async fn search_all<T: serde::de::DeserializeOwned>(
        &self,
        scope: &PolicyScope,
        operation: &'static str,
        template: &'static str,
        tail: &[&str],
        filters: Option<serde_json::Value>,
        expected: &'static str,
    ) -> Result<Vec<T>, ProviderError> {
        let mut out = Vec::new();
        loop {
            let mut body = serde_json::json!({ "query": ListQuery::new(out.len() as u64, PAGE) });
            if let Some(filters) = &filters {
                body["queries"] = filters.clone();
            }
            let r = self
                .request(Method::POST, scope, operation, template, tail)
                .json(body);
            let page: SearchReply<T> = self.send(r, &new_correlation_id()).await?.json(expected)?;
            let count = page.result.len();
            out.extend(page.result);
            if count < PAGE as usize || out.len() as u64 >= page.details.total_result {
                return Ok(out);
            }
        }
    }

    /// Every identity provider linked at `scope`.
    pub async fn linked_idps(&self, scope: &PolicyScope) -> Result<Vec<LinkedIdp>, ProviderError> {
        let tail = ["policies", "login", "idps", "_search"];
        self.search_all(
            scope,
            "list_linked_idps",
            "/policies/login/idps/_search",
            &tail,
            None,
            "a list of linked identity providers",
        )
        .await
    }

    /// Instance-level identity providers, optionally those whose name contains `name`.
    pub async fn providers(&self, name: Option<&str>) -> Result<Vec<Provider>, ProviderError> {
        let filters = name.map(str::trim).filter(|n| !n.is_empty()).map(|name| {
            serde_json::json!([{ "idpNameQuery": { "name": name, "method": "TEXT_QUERY_METHOD_CONTAINS_IGNORE_CASE" } }])
        });
        let tail = ["idps", "templates", "_search"];
        self.search_all(
            &PolicyScope::Instance,
            "list_providers",
            "/idps/templates/_search",
            &tail,
            filters,
            "a list of identity providers",
        )
        .await
    }

    /// The organizations, for the organization picker.
    pub async fn orgs(&self) -> Result<Vec<Org>, ProviderError> {
        self.search_all(
            &PolicyScope::Instance,
            "list_orgs",
            "/orgs/_search",
            &["orgs", "_search"],
            None,
            "a list of organizations",
        )
        .await
    }

    async fn is_linked(&self, scope: &PolicyScope, idp: &IdpId) -> Result<bool, ProviderError> {
        Ok(self
            .linked_idps(scope)
            .await?
            .iter()
            .any(|l| l.idp_id == idp.as_str()))
    }

    /// Links `idp` at `scope`. ALREADY_EXISTS, or a lost reply, is settled by reading the links.
    pub async fn link(
        &self,
        scope: &PolicyScope,
        idp: &IdpId,
        owner: IdpOwnerType,
    ) -> Result<Done<()>, ProviderError> {
        let correlation_id = new_correlation_id();
        let body = match scope {
            PolicyScope::Instance => serde_json::to_value(LinkInstanceIdp {
                idp_id: idp.clone(),
            }),
            PolicyScope::Organization { .. } => serde_json::to_value(LinkOrgIdp {
                idp_id: idp.clone(),
                owner_type: owner,
            }),
        }
        .map_err(|e| ProviderError::Decode {
            product: Product::Zitadel,
            expected: "a request body",
            reason: e.to_string(),
            correlation_id: correlation_id.clone(),
        })?;
        let r = self
            .request(
                Method::POST,
                scope,
                "link_idp",
                "/policies/login/idps",
                &["policies", "login", "idps"],
            )
            .json(body);
        match self.send(r, &correlation_id).await {
            Ok(_) => Ok(Done::applied((), correlation_id)),
            Err(err) if err.is_status(409) && self.is_linked(scope, idp).await? => {
                Ok(Done::already((), correlation_id))
            }
            Err(ProviderError::OutcomeUnknown { cause, .. }) => {
                if self.is_linked(scope, idp).await? {
                    Ok(Done::confirmed((), correlation_id))
                } else {
                    Err(ProviderError::NotApplied {
                        product: Product::Zitadel,
                        cause,
                        correlation_id,
                    })
                }
            }
            Err(err) => Err(err),
        }
    }

    /// Unlinks `idp` at `scope`; NOT_FOUND confirmed by a read counts as done.
    pub async fn unlink(
        &self,
        scope: &PolicyScope,
        idp: &IdpId,
    ) -> Result<Done<()>, ProviderError> {
        let correlation_id = new_correlation_id();
        let r = self.request(
            Method::DELETE,
            scope,
            "unlink_idp",
            "/policies/login/idps/{idpId}",
            &["policies", "login", "idps", idp.as_str()],
        );
        match self.send(r, &correlation_id).await {
            Ok(_) => Ok(Done::applied((), correlation_id)),
            Err(err) if err.is_status(404) && !self.is_linked(scope, idp).await? => {
                Ok(Done::already((), correlation_id))
            }
            Err(err) => Err(err),
        }
    }
}
