//! Quotation marks: the double-quoted stretches of an article and the single-quoted words
//! nested inside them.
//!
//! Rules of English news copy this module follows:
//! - “ ” (curly) and " (straight) both open and close; a straight mark opens when outside a
//!   quote and closes when inside one, so mismatched pairs such as `“…"` still pair up.
//! - ‘ ’ and ' inside a double quote are nested quotes or apostrophes, never separate quotes.
//! - A quote left open at the end of a paragraph runs to the paragraph's end; news style opens
//!   each paragraph of a long quote without closing the previous one.
//! - Paragraphs that repeat an earlier one are skipped, so each quote is reported once.
//! - Marks inside a markup tag (`<tweet author="@x">`) delimit attributes, not quotes; so does
//!   a mark right after `=` (`author="…"`), even when the tag's `>` is paragraphs away.

use std::ops::Range;

use crate::lexicon::{bytes_equal, find_str, HIGHS};
use crate::text::{sub, Para};

/// One double-quoted stretch, in byte offsets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Mark {
    /// The words between the marks, trimmed.
    pub(crate) content: Range<usize>,
    /// The stretch with its marks (to the paragraph's end when unclosed).
    pub(crate) outer: Range<usize>,
    /// Index of the paragraph holding it.
    pub(crate) para: usize,
    /// False when the paragraph ended before a closing mark.
    pub(crate) closed: bool,
}

fn is_open_mark(c: char) -> bool {
    matches!(c, '“' | '"' | '„')
}

fn is_close_mark(c: char) -> bool {
    matches!(c, '”' | '"')
}

/// The double quotation mark at byte `i` of `body`, if any: its length and kind. Two
/// apostrophes (`''`) stand for a straight double mark, as in some wire and archive copy, and
/// two curly ones (`’’`) not followed by a letter for a closing mark.
fn mark_at(body: &str, i: usize) -> Option<(usize, char)> {
    let rest = sub(body, i..);
    if rest.starts_with("''") {
        return Some((2, '"'));
    }
    // `’’`: the same two apostrophes made curly by a word processor; they can only close.
    if let Some(after) = rest.strip_prefix("’’") {
        if !after.starts_with(char::is_alphanumeric) {
            return Some(("’’".len(), '”'));
        }
    }
    let c = rest.chars().next()?;
    (is_open_mark(c) || is_close_mark(c)).then_some((c.len_utf8(), c))
}

/// Does the mark at `i` touch the text before it but not the text after it?
fn hugs_left(body: &str, i: usize, len: usize) -> bool {
    let before = sub(body, ..i)
        .chars()
        .next_back()
        .is_some_and(|c| !c.is_whitespace());
    let after = sub(body, i + len..)
        .chars()
        .next()
        .is_none_or(|c| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':'));
    before && after
}

/// The bytes that can start a mark: `"`, `'`, `<`, and the lead byte 0xE2 of “ ” „ (always
/// a char boundary).
const MARK_BYTES: [u8; 4] = [b'"', b'\'', b'<', 0xE2];

/// The first byte of `bytes` that can start a mark ([`MARK_BYTES`]), eight at a time.
fn next_mark_byte(bytes: &[u8]) -> Option<usize> {
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for c in &mut chunks {
        let w = u64::from_le_bytes(c.try_into().unwrap_or_default());
        // The ASCII mark bytes, and every byte ≥ 0x80 (0xE2 among them), flagged; the chunk
        // is searched from the lowest flag.
        let flags =
            bytes_equal(w, b'"') | bytes_equal(w, b'\'') | bytes_equal(w, b'<') | (w & HIGHS);
        if flags != 0 {
            let k = flags.trailing_zeros() as usize / 8;
            if let Some(j) = c.iter().skip(k).position(|b| MARK_BYTES.contains(b)) {
                return Some(at + k + j);
            }
        }
        at += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|b| MARK_BYTES.contains(b))
        .map(|k| at + k)
}

