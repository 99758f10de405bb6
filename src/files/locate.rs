//! Finds where a field is in a RON text, so a validation problem can say `FILE:LINE:COLUMN` like a syntax error.
//!
//! serde drops positions once a file is parsed, so this scans the text once more: a small tolerant walker over
//! RON's structure (structs, tuples, lists, maps, strings, comments) that records where each field and list
//! item starts. It never fails: text it does not understand is skipped, and a lookup falls back to the nearest
//! enclosing field it did find.

use std::collections::HashMap;

use crate::model::{FieldPath, PathStep};

/// A 1-based line and column (columns count characters, not bytes, as editors do).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Where each field of a RON document starts.
pub struct FieldIndex {
    positions: HashMap<Vec<String>, Position>,
}

impl FieldIndex {
    #[must_use]
    pub fn new(text: &str) -> Self {
        let mut walker = Walker { chars: text.chars().collect(), at: 0, line: 1, column: 1, positions: HashMap::new() };
        walker.skip_trivia();
        walker.value(&mut Vec::new(), 0);
        Self { positions: walker.positions }
    }

    /// Where the field at `path` is, or the nearest enclosing field that could be found.
    #[must_use]
    pub fn find(&self, path: &FieldPath) -> Option<Position> {
        let mut key: Vec<String> = path.0.iter().map(step_key).collect();
        loop {
            if let Some(position) = self.positions.get(&key) {
                return Some(*position);
            }
            key.pop()?;
        }
    }
}

fn step_key(step: &PathStep) -> String {
    match step {
        PathStep::Field(name) => (*name).to_owned(),
        PathStep::Index(index) => format!("[{index}]"),
    }
}

struct Walker {
    chars: Vec<char>,
    at: usize,
    line: usize,
    column: usize,
    positions: HashMap<Vec<String>, Position>,
}

/// Deeper than any real document; stops a hostile file from overflowing the stack.
const MAX_DEPTH: usize = 128;

impl Walker {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn peek_at(&self, offset: usize) -> Option<char> {
        self.chars.get(self.at + offset).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += 1;
        if c == '\n' {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
        Some(c)
    }

    fn position(&self) -> Position {
        Position { line: self.line, column: self.column }
    }

    fn skip_trivia(&mut self) {
        loop {
            match (self.peek(), self.peek_at(1)) {
                (Some(c), _) if c.is_whitespace() => {
                    self.bump();
                }
                (Some('/'), Some('/')) => {
                    while self.peek().is_some_and(|c| c != '\n') {
                        self.bump();
                    }
                }
                (Some('/'), Some('*')) => {
                    self.bump();
                    self.bump();
                    while self.peek().is_some() && !(self.peek() == Some('*') && self.peek_at(1) == Some('/')) {
                        self.bump();
                    }
                    self.bump();
                    self.bump();
                }
                _ => return,
            }
        }
    }

    fn identifier(&mut self) -> String {
        let mut name = String::new();
        while let Some(c) = self.peek() {
            if c.is_alphanumeric() || c == '_' || c == '#' {
                name.push(c);
                self.bump();
            } else {
                break;
            }
        }
        name
    }

    fn string(&mut self) {
        let quote = self.bump();
        while let Some(c) = self.bump() {
            if c == '\\' {
                self.bump();
            } else if Some(c) == quote {
                return;
            }
        }
    }

    fn raw_string(&mut self) {
        self.bump(); // r
        let mut hashes = 0;
        while self.peek() == Some('#') {
            hashes += 1;
            self.bump();
        }
        self.bump(); // "
        while let Some(c) = self.bump() {
            if c == '"' {
                let mut closing = 0;
                while closing < hashes && self.peek() == Some('#') {
                    closing += 1;
                    self.bump();
                }
                if closing == hashes {
                    return;
                }
            }
        }
    }

    /// One value at `path`; records where it starts.
    fn value(&mut self, path: &mut Vec<String>, depth: usize) {
        self.skip_trivia();
        let here = self.position();
        self.positions.entry(path.clone()).or_insert(here);
        if depth > MAX_DEPTH {
            return;
        }
        match self.peek() {
            Some('"' | '\'') => self.string(),
            Some('r') if matches!(self.peek_at(1), Some('"' | '#')) => self.raw_string(),
            Some('[') => {
                self.bump();
                self.items(path, depth, ']');
            }
            Some('{') => {
                self.bump();
                self.map(depth);
            }
            Some('(') => {
                self.bump();
                self.parenthesised(path, depth);
            }
            Some(c) if c.is_alphabetic() || c == '_' => {
                self.identifier();
                self.skip_trivia();
                if self.peek() == Some('(') {
                    self.bump();
                    self.parenthesised(path, depth);
                }
            }
            _ => {
                // A number, `true`, or something broken: skip to the next separator.
                while let Some(c) = self.peek() {
                    if matches!(c, ',' | ')' | ']' | '}') || c.is_whitespace() {
                        break;
                    }
                    self.bump();
                }
            }
        }
    }

