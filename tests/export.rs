//! `stepwise export`: calendar reminders that a calendar parser reads back, one event per exercise session of the
//! chosen stages, folded and escaped as RFC 5545 asks, with ids that stay the same from one export to the next;
//! a web page that an HTML5 parser reads without error, fetches nothing, holds every exercise of the chosen
//! stages and the safety rules, and shows hostile names as typed.

use std::io::BufReader;

use stepwise::export::html::{self, PageOptions};
use stepwise::export::ics::{self, CalendarOptions, ClockTime, ReminderTimes};
use stepwise::export::{self, StageChoice};
use stepwise::handout::ClinicDetails;
use stepwise::model::{
    BodyRegion, Date, Dose, DoseRange, ExerciseCopy, ExerciseKind, Phase, PhaseLength, Prescription, Program,
    Progression,
};

const HOSTILE: [&str; 3] = ["<script>alert(1)</script>", "]]>", "مريض الاختبار"];

fn date(text: &str) -> Date {
    text.parse().unwrap_or_else(|e| panic!("{e}"))
}

/// The ready-made programs, loaded as the app loads them.
fn ready_made_programs() -> Vec<(&'static str, Program)> {
    stepwise::assets::PROGRAM_FILES
        .iter()
        .map(|(name, bytes)| {
            let text = String::from_utf8_lossy(bytes);
            let loaded = stepwise::files::program_from_str(&text, std::path::Path::new(name))
                .unwrap_or_else(|e| panic!("programs/{name}.ron: {e}"));
            (*name, loaded.program)
        })
        .collect()
}

fn prescription(id: u64, name: &str, days_per_week: u32, times_per_day: u32) -> Prescription {
    Prescription {
        id,
        exercise: ExerciseCopy {
            library_id: String::new(),
            name: name.to_owned(),
            kind: ExerciseKind::Strength,
            region: BodyRegion::Calf,
            goal: "Stronger calves".to_owned(),
            steps: vec!["Stand tall.".to_owned(), "Rise onto your toes, then lower slowly.".to_owned()],
            short_steps: Vec::new(),
            cues: vec!["Keep your knee straight.".to_owned()],
            common_mistakes: Vec::new(),
            cautions: vec!["Hold on to something steady.".to_owned()],
            safe_range: DoseRange::default(),
            illustration: "heel-raise-double-leg-floor".to_owned(),
            references: Vec::new(),
        },
        dose: Dose { days_per_week, times_per_day, ..Dose::default() },
        progression: Progression::Steady,
    }
}

/// Stage 1: two weeks, one exercise every day once a day and one 3 days a week twice a day. Stage 2: one week,
/// every day once a day. Starts on Tuesday 24 November 2026.
fn two_stage_program() -> Program {
    let mut program = Program::new(date("2026-11-24"));
    program.title = "Calf, step by step".into();
    program.patient.name = "Siân Ŵ, Jones; \"the patient\"".into();
    program.phases[0].name = "Settle".into();
    program.phases[0].length = PhaseLength::Weeks(2);
    program.phases[0].prescriptions =
        vec![prescription(10, "Calf stretch", 7, 1), prescription(11, "Heel raise", 3, 2)];
    let mut second = Phase::new(2, "Build, strength");
    second.length = PhaseLength::Weeks(1);
    second.prescriptions = vec![prescription(20, "Single-leg heel raise", 7, 1)];
    program.phases.push(second);
    program
}

fn options() -> CalendarOptions {
    // 2026-12-01 02:03:04 UTC.
    CalendarOptions { times: ReminderTimes::default(), exported_at: Some(1_796_090_584) }
}

/// The events as the `ical` crate reads them back.
fn parse(text: &str) -> Vec<ical::parser::ical::component::IcalEvent> {
    let mut calendars = ical::IcalParser::new(BufReader::new(text.as_bytes()));
    let calendar = calendars.next().expect("one calendar").unwrap_or_else(|e| panic!("parses: {e}\n{text}"));
    assert!(calendars.next().is_none(), "exactly one calendar");
    calendar.events
}

fn property<'a>(event: &'a ical::parser::ical::component::IcalEvent, name: &str) -> &'a str {
    event.properties.iter().find(|p| p.name == name).and_then(|p| p.value.as_deref()).unwrap_or_default()
}