/// Every double-quoted stretch of the non-repeated paragraphs, in text order.
pub(crate) fn find(text: &str, paras: &[Para]) -> Vec<Mark> {
    let mut out = Vec::new();
    for (pi, p) in paras.iter().enumerate() {
        if p.duplicate_of.is_some() {
            continue;
        }
        let body = sub(text, p.range.clone());
        // (start of the opening mark, its length)
        let mut open: Option<(usize, usize)> = None;
        let mut i = 0;
        while i < body.len() {
            // Marks inside a markup tag (`<tweet author="@x">`) delimit its attributes.
            if open.is_none() && body.as_bytes()[i] == b'<' {
                let tag =
                    sub(body, i + 1..).starts_with(|c: char| c.is_ascii_alphabetic() || c == '/');
                if let Some(k) = sub(body, i..).find('>').filter(|_| tag) {
                    i += k + 1;
                    continue;
                }
            }
            let Some((len, c)) = mark_at(body, i) else {
                // Jump to the next byte that can start a mark.
                let step = next_mark_byte(&body.as_bytes()[i + 1..]);
                i = step.map_or(body.len(), |k| i + 1 + k);
                continue;
            };
            // `key="value"`: a mark right after `=` opens a markup attribute (also of a tag
            // whose `>` lies in a later paragraph), whose value runs to the same mark again.
            if open.is_none() && i > 0 && body.as_bytes()[i - 1] == b'=' {
                // (The same marks: `''` runs to `''`, so the jump lands on a char boundary.)
                let mark = sub(body, i..i + len);
                let close =
                    find_str(sub(body, i + len..), mark).map_or(body.len(), |k| i + len + k + len);
                i = close;
                continue;
            }
            let at = p.range.start + i;
            // A mark right before `>` closes the attribute of a tag begun earlier.
            let ends_tag = body.as_bytes().get(i + len) == Some(&b'>');
            match open {
                None if is_open_mark(c) && !ends_tag => open = Some((at, len)),
                // A curly opening mark inside a quote that hugs the word before it and not the
                // word after (`unusual,“ said`) is a closing mark typed the wrong way round.
                Some((s, open_len)) if c == '“' && hugs_left(body, i, len) => {
                    push(text, &mut out, s..at + len, (open_len, len), pi, true);
                    open = None;
                }
                // Otherwise the earlier mark was never closed, so the quote starts again here
                // (real copy drops closing marks more often than opening ones).
                Some(_) if c == '“' => open = Some((at, len)),
                Some((s, open_len)) if is_close_mark(c) => {
                    push(text, &mut out, s..at + len, (open_len, len), pi, true);
                    open = None;
                }
                _ => {}
            }
            i += len;
        }
        if let Some((s, open_len)) = open {
            push(text, &mut out, s..p.range.end, (open_len, 0), pi, false);
        }
    }
    out
}

/// Does a quoted stretch hold a word outside markup tags (`<tweet/>` alone is no speech)?
fn has_words_outside_tags(s: &str) -> bool {
    let mut in_tag = false;
    let mut prev_lt = false;
    for c in s.chars() {
        if prev_lt && (c.is_ascii_alphabetic() || c == '/') {
            in_tag = true;
        }
        prev_lt = c == '<';
        if in_tag {
            in_tag = c != '>';
        } else if c.is_alphanumeric() {
            return true;
        }
    }
    false
}

/// Keep the stretch unless it holds no word at all; trim white space inside the marks.
fn push(
    text: &str,
    out: &mut Vec<Mark>,
    outer: Range<usize>,
    (open_len, close_len): (usize, usize),
    para: usize,
    closed: bool,
) {
    let inner = outer.start + open_len..outer.end - close_len;
    let s = sub(text, inner.clone());
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if !has_words_outside_tags(trimmed) {
        return;
    }
    let start = inner.start + lead;
    out.push(Mark {
        content: start..start + trimmed.len(),
        outer,
        para,
        closed,
    });
}

