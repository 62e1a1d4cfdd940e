//! What to know about one side of a compare, typed (the UI words it; `Display` is the English).
//! A compare is made afresh each time, so there is no stored text to read back.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::product::{Product, words};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "note", rename_all = "snake_case")]
pub enum SideNote {
    /// Targets the inventory knows but has not read yet are left out of the compare.
    NotYetRead {
        targets: usize,
        product: Product,
        profile: String,
    },
    /// A snapshot file: the profile it was exported from and when, as far as it says.
    Exported {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        from: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        at: Option<String>,
    },
}

impl fmt::Display for SideNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SideNote::NotYetRead {
                targets,
                product,
                profile,
            } => write!(
                f,
                "{targets} {} not read yet are left out; crawl {profile} from the Inventory page to include them",
                words(*product).0
            ),
            SideNote::Exported { from, at } => {
                f.write_str("Exported")?;
                if let Some(from) = from {
                    write!(f, " from {from}")?;
                }
                if let Some(at) = at {
                    write!(f, " at {at}")?;
                }
                Ok(())
            }
        }
    }
}
