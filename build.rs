//! Embeds the built-in exercise library and the illustrations in the binary, so the app and the handout work
//! from any folder and a shipped program always finds its pictures.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() {
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded_assets.rs");
    let mut code = String::new();
    code.push_str(&embed("assets/library", "ron", "LIBRARY_FILES"));
    code.push_str(&embed("assets/illustrations", "svg", "ILLUSTRATION_FILES"));
    code.push_str(&embed("programs", "ron", "PROGRAM_FILES"));
    fs::write(out, code).expect("write embedded_assets.rs");
}

/// `pub static NAME: &[(&str, &[u8])] = &[("file-stem", include_bytes!("/abs/path")), ...];`
fn embed(folder: &str, extension: &str, name: &str) -> String {
    println!("cargo::rerun-if-changed={folder}");
    let mut files: Vec<_> = fs::read_dir(folder)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|path| path.extension().is_some_and(|ext| ext == extension))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut code = format!("pub static {name}: &[(&str, &[u8])] = &[\n");
    for path in files {
        println!("cargo::rerun-if-changed={}", path.display());
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let absolute = fs::canonicalize(&path).expect("canonical asset path");
        let _ = writeln!(code, "    ({stem:?}, include_bytes!({:?})),", absolute.display().to_string());
    }
    code.push_str("];\n");
    code
}
