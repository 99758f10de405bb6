//! The handout from the app's side: options from the settings, the PDF export, printing, and feeding the live
//! preview worker (`ui::preview`) a short while after the last change.

use std::path::Path;
use std::time::{Duration, Instant};

use super::StepwiseApp;
use super::file_actions::suggested_file_name;
use crate::files::settings::{PaperSize, Settings};
use crate::handout::{self, ClinicDetails, HandoutOptions, Paper};
use crate::model::Program;
use crate::ui::file_dialogs::FileKind;
use crate::ui::preview;
use crate::ui::side_area::SideTab;

impl StepwiseApp {
    pub(super) fn export_pdf(&mut self) {
        let start_in = self.start_folder();
        let name = suggested_file_name(&self.document.program).replace(".ron", ".pdf");
        let Some(path) = self.files.dialogs.save_file(FileKind::Pdf, Some(&start_in), &name) else { return };
        match write_pdf(&self.document.program, &self.settings, &path) {
            Ok(warnings) => {
                self.notify(format!("Handout saved as {}", path.display()));
                for warning in warnings {
                    self.report(format!("Handout: {warning}"));
                }
                self.last_export = Some(path);
            }
            Err(message) => self.report(message),
        }
    }

    pub(super) fn print(&mut self) {
        let path = std::env::temp_dir().join(format!("stepwise-handout-{}.pdf", std::process::id()));
        match write_pdf(&self.document.program, &self.settings, &path)
            .and_then(|warnings| handout::print(&path).map(|outcome| (outcome, warnings)).map_err(|e| e.to_string()))
        {
            Ok((outcome, warnings)) => {
                self.notify(outcome.to_string());
                for warning in warnings {
                    self.report(format!("Handout: {warning}"));
                }
            }
            Err(message) => self.report(format!("Not printed: {message}")),
        }
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
        if !self.handout.live_preview || self.side_tab != SideTab::Preview {
            return;
        }
        let Some(preview) = &mut self.handout.preview else { return };
        preview.receive(ctx);
        if preview.requested == Some(self.document.revision) {
            return;
        }
        let since = self.document.changed_at.map_or(Duration::MAX, |at: Instant| at.elapsed());
        if since >= preview::DEBOUNCE {
            preview.request(self.document.revision, &self.document.program, handout_options(&self.settings));
        } else {
            ctx.request_repaint_after(preview::DEBOUNCE.saturating_sub(since));
        }
    }
}

/// How the handout is printed, from the therapist's settings.
pub(super) fn handout_options(settings: &Settings) -> HandoutOptions {
    // A logo that cannot be read is left out; the handout module warns about unreadable pictures.
    let logo = settings.logo.as_deref().and_then(|path| std::fs::read(path).ok());
    HandoutOptions {
        paper: match settings.paper {
            PaperSize::A4 => Paper::A4,
            PaperSize::Letter => Paper::Letter,
        },
        large_print: settings.large_print,
        clinic: ClinicDetails {
            name: settings.clinic_name.clone(),
            address: settings.clinic_address.clone(),
            phone: settings.clinic_phone.clone(),
            email: settings.clinic_email.clone(),
            logo,
        },
        printed_on: None,
    }
}

/// Typesets the handout and writes its PDF (atomically, like every file Stepwise writes).
fn write_pdf(program: &Program, settings: &Settings, path: &Path) -> Result<Vec<String>, String> {
    let handout = handout::compile(program, &handout_options(settings)).map_err(|error| error.to_string())?;
    crate::files::write_atomic(path, &handout.pdf, || Ok(())).map_err(|error| error.to_string())?;
    Ok(handout.warnings)
}
