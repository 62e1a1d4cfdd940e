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
page-loading = Loading the page…
part-missing = This part of Lanyard's window could not be loaded: its file is missing or damaged.
part-missing-hint = Restart Lanyard. If it happens again, install Lanyard again.

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
change-applied-no-audit = { $summary }. The change is applied, but { $cause }
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

## Inventory page and the crawl line
noun-organization = organization
noun-login-policy = login policy
noun-login-policies = login policies
noun-auth-module = auth module
what-inventory = the inventory
inventory-problem = The inventory has a problem.
inventory-problem-hint = Lanyard works without it meanwhile: pickers and plans read live, and questions may be answered from what was kept before.
crawl-not-started = Nothing read yet. Start reads every one of the { $noun } and its wiring in the background, at the pace the API allows; your own clicks go first.
crawl-running = { $done } of { $total } { $noun } read{ $pace }
crawl-stopped = Stopped at { $done } of { $total } { $noun }. What was read is usable; Resume continues where it stopped.
crawl-finished = All { $done } { $noun } read.
crawl-title = Inventory of { $profile }
crawl-progress-label = Inventory read
crawl-finished-at = Finished at { $at } ({ $ago }).
crawl-started-at = Started at { $at }.
crawl-resume = Resume
crawl-start = Start reading
crawl-read-again = Read everything again
crawl-start-over = Start over
crawl-kinds-caption = How much of each kind the inventory holds
crawl-kind = Kind
crawl-known = Known
crawl-wiring-read = Wiring read
crawl-oldest-read = Oldest read
outside-title = Changed outside Lanyard
outside-none = Nothing found changed outside Lanyard. A re-read (opening a target, a preview, a plan, a crawl) that finds a difference Lanyard did not make lists it here.
col-target = Target
col-item = Item
outside-before-after = Before → after
outside-seen = Seen
outside-hidden = { $n ->
    [one] { $n } older one is not shown.
   *[other] { $n } older ones are not shown.
}
outside-became = became
crawl-line-starting = starting
crawl-line-of = { $done } of { $total }
crawl-line-rate = { $rate }/min
crawl-line-left = about { $eta } left
crawl-line-running = Inventory: reading { $name } { $progress }
crawl-line-stopped = Inventory: reading { $name } stopped at { $done } of { $total }
crawl-line-title = Inventory: reading { $name }. Open the Inventory page.
crawl-line-problem-title = The inventory has a problem: { $problem }
crawl-line-problem = Inventory problem
crawl-state-not-started = Not read yet
crawl-state-running = Reading
crawl-state-interrupted = Interrupted
crawl-state-cancelled = Cancelled
crawl-state-finished = Complete
op-enable-connection = enable connection
op-update-connection = update connection
op-remove-connection = remove connection
op-link-idp = link idp
op-unlink-idp = unlink idp
op-set-external-idps = set external idps
op-add-auto-join-group = add auto join group
op-remove-auto-join-group = remove auto join group
op-create-login-policy = create login policy
outcome-success = success
outcome-failure = failure
outcome-unknown = unknown
crawl-phase-list-organizations = Listing organizations
crawl-phase-list-connections = Listing connections
crawl-phase-list-instance = Reading the instance
crawl-phase-list-login-policies = Listing login policies
crawl-phase-list-idps = Listing identity providers
crawl-phase-list-auth-modules = Listing auth modules
crawl-phase-list-groups = Listing groups
crawl-phase-read-org-connections = Reading each organization's connections
crawl-phase-read-policy-idps = Reading each login policy's identity providers
crawl-phase-read-module-groups = Reading each auth module's auto-join groups
crawl-phase-read = Reading each of the { $what }
targets-organizations = Organizations
targets-connections = Connections
targets-instance = Instance
targets-login-policies = Login policies
targets-idps = Identity providers
targets-auth-modules = Auth modules
targets-groups = Groups

## Inventory answers
answer-found = { $n } { $noun }
answer-none-known = { $found } · the inventory holds no { $noun } yet: start reading above
answer-not-yet-read = { $found } · { $n } not read yet, so the answer may be incomplete
answer-all-read-oldest = { $found } · all { $n } read, the oldest { $age } ago
answer-all-read = { $found } · all { $n } read
answer-refusal-zitadel = Bulk changes on ZITADEL link or unlink many identity providers on one login policy, so these policies cannot be its targets: open a policy on the ZITADEL page, or pick it as the login policy on Bulk changes.
answer-refusal-nothing = Nothing to hand to Bulk changes.
answer-refusal-too-many = A bulk run takes at most { $max } targets: narrow the question (e.g. by name) to use these as bulk targets.
answer-export-failed = Could not export the answer: { $cause }
answer-title = Answer: { $question }
export-csv = Export CSV
export-json = Export JSON
answer-use-as-targets = { $n ->
    [one] Use this { $n } as a bulk target
   *[other] Use these { $n } as bulk targets
}
answer-table = Answer
answer-display-name = Display name
answer-detail = Detail
answer-read = Read
answer-not-read = not read yet

