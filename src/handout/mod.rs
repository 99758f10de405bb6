//! Program -> patient handout: template inputs, PDF, preview pages, printing.
//!
//! The handout is typeset by the Typst compiler, embedded as a library, from one template compiled into the
//! binary (`assets/handout/handout.typ`) and the fonts in `assets/fonts/`. The program goes in as typed values
//! (`sys.inputs`), never as markup, so whatever a therapist types, a patient called `#panic()` included,
//! prints exactly as typed.
//!
//! ```no_run
//! use stepwise::handout::{self, HandoutOptions, Paper};
//! # fn demo(program: &stepwise::model::Program) -> Result<(), Box<dyn std::error::Error>> {
//! let options = HandoutOptions { paper: Paper::Letter, large_print: true, ..HandoutOptions::default() };
//! let handout = handout::compile(program, &options)?;
//! for warning in &handout.warnings {
//!     eprintln!("warning: {warning}"); // a missing drawing, a character no font has ...
//! }
//! std::fs::write("handout.pdf", &handout.pdf)?;
//! let preview = handout.pages_rgba(1.0); // one RGBA image per page, for the app's preview
//! let outcome = handout::print(std::path::Path::new("handout.pdf"))?;
//! println!("{outcome}"); // "Sent to the printer ..." or "Opened in the PDF viewer ..."
//! # Ok(()) }
//! ```
//!
//! - [`compile`] gives the PDF, the page count, the warnings and the laid-out pages; it fails only when the
//!   template itself cannot be typeset (a bug in Stepwise, never in the program).
//! - [`Handout::pages_rgba`] / [`render_pages`] rasterise pages for the preview; [`render_pages`] skips the
//!   PDF, which matters when the preview recompiles on every edit.
//! - [`print`] sends a saved PDF to the default printer with CUPS `lp` where it exists, otherwise opens it in
//!   the system's PDF viewer, and says which it did.
//! - A drawing that is missing or unreadable prints as a placeholder; a character that no font has is
//!   reported. Both go into [`Handout::warnings`], never into an error: the patient still gets a handout.
//! - [`demo_program`] is a realistic made-up program for trying the layout (clinic settings, examples,
//!   benches, tests).
//!
//! What the handout contains, in order: the clinic's header, the patient's details, goals and note, the stages
//! at a glance; the pain traffic light, when to stop and call, the signs of a blood clot; each stage with its
//! criteria to move on and one card per exercise; the week-by-week plan from `schedule::build`; the diary. The
//! patient's name and "page N of M" are on every page.
//!
//! Kept short, because a patient reads a short handout (the ready-made programs print in 5 to 23 A4 pages in the
//! detailed layout, 3 to 12 in the compact one), with the type no smaller:
//! - A card: the drawing beside the name and the dose in words; what it is for and the steps across the full
//!   width; tips and mistakes run on in a line or two; the cautions in a red box. Two ordinary cards share a
//!   page; one longer than half a page may go over a page between its steps, never between its last step, tips
//!   and cautions.
//! - An exercise repeated in a later stage (same name, steps, tips, cautions and drawing) prints its dose for
//!   that stage and "as in exercise N on page P" instead of its steps again.
//! - A caution that says word for word what the safety page says ("Stop and call the clinic if the pain is
//!   sharp or sudden ...") is left out of the card, whose red box then points to the safety page; every other
//!   caution prints.
//! - The plan is one block a stage naming each exercise once, with the words that hold all stage and, where
//!   the dose changes, the amount week by week ("Week 1: 3 sets of 10 • Week 2: 3 sets of 12"). Speed and rest
//!   between sets are on the card.
//! - Compact: a short first page (the clinic in two lines, the title as heading, the stages three to a row), then
//!   three or more cards to an A4 page, each a picture beside its name and dose with up to four short steps in
//!   two columns beneath and one caution, never split; the next stage and what to manage before it over the last
//!   stage's cards; the plan, the diary (one line a week) and the safety page last. 12 pt text (16 in large
//!   print). Summary: one page per stage for the fridge.
//!
//! Module map: `content` (what a handout prints, as plain data), `inputs` (content -> `sys.inputs`, pictures,
//! warnings), `plan` (schedule wording and diary weeks), `world` (Typst's view of files, fonts and date),
//! `fonts`, `pages` (preview pixels, missing glyphs), `print`, `demo`.
//!
//! Compiles are independent and thread-safe (the app compiles off the UI thread). The font book is read once per
//! process and each font parsed when a text first needs it; the first compile is slow because it lays every page
//! out cold, which later compiles mostly reuse (see `benches/handout.rs`).

pub mod content;
mod demo;
mod fonts;
mod inputs;
mod pages;
mod plan;
mod print;
mod safety;
mod world;

use std::fmt::{self, Write as _};

use typst::WorldExt as _;
use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::Smart;
use typst_layout::PagedDocument;

