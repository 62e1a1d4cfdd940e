//! Pieces of UI shared by several pages.

pub mod access_level;
pub mod change_dialog;
pub mod crawl_line;
pub mod download;
pub mod enable_options;
pub mod field;
pub mod inventory_listing;
pub mod inventory_search;
pub mod modal;
pub mod org_scope;
pub mod paged_rows;
pub mod picker;
pub mod sidebar;
pub mod toast;
pub mod updates;
pub mod warnings;
pub mod windowed_table;
