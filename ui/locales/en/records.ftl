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
