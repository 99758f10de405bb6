//! The little world one handout compile sees: the template and the safety module it imports as its only source
//! files, the pictures as virtual files, the embedded fonts, the program as `sys.inputs`, and a fixed "today".
//!
//! Nothing here reads the disk: a handout prints the same on every machine, and a program cannot make the
//! compiler open a file by naming it, because only the paths we put in `files` exist.

use std::collections::HashMap;
use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Dict, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use super::fonts::{FontSet, font_set};
use crate::model::Date;

/// The template, compiled into the binary.
const TEMPLATE: &str = include_str!("../../assets/handout/handout.typ");

/// The safety section (pain rule, red flags, blood clots), which the template imports.
const SAFETY: &str = include_str!("../../assets/handout/safety.typ");

/// The template as a parsed source with a stable file id. Parsed once: the same `Source` every compile lets
/// Typst's caches skip most of the work when only the program changed.
static TEMPLATE_SOURCE: LazyLock<(FileId, Source)> = LazyLock::new(|| {
    let id = virtual_file_id("handout.typ");
    (id, Source::new(id, TEMPLATE.to_owned()))
});

/// `safety.typ`, parsed once like the template.
static SAFETY_SOURCE: LazyLock<(FileId, Source)> = LazyLock::new(|| {
    let id = virtual_file_id("safety.typ");
    (id, Source::new(id, SAFETY.to_owned()))
});

/// A file id in the project root. Our paths are fixed ASCII names made by this module, so they are always
/// valid; an invalid one would be a programming error caught by the tests.
pub(crate) fn virtual_file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).unwrap_or_else(|_| unreachable!("`{path}` is a plain relative path"));
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

/// One compile's world.
pub(crate) struct HandoutWorld {
    library: LazyHash<Library>,
    fonts: &'static FontSet,
    /// Virtual files by id: the pictures.
    files: HashMap<FileId, Bytes>,
    today: Option<Datetime>,
}

impl HandoutWorld {
    /// `files` maps the paths the inputs refer to (e.g. `illustrations/3.svg`) to their bytes.
    pub(crate) fn new(inputs: Dict, files: Vec<(String, Bytes)>, today: Date) -> Self {
        let library = Library::builder().with_inputs(inputs).build();
        Self {
            library: LazyHash::new(library),
            fonts: font_set(),
            files: files.into_iter().map(|(path, bytes)| (virtual_file_id(&path), bytes)).collect(),
            today: Datetime::from_ymd(today.year(), today.month(), today.day()),
        }
    }
}

impl World for HandoutWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.fonts.book
    }

    fn main(&self) -> FileId {
        TEMPLATE_SOURCE.0
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == TEMPLATE_SOURCE.0 {
            Ok(TEMPLATE_SOURCE.1.clone())
        } else if id == SAFETY_SOURCE.0 {
            Ok(SAFETY_SOURCE.1.clone())
        } else {
            Err(FileError::NotSource)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == TEMPLATE_SOURCE.0 {
            return Ok(Bytes::from_string(TEMPLATE));
        }
        if id == SAFETY_SOURCE.0 {
            return Ok(Bytes::from_string(SAFETY));
        }
        self.files.get(&id).cloned().ok_or_else(|| FileError::NotFound(id.get().vpath().get_without_slash().into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.font(index)
    }

    /// The handout's own date, whatever the offset: "printed on" must match the date on the page.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}
