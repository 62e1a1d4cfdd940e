//! ZITADEL (Admin and Management API v1, REST): identity providers linked to the login policy
//! of the instance, or of one organization (`x-zitadel-orgid`).

use serde::{Deserialize, Serialize};

use crate::ids::{IdpId, ZitadelOrgId};
use crate::lenient::{Code, u64_any};

/// Where a login policy lives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "level", rename_all = "snake_case")]
pub enum PolicyScope {
    /// The instance's default login policy (Admin API).
    Instance,
    /// One organization's own login policy (Management API, `x-zitadel-orgid`).
    Organization { org_id: ZitadelOrgId },
}

/// Who owns an identity provider: the instance (system) or an organization.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum IdpOwnerType {
    #[serde(rename = "IDP_OWNER_TYPE_SYSTEM")]
    System,
    #[serde(rename = "IDP_OWNER_TYPE_ORG")]
    Org,
    /// Also what an owner type this version does not know reads as.
    #[serde(rename = "IDP_OWNER_TYPE_UNSPECIFIED", other)]
    Unspecified,
}

/// `POST /admin/v1/policies/login/idps` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkInstanceIdp {
    #[serde(rename = "idpId")]
    pub idp_id: IdpId,
}

/// `POST /management/v1/policies/login/idps` body; ZITADEL requires the owner type here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkOrgIdp {
    #[serde(rename = "idpId")]
    pub idp_id: IdpId,
    #[serde(rename = "ownerType")]
    pub owner_type: IdpOwnerType,
}

impl LinkOrgIdp {
    /// ZITADEL refuses `UNSPECIFIED` (`not_in: [0]`).
    pub fn validate(&self) -> crate::FieldErrors {
        let mut e = crate::FieldErrors::new();
        if self.owner_type == IdpOwnerType::Unspecified {
            e.add("owner_type", crate::FieldProblem::IdpOwnerMissing);
        }
        e
    }
}

/// A link or unlink of one identity provider at one scope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdpLinkTarget {
    pub scope: PolicyScope,
    pub idp_id: IdpId,
}

/// `{"query":{"offset":"0","limit":100,"asc":true}}` for `…/_search` calls.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListQuery {
    /// Sent as a string: ZITADEL's REST gateway writes 64-bit numbers that way.
    pub offset: String,
    pub limit: u32,
    pub asc: bool,
}

impl ListQuery {
    pub fn new(offset: u64, limit: u32) -> Self {
        Self {
            offset: offset.to_string(),
            limit,
            asc: true,
        }
    }
}

/// The `details` of list replies; zero values are left out by ZITADEL.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListDetails {
    #[serde(rename = "totalResult", default, deserialize_with = "u64_any")]
    pub total_result: u64,
    #[serde(rename = "processedSequence", default, deserialize_with = "u64_any")]
    pub processed_sequence: u64,
    #[serde(
        rename = "viewTimestamp",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub view_timestamp: Option<String>,
}

/// The `details` of write replies.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObjectDetails {
    #[serde(default, deserialize_with = "u64_any")]
    pub sequence: u64,
    #[serde(
        rename = "creationDate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub creation_date: Option<String>,
    #[serde(
        rename = "changeDate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub change_date: Option<String>,
    #[serde(
        rename = "resourceOwner",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resource_owner: Option<String>,
}

/// The reply to a link or unlink.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WriteReply {
    #[serde(default)]
    pub details: ObjectDetails,
}

/// An identity provider linked to a login policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkedIdp {
    #[serde(rename = "idpId")]
    pub idp_id: IdpId,
    #[serde(rename = "idpName", default)]
    pub idp_name: String,
    /// Only OIDC/JWT are told apart; every template kind reads UNSPECIFIED (API-NOTES 2.2).
    #[serde(rename = "idpType", default, skip_serializing_if = "Option::is_none")]
    pub idp_type: Option<String>,
}

/// `…/policies/login/idps/_search` reply: `result` is absent when nothing is linked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkedIdpList {
    #[serde(default)]
    pub details: ListDetails,
    #[serde(default)]
    pub result: Vec<LinkedIdp>,
}

