//! The words of records and checks: audit-log messages, the crawl's stop message, the
//! inventory's and the compare's refusals, from `locales/<tag>/records.ftl`.
