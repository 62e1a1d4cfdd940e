//! The ZITADEL instance's state (identity providers, login policies, organizations) and its seed.

use std::collections::BTreeMap;

use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Idp {
    pub id: String,
    pub name: String,
    /// PROVIDER_TYPE_*
    pub kind: &'static str,
    pub active: bool,
    /// None = instance (system) level; Some(org) = owned by that organization.
    pub owner_org: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ZOrg {
    pub id: String,
    pub name: String,
    /// Linked IdP ids of the organization's own login policy; None = uses the instance default.
    pub policy: Option<Vec<String>>,
    /// The settings of the organization's own policy (unused while it has none).
    pub settings: PolicySettings,
}

/// The login policy settings the sandbox keeps (the rest of ZITADEL's are not modelled).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PolicySettings {
    pub allow_username_password: bool,
    pub allow_register: bool,
    pub allow_external_idp: bool,
    pub force_mfa: bool,
}

impl Default for PolicySettings {
    fn default() -> Self {
        Self::DEFAULT
    }
}

impl PolicySettings {
    pub const DEFAULT: PolicySettings = PolicySettings {
        allow_username_password: true,
        allow_register: true,
        allow_external_idp: true,
        force_mfa: false,
    };

    /// The policy's JSON fields, zero values left out as grpc-gateway does.
    pub fn json(&self) -> serde_json::Map<String, serde_json::Value> {
        let mut m = serde_json::Map::new();
        for (key, on) in [
            ("allowUsernamePassword", self.allow_username_password),
            ("allowRegister", self.allow_register),
            ("allowExternalIdp", self.allow_external_idp),
            ("forceMfa", self.force_mfa),
        ] {
            if on {
                m.insert(key.to_owned(), true.into());
            }
        }
        m.insert("passwordCheckLifetime".to_owned(), "864000s".into());
        m
    }

    /// The settings a write's body sets: an absent field is false, as in ZITADEL's v1 API.
    pub fn from_body(body: &serde_json::Value) -> PolicySettings {
        let flag = |k: &str| body.get(k).and_then(serde_json::Value::as_bool) == Some(true);
        PolicySettings {
            allow_username_password: flag("allowUsernamePassword"),
            allow_register: flag("allowRegister"),
            allow_external_idp: flag("allowExternalIdp"),
            force_mfa: flag("forceMfa"),
        }
    }
}

#[derive(Debug, Default, Serialize)]
pub struct ZWorld {
    pub instance_id: String,
    pub idps: Vec<Idp>,
    pub instance_links: Vec<String>,
    pub instance_settings: PolicySettings,
    pub orgs: Vec<ZOrg>,
    pub sequence: u64,
    /// Successful links per `scope/idp`, to prove a client never repeats one.
    pub writes: BTreeMap<String, u32>,
}

pub fn seed() -> ZWorld {
    let idp = |id: &str, name: &str, kind, active, owner: Option<&str>| Idp {
        id: id.to_owned(),
        name: name.to_owned(),
        kind,
        active,
        owner_org: owner.map(str::to_owned),
    };
    ZWorld {
        instance_id: "283746510293847561".into(),
        idps: vec![
            idp(
                "284019223568203777",
                "Google Workspace",
                "PROVIDER_TYPE_GOOGLE",
                true,
                None,
            ),
            idp(
                "284019223568203778",
                "Microsoft Entra ID",
                "PROVIDER_TYPE_AZURE_AD",
                true,
                None,
            ),
            idp(
                "284019223568203779",
                "GitHub",
                "PROVIDER_TYPE_GITHUB",
                true,
                None,
            ),
            idp(
                "284019223568203780",
                "Okta Workforce (OIDC)",
                "PROVIDER_TYPE_OIDC",
                true,
                None,
            ),
            idp(
                "284019223568203781",
                "Corporate SAML",
                "PROVIDER_TYPE_SAML",
                true,
                None,
            ),
            idp(
                "284019223568203782",
                "Active Directory (LDAP)",
                "PROVIDER_TYPE_LDAP",
                false,
                None,
            ),
            idp(
                "284019223568203783",
                "GitLab self-hosted",
                "PROVIDER_TYPE_GITLAB_SELF_HOSTED",
                true,
                None,
            ),
            idp(
                "284019223568203790",
                "Acme partner SSO",
                "PROVIDER_TYPE_OIDC",
                true,
                Some("284019223568204001"),
            ),
        ],
        instance_links: vec!["284019223568203777".into(), "284019223568203779".into()],
        instance_settings: PolicySettings::DEFAULT,
        orgs: vec![
            ZOrg {
                id: "284019223568204001".into(),
                name: "Acme".into(),
                policy: Some(vec!["284019223568203790".into()]),
                settings: PolicySettings::DEFAULT,
            },
            ZOrg {
                id: "284019223568204002".into(),
                name: "Globex".into(),
                policy: None,
                settings: PolicySettings::DEFAULT,
            },
            ZOrg {
                id: "284019223568204003".into(),
                name: "Initech".into(),
                policy: Some(vec![]),
                // Its own policy does not allow external IdPs: a warning's case.
                settings: PolicySettings {
                    allow_external_idp: false,
                    ..PolicySettings::DEFAULT
                },
            },
        ],
        sequence: 300,
        writes: BTreeMap::new(),
    }
}
