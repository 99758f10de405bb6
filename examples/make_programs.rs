//! Writes the ready-made programs in `programs/` from the built-in library: `cargo run --example make_programs`.
//!
//! A program file is self-contained: every prescription carries a copy of its exercise. Copying that text by hand
//! would drift from the library, so each program is written here as library ids, doses and progression rules; the
//! exercise copies come from `Library::builtin()`. Run it again whenever the library changes (`tests/programs.rs`
//! fails when a copy no longer matches). Every program is validated before it is written, and nothing is written
//! if any program has a problem (pain limits its rule does not allow included).
//!
//! Doses start from the library's default dose and change only what the protocol says, so a protocol's numbers are
//! visible at a glance below. Sources are the keys of `clinical-sources.md`. Each program has one pain rule
//! (`model::PainRule`): the handout's safety page prints it, so the notes below do not repeat it.

use std::error::Error;
use std::path::Path;

use stepwise::files;
use stepwise::library::Library;
use stepwise::model::{
    Date, Dose, Load, MeasurableCriterion, PainRule, Phase, PhaseLength, Prescription, Program, Progression, Side,
    WeekDose, validate_program,
};

type Result<T> = std::result::Result<T, Box<dyn Error>>;

fn main() -> Result<()> {
    let library = Library::builtin()?;
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("programs");
    let programs = [
        ("alfredson-eccentric", alfredson(&library)?),
        ("silbernagel-combined", silbernagel(&library)?),
        ("heavy-slow-resistance", heavy_slow_resistance(&library)?),
        ("calf-strain-return-to-run", calf_strain(&library)?),
        ("runners-calf-pain", runners_calf_pain(&library)?),
        ("doms-tight-calves", doms_tight_calves(&library)?),
        ("plantar-heel-pain", plantar_heel_pain(&library)?),
        ("shin-pain", shin_pain(&library)?),
    ];
    // Check everything before writing anything: a half-updated folder is worse than an old one. Warnings count
    // too: a shipped program states no pain limit its rule does not allow.
    let mut texts = Vec::new();
    for (stem, program) in &programs {
        let problems = validate_program(program, &|id| library.contains(id));
        if !problems.is_empty() {
            let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
            return Err(format!("{stem}: {}", list.join("; ")).into());
        }
        texts.push((folder.join(format!("{stem}.ron")), files::program_to_string(program)?));
    }
    std::fs::create_dir_all(&folder)?;
    for ((path, text), (_, program)) in texts.iter().zip(&programs) {
        // A plain write, not `files::save_program`: that keeps a `.bak` beside each file, which has no place in
        // the repository.
        std::fs::write(path, text)?;
        println!("wrote {} ({} weeks)", path.display(), stepwise::schedule::build(program).week_count());
    }
    Ok(())
}

/// Hands out ids and copies exercises from the library.
struct Maker<'a> {
    library: &'a Library,
    next_id: u64,
}

impl<'a> Maker<'a> {
    fn new(library: &'a Library) -> Self {
        Self { library, next_id: 1 }
    }

    fn id(&mut self) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    /// A prescription of library exercise `id`: its default dose, changed by `change`, progressing by `rule`.
    fn rx(&mut self, id: &str, change: impl FnOnce(&mut Dose), rule: Progression) -> Result<Prescription> {
        let entry = self.library.get(id).ok_or_else(|| format!("no exercise `{id}` in the built-in library"))?;
        let mut dose = entry.exercise.default_dose.clone();
        change(&mut dose);
        Ok(Prescription { id: self.id(), exercise: entry.exercise.to_copy(), dose, progression: rule })
    }

    /// The library's default dose as it is.
    fn default_rx(&mut self, id: &str) -> Result<Prescription> {
        self.rx(id, |_| {}, Progression::Steady)
    }
}

/// A phase; `id` comes from the maker before its prescriptions, so ids read in file order.
struct PhaseSpec<'t> {
    id: u64,
    name: &'t str,
    goal: &'t str,
    length: PhaseLength,
    criteria: &'t str,
    measurable: Vec<MeasurableCriterion>,
}

impl PhaseSpec<'_> {
    fn with(self, prescriptions: Vec<Prescription>) -> Phase {
        Phase {
            id: self.id,
            name: self.name.to_owned(),
            goal: self.goal.to_owned(),
            length: self.length,
            criteria: self.criteria.to_owned(),
            measurable_criteria: self.measurable,
            prescriptions,
        }
    }
}

/// Replaces the library's note on the dose: where the protocol's dose differs from the library default, the
/// default's note may no longer fit.
fn note(dose: &mut Dose, text: &str) {
    text.clone_into(&mut dose.note);
}

/// Sets and repetitions, without the library's note (which was written for another use of the exercise).
fn no_note(dose: &mut Dose, sets: u32, reps: u32) {
    sets_reps(sets, reps)(dose);
    dose.note.clear();
}

fn measure(test: &str, target: f32, unit: &str) -> MeasurableCriterion {
    MeasurableCriterion { test: test.to_owned(), target, unit: unit.to_owned() }
}

