//! Two Auth0 sandboxes standing for staging and production (the compare and make-like tests):
//! the same names, other ids (`SandboxConfig::id_seed`), each with its profile and client, and
//! one data folder holding the inventory, the runs and the crawls.

use std::time::{Duration, Instant};

use lanyard_core::bulk::Runs;
use lanyard_core::crawl::Crawls;
use lanyard_core::{Client, Stock};
use lanyard_model::Profile;
use lanyard_model::bulk::BulkTarget;
use lanyard_model::inventory::{CrawlAction, CrawlState};
use lanyard_model::profile::Environment;
use lanyard_sandbox::{Sandbox, SandboxConfig};
use secrecy::SecretString;

/// A tenant, its profile and a client signed in to it.
pub type Tenant = (Sandbox, Profile, Client);

/// Staging and production, and the data folder the app keeps for them.
pub struct World {
    pub dir: tempfile::TempDir,
    pub stock: Stock,
    pub runs: Runs,
    pub crawls: Crawls,
    /// Profile id `staging`, on the seed's default ids.
    pub staging: Tenant,
    /// Profile id `production`, the same names with other ids.
    pub production: Tenant,
}

/// Two tenants of `organizations` each; production's profile is marked `production_env` (a
/// test that wants no typed host name marks it Staging).
pub async fn world(organizations: usize, production_env: Environment) -> World {
    let dir = tempfile::tempdir().unwrap();
    let stock = Stock::open(dir.path());
    let runs = super::runs_in(dir.path()).with_inventory(stock.clone());
    let crawls = Crawls::open(stock.clone());
    let s = tenant(organizations, lanyard_sandbox::auth0::seed::DEFAULT_ID_SEED).await;
    let p = tenant(organizations, 7).await;
    let (sp, sc) = profile_for(&s, "staging", "Staging", Environment::Staging);
    let (pp, pc) = profile_for(&p, "production", "Production", production_env);
    World {
        dir,
        stock,
        runs,
        crawls,
        staging: (s, sp, sc),
        production: (p, pp, pc),
    }
}

/// An Auth0 sandbox of `organizations`, refilled 1000 times faster than real time, whose ids
/// come from `id_seed`.
pub async fn tenant(organizations: usize, id_seed: u64) -> Sandbox {
    lanyard_sandbox::start(SandboxConfig {
        organizations,
        time_scale: 1000.0,
        id_seed,
        ..Default::default()
    })
    .await
    .unwrap()
}

/// The profile `id` named `name` for the tenant `s`, and a client for it.
pub fn profile_for(
    s: &Sandbox,
    id: &str,
    name: &str,
    environment: Environment,
) -> (Profile, Client) {
    let c = s.credentials();
    let mut profile = super::auth0_profile(&s.auth0_url(), &c.auth0_client_id);
    profile.id = id.into();
    profile.display_name = name.into();
    profile.environment = environment;
    let client = Client::new(&profile, SecretString::from(c.auth0_client_secret.clone())).unwrap();
    (profile, client)
}

/// Crawls the profile's tenant into the inventory, to the end. The limit only stops a hung test.
pub async fn crawl(crawls: &Crawls, profile: &Profile, client: &Client) {
    crawls
        .act(profile, Some(client.clone()), CrawlAction::Start)
        .unwrap();
    let started = Instant::now();
    loop {
        let view = crawls.view(profile);
        if view.state != CrawlState::Running {
            assert_eq!(view.state, CrawlState::Finished, "{view:?}");
            return;
        }
        assert!(started.elapsed() < Duration::from_secs(120), "{view:?}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// The id of the object named `name` in the tenant's list `list` ("organizations", …).
pub fn id_of(s: &Sandbox, list: &str, name: &str) -> String {
    s.state(lanyard_sandbox::Product::Auth0)[list]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["name"] == name)
        .map(|x| x["id"].as_str().unwrap().to_owned())
        .unwrap()
}

/// The organization named `name`, as a target.
pub fn target(s: &Sandbox, name: &str) -> BulkTarget {
    BulkTarget {
        id: id_of(s, "organizations", name),
        name: name.into(),
        owner_type: None,
    }
}
