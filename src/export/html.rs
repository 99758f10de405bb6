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

use super::page::{Card, Page, PlanStage, Stage};
use super::svg;
use crate::model::{Date, PainRule, Program, RedFlag, SafetyText, SignsBox, Urgency, ZoneColour};

/// How to make the page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageOptions {
    /// The clinic as the handout prints it (the name, and the phone number the safety rules ask the patient to
    /// call). The logo is not used.
    pub clinic: crate::handout::ClinicDetails,
    /// The number for an ambulance ("999"); blank: the one for the system's region, as on the handout.
    pub emergency_number: String,
    /// The date the page says it was made; `None` = today (UTC).
    pub exported_on: Option<Date>,
}

/// A web page ready to write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WebPage {
    pub html: String,
    pub warnings: Vec<String>,
}

/// The page for the chosen stages (positions in `program.phases`).
#[must_use]
pub fn page(program: &Program, stages: &[usize], options: &PageOptions) -> WebPage {
    let exported_on = options.exported_on.unwrap_or_else(today_utc);
    let mut content = Page::from_program(program, stages, exported_on);
    let clinic_name = options.clinic.name.trim();
    if !clinic_name.is_empty() {
        clinic_name.clone_into(&mut content.clinic.name);
        clinic_name.clone_into(&mut content.clinic.called);
    }
    options.clinic.phone.trim().clone_into(&mut content.clinic.phone);
    let emergency_number = match options.emergency_number.trim() {
        "" => crate::model::emergency_number_from_env(|name| std::env::var(name).ok()).number.to_owned(),
        number => number.to_owned(),
    };
    let safety = SafetyText::new(&pain_rule(program), &emergency_number);
    let mut warnings = Vec::new();
    let html = render(&content, &safety, &mut warnings).into_string();
    WebPage { html, warnings }
}

/// The program's pain rule: the handout's, which is the default rule until programs carry their own.
fn pain_rule(_program: &Program) -> PainRule {
    PainRule::default()
}

const STYLE: &str = include_str!("page.css");
const SCRIPT: &str = include_str!("diary.js");

