//! Unicode lower-casing, exactly as `str::to_lowercase` does it, from compact tables.
//!
//! Rules:
//! - Every char lowers as `char::to_lowercase` lowers it; `Σ` lowers to `ς` at the end of a
//!   word and to `σ` elsewhere (Unicode's Final_Sigma condition: a cased letter before it and
//!   none after it, Case_Ignorable chars skipped on both sides).
//! - The tables (`data/unicode-case.tsv`) are derived from the standard library; tests check
//!   every char and every sigma context against it.
//!
//! The standard library's own table is one (char, char) pair per mapped char, about 11 KB of
//! the wasm module; runs of chars with one offset take about a tenth of that.

use std::sync::OnceLock;

use crate::lexicon::{data_file, data_rows};
use crate::text::sub;

const TABLE: &str = data_file!(include_str!("../data/unicode-case.tsv"));

/// `count` chars from `start`, `step` apart, whose lowercase is the char plus `delta`.
struct Run {
    start: u32,
    count: u32,
    step: u32,
    delta: i32,
}

struct Tables {
    /// Sorted by start; no two runs overlap.
    runs: Vec<Run>,
    /// Case_Ignorable ranges (inclusive), sorted.
    ignorable: Vec<(u32, u32)>,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let num = |s: &str| s.parse::<i32>().unwrap_or(0);
        let mut t = Tables {
            runs: Vec::new(),
            ignorable: Vec::new(),
        };
        // Both kinds of row count from the previous row of their kind.
        let (mut start, mut next) = (0u32, 0u32);
        for row in data_rows(TABLE) {
            let field = |i| num(row.get(i).unwrap_or_default());
            match row.first() {
                "l" => {
                    start += field(1) as u32;
                    t.runs.push(Run {
                        start,
                        count: field(2) as u32,
                        step: field(3) as u32,
                        delta: field(4),
                    });
                }
                "i" => {
                    let first = next + field(1) as u32;
                    next = first + field(2) as u32;
                    t.ignorable.push((first, next - 1));
                }
                _ => {}
            }
        }
        t
    })
}

impl Tables {
    /// The one-char lowercase of `c` (every char but `İ` lowers to one char).
    fn lower_char(&self, c: char) -> char {
        let u = u32::from(c);
        let at = self.runs.partition_point(|r| r.start <= u);
        if let Some(r) = at.checked_sub(1).map(|i| &self.runs[i]) {
            let off = u - r.start;
            if off % r.step == 0 && off / r.step < r.count {
                return char::from_u32(u.wrapping_add_signed(r.delta)).unwrap_or(c);
            }
        }
        c
    }

    fn ignorable(&self, c: char) -> bool {
        let u = u32::from(c);
        let at = self.ignorable.partition_point(|&(start, _)| start <= u);
        at.checked_sub(1).is_some_and(|i| u <= self.ignorable[i].1)
    }

    /// After skipping Case_Ignorable chars, the next char is cased.
    fn ignorable_then_cased(&self, mut chars: impl Iterator<Item = char>) -> bool {
        chars
            .find(|&c| !self.ignorable(c))
            .is_some_and(|c| c.is_lowercase() || c.is_uppercase() || is_titlecase(c))
    }
}

/// General category Lt: with Lowercase and Uppercase, what makes a char cased.
fn is_titlecase(c: char) -> bool {
    matches!(c, '\u{1C5}' | '\u{1C8}' | '\u{1CB}' | '\u{1F2}' | '\u{1F88}'..='\u{1F8F}'
        | '\u{1F98}'..='\u{1F9F}' | '\u{1FA8}'..='\u{1FAF}' | '\u{1FBC}' | '\u{1FCC}' | '\u{1FFC}')
}

