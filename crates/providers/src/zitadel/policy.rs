//! A login policy's settings: read whole, an organization's own policy created as a copy of
//! the instance default (`AddCustomLoginPolicy`, API-NOTES-WARNINGS §6), and external identity
//! providers allowed (`allowExternalIdp`, §7) by writing back the settings read with that one
//! field changed.

use lanyard_model::HttpRequest;
use lanyard_model::zitadel::{
    AddCustomLoginPolicy, IdpOwnerType, LoginSettings, PolicyIdp, PolicyScope,
};
use reqwest::Method;

use super::ZitadelClient;
use crate::error::ProviderError;
use crate::http::{Object, Product, Request};
use crate::outcome::{Done, Operation};

/// `GET …/policies/login` read for its settings.
#[derive(serde::Deserialize)]
struct SettingsReply {
    policy: Object<LoginSettings>,
}

impl ZitadelClient {
    fn policy_request(
        &self,
        method: Method,
        scope: &PolicyScope,
        operation: &'static str,
    ) -> Request {
        self.request(
            method,
            scope,
            operation,
            "/policies/login",
            &["policies", "login"],
        )
    }

    fn body(
        value: impl serde::Serialize,
        correlation_id: &str,
    ) -> Result<serde_json::Value, ProviderError> {
        serde_json::to_value(value).map_err(|e| {
            ProviderError::decode(Product::Zitadel, "a request body", e, correlation_id)
        })
    }

    /// The settings of the login policy in effect at `scope`.
    pub async fn login_settings(
        &self,
        scope: &PolicyScope,
    ) -> Result<LoginSettings, ProviderError> {
        let r = self.policy_request(Method::GET, scope, "get_login_policy");
        let reply = self.send(r, &Operation::new(&self.http)).await?;
        Ok(reply.object::<SettingsReply>("a login policy")?.policy.0)
    }

    /// The request that creates the organization's own policy from the default's `settings`
    /// and its linked identity providers (as the instance's).
    fn create_policy_request(
        &self,
        scope: &PolicyScope,
        settings: &LoginSettings,
        idps: &[String],
        correlation_id: &str,
    ) -> Result<Request, ProviderError> {
        let body = AddCustomLoginPolicy {
            settings: settings.clone(),
            idps: idps
                .iter()
                .map(|id| PolicyIdp {
                    idp_id: id.clone(),
                    owner_type: IdpOwnerType::System,
                })
                .collect(),
        };
        Ok(self
            .policy_request(Method::POST, scope, "create_org_login_policy")
            .json(Self::body(body, correlation_id)?))
    }

    /// Creates the organization's own login policy, a copy of the instance default it follows
    /// now (settings and linked identity providers). ALREADY_EXISTS counts as already done.
    pub async fn create_own_policy(&self, scope: &PolicyScope) -> Result<Done<()>, ProviderError> {
        let operation = Operation::new(&self.http);
        let settings = self.login_settings(scope).await?;
        let policy = self.login_policy(scope).await?;
        let idps: Vec<String> = policy.idps.iter().map(|l| l.idp_id.to_string()).collect();
        let r = self.create_policy_request(scope, &settings, &idps, &operation.id)?;
        match self.write(r, &operation).await {
            Ok(()) => Ok(Done::applied((), operation.id)),
            Err(err) if err.is_status(409) => Ok(Done::already((), operation.id)),
            Err(err) => Err(err),
        }
    }

    /// The request that sets `allowExternalIdp` to `allow` on `settings` at `scope`.
    fn external_idps_request(
        &self,
        scope: &PolicyScope,
        settings: &LoginSettings,
        allow: bool,
        correlation_id: &str,
    ) -> Result<Request, ProviderError> {
        let body = LoginSettings {
            allow_external_idp: allow,
            ..settings.clone()
        };
        Ok(self
            .policy_request(Method::PUT, scope, "set_external_idps")
            .json(Self::body(body, correlation_id)?))
    }

    /// What [`Self::set_external_idps`] would send, for a preview (settings as read now).
    pub async fn describe_set_external_idps(
        &self,
        scope: &PolicyScope,
        allow: bool,
    ) -> Result<HttpRequest, ProviderError> {
        let settings = self.login_settings(scope).await?;
        self.http
            .describe(&self.external_idps_request(scope, &settings, allow, "")?)
    }

    /// Allows (or not) external identity providers on the policy at `scope`, every other
    /// setting as read just before. Already so: nothing is sent.
    pub async fn set_external_idps(
        &self,
        scope: &PolicyScope,
        allow: bool,
    ) -> Result<Done<()>, ProviderError> {
        let operation = Operation::new(&self.http);
        let settings = self.login_settings(scope).await?;
        if settings.allow_external_idp == allow {
            return Ok(Done::already((), operation.id));
        }
        let r = self.external_idps_request(scope, &settings, allow, &operation.id)?;
        self.write(r, &operation).await?;
        Ok(Done::applied((), operation.id))
    }
}
