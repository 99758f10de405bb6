//! What every handout says about safety, as plain data: the pain rule a program follows (with its traffic
//! light), when to stop and call the clinic, the red flags with what to do and how fast, the signs of a blood
//! clot in the leg and of one that has reached the lung, and the emergency number for the system's region.
//!
//! One place for these words, so the printed handout, the one-page summary and the HTML export never say
//! different things. Nothing here knows Typst or HTML: `handout::safety` and the export turn it into their own
//! form. Patient words are our own, written from the sources named beside each item
//! (`clinical-sources.md`, "Verified 2026-12-01"); a number that is practice rather than a trial's says so in
//! `PainRuleText::therapist_note`.

use serde::{Deserialize, Serialize};

use super::emergency::FALLBACK_EMERGENCY_NUMBER;

/// How much pain a program allows: one rule per program, chosen by the therapist. The traffic light, the notes
/// and every printed exercise text follow it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum PainRule {
    /// Silbernagel's pain-monitoring model for tendon pain: up to 5 out of 10 during exercise, settled by the
    /// next morning, no worse from week to week (`silbernagel2007`).
    #[default]
    Tendinopathy,
    /// Alfredson's heel drops: pain during the exercise is accepted unless it is disabling; weight is added when
    /// the exercise is pain-free (`alfredson1998`).
    Alfredson,
    /// Heavy slow resistance: discomfort is fine; if pain is worse after a session, the next one is lighter
    /// (`beyer2015`).
    HeavySlowResistance,
    /// A strained or torn muscle: exercise pain-free or nearly so; any sharp pain stops the exercise.
    AcuteMuscleInjury,
    /// Soreness after unaccustomed exercise (DOMS): expected, worst at 1-3 days, usually gone within a week
    /// (`cheung2003`).
    MuscleSoreness,
    /// The therapist's own words, printed as written. No traffic light is drawn: we will not invent numbers for
    /// a rule we did not write.
    Custom(String),
}

/// The colour of a traffic-light zone; every colour also has a word on the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ZoneColour {
    Green,
    Amber,
    Red,
}

impl ZoneColour {
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Green => "green",
            Self::Amber => "amber",
            Self::Red => "red",
        }
    }
}

/// One zone of the traffic light: "0-2 Safe: carry on".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PainZone {
    pub colour: ZoneColour,
    /// The scores in this zone (0 to 10, inclusive), or `None` when the rule is not about scores (Alfredson's
    /// "disabling" pain has no number).
    pub scores: Option<(u8, u8)>,
    /// A short heading: "Safe", "Acceptable", "Too much".
    pub title: String,
    /// What the patient does: "Carry on with your exercises."
    pub advice: String,
}

impl PainZone {
    /// "0–2", or "" for a zone with no scores.
    #[must_use]
    pub fn scores_text(&self) -> String {
        match self.scores {
            Some((from, to)) if from == to => from.to_string(),
            Some((from, to)) => format!("{from}–{to}"),
            None => String::new(),
        }
    }
}

/// A pain rule in the patient's words, with its traffic light and its source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PainRuleText {
    /// The therapist's name for the rule, for the rule selector: "Tendon pain: pain-monitoring model".
    pub label: &'static str,
    /// One or two sentences for the patient, above the traffic light.
    pub summary: String,
    /// The traffic light, green to red. Empty for the therapist's own words.
    pub zones: Vec<PainZone>,
    /// Rules that hold from day to day and week to week ("Pain after exercise must have settled by the next
    /// morning").
    pub rules: Vec<String>,
    /// When to call the clinic because of this rule ("the pain is worse the next morning ...").
    pub call_if: Vec<String>,
    /// The same rule in one line, for the one-page summary.
    pub short: String,
    /// The highest pain score (0-10) the rule names as acceptable during exercise; `None` when it names no
    /// score, so any "N out of 10" in the program says something the rule does not.
    pub highest_score: Option<u8>,
    /// Source keys from `clinical-sources.md`.
    pub sources: &'static [&'static str],
    /// For the therapist only: what is the source's and what is practice.
    pub therapist_note: &'static str,
}

impl PainRule {
    /// The rules a therapist chooses from, in the selector's order (the therapist's own words last).
    pub const BUILT_IN: [Self; 5] =
        [Self::Tendinopathy, Self::Alfredson, Self::HeavySlowResistance, Self::AcuteMuscleInjury, Self::MuscleSoreness];

