//! Search as you type over the merged library: case- and accent-insensitive, whole-word and prefix matches,
//! ranked so that a name beats a word in the steps; one slip forgiven in a word of five letters or more (ranked
//! after every exact or prefix match); a few synonyms ("calf raise", "tip-toe" for heel raises).

use std::collections::BTreeMap;

use unicode_normalization::UnicodeNormalization as _;

use super::LibraryEntry;
use crate::model::{BodyRegion, ExerciseKind};

/// What the therapist typed and chose in the library panel.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchQuery {
    pub text: String,
    pub region: Option<BodyRegion>,
    pub kind: Option<ExerciseKind>,
    pub equipment: Option<String>,
}

impl SearchQuery {
    #[must_use]
    pub fn text(text: &str) -> Self {
        Self { text: text.to_owned(), ..Self::default() }
    }
}

/// Lower case without accents: "Zoë" and "zoe" match, so do "Łódź" and "lodz".
#[must_use]
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        match c {
            'ł' | 'Ł' => out.push('l'),
            'ø' | 'Ø' => out.push('o'),
            'đ' | 'Đ' => out.push('d'),
            'ß' => out.push_str("ss"),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
}

/// What people type for an exercise the library names otherwise, as folded words: the left side is searched as
/// the right side too, and each exercise keeps its better match. "Toe raise" and "tip-toe" are what patients and
/// many handouts call a heel raise (the exercise that lifts the front of the foot is a "forefoot lift" here);
/// "flossing" is the gym's word for a nerve glide. Extend with care: every pair widens every search.
const SYNONYMS: &[(&str, &str)] = &[
    ("calf raise", "heel raise"),
    ("calf raises", "heel raise"),
    ("toe raise", "heel raise"),
    ("toe raises", "heel raise"),
    ("tip toe", "heel raise"),
    ("tip toes", "heel raise"),
    ("tiptoe", "heel raise"),
    ("tiptoes", "heel raise"),
    ("nerve floss", "nerve slider"),
    ("nerve flossing", "nerve slider"),
    ("flossing", "slider"),
];

/// How much a match found through a synonym counts against one of the typed words.
const SYNONYM_WEIGHT: f32 = 0.8;

/// The typed words, then each rewriting of them by one synonym (duplicates left out).
fn variants<'a>(typed: &[&'a str]) -> Vec<Vec<&'a str>> {
    let mut all = vec![typed.to_vec()];
    for (from, to) in SYNONYMS {
        let from: Vec<&str> = from.split(' ').collect();
        let Some(at) = typed.windows(from.len()).position(|window| window == from.as_slice()) else { continue };
        let mut rewritten = typed[..at].to_vec();
        rewritten.extend(to.split(' '));
        rewritten.extend_from_slice(&typed[at + from.len()..]);
        if !all.contains(&rewritten) {
            all.push(rewritten);
        }
    }
    all
}

/// Typing is forgiven in words of this many letters or more: shorter words have too many neighbours.
const FORGIVEN_FROM: usize = 5;

/// Whether `typed` is one slip (a wrong, missing, extra or swapped letter) away from `word`, or with `prefix`
/// from the start of `word` (the word being typed). A true prefix or an equal word is not a slip: the exact
/// search finds those.
fn one_slip<T: PartialEq>(typed: &[T], word: &[T], prefix: bool) -> bool {
    let same = typed.iter().zip(word).take_while(|(a, b)| a == b).count();
    if same == typed.len() {
        return false;
    }
    let (t, w) = (&typed[same..], &word[same..]);
    let fits = |t: &[T], w: &[T]| if prefix { w.starts_with(t) } else { t == w };
    let wrong = !w.is_empty() && fits(&t[1..], &w[1..]);
    let missing = !w.is_empty() && fits(t, &w[1..]);
    let extra = fits(&t[1..], w);
    let swapped = t.len() >= 2 && w.len() >= 2 && t[0] == w[1] && t[1] == w[0] && fits(&t[2..], &w[2..]);
    wrong || missing || extra || swapped
}

/// How much a match in each field counts: an exact name beats a word in the steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Field {
    Steps,
    Goal,
    Equipment,
    Kind,
    Region,
    Tag,
    OtherName,
    Name,
}