## Activity page, bulk targets and runs
activity-time = Time
activity-profile = Profile
activity-change = Change
activity-outcome = Outcome
activity-correlation-id = Correlation id
activity-filter-placeholder = Filter by profile, operation, target or outcome
activity-filter = Filter activity
what-activity-log = the activity log
activity-empty = No change has been made yet.
activity-log-path = The log is kept in { $path }
activity-skipped = { $n ->
    [one] { $n } unreadable line skipped: cut short by a crash, or not text. The rest of the log is shown; the file { $path } is left as it is.
   *[other] { $n } unreadable lines skipped: cut short by a crash, or not text. The rest of the log is shown; the file { $path } is left as it is.
}
activity-no-match = No entry matches the filter.
activity-entries = { $n ->
    [one] { $n } entry
   *[other] { $n } entries
}
activity-matching = { $matching } of { $total } entries
targets-filter-placeholder = Filter { $many } by name
targets-filter = Filter { $many }
targets-select-matching = Select all { $n } matching
targets-clear = Clear selection
targets-selected = { $n } selected
targets-select-one = Select { $name }
targets-table = Targets
targets-details = Details
targets-selected-col = Selected
what-bulk-runs = the bulk runs
bulk-unreadable = { $n ->
    [one] { $n } bulk run journal in { $folder } could not be read
   *[other] { $n } bulk run journals in { $folder } could not be read
}
bulk-unreadable-hint = Lanyard left them as they are. Restore them from a backup, or move them out of the folder once you no longer need them.
bulk-unfinished = Unfinished bulk runs
bulk-open-run = { $summary } — { $state } ({ $done } of { $total } done)
bulk-review-resume = Review and resume
bulk-open = Open
run-state-planning = Reading current state
run-state-ready = Ready to start
run-state-running = Running
run-state-paused = Paused
run-state-finished = Finished

## Bulk form and runs
bulk-tick-one = Tick at least one { $noun }.
bulk-new = New bulk change
bulk-step-change = 1. The change
bulk-step-targets = 2. The { $noun }
bulk-handoff = { $n } from the inventory: { $question }.
bulk-handoff-clear = Pick from all { $noun } instead
bulk-no-targets = This profile has no { $noun }.
bulk-step-plan = 3. The plan
bulk-planning = Planning…
bulk-preview-n = { $n ->
    [one] Preview { $n } change
   *[other] Preview { $n } changes
}
bulk-active = active
bulk-inactive = inactive
bulk-disabled = disabled
bulk-enabled = enabled
noun-idp = identity provider
run-back = ← New bulk change
run-loading = Loading the run…
run-planned-on = Planned { $at } on { $profile }
run-progress = Progress
run-reading = Reading the current state: { $done } of { $total }
run-counts = { $done } of { $total } done · { $failed } failed · { $skipped } need no change
run-unknown = { $n } unknown
run-not-sent = { $n } not sent
run-rate = { $rate } per minute
run-from-inventory = Planned from the inventory as of { $at }
run-start = { $n ->
    [one] Start { $n } change
   *[other] Start { $n } changes
}
run-pause = Pause
run-discard = Discard
run-retry = Retry { $n } failed
run-undo = { $n ->
    [one] Undo this run ({ $n } item)
   *[other] Undo this run ({ $n } items)
}
run-show = Show
run-show-all = All ({ $n })
run-show-done = Done ({ $n })
run-show-failed = Failed or unknown ({ $n })
run-show-skipped = No change needed ({ $n })
run-show-pending = Waiting or not sent ({ $n })
run-show-warnings = With warnings ({ $n })
run-items = Items of the run
run-confirm-start = { $n } changes will be sent, one after another at the pace the server allows. You can pause or cancel at any time; { $skipped } need no change and are skipped.
run-confirm-retry = The { $n } failed or unknown items are read again and sent where still needed; nothing else is sent.
run-confirm-resume = The { $n } items still waiting are sent.
run-journal-note = Every change is written to the run's journal before it is sent, so a run stopped by a crash resumes without sending anything twice.
run-before = Before
run-planned = Planned
run-warnings = Warnings
run-result = Result
run-already-so = — (already so)
item-pending = Waiting
item-skipped = No change needed
item-sending = Sending
item-done = Done
item-failed = Failed
item-unknown = Outcome unknown
item-not-sent = Not sent (cancelled)

## Make like
like-instance-default = Instance default
like-instance-policy = the instance's login policy
like-pick-source = Pick the source to copy the wiring from.
like-tick-one = Tick at least one { $noun } to make like the source (the source itself cannot be one).
like-step-source = 1. The source { $noun }
like-source-hint = Its { $items } and their options are what the targets get.
like-source = Source
like-step-targets = 2. The { $noun } to make like it
like-remove-extra = Also remove the { $items } the source does not have
like-remove-extra-help = Off: the targets keep { $items } the source lacks, and nothing is removed. On: those are removed (disabled, unlinked), so users who sign in with them can no longer do so; the plan marks each removal, and a production profile asks for its host name before it starts.
like-plan = { $n ->
    [one] Plan: make { $n } like the source
   *[other] Plan: make { $n } like the source
}
like-again = ← Make like again
like-org-detail = organization · { $id }
noun-groups = groups