    /// A short name for the selector.
    #[must_use]
    pub fn label(&self) -> &'static str {
        match self {
            Self::Tendinopathy => "Tendon pain: pain-monitoring model (Silbernagel)",
            Self::Alfredson => "Alfredson heel drops: pain accepted unless disabling",
            Self::HeavySlowResistance => "Heavy slow resistance: discomfort fine, lighter if worse after (Beyer)",
            Self::AcuteMuscleInjury => "Muscle strain: pain-free or nearly, stop on sharp pain",
            Self::MuscleSoreness => "Muscle soreness (DOMS): expected, fades within days",
            Self::Custom(_) => "The therapist's own words",
        }
    }

    /// The rule in the patient's words.
    #[must_use]
    #[allow(clippy::too_many_lines)] // One rule after another: splitting it would only scatter the wording.
    pub fn text(&self) -> PainRuleText {
        let zone = |colour, scores, title: &str, advice: &str| PainZone {
            colour,
            scores,
            title: title.to_owned(),
            advice: advice.to_owned(),
        };
        let owned = |items: &[&str]| items.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        match self {
            Self::Tendinopathy => PainRuleText {
                label: self.label(),
                summary: "Some pain is allowed. Score it from 0 (no pain) to 10 (the worst you can imagine)."
                    .to_owned(),
                zones: vec![
                    zone(ZoneColour::Green, Some((0, 2)), "Safe", "Carry on with your exercises."),
                    zone(
                        ZoneColour::Amber,
                        Some((3, 5)),
                        "Acceptable",
                        "Carry on, if it has settled by the next morning.",
                    ),
                    zone(
                        ZoneColour::Red,
                        Some((6, 10)),
                        "Too much",
                        "Stop this exercise today. Do less next time; tell your therapist.",
                    ),
                ],
                rules: owned(&[
                    "Pain after exercise must have settled by the next morning.",
                    "Pain and stiffness must not build up from week to week: if they do, do less.",
                ]),
                call_if: owned(&["pain that is worse the next morning, or that builds from week to week"]),
                short: "Pain up to 5 out of 10 during exercise is all right if it has settled by the next morning \
                        and is no worse from week to week."
                    .to_owned(),
                highest_score: Some(5),
                sources: &["silbernagel2007"],
                therapist_note: "Silbernagel's pain-monitoring model: pain up to 5/10 during and after activity, \
                                 settled by the next morning, no increase from week to week (silbernagel2007). The \
                                 colour bands 0-2 / 3-5 / 6-10 are the usual drawing of the model, not the paper's.",
            },
            Self::Alfredson => PainRuleText {
                label: self.label(),
                summary: "Some pain during these exercises is expected. Keep going with the full dose unless the \
                          pain is disabling."
                    .to_owned(),
                zones: vec![
                    zone(
                        ZoneColour::Green,
                        None,
                        "No pain",
                        "The exercise no longer hurts: add weight in a backpack, a little at a time.",
                    ),
                    zone(
                        ZoneColour::Amber,
                        None,
                        "Pain you can work through",
                        "Expected. Carry on with the full dose.",
                    ),
                    zone(
                        ZoneColour::Red,
                        None,
                        "Disabling pain",
                        "The pain stops you doing the exercise properly: stop for today and tell your therapist.",
                    ),
                ],
                rules: owned(&["Pain and stiffness must not get worse from week to week."]),
                call_if: owned(&["pain that is disabling, or that builds up from week to week"]),
                short: "Some pain during the heel drops is expected: carry on unless it is disabling. When they no \
                        longer hurt, add weight."
                    .to_owned(),
                highest_score: None,
                sources: &["alfredson1998"],
                therapist_note: "Alfredson 1998: the patients were told to go on despite pain, and to stop only if \
                                 the pain became disabling; load was added when the exercise was pain-free. The paper \
                                 gives no pain score, so the handout prints none. The week-to-week rule is practice.",
            },
            Self::HeavySlowResistance => PainRuleText {
                label: self.label(),
                summary: "Some discomfort while you lift is fine. What matters is how the tendon feels after the \
                          session."
                    .to_owned(),
                zones: vec![
                    zone(
                        ZoneColour::Green,
                        None,
                        "No pain, or discomfort while lifting",
                        "Fine. Keep to the weights in your plan.",
                    ),
                    zone(
                        ZoneColour::Amber,
                        None,
                        "Pain worse after a session",
                        "Make the next session lighter, or stay at this week's weight for longer.",
                    ),
                    zone(
                        ZoneColour::Red,
                        None,
                        "Sharp pain while lifting",
                        "Stop the exercise for today and tell your therapist.",
                    ),
                ],
                rules: owned(&["Pain and stiffness must not get worse from week to week."]),
                call_if: owned(&[
                    "pain that is still worse after two lighter sessions, or builds up from week to week",
                ]),
                short: "Discomfort while lifting is fine; if pain is worse after a session, make the next one \
                        lighter."
                    .to_owned(),
                highest_score: None,
                sources: &["beyer2015"],
                therapist_note: "Beyer 2015: discomfort during the exercises was accepted; if pain was worse after \
                                 training, the load was reduced or progressed more slowly. \"After two lighter \
                                 sessions\" as the point to call is practice, not the trial's.",
            },
            Self::AcuteMuscleInjury => PainRuleText {
                label: self.label(),
                summary: "While the muscle heals, exercise should be free of pain, or nearly so. A mild stretch or \
                          tightness is fine; pain is not."
                    .to_owned(),
                zones: vec![
                    zone(ZoneColour::Green, Some((0, 0)), "No pain", "Carry on."),
                    zone(
                        ZoneColour::Amber,
                        Some((1, 2)),
                        "Mild discomfort",
                        "Carry on gently. It should fade within minutes after you stop.",
                    ),
                    zone(
                        ZoneColour::Red,
                        Some((3, 10)),
                        "Pain, or any sharp pain",
                        "Stop this exercise. Next time go back a step; tell your therapist.",
                    ),
                ],
                rules: owned(&[
                    "Any sharp pain in the injured muscle stops the exercise at once, whatever its score.",
                    "The muscle should feel no worse the next morning.",
                ]),
                call_if: owned(&["pain, swelling or bruising that gets worse from day to day"]),
                short: "Exercise free of pain, or nearly so (2 out of 10 at most); any sharp pain stops the exercise."
                    .to_owned(),
                highest_score: Some(2),
                sources: &["green2022"],
                therapist_note: "Exercise within comfort and no sharp pain (green2022: experts' return-to-play \
                                 criteria after calf strain, 0/10 pain, tightness or cramping before return to sport). \
                                 The 0 / 1-2 / 3-10 bands are practice, not from a trial.",
            },
            Self::MuscleSoreness => PainRuleText {
                label: self.label(),
                summary: "Soreness after hard or new exercise is normal. It is often worst 1 to 3 days later, then \
                          fades, and is usually gone within a week."
                    .to_owned(),
                zones: vec![
                    zone(ZoneColour::Green, None, "Sore and stiff, easing as you move", "Normal. Keep moving gently."),
                    zone(
                        ZoneColour::Amber,
                        None,
                        "Not getting better after 5 days",
                        "Take it easier and tell your therapist.",
                    ),
                    zone(
                        ZoneColour::Red,
                        None,
                        "Sharp pain, or one calf swollen",
                        "Stop, and read the warning signs below.",
                    ),
                ],
                rules: owned(&["Soreness should be fading day by day, not building up."]),
                call_if: owned(&[
                    "soreness that is not getting better after 5 days, or that gets worse instead of better",
                ]),
                short: "Soreness after exercise is normal: worst 1 to 3 days later, usually gone within a week."
                    .to_owned(),
                highest_score: None,
                sources: &["cheung2003"],
                therapist_note: "Soreness rises over the first day, peaks at 24-72 hours and is gone after about 5-7 \
                                 days (cheung2003, a review; seen as reproduced on secondary pages). Calling when it \
                                 is not better after 5 days is practice.",
            },
            Self::Custom(words) => PainRuleText {
                label: self.label(),
                summary: words.trim().to_owned(),
                zones: Vec::new(),
                rules: Vec::new(),
                call_if: Vec::new(),
                short: words.trim().to_owned(),
                highest_score: highest_score_in(words),
                sources: &[],
                therapist_note: "Your own words are printed as written.",
            },
        }
    }
}

