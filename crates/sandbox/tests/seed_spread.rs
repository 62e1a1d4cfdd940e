//! The seeded tenant's spread of enabled connections at 10,000 organizations: realistic shares,
//! Auth0's rules on every link, the same wiring per organization whatever the size, and fast.

#![allow(clippy::unwrap_used)] // a failed step is the test failing

use lanyard_sandbox::auth0::seed::world;

#[test]
fn ten_thousand_organizations_have_a_realistic_spread_that_passes_auth0s_rules() {
    let started = std::time::Instant::now();
    let w = world(10_000);
    assert!(
        started.elapsed().as_secs_f64() < 1.0,
        "{:?}",
        started.elapsed()
    );
    let with = |name: &str| {
        let id = &w.connections.iter().find(|c| c.name == name).unwrap().id;
        w.links.keys().filter(|(_, c)| c == id).count()
    };
    let share = |n: usize| n as f64 / 10_000.0;
    let wired: std::collections::BTreeSet<&String> = w.links.keys().map(|(o, _)| o).collect();
    let none = share(10_000 - wired.len());
    assert!((0.10..0.16).contains(&none), "{none} with none");
    assert!((0.6..0.8).contains(&share(with("Username-Password-Authentication"))));
    assert!((0.4..0.5).contains(&share(with("google-oauth2"))));
    for c in &w.connections {
        eprintln!("{}: {:.1}%", c.name, 100.0 * share(with(&c.name)));
    }
    eprintln!("none: {:.1}%, links: {}", 100.0 * none, w.links.len());
    let per_org = share(w.links.len()) / (1.0 - none);
    assert!(
        (1.5..2.5).contains(&per_org),
        "{per_org} per wired organization"
    );
    let hidden = w.links.values().filter(|l| !l.show_as_button).count();
    let named = w
        .links
        .values()
        .filter(|l| l.organization_connection_name.is_some());
    assert!(hidden > 100 && named.count() > 100);
    for ((org, conn), link) in &w.links {
        let strategy = &w.connection(conn).unwrap().strategy;
        // Auth0's rules, as the sandbox checks a write.
        let signup_ok =
            !link.is_signup_enabled || (strategy == "auth0" && link.assign_membership_on_login);
        let level_ok =
            link.organization_access_level == "none" || link.organization_connection_name.is_some();
        assert!(signup_ok && level_ok, "{org} {conn}");
    }
    // The same organization is wired the same way whatever the tenant's size.
    let small = world(100);
    let first: Vec<_> = small.links.iter().collect();
    let big: Vec<_> = w
        .links
        .iter()
        .filter(|((o, _), _)| small.org(o).is_some())
        .collect();
    assert_eq!(format!("{first:?}"), format!("{big:?}"));
}
