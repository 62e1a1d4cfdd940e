//! The app's sections and their order in the sidebar.

/// One section of the app, as listed in the sidebar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Page {
    Auth0,
    Zitadel,
    Hub,
    Inventory,
    Bulk,
    MakeLike,
    Compare,
    Activity,
    Profiles,
}

impl Page {
    /// Sidebar order: the three products, then the app's own pages.
    pub const ALL: [Page; 9] = [
        Page::Auth0,
        Page::Zitadel,
        Page::Hub,
        Page::Inventory,
        Page::Bulk,
        Page::MakeLike,
        Page::Compare,
        Page::Activity,
        Page::Profiles,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Page::Auth0 => "Auth0",
            Page::Zitadel => "ZITADEL",
            Page::Hub => "Hub",
            Page::Inventory => "Inventory",
            Page::Bulk => "Bulk changes",
            Page::MakeLike => "Make like",
            Page::Compare => "Compare",
            Page::Activity => "Activity",
            Page::Profiles => "Profiles",
        }
    }

    /// What the section is for, under its title.
    pub fn subtitle(self) -> &'static str {
        match self {
            Page::Auth0 => "Organizations and the connections enabled for them",
            Page::Zitadel => "Identity providers on the login policy",
            Page::Hub => "Auth modules and their auto-join groups",
            Page::Inventory => {
                "Every target's wiring, read once and kept fresh: questions across the whole tenant answered at once"
            }
            Page::Bulk => {
                "One change on many organizations, identity providers or auth modules, paced at the API's limit"
            }
            Page::MakeLike => {
                "Make organizations, login policies or auth modules wired like another one, planned per target"
            }
            Page::Compare => {
                "Two profiles of a product, or a snapshot file and a profile, matched by name; copy the differences"
            }
            Page::Activity => "Every change Lanyard made, newest first",
            Page::Profiles => "The tenants and instances Lanyard administers",
        }
    }

    /// The product a section administers.
    pub fn product(self) -> Option<lanyard_model::profile::Product> {
        use lanyard_model::profile::Product;
        match self {
            Page::Auth0 => Some(Product::Auth0),
            Page::Zitadel => Some(Product::Zitadel),
            Page::Hub => Some(Product::Hub),
            Page::Inventory
            | Page::Bulk
            | Page::MakeLike
            | Page::Compare
            | Page::Activity
            | Page::Profiles => None,
        }
    }

    /// Stable id for tests and accessibility hooks.
    pub fn slug(self) -> &'static str {
        match self {
            Page::Auth0 => "auth0",
            Page::Zitadel => "zitadel",
            Page::Hub => "hub",
            Page::Inventory => "inventory",
            Page::Bulk => "bulk",
            Page::MakeLike => "make-like",
            Page::Compare => "compare",
            Page::Activity => "activity",
            Page::Profiles => "profiles",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_unique_and_lowercase() {
        let mut seen = std::collections::HashSet::new();
        for page in Page::ALL {
            assert!(seen.insert(page.slug()), "duplicate slug {}", page.slug());
            assert_eq!(page.slug(), page.slug().to_lowercase());
        }
    }
}
