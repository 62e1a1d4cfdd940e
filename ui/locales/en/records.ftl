## Records and checks: audit-log messages, the crawl's stop message, the inventory's and the
## compare's refusals, the built-in sandbox's errors. Part of the en catalogue (ui/src/i18n/lang.rs).

## An audit entry's note (Activity page); English is the model's Display.
audit-note-stored = { $text }
audit-note-already = already in the wanted state
audit-note-later = { $text }

## Why a crawl stopped (Inventory page); English is the model's Display.
crawl-stop-stored = { $text }
crawl-stop-lanyard-stopped = Lanyard stopped while this crawl was reading; Resume continues where it stopped
crawl-stop-cancelled = Cancelled; what was read stays usable. Resume continues where it stopped.
crawl-stop-not-kept = The inventory did not keep what was read, so the crawl stopped rather than read it again. Resume continues where it stopped.
crawl-stop-targets-gone = The server said the last { $count } targets do not exist, though its listing named them; check the profile's address on the Profiles page, then start the crawl again
crawl-stop-writer-stopped = The inventory's writer stopped unexpectedly. Resume continues where it stopped.
crawl-stop-reader-stopped = The inventory's reader stopped unexpectedly. Resume continues where it stopped.
crawl-stop-unwritable = The inventory could not { $step }: { $detail }. Resume continues where it stopped once the inventory can be written.
crawl-stop-closed = The inventory is not open ({ $reason }). Resume continues where it stopped once it is open.
crawl-stop-never-opened = The inventory is not open (it was not opened). Resume continues where it stopped once it is open.
crawl-stop-unreadable = The inventory could not be read: { $detail }. Resume continues where it stopped once it can be read.
crawl-stop-server = Stopped while reading { $reading }: { $error }. Resume continues where it stopped once the server answers again.
crawl-step-save-state = save the crawl's state
crawl-step-record-instance = record the instance
crawl-step-record-listed = record the targets listed
crawl-step-forget-unlisted = forget targets no longer listed
crawl-step-forget-gone = forget a target that is gone
crawl-step-record-read = record what was read
crawl-reading-organizations = the organizations
crawl-reading-connections = the connections
crawl-reading-instance = the instance
crawl-reading-login-policies = the login policies
crawl-reading-idps = the identity providers
crawl-reading-auth-modules = the auth modules
crawl-reading-groups = the groups
crawl-reading-target = “{ $name }”
config-inventory-unwritable = The inventory could not { $step }: { $detail }

## A request that does not fit the profile picked; English is the model's Display.
unfit-other-product = Profile “{ $profile }” is for { $product }, and { $asked } needs { $needs }; pick a profile for { $needs } in the profile switcher
unfit-asked-question-auth0 = Auth0 organizations
unfit-asked-question-zitadel = ZITADEL login policies
unfit-asked-question-hub = JetBrains Hub auth modules
unfit-asked-picker = this picker
unfit-asked-connection-list = the connection list
unfit-asked-auth-module-list = the auth module list
unfit-asked-idp-list = the IdP list
unfit-asked-target-list = a list of { $kind }
unfit-asked-bulk-change = this bulk change
unfit-kind-auth0-organizations = Auth0 organizations
unfit-kind-auth0-connections = Auth0 connections
unfit-kind-zitadel-organizations = ZITADEL organizations
unfit-kind-zitadel-idps = ZITADEL identity providers
unfit-kind-hub-auth-modules = Hub auth modules
unfit-kind-hub-groups = Hub groups
unfit-not-of-product = { $needs ->
    [Auth0] This profile is not an Auth0 profile; pick an Auth0 profile
   *[other] This profile is not a { $needs } profile; pick a { $needs } profile
}
unfit-options-with-lacks = Options narrow the organizations that have the connection; to ask which lack it, leave the options at “any”
unfit-link-on-default-policy = { $target } follows the instance's default login policy and has none of its own, so the link was not sent. Preview it again and choose: create the organization's own policy first, or link to the instance default instead.

## Lanyard's own work and files; the built-in sandbox's start.
config-inventory-bad-time = The inventory holds a time Lanyard cannot read: { $ms }
config-export-unwritten = The export could not be written: { $detail }
config-work-stopped = { $work }: { $detail }
work-snapshot-read = The file could not be read
work-compare = The compare stopped
work-snapshot-export = The export stopped
config-sandbox-not-started = The built-in sandbox could not start: { $cause }
sandbox-cannot-listen = cannot listen on { $addr }: { $detail }
sandbox-settings = the sandbox settings are not usable: { $detail }
sandbox-certificates = cannot make the sandbox's TLS certificates: { $detail }
sandbox-ca-unwritable = cannot write the sandbox CA to { $path }: { $detail }

## Why the inventory is not at hand or its last write failed; English is the model's Display.
inventory-cannot-create = could not create the inventory file { $path }: { $detail }
inventory-cannot-open = could not open the inventory database { $path }: { $detail }
inventory-damaged = the inventory file { $path } is damaged or is not a Lanyard inventory ({ $cause }); move it away and Lanyard starts a new one
inventory-too-new = the inventory database was written by a newer Lanyard (schema version { $found }; this version knows up to { $known }); update Lanyard, or move the file away to start a new inventory
inventory-cannot-upgrade = could not upgrade the inventory database to schema version { $version }: { $detail }
inventory-bad-value = the inventory database holds a value Lanyard cannot read: { $detail }
inventory-failed = the inventory database failed: { $detail }
inventory-unwritten = The inventory could not { $write }: { $detail }
inventory-write-mark-interrupted = mark an interrupted crawl
inventory-write-org-connections = refresh an organization's connections
inventory-write-org-connection = refresh an organization's connection
inventory-write-policy-idps = refresh a login policy's identity providers
inventory-write-target-name = record a target's name
inventory-write-module-groups = refresh an auth module's groups
inventory-write-change = record a change Lanyard made
inventory-write-make-like = record what make like read
inventory-write-listing-names = record the names a listing read
