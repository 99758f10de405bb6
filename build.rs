//! Embeds the built-in exercise library and the illustrations in the binary, so the app and the handout work
//! from any folder and a shipped program always finds its pictures; and names the build for `--version`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::{env, fs};

fn main() {
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded_assets.rs");
    let mut code = String::new();
    code.push_str(&embed("assets/library", "ron", "LIBRARY_FILES"));
    code.push_str(&embed("assets/illustrations", "svg", "ILLUSTRATION_FILES"));
    code.push_str(&embed("programs", "ron", "PROGRAM_FILES"));
    fs::write(out, code).expect("write embedded_assets.rs");
    println!("cargo::rustc-env=STEPWISE_VERSION={}", build_version());
}

/// The version with the git commit it was built from: `0.1.0 (commit 1a2b3c4d5e, 2026-12-01)`. A source archive
/// (no git, or no `.git`) still builds and says so; packagers can name the commit in `STEPWISE_COMMIT`.
fn build_version() -> String {
    let version = env::var("CARGO_PKG_VERSION").unwrap_or_default();
    println!("cargo::rerun-if-env-changed=STEPWISE_COMMIT");
    if let Ok(commit) = env::var("STEPWISE_COMMIT")
        && !commit.trim().is_empty()
    {
        return format!("{version} (commit {})", commit.trim());
    }
    match git_commit() {
        Some((commit, date)) => format!("{version} (commit {commit}, {date})"),
        None => format!("{version} (commit not recorded: built without git)"),
    }
}

/// The short hash and date of HEAD, when this folder is the top of a git checkout and git runs.
fn git_commit() -> Option<(String, String)> {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").ok()?);
    let top = git(&manifest, &["rev-parse", "--show-toplevel"])?;
    // A source archive unpacked inside some other repository must not take that repository's commit.
    if fs::canonicalize(top).ok()? != fs::canonicalize(&manifest).ok()? {
        return None;
    }
    // Build again when HEAD moves: HEAD names the branch, the branch's ref (loose or packed) names the commit.
    let mut watched = vec!["HEAD".to_owned(), "packed-refs".to_owned()];
    watched.extend(git(&manifest, &["symbolic-ref", "-q", "HEAD"]));
    for name in watched {
        if let Some(path) = git(&manifest, &["rev-parse", "--git-path", &name]).map(|p| manifest.join(p))
            && path.exists()
        {
            println!("cargo::rerun-if-changed={}", path.display());
        }
    }
    let commit = git(&manifest, &["rev-parse", "--short=10", "HEAD"])?;
    let date = git(&manifest, &["log", "-1", "--format=%cs", "HEAD"])?;
    Some((commit, date))
}

/// One line of git's output, or `None` when git is missing or fails.
fn git(folder: &Path, args: &[&str]) -> Option<String> {
    let output = Command::new("git").args(args).current_dir(folder).output().ok()?;
    let text = String::from_utf8(output.stdout).ok()?;
    let text = text.trim();
    (output.status.success() && !text.is_empty()).then(|| text.to_owned())
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
