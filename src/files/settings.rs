//! Where Stepwise keeps its files, and the therapist's settings (clinic details, paper, units, clinic library).
//!
//! Programs are documents the therapist saves wherever they like; this module only knows the app's own folders:
//! the data folder (user library, recovery copy, default place for programs) and the config folder (settings).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{FileError, read_text, syntax_error, to_pretty, write_atomic};

/// The app's own folders.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Locations {
    pub data_dir: PathBuf,
    pub config_dir: PathBuf,
}

impl Locations {
    /// The user's folders as the platform wants them (`~/.local/share/stepwise` and `~/.config/stepwise` on
    /// Linux, `~/Library/Application Support/org.Stepwise.Stepwise` on macOS, `%APPDATA%` on Windows).
    #[must_use]
    pub fn for_user() -> Option<Self> {
        let dirs = directories::ProjectDirs::from("org", "Stepwise", "Stepwise")?;
        Some(Self { data_dir: dirs.data_dir().to_owned(), config_dir: dirs.config_dir().to_owned() })
    }

    /// Folders under one root: tests and portable installs.
    #[must_use]
    pub fn under(root: &Path) -> Self {
        Self { data_dir: root.join("data"), config_dir: root.join("config") }
    }

    /// The user's own exercises.
    #[must_use]
    pub fn user_library_file(&self) -> PathBuf {
        self.data_dir.join("library").join("my-exercises.ron")
    }

    /// The autosaved copy of the open program.
    #[must_use]
    pub fn recovery_dir(&self) -> PathBuf {
        self.data_dir.join("recovery")
    }

    /// Where Save As starts.
    #[must_use]
    pub fn programs_dir(&self) -> PathBuf {
        self.data_dir.join("programs")
    }

    #[must_use]
    pub fn settings_file(&self) -> PathBuf {
        self.config_dir.join("settings.ron")
    }
}

/// Paper the handout is printed on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum PaperSize {
    #[default]
    A4,
    Letter,
}

/// Units the therapist sees loads in; files always store kilograms.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum WeightUnit {
    #[default]
    Kilograms,
    Pounds,
}

/// The therapist's settings, kept in the config folder.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Settings", default, deny_unknown_fields)]
pub struct Settings {
    pub version: u32,
    pub therapist: String,
    pub clinic_name: String,
    pub clinic_address: String,
    pub clinic_phone: String,
    pub clinic_email: String,
    /// A PNG, JPEG or SVG printed in the handout's header.
    pub logo: Option<PathBuf>,
    pub paper: PaperSize,
    pub large_print: bool,
    pub units: WeightUnit,
    /// A shared folder of RON library files the whole clinic uses.
    pub clinic_library: Option<PathBuf>,
    /// Most recent first.
    pub recent_files: Vec<PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            version: crate::model::FORMAT_VERSION,
            therapist: String::new(),
            clinic_name: String::new(),
            clinic_address: String::new(),
            clinic_phone: String::new(),
            clinic_email: String::new(),
            logo: None,
            paper: PaperSize::A4,
            large_print: false,
            units: WeightUnit::Kilograms,
            clinic_library: None,
            recent_files: Vec::new(),
        }
    }
}

/// How many recent files the File menu lists.
pub const RECENT_FILES: usize = 8;

impl Settings {
    /// Reads the settings; a missing file gives the defaults.
    pub fn load(path: &Path) -> Result<Self, FileError> {
        if !path.exists() {
            return Ok(Self::default());
        }
        let text = read_text(path)?;
        ron::Options::default().from_str(&text).map_err(|e| syntax_error(path, &e))
    }

    pub fn save(&self, path: &Path) -> Result<(), FileError> {
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(|e| super::write_error(path, e))?;
        }
        write_atomic(path, to_pretty(self)?.as_bytes(), || Ok(()))
    }

    /// Puts `path` first in the recent files, without duplicates.
    pub fn remember_recent(&mut self, path: &Path) {
        self.recent_files.retain(|p| p != path);
        self.recent_files.insert(0, path.to_owned());
        self.recent_files.truncate(RECENT_FILES);
    }
}