/// RFC 5545 TEXT back to plain text.
fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn assert_well_formed(text: &str) {
    assert!(text.ends_with("\r\n"), "ends with CRLF");
    assert!(!text.replace("\r\n", "").contains('\n'), "no bare line feed");
    assert!(!text.replace("\r\n", "").contains('\r'), "no bare carriage return");
    for line in text.split_terminator("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
        assert!(!line.is_empty(), "no empty line");
    }
}

#[test]
fn one_event_for_each_session_of_the_chosen_stages() {
    let program = two_stage_program();
    // Stage 1: 14 days of the daily stretch; the heel raise adds an evening session on days 0, 2 and 4 of each
    // week (6 days). Stage 2: 7 days once a day.
    for (choice, expected) in [
        (StageChoice::Current, 14 + 6),
        (StageChoice::Stages(vec![1]), 14 + 6),
        (StageChoice::Stages(vec![2]), 7),
        (StageChoice::Whole, 14 + 6 + 7),
    ] {
        let stages = export::stages(&program, &choice).expect("stages");
        let calendar = ics::calendar(&program, &stages, &options());
        assert_well_formed(&calendar.text);
        let events = parse(&calendar.text);
        assert_eq!(events.len(), expected, "{choice:?}");
        assert_eq!(calendar.event_count, expected, "{choice:?}");
        assert!(calendar.warnings.is_empty(), "{:?}", calendar.warnings);
    }

    let stages = export::stages(&program, &StageChoice::Whole).expect("stages");
    let events = parse(&ics::calendar(&program, &stages, &options()).text);
    let starts: Vec<&str> = events.iter().map(|e| property(e, "DTSTART")).collect();
    // Tuesday 24 Nov: the stretch and the heel raise in the morning, the heel raise alone in the evening.
    assert_eq!(&starts[..3], ["20261124T080000", "20261124T180000", "20261125T080000"]);
    let morning = unescape(property(&events[0], "DESCRIPTION"));
    let evening = unescape(property(&events[1], "DESCRIPTION"));
    assert!(morning.contains("Calf stretch") && morning.contains("Heel raise"), "{morning}");
    assert!(!evening.contains("Calf stretch") && evening.contains("Heel raise"), "{evening}");
    assert_eq!(unescape(property(&events[0], "SUMMARY")), "Exercises: stage 1, Settle (1 of 2)");
    assert_eq!(unescape(property(&events[2], "SUMMARY")), "Exercises: stage 1, Settle");
    // Stage 2 runs from Tuesday 8 to Monday 14 December, titled with its own name.
    let last = events.last().expect("events");
    assert_eq!(property(last, "DTSTART"), "20261214T080000");
    assert_eq!(unescape(property(last, "SUMMARY")), "Exercises: stage 2, Build, strength");
    // Every event rings, and blocks no time.
    for event in &events {
        assert_eq!(event.alarms.len(), 1);
        assert_eq!(property(event, "TRANSP"), "TRANSPARENT");
        assert_eq!(property(event, "DTSTAMP"), "20261201T020304Z");
    }
}

#[test]
fn the_therapists_times_are_used_in_the_order_of_the_day() {
    let mut program = two_stage_program();
    program.phases[0].prescriptions[0].dose.times_per_day = 3;
    let times = ReminderTimes {
        morning: "07:15".parse().expect("time"),
        midday: "12:30".parse().expect("time"),
        evening: ClockTime::new(20, 45).expect("time"),
    };
    let calendar = ics::calendar(&program, &[0], &CalendarOptions { times, ..options() });
    let events = parse(&calendar.text);
    assert_eq!(events.len(), 14 * 3);
    let first_day: Vec<&str> = events[..3].iter().map(|e| property(e, "DTSTART")).collect();
    assert_eq!(first_day, ["20261124T071500", "20261124T123000", "20261124T204500"]);
    assert_eq!(property(&events[2], "DTEND"), "20261124T211500");
    // The heel raise, twice a day, is in the morning and the evening, never at midday.
    let has_heel_raise = |event| unescape(property(event, "DESCRIPTION")).contains("Heel raise");
    assert!(has_heel_raise(&events[0]) && !has_heel_raise(&events[1]) && has_heel_raise(&events[2]));
}

