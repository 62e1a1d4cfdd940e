//! Generates the Tauri context and the permission set of the app's own commands.

fn main() {
    // tauri.conf.json lives at the repository root (DESIGN.md), but tauri-build only reads the
    // config from its current directory (tauri-apps/tauri#14229). Build scripts run in the
    // crate folder, so step up to the root for the call and point the capability glob back here.
    let manifest_dir =
        std::path::PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let Some(root) = manifest_dir.parent() else {
        panic!("src-tauri has no parent folder");
    };
    if let Err(err) = std::env::set_current_dir(root) {
        panic!("cannot enter the repository root {}: {err}", root.display());
    }
    println!(
        "cargo:rerun-if-changed={}",
        root.join("tauri.conf.json").display()
    );
    println!(
        "cargo:rerun-if-changed={}",
        manifest_dir.join("capabilities").display()
    );
    ensure_frontend(&root.join("ui").join("dist"));

    // Every command of the IPC contract, and no other, becomes an `allow-<name>` permission; a
    // command missing from the capability file cannot be called from the webview.
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(lanyard_model::ipc::ALL_COMMANDS));
    if let Err(err) = tauri_build::try_build(attributes) {
        panic!("tauri-build failed: {err:#}");
    }
}

/// `generate_context!` needs the UI folder to exist. On a fresh checkout built with plain cargo
/// (`cargo check`, an IDE), put a page there that says how to build the real UI.
fn ensure_frontend(dist: &std::path::Path) {
    if dist.join("index.html").exists() {
        return;
    }
    let page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Lanyard</title></head>\
<body><p>The interface has not been built. Run <code>cargo xtask run</code>.</p></body></html>\n";
    if let Err(err) =
        std::fs::create_dir_all(dist).and_then(|()| std::fs::write(dist.join("index.html"), page))
    {
        panic!("cannot create {}: {err}", dist.display());
    }
}
