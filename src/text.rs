//! Text plumbing: paragraphs, duplicate detection and offset conversion.
//!
//! Inside the core every offset is a **byte** offset into the `&str` being analysed (always on
//! a char boundary). Only the final model converts them to UTF-16 code units, through
//! [`Utf16Index`], so that JavaScript can slice the same text.

use std::collections::HashMap;
use std::ops::Range;

/// Bytes between two checkpoints of a [`Utf16Index`]; a conversion scans at most this many.
const UTF16_STRIDE: usize = 256;

/// Converts byte offsets of one text into UTF-16 code-unit offsets in O(`UTF16_STRIDE`).
pub(crate) struct Utf16Index<'a> {
    bytes: &'a [u8],
    /// `checkpoints[k]`: UTF-16 units of the chars that begin before byte `k * UTF16_STRIDE`.
    checkpoints: Vec<usize>,
}

/// UTF-16 code units contributed by one UTF-8 byte: a leading byte opens a char (one unit), a
/// four-byte leader opens a char outside the BMP (one more unit); continuation bytes add none.
fn utf16_units_of_byte(b: u8) -> usize {
    match b {
        0x80..=0xBF => 0,
        0xF0..=0xFF => 2,
        _ => 1,
    }
}

impl<'a> Utf16Index<'a> {
    /// Index `text` once; every later conversion is cheap.
    pub(crate) fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / UTF16_STRIDE + 1);
        let mut units = 0;
        for chunk in bytes.chunks(UTF16_STRIDE) {
            checkpoints.push(units);
            units += chunk.iter().map(|&b| utf16_units_of_byte(b)).sum::<usize>();
        }
        checkpoints.push(units);
        Utf16Index { bytes, checkpoints }
    }

    /// The UTF-16 offset of byte offset `byte` (clamped to the text's length).
    pub(crate) fn to_utf16(&self, byte: usize) -> usize {
        let byte = byte.min(self.bytes.len());
        let k = byte / UTF16_STRIDE;
        let base = self.checkpoints.get(k).copied().unwrap_or(0);
        base + self.bytes[k * UTF16_STRIDE..byte]
            .iter()
            .map(|&b| utf16_units_of_byte(b))
            .sum::<usize>()
    }

    /// Convert a byte range.
    pub(crate) fn span(&self, r: &Range<usize>) -> crate::model::Span {
        crate::model::Span {
            start: self.to_utf16(r.start),
            end: self.to_utf16(r.end),
        }
    }
}

/// One paragraph of the input, in byte offsets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Para {
    /// Trimmed byte range.
    pub(crate) range: Range<usize>,
    /// Index of the first earlier paragraph with the same normalised text.
    pub(crate) duplicate_of: Option<usize>,
}

/// Split `text` into paragraphs: each non-blank line is one paragraph (news copy puts one
/// paragraph per line; blank lines only separate), trimmed of surrounding white space.
/// A paragraph whose whitespace-normalised text equals an earlier one's is marked as its
/// duplicate — scraped pages often repeat paragraphs.
pub(crate) fn paragraphs(text: &str) -> Vec<Para> {
    let mut out: Vec<Para> = Vec::new();
    let mut first_seen: HashMap<String, usize> = HashMap::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let start = line_start;
        line_start += line.len();
        let lead = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let range = start + lead..start + lead + trimmed.len();
        let key = normalise_ws(trimmed);
        let idx = out.len();
        let duplicate_of = match first_seen.get(&key) {
            Some(&first) => Some(first),
            None => {
                first_seen.insert(key, idx);
                None
            }
        };
        out.push(Para {
            range,
            duplicate_of,
        });
    }
    out
}

/// Collapse every run of white space to one space.
pub(crate) fn normalise_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_match_encode_utf16() {
        let cases = [
            "",
            "plain ascii",
            "Pyongyang’s “blood alliance”",
            "emoji 😀 then “quote” ― dash",
            "한국어 and 中文 mixed 🇰🇷🇨🇳",
        ];
        for text in cases {
            let long = text.repeat(40);
            for t in [text, long.as_str()] {
                let idx = Utf16Index::new(t);
                for (b, _) in t.char_indices().chain(std::iter::once((t.len(), ' '))) {
                    let want = t[..b].encode_utf16().count();
                    assert_eq!(idx.to_utf16(b), want, "byte {b} of {t:?}");
                }
            }
        }
    }

    type ParaCase<'a> = (&'a str, &'a [(&'a str, Option<usize>)]);

    #[test]
    fn paragraphs_are_trimmed_lines_with_duplicates_marked() {
        let cases: &[ParaCase] = &[
            ("", &[]),
            ("\n\n  \n", &[]),
            ("One.\nTwo.", &[("One.", None), ("Two.", None)]),
            ("  One. \n\n\tTwo.\r\n", &[("One.", None), ("Two.", None)]),
            (
                "A  b.\nC.\nA b.\nA b.",
                &[
                    ("A  b.", None),
                    ("C.", None),
                    ("A b.", Some(0)),
                    ("A b.", Some(0)),
                ],
            ),
        ];
        for (text, want) in cases {
            let got: Vec<(&str, Option<usize>)> = paragraphs(text)
                .iter()
                .map(|p| (&text[p.range.clone()], p.duplicate_of))
                .collect();
            assert_eq!(&got, want, "{text:?}");
        }
    }
}