#[test]
fn importing_again_replaces_rather_than_duplicates() {
    let program = two_stage_program();
    let first = ics::calendar(&program, &[0, 1], &options());
    let later = ics::calendar(&program, &[0, 1], &CalendarOptions { exported_at: Some(1_800_000_000), ..options() });
    assert_ne!(first.text, later.text, "the time stamp moves");
    let uids = |text: &str| parse(text).iter().map(|e| property(e, "UID").to_owned()).collect::<Vec<_>>();
    let (a, b) = (uids(&first.text), uids(&later.text));
    assert_eq!(a, b, "same ids from one export to the next");
    let mut unique = a.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), a.len(), "no two events share an id");

    // Another patient's program gets other ids.
    let mut other = program.clone();
    other.patient.name = "Someone Else".to_owned();
    let c = uids(&ics::calendar(&other, &[0, 1], &options()).text);
    assert!(a.iter().all(|uid| !c.contains(uid)));
}

#[test]
fn hostile_and_long_names_are_escaped_and_folded() {
    let mut program = two_stage_program();
    let long = format!("{} {} {}", HOSTILE.join(", "), "Ŵ".repeat(50), "a\\b;c,d");
    program.phases[0].name = long.clone();
    program.phases[0].prescriptions[0].exercise.name = format!("Line one\nline two, {}", HOSTILE[2]);
    let calendar = ics::calendar(&program, &[0], &options());
    assert_well_formed(&calendar.text);
    let events = parse(&calendar.text);
    assert_eq!(unescape(property(&events[0], "SUMMARY")), format!("Exercises: stage 1, {long} (1 of 2)"));
    let description = unescape(property(&events[0], "DESCRIPTION"));
    assert!(description.contains(&format!("Line one\nline two, {}", HOSTILE[2])), "{description}");
}

#[test]
fn every_ready_made_program_gives_a_calendar_a_parser_reads() {
    for (name, program) in ready_made_programs() {
        let stages = export::stages(&program, &StageChoice::Whole).expect("stages");
        let schedule = stepwise::schedule::build(&program);
        let (sessions, _) = ics::sessions(&schedule, &stages);
        let calendar = ics::calendar(&program, &stages, &options());
        assert_well_formed(&calendar.text);
        let events = parse(&calendar.text);
        assert!(!events.is_empty(), "{name}");
        assert_eq!(events.len(), sessions.len(), "{name}");
        assert_eq!(events.len(), calendar.event_count, "{name}");
    }
}

#[test]
fn an_open_ended_stage_gets_four_weeks_and_the_reminders_stop_there() {
    let mut program = two_stage_program();
    program.phases[0].length = PhaseLength::UntilCriteriaMet;
    program.phases[0].prescriptions.truncate(1);
    let calendar = ics::calendar(&program, &[0, 1], &options());
    assert_eq!(parse(&calendar.text).len(), 7 * ics::OPEN_ENDED_WEEKS as usize);
    assert!(calendar.warnings.iter().any(|w| w.contains("stop after stage 1")), "{:?}", calendar.warnings);

    // A stage after the open-ended one, exported alone, warns that its dates are the earliest.
    let calendar = ics::calendar(&program, &[1], &options());
    assert_eq!(parse(&calendar.text).len(), 7);
    assert!(calendar.warnings.iter().any(|w| w.contains("earliest")), "{:?}", calendar.warnings);
}

#[test]
fn stage_numbers_outside_the_program_are_refused_by_name() {
    let program = two_stage_program();
    let error = export::stages(&program, &StageChoice::Stages(vec![3])).expect_err("no stage 3");
    assert_eq!(error.to_string(), "the program has no stage 3: choose 1 to 2");
    assert!(export::stages(&program, &StageChoice::Stages(vec![0])).is_err());
    assert_eq!(export::stages(&program, &StageChoice::Stages(vec![2, 1, 2])), Ok(vec![0, 1]));
}