pub use demo::demo_program;
pub use pages::PreviewPage;
pub use print::{PrintError, PrintOutcome, print};

use crate::model::{Date, Program};
use world::HandoutWorld;

/// The paper the handout is laid out for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Paper {
    /// 210 x 297 mm: everywhere but North America.
    #[default]
    A4,
    /// US Letter, 8.5 x 11 in.
    Letter,
}

/// The clinic as printed in the handout's header and on the "call us" lines. Empty fields are left out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ClinicDetails {
    pub name: String,
    /// One line; commas are fine ("12 High Street, Bangor LL57 1AA").
    pub address: String,
    pub phone: String,
    pub email: String,
    /// The number the safety page says to call in an emergency ("999"). Blank prints the one for the system's
    /// region (112 when it cannot be told): never a blank. `printing::handout_options` fills it from the settings.
    pub emergency_number: String,
    /// A PNG, JPEG, GIF, WebP or SVG picture, printed about 2 cm high. One that cannot be read is left out
    /// with a warning.
    pub logo: Option<Vec<u8>>,
}

/// How to print a program.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HandoutOptions {
    pub paper: Paper,
    /// 16 pt text instead of 12.5 pt, bigger pictures: for patients with low vision.
    pub large_print: bool,
    pub clinic: ClinicDetails,
    /// The date the handout says it was printed on (and Typst's "today"); `None` = today (the local date, from
    /// `clock`). Tests fix it so the output does not depend on the day they run.
    pub printed_on: Option<Date>,
}

/// A typeset handout.
pub struct Handout {
    /// The PDF file's bytes (tagged PDF, fonts embedded).
    pub pdf: Vec<u8>,
    /// What a therapist should know before handing it out, in plain words.
    pub warnings: Vec<String>,
    pub page_count: usize,
    document: PagedDocument,
}

impl Handout {
    /// Every page as an RGBA image, `pixels_per_point` pixels per typographic point (1.0 gives 595 x 842 for
    /// A4; 2.0 is sharp on a high-DPI screen).
    #[must_use]
    pub fn pages_rgba(&self, pixels_per_point: f32) -> Vec<PreviewPage> {
        pages::render(&self.document, pixels_per_point)
    }

    /// One page as an RGBA image (`index` from 0), or `None` past the last page.
    #[must_use]
    pub fn page_rgba(&self, index: usize, pixels_per_point: f32) -> Option<PreviewPage> {
        self.document.pages().get(index).map(|page| pages::render_page(page, pixels_per_point))
    }
}

impl fmt::Debug for Handout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Handout")
            .field("pdf", &format_args!("{} bytes", self.pdf.len()))
            .field("warnings", &self.warnings)
            .field("page_count", &self.page_count)
            .finish_non_exhaustive()
    }
}

/// Why no handout could be made. Program content never causes these: they mean the template or the PDF
/// writer hit something it cannot do, and the message says where.
#[derive(Debug, thiserror::Error)]
pub enum HandoutError {
    #[error("the handout could not be typeset: {0}")]
    Typeset(String),
    #[error("the handout was typeset but its PDF could not be written: {0}")]
    Pdf(String),
}

/// Typesets the program and writes the PDF.
pub fn compile(program: &Program, options: &HandoutOptions) -> Result<Handout, HandoutError> {
    let result = typeset(program, options).and_then(|(document, mut warnings, world)| {
        let pdf = accessible_pdf(&document, &world, &mut warnings)?;
        warnings.dedup();
        Ok(Handout { pdf, warnings, page_count: document.pages().len(), document })
    });
    // Typst memoises layouts across compiles; without eviction a long editing session keeps every old one.
    // Ten generations keep the cache warm for the next keystroke.
    typst::comemo::evict(10);
    result
}

/// The PDF as PDF/UA-1, so a screen reader reads the handout in order (headings, lists, tables, pictures with
/// their descriptions). Some text cannot be written that way (Arabic shaped into joined letters has no
/// one-to-one mapping back to its characters): then the handout is still written, as a tagged PDF, and a
/// warning says why.
fn accessible_pdf(
    document: &PagedDocument,
    world: &HandoutWorld,
    warnings: &mut Vec<String>,
) -> Result<Vec<u8>, HandoutError> {
    let options = |standards: &[typst_pdf::PdfStandard]| -> Result<typst_pdf::PdfOptions, HandoutError> {
        Ok(typst_pdf::PdfOptions {
            creator: Smart::Custom(Some(format!("Stepwise {}", env!("CARGO_PKG_VERSION")))),
            standards: typst_pdf::PdfStandards::new(standards)
                .map_err(|error| HandoutError::Pdf(error.message().to_string()))?,
            ..typst_pdf::PdfOptions::default()
        })
    };
    match write_pdf(document, &options(&[typst_pdf::PdfStandard::Ua_1])?)? {
        Ok(pdf) => Ok(pdf),
        Err(errors) => {
            warnings.push(format!(
                "The handout is a tagged PDF but not PDF/UA-1 (the standard for screen readers): {}",
                describe_all(world, &errors)
            ));
            write_pdf(document, &options(&[])?)?.map_err(|errors| HandoutError::Pdf(describe_all(world, &errors)))
        }
    }
}