/// What a program says besides its phases.
struct About<'t> {
    title: &'t str,
    /// For the therapist choosing a template: the condition, the protocol and its sources.
    description: &'t str,
    goals: &'t [&'t str],
    /// Printed for the patient. The pain rule is on the safety page: do not repeat it here.
    notes: &'t str,
    pain_rule: PainRule,
}

fn program(about: About<'_>, phases: Vec<Phase>) -> Result<Program> {
    // Templates get a fixed Monday; "New from template" sets the patient's own start date.
    let start = Date::new(2026, 1, 5).ok_or("2026-01-05 is a date")?;
    Ok(Program {
        title: about.title.to_owned(),
        description: about.description.to_owned(),
        goals: about.goals.iter().map(|goal| (*goal).to_owned()).collect(),
        notes: about.notes.to_owned(),
        pain_rule: about.pain_rule,
        phases,
        ..Program::new(start)
    })
}

fn sets_reps(sets: u32, reps: u32) -> impl FnOnce(&mut Dose) {
    move |dose| {
        dose.sets = sets;
        dose.reps = Some(reps);
    }
}

fn add_reps(add: u32, up_to: u32) -> Progression {
    Progression::AddReps { add, every_weeks: 1, up_to }
}

fn by_response(rule: &str) -> Progression {
    Progression::ByResponse(rule.to_owned())
}

/// Alfredson's eccentric protocol (alfredson1998, martin2018), with Alfredson's own pain rule.
fn alfredson(library: &Library) -> Result<Program> {
    let mut m = Maker::new(library);
    let add_weight = "When the heel drops no longer hurt, add weight in a backpack, a little at a time (up to 20 kg)";
    let phase = PhaseSpec {
        id: m.id(),
        name: "Eccentric heel drops",
        goal: "Load the tendon every day so that it grows stronger and less painful",
        length: PhaseLength::Weeks(12),
        criteria: "After 12 weeks, review with your therapist how the tendon has responded and what comes next.",
        measurable: Vec::new(),
    }
    .with(vec![
        m.rx("eccentric-heel-drop-straight-knee", sets_reps(3, 15), by_response(add_weight))?,
        m.rx("eccentric-heel-drop-bent-knee", sets_reps(3, 15), by_response(add_weight))?,
    ]);
    program(
        About {
            title: "Alfredson eccentric heel drops: mid-portion Achilles tendinopathy",
            description: "Long-standing pain in the middle of the Achilles tendon, a few centimetres above the heel. \
                          Slow heel drops off a step on the painful leg, knee straight and knee bent, 3 x 15 of each, \
                          twice a day, every day, for 12 weeks (alfredson1998; martin2018). Pain rule: Alfredson's \
                          own (keep going despite pain unless it is disabling; add weight when pain-free), with no \
                          pain score, as in the paper. Not for pain where the tendon meets the heel bone: there, \
                          lower only to floor level (eccentric heel drop to the floor).",
            goals: &["Less Achilles pain in daily life and sport", "A stronger calf and Achilles tendon"],
            notes: "Do the heel drops every day, even on days when the tendon aches. When they no longer hurt, add \
                    weight in a backpack, a little at a time.",
            pain_rule: PainRule::Alfredson,
        },
        vec![phase],
    )
}

