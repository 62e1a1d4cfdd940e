//! The JetBrains Hub client: auth modules, their auto-join groups, and user group search.

use lanyard_model::hub::{
    AUTH_MODULE_FIELDS, AddAutoJoinGroup, AuthModule, ListParams, Page, USER_GROUP_FIELDS,
    UserGroup, name_query,
};
use lanyard_model::ids::{AuthModuleId, UserGroupId};
use reqwest::Method;

use crate::auth::{Credentials, TokenSource};
use crate::error::ProviderError;
use crate::http::{Http, HttpOptions, Product, Reply, Request, new_correlation_id};
use crate::outcome::Done;

const PAGE: u32 = 100;

#[derive(Debug)]
pub struct HubClient {
    http: Http,
    tokens: TokenSource,
}

impl HubClient {
    /// `base_url` is the Hub service URL (`https://hub.acme.com` or `https://yt.acme.com/hub`).
    pub fn new(
        base_url: &str,
        credentials: Credentials,
        options: HttpOptions,
    ) -> Result<Self, ProviderError> {
        let http = Http::new(Product::Hub, base_url, options)?;
        // Hub's OAuth token endpoint sits under the REST root too.
        Ok(Self {
            tokens: TokenSource::new(http.clone(), credentials),
            http,
        })
    }

    fn rest(method: Method, operation: &'static str, template: &'static str) -> Request {
        Request::new(method, operation, template).segments(["api", "rest"])
    }

    /// Sends `request` with a valid token. A token from the client credentials grant that Hub
    /// calls invalid is renewed once; a permanent token is sent as it is.
    async fn call(&self, request: Request, correlation_id: &str) -> Result<Reply, ProviderError> {
        self.tokens.send(&self.http, request, correlation_id).await
    }

    fn with_params(mut request: Request, params: &ListParams) -> Request {
        request.query.extend(params.query_pairs());
        request
    }

    /// Checks the address and the token with a cheap read.
    pub async fn test(&self) -> Result<(), ProviderError> {
        let r = Self::with_params(
            Self::rest(Method::GET, "test_profile", "/authmodules").segments(["authmodules"]),
            &ListParams::new("id", 1),
        );
        self.call(r, &new_correlation_id()).await.map(|_| ())
    }

    /// Every auth module.
    pub async fn auth_modules(&self) -> Result<Vec<AuthModule>, ProviderError> {
        let mut out = Vec::new();
        loop {
            let mut params = ListParams::new(AUTH_MODULE_FIELDS, PAGE);
            params.skip = out.len() as u32;
            params.order_by = Some("ordinal".to_owned());
            let r = Self::with_params(
                Self::rest(Method::GET, "list_auth_modules", "/authmodules")
                    .segments(["authmodules"]),
                &params,
            );
            let reply = self.call(r, &new_correlation_id()).await?;
            let page: Page<AuthModule> =
                Page::from_json(reply.json("a list of auth modules")?, "authmodules").map_err(
                    |reason| {
                        decode(
                            reply.correlation_id.clone(),
                            "a list of auth modules",
                            reason,
                        )
                    },
                )?;
            let count = page.items.len();
            out.extend(page.items);
            if count < PAGE as usize || out.len() as u64 >= page.total.unwrap_or(0) {
                return Ok(out);
            }
        }
    }

    /// The auto-join groups of `module`.
    pub async fn auto_join_groups(
        &self,
        module: &AuthModuleId,
    ) -> Result<Vec<UserGroup>, ProviderError> {
        let mut out = Vec::new();
        loop {
            let mut params = ListParams::new(USER_GROUP_FIELDS, PAGE);
            params.skip = out.len() as u32;
            let r = Self::with_params(
                Self::rest(
                    Method::GET,
                    "list_auto_join_groups",
                    "/authmodules/{id}/autojoingroups",
                )
                .segments(["authmodules", module.as_str(), "autojoingroups"]),
                &params,
            );
            let reply = self.call(r, &new_correlation_id()).await?;
            let page: Page<UserGroup> =
                Page::from_json(reply.json("a list of groups")?, "autojoingroups").map_err(
                    |reason| decode(reply.correlation_id.clone(), "a list of groups", reason),
                )?;
            let count = page.items.len();
            out.extend(page.items);
            if count < PAGE as usize || out.len() as u64 >= page.total.unwrap_or(0) {
                return Ok(out);
            }
        }
    }

