//! A program on paper or in a PDF, as the therapist's settings say: what the window and `stepwise print` share.
//!
//! - [`handout_options`]: the one place the settings and the program become [`HandoutOptions`] (the program's own
//!   clinic name first, then the settings'; the emergency number checked; the logo read from its file; today's
//!   local date), with a warning for anything left out or replaced, so the window and the command line print the
//!   same handout and say the same things.
//! - [`export_pdf`]: typesets and writes the PDF whole, with no `.pdf.bak` beside it: an export is made again in
//!   a second from its program, and a backup would only clutter the folder.
//! - [`print_handout`]: typesets into a fresh temporary file (a name nobody can guess or plant a link at, readable
//!   by the user only) and hands it to a [`Printer`]: the system's (`lp`, or the PDF viewer), or a test's fake.
//!
//! Where it sits: above `files` (the settings) and `handout` (the typesetter), so neither of those has to know
//! the other, and below `ui` and `main`, which both call it. The arrows stay one-way.

use std::io::Write as _;
use std::path::Path;

use crate::files::settings::{PaperSize, Settings};
use crate::files::{self, FileError};
use crate::handout::{self, ClinicDetails, HandoutError, HandoutOptions, Paper, PrintError, PrintOutcome};
use crate::model::{Date, Program};

/// Options to typeset a handout with, and what the therapist should know about them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PrintSetup {
    pub options: HandoutOptions,
    /// Something in the settings could not be used (a logo that cannot be read ...), in plain words.
    pub warnings: Vec<String>,
}

/// How the handout of `program` is printed, from the therapist's `settings`, dated `today`.
#[must_use]
pub fn handout_options(settings: &Settings, program: &Program, today: Date) -> PrintSetup {
    let mut warnings = Vec::new();
    let logo = settings.logo.as_deref().and_then(|path| match std::fs::read(path) {
        Ok(bytes) => Some(bytes),
        Err(error) => {
            warnings.push(format!(
                "the clinic logo {} could not be read ({error}): the handout is printed without it",
                path.display()
            ));
            None
        }
    });
    // Never a blank or a word where the patient reads the number to call: the region's number instead, said.
    let emergency_number = match crate::model::check_emergency_number(&settings.emergency_number) {
        Ok(number) => number,
        Err(problem) => {
            let region = crate::model::emergency_number_from_env(|name| std::env::var(name).ok());
            warnings.push(format!(
                "{problem} The handout prints {}, the number for this computer's region{}: set the clinic's in \
                 Settings.",
                region.number,
                if region.note.is_some() { " (a guess: Stepwise could not tell the region)" } else { "" }
            ));
            region.number.to_owned()
        }
    };
    // The program may name its own clinic (a therapist working at two); otherwise the settings' clinic.
    let name = if program.clinic.trim().is_empty() { settings.clinic_name.clone() } else { program.clinic.clone() };
    let options = HandoutOptions {
        paper: match settings.paper {
            PaperSize::A4 => Paper::A4,
            PaperSize::Letter => Paper::Letter,
        },
        large_print: settings.large_print,
        clinic: ClinicDetails {
            name,
            address: settings.clinic_address.clone(),
            phone: settings.clinic_phone.clone(),
            email: settings.clinic_email.clone(),
            emergency_number,
            logo,
        },
        printed_on: Some(today),
    };
    PrintSetup { options, warnings }
}

/// Why no handout reached the disk or the printer.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error(transparent)]
    Typeset(#[from] HandoutError),
    #[error(transparent)]
    Write(#[from] FileError),
    #[error(transparent)]
    Print(#[from] PrintError),
    #[error("could not make a temporary file to print from: {0}")]
    TemporaryFile(std::io::Error),
}

/// A handout written to disk.
#[derive(Clone, Debug, PartialEq)]
pub struct Exported {
    /// Every warning: the setup's and the typesetter's.
    pub warnings: Vec<String>,
    pub page_count: usize,
}

/// Typesets the handout and writes its PDF to `path`, whole or not at all and without a backup.
pub fn export_pdf(program: &Program, setup: &PrintSetup, path: &Path) -> Result<Exported, OutputError> {
    let handout = handout::compile(program, &setup.options)?;
    files::write_export(path, &handout.pdf)?;
    let warnings = setup.warnings.iter().cloned().chain(handout.warnings).collect();
    Ok(Exported { warnings, page_count: handout.page_count })
}

/// Sends a PDF file to paper. The window holds one behind this trait (tests give it a fake), and calls it off the
/// window's thread: printing can take seconds.
pub trait Printer: Send + Sync {
    fn print(&self, pdf: &Path) -> Result<PrintOutcome, PrintError>;
}

/// The computer's printing: CUPS `lp` to the default printer, or the PDF viewer (see [`handout::print`]).
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemPrinter;

impl Printer for SystemPrinter {
    fn print(&self, pdf: &Path) -> Result<PrintOutcome, PrintError> {
        handout::print(pdf)
    }
}

/// What printing did, and what the therapist should know about the handout.
#[derive(Clone, Debug, PartialEq)]
pub struct Printed {
    pub outcome: PrintOutcome,
    pub warnings: Vec<String>,
}

/// Typesets the handout into a new temporary file and prints it with `printer`. The file is removed once the
/// printer has it; a PDF viewer still needs it, so then it stays in the temporary folder for the system to clear.
pub fn print_handout(program: &Program, setup: &PrintSetup, printer: &dyn Printer) -> Result<Printed, OutputError> {
    let handout = handout::compile(program, &setup.options)?;
    let mut file = tempfile::Builder::new()
        .prefix("stepwise-handout-")
        .suffix(".pdf")
        .tempfile()
        .map_err(OutputError::TemporaryFile)?;
    file.write_all(&handout.pdf).and_then(|()| file.flush()).map_err(OutputError::TemporaryFile)?;
    let outcome = printer.print(file.path())?;
    if matches!(outcome, PrintOutcome::OpenedInViewer { .. }) {
        // The viewer opens the file after we return: leave it there.
        let _ = file.keep();
    }
    let warnings = setup.warnings.iter().cloned().chain(handout.warnings).collect();
    Ok(Printed { outcome, warnings })
}
