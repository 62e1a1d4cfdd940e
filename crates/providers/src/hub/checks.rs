//! The reads behind Hub's pre-change warnings (API-NOTES-WARNINGS §10, §11): whether an auth
//! module creates users on first login, and a group's own auto-join.

use lanyard_model::hub::{
    AuthModule, GROUP_AUTO_JOIN_FIELDS, MODULE_USER_CREATION_FIELDS, UserGroup,
};
use lanyard_model::ids::{AuthModuleId, UserGroupId};
use reqwest::Method;

use super::HubClient;
use crate::error::ProviderError;
use crate::outcome::Operation;

impl HubClient {
    /// One auth module with its user-creation switch (`allowedCreateNewUsers` or
    /// `registrationEnabled`).
    pub async fn module_user_creation(
        &self,
        module: &AuthModuleId,
    ) -> Result<AuthModule, ProviderError> {
        let r = Self::rest(Method::GET, "get_auth_module", "/authmodules/{id}")
            .segments(["authmodules", module.as_str()])
            .query("fields", MODULE_USER_CREATION_FIELDS);
        let reply = self.call(r, &Operation::new(&self.http)).await?;
        reply.object("an auth module")
    }

    /// One user group with its own auto-join (`autoJoin`, `autoJoinDomain`).
    pub async fn group_auto_join(&self, group: &UserGroupId) -> Result<UserGroup, ProviderError> {
        let r = Self::rest(Method::GET, "get_user_group", "/usergroups/{id}")
            .segments(["usergroups", group.as_str()])
            .query("fields", GROUP_AUTO_JOIN_FIELDS);
        let reply = self.call(r, &Operation::new(&self.http)).await?;
        reply.object("a user group")
    }
}
