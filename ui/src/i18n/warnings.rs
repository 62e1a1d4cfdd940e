//! A preview's warning in the UI's language: the model gives the check and the names it is
//! about ([`WarningText`]); the message and its reason are worded here from the catalogue. A
//! read that failed is said as the error it was ([`error_text`]); a warning saved before
//! warnings were typed is shown as it was stored (English).

use lanyard_model::{
    ActionLabel, CheckCause, Source, Unchecked, Warning, WarningKind, WarningText,
};

use super::changes::label;
use super::error_text;
use crate::tr;

/// The callout's heading: what the check is about, in a few words.
pub fn kind_title(kind: WarningKind) -> String {
    match kind {
        WarningKind::ConnectionWithoutApplication => tr!("warn-connection-without-app"),
        WarningKind::ConnectionWithoutOrganizationApplication => {
            tr!("warn-connection-without-org-app")
        }
        WarningKind::NoVisibleConnection => tr!("warn-no-visible-connection"),
        WarningKind::SignupRefused => tr!("warn-signup-refused"),
        WarningKind::NoApplicationGranted => tr!("warn-no-app-granted"),
        WarningKind::OrganizationUsesDefaultPolicy => tr!("warn-org-default-policy"),
        WarningKind::ExternalIdpsNotAllowed => tr!("warn-external-idps-off"),
        WarningKind::UnlinkKeepsUserLinks => tr!("warn-unlink-loses-access"),
        WarningKind::ModuleCreatesNoUsers => tr!("warn-module-no-users"),
        WarningKind::GroupAutoJoinsAlready => tr!("warn-group-auto-joins"),
        WarningKind::CouldNotCheck => tr!("warn-could-not-check"),
    }
}

/// What the warning means for people signing in; an inferred one says that Lanyard infers it.
pub fn warning_message(w: &Warning) -> String {
    let message = match &w.text {
        WarningText::ConnectionWithoutApplication { connection } => {
            tr!(
                "warn-msg-connection-without-app",
                connection = label(connection)
            )
        }
        WarningText::ConnectionWithoutOrganizationApplication {
            connection,
            applications,
        } if applications.is_empty() => tr!(
            "warn-msg-connection-without-org-app-unread",
            connection = label(connection)
        ),
        WarningText::ConnectionWithoutOrganizationApplication {
            connection,
            applications,
        } => tr!(
            "warn-msg-connection-without-org-app",
            connection = label(connection),
            applications = applications.join(", ")
        ),
        WarningText::NoVisibleConnection { auth0_says } => tr!(
            "warn-msg-no-visible-connection",
            said = tr!("err-server-said", text = auth0_says.clone())
        ),
        WarningText::SignupRefused {
            connection,
            database: true,
        } => tr!(
            "warn-msg-signup-refused-membership",
            connection = label(connection)
        ),
        WarningText::SignupRefused { connection, .. } => tr!(
            "warn-msg-signup-refused-not-database",
            connection = label(connection)
        ),
        WarningText::NoApplicationGranted => tr!("warn-msg-no-app-granted"),
        WarningText::OwnPolicyFirst { organization } => tr!(
            "warn-msg-own-policy-first",
            organization = label(organization)
        ),
        WarningText::ChooseOwnPolicyOrDefault {
            organization,
            provider,
        } => tr!(
            "warn-msg-choose-policy",
            organization = label(organization),
            provider = label(provider)
        ),
        WarningText::ProviderWithoutButton {
            policy_of,
            provider,
        } => tr!(
            "warn-msg-provider-without-button",
            policy_of = label(policy_of),
            provider = label(provider)
        ),
        WarningText::ExternalIdpsTurnedOff { policy_of } => tr!(
            "warn-msg-external-idps-turned-off",
            policy_of = label(policy_of)
        ),
        WarningText::UnlinkKeepsUserLinks { provider } => {
            tr!("warn-msg-unlink", provider = label(provider))
        }
        WarningText::ModuleCreatesNoUsers {
            group,
            module,
            disabled: true,
        } => tr!(
            "warn-msg-module-disabled",
            group = label(group),
            module = label(module)
        ),
        WarningText::ModuleCreatesNoUsers { group, module, .. } => tr!(
            "warn-msg-module-no-users",
            group = label(group),
            module = label(module)
        ),
        WarningText::GroupAutoJoinsAlready {
            group,
            domain: Some(domain),
        } => tr!(
            "warn-msg-group-auto-joins-domain",
            group = label(group),
            domain = domain.clone()
        ),
        WarningText::GroupAutoJoinsAlready { group, .. } => {
            tr!("warn-msg-group-auto-joins", group = label(group))
        }
        WarningText::CouldNotCheck { what, .. } => {
            tr!("warn-msg-could-not-check", what = unchecked(what))
        }
        WarningText::Stored { message, .. } => return message.clone(),
    };
    if w.source == Source::Inferred && !w.is_could_not_check() {
        format!("{message}{}", tr!("warn-msg-inferred"))
    } else {
        message
    }
}