fn render(page: &Page, safety: &SafetyText, warnings: &mut Vec<String>) -> Markup {
    let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                // No request of any kind leaves the page; only its own inline style and script run.
                meta http-equiv="Content-Security-Policy"
                    content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'";
                meta name="referrer" content="no-referrer";
                meta name="color-scheme" content="light dark";
                meta name="generator" content={ "Stepwise " (env!("CARGO_PKG_VERSION")) };
                title { (page.document_title) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                a.skip href="#safety" { "Skip to the safety rules" }
                header {
                    @if !page.clinic.name.is_empty() {
                        p.clinic dir="auto" { (page.clinic.name) }
                    }
                    h1 dir="auto" { "Your home exercise program" }
                    @if !page.program_title.is_empty() {
                        p.subtitle dir="auto" { (page.program_title) }
                    }
                    @if !page.scope.is_empty() {
                        p.scope { (page.scope) }
                    }
                    (facts(page))
                }
                nav aria-label="On this page" {
                    ul {
                        li { a href="#safety" { "Keep yourself safe" } }
                        @for stage in &page.stages {
                            li { a href={ "#stage-" (stage.number) } { "Stage " (stage.number) ": " bdi { (stage.name) } } }
                        }
                        @if !page.plan.is_empty() { li { a href="#plan" { "Week by week" } } }
                        @if !page.diary.weeks.is_empty() { li { a href="#diary" { "My exercise diary" } } }
                    }
                }
                main {
                    @if !page.goals.is_empty() {
                        section aria-labelledby="goals-title" {
                            h2 #goals-title { "What we are working towards" }
                            ul { @for goal in &page.goals { li dir="auto" { (goal) } } }
                        }
                    }
                    @if !page.notes.is_empty() {
                        section aria-labelledby="notes-title" {
                            h2 #notes-title { "A note from your therapist" }
                            div.note { @for line in &page.notes { p dir="auto" { (line) } } }
                        }
                    }
                    (safety_section(safety, page))
                    @for stage in &page.stages { (stage_section(stage, warnings)) }
                    @if let Some(next) = &page.next_stage {
                        p.next dir="auto" { (next) }
                    }
                    @if !page.plan.is_empty() {
                        section #plan aria-labelledby="plan-title" {
                            h2 #plan-title { "Week by week" }
                            p { "What to do each week. The numbers match the exercises above, where you also find how fast to go and how long to rest." }
                            @for stage in &page.plan { (plan_stage(stage)) }
                        }
                    }
                    @if !page.diary.weeks.is_empty() {
                        section #diary aria-labelledby="diary-title" data-store=(page.storage_key) {
                            h2 #diary-title { "My exercise diary" }
                            p { "Tick a box each time you do your exercises. At the end of each week, write down your worst pain during exercise and your pain the next morning (0 to 10), and show them at your appointments." }
                            @if page.diary.weeks.iter().any(|week| week.sessions > 1) {
                                p { "Where a day has more than one box, there is one for each time of day you exercise." }
                            }
                            p #diary-kept hidden { "Your ticks stay in this browser on this phone, and nowhere else." }
                            @for week in &page.diary.weeks {
                                fieldset.week {
                                    legend { strong { "Week " (week.number) } " " span.dates { (week.dates) } }
                                    div.days {
                                        @for day in 0..7_i64 {
                                            @let date = week.first_day.add_days(day);
                                            @let name = weekdays[usize::from(date.weekday())];
                                            div.day {
                                                span.dayname aria-hidden="true" { (&name[..3]) br; (date.day()) }
                                                @for session in 0..week.sessions {
                                                    input type="checkbox"
                                                        data-keep={ "w" (week.number) "d" (day) "s" (session) }
                                                        aria-label={
                                                            (name) " " (date.to_patient_text())
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
                                                data-keep={ "w" (week.number) "worst" };
                                            span aria-hidden="true" { "/10" }
                                        }
                                        label {
                                            "Pain the next morning"
                                            input type="number" inputmode="numeric" min="0" max="10" step="1"
                                                data-keep={ "w" (week.number) "morning" };
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
                        @if !page.patient.name.is_empty() { bdi { (page.patient.name) } " · " }
                        "Made " (page.exported_on) " with Stepwise. This page works without the internet and sends nothing anywhere."
                    }
                }
                script { (PreEscaped(SCRIPT)) }
            }
        }
    }
}

fn facts(page: &Page) -> Markup {
    let facts = [
        ("Name", &page.patient.name),
        ("Reference", &page.patient.reference),
        ("Condition", &page.patient.condition),
        ("Side", &page.patient.side),
        ("Start date", &page.start),
        ("Therapist", &page.therapist),
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

fn call_clinic(page: &Page) -> Markup {
    html! {
        p.call {
            @if page.clinic.phone.is_empty() {
                "Call " bdi { (page.clinic.called) } "."
            } @else {
                "Call " bdi { (page.clinic.called) } " on "
                a href={ "tel:" (phone_link(&page.clinic.phone)) } { bdi { (page.clinic.phone) } } "."
            }
        }
    }
}

/// The digits (and a leading +) of a phone number, for a `tel:` link.
fn phone_link(phone: &str) -> String {
    phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect()
}

fn safety_section(safety: &SafetyText, page: &Page) -> Markup {
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
                h3 { "Stop and call " bdi { (page.clinic.called) } " if you have" }
                ul { @for item in &safety.call_clinic_if { li { (item) } } }
                (call_clinic(page))
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
            @if stage.exercises.is_empty() { p { em { "No exercises in this stage yet." } } }
            @for card in &stage.exercises { (exercise_card(card, warnings)) }
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
                @if !card.tips.is_empty() {
                    h4 { "Tips" }
                    ul { @for tip in &card.tips { li dir="auto" { (tip) } } }
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
    let found = crate::assets::illustration_svg(&card.illustration, card.mirrored)
        .and_then(|bytes| svg::inline(&bytes, &prefix, &card.alt));
    let markup = found.unwrap_or_else(|| {
        warnings.push(format!(
            "Exercise {} “{}”: no drawing “{}”: a placeholder picture is shown",
            card.number, card.name, card.illustration
        ));
        svg::inline(crate::assets::placeholder_illustration(), &prefix, "No picture yet").unwrap_or_default()
    });
    PreEscaped(markup)
}

fn plan_stage(stage: &PlanStage) -> Markup {
    html! {
        div.plan-stage {
            h3 dir="auto" { "Stage " (stage.stage) }
            p.when { (stage.weeks) " · " (stage.dates) }
            @if stage.items.is_empty() { p { em { "Rest, or as your therapist advised." } } }
            ol.plan {
                @for item in &stage.items {
                    li value=(item.number) {
                        strong dir="auto" { (item.name) }
                        ul {
                            @for (weeks, dose) in &item.by_week {
                                li dir="auto" { span.weeks { (weeks) ":" } " " (dose) }
                            }
                        }
                    }
                }
            }
            @if !stage.note.is_empty() { p.muted { (stage.note) } }
        }
    }
}

/// Today's date in UTC, from the system clock.
fn today_utc() -> Date {
    let seconds =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |elapsed| elapsed.as_secs());
    Date::from_days(i64::try_from(seconds / 86_400).unwrap_or(0))
}
