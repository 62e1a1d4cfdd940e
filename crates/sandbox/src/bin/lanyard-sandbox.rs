//! `lanyard-sandbox`: runs the Auth0, ZITADEL and Hub stand-ins on loopback and prints their
//! addresses, the credentials made for this run and the admin port's token.

use std::process::ExitCode;
use std::time::Duration;

use lanyard_sandbox::ratelimit::BucketSpec;
use lanyard_sandbox::{SandboxConfig, start};

const USAGE: &str = "\
usage: lanyard-sandbox [--json] [--organizations N] [--port-base P] [--time-scale X]
                       [--write-bucket BURST/PER_MINUTE] [--read-bucket BURST/PER_MINUTE]
                       [--token-lifetime SECONDS] [--bucket NAME=BURST/PER_MINUTE]...
                       [--tls] [--fault PRODUCT=RULE_JSON]... [--auth0-legacy-only]

Buckets: organization_connections_write (5/150), organization_connections_read (10/100),
organizations_read, organization_by_id_read, organization_by_name_read, connections_read,
zitadel (50/3000), hub (off unless set).

Serves the Auth0, ZITADEL and JetBrains Hub stand-ins on 127.0.0.1 until interrupted.
Credentials and the admin token are made at start and printed; every run has new ones.
Faults are set on the admin port: PUT /faults/{auth0|zitadel|hub} with a JSON list of rules,
with the header `Authorization: Bearer <admin token>`. Every port answers only requests whose
Host is localhost or a loopback address.
--auth0-legacy-only: the Auth0 tenant lacks the Early Access organization connections API; its
/organizations/{id}/connections endpoints answer 403 and only /enabled_connections works
(also on the admin port: PUT /auth0/legacy-only with true or false).";

fn bucket(v: &str) -> Option<BucketSpec> {
    let (burst, per_minute) = v.split_once('/')?;
    Some(BucketSpec {
        burst: burst.parse().ok()?,
        per_minute: per_minute.parse().ok()?,
    })
}

fn parse(args: &[String]) -> Result<(SandboxConfig, bool), String> {
    let mut config = SandboxConfig::default();
    let mut json = false;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = || {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{arg} needs a value"))
        };
        match arg.as_str() {
            "--json" => json = true,
            "--organizations" => {
                config.organizations = value()?
                    .parse()
                    .map_err(|_| "--organizations takes a number")?
            }
            "--port-base" => {
                config.port_base = value()?.parse().map_err(|_| "--port-base takes a port")?
            }
            "--time-scale" => {
                config.time_scale = value()?
                    .parse()
                    .map_err(|_| "--time-scale takes a number")?
            }
            "--write-bucket" => {
                config.write_bucket =
                    bucket(&value()?).ok_or("--write-bucket takes BURST/PER_MINUTE")?
            }
            "--read-bucket" => {
                config.read_bucket =
                    bucket(&value()?).ok_or("--read-bucket takes BURST/PER_MINUTE")?
            }
            "--bucket" => {
                let v = value()?;
                let (name, spec) = v
                    .split_once('=')
                    .and_then(|(n, b)| Some((n.to_owned(), bucket(b)?)))
                    .ok_or("--bucket takes NAME=BURST/PER_MINUTE")?;
                match name.as_str() {
                    "organization_connections_write" => config.write_bucket = spec,
                    "organization_connections_read" => config.read_bucket = spec,
                    _ => {
                        config.buckets.insert(name, spec);
                    }
                }
            }
            "--tls" => config.tls = true,
            "--auth0-legacy-only" => config.auth0_legacy_only = true,
            "--fault" => {
                let v = value()?;
                let bad = || {
                    String::from(
                        r#"--fault takes PRODUCT=RULE_JSON, e.g. auth0={"fault":{"kind":"reset"},"times":1}"#,
                    )
                };
                let (product, rule) = v.split_once('=').ok_or_else(bad)?;
                let product = lanyard_sandbox::Product::parse(product).ok_or_else(bad)?;
                let rule: lanyard_sandbox::FaultRule =
                    serde_json::from_str(rule).map_err(|e| format!("{}: {e}", bad()))?;
                config.faults.push((product, rule));
            }
            "--token-lifetime" => {
                config.token_lifetime = Duration::from_secs(
                    value()?
                        .parse()
                        .map_err(|_| "--token-lifetime takes seconds")?,
                )
            }
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown option {other}\n\n{USAGE}")),
        }
    }
    Ok((config, json))
}

#[tokio::main]
async fn main() -> ExitCode {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .with_writer(std::io::stderr)
        .try_init();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (config, json) = match parse(&args) {
        Ok(parsed) => parsed,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let sandbox = match start(config).await {
        Ok(s) => s,
        Err(err) => {
            eprintln!("lanyard-sandbox: {err}");
            return ExitCode::FAILURE;
        }
    };
    let d = sandbox.describe();
    if json {
        println!("{d}");
    } else {
        let c = sandbox.credentials();
        println!("Lanyard sandbox (Ctrl-C to stop)\n");
        println!(
            "Auth0    {}   (Management API: /api/v2, token: POST /oauth/token)",
            sandbox.auth0_url()
        );
        println!(
            "         client_id={}  client_secret={}",
            c.auth0_client_id, c.auth0_client_secret
        );
        println!(
            "         read-only: client_id={}  client_secret={}",
            c.auth0_readonly_client_id, c.auth0_readonly_client_secret
        );
        println!("         audience={}", sandbox.auth0.audience());
        if sandbox.auth0.legacy_only() {
            println!(
                "         without the organization connections API: only /enabled_connections"
            );
        }
        println!(
            "ZITADEL  {}   PAT (IAM_OWNER)={}  viewer PAT={}",
            sandbox.zitadel_url(),
            c.zitadel_pat,
            c.zitadel_viewer_pat
        );
        println!(
            "Hub      {}/api/rest   token={}  read-only={}",
            sandbox.hub_url(),
            c.hub_token,
            c.hub_readonly_token
        );
        println!(
            "         trusted service: POST /api/rest/oauth2/token  service_id={}  service_secret={}  scope={}",
            c.hub_service_id, c.hub_service_secret, c.hub_service_scope
        );
        println!("Admin    {}   (faults, state, reset)", sandbox.admin_url());
        println!(
            "         header: Authorization: Bearer {}",
            sandbox.admin_token()
        );
        if let Some(ca) = sandbox.ca_pem_path() {
            println!(
                "CA       {}   (trust it: curl --cacert <file>)",
                ca.display()
            );
        }
    }
    let _ = tokio::signal::ctrl_c().await;
    ExitCode::SUCCESS
}
