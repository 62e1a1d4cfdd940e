//! What was not found: a profile of Lanyard's own, or whatever a product's server answered 404
//! for. Typed so the UI words it; serialized as the English word it was before (`"Profile"`,
//! `"Auth0"`), so stored errors load unchanged.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::product::Product;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum Missing {
    /// A profile Lanyard keeps (its id is the error's `id`).
    Profile,
    /// The product's server answered 404 (not found).
    Product(Product),
    /// A word saved before this was typed, and not one of the above: shown as stored.
    Stored(String),
}

impl From<String> for Missing {
    fn from(word: String) -> Missing {
        if word == "Profile" {
            return Missing::Profile;
        }
        match Product::ALL.into_iter().find(|p| p.name() == word) {
            Some(product) => Missing::Product(product),
            None => Missing::Stored(word),
        }
    }
}

impl From<Missing> for String {
    fn from(missing: Missing) -> String {
        missing.to_string()
    }
}

impl fmt::Display for Missing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Missing::Profile => f.write_str("Profile"),
            Missing::Product(product) => f.write_str(product.name()),
            Missing::Stored(word) => f.write_str(word),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_is_stored_as_the_word_it_was_and_the_old_words_load_typed() {
        for (missing, word) in [
            (Missing::Profile, "Profile"),
            (Missing::Product(Product::Zitadel), "ZITADEL"),
            (Missing::Stored("Organization".into()), "Organization"),
        ] {
            let text = serde_json::to_string(&missing).unwrap();
            assert_eq!(text, format!("\"{word}\""));
            assert_eq!(serde_json::from_str::<Missing>(&text).unwrap(), missing);
        }
    }
}
