//! The top of the first page: the clinic, the patient, the title and what this handout covers; and the stages
//! of the whole program at a glance, with when each comes and how long it lasts.

use super::trimmed;
use crate::handout::plan;
use crate::model::{Date, Program, Side};
use crate::schedule::Schedule;

/// The clinic as the handout names it (from `HandoutOptions::clinic`, trimmed). Empty fields are left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Clinic {
    pub name: String,
    pub address: String,
    pub phone: String,
    pub email: String,
    /// "Riverside Physio", or "your clinic" when it has no name: what "call …" sentences say.
    pub called: String,
}

/// The top of the first page.
#[derive(Clone, Debug, PartialEq)]
pub struct Header {
    /// The program's title ("Achilles tendon: loading program"); may be empty.
    pub title: String,
    /// The PDF's title: "Achilles tendon: loading program for Siân Davies".
    pub document_title: String,
    pub therapist: String,
    /// The start date in words ("24 Nov 2026").
    pub start: String,
    /// The therapist's note to the patient.
    pub notes: String,
    pub goals: Vec<String>,
    pub printed_on: String,
    pub patient: PatientDetails,
    pub clinic: Clinic,
    /// Which stages this handout covers, in words: "Stage 2 of 3: Build strength", "Stages 1 and 2 of 3", or
    /// "" for the whole program.
    pub scope: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PatientDetails {
    pub name: String,
    pub reference: String,
    pub condition: String,
    /// "Left", "Right", or "" when not one side.
    pub side: String,
}

/// One line of "your program at a glance".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StageOverview {
    pub number: usize,
    pub name: String,
    pub goal: String,
    /// "Weeks 1–2", "From week 7", "Weeks 3–6 at the earliest".
    pub when: String,
    /// "2 weeks", or what ends an open-ended stage.
    pub length: String,
    /// Whether this handout prints the stage.
    pub printed: bool,
    /// Whether it is the stage the patient is in now.
    pub current: bool,
}

pub(super) fn header(program: &Program, clinic: Clinic, printed_on: Date, printed: &[usize]) -> Header {
    let patient_name = program.patient.name.trim();
    let title = program.title.trim();
    let document_title = match (title.is_empty(), patient_name.is_empty()) {
        (false, false) => format!("{title} for {patient_name}"),
        (false, true) => title.to_owned(),
        (true, false) => format!("Home exercise program for {patient_name}"),
        (true, true) => "Home exercise program".to_owned(),
    };
    Header {
        title: title.to_owned(),
        document_title,
        therapist: program.therapist.trim().to_owned(),
        start: program.start_date.to_patient_text(),
        notes: program.notes.trim().to_owned(),
        goals: trimmed(&program.goals),
        printed_on: printed_on.to_patient_text(),
        patient: PatientDetails {
            name: patient_name.to_owned(),
            reference: program.patient.date_of_birth_or_reference.trim().to_owned(),
            condition: program.patient.condition.trim().to_owned(),
            side: side_label(program.patient.side).to_owned(),
        },
        clinic,
        scope: scope_words(program, printed),
    }
}

/// "Stage 2 of 3: Build strength", "Stages 1 and 2 of 3", "Stages 1, 3 and 4 of 5"; "" for every stage.
fn scope_words(program: &Program, printed: &[usize]) -> String {
    let total = program.phases.len();
    if printed.len() == total || printed.is_empty() {
        return String::new();
    }
    if let [only] = printed {
        let name = program.phases[*only].name.trim();
        return if name.is_empty() {
            format!("Stage {} of {total}", only + 1)
        } else {
            format!("Stage {} of {total}: {name}", only + 1)
        };
    }
    let numbers: Vec<String> = printed.iter().map(|index| (index + 1).to_string()).collect();
    let (last, rest) = numbers.split_last().map_or((String::new(), &[][..]), |(l, r)| (l.clone(), r));
    format!("Stages {} and {last} of {total}", rest.join(", "))
}

pub(super) fn when_and_length(schedule: &Schedule, index: usize) -> (String, String) {
    match schedule.phases.get(index) {
        Some(block) if block.open_ended => (
            plan::weeks_label(block.first_week, block.first_week, true),
            "until you can do what is listed under “Move on”".to_owned(),
        ),
        Some(block) => {
            let last = block.last_week().unwrap_or(block.first_week);
            let mut when = plan::weeks_label(block.first_week, last, false);
            if block.provisional {
                when.push_str(" at the earliest");
            }
            let length =
                if block.week_count == 1 { "1 week".to_owned() } else { format!("{} weeks", block.week_count) };
            (when, length)
        }
        None => (String::new(), String::new()),
    }
}

fn side_label(side: Side) -> &'static str {
    match side {
        Side::Left => "Left",
        Side::Right => "Right",
        Side::EachSide | Side::BothTogether | Side::Affected => "",
    }
}
