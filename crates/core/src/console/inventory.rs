//! The inventory's questions as the console answers them: the overview, questions and their
//! export, and the pickers' searches.
//!
//! SQLite is synchronous and the console is async: every read runs on tokio's blocking pool
//! (`spawn_blocking`). A question over 10,000 organizations takes 15–20 ms, an export more,
//! and even a picker search (2 ms) can wait for the inventory's lock while a crawl or a bulk run
//! writes; none of that may stall the runtime's few worker threads, which also serve the
//! window's other commands and the running jobs. The lock is taken and released inside the
//! blocking closure, never across an await.

use lanyard_inventory::{
    Answer, Auth0OrgQuery, Found, HubModuleQuery, Inventory, InventoryError, KindCount,
    OutsideChange, Rows, TargetKind, ZITADEL_INSTANCE_ID, ZitadelPolicyQuery,
};
use lanyard_model::Profile;
use lanyard_model::audit::ExportFormat;
use lanyard_model::error::{Asked, ConfigProblem, Unfit};
use lanyard_model::inventory::{
    ConnectionCondition, InventoryAnswer, InventoryOverview, InventoryQuestion, InventoryRow,
    OptionsFilter, OutsideChangeView, PickerAnswer, PickerItem, PickerKind, Presence, Targets,
};
use lanyard_model::product::Product;
use lanyard_model::zitadel::PolicyScope;

use super::Console;
use crate::error::CoreError;
use crate::stock::Stock;

/// How many changes made outside Lanyard the overview lists (newest first).
pub const CHANGED_OUTSIDE_LIMIT: usize = 200;
/// The most a picker may ask for at once.
pub const PICKER_MAX: u32 = 1_000;

/// What the overview counts for each product, in its words: a label and the kinds it sums.
fn kinds_of(product: Product) -> &'static [(Targets, &'static [TargetKind])] {
    match product {
        Product::Auth0 => &[
            (Targets::Organizations, &[TargetKind::Auth0Organization]),
            (Targets::Connections, &[TargetKind::Auth0Connection]),
        ],
        Product::Zitadel => &[
            (
                Targets::LoginPolicies,
                &[TargetKind::ZitadelInstance, TargetKind::ZitadelOrganization],
            ),
            (Targets::IdentityProviders, &[TargetKind::ZitadelIdp]),
        ],
        Product::Hub => &[
            (Targets::AuthModules, &[TargetKind::HubAuthModule]),
            (Targets::Groups, &[TargetKind::HubGroup]),
        ],
    }
}

/// The inventory's kind of target a picker searches, and the product it belongs to.
fn picked(kind: PickerKind) -> (TargetKind, Product) {
    match kind {
        PickerKind::Auth0Organization => (TargetKind::Auth0Organization, Product::Auth0),
        PickerKind::Auth0Connection => (TargetKind::Auth0Connection, Product::Auth0),
        PickerKind::ZitadelOrganization => (TargetKind::ZitadelOrganization, Product::Zitadel),
        PickerKind::ZitadelIdp => (TargetKind::ZitadelIdp, Product::Zitadel),
        PickerKind::HubAuthModule => (TargetKind::HubAuthModule, Product::Hub),
        PickerKind::HubGroup => (TargetKind::HubGroup, Product::Hub),
    }
}

impl Console {
    pub async fn inventory_overview(
        &self,
        profile_id: &str,
    ) -> Result<InventoryOverview, CoreError> {
        let crawl = self.crawl_view(profile_id).await?;
        let product = crawl.product;
        let profile = profile_id.to_owned();
        let read = read_blocking(&self.stock, move |db| {
            Ok((
                db.counts(&profile)?,
                db.changed_outside(&profile, CHANGED_OUTSIDE_LIMIT)?,
            ))
        })
        .await;
        // The overview says why the inventory cannot answer rather than failing the page.
        let (kinds, changed_outside) = match read {
            Ok((counts, changes)) => (
                kind_counts(product, &counts),
                changes.into_iter().map(outside_view).collect(),
            ),
            Err(_) => (Vec::new(), Vec::new()),
        };
        Ok(InventoryOverview {
            crawl,
            kinds,
            changed_outside,
            problem: self.stock.problem(),
        })
    }

    /// The whole answer to a question, every row (the export's; the window asks for pages).
    pub async fn inventory_ask(
        &self,
        profile_id: &str,
        question: &InventoryQuestion,
    ) -> Result<InventoryAnswer, CoreError> {
        self.answer_rows(profile_id, question, Rows::ALL).await
    }

