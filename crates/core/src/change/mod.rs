//! One change to one target, done the same way for a single change and for every item of a bulk
//! run: the target's state read live, the preview, the production guard, the write (with the
//! change that reverses it) and the audit entry. `console` and `bulk` use it; it uses neither.

mod apply;
mod audit;
mod own_policy;
mod read;
mod request;
mod target;
#[cfg(test)]
mod tests;
mod through;

use lanyard_model::profile::Environment;
use lanyard_model::{Change, Profile};

use crate::error::CoreError;

pub(crate) use apply::apply;
pub(crate) use audit::{entry, left_alone, log};
pub(crate) use own_policy::step as own_policy_step;
pub(crate) use read::{current_state, preview};
pub(crate) use target::{Target, target};

/// The model's rules for the change; nothing is read or sent when one fails.
pub(crate) fn check(change: &Change) -> Result<(), CoreError> {
    let errors = change.validate();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(CoreError::Invalid(errors))
    }
}

/// The production guard: a change that takes something away from a production profile's
/// tenant needs the tenant's host name typed.
pub(crate) fn guard(
    profile: &Profile,
    change: &Change,
    typed: Option<&str>,
) -> Result<(), CoreError> {
    if change.is_destructive() && profile.environment == Environment::Production {
        let expected = profile.confirmation_name();
        if typed.map(str::trim) != Some(expected.as_str()) {
            return Err(CoreError::Confirm { expected });
        }
    }
    Ok(())
}
