## Bulk runs, plans and comparisons: a run's title, its notes and its items' notes, kept typed
## in the run's journal and worded here. Part of the en catalogue (ui/src/i18n/lang.rs).

## A run's title (RunTitle)
run-title-enable = Enable { $connection } for { $n ->
    [one] 1 organization
   *[other] { $n } organizations
}
run-title-disable = Disable { $connection } for { $n ->
    [one] 1 organization
   *[other] { $n } organizations
}
run-title-change = Change { $connection } for { $n ->
    [one] 1 organization
   *[other] { $n } organizations
}
run-title-remove = Remove { $connection } from { $n ->
    [one] 1 organization
   *[other] { $n } organizations
}
run-title-link = Link { $n ->
    [one] 1 identity provider
   *[other] { $n } identity providers
} to the login policy of { $policy }
run-title-unlink = Unlink { $n ->
    [one] 1 identity provider
   *[other] { $n } identity providers
} from the login policy of { $policy }
run-title-hub-add = Add { $group } to the auto-join groups of { $n ->
    [one] 1 auth module
   *[other] { $n } auth modules
}
run-title-hub-remove = Remove { $group } from the auto-join groups of { $n ->
    [one] 1 auth module
   *[other] { $n } auth modules
}
run-title-undo = Undo: { $title } ({ $n ->
    [one] 1 item
   *[other] { $n } items
})
# $who: the one target's name, or run-title-like-targets
run-title-like = Make { $who } like { $source } ({ $n ->
    [one] 1 change
   *[other] { $n } changes
})
run-title-like-removing = Make { $who } like { $source }, removing what it does not have ({ $n ->
    [one] 1 change
   *[other] { $n } changes
})
run-title-like-targets = { $n } { $targets }
run-title-copy = Copy { $n ->
    [one] 1 difference
   *[other] { $n } differences
} from { $from } to { $to }

## A run's note (RunNote); $cause and $error are the error's own words, without a closing full stop
run-note-halted = Paused: { $cause }. Nothing more is sent until the run's journal and the audit log can be written; Resume once that is fixed.
run-note-not-saved = Not saved to disk: { $cause }.
run-note-not-saved-after = { $before } Not saved to disk: { $cause }.
run-note-unreachable = Paused: { $error }. Resume when it can be reached again; items whose outcome is not known are read back first.
run-note-connection-lost = Paused: { $error }. Resume when the connection is back; the item that was being sent is read back first.
run-note-rate-limited = Paused: { $error }. The tenant's limit is shared with other tools; resume in a minute.
run-note-confirm-production = This production run removes or disables something: type { $expected } to confirm it before anything is sent.
run-note-finished = Finished: { $done } done, { $skipped } needed no change, { $failed } failed{ $unknown ->
    [0] {""}
   *[other] , { $unknown } with an unknown outcome
}{ $notsent ->
    [0] {""}
   *[other] , { $notsent } not sent (cancelled before)
}.
run-note-cancelled = Cancelled with { $n ->
    [one] 1 item
   *[other] { $n } items
} not sent.
run-note-stopped-running = Lanyard stopped while this run was going. Resume it: items whose outcome is not known are read back first, so nothing is applied twice.
run-note-stopped-planning = Lanyard stopped while this run's targets were being read. Resume reads them again; then review the plan and start it.
run-note-read-live = Read live: { $why }.
live-inventory-unreadable = the inventory could not be read ({ $detail })
live-inventory-not-open = the inventory is not open, so each target was read from the server
live-stale = { $stale } of { $n ->
    [one] 1 target
   *[other] { $n } targets
} { $stale ->
    [one] is
   *[other] are
} not in the inventory or older than { $minutes ->
    [one] 1 minute
   *[other] { $minutes } minutes
}
live-policy-stale = the login policy of { $policy } is not in the inventory or older than { $minutes ->
    [one] 1 minute
   *[other] { $minutes } minutes
}
live-no-row = the inventory holds no row for these targets
live-missing-wiring = the inventory does not hold every target's wiring
live-like-stale = { $live } of { $n } { $targets } (the source included) were not in the inventory or older than the limit

## An item's note (ItemNote)
item-note-nothing-to-send = Nothing to send for this target
item-note-confirmed-by-read-back = Confirmed by reading it back after an unclear reply
item-note-already-as-planned = Already as planned when checked
item-note-already-so = Was already so; nothing changed
item-note-changed-elsewhere = Changed by someone else since it was planned (now { $now }); Lanyard left it alone
item-note-not-planned-again = Could not be planned again
# $problems: each field's problems, "field: problem", one a line
item-note-not-sent = Not sent: { $problems }
item-note-field-problem = { $field }: { $problem }
item-note-not-applied-after = Not applied after { $tries } tries; use Retry failed to try again
item-note-could-not-read = Could not read its current state: { $error }
item-note-no-inventory-state = The inventory holds no state for this target
item-note-bad-id = Not a valid id: { $field }: { $problem }
item-note-not-enabled = { $connection } is not enabled for this organization, so there is nothing to change; enable it first
item-note-cancelled-while-sending = Cancelled before its outcome was known; Retry failed reads it back first

