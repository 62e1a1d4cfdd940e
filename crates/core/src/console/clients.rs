//! One client (one connection pool) per profile, made on first use.

use std::collections::HashMap;
use std::sync::Mutex;

use crate::client::Client;

#[derive(Debug, Default)]
pub struct Clients(Mutex<HashMap<String, Client>>);

impl Clients {
    fn map(&self) -> std::sync::MutexGuard<'_, HashMap<String, Client>> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
    pub fn get(&self, id: &str) -> Option<Client> {
        self.map().get(id).cloned()
    }
    pub fn put(&self, id: &str, client: Client) {
        self.map().insert(id.to_owned(), client);
    }
    pub fn forget(&self, id: &str) {
        self.map().remove(id);
    }
}
