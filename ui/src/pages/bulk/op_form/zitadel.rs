//! ZITADEL's op form: link or unlink the identity providers on the instance's login policy or
//! on an organization's.

use lanyard_model::Label;
use lanyard_model::bulk::BulkOp;
use lanyard_model::change::ConsoleName;
use lanyard_model::zitadel::{Org, PolicyScope};
use leptos::prelude::*;

use super::{OpDraft, OpForm, what_to_do};
use crate::components::org_scope::{OrgScopeSelect, use_orgs};
use crate::tr;

/// The op on the policy of `org`, or of the instance when it is `None`.
fn zitadel_op(link: bool, org: Option<Org>) -> BulkOp {
    let (scope, scope_name) = match org {
        None => (
            PolicyScope::Instance,
            Label::Console {
                console: ConsoleName::TheInstance,
            },
        ),
        Some(org) => (
            PolicyScope::Organization {
                org_id: org.id.clone(),
            },
            Label::from(if org.name.is_empty() {
                org.id.to_string()
            } else {
                org.name
            }),
        ),
    };
    if link {
        BulkOp::ZitadelLink { scope, scope_name }
    } else {
        BulkOp::ZitadelUnlink { scope, scope_name }
    }
}

pub(super) fn zitadel_op_form(profile_id: String) -> OpForm {
    let link = RwSignal::new(true);
    let orgs = use_orgs(profile_id);
    // The organization whose policy is changed; `None` for the instance's.
    let scope_org = RwSignal::new(None::<Org>);
    let op = Memo::new(move |_| -> OpDraft { Some(Ok(zitadel_op(link.get(), scope_org.get()))) });
    let fields = view! {
        {what_to_do("zitadel-op", [(true, "link", tr!("op-zitadel-link")), (false, "unlink", tr!("op-zitadel-unlink"))], link)}
        <OrgScopeSelect id="bulk-scope" label=tr!("op-login-policy") instance_label=tr!("op-instance-policy")
            orgs=orgs org=scope_org />
    }
    .into_any();
    OpForm { fields, op }
}
