//! Program -> one self-contained web page for the patient's phone: styles inline, drawings as inline SVG, no
//! script needed to read it, nothing fetched from anywhere.
//!
//! - Written with `maud`, which escapes every value by default: a name such as `<script>alert(1)</script>` or
//!   `]]>` shows as typed. Text a therapist typed sits in elements with `dir="auto"` (or in `<bdi>`), so a name in
//!   Arabic or Hebrew reads right to left without pulling the punctuation around it out of place.
//! - The page forbids itself every network request (`Content-Security-Policy: default-src 'none'`): even a
//!   mistake in this file could not make a patient's phone load anything.
//! - For a phone: one column, large type, tap targets at least 44 px, light and dark (`prefers-color-scheme`).
//! - The diary's tick boxes and pain scores work without scripts; with scripts, a few lines keep them in the
//!   browser's local storage under a key made for this program, so they are still ticked when the page is opened
//!   again on that phone. Nothing ever leaves the phone.
//! - Same content and order as the printed handout for the same stages: the patient's details, the safety
//!   rules, each stage with its exercises (drawing, dose, steps, tips, cautions), the week-by-week plan, the
//!   diary.

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::svg;
use crate::handout::content::{self, Card, HandoutContent, PlanBlock, Stage};
use crate::handout::{ClinicDetails, HandoutOptions};
use crate::model::{Date, HandoutLayout, HandoutScope, Program, RedFlag, SafetyText, SignsBox, Urgency, ZoneColour};

/// How to make the page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageOptions {
    /// The clinic as the handout prints it (the name, and the phone number the safety rules ask the patient to
    /// call). The logo is not used.
    pub clinic: ClinicDetails,
    /// The number for an ambulance ("999"); blank: the handout's own choice (the clinic's setting, else the
    /// one for the system's region).
    pub emergency_number: String,
    /// The date the page says it was made; `None` = today (the local date).
    pub exported_on: Option<Date>,
}

/// A web page ready to write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WebPage {
    pub html: String,
    pub warnings: Vec<String>,
}

/// The page for the chosen stages (positions in `program.phases`), from the same prepared content as the printed
/// handout (`handout::content`), always in full detail: a phone scrolls, so nothing is shortened.
#[must_use]
pub fn page(program: &Program, stages: &[usize], options: &PageOptions) -> WebPage {
    let mut program = program.clone();
    let ids = stages.iter().filter_map(|&index| program.phases.get(index)).map(|phase| phase.id).collect();
    program.handout.scope = HandoutScope::Stages(ids);
    program.handout.layout = HandoutLayout::Detailed;
    let handout_options =
        HandoutOptions { clinic: options.clinic.clone(), printed_on: options.exported_on, ..HandoutOptions::default() };
    let mut content = content::build(&program, &handout_options);
    let number = options.emergency_number.trim();
    if !number.is_empty() {
        number.clone_into(&mut content.safety.emergency_number);
    }
    let safety = content.safety.text();
    let mut warnings = std::mem::take(&mut content.warnings);
    let storage_key = format!("stepwise-diary-{:016x}", super::program_key(&program));
    let html = render(&content, &safety, &storage_key, &mut warnings).into_string();
    WebPage { html, warnings }
}

const STYLE: &str = include_str!("page.css");
const SCRIPT: &str = include_str!("diary.js");

