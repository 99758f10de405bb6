//! The live handout preview: compiled on a worker thread so typing never waits for the typesetter.
//!
//! The app sends the program a short while after the last edit (debounced); the worker compiles only the newest
//! one it has (older requests still queued are skipped), sends the pages back and asks for a repaint. The last
//! good preview stays on screen while the next one compiles, and a failed compile shows its message above it.

use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::Duration;

use crate::handout::{self, HandoutOptions};
use crate::model::Program;

/// How long after the last edit the preview is compiled: long enough not to compile on every key press.
pub const DEBOUNCE: Duration = Duration::from_millis(300);

/// Preview pixels per typographic point: sharp enough to read in a side panel, quick to rasterise.
const PIXELS_PER_POINT: f32 = 1.5;

/// What a compile gives back.
struct CompiledPreview {
    revision: u64,
    result: Result<Vec<egui::ColorImage>, String>,
    warnings: Vec<String>,
}

struct Job {
    revision: u64,
    program: Program,
    options: HandoutOptions,
}

/// Typesets and rasterises on the worker thread.
fn compile(job: &Job) -> CompiledPreview {
    match handout::render_pages(&job.program, &job.options, PIXELS_PER_POINT) {
        Ok((pages, warnings)) => CompiledPreview {
            revision: job.revision,
            result: Ok(pages
                .into_iter()
                .map(|page| {
                    let size = [page.width as usize, page.height as usize];
                    egui::ColorImage::from_rgba_unmultiplied(size, &page.rgba)
                })
                .collect()),
            warnings,
        },
        Err(error) => CompiledPreview { revision: job.revision, result: Err(error.to_string()), warnings: Vec::new() },
    }
}

/// The worker and what the side area shows.
pub struct Preview {
    jobs: Option<Sender<Job>>,
    results: Receiver<CompiledPreview>,
    /// The revision last sent to the worker.
    pub requested: Option<u64>,
    /// The revision of what is on screen.
    pub shown: Option<u64>,
    pub pages: Vec<egui::TextureHandle>,
    pub error: Option<String>,
    pub warnings: Vec<String>,
    /// Whether a compile is under way (a spinner is shown).
    pub busy: bool,
}

impl Preview {
    /// Starts the worker thread. `ctx` lets it ask for a repaint when a preview is ready.
    #[must_use]
    pub fn start(ctx: &egui::Context) -> Self {
        let (job_tx, job_rx) = mpsc::channel::<Job>();
        let (result_tx, result_rx) = mpsc::channel();
        let ctx = ctx.clone();
        let spawned = thread::Builder::new().name("handout preview".to_owned()).spawn(move || {
            while let Ok(mut job) = job_rx.recv() {
                // Only the newest request matters.
                while let Ok(newer) = job_rx.try_recv() {
                    job = newer;
                }
                if result_tx.send(compile(&job)).is_err() {
                    break;
                }
                ctx.request_repaint();
            }
        });
        Self {
            jobs: spawned.ok().map(|_| job_tx),
            results: result_rx,
            requested: None,
            shown: None,
            pages: Vec::new(),
            error: None,
            warnings: Vec::new(),
            busy: false,
        }
    }

    /// Asks for a preview of this revision of the program.
    pub fn request(&mut self, revision: u64, program: &Program, options: HandoutOptions) {
        if self.requested == Some(revision) {
            return;
        }
        self.requested = Some(revision);
        match &self.jobs {
            Some(jobs) if jobs.send(Job { revision, program: program.clone(), options }).is_ok() => self.busy = true,
            _ => self.error = Some("The preview could not start on this computer.".to_owned()),
        }
    }

    /// Takes finished previews off the channel and turns their pages into textures.
    pub fn receive(&mut self, ctx: &egui::Context) {
        while let Ok(done) = self.results.try_recv() {
            if Some(done.revision) == self.requested {
                self.busy = false;
            }
            self.warnings = done.warnings;
            match done.result {
                Ok(pages) => {
                    self.pages = pages
                        .into_iter()
                        .enumerate()
                        .map(|(index, image)| {
                            ctx.load_texture(format!("handout-page-{index}"), image, egui::TextureOptions::LINEAR)
                        })
                        .collect();
                    self.shown = Some(done.revision);
                    self.error = None;
                }
                Err(message) => self.error = Some(message),
            }
        }
    }
}
