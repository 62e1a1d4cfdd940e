//! A field's problem (the model's rule failures) in the UI's language.

use lanyard_model::FieldProblem;
use lanyard_model::compare::{SnapshotError, SnapshotProblem};
use lanyard_model::product::Product;
use lanyard_model::validation::ProfileChange;

use super::words::strategy_kind;
use crate::tr;

/// The message under a field for `problem`; Lanyard's words not yet in the catalogues read as
/// written.
pub fn field_problem(problem: &FieldProblem) -> String {
    match problem {
        FieldProblem::Required => tr!("rule-required"),
        FieldProblem::TooLong { len, max } => tr!(
            "rule-too-long",
            len = len.to_string(),
            max = max.to_string()
        ),
        FieldProblem::IdControlCharacter { code } => {
            tr!("rule-id-control", code = format!("U+{code:04X}"))
        }
        FieldProblem::SpaceAround => tr!("rule-space-around"),
        FieldProblem::PathCharacter => tr!("rule-path-character"),
        FieldProblem::ConnectionNameEmpty => tr!("rule-connection-name-empty"),
        FieldProblem::ConnectionNameNul => tr!("rule-connection-name-nul"),
        FieldProblem::SignupNotDatabase { kind } => {
            tr!("rule-signup-not-database", kind = strategy_kind(*kind))
        }
        FieldProblem::SignupNeedsMembership => tr!("rule-signup-needs-membership"),
        FieldProblem::SignupIgnored => tr!("rule-signup-ignored"),
        FieldProblem::ButtonIgnored { kind } => {
            tr!("rule-button-ignored", kind = strategy_kind(*kind))
        }
        FieldProblem::AccessNeedsName => tr!("rule-access-needs-name"),
        FieldProblem::NothingToChange => tr!("rule-nothing-to-change"),
        FieldProblem::ProfileNameMissing => tr!("rule-profile-name-missing"),
        FieldProblem::ClientIdMissing => tr!("rule-client-id-missing"),
        FieldProblem::ServiceIdMissing => tr!("rule-service-id-missing"),
        FieldProblem::ScopeMissing => tr!("rule-scope-missing"),
        FieldProblem::SecretMissing => tr!("rule-secret-missing"),
        FieldProblem::SecretTooLong { len, max } => {
            tr!(
                "rule-secret-too-long",
                len = len.to_string(),
                max = max.to_string()
            )
        }
        FieldProblem::SecretControlCharacter => tr!("rule-secret-control"),
        FieldProblem::HubTokenPrefix => tr!("rule-hub-token-prefix"),
        FieldProblem::AddressMissing { product } => match product {
            Product::Auth0 => tr!("rule-address-missing-auth0"),
            Product::Zitadel => tr!("rule-address-missing-zitadel"),
            Product::Hub => tr!("rule-address-missing-hub"),
        },
        FieldProblem::AddressScheme { scheme } => {
            tr!("rule-address-scheme", scheme = scheme.as_str())
        }
        FieldProblem::AddressUserInfo => tr!("rule-address-user-info"),
        FieldProblem::AddressHost { authority } => {
            tr!("rule-address-host", authority = authority.as_str())
        }
        FieldProblem::AddressPlainHttp => tr!("rule-address-plain-http"),
        FieldProblem::AddressQuery => tr!("rule-address-query"),
        FieldProblem::AddressPath => tr!("rule-address-path"),
        FieldProblem::ProfileNameTaken => tr!("rule-profile-name-taken"),
        FieldProblem::NewSecretNeeded { change, base_url } => {
            let change = match change {
                ProfileChange::Product => tr!("rule-changed-product"),
                ProfileChange::Address => tr!("rule-changed-address"),
                ProfileChange::SignIn => tr!("rule-changed-sign-in"),
            };
            tr!(
                "rule-new-secret-needed",
                change = change,
                url = base_url.as_str()
            )
        }
        FieldProblem::IdpOwnerMissing => tr!("rule-idp-owner-missing"),
        FieldProblem::OutOfRange { min, max, value } => tr!(
            "rule-out-of-range",
            min = min.to_string(),
            max = max.to_string(),
            value = value.to_string()
        ),
        FieldProblem::OverMax { max, value } => tr!(
            "rule-over-max",
            max = max.to_string(),
            value = value.to_string()
        ),
        FieldProblem::PastOffsetCap { end, cap } => tr!(
            "rule-past-offset-cap",
            end = end.to_string(),
            cap = cap.to_string()
        ),
        FieldProblem::CheckpointFromEmpty => tr!("rule-checkpoint-from-empty"),
        FieldProblem::FieldsWithoutId => tr!("rule-fields-without-id"),
        FieldProblem::UnsupportedByTenant { product, field } => tr!(
            "rule-unsupported-by-tenant",
            product = product.to_string(),
            field = field.clone()
        ),
        FieldProblem::ArgumentsNotJson { detail } => {
            tr!("rule-arguments-not-json", detail = detail.clone())
        }
        FieldProblem::ArgumentsNotObject => tr!("rule-arguments-not-object"),
        FieldProblem::ArgumentUnreadable { detail } => {
            tr!("rule-argument-unreadable", detail = detail.clone())
        }
        FieldProblem::Snapshot { file, error } => snapshot_error(file, error),
        FieldProblem::OfTarget {
            target,
            field,
            problem,
        } => tr!(
            "rule-of-target",
            target = target.clone(),
            field = field.clone(),
            problem = field_problem(problem)
        ),
        FieldProblem::MoreTargets { more } => tr!("rule-more-targets", more = more.to_string()),
        FieldProblem::TargetCount { max } => tr!("rule-target-count", max = max.to_string()),
        FieldProblem::ChangeCount { max } => tr!("rule-change-count", max = max.to_string()),
        FieldProblem::Said(text) => text.clone(),
    }
}

