//! What a change's target or item is called: the product's own name, or, where the console
//! names it itself, a typed value the UI words in the user's language (`Display` is English).

use std::fmt;

use serde::{Deserialize, Serialize};

/// The kind of thing a change adds or removes, to say what an id alone stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemNoun {
    Connection,
    IdentityProvider,
    Group,
}

impl ItemNoun {
    /// The noun in English ("identity provider").
    pub fn english(self) -> &'static str {
        match self {
            ItemNoun::Connection => "connection",
            ItemNoun::IdentityProvider => "identity provider",
            ItemNoun::Group => "group",
        }
    }
}

/// What the console itself calls a thing that has no name of its own in the product.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsoleName {
    /// ZITADEL's instance (its default login policy), as a target.
    TheInstance,
    /// The login policy's "allow external identity providers" setting, as an item.
    ExternalIdps,
    /// An organization's own login policy (ZITADEL), as the item of the step that creates it.
    OwnLoginPolicy,
}

/// A change's target or item as messages show it. Serialized as the plain name when it has
/// one (as every label was before), so stored journals and audit entries load unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Label {
    /// The product's own name for it.
    Name(String),
    /// Known only by its id (no name, or the name is the id).
    Unnamed { noun: ItemNoun, id: String },
    /// Something the console names itself.
    Console { console: ConsoleName },
}

impl Label {
    /// The one rule naming what a change adds or removes, for the single change, a bulk run
    /// and a planned run alike: its name, or, when no name is known (none, blank, or only its
    /// id), the id with what kind of thing it is.
    pub fn item(noun: ItemNoun, name: Option<&str>, id: &str) -> Label {
        match name.map(str::trim).filter(|n| !n.is_empty() && *n != id) {
            Some(name) => Label::Name(name.to_owned()),
            None => Label::Unnamed {
                noun,
                id: id.to_owned(),
            },
        }
    }

    /// True for a blank name (a label left empty by the interface).
    pub fn is_empty(&self) -> bool {
        matches!(self, Label::Name(n) if n.trim().is_empty())
    }
}

impl Default for Label {
    fn default() -> Label {
        Label::Name(String::new())
    }
}

impl From<&str> for Label {
    fn from(name: &str) -> Label {
        Label::Name(name.to_owned())
    }
}

impl From<String> for Label {
    fn from(name: String) -> Label {
        Label::Name(name)
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Label::Name(name) => f.write_str(name),
            Label::Unnamed { noun, id } => write!(f, "{} {id} (name not known)", noun.english()),
            Label::Console {
                console: ConsoleName::TheInstance,
            } => f.write_str("the instance"),
            Label::Console {
                console: ConsoleName::ExternalIdps,
            } => f.write_str("external identity providers"),
            Label::Console {
                console: ConsoleName::OwnLoginPolicy,
            } => f.write_str("its own login policy"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_stored_as_the_plain_string_and_old_strings_load() {
        let name = Label::from("Acme SSO");
        assert_eq!(serde_json::to_string(&name).unwrap(), r#""Acme SSO""#);
        let old: Label = serde_json::from_str(r#""connection con_1 (name not known)""#).unwrap();
        assert_eq!(old, Label::from("connection con_1 (name not known)"));
        for label in [
            Label::item(ItemNoun::Group, None, "g1"),
            Label::Console {
                console: ConsoleName::TheInstance,
            },
        ] {
            let text = serde_json::to_string(&label).unwrap();
            assert_eq!(serde_json::from_str::<Label>(&text).unwrap(), label);
        }
    }

    #[test]
    fn an_item_known_only_by_its_id_is_unnamed() {
        for name in [None, Some(""), Some("  "), Some("con_1")] {
            let label = Label::item(ItemNoun::Connection, name, "con_1");
            assert!(matches!(label, Label::Unnamed { .. }), "{name:?}");
            assert_eq!(label.to_string(), "connection con_1 (name not known)");
        }
        assert_eq!(
            Label::item(ItemNoun::Connection, Some(" github "), "con_1"),
            Label::from("github")
        );
    }
}
