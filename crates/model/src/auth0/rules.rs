//! The rules Auth0 enforces on an organization's connection options (API-NOTES 1.2), checked
//! before anything is sent, each with words a help-desk person understands.

use super::{EnableConnection, Settings, StrategyKind, UpdateConnection, strategy_kind};
use crate::ids::ConnectionId;
use crate::validation::Validation;

const NAME_MAX: usize = 50;

/// What is wrong with an organization connection name, if anything.
pub fn name_problem(name: &str) -> Option<String> {
    let len = name.chars().count();
    if len == 0 {
        return Some(
            "cannot be empty; leave the field blank to have no organization-specific name"
                .to_owned(),
        );
    }
    if len > NAME_MAX {
        return Some(format!(
            "is {len} characters long; the most allowed is {NAME_MAX}"
        ));
    }
    if name.contains('\0') {
        return Some("contains a NUL character, which Auth0 does not accept".to_owned());
    }
    None
}

/// Checks a new enablement; `strategy` is the connection's, when known (the picker knows it).
pub fn check_enable(request: &EnableConnection, strategy: Option<&str>) -> Validation {
    let mut v = Validation::default();
    if let Err(e) = ConnectionId::parse(request.connection_id.as_str()) {
        v.errors.add("connection_id", e.problem);
    }
    check_settings(
        &request.effective(),
        strategy,
        Touched::from_enable(request),
        &mut v,
    );
    v
}

/// Checks an update against the current options it changes.
pub fn check_update(
    update: &UpdateConnection,
    current: &Settings,
    strategy: Option<&str>,
) -> Validation {
    let mut v = Validation::default();
    if update.is_empty() {
        v.errors.add(
            "update",
            "nothing to change: every option already has this value",
        );
        return v;
    }
    check_settings(
        &update.apply_to(current),
        strategy,
        Touched::from_update(update),
        &mut v,
    );
    v
}

/// Which options the user set explicitly (warnings are only about those).
struct Touched {
    name: bool,
    show_as_button: bool,
    signup: bool,
}

impl Touched {
    fn from_enable(r: &EnableConnection) -> Self {
        Self {
            name: r.organization_connection_name.is_some(),
            show_as_button: r.show_as_button.is_some(),
            signup: r.is_signup_enabled.is_some(),
        }
    }
    fn from_update(u: &UpdateConnection) -> Self {
        Self {
            name: matches!(u.organization_connection_name, super::Patch::Set(_)),
            show_as_button: u.show_as_button.is_some(),
            signup: u.is_signup_enabled.is_some(),
        }
    }
}

fn check_settings(s: &Settings, strategy: Option<&str>, touched: Touched, v: &mut Validation) {
    let kind = strategy.map(strategy_kind);
    if touched.name
        && let Some(problem) = s
            .organization_connection_name
            .as_deref()
            .and_then(name_problem)
    {
        v.errors.add("organization_connection_name", problem);
    }
    if s.is_signup_enabled {
        if let Some(kind) = kind.filter(|k| *k != StrategyKind::Database) {
            v.errors.add(
                "is_signup_enabled",
                format!(
                    "sign-up is only available for database connections; this is a {} connection",
                    kind.label()
                ),
            );
        }
        if !s.assign_membership_on_login {
            v.errors.add(
                "is_signup_enabled",
                "sign-up needs \u{201c}assign membership on login\u{201d} turned on: Auth0 only lets people sign up when they become members as they log in",
            );
        }
    } else if touched.signup && kind.is_some_and(|k| k != StrategyKind::Database) {
        v.warnings.add(
            "is_signup_enabled",
            "applies to database connections only; Auth0 ignores it here",
        );
    }
    if touched.show_as_button
        && let Some(kind) = kind.filter(|k| *k != StrategyKind::Enterprise)
    {
        v.warnings.add(
            "show_as_button",
            format!(
                "only applies to enterprise connections; Auth0 ignores it for this {} connection",
                kind.label()
            ),
        );
    }
    if s.organization_access_level != super::AccessLevel::None
        && s.organization_connection_name.is_none()
    {
        v.errors.add(
            "organization_access_level",
            "give the connection an organization connection name first: Auth0 needs one before organization admins get any access",
        );
    }
}
