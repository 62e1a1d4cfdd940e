//! A `CommandError` in the UI's language.

use lanyard_model::CommandError;

/// What went wrong and what to do, for the user.
pub fn error_text(err: &CommandError) -> String {
    err.to_string()
}
