//! The system's open and save dialogs, behind a small trait so tests (and the benchmark) never open a window:
//! they hand the app a fake that answers with paths in a temporary folder.

use std::path::{Path, PathBuf};

/// What kind of file a dialog is for: decides the filter and the title.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Program,
    Pdf,
    Image,
    WebPage,
    Calendar,
}

impl FileKind {
    fn filter(self) -> (&'static str, &'static [&'static str]) {
        match self {
            Self::Program => ("Stepwise program", &["ron"]),
            Self::Pdf => ("PDF document", &["pdf"]),
            Self::Image => ("Image", &["png", "jpg", "jpeg", "svg"]),
            Self::WebPage => ("Web page", &["html"]),
            Self::Calendar => ("Calendar", &["ics"]),
        }
    }
}

/// Asks the user for a path. `None`: the user cancelled.
pub trait FileDialogs {
    fn pick_file(&mut self, kind: FileKind, start_in: Option<&Path>) -> Option<PathBuf>;
    fn save_file(&mut self, kind: FileKind, start_in: Option<&Path>, suggested_name: &str) -> Option<PathBuf>;
    fn pick_folder(&mut self, start_in: Option<&Path>) -> Option<PathBuf>;
}

/// The native dialogs (the desktop portal on Linux, the system dialogs on Windows and macOS).
#[derive(Default)]
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn pick_file(&mut self, kind: FileKind, start_in: Option<&Path>) -> Option<PathBuf> {
        let (name, extensions) = kind.filter();
        let mut dialog = rfd::FileDialog::new().add_filter(name, extensions);
        if let Some(folder) = start_in {
            dialog = dialog.set_directory(folder);
        }
        dialog.pick_file()
    }

    fn save_file(&mut self, kind: FileKind, start_in: Option<&Path>, suggested_name: &str) -> Option<PathBuf> {
        let (name, extensions) = kind.filter();
        let mut dialog = rfd::FileDialog::new().add_filter(name, extensions).set_file_name(suggested_name);
        if let Some(folder) = start_in {
            dialog = dialog.set_directory(folder);
        }
        let mut path = dialog.save_file()?;
        // Some desktops return the name as typed: make sure the file gets its extension.
        if path.extension().is_none()
            && let Some(extension) = extensions.first()
        {
            path.set_extension(extension);
        }
        Some(path)
    }

    fn pick_folder(&mut self, start_in: Option<&Path>) -> Option<PathBuf> {
        let mut dialog = rfd::FileDialog::new();
        if let Some(folder) = start_in {
            dialog = dialog.set_directory(folder);
        }
        dialog.pick_folder()
    }
}

/// A dialog that answers from a queue of prepared paths: for tests and benchmarks. An empty queue cancels.
#[derive(Clone, Default)]
pub struct ScriptedDialogs {
    answers: std::sync::Arc<std::sync::Mutex<std::collections::VecDeque<PathBuf>>>,
}

impl ScriptedDialogs {
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The next dialog, of any kind, answers with this path. Clones share one queue, so a test keeps a clone to
    /// feed answers after handing the dialogs to the app.
    pub fn answer_next(&self, path: impl Into<PathBuf>) {
        if let Ok(mut answers) = self.answers.lock() {
            answers.push_back(path.into());
        }
    }

    fn next(&self) -> Option<PathBuf> {
        self.answers.lock().ok()?.pop_front()
    }
}

impl FileDialogs for ScriptedDialogs {
    fn pick_file(&mut self, _kind: FileKind, _start_in: Option<&Path>) -> Option<PathBuf> {
        self.next()
    }

    fn save_file(&mut self, _kind: FileKind, _start_in: Option<&Path>, _suggested_name: &str) -> Option<PathBuf> {
        self.next()
    }

    fn pick_folder(&mut self, _start_in: Option<&Path>) -> Option<PathBuf> {
        self.next()
    }
}
