//! Where Stepwise keeps its files, and the therapist's settings (clinic details, the emergency number, paper,
//! units, clinic library).
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

/// The settings format this build writes. Version 2 added `emergency_number`; a file without a version is
/// version 1, and a version-1 file reads with the number for the system's region. A file from a newer Stepwise
/// is used read-only (see [`Settings::open`]).
pub const SETTINGS_VERSION: u32 = 2;

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
    /// The number the handout tells the patient to call in an emergency (a clot that may have reached the lung):
    /// "999". Filled from the system's region when the file has none (see `model::emergency_number_from_env`);
    /// checked by `model::check_emergency_number` and never printed blank.
    pub emergency_number: String,
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
            version: SETTINGS_VERSION,
            therapist: String::new(),
            clinic_name: String::new(),
            clinic_address: String::new(),
            clinic_phone: String::new(),
            clinic_email: String::new(),
            emergency_number: region_emergency_number(),
            logo: None,
            paper: PaperSize::A4,
            large_print: false,
            units: WeightUnit::Kilograms,
            clinic_library: None,
            recent_files: Vec::new(),
        }
    }
}

/// The emergency number for the system's region (112 when the region cannot be told): what a new or older
/// settings file starts with.
#[must_use]
pub fn region_emergency_number() -> String {
    crate::model::emergency_number_from_env(|name| std::env::var(name).ok()).number.to_owned()
}

/// How many recent files the File menu lists.
pub const RECENT_FILES: usize = 8;

/// Settings as the window reads them: always something to work with, and whether they may be written back.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadedSettings {
    pub settings: Settings,
    /// `Some(why)` when the file on disk must not be written over: it has a typo, or a newer Stepwise wrote it.
    /// The window then works with `settings` (defaults, or what a newer file still gave) and never saves them.
    pub read_only: Option<String>,
}

/// Reads only the `version` of a settings file, whatever else it holds.
#[derive(Deserialize)]
#[serde(rename = "Settings")]
struct SettingsVersion {
    #[serde(default = "first_version")]
    version: u32,
}

/// A settings file without a version was written before settings had one.
fn first_version() -> u32 {
    1
}

impl Settings {
    /// Reads the settings; a missing file gives the defaults. The version is checked as a program's is: 0 is
    /// refused; a newer version that still reads is returned (printing may use it, see [`Settings::open`] for why
    /// it is never saved); a newer version with fields this build does not know is an error saying so.
    pub fn load(path: &Path) -> Result<Self, FileError> {
        if !path.exists() {
            return Ok(Self::default());
        }
        settings_from_str(&read_text(path)?, path)
    }

    /// What the window uses: the settings, or the defaults and the reason the file must be left alone. A file
    /// that failed to load (a typo, a newer Stepwise) holds the clinic's details: writing the defaults over it,
    /// or over its `.bak`, would lose them.
    #[must_use]
    pub fn open(path: &Path) -> LoadedSettings {
        match Self::load(path) {
            Ok(settings) if settings.version > SETTINGS_VERSION => LoadedSettings {
                read_only: Some(format!(
                    "{}: written by a newer Stepwise (settings version {}; this Stepwise writes version {}). Its \
                     settings are used for printing but cannot be changed here, so nothing in the file is lost.",
                    path.display(),
                    settings.version,
                    SETTINGS_VERSION
                )),
                settings,
            },
            Ok(settings) => LoadedSettings { settings, read_only: None },
            Err(error) => LoadedSettings {
                settings: Self::default(),
                read_only: Some(format!(
                    "{error}. Until the file is fixed, the default settings are used, they cannot be changed here, \
                     and nothing is saved to the file."
                )),
            },
        }
    }

    /// Saves the settings atomically, keeping the previous file as `.bak`. Refuses when the file on disk does not
    /// read as settings of this version (a typo, a newer Stepwise): those would be lost, and so would their backup.
    pub fn save(&self, path: &Path) -> Result<(), FileError> {
        if path.exists() {
            let readable = read_text(path).and_then(|text| settings_from_str(&text, path));
            let refusal = match readable {
                Ok(on_disk) if on_disk.version > SETTINGS_VERSION => Some(format!(
                    "written by a newer Stepwise (settings version {}); it would lose what this version cannot read",
                    on_disk.version
                )),
                Ok(_) => None,
                Err(error) => Some(format!("it does not read as settings ({error}); fix it by hand first")),
            };
            if let Some(problem) = refusal {
                return Err(FileError::WouldOverwriteNewer {
                    path: path.to_owned(),
                    problem: format!(
                        "the settings were not saved: the file on disk is kept as it is, because {problem}"
                    ),
                });
            }
        }
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(|e| super::write_error(path, e))?;
        }
        // Written in this build's format, whatever version it was read from.
        let current = Self { version: SETTINGS_VERSION, ..self.clone() };
        write_atomic(path, to_pretty(&current)?.as_bytes(), || Ok(()))
    }

    /// Puts `path` first in the recent files, without duplicates.
    pub fn remember_recent(&mut self, path: &Path) {
        self.recent_files.retain(|p| p != path);
        self.recent_files.insert(0, path.to_owned());
        self.recent_files.truncate(RECENT_FILES);
    }
}

/// Reads settings from text; `path` is only used in messages.
pub fn settings_from_str(text: &str, path: &Path) -> Result<Settings, FileError> {
    let version = ron::Options::default()
        .from_str::<SettingsVersion>(text)
        .map(|probe| probe.version)
        .map_err(|e| syntax_error(path, &e))?;
    if version == 0 {
        return Err(FileError::UnknownVersion { path: path.to_owned(), found: version });
    }
    let settings = ron::Options::default().from_str::<Settings>(text).map_err(|error| {
        if version > SETTINGS_VERSION {
            FileError::NewerVersion {
                path: path.to_owned(),
                found: version,
                supported: SETTINGS_VERSION,
                detail: format!(
                    " (line {}:{}: {})",
                    error.span.start.line,
                    error.span.start.col,
                    super::explain(&error.code)
                ),
            }
        } else {
            syntax_error(path, &error)
        }
    })?;
    // The version the file says (1 when it says none), not the default's.
    Ok(Settings { version, ..settings })
}
