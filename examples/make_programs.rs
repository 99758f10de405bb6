//! Writes the ready-made programs in `programs/` from the built-in library: `cargo run --example make_programs`.
//!
//! A program file is self-contained: every prescription carries a copy of its exercise. Copying that text by hand
//! would drift from the library, so each program is written here as library ids, doses and progression rules; the
//! exercise copies come from `Library::builtin()`. Run it again whenever the library changes (`tests/programs.rs`
//! fails when a copy no longer matches). Every program is validated before it is written, and nothing is written
//! if any program has a problem.
//!
//! Doses start from the library's default dose and change only what the protocol says, so a protocol's numbers are
//! visible at a glance below. Sources are the keys of `clinical-sources.md`.

use std::error::Error;
use std::path::Path;

use stepwise::files;
use stepwise::library::Library;
use stepwise::model::{
    Date, Dose, Load, MeasurableCriterion, Phase, PhaseLength, Prescription, Program, Progression, Side, WeekDose,
    validate_program,
};

type Result<T> = std::result::Result<T, Box<dyn Error>>;

/// The pain-monitoring model (silbernagel2007) in the patient's words: printed in the notes of every program
/// that uses it.
const PAIN_RULES: &str = "How much pain is all right: score your pain from 0 (none) to 10 (the worst you can \
imagine). 0-2 is safe. 3-5 is acceptable. Above 5 is too much: do less next time. Pain during an exercise may \
reach 5. Any pain after exercise should have settled by the next morning, and pain and stiffness should not build \
up from week to week. If one of these rules is broken, make the exercises easier; if they all hold, keep going or \
do a little more.";

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
    ];
    // Check everything before writing anything: a half-updated folder is worse than an old one.
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

fn program(title: &str, description: &str, goals: &[&str], notes: &str, phases: Vec<Phase>) -> Result<Program> {
    // Templates get a fixed Monday; "New from template" sets the patient's own start date.
    let start = Date::new(2026, 1, 5).ok_or("2026-01-05 is a date")?;
    Ok(Program {
        title: title.to_owned(),
        description: description.to_owned(),
        goals: goals.iter().map(|goal| (*goal).to_owned()).collect(),
        notes: notes.to_owned(),
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

/// Alfredson's eccentric protocol (alfredson1998, martin2018).
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
        "Alfredson eccentric heel drops: mid-portion Achilles tendinopathy",
        "Long-standing pain in the middle of the Achilles tendon, a few centimetres above the heel. Slow heel drops \
         off a step on the painful leg, knee straight and knee bent, 3 x 15 of each, twice a day, every day, for 12 \
         weeks (alfredson1998; martin2018). Some pain during the exercise is expected. Not for pain where the tendon \
         meets the heel bone: there, lower only to floor level (eccentric heel drop to the floor).",
        &["Less Achilles pain in daily life and sport", "A stronger calf and Achilles tendon"],
        "Some pain during these exercises is expected and is fine, as long as it is not disabling. Call the clinic \
         if the pain is worse the next morning or builds up from week to week. When the heel drops no longer hurt, \
         add weight in a backpack, a little at a time.",
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
        "Silbernagel Achilles program with pain monitoring",
        "Mid-portion Achilles tendinopathy in active people who want to keep running or playing sport. Four phases \
         over about 6 months, from heel raises on the floor to weighted, quick and jumping work, with the \
         pain-monitoring model deciding how much is enough (silbernagel2007; silbernagel2015). In the source the \
         phases overlap (weeks 1-2, 2-5, 3-12, then to 6 months); here they follow each other at weeks 1-2, 3-5, \
         6-12 and 13-26, and the criteria say when to move on.",
        &[
            "Less Achilles pain",
            "Keep running or playing sport while the tendon recovers",
            "A strong calf for the long term",
        ],
        &format!(
            "{PAIN_RULES} Running and jumping can carry on throughout, as long as the pain stays within these rules."
        ),
        vec![phase_1, phase_2, phase_3, phase_4],
    )
}

/// Heavy slow resistance (beyer2015): the dose table by week.
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
        m.rx("heavy-slow-heel-raise-standing", sets_reps(3, 15), table())?,
    ]);
    program(
        "Heavy slow resistance: Achilles tendinopathy (gym)",
        "Mid-portion Achilles tendinopathy in people with access to a gym. Slow, heavy heel raises, seated (knee \
         bent) and standing (knee straight), 3 times a week for 12 weeks, 3 seconds up and 3 seconds down. The \
         weight goes up as the repetitions go down: 3 x 15 RM in week 1, 3 x 12 in weeks 2-3, 4 x 10 in weeks 4-5, \
         4 x 8 in weeks 6-8 and 4 x 6 in weeks 9-12 (beyer2015). An alternative to the Alfredson heel drops.",
        &["Less Achilles pain", "A stronger calf and Achilles tendon"],
        &format!(
            "{PAIN_RULES} \"15 RM\" means the heaviest weight you can lift 15 times with good form: as the weeks \
             go by the number falls and the weight rises."
        ),
        vec![phase],
    )
}

