//! The Auth0 page's walk that many tests start with: pick an organization, open the form to
//! enable a connection there and pick the connection; and, from there, the change's preview.
//! And a profile of the user's own for a test's own Auth0 sandbox.

use lanyard_model::profile::{AuthMethod, Environment, Product};

use crate::{App, Seed};

impl Seed {
    /// The profile `id` named `name`, saved as the user's own, of the Auth0 tenant of the
    /// test's sandbox `s`, signing in with its full-access client.
    pub fn auth0(
        s: &lanyard_sandbox::Sandbox,
        id: &str,
        name: &str,
        environment: Environment,
    ) -> Self {
        let c = s.credentials();
        Self::new(
            id,
            name,
            Product::Auth0,
            &s.auth0_url(),
            AuthMethod::Auth0ClientCredentials {
                client_id: c.auth0_client_id.clone(),
            },
            environment,
            &c.auth0_client_secret,
        )
    }
}

/// What to type into a picker, and the label of the option to pick then:
/// `Pick("pied", "Pied Piper")`.
#[derive(Debug, Clone, Copy)]
pub struct Pick<'a>(pub &'a str, pub &'a str);

impl App {
    /// On the Auth0 page shown, picks the organization `org`, opens the form to enable a
    /// connection and picks `connection` in it; the form's options are left as they start.
    pub async fn open_enable_form(
        &self,
        org: Pick<'_>,
        connection: Pick<'_>,
    ) -> Result<(), String> {
        self.pick("org-picker", org.0, org.1).await?;
        self.click("#enable-connection").await?;
        self.pick("connection-picker", connection.0, connection.1)
            .await
    }

    /// [`App::open_enable_form`], then Preview: waits for the change's dialog to show the
    /// request it would send, and returns that request.
    pub async fn preview_enable(
        &self,
        org: Pick<'_>,
        connection: Pick<'_>,
    ) -> Result<String, String> {
        self.open_enable_form(org, connection).await?;
        self.click("#enable-submit").await?;
        self.wait_text("[data-testid=plan-request]", |t| !t.is_empty())
            .await
    }
}