/// How soon to act on a red flag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Urgency {
    /// Call the emergency number now.
    Emergency,
    /// Go to A&E / be seen the same day.
    SameDay,
    /// Make an appointment with a doctor soon.
    SeeADoctor,
}

impl Urgency {
    /// The word printed on the tag beside the sign.
    #[must_use]
    pub fn tag(self) -> &'static str {
        match self {
            Self::Emergency => "Emergency",
            Self::SameDay => "Today",
            Self::SeeADoctor => "Soon",
        }
    }

    /// The word the template chooses a colour by.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Emergency => "emergency",
            Self::SameDay => "same-day",
            Self::SeeADoctor => "doctor",
        }
    }
}

/// A warning sign that needs more than the clinic: what the patient notices, what it may be, what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RedFlag {
    pub sign: String,
    /// What it may mean, in plain words: "a torn Achilles tendon".
    pub may_be: String,
    pub action: String,
    pub urgency: Urgency,
}

/// A box of signs and what to do about them (the blood-clot boxes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignsBox {
    pub title: String,
    pub intro: String,
    pub signs: Vec<String>,
    pub action: String,
    /// One more line under the action, or "".
    pub after: String,
}

/// Everything the safety page says, for one program and one emergency number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SafetyText {
    pub pain: PainRuleText,
    /// "Stop and call the clinic if you have": the general items and the pain rule's own.
    pub call_clinic_if: Vec<String>,
    pub red_flags: Vec<RedFlag>,
    /// Deep vein thrombosis, in the NHS's signs.
    pub clot: SignsBox,
    /// A clot that has reached the lung: call the emergency number at once.
    pub lung_clot: SignsBox,
    pub emergency_number: String,
}

