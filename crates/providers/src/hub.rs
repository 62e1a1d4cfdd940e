//! The JetBrains Hub client: auth modules, their auto-join groups, and user group search.

use lanyard_model::HttpRequest;
use lanyard_model::hub::{
    AUTH_MODULE_FIELDS, AddAutoJoinGroup, AuthModule, ListParams, Page, USER_GROUP_FIELDS,
    UserGroup, name_query,
};
use lanyard_model::ids::{AuthModuleId, UserGroupId};
use reqwest::Method;

use crate::auth::{Credentials, TokenSource};
use crate::error::ProviderError;
use crate::http::paging::{Pages, offset_done};
use crate::http::{Deadline, Http, HttpOptions, Product, Reply, Request};
use crate::outcome::{self, Done, Operation};

mod checks;

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
        let secret = match &credentials {
            Credentials::Bearer(token) => Some(token.clone()),
            Credentials::HubClientCredentials { service_secret, .. } => {
                Some(service_secret.clone())
            }
            Credentials::Auth0ClientCredentials { client_secret, .. } => {
                Some(client_secret.clone())
            }
        };
        let http = Http::new(Product::Hub, base_url, options)?.with_secrets(secret);
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
    async fn call(&self, request: Request, operation: &Operation) -> Result<Reply, ProviderError> {
        let request = request.within(operation.deadline);
        self.tokens.send(&self.http, request, &operation.id).await
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
        let reply = self.call(r, &Operation::new(&self.http)).await?;
        // A 200 that is not a page of auth modules (a proxy's sign-in page, say) does not show
        // that the profile works.
        Page::<AuthModule>::from_json(reply.json("a list of auth modules")?, "authmodules")
            .map(|_| ())
            .map_err(|reason| decode(&reply.correlation_id, "a list of auth modules", reason))
    }

    /// Every item of a `$skip`/`$top` listing, until an empty page or the `total` Hub gave;
    /// a missing `total` does not end it.
    async fn list_all<T: serde::de::DeserializeOwned>(
        &self,
        request_at: impl Fn(u32) -> Request,
        key: &'static str,
        expected: &'static str,
        within: Option<Deadline>,
    ) -> Result<Vec<T>, ProviderError> {
        let mut pages = Pages::new(&self.http, expected);
        let mut out = Vec::new();
        loop {
            let mut operation = Operation::new(&self.http);
            operation.deadline = within.unwrap_or(operation.deadline);
            let skip = u32::try_from(out.len()).unwrap_or(u32::MAX);
            let reply = self.call(request_at(skip), &operation).await?;
            pages.page(&reply)?;
            let page: Page<T> = Page::from_json(reply.json(expected)?, key)
                .map_err(|reason| decode(&reply.correlation_id, expected, reason))?;
            let count = page.items.len();
            out.extend(page.items);
            if offset_done(count, out.len(), page.total) {
                return Ok(out);
            }
        }
    }

    /// Every auth module.
    pub async fn auth_modules(&self) -> Result<Vec<AuthModule>, ProviderError> {
        let request_at = |skip| {
            let mut params = ListParams::new(AUTH_MODULE_FIELDS, PAGE);
            params.skip = skip;
            params.order_by = Some("ordinal".to_owned());
            Self::with_params(
                Self::rest(Method::GET, "list_auth_modules", "/authmodules")
                    .segments(["authmodules"]),
                &params,
            )
        };
        self.list_all(request_at, "authmodules", "a list of auth modules", None)
            .await
    }

    /// The auto-join groups of `module`.
    pub async fn auto_join_groups(
        &self,
        module: &AuthModuleId,
    ) -> Result<Vec<UserGroup>, ProviderError> {
        self.groups_within(module, None).await
    }

    /// The auto-join groups of `module`, read by the time `within` passes (a write's read-back).
    async fn groups_within(
        &self,
        module: &AuthModuleId,
        within: Option<Deadline>,
    ) -> Result<Vec<UserGroup>, ProviderError> {
        let request_at = |skip| {
            let mut params = ListParams::new(USER_GROUP_FIELDS, PAGE);
            params.skip = skip;
            Self::with_params(
                Self::rest(
                    Method::GET,
                    "list_auto_join_groups",
                    "/authmodules/{id}/autojoingroups",
                )
                .segments(["authmodules", module.as_str(), "autojoingroups"]),
                &params,
            )
        };
        self.list_all(request_at, "autojoingroups", "a list of groups", within)
            .await
    }

    /// Every user group, by name (the inventory's listing).
    pub async fn groups(&self) -> Result<Vec<UserGroup>, ProviderError> {
        let request_at = |skip| {
            let mut params = ListParams::new(USER_GROUP_FIELDS, PAGE);
            params.skip = skip;
            params.order_by = Some("name".to_owned());
            Self::with_params(
                Self::rest(Method::GET, "list_user_groups", "/usergroups").segments(["usergroups"]),
                &params,
            )
        };
        self.list_all(request_at, "usergroups", "a list of groups", None)
            .await
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
        let reply = self.call(r, &Operation::new(&self.http)).await?;
        Page::from_json(reply.json("a list of groups")?, "usergroups")
            .map_err(|reason| decode(&reply.correlation_id, "a list of groups", reason))
    }

    async fn has_group(
        &self,
        module: &AuthModuleId,
        group: &UserGroupId,
        operation: &Operation,
    ) -> Result<bool, ProviderError> {
        Ok(self
            .groups_within(module, Some(operation.deadline))
            .await?
            .iter()
            .any(|g| g.id == group.as_str()))
    }

    /// The request an add of `group` to `module`'s auto-join groups sends: the one builder of
    /// what is sent and of what a preview shows.
    fn add_request(
        module: &AuthModuleId,
        group: &UserGroupId,
        correlation_id: &str,
    ) -> Result<Request, ProviderError> {
        let body = serde_json::to_value(AddAutoJoinGroup { id: group.clone() })
            .map_err(|e| decode(correlation_id, "a request body", e))?;
        Ok(Self::rest(
            Method::POST,
            "add_auto_join_group",
            "/authmodules/{id}/autojoingroups",
        )
        .segments(["authmodules", module.as_str(), "autojoingroups"])
        .json(body)
        .query("fields", "id,name"))
    }

    /// The request a removal of `group` from `module`'s auto-join groups sends.
    fn remove_request(module: &AuthModuleId, group: &UserGroupId) -> Request {
        Self::rest(
            Method::DELETE,
            "remove_auto_join_group",
            "/authmodules/{id}/autojoingroups/{groupId}",
        )
        .segments([
            "authmodules",
            module.as_str(),
            "autojoingroups",
            group.as_str(),
        ])
    }

    /// The request [`Self::add_auto_join_group`] sends when the group is not there yet, as the
    /// preview shows it: under the service URL's path (`/hub` for a Hub inside YouTrack), no
    /// token.
    pub fn describe_add_auto_join_group(
        &self,
        module: &AuthModuleId,
        group: &UserGroupId,
    ) -> Result<HttpRequest, ProviderError> {
        // Nothing is sent, so no correlation id goes with an error.
        self.http.describe(&Self::add_request(module, group, "")?)
    }

    /// The request [`Self::remove_auto_join_group`] sends, as the preview shows it.
    pub fn describe_remove_auto_join_group(
        &self,
        module: &AuthModuleId,
        group: &UserGroupId,
    ) -> Result<HttpRequest, ProviderError> {
        self.http.describe(&Self::remove_request(module, group))
    }

    /// Adds `group` to the auto-join groups of `module`. Hub does not say what a duplicate does,
    /// so the list is read first (API-NOTES 3.2); a reply that does not say what happened is
    /// settled by reading it again.
    pub async fn add_auto_join_group(
        &self,
        module: &AuthModuleId,
        group: &UserGroupId,
    ) -> Result<Done<()>, ProviderError> {
        let operation = Operation::new(&self.http);
        if self.has_group(module, group, &operation).await? {
            return Ok(Done::already((), operation.id));
        }
        let r = Self::add_request(module, group, &operation.id)?;
        let sent = self
            .call(r, &operation.for_write())
            .await
            .and_then(|reply| confirms_group(&reply, group));
        match sent {
            Ok(()) => Ok(Done::applied((), operation.id)),
            Err(ProviderError::OutcomeUnknown { cause, .. }) => {
                let read = async {
                    Ok(self
                        .has_group(module, group, &operation)
                        .await?
                        .then_some(()))
                };
                outcome::settle(Product::Hub, cause, operation.id.clone(), read).await
            }
            Err(err) => Err(err),
        }
    }

    /// Removes `group` from the auto-join groups of `module`; a 404 confirmed by a read is done,
    /// and a reply that does not say what happened is settled by a read.
    pub async fn remove_auto_join_group(
        &self,
        module: &AuthModuleId,
        group: &UserGroupId,
    ) -> Result<Done<()>, ProviderError> {
        let operation = Operation::new(&self.http);
        let r = Self::remove_request(module, group);
        let sent = self
            .call(r, &operation.for_write())
            .await
            .and_then(|reply| outcome::empty_or_json(&reply));
        match sent {
            Ok(()) => Ok(Done::applied((), operation.id)),
            Err(err)
                if err.is_status(404) && !self.has_group(module, group, &operation).await? =>
            {
                Ok(Done::already((), operation.id))
            }
            Err(ProviderError::OutcomeUnknown { cause, .. }) => {
                let read =
                    async { Ok((!self.has_group(module, group, &operation).await?).then_some(())) };
                outcome::settle(Product::Hub, cause, operation.id.clone(), read).await
            }
            Err(err) => Err(err),
        }
    }
}

/// Whether Hub's answer to an add confirms it: an empty body (some Hub writes answer so), or
/// the group that was added. Anything else (HTML, another group) confirms nothing.
fn confirms_group(reply: &Reply, group: &UserGroupId) -> Result<(), ProviderError> {
    outcome::empty_or_json(reply)?;
    if reply.body.iter().all(u8::is_ascii_whitespace) {
        return Ok(());
    }
    let added: UserGroup = outcome::from_reply(reply, "the group added")?;
    if added.id == group.as_str() {
        return Ok(());
    }
    Err(ProviderError::OutcomeUnknown {
        product: Product::Hub,
        cause: crate::error::clip(&format!(
            "its answer names group {} where {group} was sent",
            added.id
        )),
        correlation_id: reply.correlation_id.clone(),
    })
}

fn decode(
    correlation_id: &str,
    expected: &'static str,
    reason: impl std::fmt::Display,
) -> ProviderError {
    ProviderError::decode(Product::Hub, expected, reason, correlation_id)
}
