//! The three products Lanyard administers: a profile's product, and the product an HTTP client
//! and its errors speak for (`lanyard-providers` uses this same type).

use std::fmt;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Product {
    Auth0,
    Zitadel,
    Hub,
}

impl Product {
    pub const ALL: [Product; 3] = [Product::Auth0, Product::Zitadel, Product::Hub];

    /// The short name, as messages say it: "Hub answered 404".
    /// The lowercase key the product goes by in files and ids (`auth0`, `zitadel`, `hub`): the
    /// same as its serialized form.
    pub fn slug(self) -> &'static str {
        match self {
            Product::Auth0 => "auth0",
            Product::Zitadel => "zitadel",
            Product::Hub => "hub",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Product::Auth0 => "Auth0",
            Product::Zitadel => "ZITADEL",
            Product::Hub => "Hub",
        }
    }

    /// The full name, as the profile form offers it.
    pub fn label(self) -> &'static str {
        match self {
            Product::Hub => "JetBrains Hub",
            other => other.name(),
        }
    }

    /// What the address field asks for.
    pub fn address_hint(self) -> &'static str {
        match self {
            Product::Auth0 => "The tenant domain, e.g. acme.eu.auth0.com",
            Product::Zitadel => "The instance URL, e.g. https://acme.zitadel.cloud",
            Product::Hub => {
                "The Hub service URL, e.g. https://hub.acme.com or https://youtrack.acme.com/hub"
            }
        }
    }
}

/// The product's words for its targets and items, for messages: what a compare and make like
/// act on and what those hold.
pub fn words(product: Product) -> (&'static str, &'static str) {
    match product {
        Product::Auth0 => ("organizations", "connections"),
        Product::Zitadel => ("login policies", "identity providers"),
        Product::Hub => ("auth modules", "groups"),
    }
}

/// The short name ([`Product::name`]).
impl fmt::Display for Product {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
