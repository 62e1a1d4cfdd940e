//! A request Lanyard refuses before it sends or reads anything, because it does not fit: the
//! profile picked is for another product than the one asked about, or the question could only
//! mislead. Typed, so the UI words it in the user's language; `Display` is the English sentence.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::change::Label;
use crate::lookup::PickerKind;
use crate::product::Product;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "unfit", rename_all = "snake_case")]
pub enum Unfit {
    /// The profile named `profile` is for `product`, and what was `asked` needs one for `needs`.
    OtherProduct {
        profile: String,
        product: Product,
        needs: Product,
        asked: Asked,
    },
    /// The profile picked is not for `needs`, which the change is for.
    NotOfProduct { needs: Product },
    /// An inventory question with options on a connection the organizations lack.
    OptionsWithLacks,
    /// A link to the organization `target`, which follows the instance's default login policy,
    /// without the choice of creating its own first: not sent.
    LinkOnDefaultPolicy { target: Label },
}

/// What was asked of a profile of another product.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "asked", rename_all = "snake_case")]
pub enum Asked {
    /// A question about the product's targets.
    Question,
    /// A picker's search.
    Picker,
    ConnectionList,
    AuthModuleList,
    IdpList,
    /// A pasted list of targets of `kind`.
    TargetList {
        kind: PickerKind,
    },
    /// A bulk change of the product.
    BulkChange,
}

impl Asked {
    /// Every thing asked, for the tests that word each one.
    pub const ALL: [Asked; 12] = [
        Asked::Question,
        Asked::Picker,
        Asked::ConnectionList,
        Asked::AuthModuleList,
        Asked::IdpList,
        Asked::TargetList {
            kind: PickerKind::Auth0Organization,
        },
        Asked::TargetList {
            kind: PickerKind::Auth0Connection,
        },
        Asked::TargetList {
            kind: PickerKind::ZitadelOrganization,
        },
        Asked::TargetList {
            kind: PickerKind::ZitadelIdp,
        },
        Asked::TargetList {
            kind: PickerKind::HubAuthModule,
        },
        Asked::TargetList {
            kind: PickerKind::HubGroup,
        },
        Asked::BulkChange,
    ];

    /// What was asked, in English, for a profile of `needs`.
    fn words(self, needs: Product) -> String {
        match self {
            Asked::Question => match needs {
                Product::Auth0 => "Auth0 organizations",
                Product::Zitadel => "ZITADEL login policies",
                Product::Hub => "JetBrains Hub auth modules",
            }
            .to_owned(),
            Asked::Picker => "this picker".to_owned(),
            Asked::ConnectionList => "the connection list".to_owned(),
            Asked::AuthModuleList => "the auth module list".to_owned(),
            Asked::IdpList => "the IdP list".to_owned(),
            Asked::TargetList { kind } => format!("a list of {}", kind.plural()),
            Asked::BulkChange => "this bulk change".to_owned(),
        }
    }
}

impl fmt::Display for Unfit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unfit::OtherProduct {
                profile,
                product,
                needs,
                asked,
            } => write!(
                f,
                "Profile \u{201c}{profile}\u{201d} is for {}, and {} needs {}; pick a profile for {} in the profile switcher",
                product.label(),
                asked.words(*needs),
                needs.label(),
                needs.label()
            ),
            Unfit::NotOfProduct { needs } => {
                let a = if *needs == Product::Auth0 { "an" } else { "a" };
                write!(
                    f,
                    "This profile is not {a} {needs} profile; pick {a} {needs} profile"
                )
            }
            Unfit::LinkOnDefaultPolicy { target } => write!(
                f,
                "{target} follows the instance's default login policy and has none of its own, so the link was not sent. Preview it again and choose: create the organization's own policy first, or link to the instance default instead."
            ),
            Unfit::OptionsWithLacks => f.write_str(
                "Options narrow the organizations that have the connection; to ask which lack it, leave the options at \u{201c}any\u{201d}",
            ),
        }
    }
}
