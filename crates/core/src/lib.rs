//! Lanyard's application layer between the commands and the HTTP clients. It knows nothing of
//! Tauri, so tests, benchmarks and other front ends use it as it is.

pub mod audit;
pub mod config_file;
pub mod error;
pub mod secrets;

pub use error::CoreError;
