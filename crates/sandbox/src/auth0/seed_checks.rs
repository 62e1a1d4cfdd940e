//! The part of the seed the pre-change warnings read (see the README's "Warnings" section):
//! the tenant's applications with their organization fields, the applications each connection
//! is enabled for, per-application access on two named organizations, and tenant log entries
//! written before Lanyard (a Dashboard admin's and a Terraform client's).
//!
//! Nothing here draws from the seed's random generator, so the ids of organizations and
//! connections, and every test that depends on them, are as before.

use super::logs::{self, Caller};
use super::state::{App, World};

/// Client ids of the seeded applications (Auth0's are 32 characters).
pub const PORTAL: &str = "nWpOrTaL0000000000000000000000001";
pub const EXTRANET: &str = "nWeXtRaNeT000000000000000000000002";
pub const INTRANET: &str = "nWiNtRaNeT000000000000000000000003";
pub const REPORTING: &str = "nWrEpOrTiNg00000000000000000000004";
pub const ALL_APPLICATIONS: &str = "nWgLoBaL00000000000000000000000005";
pub const TERRAFORM: &str = "nWtErRaFoRm00000000000000000000006";

/// (client id, name, app_type, global, organization_usage, organization_require_behavior).
type AppRow = (
    &'static str,
    &'static str,
    &'static str,
    bool,
    Option<&'static str>,
    Option<&'static str>,
);

const APPS: &[AppRow] = &[
    (
        PORTAL,
        "Northwind Portal",
        "regular_web",
        false,
        Some("allow"),
        Some("post_login_prompt"),
    ),
    (
        EXTRANET,
        "Partner Extranet",
        "spa",
        false,
        Some("require"),
        Some("pre_login_prompt"),
    ),
    // Never set: Auth0 leaves both fields out, which means deny / no_prompt.
    (
        INTRANET,
        "Legacy Intranet",
        "regular_web",
        false,
        None,
        None,
    ),
    (
        REPORTING,
        "Reporting API",
        "non_interactive",
        false,
        Some("allow"),
        None,
    ),
    (
        ALL_APPLICATIONS,
        "All Applications",
        "non_interactive",
        true,
        None,
        None,
    ),
    (
        TERRAFORM,
        "Terraform (CI)",
        "non_interactive",
        false,
        None,
        None,
    ),
];

/// Connection name -> the applications it is enabled for. `github` is enabled for none and
/// `Hooli-ADFS` only for an application that does not allow organizations: the warnings'
/// cases. Every other connection is enabled for at least one that does.
const CONNECTION_CLIENTS: &[(&str, &[&str])] = &[
    (
        "Username-Password-Authentication",
        &[PORTAL, EXTRANET, INTRANET],
    ),
    ("Partners-Database", &[EXTRANET]),
    ("google-oauth2", &[PORTAL, INTRANET]),
    ("github", &[]),
    ("linkedin", &[PORTAL]),
    ("email", &[PORTAL]),
    ("Contoso-AzureAD", &[PORTAL]),
    ("Initech-Okta", &[PORTAL, EXTRANET]),
    ("Globex-SAML", &[EXTRANET]),
    ("Umbrella-OIDC", &[PORTAL]),
    ("Hooli-ADFS", &[INTRANET]),
    ("Stark-Google-Workspace", &[PORTAL]),
];

/// The organization (by display name) restricted to granted applications with none granted
/// for member access, and one restricted with the portal granted.
pub const ENTITLED_NONE: &str = "Wonka Confections";
pub const ENTITLED_PORTAL: &str = "Cyberdyne";