    /// After `(`: named fields `name: value, ...` or tuple members `value, ...`.
    fn parenthesised(&mut self, path: &mut Vec<String>, depth: usize) {
        self.skip_trivia();
        let save = (self.at, self.line, self.column);
        let first = self.identifier();
        self.skip_trivia();
        let named = !first.is_empty() && self.peek() == Some(':');
        (self.at, self.line, self.column) = save;
        if !named {
            self.items(path, depth, ')');
            return;
        }
        loop {
            self.skip_trivia();
            match self.peek() {
                None => return,
                Some(')') => {
                    self.bump();
                    return;
                }
                Some(',') => {
                    self.bump();
                }
                Some(c) if c.is_alphabetic() || c == '_' => {
                    let start = self.position();
                    let name = self.identifier();
                    path.push(name);
                    self.positions.entry(path.clone()).or_insert(start);
                    self.skip_trivia();
                    if self.peek() == Some(':') {
                        self.bump();
                        self.value_inner(path, depth + 1);
                    }
                    path.pop();
                }
                Some(_) => {
                    // Not a field name: skip one value so the walk goes on.
                    self.value(&mut vec!["?".to_owned()], depth + 1);
                    if self.peek().is_some_and(|c| !matches!(c, ',' | ')')) {
                        self.bump();
                    }
                }
            }
        }
    }

    /// A value whose position is already recorded (a field's value).
    fn value_inner(&mut self, path: &mut Vec<String>, depth: usize) {
        let recorded = self.positions.get(path).copied();
        self.value(path, depth);
        if let Some(position) = recorded {
            self.positions.insert(path.clone(), position);
        }
    }

    fn items(&mut self, path: &mut Vec<String>, depth: usize, close: char) {
        let mut index = 0;
        loop {
            self.skip_trivia();
            match self.peek() {
                None => return,
                Some(c) if c == close => {
                    self.bump();
                    return;
                }
                Some(',') => {
                    self.bump();
                }
                Some(')' | ']' | '}') => {
                    // Mismatched bracket: the syntax error is reported by the parser, not here.
                    self.bump();
                    return;
                }
                Some(_) => {
                    path.push(format!("[{index}]"));
                    let before = self.at;
                    self.value(path, depth + 1);
                    path.pop();
                    index += 1;
                    if self.at == before {
                        self.bump();
                    }
                }
            }
        }
    }

    fn map(&mut self, depth: usize) {
        loop {
            self.skip_trivia();
            match self.peek() {
                None => return,
                Some('}') => {
                    self.bump();
                    return;
                }
                Some(',' | ':') => {
                    self.bump();
                }
                Some(_) => {
                    let before = self.at;
                    self.value(&mut vec!["?".to_owned()], depth + 1);
                    if self.at == before {
                        self.bump();
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_fields_and_list_items() {
        let text = "Program(\n  version: 1,\n  phases: [\n    Phase(name: \"a, (b\", prescriptions: []),\n    // comment ( [\n    Phase(\n      name: r#\"x\"#,\n      prescriptions: [ P(dose: Dose(sets: 0)) ],\n    ),\n  ],\n)";
        let index = FieldIndex::new(text);
        let sets =
            FieldPath::default().field("phases").index(1).field("prescriptions").index(0).field("dose").field("sets");
        assert_eq!(index.find(&sets), Some(Position { line: 8, column: 37 }));
        let version = FieldPath::default().field("version");
        assert_eq!(index.find(&version), Some(Position { line: 2, column: 3 }));
        // A field the text does not have falls back to its parent.
        let missing = FieldPath::default().field("phases").index(0).field("goal");
        assert_eq!(index.find(&missing), Some(Position { line: 4, column: 5 }));
    }

    #[test]
    fn broken_text_still_places_what_comes_before_the_break() {
        let at = |line, column| Some(Position { line, column });
        let phases = FieldPath::default().field("phases");
        let first_phase = FieldPath::default().field("phases").index(0);
        let first_name = FieldPath::default().field("phases").index(0).field("name");
        for (text, path, expected) in [
            // Nothing to find: the lookup falls back to the start of the document, never fails.
            ("", &phases, at(1, 1)),
            ("(", &phases, at(1, 1)),
            ("}}]]))", &phases, at(1, 1)),
            ("Program(phases: [", &phases, at(1, 9)),
            // The list never closes, and its first item never starts: the lookup falls back to the list.
            ("Program(phases: [", &first_phase, at(1, 9)),
            ("Program(\n  version: 1,\n  phases: [\n    Phase(name: \"cut", &first_name, at(4, 11)),
            // An unterminated string, or a stray bracket, swallows what follows it.
            ("Program(a: \"unterminated, phases: [", &phases, at(1, 1)),
            ("Program(x: {1: 2, 3: [}), phases: [P(name: 1)])", &first_name, at(1, 1)),
            ("Program(x: {1: 2, 3: []}, phases: [P(name: 1)])", &first_name, at(1, 38)),
        ] {
            assert_eq!(FieldIndex::new(text).find(path), expected, "{text:?} {path:?}");
        }
    }

    #[test]
    fn deeply_nested_text_neither_overflows_nor_hangs() {
        let text = format!("Program(phases: {}1{})", "[".repeat(100_000), "]".repeat(100_000));
        let index = FieldIndex::new(&text);
        assert_eq!(index.find(&FieldPath::default().field("phases")), Some(Position { line: 1, column: 9 }));
    }
}
