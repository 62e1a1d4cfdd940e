//! How a window's page is drawn on this machine.
//!
//! WebKitGTK composites a page's layers with OpenGL. On a Linux machine with no GPU render node
//! (a VM, a remote desktop, a CI runner, a container) that OpenGL is Mesa's software renderer,
//! and it costs memory for nothing a form-based console shows: measured 2026-12-03 on a 2-core
//! VM with no `/dev/dri`, Lanyard's processes held 539 MB composited and 431 MB drawn without
//! compositing (the blank window 463 and 398 MB). So where there is no render node Lanyard asks
//! WebKit to draw without compositing (`hardware-acceleration-policy = never`), as the user
//! could with `WEBKIT_DISABLE_COMPOSITING_MODE=1`. With a render node nothing changes.
//!
//! The one rule lives here so that the app and the benchmark's blank window draw the same way.

use std::path::Path;

/// How the page is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drawing {
    /// WebKit's own choice (composited with the GPU, or as the user's environment says).
    AsWebKitChooses,
    /// Painted without compositing: there is no GPU to composite on.
    WithoutCompositing,
}

/// Where Linux puts its GPU render nodes.
pub const RENDER_NODES: &str = "/dev/dri";

/// The drawing for a machine whose render nodes are in `dri` (on Linux `/dev/dri`):
/// without compositing when none of them can be opened for reading and writing, as WebKit needs.
pub fn drawing_for(dri: &Path) -> Drawing {
    if has_usable_render_node(dri) {
        Drawing::AsWebKitChooses
    } else {
        Drawing::WithoutCompositing
    }
}

fn has_usable_render_node(dri: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(dri) else {
        return false;
    };
    entries.flatten().any(|entry| {
        entry.file_name().to_string_lossy().starts_with("renderD")
            && std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .open(entry.path())
                .is_ok()
    })
}

/// Draws `window`'s page as this machine suits: see the module's comment. Call it right after
/// the window is built. Elsewhere than Linux it does nothing.
pub fn apply<R: tauri::Runtime>(window: &tauri::WebviewWindow<R>) {
    #[cfg(target_os = "linux")]
    if drawing_for(Path::new(RENDER_NODES)) == Drawing::WithoutCompositing {
        let result = window.with_webview(|webview| {
            use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
            if let Some(settings) = WebViewExt::settings(&webview.inner()) {
                settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
            }
        });
        match result {
            Ok(()) => tracing::debug!("no GPU render node: the page is drawn without compositing"),
            Err(err) => tracing::warn!(%err, "the page's drawing could not be set"),
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = window;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_machine_with_no_render_node_folder_draws_without_compositing() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("dri");
        assert_eq!(drawing_for(&missing), Drawing::WithoutCompositing);
    }

    #[test]
    fn card_nodes_alone_do_not_count_as_a_render_node() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("card0"), b"").unwrap();
        assert_eq!(drawing_for(dir.path()), Drawing::WithoutCompositing);
    }

    #[test]
    fn an_openable_render_node_leaves_the_choice_to_webkit() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("card0"), b"").unwrap();
        std::fs::write(dir.path().join("renderD128"), b"").unwrap();
        assert_eq!(drawing_for(dir.path()), Drawing::AsWebKitChooses);
    }
}