/// Calf muscle strain from injury to running (green2017, green2020, martin2018, heberlosier2009).
fn calf_strain(library: &Library) -> Result<Program> {
    let mut m = Maker::new(library);
    let gentle = |dose: &mut Dose| {
        note(dose, "Gently: a mild pull, never pain where the muscle was hurt. 3 holds of 30 seconds on each leg.");
    };

    let protect = PhaseSpec {
        id: m.id(),
        name: "Protect",
        goal: "Let the muscle settle for the first few days while keeping the ankle moving",
        length: PhaseLength::Weeks(1),
        criteria: "You walk around the house without limping, and gentle ankle movement is comfortable.",
        measurable: Vec::new(),
    }
    .with(vec![
        m.default_rx("relative-rest-load-modification")?,
        m.default_rx("compression-sleeve")?,
        m.default_rx("ankle-pumps")?,
        m.default_rx("ankle-circles")?,
    ]);

    let load = PhaseSpec {
        id: m.id(),
        name: "Load",
        goal: "Start strengthening the calf and get its full length back",
        length: PhaseLength::UntilCriteriaMet,
        criteria: "3 sets of 15 double-leg heel raises are easy and pain-free, and you walk without a limp.",
        measurable: vec![measure("Double-leg heel raises in a row, without pain", 15.0, "repetitions")],
    }
    .with(vec![
        m.rx("heel-raise-seated", sets_reps(3, 10), add_reps(2, 15))?,
        m.rx("heel-raise-double-leg-floor", sets_reps(3, 10), add_reps(2, 15))?,
        m.rx("gastrocnemius-stretch-wall", gentle, Progression::Steady)?,
        m.rx("soleus-stretch-wall", gentle, Progression::Steady)?,
        m.default_rx("glute-bridge")?,
        m.default_rx("side-lying-hip-abduction")?,
    ]);

    let spring = PhaseSpec {
        id: m.id(),
        name: "Strength and spring",
        goal: "Rebuild single-leg strength and springiness, ready for running",
        length: PhaseLength::UntilCriteriaMet,
        criteria: "Ready to run when you walk briskly without pain, can do about 25 single-leg heel raises on the \
                   injured leg (or within 10 % of the other leg; fewer is normal with age: 25 is a common clinical \
                   target), and 10-20 single-leg hops without pain.",
        measurable: vec![
            measure(
                "Single-leg heel raises in a row, injured leg",
                25.0,
                "repetitions (or within 10 % of the other leg)",
            ),
            measure("Single-leg hops without pain, injured leg", 10.0, "hops"),
        ],
    }
    .with(vec![
        m.rx("heel-raise-single-leg-step", sets_reps(3, 10), add_reps(2, 20))?,
        m.rx(
            "heel-raise-single-leg-weighted",
            |dose| {
                sets_reps(3, 8)(dose);
                note(dose, "The starting weight is a suggestion only: your therapist sets it.");
            },
            add_reps(2, 12),
        )?,
        m.rx("skipping", sets_reps(3, 10), add_reps(5, 20))?,
        m.rx(
            "pogo-hops",
            |dose| {
                sets_reps(3, 10)(dose);
                note(dose, "Stop and go back a step if the calf hurts sharply when you land.");
            },
            add_reps(5, 20),
        )?,
        m.default_rx("single-leg-bridge")?,
        m.default_rx("step-up")?,
    ]);

    let run = PhaseSpec {
        id: m.id(),
        name: "Back to running",
        goal: "Build up to 30 minutes of continuous running",
        length: PhaseLength::Weeks(3),
        criteria: "You run for 30 minutes without stopping and without pain, and the calf is no worse the next \
                   morning.",
        measurable: vec![measure("Continuous running without pain", 30.0, "minutes")],
    }
    .with(vec![
        m.rx(
            "walk-run-intervals",
            |_| {},
            by_response(
                "When a session leaves the calf no worse the next morning, run a little longer and walk a little \
                 less next time, building up to 30 minutes of continuous running over 2-3 weeks",
            ),
        )?,
        m.default_rx("dynamic-calf-stretch")?,
        m.rx(
            "heel-raise-single-leg-weighted",
            |dose| {
                sets_reps(3, 12)(dose);
                dose.days_per_week = 3;
                note(dose, "Keep the weight you reached in the last phase.");
            },
            Progression::Steady,
        )?,
        m.rx("single-leg-hops", sets_reps(3, 10), add_reps(5, 20))?,
    ]);

    program(
        "Calf muscle strain: from injury back to running",
        "A strained or torn calf muscle (gastrocnemius or soleus). Protect it for the first few days, then load it \
         step by step: heel raises, gentle stretches and hip strength; then single-leg and weighted raises, \
         skipping and hopping; then a walk-run build-up to 30 minutes. Move on by the criteria, not by the \
         calendar (green2017; green2020; martin2018; heberlosier2009).",
        &["Walk normally without pain", "Run again", "Lower the risk of straining the calf again"],
        "Move on when you meet the criteria, not by the date. Mild discomfort is fine; a sharp pain in the calf \
         during an exercise means stop and go back a step. Do not rest completely and then go straight back to \
         full running.",
        vec![protect, load, spring, run],
    )
}