fn render(page: &HandoutContent, safety: &SafetyText, storage_key: &str, warnings: &mut Vec<String>) -> Markup {
    let header = &page.header;
    let notes: Vec<&str> = header.notes.lines().map(str::trim).filter(|line| !line.is_empty()).collect();
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                // No request of any kind leaves the page; only its own inline style and script run.
                meta http-equiv="Content-Security-Policy"
                    content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; form-action 'none'; base-uri 'none'";
                meta name="referrer" content="no-referrer";
                meta name="color-scheme" content="light dark";
                meta name="generator" content={ "Stepwise " (env!("CARGO_PKG_VERSION")) };
                title { (header.document_title) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                a.skip href="#safety" { "Skip to the safety rules" }
                header {
                    @if !header.clinic.name.is_empty() {
                        p.clinic dir="auto" { (header.clinic.name) }
                    }
                    h1 dir="auto" { "Your home exercise program" }
                    @if !header.title.is_empty() {
                        p.subtitle dir="auto" { (header.title) }
                    }
                    @if !header.scope.is_empty() {
                        p.scope { (header.scope) }
                    }
                    (facts(header))
                }
                nav aria-label="On this page" {
                    ul {
                        li { a href="#safety" { "Keep yourself safe" } }
                        @for stage in &page.stages {
                            li { a href={ "#stage-" (stage.number) } { span { "Stage " (stage.number) ": " bdi { (stage.name) } } } }
                        }
                        @if !page.plan.is_empty() { li { a href="#plan" { "Week by week" } } }
                        @if !page.diary.weeks.is_empty() { li { a href="#diary" { "My exercise diary" } } }
                    }
                }
                main {
                    @if !header.goals.is_empty() {
                        section aria-labelledby="goals-title" {
                            h2 #goals-title { "What we are working towards" }
                            ul { @for goal in &header.goals { li dir="auto" { (goal) } } }
                        }
                    }
                    @if !notes.is_empty() {
                        section aria-labelledby="notes-title" {
                            h2 #notes-title { "A note from your therapist" }
                            div.note { @for line in &notes { p dir="auto" { (line) } } }
                        }
                    }
                    (safety_section(safety, &header.clinic))
                    @for stage in &page.stages { (stage_section(stage, warnings)) }
                    @if let Some(next) = &page.next_stage {
                        p.next dir="auto" { (next.sentence()) }
                    }
                    @if !page.plan.is_empty() {
                        section #plan aria-labelledby="plan-title" {
                            h2 #plan-title { "Week by week" }
                            p { "What to do each week. The numbers match the exercises above, where you also find how fast to go and how long to rest." }
                            @for stage in &page.plan { (plan_stage(stage)) }
                        }
                    }
                    @if !page.diary.weeks.is_empty() {
                        section #diary aria-labelledby="diary-title" data-store=(storage_key) {
                            h2 #diary-title { "My exercise diary" }
                            p { "Tick a box each time you do your exercises. At the end of each week, write down your worst pain during exercise and your pain the next morning (0 to 10), and show them at your appointments." }
                            @if page.diary.weeks.iter().any(|week| week.sessions > 1) {
                                p { "Where a day has more than one box, there is one for each time of day you exercise." }
                            }
                            p #diary-kept hidden { "Your ticks stay in this browser on this phone, and nowhere else." }
                            @for (number, week) in page.diary.weeks.iter().enumerate() {
                                fieldset.week {
                                    legend { strong { (week.label) } " " span.dates { (week.dates) } }
                                    div.days {
                                        @for (day, name) in page.diary.days.iter().enumerate() {
                                            div.day {
                                                span.dayname aria-hidden="true" { (name) }
                                                @for session in 0..week.sessions {
                                                    input type="checkbox"
                                                        data-keep={ "w" (number + 1) "d" (day) "s" (session) }
                                                        aria-label={
                                                            (name) ", " (week.label)
                                                            @if week.sessions > 1 { ", time " (session + 1) " of " (week.sessions) }
                                                        };
                                                }
                                            }
                                        }
                                    }
                                    div.scores {
                                        label {
                                            "Worst pain during exercise"
                                            input type="number" inputmode="numeric" min="0" max="10" step="1"
                                                data-keep={ "w" (number + 1) "worst" };
                                            span aria-hidden="true" { "/10" }
                                        }
                                        label {
                                            "Pain the next morning"
                                            input type="number" inputmode="numeric" min="0" max="10" step="1"
                                                data-keep={ "w" (number + 1) "morning" };
                                            span aria-hidden="true" { "/10" }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                footer {
                    p {
                        @if !header.patient.name.is_empty() { bdi { (header.patient.name) } " · " }
                        "Made " (header.printed_on) " with Stepwise. This page works without the internet and sends nothing anywhere."
                    }
                }
                script { (PreEscaped(SCRIPT)) }
            }
        }
    }
}

fn facts(header: &content::Header) -> Markup {
    let facts = [
        ("Name", &header.patient.name),
        ("Reference", &header.patient.reference),
        ("Condition", &header.patient.condition),
        ("Side", &header.patient.side),
        ("Start date", &header.start),
        ("Therapist", &header.therapist),
    ];
    html! {
        dl.facts {
            @for (key, value) in facts {
                @if !value.is_empty() {
                    div { dt { (key) } dd dir="auto" { (value) } }
                }
            }
        }
    }
}

fn call_clinic(clinic: &content::Clinic) -> Markup {
    html! {
        p.call {
            @if clinic.phone.is_empty() {
                "Call " bdi { (clinic.called) } "."
            } @else {
                "Call " bdi { (clinic.called) } " on "
                a href={ "tel:" (phone_link(&clinic.phone)) } { bdi { (clinic.phone) } } "."
            }
        }
    }
}

/// The digits (and a leading +) of a phone number, for a `tel:` link.
fn phone_link(phone: &str) -> String {
    phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect()
}

fn safety_section(safety: &SafetyText, clinic: &content::Clinic) -> Markup {
    let pain = &safety.pain;
    let scale = !pain.zones.is_empty() && pain.zones.iter().all(|zone| zone.scores.is_some());
    let colour_at = |n: u8| {
        pain.zones
            .iter()
            .find(|zone| zone.scores.is_some_and(|(from, to)| from <= n && n <= to))
            .map_or(ZoneColour::Red, |zone| zone.colour)
    };
    html! {
        section #safety aria-labelledby="safety-title" {
            h2 #safety-title { "Keep yourself safe" }
            h3 { "How much pain is all right?" }
            p dir="auto" { (pain.summary) }
            @if scale {
                ol.scale aria-label="Pain scores from 0 to 10" {
                    @for n in 0..=10_u8 {
                        li class=(colour_at(n).name()) { (n) }
                    }
                }
            }
            @if !pain.zones.is_empty() {
                ul.zones {
                    @for zone in &pain.zones {
                        li class=(zone.colour.name()) {
                            @let scores = zone.scores_text();
                            @if !scores.is_empty() { span.score { (scores) } " " }
                            strong { (zone.title) } br;
                            (zone.advice)
                        }
                    }
                }
            }
            @if !pain.rules.is_empty() {
                ul { @for rule in &pain.rules { li { (rule) } } }
            }
            div.callout {
                h3 { "Stop and call " bdi { (clinic.called) } " if you have" }
                ul { @for item in &safety.call_clinic_if { li { (item) } } }
                (call_clinic(clinic))
            }
            h3 { "Get help quickly if you have" }
            ul.flags {
                @for flag in &safety.red_flags { (red_flag(flag)) }
            }
            (signs_box(&safety.clot, "clot"))
            (signs_box(&safety.lung_clot, "lung"))
        }
    }
}

fn red_flag(flag: &RedFlag) -> Markup {
    let class = match flag.urgency {
        Urgency::Emergency => "emergency",
        Urgency::SameDay => "same-day",
        Urgency::SeeADoctor => "doctor",
    };
    html! {
        li {
            (flag.sign) " " span.maybe { "(maybe " (flag.may_be) ")" } br;
            span class={ "tag " (class) } { (flag.urgency.tag()) } " " (flag.action)
        }
    }
}

fn signs_box(signs: &SignsBox, class: &str) -> Markup {
    html! {
        div class={ "signs " (class) } role="note" {
            h3 { (signs.title) }
            @if !signs.intro.is_empty() { p { (signs.intro) } }
            ul { @for sign in &signs.signs { li { (sign) } } }
            p { strong { (signs.action) } }
            @if !signs.after.is_empty() { p { (signs.after) } }
        }
    }
}

fn stage_section(stage: &Stage, warnings: &mut Vec<String>) -> Markup {
    html! {
        section.stage #{ "stage-" (stage.number) } aria-labelledby={ "stage-" (stage.number) "-title" } {
            h2 #{ "stage-" (stage.number) "-title" } dir="auto" { "Stage " (stage.number) ": " (stage.name) }
            p.when { (stage.when) " (" (stage.length) ")" }
            @if !stage.goal.is_empty() { p dir="auto" { (stage.goal) } }
            @if !stage.criteria.is_empty() {
                div.callout {
                    h3 { "Move on to the next stage when" }
                    ul { @for criterion in &stage.criteria { li dir="auto" { (criterion) } } }
                }
            }
            @if stage.cards.is_empty() { p { em { "No exercises in this stage yet." } } }
            @for card in &stage.cards { (exercise_card(card, warnings)) }
        }
    }
}

fn exercise_card(card: &Card, warnings: &mut Vec<String>) -> Markup {
    let title = html! {
        h3 dir="auto" { span.num aria-hidden="true" { (card.number) } span.visually-hidden { "Exercise " (card.number) ": " } (card.name) }
    };
    let dose = html! {
        div.dose {
            p { span.label { "Your dose" } br; strong dir="auto" { (card.dose) } }
            @if !card.dose_note.is_empty() { p dir="auto" { (card.dose_note) } }
            @if let Some(progression) = &card.progression { p.muted dir="auto" { (progression) } }
        }
    };
    html! {
        article.card #{ "exercise-" (card.number) } {
            (title)
            @if let Some(earlier) = card.repeat_of {
                (dose)
                p { "How to do it, tips and cautions: as in " a href={ "#exercise-" (earlier) } { "exercise " (earlier) } "." }
            } @else {
                figure { (drawing(card, warnings)) }
                (dose)
                @if !card.goal.is_empty() { p.goal dir="auto" { (card.goal) } }
                @if !card.steps.is_empty() {
                    h4 { "How to do it" }
                    ol.steps { @for step in &card.steps { li dir="auto" { (step) } } }
                }
                @if !card.cues.is_empty() {
                    h4 { "Tips" }
                    ul { @for tip in &card.cues { li dir="auto" { (tip) } } }
                }
                @if !card.mistakes.is_empty() {
                    h4 { "Avoid" }
                    ul { @for mistake in &card.mistakes { li dir="auto" { (mistake) } } }
                }
                @if !card.cautions.is_empty() {
                    div.caution role="note" {
                        h4 { "Take care" }
                        ul { @for caution in &card.cautions { li dir="auto" { (caution) } } }
                    }
                }
            }
        }
    }
}

