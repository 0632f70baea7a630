//! Text plumbing: paragraphs, duplicate detection and offset conversion.
//!
//! Inside the core every offset is a **byte** offset into the `&str` being analysed (always on
//! a char boundary). Only the final model converts them to UTF-16 code units, through
//! [`Utf16Index`], so that JavaScript can slice the same text.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

use crate::lexicon::{FxMap, FxSet};

/// Bytes between two checkpoints of a [`Utf16Index`]; a conversion scans at most this many.
const UTF16_STRIDE: usize = 32;

/// Converts byte offsets of one text into UTF-16 code-unit offsets in O(`UTF16_STRIDE`).
pub(crate) struct Utf16Index<'a> {
    bytes: &'a [u8],
    /// `checkpoints[k]`: UTF-16 units of the chars that begin before byte `k * UTF16_STRIDE`.
    checkpoints: Vec<usize>,
}

/// `s[r]`, or `""` when `r` is not a range of char boundaries of `s` (which the ranges the
/// analysis computes always are). The same checks as indexing, without its panic path: in the
/// wasm module each `&s[r]` costs a panic call and a 16-byte location record.
#[inline]
pub(crate) fn sub<R: std::slice::SliceIndex<str, Output = str>>(s: &str, r: R) -> &str {
    s.get(r).unwrap_or("")
}

/// UTF-16 code units of a run of UTF-8 bytes: one per char (every byte that is not a
/// continuation byte), plus one per char outside the BMP (four-byte leaders); branch-free.
fn utf16_units(bytes: &[u8]) -> usize {
    // Eight bytes at a time: a continuation byte has its top bits `10`, a four-byte leader
    // its top four bits set.
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut units = 0;
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        let w = u64::from_le_bytes(w);
        if w & HIGH == 0 {
            units += 8;
            continue;
        }
        let continuation = w & !(w << 1) & HIGH;
        let four = w & (w << 1) & (w << 2) & (w << 3) & HIGH;
        units += 8 - continuation.count_ones() as usize + four.count_ones() as usize;
    }
    units
        + chunks
            .remainder()
            .iter()
            .map(|&b| usize::from((b & 0xC0) != 0x80) + usize::from(b >= 0xF0))
            .sum::<usize>()
}

impl<'a> Utf16Index<'a> {
    /// Index `text` once; every later conversion is cheap.
    pub(crate) fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / UTF16_STRIDE + 1);
        let mut units = 0;
        for chunk in bytes.chunks(UTF16_STRIDE) {
            checkpoints.push(units);
            units += utf16_units(chunk);
        }
        checkpoints.push(units);
        Utf16Index { bytes, checkpoints }
    }

    /// The UTF-16 offset of byte offset `byte` (clamped to the text's length).
    pub(crate) fn to_utf16(&self, byte: usize) -> usize {
        let byte = byte.min(self.bytes.len());
        let k = byte / UTF16_STRIDE;
        let base = self.checkpoints.get(k).copied().unwrap_or(0);
        base + utf16_units(&self.bytes[k * UTF16_STRIDE..byte])
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
    /// Its sentences (see [`sentences`]), split once for every step that reads them; none
    /// for a duplicate, which no step reads.
    pub(crate) sentences: Vec<Range<usize>>,
    /// Its words (see [`words`]), found once for every step that reads them. A paragraph is
    /// bounded by line breaks and its sentences by white space, so the words of a sentence
    /// are the paragraph's words inside its range ([`words_within`]).
    pub(crate) words: Vec<Range<usize>>,
}

/// The words of `words` (in text order) that lie inside `range`.
pub(crate) fn words_within<'a>(
    words: &'a [Range<usize>],
    range: &Range<usize>,
) -> &'a [Range<usize>] {
    let a = words.partition_point(|w| w.start < range.start);
    let b = a + words[a..].partition_point(|w| w.end <= range.end);
    &words[a..b]
}

