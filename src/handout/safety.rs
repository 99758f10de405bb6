//! The safety text (`model::SafetyText`) as the template's `sys.inputs.safety`: typed Typst values that
//! `assets/handout/safety.typ` lays out as the safety page (`safety-page`) or a few lines (`safety-essentials`).
//!
//! The fields:
//! - `emergency_number` ("999": never blank);
//! - `pain`: `label`, `summary`, `short`, `scale` (bool: every zone has scores, so the 0-10 bar is drawn),
//!   `zones` (array of `colour` "green" | "amber" | "red", `scores` ("0–2" or ""), `from`, `to` (int or none),
//!   `title`, `advice`), `rules` (array of str);
//! - `call_clinic_if` (array of str);
//! - `red_flags`: array of `sign`, `may_be`, `action`, `urgency` ("emergency" | "same-day" | "doctor"), `tag`
//!   (the word on the tag: "Emergency", "Today", "See a doctor");
//! - `clot`, `lung_clot`: `title`, `intro`, `signs` (array of str), `action`, `after`.

use typst::foundations::{Array, Dict, Str, Value};

use crate::model::{PainRule, SafetyText, SignsBox};

/// The `safety` input for a program with this pain rule.
pub(crate) fn inputs(rule: &PainRule, emergency_number: &str) -> Value {
    let text = SafetyText::new(rule, emergency_number);
    let pain = &text.pain;
    let zones: Array = pain
        .zones
        .iter()
        .map(|zone| {
            let (from, to) = match zone.scores {
                Some((from, to)) => (Value::Int(i64::from(from)), Value::Int(i64::from(to))),
                None => (Value::None, Value::None),
            };
            dict([
                ("colour", string(zone.colour.name())),
                ("scores", string(&zone.scores_text())),
                ("from", from),
                ("to", to),
                ("title", string(&zone.title)),
                ("advice", string(&zone.advice)),
            ])
        })
        .collect();
    let scale = !pain.zones.is_empty() && pain.zones.iter().all(|zone| zone.scores.is_some());
    let red_flags: Array = text
        .red_flags
        .iter()
        .map(|flag| {
            dict([
                ("sign", string(&flag.sign)),
                ("may_be", string(&flag.may_be)),
                ("action", string(&flag.action)),
                ("urgency", string(flag.urgency.name())),
                ("tag", string(flag.urgency.tag())),
            ])
        })
        .collect();
    dict([
        ("emergency_number", string(&text.emergency_number)),
        (
            "pain",
            dict([
                ("label", string(pain.label)),
                ("summary", string(&pain.summary)),
                ("short", string(&pain.short)),
                ("scale", Value::Bool(scale)),
                ("zones", Value::Array(zones)),
                ("rules", strings(&pain.rules)),
            ]),
        ),
        ("call_clinic_if", strings(&text.call_clinic_if)),
        ("red_flags", Value::Array(red_flags)),
        ("clot", signs_box(&text.clot)),
        ("lung_clot", signs_box(&text.lung_clot)),
    ])
}

fn signs_box(signs: &SignsBox) -> Value {
    dict([
        ("title", string(&signs.title)),
        ("intro", string(&signs.intro)),
        ("signs", strings(&signs.signs)),
        ("action", string(&signs.action)),
        ("after", string(&signs.after)),
    ])
}

fn string(text: &str) -> Value {
    Value::Str(text.into())
}

fn strings(items: &[String]) -> Value {
    Value::Array(items.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).map(string).collect())
}

fn dict<const N: usize>(pairs: [(&str, Value); N]) -> Value {
    Value::Dict(pairs.into_iter().map(|(key, value)| (Str::from(key), value)).collect::<Dict>())
}

/// The number the handout prints: the clinic's setting, or, when that is blank, the one for the system's region
/// (112 when the region is unknown: Settings tells the therapist so, where it can be changed).
pub(crate) fn emergency_number(setting: &str) -> String {
    let setting = setting.trim();
    if !setting.is_empty() {
        return setting.to_owned();
    }
    crate::model::emergency_number_from_env(|name| std::env::var(name).ok()).number.to_owned()
}
