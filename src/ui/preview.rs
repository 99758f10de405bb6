//! The live handout preview: laid out on a worker thread so typing never waits for the typesetter, and drawn
//! only where the therapist looks.
//!
//! The app sends the program a short while after the last edit (debounced); the worker lays out only the newest
//! one it has (older requests still queued are skipped) and keeps it. Pages become pixels only while they are in
//! view (plus one either side), at the size they are shown on this screen; the textures of pages scrolled away
//! are dropped. A long handout (the calf-strain program whole, 23 pages) so costs a few pages of memory, not all.
//! The pages in view are rasterised with the layout itself, so a new layout replaces the old one in one frame,
//! never with blank pages in between. The last good preview stays on screen while the next one is laid out, and a
//! failed layout shows its message above it.
//!
//! A panic in the typesetter is caught on the worker and shown as what it is ("the preview stopped on an error
//! in Stepwise: ..."), never as a spinner turning forever; if the worker is gone all the same, the next request
//! starts a new one.

use std::collections::BTreeMap;
use std::ops::RangeInclusive;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::Duration;

use egui::{RichText, Ui};

use crate::handout::{self, HandoutOptions, LaidOut};
use crate::model::Program;

/// How long after the last edit the preview is compiled: long enough not to compile on every key press.
pub const DEBOUNCE: Duration = Duration::from_millis(300);

/// Page images are made in widths of whole steps of this many pixels, so resizing the panel by a little does
/// not rasterise every page again.
const WIDTH_STEP: u32 = 64;

/// The widest page image made (a 4K screen's side panel), whatever the panel's size.
const MAX_WIDTH: u32 = 2048;

/// What the worker runs to lay out: `handout::lay_out`, or a test's stand-in.
type Typesetter = fn(&Program, &HandoutOptions) -> Result<LaidOut, String>;

fn lay_out(program: &Program, options: &HandoutOptions) -> Result<LaidOut, String> {
    handout::lay_out(program, options).map_err(|error| error.to_string())
}

/// Which pages to rasterise, and how wide in pixels.
#[derive(Clone, Debug, PartialEq, Eq)]
struct PagesWanted {
    pages: RangeInclusive<usize>,
    width: u32,
}

enum Job {
    /// Lay this revision of the program out, then rasterise the pages wanted.
    LayOut { revision: u64, program: Box<Program>, options: HandoutOptions, wanted: PagesWanted },
    /// Rasterise a page of the layout of `revision` (skipped when a newer layout has come since).
    Draw { revision: u64, page: usize, width: u32 },
}

/// A page as pixels.
struct PageImage {
    page: usize,
    width: u32,
    image: egui::ColorImage,
}

enum Answer {
    LaidOut {
        revision: u64,
        /// Each page's size in points, or why there is no layout.
        result: Result<Vec<egui::Vec2>, String>,
        warnings: Vec<String>,
        pages: Vec<PageImage>,
    },
    Drawn {
        revision: u64,
        page: PageImage,
    },
}

/// A panic's message, as the therapist is told it.
fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    let message = panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|text| (*text).to_owned()))
        .unwrap_or_else(|| "no message".to_owned());
    format!(
        "The preview stopped on an error in Stepwise ({message}). It goes on with the next change; please report \
         this program."
    )
}

/// Rasterises one page `width` pixels wide; `None` past the last page or when the rasteriser panics.
fn draw(laid_out: &LaidOut, page: usize, width: u32) -> Option<PageImage> {
    let (page_width, _) = *laid_out.page_sizes().get(page)?;
    let pixels_per_point = width as f32 / page_width.max(1.0);
    let image = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| laid_out.page_rgba(page, pixels_per_point)))
        .ok()
        .flatten()?;
    let size = [image.width as usize, image.height as usize];
    Some(PageImage { page, width, image: egui::ColorImage::from_rgba_unmultiplied(size, &image.rgba) })
}

