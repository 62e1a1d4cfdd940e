//! A bulk run's words: its title, its notes and its items' notes, from `locales/<tag>/runs.ftl`.
