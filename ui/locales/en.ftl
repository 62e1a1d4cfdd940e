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

## Auth0 pages
auth0-org = Organization
auth0-org-search = Search organizations by name
auth0-org-none-matches = No organization matches.
auth0-pick-org = Pick an organization to see the connections enabled for it.
enable-pick-connection = Pick a connection.
enable-form = Enable a connection
enable-connection = Connection
enable-connection-search = Search connections by name or strategy
enable-name-hint = 1 to 50 characters; needed before organization admins get any access level.
enable-enabled = Enabled
enable-enabled-hint = Off keeps the association and its options but does not offer the connection.
action-preview = Preview
edit-form = Edit the connection's options
edit-title = Edit { $name }
edit-org-connection-name = Organization connection name
edit-button-enterprise-only = Only enterprise connections can be hidden.
edit-signup-database-only = Sign-up applies to database connections only.
conn-tab-connections = Connections
conn-tab-history = History
conn-filter = Filter connections
conn-close-form = Close the form
conn-enable = Enable connection
conn-none = No connection is enabled for this organization yet.
conn-caption = The organization's connections
conn-strategy = Strategy
conn-button = Button
conn-membership = Membership on login
conn-signup = Signup
conn-access-level = Access level
conn-org-name = Org connection name
conn-actions = Actions
yes = Yes
no = No
conn-disabled = Disabled
conn-edit = Edit
conn-disable-action = Disable
conn-enable-action = Enable
conn-remove = Remove
history-of = History of { $org }
history-only-lanyard = Only Lanyard's own changes are listed.
history-none-lanyard = Lanyard has made no change to this organization's connections.
history-none = No change to this organization's connections is in the tenant's logs or in Lanyard's audit log.
history-when = When
history-source = Source
history-who = Who
history-what = What
history-an-admin = An admin
history-dashboard-admin = Dashboard admin
history-application = Application
history-an-application = An application
history-tenant-log-title = The tenant's own log (GET /api/v2/logs)
history-tenant-log = Auth0 log
history-connection = Connection: { $connection }
history-lanyard-log-title = Lanyard's own audit log
history-lanyard-user = Lanyard user
history-profile = profile { $profile }
history-someone-here = Someone on this computer

## ZITADEL and Hub pages
zitadel-policy-of = Login policy of
zitadel-instance-option = The instance (default for every organization without its own)
zitadel-uses-default = This organization uses the instance's default login policy: it shows the instance's identity providers. Linking one here asks first whether to give the organization its own policy or to link it to the instance's default; unlinking needs a policy of its own.
zitadel-linked = Linked identity providers
zitadel-none-linked = No identity provider is linked.
col-name = Name
col-type = Type
col-state = State
zitadel-unlink = Unlink
zitadel-available = Available identity providers
search-by-name = Search by name
zitadel-search-idps = Search identity providers
zitadel-active = Active
zitadel-inactive = Inactive
zitadel-is-linked = Linked
zitadel-link = Link
hub-auth-module = Auth module
what-auth-modules = auth modules
hub-no-modules = This Hub has no auth module.
hub-module-disabled = { $name } ({ $kind }, disabled)
hub-users = { $n ->
    [one] { $n } user
   *[other] { $n } users
}
hub-already-auto-join = already an auto-join group
hub-add-group = Add an auto-join group
hub-search-groups = Search groups by name
hub-no-group-matches = No group matches.
hub-no-auto-join = This module adds new users to no group.
hub-group = Group
hub-users-col = Users

## Profiles page
profiles-removed = Removed profile { $name } and its keychain entry
profiles-testing = Testing…
profiles-test-missing = { $message } Missing: { $missing }
profiles-loading = Loading…
profiles-settings-set-aside = The settings file could not be read and was moved to { $path }; your profiles may need to be added again.
profiles-address = Address
profiles-environment = Environment
profiles-test = Test connection
profiles-hide-sandbox = Hide the built-in Sandbox profiles
profiles-remove-title = Remove profile { $name }?
profiles-remove-body = Lanyard forgets the profile and deletes its secret from the system keychain. The tenant itself is not changed.
profiles-sandbox-started = Started the sandbox: its three profiles are listed
profiles-try-sandbox = Try the sandbox
profiles-sandbox-hint = Local stand-ins for Auth0, ZITADEL and Hub on this computer, for this session: nothing reaches a real tenant.
profiles-saved = Saved profile { $name }
profiles-added = Added profile { $name }
profiles-edit-title = Edit profile { $name }
profiles-add-title = Add a profile
profiles-name-placeholder = Acme production
profiles-address-hint = Auth0: the tenant domain. ZITADEL: the instance URL. Hub: the Hub service URL.
profiles-client-id = Client ID (machine-to-machine application)
profiles-secret-hint = Stored in the system keychain only; never in a file or a log. When editing, leave it empty to keep the stored one (a new address needs a new secret).
profiles-env-production = Production (asks to type the tenant's name before removals)
profiles-saving = Saving…
profiles-save-changes = Save changes
profiles-add = Add profile
profiles-secret = Secret (client secret, personal access token or permanent token)