/// Split `text` into paragraphs: each non-blank line is one paragraph (news copy puts one
/// paragraph per line; blank lines only separate), trimmed of surrounding white space.
/// A paragraph whose whitespace-normalised text equals an earlier one's is marked as its
/// duplicate — scraped pages often repeat paragraphs. Never inlined into `analyze` (the
/// tier-up rule): its per-line and per-sentence loops would count `analyze`'s size.
#[inline(never)]
pub(crate) fn paragraphs(text: &str) -> Vec<Para> {
    let mut out: Vec<Para> = Vec::new();
    // Owned keys: the crate's string-keyed map type (one copy of its code) rather than one
    // keyed by `Cow`.
    let mut first_seen: FxMap<String, usize> = FxMap::default();
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
        let duplicate_of = match first_seen.get(key.as_ref()) {
            Some(&first) => Some(first),
            None => {
                first_seen.insert(key.into_owned(), idx);
                None
            }
        };
        let sentences = match duplicate_of {
            None => sentences(text, range.clone()),
            Some(_) => Vec::new(),
        };
        out.push(Para {
            words: words(text, range.clone()),
            range,
            duplicate_of,
            sentences,
        });
    }
    out
}

/// Abbreviations that end in a period without ending a sentence (`data/abbreviations.txt`).
const ABBREVIATIONS: &str = crate::lexicon::data_file!(include_str!("../data/abbreviations.txt"));

/// A known abbreviation (`Dr`, `U.S`) or a single capital initial (`D` in `Paul D. Ryan`).
pub(crate) fn is_abbreviation_or_initial(word: &str) -> bool {
    let mut cs = word.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase()) || is_abbreviation(word)
}

fn is_abbreviation(word: &str) -> bool {
    static SET: OnceLock<FxSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        let mut set = FxSet::default();
        for l in ABBREVIATIONS.lines().map(str::trim) {
            if !l.is_empty() && !l.starts_with('#') {
                set.insert(l);
            }
        }
        set
    })
    .contains(word)
}

/// True for the marks that open or close a double-quoted stretch.
pub(crate) fn is_double_quote(c: char) -> bool {
    matches!(c, '“' | '”' | '"' | '„')
}

/// Split one paragraph (a byte range of `text`) into sentences, each trimmed.
///
/// A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets after it) when white
/// space and then a capital, a digit or an opening quote follow — unless the word before the
/// period is a known abbreviation or a single capital initial (`John F. Kennedy`). Text inside
/// double quotes is never split, so a quotation stays in one sentence with its attribution.
pub(crate) fn sentences(text: &str, para: Range<usize>) -> Vec<Range<usize>> {
    let body = sub(text, para.clone());
    let bytes = body.as_bytes();
    // The char at a byte offset (offsets always stay on char boundaries), or None at the end.
    let char_at = |at: usize| body.get(at..).and_then(|rest| rest.chars().next());
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_quote = false;
    let mut at = 0;
    // Only quote marks and terminal marks matter; every other byte (continuation bytes
    // included) is passed over.
    while let Some(skip) = bytes[at.min(bytes.len())..]
        .iter()
        .position(|&b| matches!(b, b'\'' | b'"' | 0xE2 | b'.' | b'!' | b'?'))
    {
        at += skip;
        let c = match bytes[at] {
            // Two apostrophes stand for a straight double mark.
            b'\'' if bytes.get(at + 1) == Some(&b'\'') => {
                in_quote = !in_quote;
                at += 2;
                continue;
            }
            b'"' => {
                in_quote = !in_quote;
                at += 1;
                continue;
            }
            // `“` `”` `„` (and other marks) start with byte E2.
            0xE2 => {
                if let Some(c) = char_at(at).filter(|&c| is_double_quote(c)) {
                    in_quote = c != '”';
                }
                at += 1;
                continue;
            }
            b @ (b'.' | b'!' | b'?') => char::from(b),
            _ => {
                at += 1;
                continue;
            }
        };
        let after = at + 1;
        // Inside a quote a terminal mark ends the sentence only when the quote closes right after.
        let closes_quote = char_at(after).is_some_and(|n| n == '”' || n == '"')
            || sub(body, after..).starts_with("''");
        if !in_quote || closes_quote {
            // Swallow closing quotes/brackets and further terminal marks.
            let mut j = after;
            while let Some(n) =
                char_at(j).filter(|n| matches!(n, '.' | '!' | '?' | '”' | '"' | '’' | '\'' | ')'))
            {
                j += n.len_utf8();
            }
            let mut ws_end = j;
            while let Some(n) = char_at(ws_end).filter(|n| n.is_whitespace()) {
                ws_end += n.len_utf8();
            }
            let next = char_at(ws_end);
            let starts_new = ws_end > j
                && next.is_some_and(|n| {
                    n.is_uppercase()
                        || n.is_ascii_digit()
                        || matches!(n, '“' | '"' | '‘' | '\'' | '(' | '[')
                });
            if starts_new && !(c == '.' && ends_with_abbreviation(sub(body, start..at))) {
                in_quote = false;
                push_trimmed_range(body, para.start, start..j, &mut out);
                start = ws_end;
                at = ws_end;
                continue;
            }
        }
        at = after;
    }
    push_trimmed_range(body, para.start, start..body.len(), &mut out);
    out
}

