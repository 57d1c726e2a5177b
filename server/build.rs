use std::{env, fs, path::Path};

// `sqlx::migrate!` embeds the migrations at compile time; rebuild when they change.
// The demo data files are embedded the same way, in name order.
fn main() {
    println!("cargo:rerun-if-changed=../migrations");
    println!("cargo:rerun-if-changed=seed");

    let mut files: Vec<_> = fs::read_dir("seed")
        .expect("server/seed holds the demo data")
        .map(|entry| entry.expect("readable seed entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "sql"))
        .collect();
    files.sort();
    let entries: String = files
        .iter()
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy();
            // Named from the crate being compiled, not from where this
            // script last ran: checkouts sharing one target directory
            // (worktrees, CI clones) each embed their own files.
            format!(
                "    ({name:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/seed/\", {name:?}))),\n"
            )
        })
        .collect();
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("seed_files.rs");
    fs::write(out, format!("&[\n{entries}]\n")).expect("write seed_files.rs");
}