/// Single-quoted words inside a range (‘abandon’, 'normal'): an opening mark after a space or
/// bracket, a closing mark not followed by a letter. Apostrophes (`doesn’t`, `Kim’s`) never
/// open or close, because a letter stands on both sides of them. Not inlined: its per-character
/// loop would close around attribution's large function (the tier-up rule in
/// `attribution`'s module docs).
#[inline(never)]
pub(crate) fn nested_single(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let body = sub(text, range.clone());
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    // The range is read as if spaces stood before and after it.
    let mut prev = ' ';
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map_or(' ', |&(_, n)| n);
        match c {
            '‘' | '\'' if open.is_none() && !prev.is_alphanumeric() && next.is_alphanumeric() => {
                open = Some(i + c.len_utf8());
            }
            '’' | '\'' if !next.is_alphanumeric() && prev != ' ' => {
                if let Some(s) = open.take() {
                    if sub(body, s..i).chars().any(char::is_alphanumeric) {
                        out.push(range.start + s..range.start + i);
                    }
                }
            }
            _ => {}
        }
        prev = c;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::paragraphs;

    #[test]
    fn the_next_mark_byte_is_found_at_any_offset() {
        let text = "ab\u{1}\u{80}cd<ef“gh\"ij'kl\u{2}\u{ff}mnopq\"".repeat(3);
        let bytes = text.as_bytes();
        for i in 0..bytes.len() {
            let want = bytes[i..].iter().position(|b| MARK_BYTES.contains(b));
            assert_eq!(next_mark_byte(&bytes[i..]), want, "from {i}");
        }
    }

    fn quotes(text: &str) -> Vec<(&str, bool)> {
        let paras = paragraphs(text);
        find(text, &paras)
            .into_iter()
            .map(|q| (&text[q.content], q.closed))
            .collect()
    }

    #[test]
    fn double_quoted_stretches() {
        let cases: &[(&str, &[(&str, bool)])] = &[
            ("No quotes here.", &[]),
            ("“Curly,” he said.", &[("Curly,", true)]),
            ("\"Straight,\" he said.", &[("Straight,", true)]),
            ("“Mismatched,\" she said.", &[("Mismatched,", true)]),
            ("“A,” he said. “B.”", &[("A,", true), ("B.", true)]),
            // Marks inside a markup tag are attribute delimiters; a lone `<` is not a tag.
            (
                "<tweet author=\"@roe\" date=\"May 1\">“We won,” she wrote.</tweet>",
                &[("We won,", true)],
            ),
            ("If 3 < 4, “math works,” he said.", &[("math works,", true)]),
            // A tag broken across paragraphs: the mark before `>` ends its attribute, and a
            // stretch holding only a tag is no quote.
            ("\">We won, she wrote.</tweet>", &[]),
            ("Great day #win“<tweet/>.", &[]),
            // … and a tag whose `>` lies in a later paragraph still has attribute values.
            ("<tweet author=\"just a phrase\" date=\"\nMore.", &[]),
            (
                "<a href=”https://example.com/x” target=”_blank”>“A title”</a>",
                &[("A title", true)],
            ),
            ("Set x=\"5\" then “go,” she said.", &[("go,", true)]),
            ("Set x=''5\"é'' then “go,” she said.", &[("go,", true)]),
            (
                "“Not ‘abandon’ it,” he said.",
                &[("Not ‘abandon’ it,", true)],
            ),
            (
                "“Runs on\n“and ends.”",
                &[("Runs on", false), ("and ends.", true)],
            ),
            ("Empty “ ” marks and “...” dots.", &[]),
            ("“ Spaced ” words.", &[("Spaced", true)]),
            ("“Lost close “Fresh start.”", &[("Fresh start.", true)]),
            ("“Wrong way round,“ he said.", &[("Wrong way round,", true)]),
            (
                "It came as a “question’’ that stung.",
                &[("question", true)],
            ),
            ("“We’’re not,” she said.", &[("We’’re not,", true)]),
            (
                "“Ellipses … and [bracketed] kept.”",
                &[("Ellipses … and [bracketed] kept.", true)],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(&quotes(text), want, "{text:?}");
        }
    }

    #[test]
    fn outer_includes_the_marks() {
        let text = "He said “yes” then.";
        let m = &find(text, &paragraphs(text))[0];
        assert_eq!(&text[m.outer.clone()], "“yes”");
    }

    #[test]
    fn repeated_paragraphs_are_skipped() {
        let text = "“Once,” he said.\nOther.\n“Once,” he said.";
        assert_eq!(quotes(text), vec![("Once,", true)]);
    }

    #[test]
    fn nested_single_quotes() {
        let cases: &[(&str, &[&str])] = &[
            ("would not ‘abandon’ it", &["abandon"]),
            ("into a ‘normal’ one", &["normal"]),
            ("a 'straight' one", &["straight"]),
            ("Kim’s wish doesn’t matter", &[]),
            ("the ‘two words’ here", &["two words"]),
            ("‘Start’ of range", &["Start"]),
        ];
        for (text, want) in cases {
            let got: Vec<&str> = nested_single(text, 0..text.len())
                .into_iter()
                .map(|r| &text[r])
                .collect();
            assert_eq!(&got, want, "{text:?}");
        }
    }
}
