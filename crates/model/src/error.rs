//! Placeholder until the model's CommandError lands (lead's scaffold; replace freely).

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, thiserror::Error)]
#[serde(tag = "kind")]
pub enum CommandError {
    #[error("{message}")]
    Configuration { message: String },
}
