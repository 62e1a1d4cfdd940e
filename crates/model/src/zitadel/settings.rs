//! A login policy's settings as ZITADEL's v1 API reads and writes them (API-NOTES-WARNINGS
//! §6, §7). A write of a policy sets every field, a field left out being false or empty, so
//! what Lanyard sends is what it read, with only the field it means to change changed.

use serde::{Deserialize, Serialize};

/// The settings of a login policy, zero values omitted by ZITADEL and so defaulted here.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LoginSettings {
    #[serde(default)]
    pub allow_username_password: bool,
    #[serde(default)]
    pub allow_register: bool,
    #[serde(default)]
    pub allow_external_idp: bool,
    #[serde(default)]
    pub force_mfa: bool,
    #[serde(default)]
    pub force_mfa_local_only: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passwordless_type: Option<String>,
    #[serde(default)]
    pub hide_password_reset: bool,
    #[serde(default)]
    pub ignore_unknown_usernames: bool,
    #[serde(default)]
    pub allow_domain_discovery: bool,
    #[serde(default)]
    pub disable_login_with_email: bool,
    #[serde(default)]
    pub disable_login_with_phone: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_redirect_uri: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password_check_lifetime: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_login_check_lifetime: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mfa_init_skip_lifetime: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub second_factor_check_lifetime: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub multi_factor_check_lifetime: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub second_factors: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub multi_factors: Vec<String>,
}

/// An identity provider in `AddCustomLoginPolicyRequest.idps`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PolicyIdp {
    pub idp_id: String,
    pub owner_type: super::IdpOwnerType,
}

/// `POST /management/v1/policies/login`: the organization's own policy, a copy of the
/// instance default's settings and identity providers (as ZITADEL's Console makes it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AddCustomLoginPolicy {
    #[serde(flatten)]
    pub settings: LoginSettings,
    pub idps: Vec<PolicyIdp>,
}