impl SafetyText {
    /// The safety text for a program with this pain rule, with this emergency number ("999"). A blank number
    /// is replaced by 112, which works in most of Europe and on mobile phones in many other countries: the
    /// page never tells a patient to call nothing.
    #[must_use]
    pub fn new(rule: &PainRule, emergency_number: &str) -> Self {
        let number = match emergency_number.trim() {
            "" => FALLBACK_EMERGENCY_NUMBER,
            number => number,
        };
        let pain = rule.text();
        let mut call_clinic_if = vec![
            "a sharp or sudden pain during an exercise".to_owned(),
            "numbness, pins and needles, or weakness in your leg or foot".to_owned(),
        ];
        call_clinic_if.extend(pain.call_if.iter().cloned());
        Self {
            call_clinic_if,
            red_flags: red_flags(number),
            clot: SignsBox {
                title: "Signs of a blood clot (DVT)".to_owned(),
                intro: "Rare but serious. Usually in one leg only:".to_owned(),
                signs: vec![
                    "throbbing or cramping pain in the calf or thigh".to_owned(),
                    "swelling".to_owned(),
                    "warm skin around the painful area".to_owned(),
                    "red or darkened skin there (harder to see on brown or black skin)".to_owned(),
                    "swollen veins that are hard or sore to touch".to_owned(),
                ],
                action: "If you notice any of these: do not massage or exercise the leg, and seek urgent medical \
                         care today."
                    .to_owned(),
                after: "A clot's pain can ease when you rest: that does not mean all is well.".to_owned(),
            },
            lung_clot: SignsBox {
                title: format!("Call {number} at once if you have"),
                intro: String::new(),
                signs: vec![
                    "sudden shortness of breath".to_owned(),
                    "chest pain that is worse when you breathe in".to_owned(),
                    "coughing up blood".to_owned(),
                ],
                action: format!("A clot may have reached the lung: call {number} now."),
                after: String::new(),
            },
            emergency_number: number.to_owned(),
            pain,
        }
    }
}

/// The red flags every handout lists (Verified 2026-12-01: Bupa UK and patient.info for rupture and
/// compartment syndrome; infection, claudication and stress fracture are practice).
fn red_flags(number: &str) -> Vec<RedFlag> {
    let flag = |sign: &str, may_be: &str, action: String, urgency| RedFlag {
        sign: sign.to_owned(),
        may_be: may_be.to_owned(),
        action,
        urgency,
    };
    vec![
        flag(
            "Severe, growing pain in a tense, swollen calf, worse when your toes are pulled up, or a numb foot",
            "pressure building up inside the muscle",
            format!("Call {number}, or go to A&E now."),
            Urgency::Emergency,
        ),
        flag(
            "A sudden snap or a kick felt at the back of the ankle, and you cannot stand on tiptoe on that leg",
            "a torn Achilles tendon",
            "Go to A&E today.".to_owned(),
            Urgency::SameDay,
        ),
        flag(
            "Fever, with redness spreading over the leg",
            "infection",
            "See a doctor today.".to_owned(),
            Urgency::SameDay,
        ),
        flag(
            "Calf pain that comes on after walking a set distance and goes within minutes of standing still",
            "poor blood flow",
            "See your doctor.".to_owned(),
            Urgency::SeeADoctor,
        ),
        flag(
            "Pain in one spot on the shin bone, worse with activity or at night",
            "a stress fracture",
            "See your doctor; no running until then.".to_owned(),
            Urgency::SeeADoctor,
        ),
    ]
}