/// The worker's loop: lays out the newest program it was sent, keeps that layout, and rasterises pages of it.
fn work(jobs: &Receiver<Job>, answers: &Sender<Answer>, ctx: &egui::Context, typesetter: Typesetter) {
    let mut current: Option<(u64, LaidOut)> = None;
    while let Ok(first) = jobs.recv() {
        let mut queue: Vec<Job> = std::iter::once(first).chain(jobs.try_iter()).collect();
        // Only the newest layout matters; pages asked for before it are of an older one.
        if let Some(newest) = queue.iter().rposition(|job| matches!(job, Job::LayOut { .. })) {
            let Job::LayOut { revision, program, options, wanted } = queue.remove(newest) else { continue };
            queue.drain(..newest);
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| typesetter(&program, &options)))
                .unwrap_or_else(|panic| Err(panic_message(panic.as_ref())));
            let answer = match outcome {
                Ok(laid_out) => {
                    let sizes = laid_out.page_sizes().into_iter().map(|(w, h)| egui::vec2(w, h)).collect();
                    let pages = wanted.pages.filter_map(|page| draw(&laid_out, page, wanted.width)).collect();
                    let warnings = laid_out.warnings.clone();
                    current = Some((revision, laid_out));
                    Answer::LaidOut { revision, result: Ok(sizes), warnings, pages }
                }
                Err(error) => Answer::LaidOut { revision, result: Err(error), warnings: Vec::new(), pages: Vec::new() },
            };
            if answers.send(answer).is_err() {
                return;
            }
        }
        // Each page once, at the newest width asked for, from the last good layout (still on screen after a
        // failed one).
        let mut draws: BTreeMap<usize, u32> = BTreeMap::new();
        for job in queue {
            if let Job::Draw { revision, page, width } = job
                && current.as_ref().is_some_and(|(current_revision, _)| *current_revision == revision)
            {
                draws.insert(page, width);
            }
        }
        if let Some((revision, laid_out)) = &current {
            for (page, width) in draws {
                if let Some(page) = draw(laid_out, page, width)
                    && answers.send(Answer::Drawn { revision: *revision, page }).is_err()
                {
                    return;
                }
            }
        }
        ctx.request_repaint();
    }
}

/// A page on screen: its texture and the width in pixels it was made at.
struct PageTexture {
    texture: egui::TextureHandle,
    width: u32,
}

/// The worker and what the side area shows.
pub struct Preview {
    jobs: Option<Sender<Job>>,
    answers: Receiver<Answer>,
    ctx: egui::Context,
    typesetter: Typesetter,
    /// The revision last sent to the worker.
    pub requested: Option<u64>,
    /// The revision of what is on screen.
    pub shown: Option<u64>,
    /// Each page's size in points, of the layout on screen.
    page_sizes: Vec<egui::Vec2>,
    /// The pages in view (and one either side) as textures; the others have none.
    textures: BTreeMap<usize, PageTexture>,
    /// Pages asked of the worker for the layout on screen, at this width, not yet answered.
    drawing: BTreeMap<usize, u32>,
    /// The pages wanted when last drawn, so the next layout comes with them.
    wanted: PagesWanted,
    pub error: Option<String>,
    pub warnings: Vec<String>,
    /// Whether a layout is under way (a spinner is shown).
    pub busy: bool,
    /// How many times the worker was started again (a new one has no layout to draw pages from).
    restarts: u32,
}

/// Starts a worker thread: the channel to send it jobs (`None` when no thread could start) and the one it answers on.
fn spawn_worker(ctx: &egui::Context, typesetter: Typesetter) -> (Option<Sender<Job>>, Receiver<Answer>) {
    let (job_tx, job_rx) = mpsc::channel::<Job>();
    let (answer_tx, answer_rx) = mpsc::channel();
    let ctx = ctx.clone();
    let spawned = thread::Builder::new()
        .name("handout preview".to_owned())
        .spawn(move || work(&job_rx, &answer_tx, &ctx, typesetter));
    (spawned.ok().map(|_| job_tx), answer_rx)
}

impl Preview {
    /// Starts the worker thread. `ctx` lets it ask for a repaint when a preview is ready.
    #[must_use]
    pub fn start(ctx: &egui::Context) -> Self {
        Self::start_with(ctx, lay_out)
    }

    fn start_with(ctx: &egui::Context, typesetter: Typesetter) -> Self {
        let (jobs, answers) = spawn_worker(ctx, typesetter);
        Self {
            jobs,
            answers,
            ctx: ctx.clone(),
            typesetter,
            requested: None,
            shown: None,
            page_sizes: Vec::new(),
            textures: BTreeMap::new(),
            drawing: BTreeMap::new(),
            wanted: PagesWanted { pages: 0..=1, width: 512 },
            error: None,
            warnings: Vec::new(),
            busy: false,
            restarts: 0,
        }
    }

    /// How many pages the handout on screen has.
    #[must_use]
    pub fn page_count(&self) -> usize {
        self.page_sizes.len()
    }

    /// How many pages are held as textures (those in view and one either side).
    #[must_use]
    pub fn pages_in_memory(&self) -> usize {
        self.textures.len()
    }

