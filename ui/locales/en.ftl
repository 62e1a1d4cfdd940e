## Lanyard's user interface in English. Keys are `area-thing`; every key here is also in ja.ftl
## and used by the code (ui/src/i18n/catalogue_tests.rs checks both).

## The frame
app-version-unknown = version unknown
app-language = Language
app-profile-of = { $product } profile
env-production-badge = PRODUCTION
env-production = Production
env-staging = Staging
env-development = Development
env-sandbox = Sandbox
nav-sections = Sections
product-tabs = Product
toast-region = Notifications
toast-close = Close
no-profile = No { $product } profile is configured.
no-profile-hint = Add one on the Profiles page, or show the built-in Sandbox profiles there.

## Pages
page-inventory = Inventory
page-bulk = Bulk changes
page-make-like = Make like
page-compare = Compare
page-activity = Activity
page-profiles = Profiles
page-auth0-subtitle = Organizations and the connections enabled for them
page-zitadel-subtitle = Identity providers on the login policy
page-hub-subtitle = Auth modules and their auto-join groups
page-inventory-subtitle = Every target's wiring, read once and kept fresh: questions across the whole tenant answered at once
page-bulk-subtitle = One change on many organizations, identity providers or auth modules, paced at the API's limit
page-make-like-subtitle = Make organizations, login policies or auth modules wired like another one, planned per target
page-compare-subtitle = Two profiles of a product, or a snapshot file and a profile, matched by name; copy the differences
page-activity-subtitle = Every change Lanyard made, newest first
page-profiles-subtitle = The tenants and instances Lanyard administers

## Common actions
action-cancel = Cancel
action-working = Working…
action-retry = Retry
confirm-typed-before = This is a production profile. Type{" "}
confirm-typed-after = {" "}to confirm.

## Loading
load-loading = Loading { $what }…
load-failed = Could not load { $what }: { $cause }

## Time and counts
time-under-a-minute = under a minute
time-s = { $s } s
time-min = { $m } min
time-min-s = { $m } min { $s } s
time-h = { $h } h
time-h-min = { $h } h { $m } min
time-days = { $d ->
    [one] { $d } day
   *[other] { $d } days
}
time-ago = { $age } ago
count-orgs = { $n ->
    [one] { $n } organization
   *[other] { $n } organizations
}

## Change dialog and small components
what-organizations = organizations
what-org-history = the organization's history
what-connections = connections
what-idps = identity providers
what-login-policy = the login policy
what-auto-join-groups = the auto-join groups
what-answer = the answer
change-back-to = ← Back to: { $change }
change-back-to-choice = ← Back to the choice
action-undo = Undo
change-applied-no-audit = { $summary }. Applied, but the audit entry could not be written: { $cause }
change-preparing = Preparing the change…
change-reading-state = Reading the current state from the server.
change-cannot-prepare = This change cannot be prepared
change-no-op = It is already so: applying changes nothing.
change-after-choice = What will be sent is shown once you choose.
change-will-send = Will send
change-now = Now
change-after = After
change-needs-choice = Choose how to link above: nothing is sent until you do.
change-applying = Applying…
change-apply = Apply
export-not-saved = The export could not be saved: { $cause }.
access-level = Organization access level
org-scope-org = Organization { $name }

## Fields, pickers and the enable options
picker-searching = Searching…
picker-nothing-matches = Nothing matches.
listing-from-inventory = From the inventory, { $age } old
listing-reload-live = Reload live
listing-read-live = Read live
listing-use-inventory = Use the inventory
what-tenant-connections = the tenant's connections
enable-already-enabled = { $strategy } · already enabled
enable-org-connection-name = Organization connection name (optional)
enable-assign-membership = Assign membership on login
enable-assign-membership-hint = Everyone who logs in with this connection becomes a member of the organization.
enable-show-as-button = Show as a button on the login prompt
enable-button-enterprise-only = Only enterprise connections can be hidden; this is a { $kind } connection, shown as Auth0 decides.
enable-allow-signup = Allow sign-up
enable-signup-database-only = Sign-up applies to database connections only; this is a { $kind } connection.

## Kinds of connection
strategy-database = database
strategy-social = social
strategy-enterprise = enterprise
strategy-passwordless = passwordless

## Inventory-first searches
search-from-inventory-more = From the inventory, { $age } old · the first { $limit } shown, type more to narrow
search-live = Search live
search-searched-live = Searched live
search-inventory = Search the inventory
search-not-in-inventory = Not in the inventory, which no complete crawl has filled: searched live
search-failed = Could not search: { $cause }
