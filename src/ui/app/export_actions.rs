//! The program on the patient's phone, from the window: the one-file web page and the calendar reminders
//! (`crate::export`), for the same stages as the handout (the program's handout choice), each written where
//! the therapist picks and reported with its path.

use super::StepwiseApp;
use super::file_actions::suggested_file_name;
use crate::export;
use crate::files;
use crate::printing;
use crate::ui::calendar_window::{CalendarAction, CalendarWindow};
use crate::ui::file_dialogs::FileKind;

impl StepwiseApp {
    /// The stages the handout prints now (its scope), as positions, and their words for the notice.
    fn export_scope(&self) -> (Vec<usize>, String) {
        let program = &self.document.program;
        let stages = program.stages_in_scope(&program.handout.scope);
        let words = match stages.as_slice() {
            [] => "no stages".to_owned(),
            _ if stages.len() == program.phases.len() => "the whole program".to_owned(),
            [one] => format!("stage {} of {}", one + 1, program.phases.len()),
            many => {
                let numbers: Vec<String> = many.iter().map(|i| (i + 1).to_string()).collect();
                format!("stages {} of {}", numbers.join(", "), program.phases.len())
            }
        };
        (stages, words)
    }

    pub(super) fn export_web_page(&mut self) {
        let (stages, scope) = self.export_scope();
        if stages.is_empty() {
            self.report("Nothing to export: the program has no stages yet.");
            return;
        }
        let start_in = self.start_folder();
        let name = suggested_file_name(&self.document.program).replace(".ron", ".html");
        let Some(path) = self.files.dialogs.save_file(FileKind::WebPage, Some(&start_in), &name) else { return };
        // The clinic and the date as the printed handout has them.
        let setup = printing::handout_options(&self.settings, &self.document.program, crate::clock::today());
        let options = export::html::PageOptions {
            clinic: setup.options.clinic.clone(),
            exported_on: setup.options.printed_on,
            ..export::html::PageOptions::default()
        };
        let page = export::html::page(&self.document.program, &stages, &options);
        match files::write_export(&path, page.html.as_bytes()) {
            Ok(()) => {
                self.notify(format!(
                    "Web page for the phone ({scope}) saved as {}. Send it to the patient: it opens in any \
                     browser without the internet.",
                    path.display()
                ));
                for warning in setup.warnings.into_iter().chain(page.warnings) {
                    self.report(format!("Web page: {warning}"));
                }
                self.last_export = Some(path);
            }
            Err(error) => self.report(format!("The web page was not saved: {error}")),
        }
    }

    /// Opens the window that asks for the reminder times; the file is written when it answers.
    pub(super) fn open_calendar_window(&mut self) {
        let (stages, scope) = self.export_scope();
        if stages.is_empty() {
            self.report("Nothing to export: the program has no stages yet.");
            return;
        }
        let mut words = scope;
        if let Some(first) = words.get_mut(0..1) {
            first.make_ascii_uppercase();
        }
        self.calendar_window = Some(CalendarWindow::new(self.reminder_times, format!("Covers {words}.")));
    }

    pub(super) fn calendar_window(&mut self, ctx: &egui::Context) {
        let Some(window) = &mut self.calendar_window else { return };
        match window.show(ctx) {
            CalendarAction::None => {}
            CalendarAction::Cancel => self.calendar_window = None,
            CalendarAction::Export(times) => {
                self.reminder_times = times;
                if self.export_calendar(times) {
                    self.calendar_window = None;
                }
            }
        }
    }

    /// Writes the calendar where the therapist picks; `false` when the dialog was cancelled (the window stays).
    fn export_calendar(&mut self, times: export::ics::ReminderTimes) -> bool {
        let (stages, scope) = self.export_scope();
        let start_in = self.start_folder();
        let name = suggested_file_name(&self.document.program).replace(".ron", ".ics");
        let Some(path) = self.files.dialogs.save_file(FileKind::Calendar, Some(&start_in), &name) else {
            return false;
        };
        let options = export::ics::CalendarOptions { times, exported_at: None };
        let calendar = export::ics::calendar(&self.document.program, &stages, &options);
        match files::write_export(&path, calendar.text.as_bytes()) {
            Ok(()) => {
                let count = calendar.event_count;
                self.notify(format!(
                    "{count} reminder{} ({scope}) saved as {}. The patient opens it on their phone to add them \
                     to their calendar.",
                    if count == 1 { "" } else { "s" },
                    path.display()
                ));
                for warning in calendar.warnings {
                    self.report(format!("Calendar: {warning}"));
                }
                self.last_export = Some(path);
            }
            Err(error) => self.report(format!("The calendar was not saved: {error}")),
        }
        true
    }
}
