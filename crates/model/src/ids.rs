//! Ids that are checked once, when they are made, and cannot hold an invalid value after.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::validation::FieldProblem;

/// Why a value is not a valid id; names the field, the rule and the problem.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[error("{field}: {problem}")]
pub struct IdError {
    pub field: String,
    pub problem: FieldProblem,
}

/// Checks the rules every id shares: 1..=max characters, no control characters, no spaces
/// around it, no path separators (ids travel in URL paths).
pub fn check_id(field: &str, value: &str, max: usize) -> Result<(), IdError> {
    let problem = |p: FieldProblem| {
        Err(IdError {
            field: field.to_owned(),
            problem: p,
        })
    };
    let len = value.chars().count();
    if len == 0 {
        return problem(FieldProblem::Required);
    }
    if len > max {
        return problem(FieldProblem::TooLong { len, max });
    }
    if let Some(c) = value.chars().find(|c| c.is_control()) {
        return problem(FieldProblem::IdControlCharacter { code: c as u32 });
    }
    if value.trim() != value {
        return problem(FieldProblem::SpaceAround);
    }
    if value.contains(['/', '\\']) || value == "." || value == ".." {
        return problem(FieldProblem::PathCharacter);
    }
    Ok(())
}

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $field:literal, $max:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// The field name used in messages and field errors.
            pub const FIELD: &'static str = $field;
            /// The longest value the API accepts.
            pub const MAX_LEN: usize = $max;

            pub fn parse(value: impl Into<String>) -> Result<Self, IdError> {
                let value = value.into();
                check_id($field, &value, $max)?;
                Ok(Self(value))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = IdError;
            fn try_from(value: String) -> Result<Self, IdError> {
                Self::parse(value)
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl PartialEq<String> for $name {
            fn eq(&self, other: &String) -> bool {
                &self.0 == other
            }
        }
    };
}

id_type!(
    /// An Auth0 organization id (`org_…`), at most 50 characters.
    OrganizationId, "organization_id", 50
);
id_type!(
    /// An Auth0 connection id (`con_…`), at most 50 characters.
    ConnectionId, "connection_id", 50
);
id_type!(
    /// A ZITADEL identity provider id, at most 200 characters.
    IdpId, "idp_id", 200
);
id_type!(
    /// A ZITADEL organization id (sent in `x-zitadel-orgid`).
    ZitadelOrgId, "org_id", 200
);
id_type!(
    /// A JetBrains Hub auth module id.
    AuthModuleId, "auth_module_id", 200
);
id_type!(
    /// A JetBrains Hub user group id.
    UserGroupId, "group_id", 200
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_limits_hold_at_the_boundary() {
        assert_eq!(
            OrganizationId::parse("").unwrap_err().problem,
            "is required"
        );
        assert!(OrganizationId::parse("o").is_ok());
        assert!(OrganizationId::parse("o".repeat(50)).is_ok());
        let err = OrganizationId::parse("o".repeat(51)).unwrap_err();
        assert_eq!(err.field, "organization_id");
        assert!(
            err.problem.to_string().contains("51") && err.problem.to_string().contains("50"),
            "{err}"
        );
        assert!(ConnectionId::parse("c".repeat(50)).is_ok());
        assert!(ConnectionId::parse("c".repeat(51)).is_err());
        assert!(IdpId::parse("1".repeat(200)).is_ok());
        assert!(IdpId::parse("1".repeat(201)).is_err());
        assert!(IdpId::parse("").is_err());
    }

    #[test]
    fn control_characters_spaces_and_path_characters_are_refused() {
        let err = ConnectionId::parse("con_\u{0}abc").unwrap_err();
        assert!(err.problem.to_string().contains("U+0000"), "{err}");
        assert!(ConnectionId::parse("con_abc\n").is_err());
        assert!(ConnectionId::parse(" con_abc").is_err());
        assert!(UserGroupId::parse("../admin").is_err());
        assert!(UserGroupId::parse("..").is_err());
        assert!(AuthModuleId::parse("a\\b").is_err());
    }

    #[test]
    fn serde_goes_through_the_same_check() {
        let ok: OrganizationId = serde_json::from_str("\"org_abc\"").unwrap();
        assert_eq!(ok.as_str(), "org_abc");
        assert!(serde_json::from_str::<OrganizationId>("\"\"").is_err());
        assert_eq!(serde_json::to_string(&ok).unwrap(), "\"org_abc\"");
    }
}
