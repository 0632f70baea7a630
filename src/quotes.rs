//! Direct quotations: the stretches between double quotation marks.
//!
//! Rules of English news copy this module follows:
//! - “ ” (curly) and " (straight) both open and close; a straight mark opens when outside a
//!   quote and closes when inside one, so mismatched pairs such as `“…"` still pair up.
//! - ‘ ’ and ' inside a quote are nested quotes or apostrophes: never separate quotes here.
//! - A quote left open at the end of a paragraph runs to the paragraph's end (news style opens
//!   each paragraph of a long quote without closing the previous one).
//! - Paragraphs that repeat an earlier one are skipped, so each quote is reported once.

use std::ops::Range;

use crate::text::Para;

/// A quoted stretch in byte offsets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RawQuote {
    /// The words between the marks.
    pub(crate) range: Range<usize>,
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

/// Every double-quoted stretch of the non-repeated paragraphs, in text order.
pub(crate) fn find(text: &str, paras: &[Para]) -> Vec<RawQuote> {
    let mut out = Vec::new();
    for (pi, p) in paras.iter().enumerate() {
        if p.duplicate_of.is_some() {
            continue;
        }
        let body = &text[p.range.clone()];
        let mut open: Option<usize> = None;
        for (i, c) in body.char_indices() {
            let at = p.range.start + i;
            match open {
                None if is_open_mark(c) => open = Some(at + c.len_utf8()),
                // A curly opening mark inside a quote: the earlier mark was never closed, so the
                // quote starts again here (real copy drops closing marks more often than opens).
                Some(_) if c == '“' => open = Some(at + c.len_utf8()),
                Some(s) if is_close_mark(c) => {
                    push_trimmed(text, &mut out, s..at, pi, true);
                    open = None;
                }
                _ => {}
            }
        }
        if let Some(s) = open {
            push_trimmed(text, &mut out, s..p.range.end, pi, false);
        }
    }
    out
}

/// Keep the quote unless it holds no word at all; trim white space just inside the marks.
fn push_trimmed(text: &str, out: &mut Vec<RawQuote>, r: Range<usize>, para: usize, closed: bool) {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if !trimmed.chars().any(char::is_alphanumeric) {
        return;
    }
    let start = r.start + lead;
    out.push(RawQuote {
        range: start..start + trimmed.len(),
        para,
        closed,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::paragraphs;

    fn quotes(text: &str) -> Vec<(&str, bool)> {
        let paras = paragraphs(text);
        find(text, &paras)
            .into_iter()
            .map(|q| (&text[q.range], q.closed))
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
        ];
        for (text, want) in cases {
            assert_eq!(&quotes(text), want, "{text:?}");
        }
    }

    #[test]
    fn repeated_paragraphs_are_skipped() {
        let text = "“Once,” he said.\nOther.\n“Once,” he said.";
        assert_eq!(quotes(text), vec![("Once,", true)]);
    }
}