/// Silbernagel's combined protocol with the pain-monitoring model (silbernagel2007, silbernagel2015).
fn silbernagel(library: &Library) -> Result<Program> {
    let mut m = Maker::new(library);
    let pain = |limit: f32| measure("Pain during the exercises", limit, "out of 10 or less");
    let step_drop_note = "Rise on both legs, then lower slowly on the affected leg.";
    let add_weight = "Add weight when 3 sets feel easy and pain stays within the pain rules";

    let phase_1 = PhaseSpec {
        id: m.id(),
        name: "Learn the pain rules and start loading",
        goal: "Learn how much pain is all right, and start loading the calf and tendon gently",
        length: PhaseLength::Weeks(2),
        criteria: "You can do 10 single-leg heel raises on the floor on the affected leg, and pain stays within the \
                   pain rules.",
        measurable: vec![measure("Single-leg heel raises on the floor, affected leg", 10.0, "repetitions"), pain(5.0)],
    }
    .with(vec![
        m.default_rx("relative-rest-load-modification")?,
        m.default_rx("ankle-pumps")?,
        m.rx("heel-raise-double-leg-floor", sets_reps(3, 10), add_reps(5, 15))?,
        m.rx(
            "heel-raise-single-leg-floor",
            |dose| {
                sets_reps(3, 10)(dose);
                note(dose, "10 in a row on the affected leg is the first goal of this program.");
            },
            Progression::Steady,
        )?,
        m.rx("heel-raise-seated", sets_reps(3, 10), Progression::Steady)?,
        m.rx(
            "eccentric-heel-drop-floor",
            |dose| {
                sets_reps(3, 10)(dose);
                dose.times_per_day = 1;
                note(dose, "Rise on both legs, then lower slowly on the affected leg, down to the floor.");
            },
            Progression::Steady,
        )?,
    ]);

    let phase_2 = PhaseSpec {
        id: m.id(),
        name: "Strength on a step",
        goal: "Work through a bigger range on a step, and start quicker movements",
        length: PhaseLength::Weeks(3),
        criteria: "You can do the whole of this phase's exercises, and there is no pain low down on the tendon, \
                   near the heel.",
        measurable: vec![pain(5.0)],
    }
    .with(vec![
        m.rx("heel-raise-double-leg-step", sets_reps(3, 15), Progression::Steady)?,
        m.rx("heel-raise-single-leg-step", sets_reps(3, 10), Progression::Steady)?,
        m.rx("heel-raise-seated", sets_reps(3, 15), Progression::Steady)?,
        m.rx(
            "eccentric-heel-drop-straight-knee",
            |dose| {
                sets_reps(3, 15)(dose);
                dose.times_per_day = 1;
                note(dose, step_drop_note);
            },
            Progression::Steady,
        )?,
        m.rx("quick-rebounding-heel-raise", |dose| no_note(dose, 3, 20), Progression::Steady)?,
    ]);

    let phase_3 = PhaseSpec {
        id: m.id(),
        name: "Heavier and quicker",
        goal: "Add weight and speed, so the tendon copes with running and jumping",
        length: PhaseLength::Weeks(7),
        criteria: "Little or no pain during the exercises, and none the next morning.",
        measurable: vec![pain(2.0)],
    }
    .with(vec![
        m.rx("heel-raise-single-leg-weighted", sets_reps(3, 10), by_response(add_weight))?,
        m.rx("heel-raise-seated", sets_reps(3, 15), Progression::Steady)?,
        m.rx(
            "eccentric-heel-drop-straight-knee",
            |dose| {
                sets_reps(3, 15)(dose);
                dose.times_per_day = 1;
                dose.load = Load::Kilograms(5.0);
                note(
                    dose,
                    "Rise on both legs, then lower slowly on the affected leg, with weight in a backpack. \
                             The starting weight is a suggestion only: your therapist sets it.",
                );
            },
            by_response("Add weight in the backpack when 3 sets of 15 feel easy and pain stays within the pain rules"),
        )?,
        m.rx("quick-rebounding-heel-raise", |dose| no_note(dose, 3, 20), Progression::Steady)?,
        m.rx("pogo-hops", sets_reps(3, 10), add_reps(5, 20))?,
    ]);

    let phase_4 = PhaseSpec {
        id: m.id(),
        name: "Maintenance",
        goal: "Keep the tendon strong while you return to all your activities",
        length: PhaseLength::Weeks(14),
        criteria: "At 6 months, review with your therapist.",
        measurable: Vec::new(),
    }
    .with(vec![
        m.rx(
            "heel-raise-single-leg-weighted",
            |dose| {
                sets_reps(3, 15)(dose);
                dose.days_per_week = 3;
            },
            by_response(add_weight),
        )?,
        m.rx(
            "eccentric-heel-drop-straight-knee",
            |dose| {
                sets_reps(3, 15)(dose);
                dose.times_per_day = 1;
                dose.days_per_week = 3;
                dose.load = Load::Kilograms(5.0);
                note(dose, "Rise on both legs, then lower slowly on the affected leg, with weight in a backpack.");
            },
            by_response(add_weight),
        )?,
        m.rx(
            "quick-rebounding-heel-raise",
            |dose| {
                sets_reps(3, 20)(dose);
                dose.days_per_week = 3;
            },
            Progression::Steady,
        )?,
    ]);

    program(
        About {
            title: "Silbernagel Achilles program with pain monitoring",
            description: "Mid-portion Achilles tendinopathy in active people who want to keep running or playing \
                          sport. Four phases over about 6 months, from heel raises on the floor to weighted, quick \
                          and jumping work, with the pain-monitoring model deciding how much is enough \
                          (silbernagel2007; silbernagel2015). In the source the phases overlap (weeks 1-2, 2-5, \
                          3-12, then to 6 months); here they follow each other at weeks 1-2, 3-5, 6-12 and 13-26, \
                          and the criteria say when to move on.",
            goals: &[
                "Less Achilles pain",
                "Keep running or playing sport while the tendon recovers",
                "A strong calf for the long term",
            ],
            notes: "Running and jumping can carry on throughout, as long as the pain stays within the pain guide on \
                    your safety page.",
            pain_rule: PainRule::Tendinopathy,
        },
        vec![phase_1, phase_2, phase_3, phase_4],
    )
}

