//! What is wrong with one field, as a typed value: the UI words it in the user's language from
//! its catalogue; `Display` is the one English wording (logs, the shell's errors, tests).

use std::fmt;

use serde::{Deserialize, Serialize};

use super::SnapshotError;
use crate::product::Product;
use crate::strategy::StrategyKind;

/// One rule a field's value breaks, with the values the message needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldProblem {
    /// An id left empty.
    Required,
    /// Longer than the field allows (in characters).
    TooLong { len: usize, max: usize },
    /// An id holding a control character (its code point).
    IdControlCharacter { code: u32 },
    /// An id with a space before or after it.
    SpaceAround,
    /// An id holding `/` or `\`.
    PathCharacter,
    /// An organization connection name set to the empty string.
    ConnectionNameEmpty,
    /// An organization connection name holding NUL.
    ConnectionNameNul,
    /// Sign-up turned on for a connection that is not a database connection.
    SignupNotDatabase { kind: StrategyKind },
    /// Sign-up turned on without "assign membership on login".
    SignupNeedsMembership,
    /// Sign-up set on a connection where Auth0 ignores it.
    SignupIgnored,
    /// "Show as button" set on a connection where Auth0 ignores it.
    ButtonIgnored { kind: StrategyKind },
    /// An organization access level without an organization connection name.
    AccessNeedsName,
    /// An update that changes nothing.
    NothingToChange,
    /// A profile without a name.
    ProfileNameMissing,
    /// An Auth0 profile without its application's client id.
    ClientIdMissing,
    /// A Hub profile without its service id.
    ServiceIdMissing,
    /// A Hub profile without the scope of its token.
    ScopeMissing,
    /// A new profile without its secret.
    SecretMissing,
    /// A secret longer than the system keychain holds (UTF-16 units).
    SecretTooLong { len: usize, max: usize },
    /// A secret holding a line break or control character.
    SecretControlCharacter,
    /// A Hub permanent token not starting with `perm:`.
    HubTokenPrefix,
    /// A profile without an address (the product says what it wants).
    AddressMissing { product: Product },
    /// An address whose scheme is neither https nor http.
    AddressScheme { scheme: String },
    /// An address with a user name or password in it.
    AddressUserInfo,
    /// An address whose host part is not a host name.
    AddressHost { authority: String },
    /// Plain http to another computer.
    AddressPlainHttp,
    /// An address with a query string or fragment.
    AddressQuery,
    /// An Auth0 address with a path.
    AddressPath,
    /// A profile name another profile has.
    ProfileNameTaken,
    /// An edit that moves the stored secret's profile elsewhere without a new secret.
    NewSecretNeeded {
        change: ProfileChange,
        base_url: String,
    },
    /// A ZITADEL identity provider link without its owner (instance or organization).
    IdpOwnerMissing,
    /// A number outside `min..=max` (a page size, Hub's `$top`).
    OutOfRange { min: u64, max: u64, value: u64 },
    /// A number over `max` (Auth0's page number).
    OverMax { max: u64, value: u64 },
    /// An offset page reaching record `end`, past the `cap` Auth0's offset paging stops at.
    PastOffsetCap { end: u64, cap: u64 },
    /// A checkpoint page's `from` given but empty.
    CheckpointFromEmpty,
    /// Hub `fields` that do not ask for `id`.
    FieldsWithoutId,
    /// A field this tenant's older endpoints do not take (Auth0 without the organization
    /// connections API).
    UnsupportedByTenant { product: Product, field: String },
    /// A command's arguments that are not JSON (`detail`: the parser's words).
    ArgumentsNotJson { detail: String },
    /// A command's arguments that are not an object of named arguments.
    ArgumentsNotObject,
    /// An argument the command could not read (`detail`: the parser's words, as it said them).
    ArgumentUnreadable { detail: String },
    /// The snapshot file `file` cannot be used.
    Snapshot {
        file: String,
        error: Box<SnapshotError>,
    },
    /// A bulk target (named `target`) whose change breaks `problem` at `field`.
    OfTarget {
        target: String,
        field: String,
        problem: Box<FieldProblem>,
    },
    /// `more` targets besides those listed break a rule.
    MoreTargets { more: usize },
    /// A bulk change takes between 1 and `max` targets.
    TargetCount { max: usize },
    /// A run holds between 1 and `max` changes.
    ChangeCount { max: usize },
    /// Lanyard's own English words for a rule not yet in the catalogues.
    Said(String),
}