#[test]
fn the_command_writes_the_calendar_and_names_a_wrong_stage() {
    let dir = tempfile::tempdir().expect("temp dir");
    let program = dir.path().join("program.ron");
    std::fs::write(&program, stepwise::files::program_to_string(&two_stage_program()).expect("ron")).expect("write");
    let ics = dir.path().join("reminders.ics");
    let output = stepwise_command(dir.path())
        .args(["export", "--whole", "--ics"])
        .arg(&ics)
        .arg(&program)
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(stderr.contains("27 reminders"), "{stderr}");
    let text = std::fs::read_to_string(&ics).expect("written");
    assert_eq!(parse(&text).len(), 27);

    let output = stepwise_command(dir.path())
        .args(["export", "--stage", "3", "--ics"])
        .arg(dir.path().join("other.ics"))
        .arg(&program)
        .output()
        .expect("run");
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("no stage 3: choose 1 to 2"));
    assert!(!dir.path().join("other.ics").exists());
}

/// The command, with the user's own settings kept out.
fn stepwise_command(home: &std::path::Path) -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_stepwise"));
    command.env("HOME", home).env("XDG_DATA_HOME", home.join("data")).env("XDG_CONFIG_HOME", home.join("config"));
    command
}

// --- The web page ------------------------------------------------------------------------------------------------

fn page_options() -> PageOptions {
    PageOptions {
        clinic: ClinicDetails {
            name: "Riverside Physio".into(),
            phone: "01234 567890".into(),
            ..ClinicDetails::default()
        },
        emergency_number: "999".to_owned(),
        exported_on: Some(date("2026-12-01")),
    }
}

/// Parses the page as a browser would, and fails on any HTML5 parse error.
fn parse_page(text: &str) -> scraper::Html {
    let document = scraper::Html::parse_document(text);
    assert!(document.errors.is_empty(), "HTML5 parse errors: {:?}", document.errors);
    document
}

fn select<'a>(document: &'a scraper::Html, selector: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector = scraper::Selector::parse(selector).unwrap_or_else(|e| panic!("{selector}: {e:?}"));
    document.select(&selector).collect()
}