/// Heavy slow resistance (beyer2015): Beyer's three exercises, the dose table by week, Beyer's pain rule.
fn heavy_slow_resistance(library: &Library) -> Result<Program> {
    let mut m = Maker::new(library);
    let table = || Progression::ByWeek(WeekDose::heavy_slow_resistance_table());
    let phase = PhaseSpec {
        id: m.id(),
        name: "Heavy slow resistance",
        goal: "Make the calf and Achilles tendon stronger with slow, heavy lifts that get heavier every few weeks",
        length: PhaseLength::Weeks(12),
        criteria: "After 12 weeks, review with your therapist how the tendon has responded and what comes next.",
        measurable: Vec::new(),
    }
    .with(vec![
        m.rx("heavy-slow-heel-raise-seated", sets_reps(3, 15), table())?,
        m.rx("heel-raise-leg-press", sets_reps(3, 15), table())?,
        m.rx("heavy-slow-heel-raise-standing", sets_reps(3, 15), table())?,
    ]);
    program(
        About {
            title: "Heavy slow resistance: Achilles tendinopathy (gym)",
            description: "Mid-portion Achilles tendinopathy in people with access to a gym. Beyer's three exercises, \
                          both legs, full range: seated calf-raise machine (knee bent), leg-press calf raise and \
                          standing calf raise (knee straight); 3 seconds up, 3 seconds down; 2-3 minutes between sets \
                          and 5 minutes between exercises; 3 times a week for 12 weeks. The weight goes up as the \
                          repetitions go down: 3 x 15 RM in week 1, 3 x 12 in weeks 2-3, 4 x 10 in weeks 4-5, 4 x 8 in \
                          weeks 6-8 and 4 x 6 in weeks 9-12 (beyer2015). Pain rule: Beyer's (discomfort is fine; if \
                          pain is worse after a session, the next is lighter). An alternative to the Alfredson heel \
                          drops; not for insertional pain.",
            goals: &["Less Achilles pain", "A stronger calf and Achilles tendon"],
            notes: "Three sessions a week, with a rest day between. Rest 2 to 3 minutes between sets and about 5 \
                    minutes between exercises. \"15 RM\" means the heaviest weight you can lift 15 times with good \
                    form: as the weeks go by the number falls and the weight rises.",
            pain_rule: PainRule::HeavySlowResistance,
        },
        vec![phase],
    )
}

