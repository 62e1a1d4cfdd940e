//! The app's sections and their order in the sidebar.

use crate::tr;

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

    /// The section's name in the UI's language (the products keep their own names).
    pub fn label(self) -> String {
        match self {
            Page::Auth0 => "Auth0".to_owned(),
            Page::Zitadel => "ZITADEL".to_owned(),
            Page::Hub => "Hub".to_owned(),
            Page::Inventory => tr!("page-inventory"),
            Page::Bulk => tr!("page-bulk"),
            Page::MakeLike => tr!("page-make-like"),
            Page::Compare => tr!("page-compare"),
            Page::Activity => tr!("page-activity"),
            Page::Profiles => tr!("page-profiles"),
        }
    }

    /// What the section is for, under its title.
    pub fn subtitle(self) -> String {
        match self {
            Page::Auth0 => tr!("page-auth0-subtitle"),
            Page::Zitadel => tr!("page-zitadel-subtitle"),
            Page::Hub => tr!("page-hub-subtitle"),
            Page::Inventory => tr!("page-inventory-subtitle"),
            Page::Bulk => tr!("page-bulk-subtitle"),
            Page::MakeLike => tr!("page-make-like-subtitle"),
            Page::Compare => tr!("page-compare-subtitle"),
            Page::Activity => tr!("page-activity-subtitle"),
            Page::Profiles => tr!("page-profiles-subtitle"),
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