## Compare
left-need-snapshot = Open a snapshot file, drop one here, or paste its text.
left-pasted = pasted snapshot
left-no-other = There is no other { $product } profile to compare { $name } with. Add one on the Profiles page, or compare a snapshot file.
left-legend = Left: what the right should match
left-a-profile = A profile
left-a-file = A snapshot file
left-text = Snapshot (JSON): open a file, drop it here, or paste it
left-open-file = Open a file…
left-snapshot-hint = A snapshot is what “Export a snapshot” saves: names and ids, no secrets. Nothing is sent until you review the plan.
left-only-profile = { $name } is the only { $product } profile. Compare it with a snapshot file (choose “A snapshot file”), or add the other tenant on the Profiles page.
left-profile = Left profile
compare-snapshot-saved = Saved the snapshot of { $name } as { $file } to { $folder }.
compare-snapshot-not-saved = The snapshot could not be saved: { $cause }.
compare-back = ← Back to the comparison
compare-right = Right: the profile to compare (and copy to)
compare-names = Names containing
compare-all-targets = All targets
compare-open-inventory = Open the Inventory page
compare-export-snapshot = Export a snapshot of { $name }
compare-comparing = Comparing…
diff-yes = yes
diff-button = button
diff-membership = membership on login
diff-signup = signup
diff-access = access { $level }
diff-as = as “{ $name }”
diff-left-side = Left: { $label }
diff-right-side = Right: { $label }
diff-targets = { $n ->
    [one] { $n } target
   *[other] { $n } targets
}
diff-oldest-read = oldest read { $ago }
diff-from-file = from a file
diff-not-read = { $n ->
    [one] { $n } target not read yet left out.
   *[other] { $n } targets not read yet left out.
}
diff-crawl = Crawl from the Inventory page
diff-only-left-targets = Targets only on the left (not copied: Lanyard does not create them)
diff-only-right-targets = Targets only on the right
diff-unknown-on-right = Items the right-hand tenant has none of that name
diff-show-kinds = Show kinds
diff-select-copyable = Select all shown that can be copied
diff-clear = Clear
diff-caption = Differences between the two sides
diff-copy-col = Copy
diff-left = Left
diff-right = Right
diff-copy-one = Copy { $item } on { $target }
diff-differs = differs: { $what }
diff-cannot-copy = Cannot copy: { $why }
diff-empty = No rows of the kinds shown.
diff-copy = Copy { $n } to { $name }
diff-copy-hint = The copy is planned as a bulk run on the right-hand profile: review it, then start it. On a production profile, a copy that removes anything asks for the host name typed first.
diff-only-left = Only on the left
diff-only-right = Only on the right
diff-same = Same
diff-different = Different

