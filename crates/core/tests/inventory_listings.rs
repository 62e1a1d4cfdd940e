//! The listings the pickers show with more than names (Auth0 connections with their strategy,
//! ZITADEL IdPs with type and state, Hub modules with type and enabled), against the built-in
//! sandbox: a live listing and a crawl record them, and the inventory gives them back as the
//! live listing read them.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

use std::time::{Duration, Instant};

use lanyard_core::secrets::Keychain;
use lanyard_core::{Console, Paths};
use lanyard_model::inventory::{CrawlAction, CrawlState};

const AUTH0: &str = "sandbox-auth0";
const ZITADEL: &str = "sandbox-zitadel";
const HUB: &str = "sandbox-hub";

fn console_in(dir: &tempfile::TempDir) -> Console {
    let paths = Paths {
        config_dir: dir.path().join("config"),
        data_dir: dir.path().join("data"),
    };
    Console::open(paths, Keychain::new("lanyard-test-inventory-listings")).unwrap()
}

async fn crawled(c: &Console, profile_id: &str) {
    c.inventory_crawl(profile_id, CrawlAction::Start)
        .await
        .unwrap();
    let started = Instant::now();
    loop {
        let view = c.inventory_overview(profile_id).await.unwrap().crawl;
        match view.state {
            CrawlState::Finished => return,
            CrawlState::Running => {}
            other => panic!("the crawl stopped: {other:?} {view:?}"),
        }
        assert!(started.elapsed() < Duration::from_secs(60), "{view:?}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn live_listings_are_read_back_from_the_inventory_with_what_the_pickers_show() {
    let dir = tempfile::tempdir().unwrap();
    let c = console_in(&dir);
    assert_eq!(c.inventory_connections(AUTH0).await.unwrap(), None);
    assert_eq!(c.inventory_providers(ZITADEL).await.unwrap(), None);
    assert_eq!(c.inventory_modules(HUB).await.unwrap(), None);
    // A picker of one product asked of another's profile is refused.
    assert!(c.inventory_connections(HUB).await.is_err());

    let mut live = c.auth0_connections(AUTH0).await.unwrap();
    let mut held = c.inventory_connections(AUTH0).await.unwrap().unwrap();
    assert!(held.listed_at_ms > 0);
    live.sort_by(|a, b| a.id.cmp(&b.id));
    held.items.sort_by(|a, b| a.id.cmp(&b.id));
    // Names as the listing records them (an empty name is the id).
    for x in &mut live {
        if x.name.is_empty() {
            x.name = x.id.to_string();
        }
    }
    assert_eq!(held.items, live);
    assert!(held.items.iter().any(|x| !x.strategy.is_empty()));

    let live = c.zitadel_providers(ZITADEL, None).await.unwrap();
    let held = c.inventory_providers(ZITADEL).await.unwrap().unwrap();
    assert_eq!(held.items.len(), live.len());
    for p in &live {
        let h = held.items.iter().find(|h| h.id == p.id).unwrap();
        assert_eq!(
            (&h.kind, &h.state, h.owner),
            (&p.kind, &p.state, p.owner),
            "{p:?}"
        );
    }

    let live = c.hub_modules(HUB).await.unwrap();
    let held = c.inventory_modules(HUB).await.unwrap().unwrap();
    assert_eq!(held.items.len(), live.len());
    for m in &live {
        let h = held.items.iter().find(|h| h.id == m.id).unwrap();
        assert_eq!(h.kind_label(), m.kind_label(), "{m:?}");
        assert_eq!(h.disabled.unwrap_or(false), m.disabled.unwrap_or(false));
    }
}

#[tokio::test]
async fn a_crawl_records_what_the_pickers_show() {
    let dir = tempfile::tempdir().unwrap();
    let c = console_in(&dir);
    crawled(&c, HUB).await;
    crawled(&c, ZITADEL).await;

    let modules = c.inventory_modules(HUB).await.unwrap().unwrap();
    assert!(!modules.items.is_empty());
    assert!(modules.items.iter().all(|m| m.disabled.is_some()));
    let live = c.hub_modules(HUB).await.unwrap();
    assert_eq!(modules.items.len(), live.len());

    let providers = c.inventory_providers(ZITADEL).await.unwrap().unwrap();
    assert!(!providers.items.is_empty());
    assert!(providers.items.iter().any(|p| p.kind.is_some()));
}