impl fmt::Display for FieldProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Required => f.write_str("is required"),
            Self::TooLong { len, max } => {
                write!(f, "is {len} characters long; the most allowed is {max}")
            }
            Self::IdControlCharacter { code } => write!(
                f,
                "contains a control character (U+{code:04X}); paste the id again"
            ),
            Self::SpaceAround => f.write_str("starts or ends with a space"),
            Self::PathCharacter => {
                f.write_str("contains a path character (/ or \\) that no id has")
            }
            Self::ConnectionNameEmpty => f.write_str(
                "cannot be empty; leave the field blank to have no organization-specific name",
            ),
            Self::ConnectionNameNul => {
                f.write_str("contains a NUL character, which Auth0 does not accept")
            }
            Self::SignupNotDatabase { kind } => write!(
                f,
                "sign-up is only available for database connections; this is a {} connection",
                kind.label()
            ),
            Self::SignupNeedsMembership => f.write_str(
                "sign-up needs \u{201c}assign membership on login\u{201d} turned on: Auth0 only lets people sign up when they become members as they log in",
            ),
            Self::SignupIgnored => {
                f.write_str("applies to database connections only; Auth0 ignores it here")
            }
            Self::ButtonIgnored { kind } => write!(
                f,
                "only applies to enterprise connections; Auth0 ignores it for this {} connection",
                kind.label()
            ),
            Self::AccessNeedsName => f.write_str(
                "give the connection an organization connection name first: Auth0 needs one before organization admins get any access",
            ),
            Self::NothingToChange => {
                f.write_str("nothing to change: every option already has this value")
            }
            Self::ProfileNameMissing => {
                f.write_str("give the profile a name, e.g. \u{201c}Acme production\u{201d}")
            }
            Self::ClientIdMissing => f.write_str("enter the application's client id"),
            Self::ServiceIdMissing => f.write_str("enter the service id"),
            Self::ScopeMissing => {
                f.write_str("enter the service ids the token is for (Hub's own id at least)")
            }
            Self::SecretMissing => f.write_str(
                "paste the secret; it goes to the system keychain, never to a file",
            ),
            Self::SecretTooLong { len, max } => write!(
                f,
                "is {len} characters long; the system keychain holds at most {max}"
            ),
            Self::SecretControlCharacter => f.write_str(
                "contains a line break or control character; paste it again without them",
            ),
            Self::HubTokenPrefix => f.write_str(
                "Hub permanent tokens start with \u{201c}perm:\u{201d}; copy the whole token",
            ),
            Self::AddressMissing { product } => f.write_str(product.address_hint()),
            Self::AddressScheme { scheme } => write!(f, "use an https address, not {scheme}://"),
            Self::AddressUserInfo => {
                f.write_str("leave the user name and password out of the address")
            }
            Self::AddressHost { authority } => {
                write!(f, "\u{201c}{authority}\u{201d} is not a host name")
            }
            Self::AddressPlainHttp => f.write_str(
                "use https: Lanyard sends tokens only over https (plain http only to this computer)",
            ),
            Self::AddressQuery => f.write_str("leave query strings and fragments out of the address"),
            Self::AddressPath => f.write_str(
                "enter the tenant domain only, without a path (e.g. acme.eu.auth0.com)",
            ),
            Self::ProfileNameTaken => f.write_str(
                "another profile has this name; names tell profiles apart in the switcher",
            ),
            Self::NewSecretNeeded { change, base_url } => write!(
                f,
                "{change}: paste the secret for the new one. The stored secret belongs to {base_url} and is never sent elsewhere"
            ),
            Self::IdpOwnerMissing => f.write_str(
                "choose whether the identity provider belongs to the instance or to the organization",
            ),
            Self::OutOfRange { min, max, value } => {
                write!(f, "must be between {min} and {max}, not {value}")
            }
            Self::OverMax { max, value } => write!(f, "must be at most {max}, not {value}"),
            Self::PastOffsetCap { end, cap } => write!(
                f,
                "reaches record {end}; offset paging stops at {cap} records, use checkpoint paging past that"
            ),
            Self::CheckpointFromEmpty => f.write_str("is empty; leave it out for the first page"),
            Self::FieldsWithoutId => {
                f.write_str("must ask for `id` at least: Hub returns only the fields named")
            }
            Self::UnsupportedByTenant { product, field } => write!(
                f,
                "this {product} tenant does not have the organization connections API (an Early Access feature), so `{field}` cannot be set: its older enabled_connections endpoints, which Lanyard uses here, have no such field. Nothing was changed. Leave `{field}` at its default, or ask Auth0 to enable the feature for the tenant"
            ),
            Self::ArgumentsNotJson { detail } => write!(f, "are not JSON ({detail})"),
            Self::ArgumentsNotObject => f.write_str("must be an object of named arguments"),
            Self::ArgumentUnreadable { detail } => f.write_str(detail),
            Self::Snapshot { file, error } => write!(f, "{file}: {error}"),
            Self::OfTarget {
                target,
                field,
                problem,
            } => write!(f, "{target}: {field}: {problem}"),
            Self::MoreTargets { more } => {
                write!(f, "and {more} more; untick them or pick the targets again")
            }
            Self::TargetCount { max } => {
                write!(f, "Pick between 1 and {max} targets for a bulk change")
            }
            Self::ChangeCount { max } => write!(f, "A run holds between 1 and {max} changes"),
            Self::Said(text) => f.write_str(text),
        }
    }
}

/// What changed in an edited profile that its stored secret was not given for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProfileChange {
    Product,
    Address,
    SignIn,
}

impl fmt::Display for ProfileChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Product => "the product changed",
            Self::Address => "the address changed",
            Self::SignIn => "the sign-in method changed",
        })
    }
}

impl From<String> for FieldProblem {
    fn from(text: String) -> Self {
        Self::Said(text)
    }
}

impl From<&str> for FieldProblem {
    fn from(text: &str) -> Self {
        Self::Said(text.to_owned())
    }
}

/// Tests and callers compare a problem with its English words; those are formatted from the
/// problem's values, so the comparison formats them first.
#[allow(clippy::cmp_owned)]
impl PartialEq<&str> for FieldProblem {
    fn eq(&self, other: &&str) -> bool {
        self.to_string() == *other
    }
}

#[allow(clippy::cmp_owned)]
impl PartialEq<String> for FieldProblem {
    fn eq(&self, other: &String) -> bool {
        self.to_string() == *other
    }
}
