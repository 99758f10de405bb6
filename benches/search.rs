//! Search as you type over a large library: 5,000 generated exercises, typical queries, slips and a synonym.

use criterion::{Criterion, criterion_group, criterion_main};
use stepwise::library::{Library, SearchQuery, Source};
use stepwise::model::{BodyRegion, Dose, DoseRange, Exercise, ExerciseKind};

fn generated_library(size: usize) -> Library {
    const WORDS: [&str; 16] = [
        "heel", "raise", "drop", "calf", "soleus", "stretch", "hip", "bridge", "balance", "foam", "nerve", "slider",
        "ankle", "toe", "step", "massage",
    ];
    let exercises = (0..size)
        .map(|i| {
            let word = |k: usize| WORDS[(i * 7 + k * 3) % WORDS.len()];
            Exercise {
                id: format!("exercise-{i}"),
                name: format!("{} {} {} variation {i}", word(0), word(1), word(2)),
                other_names: vec![format!("{} {}", word(3), word(4))],
                region: BodyRegion::ALL[i % BodyRegion::ALL.len()],
                kind: ExerciseKind::ALL[i % ExerciseKind::ALL.len()],
                equipment: vec![["Step", "Wall", "Chair", "Foam roller"][i % 4].to_owned()],
                goal: format!("Improve the {} and the {}", word(5), word(6)),
                steps: (0..5)
                    .map(|s| format!("Step {s}: move the {} then the {} slowly", word(s), word(s + 1)))
                    .collect(),
                short_steps: Vec::new(),
                cues: vec!["Slowly".into()],
                common_mistakes: vec!["Rushing".into()],
                cautions: vec!["Stop if sharp pain".into()],
                default_dose: Dose::default(),
                safe_range: DoseRange::default(),
                progressions: vec![],
                regressions: vec![],
                references: vec!["martin2018".into()],
                illustration: format!("exercise-{i}"),
                tags: vec![word(7).to_owned(), word(8).to_owned()],
                therapist_note: String::new(),
            }
        })
        .collect();
    Library::from_exercises(Source::User, exercises)
}

fn search(c: &mut Criterion) {
    let library = generated_library(5_000);
    // Typical queries, then slips the search forgives and a synonym (each forgiving scan reads every word).
    for query in
        ["heel drop", "sol", "calf stretch", "nerve slider", "massage", "calf strech", "balnce sldier", "tip-toe"]
    {
        let query = SearchQuery::text(query);
        c.bench_function(&format!("search 5000 exercises: {:?}", query.text), |b| b.iter(|| library.search(&query)));
    }
    let builtin = Library::builtin().expect("built-in library");
    for query in ["heel drop", "gastrocnemeus"] {
        let query = SearchQuery::text(query);
        c.bench_function(&format!("search built-in library: {:?}", query.text), |b| b.iter(|| builtin.search(&query)));
    }
}

criterion_group!(benches, search);
criterion_main!(benches);