/// Calf muscle strain from injury to running (green2022, heberlosier2017, osu-rtr2019, silbernagel2007), with the
/// acute-injury pain rule. Each stage's criteria test only exercises prescribed by then; skipping and hops come
/// after quick rebounding heel raises are in and easy; weighted single-leg work is never every day.
fn calf_strain(library: &Library) -> Result<Program> {
    let mut m = Maker::new(library);
    let gentle = |dose: &mut Dose| {
        note(dose, "Gently: a mild pull, never pain where the muscle was hurt. 3 holds of 30 seconds on each leg.");
    };
    let every_other_day = |dose: &mut Dose| dose.days_per_week = 3;

    let protect = PhaseSpec {
        id: m.id(),
        name: "Protect",
        goal: "Let the muscle settle for the first few days while keeping the ankle moving",
        length: PhaseLength::Weeks(1),
        criteria: "You walk around the house without limping, and gentle ankle pumps and circles are comfortable.",
        measurable: Vec::new(),
    }
    .with(vec![
        m.default_rx("relative-rest-load-modification")?,
        m.default_rx("compression-sleeve")?,
        m.default_rx("ice-pack")?,
        m.default_rx("ankle-pumps")?,
        m.default_rx("ankle-circles")?,
    ]);

    let load = PhaseSpec {
        id: m.id(),
        name: "Load",
        goal: "Start strengthening the calf, get its full length back, and keep fit",
        length: PhaseLength::UntilCriteriaMet,
        criteria: "3 sets of 15 double-leg heel raises are easy and free of pain, and you walk without a limp.",
        measurable: vec![measure("Double-leg heel raises in a row, without pain", 15.0, "repetitions")],
    }
    .with(vec![
        m.rx("heel-raise-seated", sets_reps(3, 10), add_reps(2, 15))?,
        m.rx("heel-raise-double-leg-floor", sets_reps(3, 10), add_reps(2, 15))?,
        m.rx("gastrocnemius-stretch-wall", gentle, Progression::Steady)?,
        m.rx("soleus-stretch-wall", gentle, Progression::Steady)?,
        m.default_rx("glute-bridge")?,
        m.default_rx("side-lying-hip-abduction")?,
        m.default_rx("cross-training")?,
    ]);

    let single_leg = PhaseSpec {
        id: m.id(),
        name: "Single-leg strength",
        goal: "Build strength on the injured leg alone, and start quicker, springier heel raises",
        length: PhaseLength::UntilCriteriaMet,
        criteria: "You can do 20 single-leg heel raises in a row from the floor on the injured leg, and 3 sets of 20 \
                   quick rebounding heel raises feel easy.",
        measurable: vec![
            measure("Single-leg heel raises in a row from the floor, injured leg", 20.0, "repetitions"),
            measure("Quick rebounding heel raises, easy", 20.0, "repetitions, 3 sets"),
        ],
    }
    .with(vec![
        m.rx("heel-raise-single-leg-floor", |dose| no_note(dose, 3, 10), add_reps(2, 20))?,
        m.rx("heel-raise-seated", sets_reps(3, 15), Progression::Steady)?,
        m.rx("quick-rebounding-heel-raise", |dose| no_note(dose, 3, 10), add_reps(5, 20))?,
        m.default_rx("single-leg-bridge")?,
        m.default_rx("step-up")?,
        m.default_rx("cross-training")?,
    ]);

    let spring = PhaseSpec {
        id: m.id(),
        name: "Strength and spring",
        goal: "Heavier single-leg work and springy landings, ready for running",
        length: PhaseLength::UntilCriteriaMet,
        criteria: "Ready to run when you walk briskly without pain, can do at least 25 single-leg heel raises from \
                   the floor on the injured leg and within 10 % of your other leg, and can do 10 single-leg hops \
                   on the injured leg without pain.",
        measurable: vec![
            measure(
                "Single-leg heel raises in a row from the floor, injured leg",
                25.0,
                "repetitions or more, and within 10 % of the other leg",
            ),
            measure("Single-leg hops without pain, injured leg", 10.0, "hops"),
        ],
    }
    .with(vec![
        m.rx("heel-raise-single-leg-step", sets_reps(3, 12), add_reps(2, 20))?,
        m.rx(
            "heel-raise-single-leg-weighted",
            |dose| {
                sets_reps(3, 8)(dose);
                every_other_day(dose);
                note(
                    dose,
                    "Every other day, not every day. The starting weight is a suggestion only: your therapist sets it.",
                );
            },
            add_reps(2, 12),
        )?,
        m.rx("quick-rebounding-heel-raise", |dose| no_note(dose, 3, 20), Progression::Steady)?,
        m.rx("skipping", sets_reps(3, 10), add_reps(5, 20))?,
        m.rx("pogo-hops", sets_reps(3, 10), add_reps(5, 20))?,
        m.rx("single-leg-hops", |dose| no_note(dose, 2, 10), Progression::Steady)?,
        m.default_rx("step-up")?,
    ]);

    let run = PhaseSpec {
        id: m.id(),
        name: "Back to running",
        goal: "Build up to 30 minutes of running without stopping",
        length: PhaseLength::Weeks(4),
        criteria: "You run for 30 minutes without stopping and without pain, and the calf is no worse the next \
                   morning. Before full sport: no pain, tightness or cramping in the calf (0 out of 10), and your \
                   therapist has checked your strength and hopping against the other leg.",
        measurable: vec![measure("Continuous running without pain", 30.0, "minutes")],
    }
    .with(vec![
        m.rx(
            "walk-run-intervals",
            |_| {},
            by_response(
                "Move up a step when you have done 6 rounds with no more pain or swelling the next day: walk 4 \
                 minutes and run 1, then walk 3 and run 2, then walk 2 and run 3, then walk 1 and run 4, then run \
                 5 minutes at a time. Stay 2 to 3 days at each step, and never run on two days in a row at first",
            ),
        )?,
        m.default_rx("dynamic-calf-stretch")?,
        m.rx(
            "heel-raise-single-leg-weighted",
            |dose| {
                sets_reps(3, 12)(dose);
                every_other_day(dose);
                note(dose, "On days you do not run. Keep the weight you reached in the last stage.");
            },
            Progression::Steady,
        )?,
        m.rx("single-leg-hops", |dose| no_note(dose, 3, 10), add_reps(2, 15))?,
    ]);

    program(
        About {
            title: "Calf muscle strain: from injury back to running",
            description: "A strained or torn calf muscle (gastrocnemius or soleus). Protect it for the first few \
                          days; then load it step by step: seated and double-leg heel raises, gentle stretches, hip \
                          strength and cycling or swimming; then single-leg and quick rebounding heel raises; then \
                          weighted raises (every other day), skipping and hops; then a walk-run build-up (osu-rtr2019). \
                          Move on by the criteria, not by the calendar; each stage's criteria test only exercises \
                          already in the program. Return-to-run criteria follow the experts' return-to-play \
                          criteria (green2022): at least 25-30 single-leg heel raises from the floor AND within 10 % \
                          of the other leg. Heel-rise norms fall with age (heberlosier2017, 10° incline, 60 beats a \
                          minute, men/women: 20-29 37/30, 30-39 32/27, 40-49 28/24, 50-59 23/21, 60-69 19/19, 70-79 \
                          14/16, 80-89 10/13): set the target to the patient. Pain rule: acute muscle injury.",
            goals: &["Walk normally without pain", "Run again", "Lower the risk of straining the calf again"],
            notes: "Move on when you meet the criteria, not by the date. Do not rest completely and then go straight \
                    back to full running.",
            pain_rule: PainRule::AcuteMuscleInjury,
        },
        vec![protect, load, single_leg, spring, run],
    )
}

