//! Pieces of UI shared by several pages.

pub mod change_dialog;
pub mod download;
pub mod field;
pub mod modal;
pub mod picker;
pub mod sidebar;
pub mod toast;
