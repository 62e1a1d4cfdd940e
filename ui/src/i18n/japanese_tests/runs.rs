//! A bulk run's title and notes, and its items' notes, in Japanese.