    /// A page of the answer to a question (`limit` rows from `offset`, read with SQLite's
    /// `LIMIT`/`OFFSET`) with the whole answer's counts: the window asks for the first page,
    /// then the pages its table scrolls to.
    pub async fn inventory_page(
        &self,
        profile_id: &str,
        question: &InventoryQuestion,
        offset: u64,
        limit: u32,
    ) -> Result<InventoryAnswer, CoreError> {
        let limit = u64::from(limit);
        self.answer_rows(profile_id, question, Rows { offset, limit })
            .await
    }

    async fn answer_rows(
        &self,
        profile_id: &str,
        question: &InventoryQuestion,
        rows: Rows,
    ) -> Result<InventoryAnswer, CoreError> {
        let profile = self.profile(profile_id).await?;
        check_product(&profile, question.product(), Asked::Question)?;
        check_question(question)?;
        let question = question.clone();
        let id = profile.id.clone();
        read_blocking(&self.stock, move |db| ask(db, &id, &question, rows)).await
    }

    pub async fn inventory_export(
        &self,
        profile_id: &str,
        question: &InventoryQuestion,
        format: ExportFormat,
    ) -> Result<String, CoreError> {
        let answer = self.inventory_ask(profile_id, question).await?;
        match format {
            ExportFormat::Csv => to_csv(&answer.rows),
            ExportFormat::Json => serde_json::to_string_pretty(&answer.rows).map_err(|e| {
                CoreError::Files(ConfigProblem::ExportUnwritten {
                    detail: e.to_string(),
                })
            }),
        }
    }

    pub async fn inventory_search(
        &self,
        profile_id: &str,
        kind: PickerKind,
        text: &str,
        limit: u32,
    ) -> Result<Option<PickerAnswer>, CoreError> {
        let profile = self.profile(profile_id).await?;
        let (target_kind, product) = picked(kind);
        check_product(&profile, product, Asked::Picker)?;
        let id = profile.id.clone();
        let term = text.to_owned();
        let limit = usize::try_from(limit.min(PICKER_MAX)).unwrap_or(usize::MAX);
        let pick = read_blocking(&self.stock, move |db| {
            db.pick(&id, target_kind, &term, limit)
        })
        .await?;
        Ok(pick.map(|pick| PickerAnswer {
            items: pick
                .items
                .into_iter()
                .map(|t| PickerItem {
                    id: t.id,
                    name: t.name,
                    display_name: t.display_name,
                })
                .collect(),
            listed_at_ms: pick.listed_at.0,
            more: pick.more,
        }))
    }
}

/// Runs `f` on the inventory on the blocking pool; an inventory that is not open is an error
/// that says why.
pub(super) async fn read_blocking<T: Send + 'static>(
    stock: &Stock,
    f: impl FnOnce(&Inventory) -> Result<T, InventoryError> + Send + 'static,
) -> Result<T, CoreError> {
    let stock = stock.clone();
    let joined = tokio::task::spawn_blocking(move || {
        let read = stock.read(f);
        (read, stock.problem())
    })
    .await;
    match joined {
        Ok((Some(Ok(value)), _)) => Ok(value),
        Ok((Some(Err(err)), _)) => Err(CoreError::Files(ConfigProblem::InventoryUnreadable {
            detail: err.to_string(),
        })),
        Ok((None, reason)) => Err(CoreError::Files(ConfigProblem::InventoryClosed { reason })),
        Err(err) => Err(CoreError::Files(ConfigProblem::InventoryReadStopped {
            detail: err.to_string(),
        })),
    }
}

/// Refuses what was `asked` of a profile that is not for `needs`.
pub(super) fn check_product(
    profile: &Profile,
    needs: Product,
    asked: Asked,
) -> Result<(), CoreError> {
    if profile.product == needs {
        return Ok(());
    }
    Err(CoreError::Unfit(Unfit::OtherProduct {
        profile: profile.display_name.clone(),
        product: profile.product,
        needs,
        asked,
    }))
}

/// A question that could only mislead: options with "lacks" (there is no connection to match).
fn check_question(question: &InventoryQuestion) -> Result<(), CoreError> {
    if let InventoryQuestion::Auth0 {
        connection:
            Some(ConnectionCondition {
                presence: Presence::Lacks,
                options,
                ..
            }),
        ..
    } = question
        && *options != OptionsFilter::default()
    {
        return Err(CoreError::Unfit(Unfit::OptionsWithLacks));
    }
    Ok(())
}