/// `s` in lower case: the same text as `s.to_lowercase()`.
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    // The tables are built on the first char that needs them: a word with only curly quotes
    // or dashes besides ASCII (`Pyongyang’s`) lowers without them.
    let mut tables_once = None;
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        match c {
            'Σ' => {
                let t = *tables_once.get_or_insert_with(tables);
                let last = t.ignorable_then_cased(sub(s, ..i).chars().rev())
                    && !t.ignorable_then_cased(sub(s, i + 'Σ'.len_utf8()..).chars());
                out.push(if last { 'ς' } else { 'σ' });
            }
            '\u{130}' => out.push_str("i\u{307}"),
            // ASCII lowers as ASCII: no table search for the plain letters of a mixed word.
            _ if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            // General Punctuation (dashes, curly quotes, …) has no case.
            '\u{2000}'..='\u{206F}' => out.push(c),
            _ => out.push(tables_once.get_or_insert_with(tables).lower_char(c)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars() -> impl Iterator<Item = char> {
        (0..=0x10FFFF).filter_map(char::from_u32)
    }

    /// The table text the standard library implies: lowercase runs, then Case_Ignorable
    /// ranges (found by probing the final-sigma rule, the only place std exposes it).
    fn derived_table() -> String {
        let mut out = String::from(concat!(
            "# Unicode lower-casing in runs, derived from Rust's standard library (src/case.rs;\n",
            "# regenerate with UPDATE_FIXTURES=1 cargo test case::). Licence: Unicode-3.0.\n",
            "# l gap count step delta: `count` chars, `step` apart, lower-case to the char plus `delta`;\n",
            "#   the first is `gap` after the previous run's first.\n",
            "# i gap length: `length` Case_Ignorable chars (skipped by the final-sigma rule), the first\n",
            "#   `gap` after the end of the previous range.\n",
        ));
        let mapped: Vec<(u32, i64)> = chars()
            .filter(|&c| c != '\u{130}')
            .filter_map(|c| {
                let l: Vec<char> = c.to_lowercase().collect();
                assert_eq!(l.len(), 1, "{c:?} lowers to one char");
                (l[0] != c).then(|| {
                    (
                        u32::from(c),
                        i64::from(u32::from(l[0])) - i64::from(u32::from(c)),
                    )
                })
            })
            .collect();
        let (mut i, mut prev) = (0, 0);
        while i < mapped.len() {
            let (start, delta) = mapped[i];
            let mut best = (1, 1);
            for step in [1, 2] {
                let mut j = i + 1;
                while j < mapped.len() && mapped[j] == (start + step * (j - i) as u32, delta) {
                    j += 1;
                }
                if j - i > best.0 {
                    best = (j - i, step);
                }
            }
            out += &format!("l\t{}\t{}\t{}\t{delta}\n", start - prev, best.0, best.1);
            (i, prev) = (i + best.0, start);
        }
        // "aΣ" + c lowers Σ to ς when c is ignorable (or not cased); "aΣ" + c + "a" lowers it to
        // σ when c is ignorable (or cased): both hold exactly for the ignorable chars.
        let sigma = |s: String| s.to_lowercase().chars().nth(1) == Some('σ');
        let ignorable = |c: char| !sigma(format!("aΣ{c}")) && sigma(format!("aΣ{c}a"));
        let mut ranges: Vec<(u32, u32)> = Vec::new();
        for c in chars().filter(|&c| ignorable(c)) {
            let u = u32::from(c);
            match ranges.last_mut() {
                Some(r) if r.1 + 1 == u => r.1 = u,
                _ => ranges.push((u, u)),
            }
        }
        let mut next = 0;
        for (start, end) in ranges {
            out += &format!("i\t{}\t{}\n", start - next, end - start + 1);
            next = end + 1;
        }
        out
    }

    #[test]
    fn table_is_derived_from_the_standard_library() {
        let want = derived_table();
        if std::env::var_os("UPDATE_FIXTURES").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/unicode-case.tsv");
            std::fs::write(path, &want).unwrap();
            return;
        }
        assert!(
            include_str!("../data/unicode-case.tsv") == want,
            "data/unicode-case.tsv is stale: UPDATE_FIXTURES=1 cargo test case::"
        );
    }

    #[test]
    fn every_char_lowers_as_std_lowers_it() {
        let mut buf = [0u8; 4];
        for c in chars() {
            let s = c.encode_utf8(&mut buf);
            assert_eq!(lower(s), s.to_lowercase(), "{c:?}");
        }
    }

    #[test]
    fn sigma_lowers_as_std_lowers_it_next_to_every_char() {
        for c in chars() {
            for s in [
                format!("aΣ{c}"),
                format!("aΣ{c}a"),
                format!("{c}Σ"),
                format!("a{c}Σ"),
            ] {
                assert_eq!(lower(&s), s.to_lowercase(), "{s:?}");
            }
        }
    }

    #[test]
    fn words_lower_as_std_lowers_them() {
        for s in [
            "",
            "Hello",
            "ΟΔΥΣΣΕΥΣ",
            "ΣΑ Σ",
            "İstanbul",
            "Ärger ÜBER Öl",
            "K\u{212A}",
            "ΌΣΟΣ'Σ.",
            "Ⅻ ǅ ᾈ",
        ] {
            assert_eq!(lower(s), s.to_lowercase(), "{s:?}");
        }
    }
}
