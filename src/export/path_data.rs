//! Path data written shorter for the web page, where the drawings are most of the file's size (the whole
//! calf-strain program's page was 730 KB, 520 KB of it path data): relative commands, coordinates rounded to
//! the drawing's whole units, and no separator a parser does not need. Each point is rounded from its absolute
//! position, so rounding never adds up along a path: every point stays within half a unit of where it was drawn
//! (a 400-unit drawing on a phone: about one device pixel).

use std::fmt::Write as _;

/// The same path, shorter; `None` when the data is not understood (then the caller keeps it as it was).
pub(crate) fn compact(data: &str) -> Option<String> {
    let tokens = tokenize(data)?;
    let mut out = String::with_capacity(data.len() / 2);
    // Where the pen is, as drawn (`at`) and as written (`written`, whole units); and where the subpath began.
    let (mut at, mut written, mut start, mut start_written) = ((0.0, 0.0), (0_i64, 0_i64), (0.0, 0.0), (0, 0));
    let mut index = 0;
    let mut last_letter = ' ';
    while index < tokens.len() {
        let Token::Command(command) = tokens[index] else { return None };
        index += 1;
        let relative = command.is_ascii_lowercase();
        let upper = command.to_ascii_uppercase();
        if upper == 'Z' {
            out.push('z');
            last_letter = 'z';
            at = start;
            written = start_written;
            continue;
        }
        let count = match upper {
            'M' | 'L' | 'T' => 2,
            'H' | 'V' => 1,
            'C' => 6,
            'S' | 'Q' => 4,
            'A' => 7,
            _ => return None,
        };
        let mut first = true;
        loop {
            let mut numbers = [0.0_f64; 7];
            for slot in numbers.iter_mut().take(count) {
                let Some(Token::Number(value)) = tokens.get(index) else { return None };
                *slot = *value;
                index += 1;
            }
            // A moveto's further pairs are linetos.
            let kind = if upper == 'M' && !first { 'L' } else { upper };
            let absolute = |x: f64, y: f64| if relative { (at.0 + x, at.1 + y) } else { (x, y) };
            let mut values: Vec<i64> = Vec::with_capacity(count);
            let end = match kind {
                'H' => {
                    let x = if relative { at.0 + numbers[0] } else { numbers[0] };
                    values.push(round(x) - written.0);
                    (x, at.1)
                }
                'V' => {
                    let y = if relative { at.1 + numbers[0] } else { numbers[0] };
                    values.push(round(y) - written.1);
                    (at.0, y)
                }
                'A' => {
                    let end = absolute(numbers[5], numbers[6]);
                    values.extend([round(numbers[0]), round(numbers[1]), round(numbers[2])]);
                    for flag in [numbers[3], numbers[4]] {
                        if flag != 0.0 && flag != 1.0 {
                            return None;
                        }
                        values.push(i64::from(flag != 0.0));
                    }
                    values.extend([round(end.0) - written.0, round(end.1) - written.1]);
                    end
                }
                _ => {
                    let mut end = at;
                    for pair in numbers[..count].chunks(2) {
                        end = absolute(pair[0], pair[1]);
                        values.extend([round(end.0) - written.0, round(end.1) - written.1]);
                    }
                    end
                }
            };
            let letter = kind.to_ascii_lowercase();
            // The same command again needs no letter (a moveto's letter would make it another moveto).
            if letter != last_letter || letter == 'm' {
                out.push(letter);
            } else if values.first().is_some_and(|v| *v >= 0) {
                out.push(' ');
            }
            write_numbers(&mut out, &values);
            last_letter = letter;
            at = end;
            written = (round(end.0), round(end.1));
            if kind == 'M' {
                start = at;
                start_written = written;
            }
            first = false;
            if !matches!(tokens.get(index), Some(Token::Number(_))) {
                break;
            }
        }
    }
    Some(out)
}

#[allow(clippy::cast_possible_truncation, reason = "drawing coordinates are a few hundred units")]
fn round(value: f64) -> i64 {
    value.round() as i64
}

