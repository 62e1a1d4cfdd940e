//! The size of the UI's wasm as shipped: the main module and the chunks of the other pages
//! and the dialogs.

use std::path::Path;

use super::Unit;

/// The UI's wasm as shipped (after wasm-opt) and gzipped, in bytes: the main module, which
/// every start loads, and the chunks the other pages and the dialogs load on first use.
#[derive(Debug, Clone, Copy)]
pub struct WasmSize {
    pub main: Weight,
    pub chunks: Weight,
    pub chunk_count: usize,
}

/// A set of files' bytes and, where gzip is installed, their gzipped bytes.
#[derive(Debug, Clone, Copy)]
pub struct Weight {
    pub bytes: u64,
    pub gzip: Option<u64>,
}

impl WasmSize {
    /// The sizes of the modules in `dist` (a built `ui/dist`).
    pub fn of(dist: &Path) -> Result<Self, String> {
        let main = dist.join("lanyard-ui_bg.wasm");
        let mut size = Self {
            main: Weight::of(&main)?,
            chunks: Weight {
                bytes: 0,
                gzip: Some(0),
            },
            chunk_count: 0,
        };
        for path in crate::ui::wasm_modules(dist)? {
            if path != main {
                let chunk = Weight::of(&path)?;
                size.chunks.bytes += chunk.bytes;
                size.chunks.gzip = size.chunks.gzip.zip(chunk.gzip).map(|(all, one)| all + one);
                size.chunk_count += 1;
            }
        }
        Ok(size)
    }
}

impl Weight {
    fn of(path: &Path) -> Result<Self, String> {
        let bytes = std::fs::metadata(path)
            .map_err(|err| format!("{}: {err}", path.display()))?
            .len();
        // What a download of it would weigh; left out where gzip is missing.
        let gzip = std::process::Command::new("gzip")
            .args(["-9", "-c"])
            .arg(path)
            .output()
            .ok()
            .filter(|out| out.status.success())
            .map(|out| out.stdout.len() as u64);
        Ok(Self { bytes, gzip })
    }

    /// "1.22 MB (400 KB gzipped)".
    pub fn show(self) -> String {
        let gzip = self
            .gzip
            .map(|g| format!(" ({} gzipped)", Unit::Bytes.one(g as f64)))
            .unwrap_or_default();
        format!("{}{gzip}", Unit::Bytes.one(self.bytes as f64))
    }
}