pub fn add(w: &mut World) {
    w.apps = APPS
        .iter()
        .map(|(id, name, kind, global, usage, behavior)| App {
            client_id: (*id).to_owned(),
            name: (*name).to_owned(),
            app_type: (*kind).to_owned(),
            global: *global,
            organization_usage: usage.map(str::to_owned),
            organization_require_behavior: behavior.map(str::to_owned),
        })
        .collect();
    for conn in &mut w.connections {
        if let Some((_, clients)) = CONNECTION_CLIENTS.iter().find(|(n, _)| *n == conn.name) {
            conn.clients = clients.iter().map(|c| (*c).to_owned()).collect();
        }
    }
    for org in &mut w.orgs {
        if org.display_name == ENTITLED_NONE {
            org.is_app_entitlement_active = true;
            // Granted, but not for member access: members still cannot log in.
            org.granted = vec![(REPORTING.to_owned(), false)];
        } else if org.display_name == ENTITLED_PORTAL {
            org.is_app_entitlement_active = true;
            org.granted = vec![(PORTAL.to_owned(), true), (EXTRANET.to_owned(), false)];
        }
    }
    seed_logs(w);
}

/// Changes made before Lanyard, on Globex (the second organization): a Dashboard admin hid
/// google-oauth2's button yesterday, Terraform enabled Globex-SAML three days ago; and entries
/// the history must leave out (another organization's, a login, a client change).
fn seed_logs(w: &mut World) {
    let org = |i: usize| w.orgs.get(i).map(|o| o.id.clone());
    let conn = |name: &str| {
        w.connections
            .iter()
            .find(|c| c.name == name)
            .map(|c| c.id.clone())
    };
    let (Some(globex), Some(acme)) = (org(1), org(0)) else {
        return;
    };
    let (Some(google), Some(saml), Some(okta)) = (
        conn("google-oauth2"),
        conn("Globex-SAML"),
        conn("Initech-Okta"),
    ) else {
        return;
    };
    const HOUR: i64 = 3600;
    let admin = Caller::Dashboard {
        email: "dana.admin@northwind.example",
        name: "Dana Admin",
        user_id: "google-oauth2|104857392017465839201",
    };
    let terraform = Caller::Client {
        client_id: TERRAFORM,
        client_name: "Terraform (CI)",
    };
    let entries = [
        (
            72 * HOUR,
            "Add connections to an organization",
            "post",
            format!("/api/v2/organizations/{globex}/enabled_connections"),
            serde_json::json!({"connection_id": saml, "assign_membership_on_login": false}),
            201,
            terraform,
        ),
        (
            48 * HOUR,
            "Add connections to an organization",
            "post",
            format!("/api/v2/organizations/{acme}/enabled_connections"),
            serde_json::json!({"connection_id": okta}),
            201,
            terraform,
        ),
        (
            26 * HOUR,
            "Update a client",
            "patch",
            format!("/api/v2/clients/{PORTAL}"),
            serde_json::json!({"organization_usage": "allow"}),
            200,
            admin,
        ),
        (
            24 * HOUR,
            "Update the Connection of an Organization",
            "patch",
            format!("/api/v2/organizations/{globex}/enabled_connections/{google}"),
            serde_json::json!({"show_as_button": false}),
            200,
            admin,
        ),
    ];
    for (ago, description, method, path, body, status, caller) in entries {
        logs::record(
            w,
            logs::Write {
                ago_seconds: ago,
                description,
                method,
                path: &path,
                body,
                status,
                caller,
            },
        );
    }
    // A successful login: not a Management API write, never in a history.
    push_login(w, 2 * HOUR, &globex);
}

/// A successful login on `org`: a log entry of another type, which no history lists.
fn push_login(w: &mut World, ago_seconds: i64, org: &str) {
    let log_id = logs::next_id(w);
    w.logs.push(serde_json::json!({
        "date": logs::date(ago_seconds), "type": "s", "description": "Successful login",
        "client_id": PORTAL, "client_name": "Northwind Portal",
        "user_id": "auth0|5f7c8ec7c33c6c004bbafe82", "organization_id": org,
        "connection": "Username-Password-Authentication", "log_id": log_id,
    }));
}