## Bulk forms: the op, lists, plan source, rate share
op-what-to-do = What to do
op-fix-fields = fix the fields marked
op-choose-option = choose at least one option to change
op-leave = Leave as it is
op-enable = Enable the connection
op-change = Change its options
op-disable = Disable it (keep its options)
op-remove = Remove it
op-name-hint = The same for every organization; 1 to 50 characters.
op-show-as-button = Show as a button
op-choose-option-sentence = Choose at least one option to change.
op-remove-notice = Removing takes the connection and its per-organization options away from every organization ticked. An undo run can put them back as they were.
op-pick-group = Pick a group.
op-hub-add = Add to the auto-join groups
op-hub-remove = Remove from the auto-join groups
op-zitadel-link = Link to the login policy
op-zitadel-unlink = Unlink from the login policy
op-login-policy = Login policy
op-instance-policy = The instance's default policy
groups-title = The plan, by target
groups-failed = Could not load the plan's groups: { $cause }
groups-nothing = Nothing to change: every target is already like the source.
groups-count = { $changes ->
    [one] { $changes } change
   *[other] { $changes } changes
} on { $targets ->
    [one] { $targets } target
   *[other] { $targets } targets
}
groups-status = Status
groups-removes = removes
share-invalid = Enter a whole percent from 1 to 100.
share-now-uses = This run now uses { $share }.
share-write-rate = Write rate:
share-run-uses = this run uses { $share }
share-pause-to-change = pause the run to change it
share-title = Other tools that use the tenant's rate limit (Deploy CLI, Terraform, your own scripts) keep the rest.
share-use-at-most = Use at most
share-percent = % of the write rate, so other tools keep the rest
share-set = Set
share-full = the full write rate
share-partial = at most { $percent }% of the write rate
plan-source-invalid = Enter whole minutes from 1 to { $max } (a week), or choose “Read each target live”.
plan-source-legend = Each target's current state
plan-source-inventory = Plan from the inventory when its rows are younger than
plan-source-max-age = Maximum age of the inventory's rows, in minutes
plan-source-minutes = minutes
plan-source-live = Read each target live
plan-source-hint = From the inventory, a plan starts at once; if a target's row is older, or missing, each target is read live and the run says why. Either way the run settles any surprise from the server by reading back.
file-not-utf8 = { $name } could not be read as text; save it as UTF-8 and pick it again
file-not-text = { $name } is not text; pick a .json or .csv file
list-open = Paste a list or CSV…
list-column-n = Column { $n }
list-title = Targets from a list
list-hint = One name or id per line, or a CSV file's column. Each entry is matched by id, or by name or display name as a whole word in any case; unknown and ambiguous entries are listed and left out until fixed.
list-format = Format
list-lines = One per line
list-csv-text = CSV text
list-lines-text = Names or ids, one per line
list-header = First row is a header
list-column = Column
list-resolving = Resolving…
list-resolve = Resolve
list-resolved = { $n } resolved
list-repeats = { $n ->
    [one] { $n } repeat collapsed into an earlier entry
   *[other] { $n } repeats collapsed into an earlier entry
}
list-blank = { $n } blank ignored
list-unknown = { $n ->
    [one] { $n } entry not found, left out:
   *[other] { $n } entries not found, left out:
}
list-line = line { $line }: { $text }
list-unknown-hint = Check the spelling, or use the id; a target created since the last crawl is found live.
list-skipped = line { $line } skipped: { $reason }
list-skip-too-few-columns = it has { $has ->
    [one] { $has } column
   *[other] { $has } columns
}, so no column { $column }
list-err-too-large = The list is { $bytes } bytes; Lanyard reads lists of up to 1 MiB ({ $max } bytes). Split it into smaller lists
list-err-too-many = The list has more than { $max } entries; Lanyard reads up to { $max } at a time. Split it into smaller lists
list-err-empty = The list has no names or ids in it
list-err-csv = Line { $line } of the CSV file cannot be read: { $reason }
list-err-no-such-column = The CSV file has no column { $column }; its columns are: { $available }
list-err-no-header = A column is picked by its header name only when the file's first row is a header; tick "{ list-header }" or pick the column by position
csv-unclosed-quote = a quoted field is never closed (a " is missing)
csv-text-after-quote = text follows a closing quote; put the whole field in quotes and write a quote inside it as ""
list-ambiguous = Several targets have these names; choose one, or leave it out:
list-leave-out = Leave out
list-use = Use these { $n }

## Inventory questions
q-any = Any
q-any-name = Any name
q-yes = yes
q-no = no
q-show-as-button-is = show as button: { $value }
q-membership-is = membership on login: { $value }
q-signup-is = sign-up: { $value }
q-enabled-is = enabled: { $value }
q-access-level-is = access level: { $value }
q-orgs-lack = organizations that lack { $label }
q-orgs-have = organizations that have { $label }
q-orgs-have-with = organizations that have { $label } with { $options }
q-any-connections = Any connections
q-has-connection = Has the connection
q-lacks-connection = Lacks the connection
q-search-connections = Search connections by name
q-pick-connection = Pick a connection, or choose “Any connections”.
q-no-connection-matches = No connection matches.
q-options-hint = Only organizations whose options match too (after Auth0's defaults); “Any” matches every value.
q-org-name-contains = Organization name contains
q-policies-link = login policies that link { $label }
q-policies-not-link = login policies that do not link { $label }
q-idp = Identity provider
q-not-linked = Not linked
q-search-idps = Search identity providers by name
q-pick-idp = Pick an identity provider, or choose “Any”.
q-no-idp-matches = No identity provider matches.
q-policy-name-contains = Policy or organization name contains
q-modules-auto-join = auth modules that auto-join { $group }
q-pick-group = Pick a group from the list, or clear the field to ask about every module.
q-auto-joins = Auto-joins the group (optional)
q-module-name-contains = Module name contains
q-named-like = , named like “{ $text }”
q-form = Ask the inventory
q-ask = Ask
q-asking = Asking…
q-none = Choose the filters and press Ask: the answer comes from the inventory at once, without reading the server.

## Warnings
warn-connection-without-app = No application uses this connection
warn-connection-without-org-app = No application that allows organizations uses this connection
warn-no-visible-connection = No connection left to pick at login
warn-signup-refused = Auth0 refuses sign-up here
warn-no-app-granted = No application granted to members
warn-org-default-policy = The organization follows the instance's default login policy
warn-external-idps-off = External identity providers are off
warn-unlink-loses-access = People who use this provider lose access
warn-module-no-users = This module creates no users
warn-group-auto-joins = The group auto-joins everyone already
warn-could-not-check = Could not check
warn-choice-own-policy = Two steps, each in the audit log: a copy of the instance default becomes the organization's own policy, then the provider is linked to it. Later changes to the default no longer reach this organization.
warn-choice-instance = The provider is linked to the instance's default policy: every organization that follows the default shows it.
warn-documented = documented
warn-documented-title = The vendor's documentation or specification says so.
warn-inferred = inferred
warn-inferred-title = Lanyard infers this; the vendor does not document it.
warn-heading = { $n ->
    [one] Before you apply: { $n } thing to know about sign-in
   *[other] Before you apply: { $n } things to know about sign-in
}
warn-choose-link = Choose how to link
warn-preview-choice = Preview this choice
warn-why = Why
warn-source = Source: { $reference }
warn-not-checked = { $n } not checked
warn-checks-not-made = { $n ->
    [one] { $n } check could not be made
   *[other] { $n } checks could not be made
}
warn-n-warnings = { $n ->
    [one] { $n } warning
   *[other] { $n } warnings
}
warn-n-warnings-unchecked = { $n ->
    [one] { $n } warning
   *[other] { $n } warnings
}, { $unchecked } not checked
warn-targets-warned = { $n ->
    [one] { $n } target has warnings
   *[other] { $n } targets have warnings
}
warn-targets-unchecked = { $n ->
    [one] { $n } target could not be fully checked
   *[other] { $n } targets could not be fully checked
}
warn-kind-count = { $title }: { $n ->
    [one] { $n } target
   *[other] { $n } targets
}
warn-summary-hint = Open a row's warning count to read what it means for people signing in; the plan can still be started.
warn-msg-connection-without-app = { $connection } is not enabled for any application: members of this organization will have no application to log in to with it.
warn-msg-connection-without-org-app-unread = { $connection } is enabled only for applications that do not let people log in with an organization (none Lanyard can read): members of this organization will have no application to log in to with it.
warn-msg-connection-without-org-app = { $connection } is enabled only for applications that do not let people log in with an organization ({ $applications }): members of this organization will have no application to log in to with it.
warn-msg-no-visible-connection = After this change every connection of this organization is an enterprise one that hides its button: people signing in see Auth0's error “{ $said }”. Sign-in still works for apps that name the connection, or with Home Realm Discovery without an organization in the request.
warn-msg-signup-refused-membership = Auth0 refuses sign-up through { $connection } for this organization because membership on login is off: people could not create an account here, so Lanyard does not send it.
warn-msg-signup-refused-not-database = Auth0 refuses sign-up through { $connection } for this organization because it is not a database connection: people could not create an account here, so Lanyard does not send it.
warn-msg-no-app-granted = This organization lets its members log in only to applications granted to it, and none is granted for member access: its members cannot log in to any application, with this connection or another.
warn-msg-own-policy-first = Lanyard will first give { $organization } its own login policy, a copy of the instance default: from then on, later changes to the instance default (new providers included) no longer apply to it.
warn-msg-choose-policy = { $organization } follows the instance's default login policy and has none of its own, so ZITADEL refuses this link. Choose: give the organization its own policy first (it then stops following later changes to the instance default), or link { $provider } to the instance default instead (every organization that follows it gets it). Lanyard sends nothing until you choose.
warn-msg-provider-without-button = The login policy of { $policy_of } does not allow external identity providers: { $provider } will show no button, and sign-in through it fails. People who only sign in through a provider cannot sign in at all.
warn-msg-external-idps-turned-off = People who sign in through an identity provider on the login policy of { $policy_of } will see no button for it, and sign-in through it fails.
warn-msg-unlink = People who sign in with { $provider } will not be able to until it is linked again: their accounts keep the link, so linking it again lets them in as before.
warn-msg-module-disabled = Nobody will join { $group } through { $module }: it is disabled, so nobody signs in through it. Its auto-join groups apply only to accounts it creates.
warn-msg-module-no-users = Nobody will join { $group } through { $module }: it does not create Hub accounts on first sign-in (it only signs in people who already have one). Its auto-join groups apply only to accounts it creates.
warn-msg-group-auto-joins = { $group } already adds every new account to itself, whichever module creates it: adding it here changes nothing for new users.
warn-msg-group-auto-joins-domain = { $group } already adds every new account to itself (for e-mail addresses at { $domain }), whichever module creates it: adding it here changes nothing for new users.
warn-msg-could-not-check = Could not check { $what }. The change can still be applied; check it by hand if it matters.
warn-msg-inferred = { " " }(Lanyard infers this; the vendor does not document it.)
warn-why-connection-without-app = GET /connections/:id/clients lists no application; an organization's members need the connection enabled for the application they log in to as well.
warn-why-connection-without-org-app = None of the connection's applications has organization_usage “allow” or “require” (absent means “deny”); machine-to-machine and the tenant's global application do not count.
warn-why-no-visible-connection = Auth0: “If all enabled connections within the Organization are enterprise connections, and all connections are hidden, Auth0 returns an error”.
warn-why-signup-refused = Organization sign-up works only on database connections, and only with membership on login turned on (Auth0: “Only database connections with assign_membership_on_login = true support is_signup_enabled = true”).
warn-why-no-app-granted = is_app_entitlement_active is on and no application of GET /organizations/:id/clients has use_for_member_access (Auth0: “Members can only log in to applications you have explicitly granted access to”).
warn-why-own-policy-first = The organization follows the instance default and has no policy of its own; an organization's own policy overrides the default (ZITADEL docs, zitadel #4552).
warn-why-choose-policy = ZITADEL answers 404 Org-Ffgw2 “Errors.Org.LoginPolicy.NotFound” to a link on an organization without its own policy; its Console copies the default first (zitadel PR #7663).
warn-why-provider-without-button = allowExternalIdp is off: ZITADEL's login loads no provider and hides their buttons (ZITADEL source, login handler).
warn-why-external-idps-turned-off = With allowExternalIdp off ZITADEL's login loads no provider (ZITADEL source, login handler).
warn-why-unlink = ZITADEL keeps users' links when a provider leaves a login policy, and refuses sign-in through a provider the policy does not list (ZITADEL PR #7079).
warn-why-module-disabled = The module's disabled flag is on.
warn-why-module-no-users = allowedCreateNewUsers (registrationEnabled on the Hub module) is off; Hub adds new users to auto-join groups when it creates their account.
warn-why-group-auto-joins = The group's own auto-join is on (Hub: “any new user account is automatically added as a member to the group”).
warn-why-connection-kind-unknown = The kind of one of the organization's connections is not known.
warn-action-own-policy-first = Create the organization's own login policy first, then link
warn-action-link-to-default = Link to the instance's default policy instead
warn-action-turn-on-external-idps = Turn on external IdPs for this policy
warn-unchecked-connection-apps = which applications { $connection } is enabled for
warn-unchecked-apps-allow-orgs = whether the applications { $connection } is enabled for allow organizations
warn-unchecked-members-restricted = whether the organization restricts its members to granted applications
warn-unchecked-granted-apps = which applications the organization grants its members
warn-unchecked-visible-connection = whether the organization keeps a connection people can see at login
warn-unchecked-login-policy = the login policy's settings (whether it is the instance default, whether it allows external identity providers)
warn-unchecked-module-creates-users = whether the auth module creates users on first sign-in
warn-unchecked-group-auto-join = whether the group already adds new users by itself

## Updates
update-button = Check for updates
update-title = Updates
update-checking = Asking the update server…
update-download = Download and install
update-check-again = Check again
update-verifying = Checking the package's signature…
update-notes = What is new
update-up-to-date = Lanyard { $current } is up to date.
update-available = Lanyard { $version } is available (this is { $current }).
update-published = Published { $date }.
update-confirm = Download Lanyard { $version } from { $host } and install it? Its signature is checked before anything is installed; Lanyard uses the new version from its next start.
update-install = Install { $version }
update-downloading-of = Downloading: { $received } of { $total } MiB
update-downloading = Downloading: { $received } MiB
update-installing = Installing Lanyard { $version }…
update-installed = Lanyard { $version } is installed. Restart Lanyard to use it.
update-unreachable = The check could not run: { $cause }

## Errors from Rust: English is the model's Display ($display); other languages render the variant from its fields
err-server-said = “{ $text }” (the server's words)
err-validation = { $display }
err-not-found-server = { $display }
err-not-found = { $display }
err-already-exists = { $display }
err-words-missing = Something went wrong, but the part of Lanyard that describes errors did not load, so what it was cannot be shown. Restart Lanyard; if this keeps happening, install it again.
err-target-unread = { $target } could not be read: { $error }
missing-profile = Profile
err-unauthorized = { $display }
err-forbidden-scope = { $display }
err-forbidden-role = { $display }
err-forbidden = { $display }
err-rate-limited-wait = { $display }
err-rate-limited = { $display }
err-network = { $display }
err-timed-out = { $display }
err-reply-broke-off = { $display }
err-unexpected-reply = { $display }
err-unreadable = { $display }
err-too-large = { $display }
err-redirected = { $display }
err-server = { $display }
err-outcome-unknown = { $display }
err-not-applied = { $display }
err-keychain = The system keychain failed: { $detail }
keychain-too-long = the secret is { $len } characters long (counted as Windows counts them, in UTF-16 units); the system keychain holds at most { $max } (Windows Credential Manager's limit, kept on every system). Use a shorter token (a personal access token or a client secret, not a key file)
keychain-empty = the secret is empty; paste the token or client secret
keychain-no-access = the system keychain is locked or refused access ({ $detail }); unlock it (on Linux: the login keyring of GNOME Keyring or KWallet) and try again
keychain-unavailable = no system keychain is available ({ $detail }); on Linux, install and start gnome-keyring (Secret Service)
keychain-other = the keychain failed: { $detail }
keychain-task-failed = the keychain task stopped unexpectedly
err-configuration = { $detail }
config-insecure-address = { $url } is not an https address; Lanyard sends tokens only over https (plain http only to this computer)
config-bad-address = { $url } is not a usable address: { $reason }
config-secret-missing = the secret of profile “{ $profile }” is missing from the system keychain; edit the profile and paste it again
config-settings-unreadable = { $path } could not be read: { $detail }
config-settings-unwritable = { $path } could not be written: { $detail }; check the folder's permissions and free space
config-inventory-not-open = The inventory is not open; see the Inventory page
config-inventory-unreadable = The inventory could not be read: { $detail }
config-inventory-closed = The inventory is not open ({ $reason }), so it cannot answer; Lanyard still works without it
config-inventory-never-opened = The inventory is not open (it was not opened), so it cannot answer; Lanyard still works without it
config-inventory-closed-for-crawl = The inventory is not open, so there is nowhere to keep what a crawl reads: { $reason }
config-inventory-closed-for-crawl-unsaid = The inventory is not open, so there is nowhere to keep what a crawl reads
config-inventory-read-stopped = The inventory's read stopped: { $detail }
config-inventory-bad-id = The inventory holds an id Lanyard cannot use ({ $id }: { $detail }); start the crawl again
config-crawl-without-client = A crawl needs the profile's client to read with
config-crawl-outside-runtime = A crawl can only start inside Lanyard's async runtime
config-client-of-other-product = This profile's client is not of its product; edit the profile
config-crawl-kind-unread = A crawl of this profile does not read targets of kind { $kind }
config-run-not-found = No bulk run with id { $run } was found
config-run-unreadable = Bulk run { $run } cannot be opened: { $reason }. It is listed on the Bulk changes page with this reason
config-run-journal-unwritable = The journal of bulk run { $run } could not be written in { $folder }: { $detail }. Free some disk space or fix the folder's permissions
config-audit-unreadable = the audit log { $path } could not be read: { $detail }
config-audit-unwritable = the audit log { $path } could not be written: { $detail }; check the folder's permissions and free space
config-broken-build = Lanyard's command `{ $routed_as }` reads the arguments of `{ $reads }`; this build is broken, reinstall Lanyard
config-window-unreachable = Lanyard's window could not reach its command `{ $command }`: { $detail }. Restart Lanyard; if it persists, reinstall it.
config-activity-filter-superseded = the activity filter changed while the log was being read; the newest one is shown
config-settings-unencodable = the settings could not be encoded: { $detail }
err-state-changed = { $detail }
state-no-longer-enabled = { $item } is no longer enabled for { $target }; reload to see the current state
state-enabled-with-other-options = { $item } is already enabled for { $target }, with other options ({ $found }); Lanyard changed nothing. Reload the organization and edit the connection instead
state-like-target-count = Pick between 1 and { $max } { $targets } to make like { $source }, other than itself
state-already-like-one = { $first } is already like { $source }: nothing to change
state-already-like = The { $n } { $targets } are already like { $source }: nothing to change
state-same-profile-both-sides = Both sides are the same profile; pick another profile for one side
state-products-differ = The left side is { $left } and { $right_name } is { $right }: compare two sides of the same product
state-never-crawled-to-compare = { $profile } has never been crawled: the inventory holds none of its { $targets }' { $items }. Crawl it from the Inventory page, then compare again
state-never-crawled-to-compare-named = { $profile } has never been crawled: the inventory holds none of its { $targets }' { $items } whose name contains “{ $term }”. Crawl it from the Inventory page, then compare again
compare-targets-auth0 = organizations
compare-targets-zitadel = login policies
compare-targets-hub = auth modules
compare-items-auth0 = connections
compare-items-zitadel = identity providers
compare-items-hub = groups
state-changed-since = { $item } of { $target } was changed by someone else since; Lanyard did not touch it. Reload to see its current options
state-crawl-refuses-start = The crawl of “{ $profile }” is { $state }: it cannot be started now
state-crawl-refuses-resume = The crawl of “{ $profile }” is { $state }: it cannot be resumed now
state-crawl-refuses-cancel = The crawl of “{ $profile }” is { $state }: it cannot be cancelled now
state-never-crawled = { $profile } has never been crawled, so there is nothing to export. Crawl it from the Inventory page first
state-nothing-to-copy = The selected rows are already the same on both sides: nothing to copy
err-confirmation = { $display }
err-cancelled = { $display }
net-refused = connection refused
net-name-not-found = DNS name not found
net-timed-out = timed out
net-closed = connection closed before the answer
net-cert-untrusted = TLS certificate not trusted
net-cert-wrong-host = TLS certificate made for another host
net-cert-expired = TLS certificate expired
net-tls = TLS failed: { $detail }

## Language setting
app-language-not-kept = The language could not be kept for the next start: { $cause }

## Access levels
access-none = Organization admins cannot see or change this connection
access-readonly = Organization admins can see this connection
access-limited = Organization admins can turn it on or off and show it as a button
access-full = Organization admins can also edit its options, display name and domains

## Field rules (the model's FieldProblem; English is its Display, word for word)
rule-required = is required
rule-too-long = is { $len } characters long; the most allowed is { $max }
rule-id-control = contains a control character ({ $code }); paste the id again
rule-space-around = starts or ends with a space
rule-path-character = contains a path character (/ or \) that no id has
rule-connection-name-empty = cannot be empty; leave the field blank to have no organization-specific name
rule-connection-name-nul = contains a NUL character, which Auth0 does not accept
rule-signup-not-database = sign-up is only available for database connections; this is a { $kind } connection
rule-signup-needs-membership = sign-up needs “assign membership on login” turned on: Auth0 only lets people sign up when they become members as they log in
rule-signup-ignored = applies to database connections only; Auth0 ignores it here
rule-button-ignored = only applies to enterprise connections; Auth0 ignores it for this { $kind } connection
rule-access-needs-name = give the connection an organization connection name first: Auth0 needs one before organization admins get any access
rule-nothing-to-change = nothing to change: every option already has this value
rule-profile-name-missing = give the profile a name, e.g. “Acme production”
rule-client-id-missing = enter the application's client id
rule-service-id-missing = enter the service id
rule-scope-missing = enter the service ids the token is for (Hub's own id at least)
rule-secret-missing = paste the secret; it goes to the system keychain, never to a file
rule-secret-too-long = is { $len } characters long; the system keychain holds at most { $max }
rule-secret-control = contains a line break or control character; paste it again without them
rule-hub-token-prefix = Hub permanent tokens start with “perm:”; copy the whole token
rule-address-missing-auth0 = The tenant domain, e.g. acme.eu.auth0.com
rule-address-missing-zitadel = The instance URL, e.g. https://acme.zitadel.cloud
rule-address-missing-hub = The Hub service URL, e.g. https://hub.acme.com or https://youtrack.acme.com/hub
rule-address-scheme = use an https address, not { $scheme }://
rule-address-user-info = leave the user name and password out of the address
rule-address-host = “{ $authority }” is not a host name
rule-address-plain-http = use https: Lanyard sends tokens only over https (plain http only to this computer)
rule-address-query = leave query strings and fragments out of the address
rule-address-path = enter the tenant domain only, without a path (e.g. acme.eu.auth0.com)
rule-profile-name-taken = another profile has this name; names tell profiles apart in the switcher
rule-changed-product = the product changed
rule-changed-address = the address changed
rule-changed-sign-in = the sign-in method changed
rule-new-secret-needed = { $change }: paste the secret for the new one. The stored secret belongs to { $url } and is never sent elsewhere
rule-idp-owner-missing = choose whether the identity provider belongs to the instance or to the organization
rule-out-of-range = must be between { $min } and { $max }, not { $value }
rule-over-max = must be at most { $max }, not { $value }
rule-past-offset-cap = reaches record { $end }; offset paging stops at { $cap } records, use checkpoint paging past that
rule-checkpoint-from-empty = is empty; leave it out for the first page
rule-fields-without-id = must ask for `id` at least: Hub returns only the fields named
rule-unsupported-by-tenant = this { $product } tenant does not have the organization connections API (an Early Access feature), so `{ $field }` cannot be set: its older enabled_connections endpoints, which Lanyard uses here, have no such field. Nothing was changed. Leave `{ $field }` at its default, or ask Auth0 to enable the feature for the tenant
rule-arguments-not-json = are not JSON ({ $detail })
rule-arguments-not-object = must be an object of named arguments
rule-argument-unreadable = { $detail }
rule-of-target = { $target }: { $field }: { $problem }
rule-more-targets = and { $more } more; untick them or pick the targets again
rule-target-count = Pick between 1 and { $max } targets for a bulk change
rule-change-count = A run holds between 1 and { $max } changes
snapshot-at-line = line { $line }, column { $column }
snapshot-too-large = the file is larger than { $max_mb } MB; export a part of the profile (a name filter)
snapshot-version = version { $found } is not one this Lanyard reads (it reads version { $reads })
snapshot-json = { $detail }
snapshot-target-name-missing = a target needs a name
snapshot-target-twice = “{ $name }” is in the file twice; targets are matched by name
snapshot-item-name-missing = an item needs a name
snapshot-item-twice = “{ $item }” is listed twice for “{ $target }”
snapshot-options-missing = an Auth0 connection needs its options
snapshot-options-not-auth0 = only Auth0 connections have options

## A target's state (the model's TargetState; English is its Display)
state-not-enabled = not enabled
state-enabled = enabled
state-disabled = disabled
state-button = button
state-membership = membership on login
state-signup = signup
state-access = access { $level }
state-shown-as = shown as “{ $name }”
state-linked = linked
state-not-linked = not linked
state-external-allowed = external IdPs allowed
state-external-not-allowed = external IdPs not allowed
state-auto-join = auto-join
state-not-auto-join = not auto-join

## What a change does (the model's ChangeSummary; English is its Display)
sum-auth0-enable = Enable { $item } for { $target }
sum-auth0-update = Change { $item } for { $target }
sum-auth0-remove = Remove { $item } from { $target }
sum-own-policy-then-link = Create the own login policy of { $target } (a copy of the instance default), then link { $item } to it
sum-zitadel-link = Link { $item } to the login policy of { $target }
sum-zitadel-unlink = Unlink { $item } from the login policy of { $target }
sum-external-on = Turn on external identity providers in the login policy of { $target }
sum-external-off = Turn off external identity providers in the login policy of { $target }
sum-hub-add = Add { $item } to the auto-join groups of { $target }
sum-hub-remove = Remove { $item } from the auto-join groups of { $target }

## Downloads and updates (the shell's outcome, worded here)
download-saved = Saved { $file } to { $folder }.
download-not-saved = { $file } was not saved to { $folder }: { $cause }.
download-export-not-saved = The export was not saved: { $cause }.
download-failed-in-window = the window's download failed
update-off = Updates are off for this copy of Lanyard: no update server is set. Whoever publishes Lanyard gives its release build the update manifest's https address and the public key its packages are signed with (plugins.updater in the Tauri configuration), or sets { $endpoint } and { $pubkey } in the environment Lanyard starts in; see the README's Updates section

## What a change's target or item is called when the product gives no name (Label).
label-unnamed-connection = connection { $id } (name not known)
label-unnamed-idp = identity provider { $id } (name not known)
label-unnamed-group = group { $id } (name not known)
label-the-instance = the instance
label-external-idps = external identity providers
label-own-login-policy = its own login policy

## Why a bulk run does not take an action (StateChange::RunRefuses, RateShareRefused).
run-is-planning = still being planned
run-is-ready = ready and not started
run-is-running = running
run-is-paused = paused
run-is-cancelled = cancelled
run-is-finished = finished
run-is-interrupted = interrupted
run-refuses-start = This run is { $state } and cannot be started
run-refuses-pause = This run is { $state } and cannot be paused
run-refuses-resume = This run is { $state } and cannot be resumed
run-refuses-cancel = This run is { $state } and cannot be cancelled
run-refuses-retry = This run is { $state } and cannot be retried
run-refuses-discard = This run is { $state } and cannot be discarded
run-refuses-undo = This run is { $state } and cannot be undone
run-instead-pause-or-wait = ; pause it first, or wait until it ends, then retry the failed items
run-instead-resume-first = ; resume it first
run-instead-start-first = ; start it first
run-instead-cancel-or-finish = ; cancel it, or let it finish, first
run-share-while-running = This run is running: pause it, then change its share of the write rate; the new share is used when it resumes
run-share-when-over = This run is { $state }: there is nothing left to send at another rate
