//! The three products, as named in messages and spans. Its own module so that errors can name
//! a product without depending on the HTTP layer that builds them.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Product {
    Auth0,
    Zitadel,
    Hub,
}

impl fmt::Display for Product {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Product::Auth0 => "Auth0",
            Product::Zitadel => "ZITADEL",
            Product::Hub => "Hub",
        })
    }
}