fn text_of(element: &scraper::ElementRef<'_>) -> String {
    element.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The page fetches nothing: no address outside the page, no resource attribute, no CSS import.
fn assert_self_contained(text: &str, document: &scraper::Html) {
    for scheme in ["http:", "https:", "ftp:", "file:", "data:", "@import", "src="] {
        assert!(!text.contains(scheme), "{scheme} in the page");
    }
    let loaders = select(document, "[src], link, iframe, object, embed, img, base, audio, video");
    assert!(
        loaders.is_empty(),
        "elements that load something: {:?}",
        loaders.iter().map(scraper::ElementRef::value).collect::<Vec<_>>()
    );
    for element in select(document, "[href]") {
        let href = element.value().attr("href").unwrap_or_default();
        assert!(href.starts_with('#') || href.starts_with("tel:"), "a link out of the page: {href}");
    }
    assert!(!text.contains("url(") || text.matches("url(").count() == text.matches("url(#").count());
}

#[test]
fn the_page_holds_every_exercise_of_the_stage_and_the_safety_rules() {
    for (name, program) in ready_made_programs() {
        for choice in [StageChoice::Whole, StageChoice::Current] {
            let stages = export::stages(&program, &choice).expect("stages");
            let page = html::page(&program, &stages, &page_options());
            let document = parse_page(&page.html);
            assert_self_contained(&page.html, &document);
            assert_eq!(select(&document, "html")[0].value().attr("lang"), Some("en"));
            let cards: Vec<String> = select(&document, "article.card h3").iter().map(text_of).collect();
            let expected: Vec<&str> = stages
                .iter()
                .flat_map(|&s| program.phases[s].prescriptions.iter().map(|p| p.exercise.name.trim()))
                .collect();
            assert_eq!(cards.len(), expected.len(), "{name} {choice:?}");
            for (card, exercise) in cards.iter().zip(&expected) {
                assert!(card.ends_with(exercise), "{name}: card {card:?} for {exercise:?}");
            }
            // Each stage's exercises only: nothing from the stages left out.
            let headings: Vec<String> = select(&document, "section.stage h2").iter().map(text_of).collect();
            assert_eq!(headings.len(), stages.len(), "{name} {choice:?}: {headings:?}");
            let safety = text_of(&select(&document, "#safety")[0]);
            for words in ["Keep yourself safe", "blood clot", "Call 999", "coughing up blood", "Riverside Physio"] {
                assert!(safety.contains(words), "{name}: safety text without {words:?}: {safety}");
            }
            // The safety rules come before the first exercise.
            assert!(page.html.find("id=\"safety\"") < page.html.find("class=\"card\""), "{name}");
            // Every drawing has a name for screen readers.
            for svg in select(&document, "figure svg") {
                assert_eq!(svg.value().attr("role"), Some("img"));
                assert!(svg.value().attr("aria-label").is_some_and(|l| !l.is_empty()));
            }
            assert_eq!(select(&document, "figure svg").len(), select(&document, "figure").len());
        }
    }
}

#[test]
fn the_diary_has_a_box_for_every_session_and_works_without_scripts() {
    let program = two_stage_program();
    let page = html::page(&program, &[0, 1], &page_options());
    let document = parse_page(&page.html);
    // Weeks 1-2 have a twice-a-day exercise: two boxes a day; week 3 one.
    let boxes = select(&document, "#diary input[type=checkbox]");
    assert_eq!(boxes.len(), 7 * 2 + 7 * 2 + 7);
    for tick in &boxes {
        assert!(tick.value().attr("aria-label").is_some_and(|label| !label.is_empty()));
        assert!(tick.value().attr("data-keep").is_some());
    }
    // Every box is a real form control: it ticks with scripts off. The only script is ours.
    assert_eq!(select(&document, "script").len(), 1);
    let key = select(&document, "#diary")[0].value().attr("data-store").unwrap_or_default().to_owned();
    assert!(key.starts_with("stepwise-diary-"), "{key}");
    let again = html::page(&program, &[0], &page_options());
    assert!(again.html.contains(&key), "the same program keeps its ticks whatever stages are exported");
}

#[test]
fn hostile_names_show_as_typed() {
    let mut program = two_stage_program();
    program.patient.name = HOSTILE[0].to_owned();
    program.title = HOSTILE[1].to_owned();
    program.phases[0].name = HOSTILE[2].to_owned();
    program.phases[0].prescriptions[0].exercise.name = HOSTILE[0].to_owned();
    program.phases[0].prescriptions[1].exercise.name = HOSTILE[1].to_owned();
    program.phases[1].prescriptions[0].exercise.name = HOSTILE[2].to_owned();
    program.phases[0].prescriptions[0].exercise.steps = vec![format!("{} & \"quotes\" ' </p>", HOSTILE[0])];
    let page = html::page(&program, &[0, 1], &page_options());
    let document = parse_page(&page.html);
    assert_eq!(select(&document, "script").len(), 1, "no script but the diary's");
    assert!(!page.html.contains(HOSTILE[0]), "the tag is escaped in the source");
    let cards: Vec<String> = select(&document, "article.card h3").iter().map(text_of).collect();
    assert!(cards[0].ends_with(HOSTILE[0]), "{cards:?}");
    assert!(cards[1].ends_with(HOSTILE[1]), "{cards:?}");
    assert!(cards[2].ends_with(HOSTILE[2]), "{cards:?}");
    let steps = text_of(&select(&document, "#exercise-1 ol.steps li")[0]);
    assert_eq!(steps, format!("{} & \"quotes\" ' </p>", HOSTILE[0]));
    let stage = &select(&document, "#stage-1-title")[0];
    assert_eq!(text_of(stage), format!("Stage 1: {}", HOSTILE[2]));
    assert_eq!(stage.value().attr("dir"), Some("auto"), "right-to-left text takes its own direction");
    assert_eq!(text_of(&select(&document, "title")[0]), format!("{} for {}", HOSTILE[1], HOSTILE[0]));
}

#[test]
fn the_largest_ready_made_program_fits_in_400_kb() {
    let (name, size) = ready_made_programs()
        .into_iter()
        .map(|(name, program)| {
            let stages = export::stages(&program, &StageChoice::Whole).expect("stages");
            (name, html::page(&program, &stages, &page_options()).html.len())
        })
        .max_by_key(|(_, size)| *size)
        .expect("programs");
    assert!(size <= 400 * 1024, "{name}: {size} bytes");
}
