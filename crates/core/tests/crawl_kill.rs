//! The crawl's resume after a real kill: a separate process (this test binary run again, for
//! its `child` test alone) crawls an Auth0 sandbox into a data folder and is killed mid-crawl
//! with SIGKILL (on Windows `TerminateProcess`, as abrupt); Lanyard opened again on that folder
//! finds the crawl interrupted, and Resume finishes it reading no organization twice beyond the
//! one in flight at the kill.
//!
//! The sandbox lives in the parent, so its request counts see both processes' reads.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use lanyard_core::crawl::Crawls;
use lanyard_core::{Client, Stock};
use lanyard_model::Profile;
use lanyard_model::crawl_stop::StopCause;
use lanyard_model::inventory::{CrawlAction, CrawlState};
use lanyard_sandbox::Sandbox;
use secrecy::SecretString;
use support::crawl::{assert_stored_as_the_tenant_has_them, org_reads, until};

/// Set only for the child process: the data folder it crawls into. The other variables are
/// read only when it is set.
const CHILD_DATA_DIR: &str = "LANYARD_TEST_CRAWL_KILL_DATA_DIR";
const CHILD_URL: &str = "LANYARD_TEST_CRAWL_KILL_AUTH0_URL";
const CHILD_CLIENT_ID: &str = "LANYARD_TEST_CRAWL_KILL_CLIENT_ID";
const CHILD_SECRET: &str = "LANYARD_TEST_CRAWL_KILL_CLIENT_SECRET";
/// The child test's name, as the harness matches it with `--exact`.
const CHILD_TEST: &str = "child_crawls_until_killed";
/// The longest a child lives if nobody kills it (its parent failed first).
const CHILD_LIFETIME: Duration = Duration::from_secs(60);

const ORGANIZATIONS: usize = 50;
/// Organizations read by the child before it is killed.
const READ_BEFORE_KILL: usize = 15;

/// Both processes' profile: the same id, so the resumed crawl is the child's.
fn profile_and_client(url: &str, client_id: &str, secret: &str) -> (Profile, Client) {
    let profile = support::auth0_profile(url, client_id);
    let client = Client::new(&profile, SecretString::from(secret.to_owned())).unwrap();
    (profile, client)
}

/// The process that is killed: it starts the crawl into the given data folder and waits. In
/// the suite (which runs ignored tests too) the variable is not set and it returns at once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "run only as the child process of the SIGKILL test"]
async fn child_crawls_until_killed() {
    let Some(data_dir) = std::env::var_os(CHILD_DATA_DIR) else {
        return;
    };
    let var = |name: &str| std::env::var(name).unwrap();
    let (profile, client) =
        profile_and_client(&var(CHILD_URL), &var(CHILD_CLIENT_ID), &var(CHILD_SECRET));
    let crawls = Crawls::open(Stock::open(Path::new(&data_dir)));
    let started = crawls
        .act(&profile, Some(client), CrawlAction::Start)
        .unwrap();
    assert_eq!(started.state, CrawlState::Running);
    // Killed long before this ends.
    tokio::time::sleep(CHILD_LIFETIME).await;
}

/// Runs [`child_crawls_until_killed`] in a process of its own.
fn spawn_child(s: &Sandbox, data_dir: &Path) -> std::process::Child {
    let c = s.credentials();
    Command::new(std::env::current_exe().unwrap())
        .args(["--exact", CHILD_TEST, "--include-ignored", "--nocapture"])
        .env(CHILD_DATA_DIR, data_dir)
        .env(CHILD_URL, s.auth0_url())
        .env(CHILD_CLIENT_ID, &c.auth0_client_id)
        .env(CHILD_SECRET, &c.auth0_client_secret)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_crawl_killed_with_sigkill_is_interrupted_and_resume_reads_no_organization_twice_beyond_the_one_in_flight()
 {
    // 10 reads at once, then 100 a minute sped up 10 times: the 50 take about 3 s.
    let s = support::sandbox(ORGANIZATIONS, 10.0).await;
    let dir = tempfile::tempdir().unwrap();
    let data_dir: PathBuf = dir.path().join("data");
    let mut child = spawn_child(&s, &data_dir);

    // Killed once it has read some organizations (the sandbox counts the child's reads).
    let waited = Instant::now();
    let read_at_kill = loop {
        let read = org_reads(&s).len();
        if read >= READ_BEFORE_KILL {
            break read;
        }
        if let Some(status) = child.try_wait().unwrap() {
            panic!("the child ended by itself before it was killed: {status}");
        }
        assert!(
            waited.elapsed() < Duration::from_secs(60),
            "the child read only {read} organizations"
        );
        std::thread::sleep(Duration::from_millis(2));
    };
    child.kill().unwrap();
    let status = child.wait().unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(status.signal(), Some(9), "killed by SIGKILL: {status}");
    }
    assert!(!status.success(), "{status}");
    let reads = org_reads(&s);
    assert!(
        reads.len() < ORGANIZATIONS,
        "the kill came before the crawl's end: {} read",
        reads.len()
    );
    assert!(
        reads.values().all(|n| *n == 1),
        "the child read no organization twice: {reads:?}"
    );
    let read_by_child = reads.len();

    // Lanyard opened again on the same data folder.
    let (profile, client) = profile_and_client(
        &s.auth0_url(),
        &s.credentials().auth0_client_id,
        &s.credentials().auth0_client_secret,
    );
    let stock = Stock::open(&data_dir);
    let crawls = Crawls::open(stock.clone());
    let found = crawls.view(&profile);
    assert_eq!(found.state, CrawlState::Interrupted, "{found:?}");
    assert_eq!(
        found.message,
        Some(StopCause::LanyardStopped.into()),
        "a crawl the file called running belongs to a session that ended"
    );
    assert_eq!(found.total, ORGANIZATIONS as u64, "the listing was kept");
    // Each read the server answered is kept, except at most the one in flight at the kill.
    assert!(
        found.done + 1 >= read_by_child as u64 && found.done >= (read_at_kill - 1) as u64,
        "what was read is kept: {found:?}, {read_by_child} read by the child"
    );

    let resumed = crawls
        .act(&profile, Some(client.clone()), CrawlAction::Resume)
        .unwrap();
    assert_eq!(
        resumed.started_at_ms, found.started_at_ms,
        "the same crawl goes on"
    );
    let end = until(&crawls, &profile, "the end", |v| {
        v.state != CrawlState::Running
    })
    .await;
    assert_eq!(end.state, CrawlState::Finished, "{:?}", end.message);
    assert_eq!(
        (end.done, end.total),
        (ORGANIZATIONS as u64, ORGANIZATIONS as u64)
    );

    // Every organization read, none twice but the one in flight at the kill.
    let reads = org_reads(&s);
    let state = s.state(lanyard_sandbox::Product::Auth0);
    let orgs: Vec<&str> = state["organizations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap())
        .collect();
    assert_eq!(orgs.len(), ORGANIZATIONS);
    for org in &orgs {
        assert!(reads.contains_key(*org), "{org} was never read");
    }
    let again: Vec<_> = reads.iter().filter(|(_, n)| **n > 1).collect();
    assert!(
        again.len() <= 1 && again.iter().all(|(_, n)| **n == 2),
        "organizations read more than once: {again:?}"
    );

    // The inventory answers as the tenant has it, the child's reads and the resumed ones alike.
    assert_stored_as_the_tenant_has_them(&s, &stock, &profile, orgs);
}
