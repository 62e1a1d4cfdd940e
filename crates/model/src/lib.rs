//! lanyard-model
pub mod error;
pub use error::CommandError;
