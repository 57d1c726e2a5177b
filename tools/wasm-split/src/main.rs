//! `torvan-wasm-split INPUT MAIN_OUT PKG_DIR OUT_NAME`
//!
//! Splits the WASM that cargo built (linked with `--emit-relocs`) at every
//! `#[lazy]` / `#[lazy_route]` split point, the same step `cargo leptos --split`
//! runs, so the build script does it without cargo-leptos:
//! - `MAIN_OUT`: the main module, for wasm-bindgen (`--keep-lld-exports --no-demangle`);
//! - `PKG_DIR`: one `.wasm` per chunk, the loader `__wasm_split.______________________.js`
//!   (the name Leptos's `HydrationScripts` preloads) and `__wasm_split_manifest.json`,
//!   which the server reads to preload the chunks of the route it rendered;
//! - `OUT_NAME`: wasm-bindgen's `--out-name` (chunks import `initSync` from `./OUT_NAME.js`).
//!
//! Prints the chunk files it wrote, one a line.

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, main_out, pkg_dir, out_name] = args.as_slice() else {
        return Err("usage: torvan-wasm-split INPUT MAIN_OUT PKG_DIR OUT_NAME".into());
    };
    let input_wasm = std::fs::read(input)?;
    let main_out = PathBuf::from(main_out);
    let pkg_dir = PathBuf::from(pkg_dir);
    let main_module = format!("./{out_name}.js");
    let split = wasm_split_cli_support::transform({
        let mut opts = wasm_split_cli_support::Options::new(&input_wasm);
        opts.output_dir = &pkg_dir;
        opts.main_out_path = &main_out;
        opts.main_module = &main_module;
        opts.link_name = "./__wasm_split.______________________.js";
        opts
    })?;
    std::fs::write(
        pkg_dir.join("__wasm_split_manifest.json"),
        serde_json::to_string_pretty(&split.prefetch_map)?,
    )?;
    for module in &split.split_modules {
        println!("{}", module.display());
    }
    Ok(())
}