fn ask(
    db: &Inventory,
    profile: &str,
    question: &InventoryQuestion,
    rows: Rows,
) -> Result<InventoryAnswer, InventoryError> {
    let name = |text: &String| Some(text.clone()).filter(|t| !t.trim().is_empty());
    Ok(match question {
        InventoryQuestion::Auth0 {
            connection,
            name_contains,
        } => {
            let query = Auth0OrgQuery {
                connection: connection.clone(),
                name_contains: name(name_contains),
            };
            answer(
                db.auth0_organizations_rows(profile, &query, rows)?,
                rows,
                |id| id.to_string(),
            )
        }
        InventoryQuestion::Zitadel { idp, name_contains } => {
            let query = ZitadelPolicyQuery {
                idp: idp.clone(),
                name_contains: name(name_contains),
            };
            answer(
                db.zitadel_policies_rows(profile, &query, rows)?,
                rows,
                |scope| match scope {
                    PolicyScope::Instance => ZITADEL_INSTANCE_ID.to_owned(),
                    PolicyScope::Organization { org_id } => org_id.to_string(),
                },
            )
        }
        InventoryQuestion::Hub {
            auto_joins,
            name_contains,
        } => {
            let query = HubModuleQuery {
                auto_joins: auto_joins.clone(),
                name_contains: name(name_contains),
            };
            answer(db.hub_modules_rows(profile, &query, rows)?, rows, |id| {
                id.to_string()
            })
        }
    })
}

fn answer<I>(answer: Answer<Found<I>>, rows: Rows, id: impl Fn(&I) -> String) -> InventoryAnswer {
    InventoryAnswer {
        rows: answer
            .matches
            .into_iter()
            .map(|m| InventoryRow {
                id: id(&m.id),
                name: m.name,
                display_name: m.display_name,
                detail: m.detail,
                read_at_ms: Some(m.wiring_read_at.0),
            })
            .collect(),
        offset: rows.offset,
        matching: answer.matching,
        known: answer.known,
        not_yet_read: answer.not_yet_read,
        oldest_read_ms: answer.oldest_read.map(|t| t.0),
    }
}

fn kind_counts(product: Product, counts: &[KindCount]) -> Vec<lanyard_model::inventory::KindCount> {
    kinds_of(product)
        .iter()
        .map(|(targets, kinds)| {
            let of = || counts.iter().filter(|c| kinds.contains(&c.kind));
            lanyard_model::inventory::KindCount {
                kind: *targets,
                known: of().map(|c| c.known).sum(),
                read: of().map(|c| c.read).sum(),
                oldest_read_ms: of().filter_map(|c| c.oldest_read).map(|t| t.0).min(),
            }
        })
        .collect()
}

fn outside_view(change: OutsideChange) -> OutsideChangeView {
    OutsideChangeView {
        target_id: change.target_id,
        target_name: change.target_name,
        item: change.item_name.unwrap_or(change.item),
        before: change.before,
        after: change.after,
        seen_at_ms: change.seen_at.0,
    }
}

/// The rows as CSV for spreadsheets (RFC 4180: CRLF line ends, fields quoted where needed),
/// with a header row; formulas are defused by the audit export's rule.
fn to_csv(rows: &[InventoryRow]) -> Result<String, CoreError> {
    let mut out = String::from("id,name,display name,detail,read at\r\n");
    for row in rows {
        let read_at = row.read_at_ms.map(rfc3339).transpose()?.unwrap_or_default();
        let fields = [
            row.id.as_str(),
            row.name.as_str(),
            row.display_name.as_deref().unwrap_or(""),
            row.detail.as_deref().unwrap_or(""),
            read_at.as_str(),
        ];
        let line: Vec<String> = fields.iter().map(|f| crate::audit::csv_field(f)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    Ok(out)
}

/// A time from the inventory as RFC 3339 in UTC, to the second; one no clock could have given
/// is an error.
fn rfc3339(ms: i64) -> Result<String, CoreError> {
    let bad = || CoreError::Files(ConfigProblem::InventoryBadTime { ms });
    time::OffsetDateTime::from_unix_timestamp(ms.div_euclid(1000))
        .map_err(|_| bad())?
        .format(&time::format_description::well_known::Rfc3339)
        .map_err(|_| bad())
}

#[cfg(test)]
mod tests;
