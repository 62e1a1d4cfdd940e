//! `lanyard-wasm-split <input.wasm> <dist dir> <main out.wasm>`: splits the UI's linked wasm
//! (built with `--emit-relocs`) at its `wasm_split` points. The chunks and their loader
//! (`__wasm_split.js`, which imports `initSync` from `./lanyard-ui.js`) go into the dist
//! folder; the main module goes to `<main out.wasm>` for wasm-bindgen. Prints how many chunks
//! it wrote.

use std::path::Path;
use std::process::ExitCode;

/// Where the loader is written, relative to the dist folder, and how the main module imports it.
const LINK_NAME: &str = "./__wasm_split.js";
/// The module wasm-bindgen writes for the main wasm, as the loader imports it.
const MAIN_MODULE: &str = "./lanyard-ui.js";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, dist, main_out] = args.as_slice() else {
        eprintln!("usage: lanyard-wasm-split <input.wasm> <dist dir> <main out.wasm>");
        return ExitCode::from(2);
    };
    match split(Path::new(input), Path::new(dist), Path::new(main_out)) {
        Ok(chunks) => {
            println!(
                "lanyard-wasm-split: {} chunks written into {dist}",
                chunks.len()
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("lanyard-wasm-split: {err}");
            ExitCode::FAILURE
        }
    }
}

fn split(input: &Path, dist: &Path, main_out: &Path) -> Result<Vec<String>, String> {
    let wasm =
        std::fs::read(input).map_err(|err| format!("cannot read {}: {err}", input.display()))?;
    let mut options = wasm_split_cli_support::Options::new(&wasm);
    options.output_dir = dist;
    options.main_out_path = main_out;
    options.link_name = LINK_NAME;
    options.main_module = MAIN_MODULE;
    let split = wasm_split_cli_support::transform(options)
        .map_err(|err| format!("cannot split {}: {err:#}", input.display()))?;
    Ok(split
        .split_modules
        .iter()
        .map(|path| path.display().to_string())
        .collect())
}