fn write_numbers(out: &mut String, values: &[i64]) {
    for (position, value) in values.iter().enumerate() {
        if position > 0 && *value >= 0 {
            out.push(' ');
        }
        let _ = write!(out, "{value}");
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Token {
    Command(char),
    Number(f64),
}

fn tokenize(data: &str) -> Option<Vec<Token>> {
    let mut tokens = Vec::new();
    let bytes = data.as_bytes();
    let mut index = 0;
    while index < bytes.len() {
        let byte = bytes[index];
        if byte.is_ascii_whitespace() || byte == b',' {
            index += 1;
        } else if byte.is_ascii_alphabetic() && byte != b'e' && byte != b'E' {
            tokens.push(Token::Command(char::from(byte)));
            index += 1;
        } else {
            let begin = index;
            if matches!(byte, b'+' | b'-') {
                index += 1;
            }
            let mut seen_dot = false;
            while index < bytes.len() {
                match bytes[index] {
                    b'0'..=b'9' => index += 1,
                    b'.' if !seen_dot => {
                        seen_dot = true;
                        index += 1;
                    }
                    b'e' | b'E' => {
                        index += 1;
                        if index < bytes.len() && matches!(bytes[index], b'+' | b'-') {
                            index += 1;
                        }
                    }
                    _ => break,
                }
            }
            tokens.push(Token::Number(data.get(begin..index)?.parse().ok()?));
        }
    }
    Some(tokens)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The absolute points a path visits, from the compact form (to compare with the original).
    fn points(data: &str) -> Vec<(f64, f64)> {
        let tokens = tokenize(data).unwrap_or_default();
        let mut out = Vec::new();
        let (mut at, mut start) = ((0.0, 0.0), (0.0, 0.0));
        let mut index = 0;
        while index < tokens.len() {
            let Token::Command(command) = tokens[index] else { break };
            index += 1;
            let relative = command.is_ascii_lowercase();
            let count = match command.to_ascii_uppercase() {
                'Z' => {
                    at = start;
                    out.push(at);
                    continue;
                }
                'C' => 6,
                'A' => 7,
                _ => 2,
            };
            let mut first = true;
            while let Some(Token::Number(_)) = tokens.get(index) {
                let numbers: Vec<f64> = tokens[index..index + count]
                    .iter()
                    .map(|t| if let Token::Number(n) = t { *n } else { f64::NAN })
                    .collect();
                index += count;
                let pairs: Vec<(f64, f64)> = if count == 7 {
                    vec![(numbers[5], numbers[6])]
                } else {
                    numbers.chunks(2).map(|p| (p[0], p[1])).collect()
                };
                let base = at;
                for (x, y) in pairs {
                    let point = if relative { (base.0 + x, base.1 + y) } else { (x, y) };
                    out.push(point);
                    at = point;
                }
                if command.eq_ignore_ascii_case(&'M') && first {
                    start = at;
                }
                first = false;
            }
        }
        out
    }

    #[test]
    fn every_point_stays_within_half_a_unit_however_long_the_path() {
        let mut original = String::from("M92.3 79.5");
        let mut x: f64 = 92.3;
        for step in 0..400 {
            let step = f64::from(step);
            x += 0.37;
            let _ = write!(
                original,
                " C{:.1} {:.1} {:.1} {:.1} {x:.1} {:.1}",
                x - 0.2,
                80.0 + step * 0.11,
                x + 0.1,
                81.4,
                79.5 + step * 0.13
            );
        }
        original.push_str(" L10.4 20.6 A64 64 0 0 1 364 150 Z");
        let short = compact(&original).unwrap_or_default();
        assert!(short.len() * 2 < original.len(), "{} of {}", short.len(), original.len());
        let (before, after) = (points(&original), points(&short));
        assert_eq!(before.len(), after.len());
        for (b, a) in before.iter().zip(&after) {
            assert!((b.0 - a.0).abs() <= 0.5 + 1e-9 && (b.1 - a.1).abs() <= 0.5 + 1e-9, "{b:?} became {a:?}");
        }
    }

    #[test]
    fn the_form_is_what_an_svg_parser_reads() {
        assert_eq!(compact("M10 10 L20 5 L30 5 Z M5 5 h3 v-2").as_deref(), Some("m10 10l10-5 10 0zm-5-5h3v-2"));
        assert_eq!(compact("M0 0 A5 5 0 1 0 10 10").as_deref(), Some("m0 0a5 5 0 1 0 10 10"));
        assert_eq!(compact("M0 0 A5 5 0 2 0 10 10"), None, "a flag that is not 0 or 1 is not understood");
        assert_eq!(compact("M0 0 X 4"), None);
    }
}
