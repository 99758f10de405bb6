//! The live handout preview: compiled on a worker thread so typing never waits for the typesetter.
//!
//! The app sends the program a short while after the last edit (debounced); the worker compiles only the newest
//! one it has (older requests still queued are skipped), sends the pages back and asks for a repaint. The last
//! good preview stays on screen while the next one compiles, and a failed compile shows its message above it.
//!
//! A panic in the typesetter is caught on the worker and shown as what it is ("the preview stopped on an error
//! in Stepwise: ..."), never as a spinner turning forever; if the worker is gone all the same, the next request
//! starts a new one.

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

/// What the worker runs to typeset: `handout::render_pages`, or a test's stand-in.
type Renderer = fn(&Program, &HandoutOptions, f32) -> Result<(Vec<handout::PreviewPage>, Vec<String>), String>;

fn render(
    program: &Program,
    options: &HandoutOptions,
    pixels_per_point: f32,
) -> Result<(Vec<handout::PreviewPage>, Vec<String>), String> {
    handout::render_pages(program, options, pixels_per_point).map_err(|error| error.to_string())
}

/// Typesets and rasterises on the worker thread; a panic becomes the message shown.
fn compile(job: &Job, renderer: Renderer) -> CompiledPreview {
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        renderer(&job.program, &job.options, PIXELS_PER_POINT)
    }))
    .unwrap_or_else(|panic| {
        let message = panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|text| (*text).to_owned()))
            .unwrap_or_else(|| "no message".to_owned());
        Err(format!(
            "The preview stopped on an error in Stepwise ({message}). It goes on with the next change; please \
             report this program."
        ))
    });
    match outcome {
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
        Err(error) => CompiledPreview { revision: job.revision, result: Err(error), warnings: Vec::new() },
    }
}

/// The worker and what the side area shows.
pub struct Preview {
    jobs: Option<Sender<Job>>,
    results: Receiver<CompiledPreview>,
    ctx: egui::Context,
    renderer: Renderer,
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

/// Starts a worker thread: the channel to send it jobs (`None` when no thread could start) and the one it answers on.
fn spawn_worker(ctx: &egui::Context, renderer: Renderer) -> (Option<Sender<Job>>, Receiver<CompiledPreview>) {
    let (job_tx, job_rx) = mpsc::channel::<Job>();
    let (result_tx, result_rx) = mpsc::channel();
    let ctx = ctx.clone();
    let spawned = thread::Builder::new().name("handout preview".to_owned()).spawn(move || {
        while let Ok(mut job) = job_rx.recv() {
            // Only the newest request matters.
            while let Ok(newer) = job_rx.try_recv() {
                job = newer;
            }
            if result_tx.send(compile(&job, renderer)).is_err() {
                break;
            }
            ctx.request_repaint();
        }
    });
    (spawned.ok().map(|_| job_tx), result_rx)
}

impl Preview {
    /// Starts the worker thread. `ctx` lets it ask for a repaint when a preview is ready.
    #[must_use]
    pub fn start(ctx: &egui::Context) -> Self {
        Self::start_with(ctx, render)
    }

    fn start_with(ctx: &egui::Context, renderer: Renderer) -> Self {
        let (jobs, results) = spawn_worker(ctx, renderer);
        Self {
            jobs,
            results,
            ctx: ctx.clone(),
            renderer,
            requested: None,
            shown: None,
            pages: Vec::new(),
            error: None,
            warnings: Vec::new(),
            busy: false,
        }
    }

    /// Asks for a preview of this revision of the program. A worker that is gone is started again.
    pub fn request(&mut self, revision: u64, program: &Program, options: HandoutOptions) {
        if self.requested == Some(revision) {
            return;
        }
        self.requested = Some(revision);
        let job = Job { revision, program: program.clone(), options };
        // A send that fails hands the job back: a worker that is gone is started again and given it once more.
        let mut unsent = match &self.jobs {
            Some(jobs) => jobs.send(job).err().map(|error| error.0),
            None => Some(job),
        };
        if let Some(job) = unsent.take() {
            self.restart();
            unsent = match &self.jobs {
                Some(jobs) => jobs.send(job).err().map(|error| error.0),
                None => Some(job),
            };
        }
        if unsent.is_none() {
            self.busy = true;
            return;
        }
        self.busy = false;
        self.error = Some("The preview could not start on this computer.".to_owned());
    }

    /// A new worker in place of one that is gone.
    fn restart(&mut self) {
        let (jobs, results) = spawn_worker(&self.ctx, self.renderer);
        self.jobs = jobs;
        self.results = results;
    }

    /// Takes finished previews off the channel and turns their pages into textures.
    pub fn receive(&mut self, ctx: &egui::Context) {
        loop {
            let done = match self.results.try_recv() {
                Ok(done) => done,
                Err(mpsc::TryRecvError::Empty) => break,
                Err(mpsc::TryRecvError::Disconnected) => {
                    if self.busy {
                        // The worker ended without an answer: say so, and start a new one for the next request.
                        self.busy = false;
                        self.requested = None;
                        self.error = Some(
                            "The preview stopped on an error in Stepwise. It starts again with the next change.".into(),
                        );
                        self.restart();
                    }
                    break;
                }
            };
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    fn panics(_: &Program, _: &HandoutOptions, _: f32) -> Result<(Vec<handout::PreviewPage>, Vec<String>), String> {
        panic!("index out of bounds: the len is 0 but the index is 3")
    }

    #[allow(clippy::unnecessary_wraps)] // A `Renderer` returns a Result.
    fn one_page(_: &Program, _: &HandoutOptions, _: f32) -> Result<(Vec<handout::PreviewPage>, Vec<String>), String> {
        Ok((vec![handout::PreviewPage { width: 2, height: 2, rgba: vec![255; 16] }], Vec::new()))
    }

    /// Waits (a few seconds at most) until the worker has answered.
    fn settle(preview: &mut Preview, ctx: &egui::Context) {
        for _ in 0..500 {
            preview.receive(ctx);
            if !preview.busy {
                return;
            }
            thread::sleep(Duration::from_millis(10));
        }
        panic!("the preview is still busy: a spinner turning forever");
    }

    #[test]
    fn a_panicking_preview_shows_the_real_error_and_goes_on() {
        let ctx = egui::Context::default();
        let program = Program::new(Date::from_days(20_000));
        let mut preview = Preview::start_with(&ctx, panics);
        let quiet = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        preview.request(1, &program, HandoutOptions::default());
        settle(&mut preview, &ctx);
        let error = preview.error.clone().unwrap_or_default();
        assert!(error.contains("index out of bounds") && error.contains("error in Stepwise"), "{error}");
        // The same worker answers the next change (it was not left dead).
        preview.renderer = one_page;
        preview.request(2, &program, HandoutOptions::default());
        settle(&mut preview, &ctx);
        std::panic::set_hook(quiet);
        assert!(preview.error.is_some(), "the stand-in is only used by a new worker: the old one still panics");

        // A worker that is gone (its end of the channel closed) is started again on the next request.
        let (gone, receiver) = mpsc::channel();
        drop(receiver);
        preview.jobs = Some(gone);
        preview.request(3, &program, HandoutOptions::default());
        settle(&mut preview, &ctx);
        assert_eq!(preview.error, None, "restarted and answered");
        assert_eq!((preview.shown, preview.pages.len()), (Some(3), 1));
    }
}
