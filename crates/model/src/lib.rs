//! Lanyard's model of the three products: ids that cannot hold an invalid value, the requests
//! the console sends, the replies it accepts, and the one error type that crosses IPC.
//!
//! No I/O: the same rules run in the UI (wasm, for instant field errors) and in the commands
//! (native, authoritative).

pub mod app;
pub mod applied;
pub mod audit;
pub mod auth0;
pub mod bulk;
pub mod catalogue;
pub mod change;
pub mod compare;
pub mod crawl;
pub mod crawl_stop;
pub mod download;
pub mod english;
pub mod error;
pub mod history;
pub mod hub;
pub mod ids;
pub mod inventory;
pub mod inventory_problem;
pub mod ipc;
pub mod lenient;
pub mod lookup;
pub mod product;
pub mod profile;
pub mod run_state;
pub mod state;
pub mod strategy;
pub mod test_report;
pub mod update;
pub mod validation;
pub mod warning;
pub mod zitadel;

pub use app::AppInfo;
pub use applied::Applied;
pub use change::{Change, HttpMethod, HttpRequest, Label, Labels, Plan};
pub use error::CommandError;
pub use ids::IdError;
pub use product::Product;
pub use profile::{Environment, Profile, ProfileDraft};
pub use state::TargetState;
pub use test_report::TestReport;
pub use validation::{FieldErrors, FieldProblem, Validation};
pub use warning::{
    ActionLabel, CheckCause, Source, Unchecked, Warning, WarningAction, WarningKind, WarningText,
};