/// Runs the PDF writer. It (krilla 0.8.2) panics on a text run over 64 KB with characters of several bytes (found
/// by tests/fuzz.rs: a caution of 40,000 emoji): a panic here must not take the window with it.
fn write_pdf(
    document: &PagedDocument,
    options: &typst_pdf::PdfOptions,
) -> Result<typst::diag::SourceResult<Vec<u8>>, HandoutError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| typst_pdf::pdf(document, options))).map_err(|_| {
        HandoutError::Pdf(
            "the PDF writer stopped on a very long text (tens of thousands of characters in one field): shorten it"
                .to_owned(),
        )
    })
}

/// Typesets the program and rasterises its pages for a preview, without writing a PDF.
pub fn render_pages(
    program: &Program,
    options: &HandoutOptions,
    pixels_per_point: f32,
) -> Result<(Vec<PreviewPage>, Vec<String>), HandoutError> {
    let result =
        typeset(program, options).map(|(document, warnings, _)| (pages::render(&document, pixels_per_point), warnings));
    typst::comemo::evict(10);
    result
}

/// A handout laid out in pages but neither written nor rasterised: the app's preview keeps the newest one on its
/// worker thread and rasterises only the pages in view, at the screen's size, so a long handout costs little memory.
pub struct LaidOut {
    pub warnings: Vec<String>,
    document: PagedDocument,
}

impl LaidOut {
    /// Each page's width and height in typographic points.
    #[must_use]
    pub fn page_sizes(&self) -> Vec<(f32, f32)> {
        let size = |page: &typst_layout::Page| page.frame.size();
        self.document.pages().iter().map(size).map(|s| (s.x.to_pt() as f32, s.y.to_pt() as f32)).collect()
    }

    /// One page as an RGBA image (`index` from 0), or `None` past the last page.
    #[must_use]
    pub fn page_rgba(&self, index: usize, pixels_per_point: f32) -> Option<PreviewPage> {
        self.document.pages().get(index).map(|page| pages::render_page(page, pixels_per_point))
    }
}

/// Typesets the program into pages for a preview, without writing a PDF or rasterising anything.
pub fn lay_out(program: &Program, options: &HandoutOptions) -> Result<LaidOut, HandoutError> {
    let result = typeset(program, options).map(|(document, warnings, _)| LaidOut { warnings, document });
    typst::comemo::evict(10);
    result
}

/// Lays the program out in pages: the common part of `compile` and `render_pages`.
fn typeset(
    program: &Program,
    options: &HandoutOptions,
) -> Result<(PagedDocument, Vec<String>, HandoutWorld), HandoutError> {
    let printed_on = options.printed_on.unwrap_or_else(crate::clock::today);
    let content = content::build(program, &HandoutOptions { printed_on: Some(printed_on), ..options.clone() });
    let prepared = inputs::prepare(&content, options);
    let world = HandoutWorld::new(prepared.inputs, prepared.files, printed_on);
    let compiled = typst::compile::<PagedDocument>(&world);
    let document = compiled.output.map_err(|errors| HandoutError::Typeset(describe_all(&world, &errors)))?;

    let mut warnings = prepared.warnings;
    warnings.extend(compiled.warnings.iter().map(|warning| format!("Typesetting: {}", describe(&world, warning))));
    warnings.extend(pages::missing_glyphs(&document));
    Ok((document, warnings, world))
}

/// All diagnostics on one line each, joined: errors reach a log or a dialog, where one string reads best.
fn describe_all(world: &HandoutWorld, diagnostics: &[SourceDiagnostic]) -> String {
    diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| describe(world, d))
        .collect::<Vec<_>>()
        .join("; ")
}

/// "message (handout.typ:12:3; hint: ...)": where in the template, so a broken template is quick to fix.
fn describe(world: &HandoutWorld, diagnostic: &SourceDiagnostic) -> String {
    let mut text = diagnostic.message.to_string();
    let location = diagnostic.span.id().and_then(|id| {
        let source = typst::World::source(world, id).ok()?;
        let range = world.range(diagnostic.span)?;
        let (line, column) = source.lines().byte_to_line_column(range.start)?;
        Some(format!("{}:{}:{}", id.get().vpath().get_without_slash(), line + 1, column + 1))
    });
    let hints: Vec<String> = diagnostic.hints.iter().map(|hint| format!("hint: {}", hint.v)).collect();
    let details: Vec<String> = location.into_iter().chain(hints).collect();
    if !details.is_empty() {
        let _ = write!(text, " ({})", details.join("; "));
    }
    text
}
