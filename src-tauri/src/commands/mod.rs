//! The commands the webview may call; each is a few lines into `lanyard_core::Console`.
//! Input is parsed again with `lanyard_model` here: the webview is not trusted.

pub mod activity;
pub mod app;
pub mod auth0;
pub mod bulk;
pub mod changes;
pub mod hub;
pub mod profiles;
pub mod zitadel;

use lanyard_model::{CommandError, FieldErrors, IdError};

/// An id the UI sent that breaks the model's rules, as a field error.
pub(crate) fn bad_id(err: IdError) -> CommandError {
    let mut fields = FieldErrors::new();
    fields.add(&err.field, err.problem);
    CommandError::validation(fields)
}

/// A JSON argument that does not have the expected shape.
pub(crate) fn bad_argument(name: &str, err: serde_json::Error) -> CommandError {
    let mut fields = FieldErrors::new();
    fields.add(name, err.to_string());
    CommandError::validation(fields)
}
