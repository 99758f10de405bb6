//! Stepwise: build a progressive home-exercise program and print the patient's handout.
//!
//! The folders show the product: `model` is the domain as plain data; `library`, `files`, `schedule` and
//! `handout` each depend only on `model`; `clock` is the one place the date is read; `printing` joins the
//! settings (`files`) to the typesetter (`handout`) for both the window and the command line; `export` (calendar
//! reminders and a web page for the patient's phone) reads `schedule` and `handout`; `ui` uses them all; `main`
//! parses arguments and runs a command or opens the window.

/// The version and the git commit this build was made from, as `stepwise --version` prints it.
pub const VERSION: &str = env!("STEPWISE_VERSION");

pub mod assets;
pub mod clock;
pub mod export;
pub mod files;
pub mod handout;
pub mod icon;
pub mod library;
pub mod model;
pub mod printing;
pub mod schedule;
pub mod ui;

/// The shape of the code a newcomer relies on (issue 15): no source file over 600 lines, and no two modules of
/// the window that import each other, however indirectly.
#[cfg(test)]
mod code_shape {
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::Path;

    fn rust_files(folder: &Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(folder).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }

    #[test]
    fn no_source_file_is_over_600_lines() {
        let mut files = Vec::new();
        rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
        assert!(files.len() > 40, "the sources were found");
        let long: Vec<String> = files
            .iter()
            .filter_map(|path| {
                let lines = std::fs::read_to_string(path).ok()?.lines().count();
                (lines > 600).then(|| format!("{} ({lines} lines)", path.display()))
            })
            .collect();
        assert!(long.is_empty(), "over 600 lines: {long:?}");
    }

    /// The ui files a ui file imports: `super::name`, `super::{a, b}` and `crate::ui::name` paths.
    fn imports(text: &str, modules: &BTreeSet<String>, own: &str) -> BTreeSet<String> {
        let mut found = BTreeSet::new();
        for prefix in ["super::", "crate::ui::"] {
            for (at, _) in text.match_indices(prefix) {
                let rest = &text[at + prefix.len()..];
                let names = match rest.strip_prefix('{') {
                    Some(group) => group.split('}').next().unwrap_or_default(),
                    None => rest.split(|c: char| !(c.is_alphanumeric() || c == '_')).next().unwrap_or_default(),
                };
                for name in names.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
                    if modules.contains(name) && name != own {
                        found.insert(name.to_owned());
                    }
                }
            }
        }
        found
    }

    /// Whether a path of imports leads from `from` to `to` (depth first).
    fn reaches(graph: &BTreeMap<String, BTreeSet<String>>, from: &str, to: &str, seen: &mut BTreeSet<String>) -> bool {
        graph
            .get(from)
            .into_iter()
            .flatten()
            .any(|next| next == to || (seen.insert(next.clone()) && reaches(graph, next, to, seen)))
    }

    #[test]
    fn no_two_ui_files_import_each_other() {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
        let files: Vec<_> = std::fs::read_dir(&folder).into_iter().flatten().flatten().map(|e| e.path()).collect();
        let name = |path: &Path| path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let modules: BTreeSet<String> =
            files.iter().filter(|p| p.extension().is_some_and(|e| e == "rs")).map(|p| name(p)).collect();
        assert!(modules.contains("prescription_card") && modules.contains("program_editor"));
        let graph: BTreeMap<String, BTreeSet<String>> = files
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "rs") && name(p) != "mod")
            .map(|p| (name(p), imports(&std::fs::read_to_string(p).unwrap_or_default(), &modules, &name(p))))
            .collect();
        let circles: Vec<&String> =
            graph.keys().filter(|module| reaches(&graph, module, module, &mut BTreeSet::new())).collect();
        assert!(circles.is_empty(), "ui files in an import circle: {circles:?}");
        // The test sees a circle when there is one.
        let mut planted = graph.clone();
        planted.entry("widgets".to_owned()).or_default().insert("menu_bar".to_owned());
        planted.entry("menu_bar".to_owned()).or_default().insert("widgets".to_owned());
        assert!(reaches(&planted, "widgets", "widgets", &mut BTreeSet::new()));
    }
}