    /// Drops every page's texture (the preview is out of sight); they are drawn again when it is back.
    pub fn drop_pages(&mut self) {
        self.textures.clear();
        self.drawing.clear();
    }

    /// Sends a job; a worker that is gone is started again and given it once more. `false`: no worker could start.
    fn send(&mut self, job: Job) -> bool {
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
        unsent.is_none()
    }

    /// Asks for a preview of this revision of the program.
    pub fn request(&mut self, revision: u64, program: &Program, options: HandoutOptions) {
        if self.requested == Some(revision) {
            return;
        }
        self.requested = Some(revision);
        let job = Job::LayOut { revision, program: Box::new(program.clone()), options, wanted: self.wanted.clone() };
        if self.send(job) {
            self.busy = true;
            return;
        }
        self.busy = false;
        self.error = Some("The preview could not start on this computer.".to_owned());
    }

    /// A new worker in place of one that is gone. It has no layout: the next request starts from the program.
    fn restart(&mut self) {
        let (jobs, answers) = spawn_worker(&self.ctx, self.typesetter);
        self.jobs = jobs;
        self.answers = answers;
        self.drawing.clear();
        self.restarts += 1;
    }

    /// Takes finished layouts and pages off the channel and turns pages into textures.
    pub fn receive(&mut self, ctx: &egui::Context) {
        let mut received = false;
        loop {
            let answer = match self.answers.try_recv() {
                Ok(answer) => answer,
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
            received = true;
            match answer {
                Answer::LaidOut { revision, result, warnings, pages } => {
                    if Some(revision) == self.requested {
                        self.busy = false;
                    }
                    self.warnings = warnings;
                    match result {
                        Ok(sizes) => {
                            self.page_sizes = sizes;
                            self.shown = Some(revision);
                            self.error = None;
                            self.textures.clear();
                            self.drawing.clear();
                            for page in pages {
                                self.show_page(ctx, page);
                            }
                        }
                        Err(message) => self.error = Some(message),
                    }
                }
                Answer::Drawn { revision, page } => {
                    if Some(revision) == self.shown && self.drawing.get(&page.page) == Some(&page.width) {
                        self.drawing.remove(&page.page);
                        self.show_page(ctx, page);
                    }
                }
            }
        }
        if received {
            // The side area was drawn before these arrived: draw it again with them.
            ctx.request_repaint();
        }
    }

    fn show_page(&mut self, ctx: &egui::Context, page: PageImage) {
        let texture = ctx.load_texture(format!("handout-page-{}", page.page), page.image, egui::TextureOptions::LINEAR);
        self.textures.insert(page.page, PageTexture { texture, width: page.width });
    }

    /// Draws the pages, one under the other across the panel's width. Pages in view (and one either side) are
    /// asked of the worker at this screen's pixel size; textures of the others are dropped.
    pub fn ui(&mut self, ui: &mut Ui) {
        let mut in_view: Option<RangeInclusive<usize>> = None;
        let mut width_in_pixels = 0;
        egui::ScrollArea::vertical().auto_shrink([false, false]).id_salt("preview scroll").show(ui, |ui| {
            let width = ui.available_width().max(1.0);
            let pixels = (width * ui.ctx().pixels_per_point()).ceil() as u32;
            width_in_pixels = pixels.div_ceil(WIDTH_STEP).saturating_mul(WIDTH_STEP).clamp(WIDTH_STEP, MAX_WIDTH);
            for (index, size) in self.page_sizes.iter().enumerate() {
                let shown = egui::vec2(width, width * size.y / size.x.max(1.0));
                let alt = format!("Handout page {}", index + 1);
                let rect = if let Some(page) = self.textures.get(&index) {
                    ui.add(egui::Image::new((page.texture.id(), shown)).alt_text(alt)).rect
                } else {
                    let (rect, response) = ui.allocate_exact_size(shown, egui::Sense::hover());
                    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &alt));
                    page_placeholder(ui, rect, index);
                    rect
                };
                if ui.is_rect_visible(rect) {
                    in_view = Some(match in_view.take() {
                        Some(range) => *range.start()..=index,
                        None => index..=index,
                    });
                }
                ui.add_space(6.0);
            }
        });
        if let Some(range) = in_view {
            let last = self.page_sizes.len().saturating_sub(1);
            let wanted = PagesWanted {
                pages: range.start().saturating_sub(1)..=(range.end() + 1).min(last),
                width: width_in_pixels,
            };
            self.ask_for(&wanted);
            self.wanted = wanted;
        }
    }

    /// Drops the textures of pages out of `wanted` and asks the worker for those missing or of another width.
    fn ask_for(&mut self, wanted: &PagesWanted) {
        self.textures.retain(|page, _| wanted.pages.contains(page));
        self.drawing.retain(|page, _| wanted.pages.contains(page));
        let Some(revision) = self.shown else { return };
        let restarts = self.restarts;
        for page in wanted.pages.clone() {
            let drawn = self.textures.get(&page).map(|texture| texture.width);
            let asked = self.drawing.get(&page).copied();
            if drawn != Some(wanted.width) && asked != Some(wanted.width) {
                if !self.send(Job::Draw { revision, page, width: wanted.width }) {
                    return;
                }
                self.drawing.insert(page, wanted.width);
            }
        }
        if self.restarts != restarts {
            // The new worker has no layout to draw from: lay the program out again (`update_preview` asks).
            self.requested = None;
            self.drawing.clear();
        }
    }
}

