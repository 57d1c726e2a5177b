//! Keeps the relocations in the linked WASM: the build's wasm-split step
//! (`tools/wasm-split`) reads them to cut the `#[lazy_route]` pages out into
//! chunks. Only for the browser target (a host linker takes no such flag).

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("TARGET").is_ok_and(|target| target.starts_with("wasm32")) {
        println!("cargo:rustc-link-arg-cdylib=--emit-relocs");
    }
}