/// The card's drawing as inline SVG, mirrored where the handout mirrors it; the placeholder where it is missing.
fn drawing(card: &Card, warnings: &mut Vec<String>) -> Markup {
    let prefix = format!("d{}-", card.number);
    let found = card.picture.svg().and_then(|bytes| svg::inline(&bytes, &prefix, &card.picture.alt));
    let markup = found.unwrap_or_else(|| {
        warnings.push(format!(
            "Exercise {} “{}”: no drawing “{}”: a placeholder picture is shown",
            card.number, card.name, card.picture.id
        ));
        svg::inline(crate::assets::placeholder_illustration(), &prefix, "No picture yet").unwrap_or_default()
    });
    PreEscaped(markup)
}

fn plan_stage(stage: &PlanBlock) -> Markup {
    html! {
        div.plan-stage {
            h3 dir="auto" { "Stage " (stage.stage) }
            p.when { (stage.weeks) " · " (stage.dates) }
            @if stage.items.is_empty() { p { em { "Rest, or as your therapist advised." } } }
            ol.plan {
                @for item in &stage.items {
                    li value=(item.number) {
                        strong dir="auto" { (item.name) }
                        @if item.by_week.is_empty() {
                            p dir="auto" { (item.dose) }
                        } @else {
                            ul {
                                @for row in &item.by_week {
                                    li dir="auto" { span.weeks { (row.weeks) ":" } " " (row.dose) }
                                }
                            }
                        }
                    }
                }
            }
            @if !stage.note.is_empty() { p.muted { (stage.note) } }
        }
    }
}