/// Why: the setting or fact behind the warning, or the error of the read that failed.
pub fn warning_reason(w: &Warning) -> String {
    match &w.text {
        WarningText::ConnectionWithoutApplication { .. } => tr!("warn-why-connection-without-app"),
        WarningText::ConnectionWithoutOrganizationApplication { .. } => {
            tr!("warn-why-connection-without-org-app")
        }
        WarningText::NoVisibleConnection { .. } => tr!("warn-why-no-visible-connection"),
        WarningText::SignupRefused { .. } => tr!("warn-why-signup-refused"),
        WarningText::NoApplicationGranted => tr!("warn-why-no-app-granted"),
        WarningText::OwnPolicyFirst { .. } => tr!("warn-why-own-policy-first"),
        WarningText::ChooseOwnPolicyOrDefault { .. } => tr!("warn-why-choose-policy"),
        WarningText::ProviderWithoutButton { .. } => tr!("warn-why-provider-without-button"),
        WarningText::ExternalIdpsTurnedOff { .. } => tr!("warn-why-external-idps-turned-off"),
        WarningText::UnlinkKeepsUserLinks { .. } => tr!("warn-why-unlink"),
        WarningText::ModuleCreatesNoUsers { disabled: true, .. } => {
            tr!("warn-why-module-disabled")
        }
        WarningText::ModuleCreatesNoUsers { .. } => tr!("warn-why-module-no-users"),
        WarningText::GroupAutoJoinsAlready { .. } => tr!("warn-why-group-auto-joins"),
        WarningText::CouldNotCheck {
            cause: CheckCause::Read { error },
            ..
        } => error_text(error),
        WarningText::CouldNotCheck {
            cause: CheckCause::ConnectionKindUnknown,
            ..
        } => tr!("warn-why-connection-kind-unknown"),
        WarningText::Stored { reason, .. } => reason.clone(),
    }
}

/// A fix's button.
pub fn action_label(label: ActionLabel) -> String {
    match label {
        ActionLabel::OwnPolicyFirst => tr!("warn-action-own-policy-first"),
        ActionLabel::LinkToInstanceDefault => tr!("warn-action-link-to-default"),
        ActionLabel::TurnOnExternalIdps => tr!("warn-action-turn-on-external-idps"),
    }
}

/// What a check that could not be made wanted to know.
fn unchecked(what: &Unchecked) -> String {
    match what {
        Unchecked::ConnectionApplications { connection } => {
            tr!(
                "warn-unchecked-connection-apps",
                connection = label(connection)
            )
        }
        Unchecked::ApplicationsAllowOrganizations { connection } => tr!(
            "warn-unchecked-apps-allow-orgs",
            connection = label(connection)
        ),
        Unchecked::MembersRestricted => tr!("warn-unchecked-members-restricted"),
        Unchecked::GrantedApplications => tr!("warn-unchecked-granted-apps"),
        Unchecked::VisibleConnection => tr!("warn-unchecked-visible-connection"),
        Unchecked::LoginPolicy => tr!("warn-unchecked-login-policy"),
        Unchecked::ModuleCreatesUsers => tr!("warn-unchecked-module-creates-users"),
        Unchecked::GroupAutoJoin => tr!("warn-unchecked-group-auto-join"),
    }
}
