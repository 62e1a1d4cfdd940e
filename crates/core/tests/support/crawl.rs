//! Helpers the crawl tests share: polling a crawl, the sandbox's count of organization reads,
//! and the inventory checked against the tenant.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use lanyard_core::Stock;
use lanyard_core::crawl::Crawls;
use lanyard_model::Profile;
use lanyard_model::ids::OrganizationId;
use lanyard_model::inventory::CrawlView;
use lanyard_sandbox::Sandbox;

/// Polls the profile's crawl until `done` holds. The limit only stops a hung test.
pub async fn until(
    crawls: &Crawls,
    profile: &Profile,
    what: &str,
    done: impl Fn(&CrawlView) -> bool,
) -> CrawlView {
    let started = Instant::now();
    loop {
        let view = crawls.view(profile);
        if done(&view) {
            return view;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the crawl never got to: {what}; last {view:?}"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

/// How many times the sandbox answered a read of each organization's connections.
pub fn org_reads(s: &Sandbox) -> BTreeMap<String, u64> {
    s.requests(lanyard_sandbox::Product::Auth0)
        .into_iter()
        .filter_map(|(key, n)| {
            let org = key
                .strip_prefix("GET /api/v2/organizations/")?
                .strip_suffix("/connections")?;
            Some((org.to_owned(), n))
        })
        .collect()
}

/// Each of `orgs` is read into `stock` with the connections the tenant gives it.
pub fn assert_stored_as_the_tenant_has_them<'a>(
    s: &Sandbox,
    stock: &Stock,
    profile: &Profile,
    orgs: impl IntoIterator<Item = &'a str>,
) {
    let state = s.state(lanyard_sandbox::Product::Auth0);
    for id in orgs {
        let mut truth: Vec<&str> = state["org_connections"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|l| l["organization_id"] == id)
            .map(|l| l["link"]["connection_id"].as_str().unwrap())
            .collect();
        truth.sort_unstable();
        let org = OrganizationId::parse(id).unwrap();
        let stored = stock
            .read(|db| db.auth0_organization_connections(&profile.id, &org))
            .unwrap()
            .unwrap()
            .expect("the organization was read");
        let mut stored: Vec<&str> = stored.iter().map(|c| c.connection_id.as_str()).collect();
        stored.sort_unstable();
        assert_eq!(stored, truth, "organization {id}");
    }
}