/// An identity provider (template) configured in ZITADEL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provider {
    pub id: IdpId,
    #[serde(default)]
    pub name: String,
    /// `IDP_STATE_ACTIVE` / `IDP_STATE_INACTIVE`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// The instance (`IDP_OWNER_TYPE_SYSTEM`) or an organization (`IDP_OWNER_TYPE_ORG`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<IdpOwnerType>,
    /// `PROVIDER_TYPE_OIDC`, `PROVIDER_TYPE_SAML`, …
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

impl Provider {
    /// `PROVIDER_TYPE_GOOGLE` -> `Google`, for tables.
    pub fn kind_label(&self) -> String {
        label_of(
            self.kind.as_deref().unwrap_or("PROVIDER_TYPE_UNSPECIFIED"),
            "PROVIDER_TYPE_",
        )
    }

    pub fn is_active(&self) -> bool {
        self.state.as_deref() == Some("IDP_STATE_ACTIVE")
    }

    /// The owner type a link of this provider to an organization's policy sends: the
    /// organization's when it owns the provider, else the instance's (ZITADEL refuses a link
    /// whose owner type does not match the provider's owner).
    pub fn owner_type(&self) -> IdpOwnerType {
        match self.owner {
            Some(IdpOwnerType::Org) => IdpOwnerType::Org,
            _ => IdpOwnerType::System,
        }
    }
}

fn label_of(value: &str, prefix: &str) -> String {
    let rest = value.strip_prefix(prefix).unwrap_or(value);
    match rest {
        "OIDC" | "JWT" | "SAML" | "LDAP" => rest.to_owned(),
        "OAUTH" => "OAuth".to_owned(),
        "AZURE_AD" => "Azure AD".to_owned(),
        "GITHUB" => "GitHub".to_owned(),
        "GITHUB_ES" => "GitHub Enterprise".to_owned(),
        "GITLAB" => "GitLab".to_owned(),
        "GITLAB_SELF_HOSTED" => "GitLab self-hosted".to_owned(),
        other => {
            let mut s = other.to_lowercase().replace('_', " ");
            if let Some(first) = s.get_mut(0..1) {
                first.make_ascii_uppercase();
            }
            s
        }
    }
}

/// `…/idps/templates/_search` reply.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProviderList {
    #[serde(default)]
    pub details: ListDetails,
    #[serde(default)]
    pub result: Vec<Provider>,
}

/// The parts of a login policy the console shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoginPolicy {
    /// True when an organization has no policy of its own and uses the instance's.
    #[serde(rename = "isDefault", default)]
    pub is_default: bool,
    #[serde(rename = "allowExternalIdp", default)]
    pub allow_external_idp: bool,
    #[serde(default)]
    pub idps: Vec<LinkedIdp>,
}

/// The answer of `zitadel_policy`: a login policy and the identity providers linked to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyView {
    pub policy: LoginPolicy,
    pub linked: Vec<LinkedIdp>,
}

/// `GET …/policies/login` reply.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoginPolicyReply {
    #[serde(default)]
    pub policy: LoginPolicy,
}

/// An organization, for the organization picker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Org {
    pub id: ZitadelOrgId,
    #[serde(default)]
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
}

/// `/admin/v1/orgs/_search` reply.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgList {
    #[serde(default)]
    pub details: ListDetails,
    #[serde(default)]
    pub result: Vec<Org>,
}

/// ZITADEL's error body: `code` is a number on REST and a string on Connect.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub code: Code,
    #[serde(default)]
    pub message: String,
    #[serde(default)]
    pub details: Vec<ErrorDetail>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorDetail {
    #[serde(rename = "@type", default)]
    pub type_url: String,
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub message: String,
}

/// Roles the console's ZITADEL screens need (API-NOTES 2.4).
pub const REQUIRED_ROLE: &str = "IAM_OWNER";

mod settings;
pub use settings::{AddCustomLoginPolicy, LoginSettings, PolicyIdp};

#[cfg(test)]
mod tests;