    /// User groups matching `text` (a name or part of one), for the picker.
    pub async fn search_groups(
        &self,
        text: &str,
        top: u32,
    ) -> Result<Page<UserGroup>, ProviderError> {
        let mut params = ListParams::new(USER_GROUP_FIELDS, top);
        params.query = name_query(text).map(|q| {
            if q.starts_with("name:") {
                q
            } else {
                text.trim().to_owned()
            }
        });
        let r = Self::with_params(
            Self::rest(Method::GET, "search_user_groups", "/usergroups").segments(["usergroups"]),
            &params,
        );
        let reply = self.call(r, &new_correlation_id()).await?;
        Page::from_json(reply.json("a list of groups")?, "usergroups")
            .map_err(|reason| decode(reply.correlation_id, "a list of groups", reason))
    }

    async fn has_group(
        &self,
        module: &AuthModuleId,
        group: &UserGroupId,
    ) -> Result<bool, ProviderError> {
        Ok(self
            .auto_join_groups(module)
            .await?
            .iter()
            .any(|g| g.id == group.as_str()))
    }

    /// Adds `group` to the auto-join groups of `module`. Hub does not say what a duplicate does,
    /// so the list is read first (API-NOTES 3.2); a lost reply is settled by reading it again.
    pub async fn add_auto_join_group(
        &self,
        module: &AuthModuleId,
        group: &UserGroupId,
    ) -> Result<Done<()>, ProviderError> {
        let correlation_id = new_correlation_id();
        if self.has_group(module, group).await? {
            return Ok(Done::already((), correlation_id));
        }
        let body = serde_json::to_value(AddAutoJoinGroup { id: group.clone() })
            .map_err(|e| decode(correlation_id.clone(), "a request body", e.to_string()))?;
        let mut r = Self::rest(
            Method::POST,
            "add_auto_join_group",
            "/authmodules/{id}/autojoingroups",
        )
        .segments(["authmodules", module.as_str(), "autojoingroups"])
        .json(body);
        r = r.query("fields", "id,name");
        match self.call(r, &correlation_id).await {
            Ok(_) => Ok(Done::applied((), correlation_id)),
            Err(ProviderError::OutcomeUnknown { cause, .. }) => {
                if self.has_group(module, group).await? {
                    Ok(Done::confirmed((), correlation_id))
                } else {
                    Err(ProviderError::NotApplied {
                        product: Product::Hub,
                        cause,
                        correlation_id,
                    })
                }
            }
            Err(err) => Err(err),
        }
    }

    /// Removes `group` from the auto-join groups of `module`; a 404 confirmed by a read is done.
    pub async fn remove_auto_join_group(
        &self,
        module: &AuthModuleId,
        group: &UserGroupId,
    ) -> Result<Done<()>, ProviderError> {
        let correlation_id = new_correlation_id();
        let r = Self::rest(
            Method::DELETE,
            "remove_auto_join_group",
            "/authmodules/{id}/autojoingroups/{groupId}",
        )
        .segments([
            "authmodules",
            module.as_str(),
            "autojoingroups",
            group.as_str(),
        ]);
        match self.call(r, &correlation_id).await {
            Ok(_) => Ok(Done::applied((), correlation_id)),
            Err(err) if err.is_status(404) && !self.has_group(module, group).await? => {
                Ok(Done::already((), correlation_id))
            }
            Err(err) => Err(err),
        }
    }
}

fn decode(correlation_id: String, expected: &'static str, reason: String) -> ProviderError {
    ProviderError::Decode {
        product: Product::Hub,
        expected,
        reason,
        correlation_id,
    }
}