/// Runners' calf pain: load management, strength, gait (seed-gophysio, seed-running, heiderscheit2011), with the
/// tendon pain-monitoring model (silbernagel2007) for running.
fn runners_calf_pain(library: &Library) -> Result<Program> {
    let mut m = Maker::new(library);
    let hold_longer = Progression::AddHoldSeconds { add: 1, every_weeks: 1, up_to: 10 };

    let adjust = PhaseSpec {
        id: m.id(),
        name: "Adjust the load and start strengthening",
        goal: "Keep running within the pain rules while the calf, hip and foot get stronger",
        length: PhaseLength::Weeks(4),
        criteria: "Running pain stays at 5/10 or less, has settled by the next morning, and is not building up \
                   from week to week.",
        measurable: vec![measure("Pain during running", 5.0, "out of 10 or less")],
    }
    .with(vec![
        m.default_rx("relative-rest-load-modification")?,
        m.default_rx("gait-cues-cadence")?,
        m.default_rx("footwear-advice")?,
        m.rx("heel-raise-single-leg-floor", |dose| no_note(dose, 3, 10), add_reps(2, 20))?,
        m.rx("heel-raise-seated", sets_reps(3, 15), Progression::Steady)?,
        m.default_rx("glute-bridge")?,
        m.default_rx("side-lying-hip-abduction")?,
        m.rx("toe-flexor-press", |_| {}, hold_longer.clone())?,
        m.rx(
            "slump-slider",
            |dose| note(dose, "Only if your therapist found that the nerve is involved."),
            Progression::Steady,
        )?,
    ]);

    let build = PhaseSpec {
        id: m.id(),
        name: "Build strength and training back up",
        goal: "Stronger calves, hips and feet, and back to your usual running, step by step",
        length: PhaseLength::Weeks(6),
        criteria: "Back to your usual training with pain at 2/10 or less, and none the next morning.",
        measurable: vec![measure("Pain during running", 2.0, "out of 10 or less")],
    }
    .with(vec![
        m.default_rx("relative-rest-load-modification")?,
        m.default_rx("gait-cues-cadence")?,
        m.rx(
            "heel-raise-single-leg-step",
            sets_reps(3, 12),
            Progression::AddReps { add: 2, every_weeks: 2, up_to: 20 },
        )?,
        m.rx(
            "heel-raise-seated-weighted",
            |dose| {
                note(
                    dose,
                    "The starting weight is a suggestion only: your therapist sets it. The heaviest is a weight you \
                     can lift only 6 times.",
                );
            },
            by_response("Add weight when 3 sets of 15 feel easy"),
        )?,
        m.default_rx("step-up")?,
        m.default_rx("split-squat")?,
        m.default_rx("single-leg-bridge")?,
        m.default_rx("pilates-clam")?,
        m.rx("short-foot", |_| {}, hold_longer)?,
        m.default_rx("single-leg-balance")?,
        m.default_rx("dynamic-calf-stretch")?,
    ]);

    program(
        About {
            title: "Runner's calf pain: load, strength and running style",
            description: "Calf pain from running, once a tear, a stress fracture and a blood clot have been ruled \
                          out. Keep running within the pain-monitoring model while changing the load (distance, \
                          time, speed, hills, fewer hard sessions); strengthen the calf, hip, knee and foot; check \
                          footwear; and adjust the running style (step rate up 5-10 %, softer landings, shorter \
                          steps). Do not stop completely and then go straight back to the old training \
                          (seed-gophysio; seed-running; heiderscheit2011; silbernagel2007). Hip, knee and foot doses \
                          are general strength-training practice, not from a calf trial.",
            goals: &[
                "Keep running while the calf settles",
                "Stronger calves, hips and feet",
                "Back to your usual training",
            ],
            notes: "Build your running back gradually: change one thing at a time.",
            pain_rule: PainRule::Tendinopathy,
        },
        vec![adjust, build],
    )
}

/// Sore, tight calves after exercise (DOMS): comfort measures, honest about stretching (herbert2011), with the
/// muscle-soreness pain rule (seed-self-massage, seed-massage-technique, seed-running, acsm2021, wiewelhove2019).
fn doms_tight_calves(library: &Library) -> Result<Program> {
    let mut m = Maker::new(library);
    // Soreness after exercise is usually in both calves, not one "affected" leg.
    let both_calves = |dose: &mut Dose| dose.side = Side::EachSide;
    let ease = PhaseSpec {
        id: m.id(),
        name: "Ease the soreness",
        goal: "Soreness fades by itself over a few days. Stretching does little for it; a warm bath, self-massage \
               and foam rolling can make the wait more comfortable",
        length: PhaseLength::Weeks(1),
        criteria: "The soreness has mostly gone: walking downstairs is comfortable.",
        measurable: Vec::new(),
    }
    .with(vec![
        m.default_rx("warm-bath-legs-raised")?,
        m.default_rx("self-massage-stroking")?,
        m.default_rx("self-massage-kneading")?,
        m.default_rx("self-massage-stripping")?,
        m.rx("sustained-pressure-tender-point", both_calves, Progression::Steady)?,
        m.rx("soleus-pressure-active-ankle", both_calves, Progression::Steady)?,
        m.default_rx("foam-roll-calf")?,
    ]);
    let supple = PhaseSpec {
        id: m.id(),
        name: "Keep the calves supple",
        goal: "Keep the calves loose and flexible as you get back to your usual exercise",
        length: PhaseLength::Weeks(3),
        criteria: "Keep going as long as it helps. See your therapist if the soreness lasts more than a week or \
                   keeps coming back.",
        measurable: Vec::new(),
    }
    .with(vec![
        m.default_rx("dynamic-calf-stretch")?,
        m.default_rx("gastrocnemius-stretch-wall")?,
        m.default_rx("soleus-stretch-wall")?,
        m.default_rx("foam-roll-calf")?,
        m.rx("self-massage-kneading", |dose| dose.days_per_week = 3, Progression::Steady)?,
    ]);
    program(
        About {
            title: "Sore, tight calves (DOMS): self-massage, stretching and foam rolling",
            description: "Calf soreness and tightness in the days after hard or unfamiliar exercise (delayed-onset \
                          muscle soreness), once other causes have been ruled out. It fades by itself, usually within \
                          a week (cheung2003). Stretching before or after exercise barely changes soreness (herbert2011, \
                          Cochrane: about 1 point on a 100-point scale), so stretches are kept for flexibility in \
                          stage 2, not offered as a cure. A warm bath with the legs raised (when needed), a short \
                          self-massage routine (5-10 minutes per leg, 3-4 times a week) and foam rolling are for \
                          comfort (seed-self-massage; seed-massage-technique; seed-running; acsm2021; \
                          wiewelhove2019). Pain rule: muscle soreness.",
            goals: &[
                "Feel more comfortable while the soreness fades by itself, usually within a week",
                "Know that stretching does little for soreness: massage, foam rolling and a warm bath are for comfort",
                "Comfortable walking, stairs and running again",
            ],
            notes: "Massage should feel firm but never sharp. Do not massage a calf that is swollen, warm, red or \
                    darkened, or throbbing, on one side only: these can be signs of a blood clot (see your safety \
                    page). If you are not sure why your leg hurts (joints, nerves, diabetes), see a doctor first.",
            pain_rule: PainRule::MuscleSoreness,
        },
        vec![ease, supple],
    )
}

