//! The listings the pages show with more than names, answered from the inventory: the Auth0
//! connections with their strategies, ZITADEL's IdPs with type and state, Hub's modules with
//! type and whether they are enabled. Read on the blocking pool, as every inventory read.

use lanyard_inventory::{Inventory, InventoryError, Listing};
use lanyard_model::auth0::Connection;
use lanyard_model::error::Asked;
use lanyard_model::hub::AuthModule;
use lanyard_model::inventory::Listed;
use lanyard_model::product::Product;
use lanyard_model::zitadel::Provider;

use super::Console;
use super::inventory::{check_product, read_blocking};
use crate::error::CoreError;

impl Console {
    /// The tenant's connections (with their strategies) as the inventory holds them; `None`
    /// when it holds none, or some without their strategy (the page then lists them live).
    pub async fn inventory_connections(
        &self,
        profile_id: &str,
    ) -> Result<Option<Listed<Connection>>, CoreError> {
        self.inventory_listing(
            profile_id,
            Product::Auth0,
            Asked::ConnectionList,
            |db, id| db.connections(id),
        )
        .await
    }

    /// Hub's auth modules (name, type, enabled) as the inventory holds them; `None` when it
    /// cannot say.
    pub async fn inventory_modules(
        &self,
        profile_id: &str,
    ) -> Result<Option<Listed<AuthModule>>, CoreError> {
        self.inventory_listing(profile_id, Product::Hub, Asked::AuthModuleList, |db, id| {
            db.auth_modules(id)
        })
        .await
    }

    /// ZITADEL's identity providers (name, type, state) as the inventory holds them; `None`
    /// when it cannot say.
    pub async fn inventory_providers(
        &self,
        profile_id: &str,
    ) -> Result<Option<Listed<Provider>>, CoreError> {
        self.inventory_listing(profile_id, Product::Zitadel, Asked::IdpList, |db, id| {
            db.providers(id)
        })
        .await
    }

    async fn inventory_listing<T: Send + 'static>(
        &self,
        profile_id: &str,
        product: Product,
        asked: Asked,
        read: impl FnOnce(&Inventory, &str) -> Result<Option<Listing<T>>, InventoryError>
        + Send
        + 'static,
    ) -> Result<Option<Listed<T>>, CoreError> {
        let profile = self.profile(profile_id).await?;
        check_product(&profile, product, asked)?;
        let id = profile.id.clone();
        let listing = read_blocking(&self.stock, move |db| read(db, &id)).await?;
        Ok(listing.map(|l| Listed {
            items: l.items,
            listed_at_ms: l.listed_at.0,
        }))
    }
}