/// "acme.json: line 3, column 7: targets[0].name: a target needs a name", in the UI's
/// language; the JSON reader's own words are quoted in Japanese.
fn snapshot_error(file: &str, error: &SnapshotError) -> String {
    let mut at = String::new();
    if let (Some(line), Some(column)) = (error.line, error.column) {
        at.push_str(&tr!(
            "snapshot-at-line",
            line = line.to_string(),
            column = column.to_string()
        ));
        at.push_str(": ");
    }
    if let Some(field) = &error.field {
        at.push_str(field);
        at.push_str(": ");
    }
    let problem = match &error.problem {
        SnapshotProblem::TooLarge { max_mb } => {
            tr!("snapshot-too-large", max_mb = max_mb.to_string())
        }
        SnapshotProblem::Version { found, reads } => tr!(
            "snapshot-version",
            found = found.clone(),
            reads = reads.to_string()
        ),
        SnapshotProblem::Json { detail } => tr!("snapshot-json", detail = detail.clone()),
        SnapshotProblem::TargetNameMissing => tr!("snapshot-target-name-missing"),
        SnapshotProblem::TargetTwice { name } => {
            tr!("snapshot-target-twice", name = name.clone())
        }
        SnapshotProblem::ItemNameMissing => tr!("snapshot-item-name-missing"),
        SnapshotProblem::ItemTwice { item, target } => tr!(
            "snapshot-item-twice",
            item = item.clone(),
            target = target.clone()
        ),
        SnapshotProblem::OptionsMissing => tr!("snapshot-options-missing"),
        SnapshotProblem::OptionsNotAuth0 => tr!("snapshot-options-not-auth0"),
    };
    format!("{file}: {at}{problem}")
}

/// Each of `problems` in the UI's language.
pub fn field_problems(problems: &[FieldProblem]) -> Vec<String> {
    problems.iter().map(field_problem).collect()
}

#[cfg(test)]
pub(super) mod tests {
    use lanyard_model::auth0::StrategyKind;

    use super::*;

