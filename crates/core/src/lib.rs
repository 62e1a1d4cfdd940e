//! Lanyard's application layer between the commands and the HTTP clients. It knows nothing of
//! Tauri, so tests, benchmarks and other front ends use it as it is.

pub mod audit;
pub mod builtin;
pub mod bulk;
pub(crate) mod change;
pub(crate) mod checks;
pub mod client;
pub mod compare;
pub mod config_file;
pub mod console;
pub mod crawl;
pub mod error;
pub mod history;
pub mod instance;
pub mod profiles;
pub mod secrets;
pub mod stock;
pub(crate) mod target_list;

pub use client::Client;
pub use console::{Console, Paths};
pub use error::CoreError;
pub use stock::Stock;
