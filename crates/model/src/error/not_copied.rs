//! Why "Copy to the right" cannot make a row of a compare, and the rows a copy refused, typed:
//! the compare table and the copy's refusal word them in the UI's language; `Display` is the
//! English. A compare is answered to the window and never stored, so nothing older is read.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::product::{Product, words};

/// Why a row of a compare cannot be copied to the right-hand profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "why", rename_all = "snake_case")]
pub enum NotCopyable {
    /// The item is wired the same on both sides.
    AlreadySame,
    /// The right-hand tenant has no item (of `product`'s kind) named `name`.
    NoneNamed { product: Product, name: String },
    /// The right-hand tenant has `count` items named `name`: which one is meant is not known.
    SeveralNamed {
        product: Product,
        name: String,
        count: usize,
    },
}

/// A row picked for a copy that could not be planned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "row", rename_all = "snake_case")]
pub enum RowNotCopied {
    /// The row is not in the compare any more (the sides changed since it was shown).
    Gone { target: String, item: String },
    /// The row cannot be copied: why.
    Cannot {
        target: String,
        item: String,
        why: NotCopyable,
    },
}

/// One item of `product`, in English ("connection", "identity provider", "group").
fn item_word(product: Product) -> &'static str {
    let plural = words(product).1;
    plural.strip_suffix('s').unwrap_or(plural)
}

impl fmt::Display for NotCopyable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotCopyable::AlreadySame => f.write_str("Already the same on both sides"),
            NotCopyable::NoneNamed { product, name } => write!(
                f,
                "The right-hand tenant has no {} named \u{201c}{name}\u{201d}",
                item_word(*product)
            ),
            NotCopyable::SeveralNamed {
                product,
                name,
                count,
            } => write!(
                f,
                "The right-hand tenant has {count} {} named \u{201c}{name}\u{201d}",
                words(*product).1
            ),
        }
    }
}

impl fmt::Display for RowNotCopied {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RowNotCopied::Gone { target, item } => write!(
                f,
                "{target} · {item}: not in the compare any more; compare again"
            ),
            RowNotCopied::Cannot { target, item, why } => write!(f, "{target} · {item}: {why}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::StateChange;

    #[test]
    fn a_refused_copy_names_its_rows_in_the_english_of_before() {
        let refused = StateChange::NotCopied {
            rows: vec![
                RowNotCopied::Gone {
                    target: "acme".into(),
                    item: "github".into(),
                },
                RowNotCopied::Cannot {
                    target: "globex".into(),
                    item: "okta".into(),
                    why: NotCopyable::NoneNamed {
                        product: Product::Zitadel,
                        name: "okta".into(),
                    },
                },
                RowNotCopied::Cannot {
                    target: "globex".into(),
                    item: "google".into(),
                    why: NotCopyable::SeveralNamed {
                        product: Product::Auth0,
                        name: "google".into(),
                        count: 2,
                    },
                },
            ],
            more: 3,
        };
        assert_eq!(
            refused.to_string(),
            "Nothing was planned: acme · github: not in the compare any more; compare again; \
             globex · okta: The right-hand tenant has no identity provider named \u{201c}okta\u{201d}; \
             globex · google: The right-hand tenant has 2 connections named \u{201c}google\u{201d}; \
             and 3 more"
        );
        let text = serde_json::to_string(&refused).unwrap();
        assert_eq!(serde_json::from_str::<StateChange>(&text).unwrap(), refused);
    }
}
