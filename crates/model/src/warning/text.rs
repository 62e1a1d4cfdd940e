//! What a warning says, typed: the check and the names and counts it is about. The UI words
//! each variant (message and reason) from its catalogue; names are the products' own and are
//! shown as they are.

use serde::{Deserialize, Serialize};

use super::{ActionLabel, Source, Warning, WarningAction, WarningKind};
use crate::{Change, CommandError, Label};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "says", rename_all = "snake_case")]
pub enum WarningText {
    /// Auth0 (§1): `connection` is enabled for no application.
    ConnectionWithoutApplication { connection: Label },
    /// Auth0 (§1, §2): `connection` is enabled only for `applications` (their names; empty when
    /// none can be read), none of which lets people log in with an organization.
    ConnectionWithoutOrganizationApplication {
        connection: Label,
        applications: Vec<String>,
    },
    /// Auth0 (§3): every enabled connection is an enterprise one that hides its button; Auth0
    /// answers `auth0_says` ("no connections enabled for the organization are visible").
    NoVisibleConnection { auth0_says: String },
    /// Auth0 (§4): sign-up through `connection` is refused: it is a database connection with
    /// membership on login off (`database`), or not a database connection.
    SignupRefused { connection: Label, database: bool },
    /// Auth0 (§2): members may log in only to granted applications, and none is granted.
    NoApplicationGranted,
    /// ZITADEL (§6): Lanyard will first give `organization` its own login policy.
    OwnPolicyFirst { organization: Label },
    /// ZITADEL (§6): `organization` follows the instance default, so linking `provider` to it
    /// needs a choice.
    ChooseOwnPolicyOrDefault {
        organization: Label,
        provider: Label,
    },
    /// ZITADEL (§7): the login policy of `policy_of` does not allow external IdPs, so `provider`
    /// shows no button.
    ProviderWithoutButton { policy_of: Label, provider: Label },
    /// ZITADEL (§7): the change turns external IdPs off in the login policy of `policy_of`.
    ExternalIdpsTurnedOff { policy_of: Label },
    /// ZITADEL (§8): people who sign in with `provider` cannot until it is linked again.
    UnlinkKeepsUserLinks { provider: Label },
    /// Hub (§10): nobody joins `group` through `module`: it is `disabled`, or it creates no
    /// accounts on first sign-in.
    ModuleCreatesNoUsers {
        group: Label,
        module: Label,
        disabled: bool,
    },
    /// Hub (§11): `group` adds every new account itself (only those at `domain`, if set).
    GroupAutoJoinsAlready {
        group: Label,
        domain: Option<String>,
    },
    /// A check could not be made; the change can still be applied.
    CouldNotCheck { what: Unchecked, cause: CheckCause },
    /// A warning saved before warnings were typed: its English text, as it was stored.
    Stored {
        kind: WarningKind,
        message: String,
        reason: String,
    },
}

/// What a check that could not be made wanted to know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "about", rename_all = "snake_case")]
pub enum Unchecked {
    /// Which applications `connection` is enabled for.
    ConnectionApplications { connection: Label },
    /// Whether the applications `connection` is enabled for allow organizations.
    ApplicationsAllowOrganizations { connection: Label },
    /// Whether the organization restricts its members to granted applications.
    MembersRestricted,
    /// Which applications the organization grants its members.
    GrantedApplications,
    /// Whether the organization keeps a connection people can see at login.
    VisibleConnection,
    /// The login policy's settings (whether it is the default, whether it allows external IdPs).
    LoginPolicy,
    /// Whether the auth module creates users on first sign-in.
    ModuleCreatesUsers,
    /// Whether the group already adds new users by itself.
    GroupAutoJoin,
}

/// Why a check could not be made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "cause", rename_all = "snake_case")]
pub enum CheckCause {
    /// The read it needs failed.
    Read { error: Box<CommandError> },
    /// The kind (strategy) of one of the organization's connections is not known.
    ConnectionKindUnknown,
}

impl WarningText {
    /// The check this text comes from.
    pub fn kind(&self) -> WarningKind {
        match self {
            WarningText::ConnectionWithoutApplication { .. } => {
                WarningKind::ConnectionWithoutApplication
            }
            WarningText::ConnectionWithoutOrganizationApplication { .. } => {
                WarningKind::ConnectionWithoutOrganizationApplication
            }
            WarningText::NoVisibleConnection { .. } => WarningKind::NoVisibleConnection,
            WarningText::SignupRefused { .. } => WarningKind::SignupRefused,
            WarningText::NoApplicationGranted => WarningKind::NoApplicationGranted,
            WarningText::OwnPolicyFirst { .. } | WarningText::ChooseOwnPolicyOrDefault { .. } => {
                WarningKind::OrganizationUsesDefaultPolicy
            }
            WarningText::ProviderWithoutButton { .. }
            | WarningText::ExternalIdpsTurnedOff { .. } => WarningKind::ExternalIdpsNotAllowed,
            WarningText::UnlinkKeepsUserLinks { .. } => WarningKind::UnlinkKeepsUserLinks,
            WarningText::ModuleCreatesNoUsers { .. } => WarningKind::ModuleCreatesNoUsers,
            WarningText::GroupAutoJoinsAlready { .. } => WarningKind::GroupAutoJoinsAlready,
            WarningText::CouldNotCheck { .. } => WarningKind::CouldNotCheck,
            WarningText::Stored { kind, .. } => *kind,
        }
    }
}

/// A warning as JSON: typed, or as saved before it was (`message` and `reason` in English,
/// action labels as words).
#[derive(Deserialize)]
#[serde(untagged)]
pub(super) enum WarningWire {
    Typed {
        text: WarningText,
        source: Source,
        #[serde(default)]
        reference: String,
        #[serde(default)]
        actions: Vec<WarningAction>,
    },
    Stored {
        kind: WarningKind,
        message: String,
        reason: String,
        source: Source,
        #[serde(default)]
        reference: String,
        #[serde(default)]
        actions: Vec<StoredAction>,
    },
}

/// A fix as saved before its label was typed.
#[derive(Deserialize)]
pub(super) struct StoredAction {
    label: String,
    change: Change,
}

impl From<WarningWire> for Warning {
    fn from(wire: WarningWire) -> Self {
        match wire {
            WarningWire::Typed {
                text,
                source,
                reference,
                actions,
            } => Warning {
                actions,
                ..Warning::new(text, source, &reference)
            },
            WarningWire::Stored {
                kind,
                message,
                reason,
                source,
                reference,
                actions,
            } => Warning {
                // The three fixes Lanyard ever offered, by their old English labels.
                actions: actions
                    .into_iter()
                    .filter_map(|a| {
                        let label = match a.label.as_str() {
                            "Create the organization's own login policy first, then link" => {
                                ActionLabel::OwnPolicyFirst
                            }
                            "Link to the instance's default policy instead" => {
                                ActionLabel::LinkToInstanceDefault
                            }
                            "Turn on external IdPs for this policy" => {
                                ActionLabel::TurnOnExternalIdps
                            }
                            _ => return None,
                        };
                        Some(WarningAction {
                            label,
                            change: a.change,
                        })
                    })
                    .collect(),
                ..Warning::new(
                    WarningText::Stored {
                        kind,
                        message,
                        reason,
                    },
                    source,
                    &reference,
                )
            },
        }
    }
}
