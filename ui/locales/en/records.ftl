## Records and checks: audit-log messages, the crawl's stop message, the inventory's and the
## compare's refusals, the built-in sandbox's errors. Part of the en catalogue (ui/src/i18n/lang.rs).