/// Every pain score a text states: "5 out of 10", "5/10", "5 / 10". Used by `stepwise check` and
/// the tests to find pain numbers a program's rule does not allow.
#[must_use]
pub fn pain_scores_in(text: &str) -> Vec<u8> {
    let lower = text.to_lowercase();
    let chars: Vec<char> = lower.chars().collect();
    let mut scores = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        // A number straight after a slash is the "10" of "/10", not a score.
        if chars[i].is_ascii_digit() && (i == 0 || !(chars[i - 1].is_ascii_digit() || chars[i - 1] == '/')) {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            let number: String = chars[start..i].iter().collect();
            let rest: String = chars[i..].iter().take(12).collect();
            let rest = rest.trim_start();
            let out_of_ten = ["out of 10", "/10", "/ 10"]
                .iter()
                .any(|tail| rest.starts_with(tail) && !rest[tail.len()..].starts_with(|c: char| c.is_ascii_digit()));
            if out_of_ten && let Ok(score) = number.parse::<u8>() {
                scores.push(score);
            }
        } else {
            i += 1;
        }
    }
    scores
}

/// The highest pain score the therapist's own words name ("keep pain under 3/10" -> 3).
fn highest_score_in(words: &str) -> Option<u8> {
    pain_scores_in(words).into_iter().max()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_never_says_call_nothing() {
        let text = SafetyText::new(&PainRule::default(), "  ");
        assert_eq!(text.emergency_number, "112");
        assert!(text.lung_clot.action.contains("call 112"));
        let text = SafetyText::new(&PainRule::default(), "999");
        assert!(text.lung_clot.title.contains("999"));
        assert!(text.red_flags.iter().any(|flag| flag.action.contains("999")));
    }

    #[test]
    fn the_clot_box_never_reassures_with_rest() {
        let text = SafetyText::new(&PainRule::default(), "999");
        let all = format!("{:?}", text.clot).to_lowercase();
        assert!(!all.contains("does not ease with rest"));
        assert!(all.contains("throbbing or cramping"));
        assert!(all.contains("brown or black skin"));
    }

    #[test]
    fn pain_scores_are_found_in_their_usual_spellings() {
        assert_eq!(pain_scores_in("Pain up to 5 out of 10, or 2/10 at rest; 3 / 10"), vec![5, 2, 3]);
        assert_eq!(pain_scores_in("10 out of 10"), vec![10]);
        assert!(pain_scores_in("3 sets of 10, hold 10 seconds, 1/100").is_empty());
        assert!(pain_scores_in("Worst pain /10 /10 /10").is_empty());
    }

    #[test]
    fn each_rule_states_no_score_above_its_own_limit() {
        for rule in PainRule::BUILT_IN {
            let text = rule.text();
            let words = format!("{} {} {} {:?}", text.summary, text.short, text.rules.join(" "), text.call_if);
            let stated = pain_scores_in(&words);
            match text.highest_score {
                Some(limit) => assert!(stated.iter().all(|s| *s <= limit), "{rule:?}: {stated:?}"),
                None => assert!(stated.is_empty(), "{rule:?} names no score but says {stated:?}"),
            }
            assert!(!text.sources.is_empty(), "{rule:?}");
            if let Some(limit) = text.highest_score {
                let top = text.zones.iter().filter(|z| z.colour != ZoneColour::Red).filter_map(|z| z.scores);
                assert_eq!(top.map(|(_, to)| to).max(), Some(limit), "{rule:?}: the light and the limit differ");
            }
        }
    }

    #[test]
    fn the_therapists_own_words_set_their_own_limit() {
        assert_eq!(PainRule::Custom("Keep pain under 3/10".into()).text().highest_score, Some(3));
        assert_eq!(PainRule::Custom("No pain at all".into()).text().highest_score, None);
    }
}