impl Field {
    fn weight(self) -> f32 {
        match self {
            Self::Name => 10.0,
            Self::OtherName => 8.0,
            Self::Tag => 6.0,
            Self::Kind | Self::Region => 5.0,
            Self::Equipment => 4.0,
            Self::Goal => 1.5,
            Self::Steps => 1.0,
        }
    }
}

/// How a typed word matched a word of the library, and what that match counts for.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Match {
    Exact,
    Prefix,
    /// One slip away from the whole word.
    Slip,
    /// One slip away from the start of the word.
    SlipPrefix,
}

impl Match {
    fn factor(self) -> f32 {
        match self {
            Self::Exact => 1.0,
            Self::Prefix => 0.6,
            Self::Slip => 0.5,
            Self::SlipPrefix => 0.3,
        }
    }

    fn forgiven(self) -> bool {
        matches!(self, Self::Slip | Self::SlipPrefix)
    }
}

/// One word of the library and the entries (and fields) it appears in.
#[derive(Clone, Debug)]
struct IndexWord {
    text: String,
    letters: usize,
    postings: Vec<(u32, Field)>,
}

/// The library's words, sorted so that a prefix is one range, with the names for phrase matches.
#[derive(Clone, Debug, Default)]
pub(super) struct SearchIndex {
    words: Vec<IndexWord>,
    names: Vec<String>,
    other_names: Vec<Vec<String>>,
    sorted_by_name: Vec<usize>,
}

/// Per entry, while one form of the query is scored. Dense arrays rather than maps: a query touches most of a
/// large library, and this runs on every keystroke.
struct Scores {
    /// Sum of each word's best match so far.
    total: Vec<f32>,
    /// Words matched so far (every word must match).
    matched: Vec<u16>,
    /// Words matched only by forgiving a slip.
    forgiven: Vec<u16>,
    best_exact: Vec<f32>,
    best_forgiven: Vec<f32>,
    touched: Vec<u32>,
}

impl SearchIndex {
    pub(super) fn build(entries: &[LibraryEntry]) -> Self {
        let mut words_map: BTreeMap<String, Vec<(u32, Field)>> = BTreeMap::new();
        let mut add = |text: &str, entry: u32, field: Field| {
            for word in words(&fold(text)) {
                let list = words_map.entry(word.to_owned()).or_default();
                match list.last_mut() {
                    Some(previous) if previous.0 == entry => previous.1 = previous.1.max(field),
                    _ => list.push((entry, field)),
                }
            }
        };
        for (i, entry) in entries.iter().enumerate() {
            let e = &entry.exercise;
            let i = i as u32;
            // Lowest weight first, so each word keeps the best field it appears in.
            for step in &e.steps {
                add(step, i, Field::Steps);
            }
            add(&e.goal, i, Field::Goal);
            for item in &e.equipment {
                add(item, i, Field::Equipment);
            }
            add(e.kind.label(), i, Field::Kind);
            add(e.region.label(), i, Field::Region);
            for tag in &e.tags {
                add(tag, i, Field::Tag);
            }
            for name in &e.other_names {
                add(name, i, Field::OtherName);
            }
            add(&e.name, i, Field::Name);
        }
        let index_words = words_map
            .into_iter()
            .map(|(text, postings)| IndexWord { letters: text.chars().count(), text, postings })
            .collect();
        // Names as their words joined by single spaces, so "Heel-drop (knee)" contains the phrase "heel drop".
        let joined = |text: &str| words(&fold(text)).collect::<Vec<_>>().join(" ");
        let names: Vec<String> = entries.iter().map(|e| joined(&e.exercise.name)).collect();
        let other_names = entries.iter().map(|e| e.exercise.other_names.iter().map(|n| joined(n)).collect()).collect();
        let mut sorted_by_name: Vec<usize> = (0..entries.len()).collect();
        sorted_by_name.sort_by(|&a, &b| names[a].cmp(&names[b]));
        Self { words: index_words, names, other_names, sorted_by_name }
    }

