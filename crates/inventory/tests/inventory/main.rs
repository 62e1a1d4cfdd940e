//! The inventory as the app will use it: a realistic tenant per product, the questions, the
//! write-through of Lanyard's changes, changes made outside Lanyard, and the file itself.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

mod auth0;
mod fixture;
mod hub;
mod listings;
mod outside;
mod overview;
mod pages;
mod pickers;
mod questions;
mod the_file;
mod zitadel;
