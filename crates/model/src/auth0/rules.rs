//! The rules Auth0 enforces on an organization's connection options (API-NOTES 1.2), checked
//! before anything is sent, each with words a help-desk person understands.

use super::{EnableConnection, Settings, StrategyKind, UpdateConnection, strategy_kind};
use crate::ids::ConnectionId;
use crate::validation::{FieldProblem, Validation};

const NAME_MAX: usize = 50;

/// What is wrong with an organization connection name, if anything.
pub fn name_problem(name: &str) -> Option<FieldProblem> {
    let len = name.chars().count();
    if len == 0 {
        return Some(FieldProblem::ConnectionNameEmpty);
    }
    if len > NAME_MAX {
        return Some(FieldProblem::TooLong { len, max: NAME_MAX });
    }
    if name.contains('\0') {
        return Some(FieldProblem::ConnectionNameNul);
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
        v.errors.add("update", FieldProblem::NothingToChange);
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
                FieldProblem::SignupNotDatabase { kind },
            );
        }
        if !s.assign_membership_on_login {
            v.errors
                .add("is_signup_enabled", FieldProblem::SignupNeedsMembership);
        }
    } else if touched.signup && kind.is_some_and(|k| k != StrategyKind::Database) {
        v.warnings
            .add("is_signup_enabled", FieldProblem::SignupIgnored);
    }
    if touched.show_as_button
        && let Some(kind) = kind.filter(|k| *k != StrategyKind::Enterprise)
    {
        v.warnings
            .add("show_as_button", FieldProblem::ButtonIgnored { kind });
    }
    if s.organization_access_level != super::AccessLevel::None
        && s.organization_connection_name.is_none()
    {
        v.errors
            .add("organization_access_level", FieldProblem::AccessNeedsName);
    }
}
