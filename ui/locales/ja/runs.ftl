## Bulk runs, plans and comparisons: a run's title, its notes and its items' notes, kept typed
## in the run's journal and worded here. Part of the ja catalogue (ui/src/i18n/lang.rs).