/// Runners' calf pain: load management, strength, gait (seed-gophysio, seed-running, heiderscheit2011, martin2018).
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
        "Runner's calf pain: load, strength and running style",
        "Calf pain from running, once a tear, a stress fracture and a blood clot have been ruled out. Keep running \
         within the pain rules while changing the load (distance, time, speed, hills, fewer hard sessions); \
         strengthen the calf, hip, knee and foot; and adjust the running style (step rate up 5-10 %, softer \
         landings, shorter steps). Do not stop completely and then go straight back to the old training (seed-gophysio; \
         seed-running; heiderscheit2011; martin2018).",
        &["Keep running while the calf settles", "Stronger calves, hips and feet", "Back to your usual training"],
        &format!("{PAIN_RULES} Build your running back gradually: change one thing at a time."),
        vec![adjust, build],
    )
}

/// Sore, tight calves (seed-self-massage, seed-massage-technique, seed-running, acsm2021, wiewelhove2019).
fn doms_tight_calves(library: &Library) -> Result<Program> {
    let mut m = Maker::new(library);
    // Soreness after exercise is usually in both calves, not one "affected" leg.
    let both_calves = |dose: &mut Dose| dose.side = Side::EachSide;
    let ease = PhaseSpec {
        id: m.id(),
        name: "Ease the soreness",
        goal: "Calm sore, tight calves with warmth, self-massage, stretching and foam rolling",
        length: PhaseLength::Weeks(1),
        criteria: "The soreness has mostly gone: walking downstairs is comfortable.",
        measurable: vec![measure("Calf soreness walking downstairs", 2.0, "out of 10 or less")],
    }
    .with(vec![
        m.default_rx("warm-bath-legs-raised")?,
        m.default_rx("self-massage-stroking")?,
        m.default_rx("self-massage-kneading")?,
        m.default_rx("self-massage-stripping")?,
        m.rx("sustained-pressure-tender-point", both_calves, Progression::Steady)?,
        m.rx("soleus-pressure-active-ankle", both_calves, Progression::Steady)?,
        m.default_rx("gastrocnemius-stretch-wall")?,
        m.default_rx("soleus-stretch-wall")?,
        m.default_rx("foam-roll-calf")?,
    ]);
    let supple = PhaseSpec {
        id: m.id(),
        name: "Keep the calves supple",
        goal: "Keep the calves loose as you get back to your usual exercise",
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
        "Sore, tight calves (DOMS): self-massage, stretching and foam rolling",
        "Calf soreness and tightness in the days after hard or unfamiliar exercise (delayed-onset muscle \
         soreness), once other causes have been ruled out. A warm bath with the legs raised, a short self-massage \
         routine (5-10 minutes per leg, 3-4 times a week), calf stretches and foam rolling (seed-self-massage; \
         seed-massage-technique; seed-running; acsm2021; wiewelhove2019).",
        &["Less soreness and stiffness", "Comfortable walking, stairs and running"],
        "Massage should feel firm but never sharp. Do not massage a calf that is swollen, warm, red or throbbing \
         on one side only: these can be signs of a blood clot, which needs a doctor the same day. If you are not \
         sure why your leg hurts (joints, nerves, diabetes), see a doctor first.",
        vec![ease, supple],
    )
}