    /// The library words a typed word matches: exact and prefix matches, then (for a word of five letters or
    /// more) the words one slip away.
    fn matches(&self, typed: &str) -> Vec<(usize, Match)> {
        let start = self.words.partition_point(|w| w.text.as_str() < typed);
        let mut found: Vec<(usize, Match)> = self.words[start..]
            .iter()
            .take_while(|w| w.text.starts_with(typed))
            .enumerate()
            .map(|(offset, w)| (start + offset, if w.text.len() == typed.len() { Match::Exact } else { Match::Prefix }))
            .collect();
        let letters = typed.chars().count();
        if letters < FORGIVEN_FROM {
            return found;
        }
        let typed_chars: Vec<char> = typed.chars().collect();
        for (index, word) in self.words.iter().enumerate() {
            if word.letters + 1 < letters {
                continue;
            }
            let whole_length = word.letters.abs_diff(letters) <= 1;
            // Bytes are letters in ASCII, the common case; other words are compared letter by letter.
            let (whole, prefix) = if typed.is_ascii() && word.text.is_ascii() {
                let (t, w) = (typed.as_bytes(), word.text.as_bytes());
                // One slip keeps the first letter, or the second, or moves one of them by one place: most words
                // fail this at once (`t` has five letters or more, `w` at least one).
                let second = w.get(1).copied();
                if w[0] != t[0] && w[0] != t[1] && second != Some(t[1]) && second != Some(t[0]) {
                    continue;
                }
                (whole_length && one_slip(t, w, false), one_slip(t, w, true))
            } else {
                let w: Vec<char> = word.text.chars().collect();
                (whole_length && one_slip(&typed_chars, &w, false), one_slip(&typed_chars, &w, true))
            };
            if whole {
                found.push((index, Match::Slip));
            } else if prefix {
                found.push((index, Match::SlipPrefix));
            }
        }
        found
    }

    /// The typed word as the library most likely spells it: itself when the library has it (or words it
    /// begins), else the most common word one slip away. Used for the phrase bonus.
    fn corrected<'a>(&'a self, typed: &'a str, matches: &[(usize, Match)]) -> &'a str {
        if matches.iter().any(|(_, m)| !m.forgiven()) {
            return typed;
        }
        matches
            .iter()
            .max_by_key(|(index, kind)| {
                (*kind == Match::Slip, self.words[*index].postings.len(), std::cmp::Reverse(*index))
            })
            .map_or(typed, |(index, _)| self.words[*index].text.as_str())
    }