/// A white page with its number, while its picture is being drawn.
fn page_placeholder(ui: &Ui, rect: egui::Rect, index: usize) {
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, egui::Color32::WHITE);
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        format!("Page {}", index + 1),
        egui::FontId::proportional(14.0),
        egui::Color32::GRAY,
    );
}

/// "1 page", "7 pages".
#[must_use]
pub fn pages_in_words(pages: usize) -> String {
    if pages == 1 { "1 page".to_owned() } else { format!("{pages} pages") }
}

/// The preview's notes above the pages: the spinner, the error, the warnings.
pub fn status(ui: &mut Ui, preview: &Preview) {
    if preview.busy {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Updating the preview…");
        });
    }
    if let Some(error) = &preview.error {
        ui.add(egui::Label::new(RichText::new(error).color(super::widgets::error_color(ui))).wrap());
    }
    for warning in &preview.warnings {
        ui.add(egui::Label::new(RichText::new(warning).color(ui.visuals().warn_fg_color)).wrap());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    fn panics(_: &Program, _: &HandoutOptions) -> Result<LaidOut, String> {
        panic!("index out of bounds: the len is 0 but the index is 3")
    }

    /// Waits (a few seconds at most) until the worker has answered.
    fn settle(preview: &mut Preview, ctx: &egui::Context) {
        for _ in 0..1000 {
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
        preview.typesetter = lay_out;
        preview.request(2, &program, HandoutOptions::default());
        settle(&mut preview, &ctx);
        std::panic::set_hook(quiet);
        assert!(preview.error.is_some(), "the real typesetter is only used by a new worker: the old one still panics");

        // A worker that is gone (its end of the channel closed) is started again on the next request.
        let (gone, receiver) = mpsc::channel();
        drop(receiver);
        preview.jobs = Some(gone);
        preview.request(3, &program, HandoutOptions::default());
        settle(&mut preview, &ctx);
        assert_eq!(preview.error, None, "restarted and answered");
        assert_eq!(preview.shown, Some(3));
        assert!(preview.page_count() >= 1, "an empty program still prints its safety page");
        // The layout came with the pages wanted (the first two) drawn.
        assert_eq!(preview.pages_in_memory(), preview.page_count().min(2));
    }

    #[test]
    fn only_the_pages_in_view_are_kept_as_textures() {
        let ctx = egui::Context::default();
        let mut program = handout::demo_program(12);
        program.handout.scope = crate::model::HandoutScope::Whole;
        let mut preview = Preview::start(&ctx);
        preview.request(1, &program, HandoutOptions::default());
        settle(&mut preview, &ctx);
        let pages = preview.page_count();
        assert!(pages >= 5, "the demo program prints {pages} pages");
        // Scrolled to pages 3 and 4: pages 2 to 5 are wanted, the first two dropped at once.
        preview.ask_for(&PagesWanted { pages: 2..=5, width: 320 });
        assert!(preview.textures.keys().all(|page| (2..=5).contains(page)));
        for _ in 0..1000 {
            preview.receive(&ctx);
            if preview.drawing.is_empty() {
                break;
            }
            thread::sleep(Duration::from_millis(10));
        }
        assert_eq!(preview.textures.keys().copied().collect::<Vec<_>>(), vec![2, 3, 4, 5]);
        for page in preview.textures.values() {
            assert_eq!(page.width, 320);
            assert!(page.texture.size()[0].abs_diff(320) <= 1, "made at the width shown, not larger");
        }
    }
}
