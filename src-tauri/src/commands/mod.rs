//! The commands the webview may call; each is a few lines into the application layer.

pub mod app;