/// True when the text before a period ends in an abbreviation or a single capital initial.
fn ends_with_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '“' || c == '"')
        .next()
        .unwrap_or("");
    let mut cs = word.chars();
    let single_initial = matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase());
    single_initial || is_abbreviation(word)
}

fn push_trimmed_range(body: &str, base: usize, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = sub(body, r.clone());
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    if !t.is_empty() {
        let start = base + r.start + lead;
        out.push(start..start + t.len());
    }
}

/// Does `c`, between `prev` and `next`, stay inside a word: an inner hyphen, apostrophe or
/// period before a letter or digit (`backbone-lacking`, `Kim’s`, `U.S`), or a thousands comma
/// (`700,000`)?
fn joins_word(prev: char, c: char, next: char) -> bool {
    (matches!(c, '-' | '’' | '\'' | '.' | '‑') && next.is_alphanumeric())
        || (c == ',' && prev.is_ascii_digit() && next.is_ascii_digit())
}

/// The char at byte `i` of `body` (a char boundary) and its length; `(' ', 0)` at the end.
/// ASCII is read directly (the common case stays cheap); other chars are decoded.
#[inline]
fn char_at(body: &str, i: usize) -> (char, usize) {
    match body.as_bytes().get(i) {
        None => (' ', 0),
        Some(&b) if b < 0x80 => (char::from(b), 1),
        Some(_) => sub(body, i..)
            .chars()
            .next()
            .map_or((' ', 1), |c| (c, c.len_utf8())),
    }
}

/// Byte classes of the word scanner: ASCII letters and digits, the ASCII chars that may join
/// a word (`-` `'` `.` `,`), other ASCII, and the bytes of multi-byte chars.
const ALNUM: u8 = 1;
const JOIN: u8 = 2;
const OTHER: u8 = 0;
const MULTI: u8 = 3;
static CLASS: [u8; 256] = {
    let mut t = [MULTI; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = match b as u8 {
            b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' => ALNUM,
            b'-' | b'\'' | b'.' | b',' => JOIN,
            _ => OTHER,
        };
        b += 1;
    }
    t
};

#[inline]
fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        // General Punctuation (curly quotes, dashes) holds no letters: skip the table lookup.
        !('\u{2000}'..='\u{206F}').contains(&c) && c.is_alphanumeric()
    }
}

/// Where a word of `body` ends, given the byte `i` after its first char `prev`.
#[inline]
fn word_end_in(body: &str, mut i: usize, mut prev: char) -> usize {
    let bytes = body.as_bytes();
    loop {
        // A run of ASCII letters and digits first.
        let start = i;
        while i < bytes.len() && CLASS[usize::from(bytes[i])] == ALNUM {
            i += 1;
        }
        if i > start {
            prev = char::from(bytes[i - 1]);
        }
        let Some(&b) = bytes.get(i) else {
            return bytes.len();
        };
        let (c, n) = match CLASS[usize::from(b)] {
            OTHER => return i,
            JOIN => (char::from(b), 1),
            _ => char_at(body, i),
        };
        if !(is_alnum(c) || joins_word(prev, c, char_at(body, i + n).0)) {
            return i;
        }
        prev = c;
        i += n;
    }
}

/// Where the word starting at byte `start` ends (see [`words`]), looking no further than
/// `limit`.
pub(crate) fn word_end(text: &str, start: usize, limit: usize) -> usize {
    let body = sub(text, start..limit.min(text.len()));
    match char_at(body, 0) {
        (c, n) if n > 0 && is_alnum(c) => start + word_end_in(body, n, c),
        _ => start,
    }
}

/// The words of a byte range: runs of letters and digits, with inner hyphens, apostrophes and
/// periods kept (`backbone-lacking`, `Pyongyang’s`, `U.S`), as byte ranges of `text`.
pub(crate) fn words(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(range.len() / 5 + 1);
    words_into(text, range, &mut out);
    out
}