## A compare's side note (SideNote)
side-not-yet-read = { $n } { $targets } not read yet are left out; crawl { $profile } from the Inventory page to include them
side-exported = Exported
side-exported-from = Exported from { $from }
side-exported-at = Exported at { $at }
side-exported-from-at = Exported from { $from } at { $at }
# An error shown where there are no inputs to put its field problems beside: its words, then each problem
error-with-problems = { $error }: { $problems }

## Why a file in the runs folder cannot be read (JournalProblem); $detail and $said are the system's or the parser's words
journal-folder-unreadable = the folder of bulk runs cannot be read: { $detail }; fix its permissions
journal-entry-unreadable = an entry of the folder cannot be read: { $detail }
journal-not-a-name = its name is not that of a run journal (run-<id>.json)
journal-missing = no journal for run { $run } in { $folder }
journal-cannot-read = it cannot be read: { $detail }
journal-too-large = it is larger than { $limit } MB, larger than any run journal; it may have been edited or damaged
journal-line-too-long = a line of it is longer than { $limit } KB, longer than any run journal writes; it may have been edited or damaged
journal-header-too-long = its header is longer than { $limit } KB or not one line; it may have been edited or damaged
journal-newer = it is a version { $version } journal; this Lanyard reads versions 1 to { $newest }. Open it with the Lanyard that wrote it
journal-other-run = it holds run { $found } under the name of run { $run }; it may have been copied or renamed
journal-damaged = it is not a readable run journal ({ $damage }); it may have been cut short or edited
damage-unparsed-line = line { $line }: { $said }
damage-unparsed = { $said }
damage-last-line = its last line: { $said }
damage-not-a-header = its first line is not a run's header
damage-item-count = it says it has { $items } items; a run has 1 to { $max }
damage-out-of-order = line { $line } is numbered { $numbered } after { $after }: lines are missing or out of order
damage-neither = line { $line } is neither an item nor the run
damage-item-without-line = item { $item } has no line
damage-ends-early = it ends at line { $at } of the { $of } its items take
damage-no-state = no line of it reads as a run's state
damage-no-items = it has no list of items
damage-item-not-object = item { $item } is not an object
damage-old-state = the { $state } state of item { $item }: { $said }
damage-old-flag = the { $state } state of item { $item }: expected {"{"}"{ $key }": true or false{"}"}
damage-unknown-change = its change is of an unknown kind ({ $kind })

## How a pasted list was resolved on the server (ListNote)
list-note-looked-up = { $n ->
    [one] 1 entry was
   *[other] { $n } entries were
} not in the inventory, looked up on the server by id or name: { $found } found. A display name is found only in the inventory; crawl it, or list names or ids.
list-note-read-live = { $why }: { $n ->
    [one] 1 target was
   *[other] { $n } targets were
} read live to resolve the list.
list-live-idp-owner-type = ZITADEL identity providers are read live (a link sends the IdP's owner type, which the inventory does not hold)
list-live-none-held = The inventory holds no { $kind } for this profile
list-live-not-held = { $n ->
    [one] 1 entry was
   *[other] { $n } entries were
} not in the inventory

## Why a run does not take an action (StateChange), beside run-refuses-* in the main catalogue
run-refused-nothing-to-undo = Nothing in this run was changed by Lanyard, so there is nothing to undo
run-refused-undo-is-its-own-run = Undoing a run plans a new run of its reversals; ask for it with Undo this run
run-refused-without-profile = The profile of this run is needed to send its changes
run-refused-nothing-to-retry = No item of this run failed; there is nothing to retry

## Why a row of a compare cannot be copied (NotCopyable), and a copy that planned nothing
not-copyable-already-same = Already the same on both sides
not-copyable-none-named = The right-hand tenant has no { $product ->
    [Auth0] connection
    [ZITADEL] identity provider
   *[other] group
} named “{ $name }”
not-copyable-several-named = The right-hand tenant has { $n } { $product ->
    [Auth0] connections
    [ZITADEL] identity providers
   *[other] groups
} named “{ $name }”
not-copied = Nothing was planned: { $rows }
not-copied-more = Nothing was planned: { $rows }; and { $n } more
not-copied-between = {"; "}
not-copied-gone = { $target } · { $item }: not in the compare any more; compare again
not-copied-row = { $target } · { $item }: { $why }