/// Plantar heel pain after Renan-Ordine 2011 (renanordine2011, digiovanni2003, koc2023).
fn plantar_heel_pain(library: &Library) -> Result<Program> {
    let mut m = Maker::new(library);
    let calf_stretch = |dose: &mut Dose| {
        dose.side = Side::EachSide;
        note(dose, "3 holds of 30 seconds on each leg.");
    };
    let phase = PhaseSpec {
        id: m.id(),
        name: "Stretch and release",
        goal: "Ease heel pain by stretching the calf and the sole of the foot and releasing tender points in the calf",
        length: PhaseLength::Weeks(4),
        criteria: "After 4 weeks, review with your therapist: the first steps in the morning should be getting \
                   easier.",
        measurable: Vec::new(),
    }
    .with(vec![
        m.default_rx("plantar-fascia-stretch")?,
        m.rx("gastrocnemius-stretch-wall", calf_stretch, Progression::Steady)?,
        m.rx("soleus-stretch-wall", calf_stretch, Progression::Steady)?,
        m.default_rx("sustained-pressure-tender-point")?,
    ]);
    program(
        "Plantar heel pain: stretching and trigger-point pressure",
        "Pain under the heel, worst with the first steps in the morning (plantar fasciitis). After Renan-Ordine \
         2011: daily self-stretching of the calf and of the sole of the foot, with pressure on tender points in \
         the calf, for 4 weeks (in the trial the therapist also treated the trigger points in the clinic). The \
         plantar-fascia stretch is 10 holds of 10 seconds, 3 times a day (digiovanni2003); calf stretches are 3 x \
         30 seconds (koc2023) (renanordine2011).",
        &["Less heel pain, especially with the first steps in the morning", "Walk and stand for longer"],
        "Do the plantar-fascia stretch before your first steps in the morning and before standing up after a long \
         sit. Pressure on a tender point should ease within the hold; stop if it gets sharper.",
        vec![phase],
    )
}