    pub(super) fn search(&self, entries: &[LibraryEntry], query: &SearchQuery) -> Vec<usize> {
        let equipment = query.equipment.as_deref().map(fold);
        let passes_filters = |index: usize| {
            let e = &entries[index].exercise;
            query.region.is_none_or(|r| r == e.region)
                && query.kind.is_none_or(|k| k == e.kind)
                && equipment.as_ref().is_none_or(|wanted| e.equipment.iter().any(|item| fold(item) == *wanted))
        };
        let folded = fold(&query.text);
        let typed: Vec<&str> = words(&folded).collect();
        if typed.is_empty() {
            return self.sorted_by_name.iter().copied().filter(|&i| passes_filters(i)).collect();
        }
        let count = entries.len();
        // Each entry's best (words forgiven, score) over the typed words and their synonym rewritings.
        let mut best: Vec<Option<(u16, f32)>> = vec![None; count];
        let mut scores = Scores {
            total: vec![0.0; count],
            matched: vec![0; count],
            forgiven: vec![0; count],
            best_exact: vec![0.0; count],
            best_forgiven: vec![0.0; count],
            touched: Vec::new(),
        };
        for (number, variant) in variants(&typed).iter().enumerate() {
            // What was typed counts in full; a synonym's rewriting a little less, so that an exercise with the
            // typed words in its name stays ahead of one that only the synonym finds.
            let weight = if number == 0 { 1.0 } else { SYNONYM_WEIGHT };
            self.score(variant, weight, &mut scores, &mut best);
        }
        let mut hits: Vec<(usize, u16, f32)> = best
            .iter()
            .enumerate()
            .filter_map(|(entry, rank)| rank.map(|(forgiven, score)| (entry, forgiven, score)))
            .filter(|&(entry, _, _)| passes_filters(entry))
            .collect();
        // Exact and prefix matches before forgiven slips; then the score. Ties keep the library's own order: its
        // authors list the usual form of an exercise before its variants.
        hits.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| b.2.total_cmp(&a.2)).then_with(|| a.0.cmp(&b.0)));
        hits.into_iter().map(|(entry, _, _)| entry).collect()
    }

    /// Scores one form of the query and keeps, per entry, the better of it and what `best` already holds.
    fn score(&self, query_words: &[&str], weight: f32, scores: &mut Scores, best: &mut [Option<(u16, f32)>]) {
        let Scores { total, matched, forgiven, best_exact, best_forgiven, touched } = scores;
        total.fill(0.0);
        matched.fill(0);
        forgiven.fill(0);
        let mut phrase = Vec::with_capacity(query_words.len());
        for (word_number, word) in query_words.iter().enumerate() {
            let matches = self.matches(word);
            phrase.push(self.corrected(word, &matches));
            for (index, kind) in matches {
                for &(entry, field) in &self.words[index].postings {
                    let e = entry as usize;
                    if best_exact[e] == 0.0 && best_forgiven[e] == 0.0 {
                        touched.push(entry);
                    }
                    let slot = if kind.forgiven() { &mut best_forgiven[e] } else { &mut best_exact[e] };
                    *slot = slot.max(field.weight() * kind.factor());
                }
            }
            for entry in touched.drain(..) {
                let e = entry as usize;
                if usize::from(matched[e]) == word_number {
                    if best_exact[e] > 0.0 {
                        total[e] += best_exact[e];
                    } else {
                        total[e] += best_forgiven[e];
                        forgiven[e] += 1;
                    }
                    matched[e] += 1;
                }
                best_exact[e] = 0.0;
                best_forgiven[e] = 0.0;
            }
        }
        let phrase = phrase.join(" ");
        for (entry, rank) in best.iter_mut().enumerate() {
            if usize::from(matched[entry]) != query_words.len() {
                continue;
            }
            let name = &self.names[entry];
            let bonus = if *name == phrase {
                100.0
            } else if name.starts_with(&phrase) {
                40.0
            } else if name.contains(&phrase) {
                25.0
            } else if self.other_names[entry].iter().any(|n| n.contains(&phrase)) {
                15.0
            } else {
                0.0
            };
            let this = (forgiven[entry], (total[entry] + bonus) * weight);
            let better = rank.is_none_or(|(was_forgiven, was_score)| {
                this.0 < was_forgiven || (this.0 == was_forgiven && this.1 > was_score)
            });
            if better {
                *rank = Some(this);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_slip_is_one_wrong_missing_extra_or_swapped_letter() {
        let slip = |typed: &str, word: &str| one_slip(typed.as_bytes(), word.as_bytes(), false);
        assert!(slip("strotch", "stretch") && slip("strech", "stretch") && slip("strettch", "stretch"));
        assert!(slip("strecth", "stretch") && slip("tsretch", "stretch"));
        assert!(slip("xstretch", "stretch") && slip("stretchx", "stretch") && slip("tretch", "stretch"));
        assert!(!slip("stretch", "stretch") && !slip("stretc", "stretch"), "exact and prefix matches are not slips");
        assert!(!slip("strch", "stretch") && !slip("strecht", "stretch") && !slip("sterthc", "stretch"));
        let while_typing = |typed: &str, word: &str| one_slip(typed.as_bytes(), word.as_bytes(), true);
        assert!(while_typing("gastrocneme", "gastrocnemius") && while_typing("gastrcn", "gastrocnemius"));
        assert!(!while_typing("gastro", "gastrocnemius"), "a true prefix is the prefix search's");
        assert!(!while_typing("gsatrcn", "gastrocnemius"));
        let letters =
            |t: &str, w: &str| one_slip(&t.chars().collect::<Vec<_>>(), &w.chars().collect::<Vec<_>>(), false);
        assert!(letters("ćwiczenie", "ćwiczenia") && !letters("ćwiczenie", "ćwiczonia"));
    }

    #[test]
    fn synonyms_rewrite_the_words_they_match_and_keep_the_rest() {
        assert_eq!(
            variants(&["seated", "calf", "raise"]),
            [vec!["seated", "calf", "raise"], vec!["seated", "heel", "raise"]]
        );
        assert_eq!(variants(&["tip", "toe"]), [vec!["tip", "toe"], vec!["heel", "raise"]]);
        assert_eq!(variants(&["calf", "stretch"]), [vec!["calf", "stretch"]]);
    }

    #[test]
    fn folding_ignores_case_and_accents() {
        assert_eq!(fold("Zoë Ŵ-Łukasz"), "zoe w-lukasz");
        assert_eq!(fold("SIÂN"), "sian");
    }
}