/// Plantar heel pain: Renan-Ordine 2011's self-stretching and trigger-point pressure for 4 weeks, with Rathleff
/// 2015's high-load heel raise for 12 weeks (renanordine2011, rathleff2015, koc2023).
fn plantar_heel_pain(library: &Library) -> Result<Program> {
    let mut m = Maker::new(library);
    // Renan-Ordine 2011: each self-stretch held 20 s with 20 s rest, for 3 minutes, twice a day: 4 holds (the calf
    // stretches' safe range stops at 4 repetitions), about 3 minutes with the rests.
    let renan_ordine = |side: Side| {
        move |dose: &mut Dose| {
            dose.sets = 1;
            dose.reps = Some(4);
            dose.hold_seconds = Some(20);
            dose.times_per_day = 2;
            dose.days_per_week = 7;
            dose.side = side;
            note(dose, "Rest 20 seconds between holds: about 3 minutes in all.");
        }
    };
    let rathleff = |rows: &[(u32, u32, u32)]| {
        Progression::ByWeek(
            rows.iter()
                .map(|&(from_week, sets, reps)| WeekDose {
                    from_week,
                    sets,
                    reps: Some(reps),
                    hold_seconds: None,
                    load: Some(Load::RepetitionMaximum(reps)),
                })
                .collect(),
        )
    };
    let stretch = PhaseSpec {
        id: m.id(),
        name: "Stretch, release and start loading",
        goal: "Ease heel pain by stretching the calf and the sole of the foot, releasing tender points in the calf, \
               and starting to strengthen the foot and calf",
        length: PhaseLength::Weeks(4),
        criteria: "After 4 weeks, review with your therapist: the first steps in the morning should be getting \
                   easier, and the heel raise with the towel should be going well.",
        measurable: Vec::new(),
    }
    .with(vec![
        m.rx("plantar-fascia-stretch", renan_ordine(Side::Affected), Progression::Steady)?,
        m.rx("gastrocnemius-stretch-wall", renan_ordine(Side::EachSide), Progression::Steady)?,
        m.rx("soleus-stretch-wall", renan_ordine(Side::EachSide), Progression::Steady)?,
        m.default_rx("sustained-pressure-tender-point")?,
        m.rx("heel-raise-towel-high-load", |_| {}, rathleff(&[(1, 3, 12), (3, 4, 10)]))?,
        m.default_rx("footwear-advice")?,
    ]);
    let load = PhaseSpec {
        id: m.id(),
        name: "Heavier heel raises",
        goal: "Keep making the foot and calf stronger, adding books to the backpack as you go",
        length: PhaseLength::Weeks(8),
        criteria: "After 12 weeks in all, review with your therapist how the heel has responded.",
        measurable: Vec::new(),
    }
    .with(vec![
        m.rx("heel-raise-towel-high-load", sets_reps(4, 10), rathleff(&[(1, 4, 10), (3, 5, 8)]))?,
        m.rx("plantar-fascia-stretch", renan_ordine(Side::Affected), Progression::Steady)?,
    ]);
    program(
        About {
            title: "Plantar heel pain: stretching, trigger-point pressure and high-load heel raises",
            description: "Pain under the heel, worst with the first steps in the morning (plantar fasciitis). From \
                          Renan-Ordine 2011 (renanordine2011): the three self-stretches (calf with the knee straight, \
                          calf with the knee bent, sole of the foot), each held 20 seconds with 20 seconds' rest for \
                          3 minutes, twice a day, for 4 weeks. Not from Renan-Ordine: in the trial the trigger points \
                          were treated by a therapist (pressure release and a stroking technique, 4 days a week for 4 \
                          weeks); self-pressure at home here is an adaptation. Also not from Renan-Ordine: the \
                          high-load heel raise with a towel under the toes (rathleff2015: 3 x 12 RM, after 2 weeks 4 x \
                          10 RM, after 4 more weeks 5 x 8 RM, every other day, for 3 months) and footwear advice \
                          (koc2023 recommends orthoses and taping for short-term relief; add taping-by-therapist if \
                          you tape). Pain rule: the tendon pain-monitoring model, used here by analogy (practice: \
                          neither trial gave a pain rule).",
            goals: &["Less heel pain, especially with the first steps in the morning", "Walk and stand for longer"],
            notes: "Do the foot stretch before your first steps in the morning and before standing up after a long \
                    sit. Pressure on a tender point should ease within the hold; stop if it gets sharper.",
            pain_rule: PainRule::Tendinopathy,
        },
        vec![stretch, load],
    )
}