    /// One of each problem (each variant with the values its message needs).
    pub(crate) fn every_problem() -> Vec<FieldProblem> {
        vec![
            FieldProblem::Required,
            FieldProblem::TooLong { len: 51, max: 50 },
            FieldProblem::IdControlCharacter { code: 0 },
            FieldProblem::SpaceAround,
            FieldProblem::PathCharacter,
            FieldProblem::ConnectionNameEmpty,
            FieldProblem::ConnectionNameNul,
            FieldProblem::SignupNotDatabase {
                kind: StrategyKind::Enterprise,
            },
            FieldProblem::SignupNeedsMembership,
            FieldProblem::SignupIgnored,
            FieldProblem::ButtonIgnored {
                kind: StrategyKind::Social,
            },
            FieldProblem::AccessNeedsName,
            FieldProblem::NothingToChange,
            FieldProblem::ProfileNameMissing,
            FieldProblem::ClientIdMissing,
            FieldProblem::ServiceIdMissing,
            FieldProblem::ScopeMissing,
            FieldProblem::SecretMissing,
            FieldProblem::SecretTooLong {
                len: 1281,
                max: 1280,
            },
            FieldProblem::SecretControlCharacter,
            FieldProblem::HubTokenPrefix,
            FieldProblem::AddressMissing {
                product: Product::Hub,
            },
            FieldProblem::AddressScheme {
                scheme: "ftp".to_owned(),
            },
            FieldProblem::AddressUserInfo,
            FieldProblem::AddressHost {
                authority: "hub acme.com".to_owned(),
            },
            FieldProblem::AddressPlainHttp,
            FieldProblem::AddressQuery,
            FieldProblem::AddressPath,
            FieldProblem::ProfileNameTaken,
            FieldProblem::NewSecretNeeded {
                change: ProfileChange::SignIn,
                base_url: "https://acme.eu.auth0.com".to_owned(),
            },
            FieldProblem::IdpOwnerMissing,
            FieldProblem::OutOfRange {
                min: 1,
                max: 500,
                value: 501,
            },
            FieldProblem::OverMax {
                max: 1000,
                value: 1001,
            },
            FieldProblem::PastOffsetCap {
                end: 1100,
                cap: 1000,
            },
            FieldProblem::CheckpointFromEmpty,
            FieldProblem::FieldsWithoutId,
            FieldProblem::UnsupportedByTenant {
                product: Product::Auth0,
                field: "organization_access_level".to_owned(),
            },
            FieldProblem::ArgumentsNotJson {
                detail: "expected value at line 1 column 2".to_owned(),
            },
            FieldProblem::ArgumentsNotObject,
            FieldProblem::Snapshot {
                file: "acme.json".to_owned(),
                error: Box::new(SnapshotError {
                    line: Some(3),
                    column: Some(17),
                    field: None,
                    problem: SnapshotProblem::Json {
                        detail: "expected `,` or `}`".to_owned(),
                    },
                }),
            },
            FieldProblem::ArgumentUnreadable {
                detail: "invalid type: integer `3`, expected a string".to_owned(),
            },
            FieldProblem::OfTarget {
                target: "Acme".to_owned(),
                field: "owner_type".to_owned(),
                problem: Box::new(FieldProblem::IdpOwnerMissing),
            },
            FieldProblem::MoreTargets { more: 3 },
            FieldProblem::TargetCount { max: 10_000 },
            FieldProblem::ChangeCount { max: 10_000 },
        ]
    }

    /// The catalogue's English is the model's English, word for word, for every typed rule.
    #[test]
    fn english_reads_as_the_model_words_it() {
        super::super::set_lang(super::super::Lang::En);
        let mut all = every_problem();
        all.push(FieldProblem::Said("as written".to_owned()));
        for problem in all {
            assert_eq!(field_problem(&problem), problem.to_string());
        }
    }

    #[test]
    fn japanese_words_each_rule_with_its_values() {
        super::super::set_lang(super::super::Lang::Ja);
        let long = field_problem(&FieldProblem::TooLong { len: 51, max: 50 });
        let signup = field_problem(&FieldProblem::SignupNotDatabase {
            kind: StrategyKind::Enterprise,
        });
        super::super::set_lang(super::super::Lang::En);
        assert!(long.contains("51") && long.contains("50") && !long.contains("characters"));
        assert!(signup.contains("エンタープライズ"), "{signup}");
    }
}
