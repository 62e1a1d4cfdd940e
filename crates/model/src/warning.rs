//! What a change will do to people signing in, said before Apply: the warnings a preview shows
//! (single or bulk), each with its reason, its source (what the vendor documents, or what
//! Lanyard infers, in which case the text says so) and, where there is one, the fix as a change
//! of its own that is previewed like any other. A check whose read failed (a missing scope, a
//! rate limit, a server error) does not block the change: it is listed as "could not check".

use serde::{Deserialize, Serialize};

use crate::Change;

/// Where the fact behind a warning comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// The vendor's documentation or specification says so.
    Documented,
    /// Lanyard's inference from the documentation, source code or recorded replies; the text
    /// says "Lanyard infers".
    Inferred,
}

/// Which check a warning comes from: stable, for the UI and the tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningKind {
    /// Auth0: the connection is enabled for no application.
    ConnectionWithoutApplication,
    /// Auth0: the connection is enabled only for applications that do not allow organizations.
    ConnectionWithoutOrganizationApplication,
    /// Auth0: after the change every enabled connection is enterprise and hides its button.
    NoVisibleConnection,
    /// Auth0: signup on a connection that is not a database one, or without membership on login.
    SignupRefused,
    /// Auth0: members may only use granted applications and none is granted for member access.
    NoApplicationGranted,
    /// ZITADEL: the organization follows the instance's default login policy.
    OrganizationUsesDefaultPolicy,
    /// ZITADEL: the login policy does not allow external identity providers.
    ExternalIdpsNotAllowed,
    /// ZITADEL: unlinking keeps users' links but they cannot sign in with the provider.
    UnlinkKeepsUserLinks,
    /// Hub: the module does not create users on first login, so its auto-join never applies.
    ModuleCreatesNoUsers,
    /// Hub: the group already has its own auto-join.
    GroupAutoJoinsAlready,
    /// A check could not be made (its read failed); the change can still be applied.
    CouldNotCheck,
}

/// A fix the preview offers: a change of its own, previewed and applied like any other.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WarningAction {
    /// The button's words: "Turn on external IdPs for this policy".
    pub label: String,
    pub change: Change,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    pub kind: WarningKind,
    /// What it means for people signing in, in help-desk words.
    pub message: String,
    /// Why: the setting or fact behind it.
    pub reason: String,
    pub source: Source,
    /// Where the fact is written down (`API-NOTES-WARNINGS §3`).
    #[serde(default)]
    pub reference: String,
    /// Fixes or choices, each a change of its own; empty when there is none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<WarningAction>,
}

impl Warning {
    pub fn new(
        kind: WarningKind,
        source: Source,
        reference: &str,
        message: impl Into<String>,
        reason: impl Into<String>,
    ) -> Self {
        let mut message = message.into();
        if source == Source::Inferred && !message.contains("Lanyard infers") {
            message.push_str(" (Lanyard infers this; the vendor does not document it.)");
        }
        Self {
            kind,
            message,
            reason: reason.into(),
            source,
            reference: reference.to_owned(),
            actions: Vec::new(),
        }
    }

    pub fn with_action(mut self, label: impl Into<String>, change: Change) -> Self {
        self.actions.push(WarningAction {
            label: label.into(),
            change,
        });
        self
    }

    /// "Could not check X": the read `what` needs failed with `cause` (in words, no token).
    pub fn could_not_check(what: &str, cause: impl std::fmt::Display) -> Self {
        Self {
            kind: WarningKind::CouldNotCheck,
            message: format!(
                "Could not check {what}. The change can still be applied; check it by hand if it matters."
            ),
            reason: cause.to_string(),
            source: Source::Inferred,
            reference: String::new(),
            actions: Vec::new(),
        }
    }

    pub fn is_could_not_check(&self) -> bool {
        self.kind == WarningKind::CouldNotCheck
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inferred_warnings_say_so_and_old_plans_load_without_warnings() {
        let w = Warning::new(
            WarningKind::NoVisibleConnection,
            Source::Inferred,
            "§3",
            "Nobody can pick a connection.",
            "every connection hides its button",
        );
        assert!(w.message.contains("Lanyard infers"));
        let json = serde_json::to_value(&w).unwrap();
        assert_eq!(json["source"], "inferred");
        assert_eq!(json["kind"], "no_visible_connection");
        let back: Warning = serde_json::from_value(json).unwrap();
        assert_eq!(back, w);
    }
}
