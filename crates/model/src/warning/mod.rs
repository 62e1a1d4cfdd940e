//! What a change will do to people signing in, said before Apply: the warnings a preview shows
//! (single or bulk), each with its source (what the vendor documents, or what Lanyard infers)
//! and, where there is one, the fix as a change of its own that is previewed like any other. A
//! check whose read failed (a missing scope, a rate limit, a server error) does not block the
//! change: it is listed as "could not check", with the read's error.
//!
//! A warning is typed: what it says is a [`WarningText`] (which check, with the names and
//! counts it is about), and the UI words it, with its reason, in the user's language. A warning
//! saved before it was typed (an older bulk journal) loads as [`WarningText::Stored`], its
//! English text shown as it was stored.

mod text;

use serde::{Deserialize, Serialize};

pub use self::text::{CheckCause, Unchecked, WarningText};
use crate::{Change, CommandError};

/// Where the fact behind a warning comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// The vendor's documentation or specification says so.
    Documented,
    /// Lanyard's inference from the documentation, source code or recorded replies; the UI
    /// says "Lanyard infers".
    Inferred,
}

/// Which check a warning comes from: stable, for the UI's titles and the tests.
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

/// What a fix's button does (the UI words it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionLabel {
    /// Create the organization's own login policy first, then link.
    OwnPolicyFirst,
    /// Link to the instance's default policy instead.
    LinkToInstanceDefault,
    /// Turn on external IdPs for this policy.
    TurnOnExternalIdps,
}

/// A fix the preview offers: a change of its own, previewed and applied like any other.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WarningAction {
    pub label: ActionLabel,
    pub change: Change,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "text::WarningWire")]
pub struct Warning {
    /// Which check; always `text.kind()` (kept in the JSON for the UI's and tests' selectors).
    pub kind: WarningKind,
    /// What it says, with its arguments.
    pub text: WarningText,
    pub source: Source,
    /// Where the fact is written down (`API-NOTES-WARNINGS §3`).
    #[serde(default)]
    pub reference: String,
    /// Fixes or choices, each a change of its own; empty when there is none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<WarningAction>,
}

impl Warning {
    pub fn new(text: WarningText, source: Source, reference: &str) -> Self {
        Self {
            kind: text.kind(),
            text,
            source,
            reference: reference.to_owned(),
            actions: Vec::new(),
        }
    }

    pub fn with_action(mut self, label: ActionLabel, change: Change) -> Self {
        self.actions.push(WarningAction { label, change });
        self
    }

    /// "Could not check `what`": the read it needs failed with `error` (no token in it).
    pub fn could_not_read(what: Unchecked, error: CommandError) -> Self {
        Self::could_not_check(
            what,
            CheckCause::Read {
                error: Box::new(error),
            },
        )
    }

    pub fn could_not_check(what: Unchecked, cause: CheckCause) -> Self {
        Self::new(
            WarningText::CouldNotCheck { what, cause },
            Source::Inferred,
            "",
        )
    }

    pub fn is_could_not_check(&self) -> bool {
        self.kind == WarningKind::CouldNotCheck
    }
}

#[cfg(test)]
mod tests;
