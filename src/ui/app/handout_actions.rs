//! The handout from the app's side: options from the settings, the PDF export, printing, and feeding the live
//! preview worker (`ui::preview`) a short while after the last change.

use std::time::{Duration, Instant};

use super::StepwiseApp;
use super::file_actions::suggested_file_name;
use crate::printing;
use crate::ui::file_dialogs::FileKind;
use crate::ui::preview;
use crate::ui::side_area::SideTab;

impl StepwiseApp {
    pub(super) fn export_pdf(&mut self) {
        let start_in = self.start_folder();
        let name = suggested_file_name(&self.document.program).replace(".ron", ".pdf");
        let Some(path) = self.files.dialogs.save_file(FileKind::Pdf, Some(&start_in), &name) else { return };
        // The same options and warnings as `stepwise print`; written whole, with no .pdf.bak beside it.
        match printing::export_pdf(&self.document.program, &self.print_setup(), &path) {
            Ok(exported) => {
                self.notify(format!("Handout saved as {}", path.display()));
                for warning in exported.warnings {
                    self.report(format!("Handout: {warning}"));
                }
                self.last_export = Some(path);
            }
            Err(error) => self.report(error.to_string()),
        }
    }

    /// Typesets and prints on a worker thread (it can take seconds), through the app's `Printer`; the answer
    /// is taken in a later frame (`receive_printed`).
    pub(super) fn print(&mut self) {
        if self.handout.printing.is_some() {
            self.notify("The handout is still being printed.");
            return;
        }
        let (answer, receiver) = std::sync::mpsc::channel();
        let program = self.document.program.clone();
        let setup = self.print_setup();
        let printer = std::sync::Arc::clone(&self.handout.printer);
        let ctx = self.handout.repaint.clone();
        let spawned = std::thread::Builder::new().name("print".to_owned()).spawn(move || {
            // A fresh temporary file nobody can guess, removed once the printer has it (see `printing`).
            let outcome = printing::print_handout(&program, &setup, printer.as_ref()).map_err(|e| e.to_string());
            let _ = answer.send(outcome);
            ctx.request_repaint();
        });
        match spawned {
            Ok(_) => {
                self.handout.printing = Some(receiver);
                self.notify("Printing the handout…");
            }
            Err(error) => self.report(format!("Not printed: {error}")),
        }
    }

    /// Says what printing did, once the worker has answered.
    pub(super) fn receive_printed(&mut self) {
        let Some(receiver) = &self.handout.printing else { return };
        let answer = match receiver.try_recv() {
            Ok(answer) => answer,
            Err(std::sync::mpsc::TryRecvError::Empty) => return,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => Err("printing stopped on an error in Stepwise".into()),
        };
        self.handout.printing = None;
        match answer {
            Ok(printed) => {
                self.notify(printed.outcome.to_string());
                for warning in printed.warnings {
                    self.report(format!("Handout: {warning}"));
                }
            }
            Err(error) => self.report(format!("Not printed: {error}")),
        }
    }

    /// Whether a print job is under way.
    #[must_use]
    pub fn is_printing(&self) -> bool {
        self.handout.printing.is_some()
    }

    /// The handout's options from the settings and the program (`crate::printing`, shared with the command line).
    fn print_setup(&self) -> printing::PrintSetup {
        printing::handout_options(&self.settings, &self.document.program, crate::clock::today())
    }

    /// How many pages the handout preview shows, once it shows the program as it is now and without an error;
    /// `None` while it is being laid out, or when the live preview is off. What Export PDF and Print would give.
    #[must_use]
    pub fn preview_page_count(&self) -> Option<usize> {
        let preview = self.handout.preview.as_ref()?;
        let current = preview.shown == Some(self.document.revision) && preview.requested == preview.shown;
        (current && !preview.busy && preview.error.is_none()).then(|| preview.page_count())
    }

    /// How many preview pages are held as textures (those in view, and one either side).
    #[must_use]
    pub fn preview_pages_in_memory(&self) -> usize {
        self.handout.preview.as_ref().map_or(0, preview::Preview::pages_in_memory)
    }

    /// Compile the preview again even though the program did not change (the settings did).
    pub(super) fn invalidate_preview(&mut self) {
        if let Some(preview) = &mut self.handout.preview {
            preview.requested = None;
        }
    }

    /// Takes finished pages from the worker, and sends it the program a moment after the last change while the
    /// preview is on screen.
    pub(super) fn update_preview(&mut self, ctx: &egui::Context) {
        let Some(preview) = &mut self.handout.preview else { return };
        if !self.handout.live_preview || self.side_tab != SideTab::Preview {
            // No page is in view: none is kept in memory.
            preview.drop_pages();
            return;
        }
        preview.receive(ctx);
        if preview.requested == Some(self.document.revision) {
            return;
        }
        let since = self.document.changed_at.map_or(Duration::MAX, |at: Instant| at.elapsed());
        if since >= preview::DEBOUNCE {
            let options =
                printing::handout_options(&self.settings, &self.document.program, crate::clock::today()).options;
            preview.request(self.document.revision, &self.document.program, options);
        } else {
            ctx.request_repaint_after(preview::DEBOUNCE.saturating_sub(since));
        }
    }
}