/// [`words`], appended to `out`.
pub(crate) fn words_into(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let body = sub(text, range.clone());
    let bytes = body.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Outside a word only a letter or digit starts one.
        let (c, n) = match CLASS[usize::from(bytes[i])] {
            ALNUM => {
                // A run of ASCII letters and digits; most words end there, at a space or other
                // ASCII that never joins a word.
                let start = i;
                i += 1;
                while i < bytes.len() && CLASS[usize::from(bytes[i])] == ALNUM {
                    i += 1;
                }
                let end = match bytes.get(i) {
                    Some(&b) if CLASS[usize::from(b)] != OTHER => {
                        word_end_in(body, i, char::from(bytes[i - 1]))
                    }
                    _ => i,
                };
                out.push(range.start + start..range.start + end);
                i = end;
                continue;
            }
            MULTI => match char_at(body, i) {
                (c, n) if is_alnum(c) => (c, n),
                (_, n) => {
                    i += n;
                    continue;
                }
            },
            _ => {
                i += 1;
                continue;
            }
        };
        let end = word_end_in(body, i + n, c);
        out.push(range.start + i..range.start + end);
        // The char that ended the word is not part of one.
        i = end;
    }
}

/// Collapse every run of white space to one space; borrowed when nothing changes (single
/// spaces only, the common case).
pub(crate) fn normalise_ws(s: &str) -> Cow<'_, str> {
    let b = s.as_bytes();
    let plain = b.iter().enumerate().all(|(i, &c)| match c {
        b'!'..=0x7F => true,
        b' ' => i > 0 && i + 1 < b.len() && b[i + 1] != b' ',
        b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r' => false,
        // Lead bytes of the non-ASCII white space (U+0085, U+00A0, U+1680, U+2000–U+205F,
        // U+3000).
        0xC2 | 0xE1 | 0xE2 | 0xE3 => !sub(s, i..).chars().next().is_some_and(char::is_whitespace),
        _ => true,
    });
    if plain {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(normalise_ws_owned(s))
    }
}

fn normalise_ws_owned(s: &str) -> String {
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

    fn split(text: &str) -> Vec<&str> {
        sentences(text, 0..text.len())
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn sentence_boundaries() {
        let cases: &[(&str, &[&str])] = &[
            ("One. Two.", &["One.", "Two."]),
            ("Is it? Yes! Fine.", &["Is it?", "Yes!", "Fine."]),
            (
                "Mr. Kim spoke. Then Dr. Lee left.",
                &["Mr. Kim spoke.", "Then Dr. Lee left."],
            ),
            (
                "The U.S. Army came. It left.",
                &["The U.S. Army came.", "It left."],
            ),
            ("John F. Kennedy spoke.", &["John F. Kennedy spoke."]),
            (
                "It rose 3.5 percent. Then 1990 came.",
                &["It rose 3.5 percent.", "Then 1990 came."],
            ),
            (
                "“A. B,” he said. Next one.",
                &["“A. B,” he said.", "Next one."],
            ),
            ("He said “Go.” Then left.", &["He said “Go.”", "Then left."]),
            ("lower. case stays.", &["lower. case stays."]),
            ("No end", &["No end"]),
            ("", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(&split(text), want, "{text:?}");
        }
    }

    #[test]
    fn word_ranges() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Pyongyang’s nuclear ambitions",
                &["Pyongyang’s", "nuclear", "ambitions"],
            ),
            (
                "backbone-lacking countries, the U.S. and (South Korean)",
                &[
                    "backbone-lacking",
                    "countries",
                    "the",
                    "U.S",
                    "and",
                    "South",
                    "Korean",
                ],
            ),
            (
                "1950-53 war; 700,000 troops",
                &["1950-53", "war", "700,000", "troops"],
            ),
            ("“quoted” — dash", &["quoted", "dash"]),
        ];
        for (text, want) in cases {
            let got: Vec<&str> = words(text, 0..text.len())
                .into_iter()
                .map(|r| &text[r])
                .collect();
            assert_eq!(&got, want, "{text:?}");
        }
    }

    #[test]
    fn general_punctuation_holds_no_letters() {
        assert!(('\u{2000}'..='\u{206F}').all(|c| !c.is_alphanumeric()));
    }

    #[test]
    fn white_space_runs_collapse() {
        let cases = [
            ("a b c", "a b c"),
            ("a  b", "a b"),
            ("a\tb\r\nc", "a b c"),
            ("a\u{a0}b\u{2009}c\u{3000}d", "a b c d"),
            (" a ", "a"),
            ("“a” ― b’s", "“a” ― b’s"),
            ("", ""),
        ];
        for (s, want) in cases {
            assert_eq!(normalise_ws(s), want, "{s:?}");
            assert_eq!(normalise_ws(s), normalise_ws_owned(s), "{s:?}");
        }
    }

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
