//! Audit messages, the crawl's stop message and the inventory's and compare's refusals, in Japanese.
