//! A command's arguments: the invoke body read into its `lanyard_model::ipc` struct and checked
//! with the model's rules before the command runs. The webview is not trusted: a body that does
//! not fit is a validation error naming the field, never a panic.

use lanyard_model::error::ConfigProblem;
use lanyard_model::ipc::{Arguments, Command};
use lanyard_model::{CommandError, FieldErrors, FieldProblem};
use tauri::ipc::{CommandArg, CommandItem, InvokeBody, InvokeError};

/// The arguments of command `C`, read and checked; take them with `args.0`.
#[derive(Debug)]
pub struct Args<C: Command>(pub C::Args);

impl<'de, R: tauri::Runtime, C: Command> CommandArg<'de, R> for Args<C> {
    fn from_command(command: CommandItem<'de, R>) -> Result<Self, InvokeError> {
        read::<C>(command.name, command.message.payload())
            .map(Args)
            .map_err(InvokeError::from)
    }
}

/// Reads the body of a call routed to `routed_as` as the arguments of `C`.
pub fn read<C: Command>(routed_as: &str, body: &InvokeBody) -> Result<C::Args, CommandError> {
    if routed_as != C::NAME {
        // A handler function that takes another command's arguments: a slip in this crate,
        // which the contract test catches; said, not panicked on.
        return Err(CommandError::Configuration {
            problem: ConfigProblem::BrokenBuild {
                routed_as: routed_as.to_owned(),
                reads: C::NAME.to_owned(),
            },
        });
    }
    let value;
    let json = match body {
        InvokeBody::Json(json) => json,
        InvokeBody::Raw(bytes) => {
            value = serde_json::from_slice(bytes).map_err(|err| {
                field_error(
                    "arguments",
                    FieldProblem::ArgumentsNotJson {
                        detail: err.to_string(),
                    },
                )
            })?;
            &value
        }
    };
    if !json.is_object() {
        return Err(field_error("arguments", FieldProblem::ArgumentsNotObject));
    }
    let args: C::Args = serde_path_to_error::deserialize(json).map_err(|err| {
        let path = err.path().to_string();
        let field = if path == "." { "arguments" } else { &path };
        field_error(
            field,
            FieldProblem::ArgumentUnreadable {
                detail: err.inner().to_string(),
            },
        )
    })?;
    let errors = args.check();
    if errors.is_empty() {
        Ok(args)
    } else {
        Err(CommandError::validation(errors))
    }
}

fn field_error(field: &str, problem: FieldProblem) -> CommandError {
    let mut fields = FieldErrors::new();
    fields.add(field, problem);
    CommandError::validation(fields)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use lanyard_model::ipc;

    fn fields(err: CommandError) -> FieldErrors {
        err.field_errors().cloned().unwrap()
    }

    #[test]
    fn a_body_that_does_not_fit_names_the_field() {
        let body = InvokeBody::Json(serde_json::json!({"profile_id": 3, "text": "a"}));
        let err = read::<ipc::HubSearchGroups>("hub_search_groups", &body).unwrap_err();
        assert!(!fields(err).get("profile_id").is_empty());

        let body = InvokeBody::Json(serde_json::json!({"run_id": "r", "action": "explode"}));
        let err = read::<ipc::BulkControl>("bulk_control", &body).unwrap_err();
        assert!(fields(err).get("action")[0].to_string().contains("explode"));

        let body = InvokeBody::Json(serde_json::json!([1, 2]));
        let err = read::<ipc::ProfileTest>("profile_test", &body).unwrap_err();
        assert!(!fields(err).get("arguments").is_empty());

        let body = InvokeBody::Raw(b"{not json".to_vec());
        let err = read::<ipc::BulkRuns>("bulk_runs", &body).unwrap_err();
        assert!(
            fields(err).get("arguments")[0]
                .to_string()
                .contains("not JSON")
        );
    }

    #[test]
    fn raw_json_reads_like_json_and_a_misrouted_call_is_refused() {
        let body = InvokeBody::Raw(br#"{"run_id": "run-1"}"#.to_vec());
        let args = read::<ipc::BulkView>("bulk_view", &body).unwrap();
        assert_eq!(args.run_id, "run-1");
        let err = read::<ipc::BulkView>("bulk_undo", &body).unwrap_err();
        assert!(matches!(err, CommandError::Configuration { .. }), "{err:?}");
    }
}