/// Shin pain from running (medial tibial stress syndrome): load management and cross-training, Moen's graded
/// running program, and calf and front-of-shin strength (moen2012, winters2013, osu-rtr2019 for the walk-run).
fn shin_pain(library: &Library) -> Result<Program> {
    let mut m = Maker::new(library);
    let settle = PhaseSpec {
        id: m.id(),
        name: "Settle and keep fit",
        goal: "Let the shin settle by cutting down running and jumping, while you keep fit and start strengthening",
        length: PhaseLength::Weeks(2),
        criteria: "You can walk briskly for 30 minutes without shin pain, and your therapist finds no single tender \
                   spot on the bone.",
        measurable: vec![measure("Brisk walking without shin pain", 30.0, "minutes")],
    }
    .with(vec![
        m.default_rx("relative-rest-load-modification")?,
        m.default_rx("cross-training")?,
        m.default_rx("footwear-advice")?,
        m.rx("heel-raise-double-leg-floor", sets_reps(3, 15), Progression::Steady)?,
        m.rx("heel-raise-seated", sets_reps(3, 15), Progression::Steady)?,
        m.default_rx("forefoot-lift")?,
    ]);
    let run = PhaseSpec {
        id: m.id(),
        name: "Graded running",
        goal: "Build running back in six small steps, three times a week",
        length: PhaseLength::UntilCriteriaMet,
        criteria: "You can run 18 minutes without stopping, at a pace where talking is hard, with shin pain at 4 out \
                   of 10 or less that has settled by the next day.",
        measurable: vec![measure("Running without stopping, shin pain 4 out of 10 or less", 18.0, "minutes")],
    }
    .with(vec![
        m.rx(
            "walk-run-intervals",
            |dose| {
                dose.duration_seconds = Some(960);
                "run 2 min, walk 2 min, 4 times".clone_into(&mut dose.tempo);
                note(
                    dose,
                    "Every other day. Step 1: run 2 minutes and walk 2 minutes, 4 times, at an easy pace. Step 2: the \
                     same, a little faster. Step 3: run 3 and walk 2, 4 times, easy. Step 4: the same, a little faster. \
                     Step 5: 16 minutes of easy running. Step 6: 18 minutes at a pace where talking is hard.",
                );
            },
            by_response(
                "Move up one step when you have finished the step you are on with shin pain at 4 out of 10 or less, \
                 settled by the next day",
            ),
        )?,
        m.rx("heel-raise-single-leg-floor", |dose| no_note(dose, 3, 10), add_reps(2, 20))?,
        m.rx("heel-raise-seated", sets_reps(3, 15), Progression::Steady)?,
        m.default_rx("forefoot-lift")?,
        m.default_rx("gait-cues-cadence")?,
        m.default_rx("cross-training")?,
    ]);
    program(
        About {
            title: "Shin pain from running: load, graded running and strength",
            description: "Pain along the inner edge of the shin bone from running (medial tibial stress syndrome, \
                          'shin splints'), once a stress fracture has been ruled out. No treatment is proven \
                          (winters2013, a systematic review). The best-tested is a graded running program: Moen 2012 \
                          (moen2012) ran six steps, every other day, up to 18 minutes at a hard pace, moving up when a \
                          step was done with pain at 4/10 or less; adding calf stretching and strengthening or a \
                          compression stocking did not make it faster. Here: less running and jumping with \
                          cross-training first, then Moen's steps (as reproduced by clinics). Calf and front-of-shin \
                          strength, footwear and cadence are practice, for general conditioning, not proven for shin \
                          pain. Pain rule: the therapist's own words, from Moen's 4/10.",
            goals: &[
                "Run again without shin pain",
                "Keep fit while the shin settles",
                "Stronger calves and shins for the running to come",
            ],
            notes: "Cut down running and jumping, but keep fit with cycling or swimming. Build running back one step \
                    at a time. Pain in one spot on the bone, or shin pain at night, is not part of this program: stop \
                    running and see a doctor.",
            pain_rule: PainRule::Custom(
                "Some shin pain while running is allowed if it stays at 4 out of 10 or less and has settled by the \
                 next day. Move up a running step only when you have finished the step you are on within that limit. \
                 If the pain is more, go back a step."
                    .to_owned(),
            ),
        },
        vec![settle, run],
    )
}
