//! Timeline: the dates a text gives, resolved against the article's date.
//!
//! Rules:
//! - Stated dates are exact: years (`in 2013`), ranges (`1950-53` → `1950/1953`), months with a
//!   year (`December 2013`, `July 27, 2014`).
//! - Relative dates (`last year`, `last month`, `early this month`, `last week`, `on Wednesday`,
//!   a month without a year) need an anchor: the `date` option, or else an anchor inferred from
//!   the text — an `Nth anniversary of` an event whose year the text states
//!   (`the 1950-53 Korean War` … `the 61st anniversary of the end of the Korean War` → 2014;
//!   `the 60th anniversary last year` → one year later). Inferred anchors give only a year, and
//!   everything resolved from them is `approximate`.
//! - A month without a year is the latest such month up to the anchor's — or the next one when
//!   the sentence speaks of the future (`will`, `expected`); with only a year known, the anchor
//!   is taken as the middle of that year ([`ASSUMED_MONTH`]); units finer than the anchor resolve to the anchor's
//!   own precision (`last week` → the year) rather than invent a day.
//! - Without an anchor, relative dates are left out (never invented).

use std::ops::Range;

use crate::lexicon::{is_any, trim_end_any, CollectVec};
use crate::relations::Sentence;
use crate::text::sub;

/// The month assumed for an anchor known only by its year: mid-year.
pub(crate) const ASSUMED_MONTH: u32 = 6;

/// Month names, lower case.
pub(crate) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
/// Weekday names, lower case.
pub(crate) const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
/// Words that make an ambiguous month name (`May`, `March`) a date.
const MONTH_LEADS: &[&str] = &[
    "in", "on", "since", "until", "by", "early", "late", "last", "this", "next", "of", "from",
    "mid", "through", "before", "after", "between", "and",
];

/// Words before a relative expression that keep its date (`early this month`).
const RELATIVE_LEADS: &[&str] = &["early", "earlier", "late", "later", "mid"];

/// Words that put a sentence in the future, so a month without a year is the next one.
const FUTURE: &[&str] = &[
    "will",
    "expected",
    "scheduled",
    "plans",
    "planned",
    "upcoming",
    "due",
    "shall",
];

/// The date relative expressions are resolved against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Anchor {
    pub(crate) year: i32,
    /// Month and day when known exactly.
    pub(crate) day: Option<(u32, u32)>,
    /// Inferred from the text rather than given.
    pub(crate) approximate: bool,
}

/// One dated expression in byte offsets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Dated {
    /// The date words.
    pub(crate) when: Range<usize>,
    /// `2014`, `2013-12`, `2014-07-23`, `1950/1953`.
    pub(crate) date: String,
    pub(crate) approximate: bool,
    /// Index of the sentence.
    pub(crate) sentence: usize,
}

/// A word of a sentence: its range and lowercase text.
struct W<'a> {
    range: Range<usize>,
    raw: &'a str,
    key: &'a str,
}

/// True when a sentence may hold a date: a number, a month or weekday, or a relative unit.
fn may_hold_date(s: &Sentence) -> bool {
    s.toks.iter().any(|t| {
        let k = t.key.as_bytes();
        k.first().is_some_and(u8::is_ascii_digit)
            || matches!(k, b"year" | b"month" | b"week" | b"yesterday")
            || (t.cap && (t.key.is_any(&MONTHS) || t.key.is_any(&WEEKDAYS)))
    })
}

/// The sentences that may hold a date, in lower case: their texts one after another, and each
/// sentence's index with its byte offset in that string.
struct Lowered {
    text: String,
    sentences: Vec<(usize, usize)>,
}

/// [`Lowered`] for the sentences that [`may_hold_date`].
fn lowered(text: &str, sentences: &[Sentence]) -> Lowered {
    let mut at = 0;
    let candidates = sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| may_hold_date(s))
        .map(|(si, s)| {
            at += s.range.len();
            (si, at - s.range.len())
        })
        .collect_vec();
    let mut lower = String::with_capacity(at);
    for &(si, _) in &candidates {
        lower.push_str(sub(text, sentences[si].range.clone()));
    }
    lower.make_ascii_lowercase();
    Lowered {
        text: lower,
        sentences: candidates,
    }
}

/// The words of every sentence that may hold a date, all in one list: each such sentence's
/// index and its words' range in the list.
struct Candidates<'a> {
    words: Vec<W<'a>>,
    sentences: Vec<(usize, Range<usize>)>,
}

impl<'a> Candidates<'a> {
    fn new(text: &'a str, lower: &'a Lowered, sentences: &[Sentence]) -> Candidates<'a> {
        let n_words = lower
            .sentences
            .iter()
            .map(|&(si, _)| sentences[si].words.len());
        let mut c = Candidates {
            words: Vec::with_capacity(n_words.sum()),
            sentences: Vec::with_capacity(lower.sentences.len()),
        };
        for &(si, at) in &lower.sentences {
            let s = &sentences[si];
            let first = c.words.len();
            // ASCII lower-casing keeps byte lengths, so a word's key is at the same offset
            // from its sentence's start.
            let shift = |b: usize| (b + at).saturating_sub(s.range.start);
            c.words.extend(s.words.iter().map(|r| W {
                raw: sub(text, r.clone()),
                key: sub(&lower.text, shift(r.start)..shift(r.end)),
                range: r.clone(),
            }));
            c.sentences.push((si, first..c.words.len()));
        }
        c
    }

    /// Each candidate sentence's index and words.
    fn each(&self) -> impl Iterator<Item = (usize, &[W<'a>])> + Clone {
        self.sentences
            .iter()
            .map(|(si, r)| (*si, self.words.get(r.clone()).unwrap_or_default()))
    }
}

/// Every dated expression, resolved against `given` (the `date` option) or else an anchor
/// inferred from the text. Not inlined: its per-word loops would close around
/// `relations::analyse` (the tier-up rule in `attribution`'s module docs).
#[inline(never)]
pub(crate) fn resolve(text: &str, sentences: &[Sentence], given: Option<Anchor>) -> Vec<Dated> {
    let lower = lowered(text, sentences);
    let words = Candidates::new(text, &lower, sentences);
    let anchor = given.or_else(|| anchor_from(text, &words));
    find_in(text, &words, anchor)
}

/// True when `w` starts with an ASCII digit.
fn starts_with_digit(w: &str) -> bool {
    w.as_bytes().first().is_some_and(u8::is_ascii_digit)
}

fn year_of(w: &str) -> Option<i32> {
    if !starts_with_digit(w) {
        return None;
    }
    (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
        .filter(|y| (1800..=2100).contains(y))
}

/// `1950-53`, `1950-1953`, or `1950` followed in the text by `–53`: (start, end, byte end).
fn year_range(text: &str, w: &W) -> Option<(i32, i32, usize)> {
    if !w.raw.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let (a, b, end) = match w.raw.split_once(['-', '‑']) {
        Some((a, b)) => (a, b, w.range.end),
        None => {
            let rest = sub(text, w.range.end..);
            let b = rest.strip_prefix('–')?;
            let digits = b.bytes().take_while(u8::is_ascii_digit).count();
            (
                w.raw,
                sub(b, ..digits),
                w.range.end + '–'.len_utf8() + digits,
            )
        }
    };
    let start = year_of(a)?;
    let end_year = match b.len() {
        2 => start / 100 * 100 + b.parse::<i32>().ok()?,
        4 => year_of(b)?,
        _ => return None,
    };
    (end_year > start).then_some((start, end_year, end))
}

fn ordinal(w: &str) -> Option<i32> {
    let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
    let suffix = sub(w, digits.len()..);
    is_any(suffix, &["st", "nd", "rd", "th"])
        .then(|| digits.parse().ok())
        .flatten()
}

/// Infer the article's year from an `Nth anniversary of` an event dated in the text.
#[cfg(test)]
pub(crate) fn infer_anchor(text: &str, sentences: &[Sentence]) -> Option<Anchor> {
    let lower = lowered(text, sentences);
    anchor_from(text, &Candidates::new(text, &lower, sentences))
}

fn anchor_from(text: &str, words: &Candidates) -> Option<Anchor> {
    // Named events with their years: `the 1950-53 Korean War`.
    let mut events: Vec<(String, i32, i32)> = Vec::new();
    let all = words.each().map(|(_, ws)| ws);
    for ws in all.clone() {
        for (i, w) in ws.iter().enumerate() {
            // Only a word that starts with a digit can be a year (a cheap test first).
            let years = starts_with_digit(w.raw)
                .then(|| {
                    year_range(text, w)
                        .map(|(a, b, _)| (a, b))
                        .or_else(|| year_of(w.raw).map(|y| (y, y)))
                })
                .flatten();
            if let Some((a, b)) = years {
                let name = capitalised_run(&ws[i + 1..]);
                if !name.is_empty() {
                    events.push((name, a, b));
                }
            }
        }
    }
    for ws in all {
        for (i, w) in ws.iter().enumerate() {
            let Some(n) = ordinal(w.key) else { continue };
            if ws.get(i + 1).map(|x| x.key) != Some("anniversary") {
                continue;
            }
            let mut j = i + 2;
            if ws.get(j).map(|x| x.key) != Some("of") {
                continue;
            }
            j += 1;
            let mut use_end = false;
            while let Some(x) = ws.get(j) {
                match x.key {
                    "the" | "of" => {}
                    "end" | "close" => use_end = true,
                    "start" | "outbreak" | "beginning" | "founding" | "signing" => {}
                    _ => break,
                }
                j += 1;
            }
            let name = capitalised_run(&ws[j.min(ws.len())..]);
            let last = name.rsplit(' ').next().unwrap_or("");
            let found = events
                .iter()
                .find(|e| e.0 == name)
                .or_else(|| events.iter().find(|e| e.0.rsplit(' ').next() == Some(last)));
            let Some(&(_, start, end)) = found else {
                continue;
            };
            let year = if use_end { end } else { start } + n;
            let shift = relative_year_shift(ws);
            return Some(Anchor {
                year: year - shift,
                day: None,
                approximate: true,
            });
        }
    }
    None
}

/// The anniversary's year relative to the article: `last year` → −1, `next year` → +1.
fn relative_year_shift(ws: &[W]) -> i32 {
    for pair in ws.windows(2) {
        match (pair[0].key, pair[1].key) {
            ("last", "year") => return -1,
            ("next", "year") => return 1,
            _ => {}
        }
    }
    0
}

fn capitalised_run(ws: &[W]) -> String {
    ws.iter()
        .take_while(|w| w.raw.chars().next().is_some_and(char::is_uppercase))
        .take(4)
        .map(|w| w.key)
        .collect_vec()
        .join(" ")
}

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
    (y, m, d)
}

fn iso_day(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Every dated expression of the sentences, resolved against `anchor` where needed.
#[cfg(test)]
pub(crate) fn find(text: &str, sentences: &[Sentence], anchor: Option<Anchor>) -> Vec<Dated> {
    let lower = lowered(text, sentences);
    find_in(text, &Candidates::new(text, &lower, sentences), anchor)
}

fn find_in(text: &str, words: &Candidates, anchor: Option<Anchor>) -> Vec<Dated> {
    let mut out = Vec::new();
    for (si, ws) in words.each() {
        let mut i = 0;
        while i < ws.len() {
            match date_at(text, ws, i, anchor) {
                Some((_, when, date, approximate)) => {
                    while i < ws.len() && ws[i].range.start < when.end {
                        i += 1;
                    }
                    out.push(Dated {
                        when,
                        date,
                        approximate,
                        sentence: si,
                    });
                }
                None => i += 1,
            }
        }
    }
    out
}

/// A date expression starting at word `i`: (words used, range, date, approximate). Not
/// inlined, and most words leave at its first test, by the tier-up rule (`attribution`'s
/// module docs): a call that runs to the end counts the whole function.
#[inline(never)]
fn date_at(
    text: &str,
    ws: &[W],
    i: usize,
    anchor: Option<Anchor>,
) -> Option<(usize, Range<usize>, String, bool)> {
    let w = &ws[i];
    let key = |k: usize| ws.get(k).map_or("", |x| x.key);
    let span = |a: usize, b: usize| ws[a].range.start..ws[b].range.end;
    // A date starts with a digit, a month or weekday name, `yesterday`, or a word of a
    // relative expression (`last`, `this`, `early`…); every other word leaves here.
    let is_cap = w.raw.chars().next().is_some_and(char::is_uppercase);
    let digit = starts_with_digit(w.raw);
    let month_index = is_cap
        .then(|| MONTHS.iter().position(|m| *m == w.key))
        .flatten();
    let weekday = is_cap
        .then(|| WEEKDAYS.iter().position(|d| *d == w.key))
        .flatten();
    let lead = is_any(w.key, RELATIVE_LEADS);
    if !digit
        && month_index.is_none()
        && weekday.is_none()
        && !lead
        && !matches!(w.key, "last" | "this" | "next" | "previous" | "yesterday")
    {
        return None;
    }
    // Only a word that starts with a digit can be a year (a cheap test first).
    if digit {
        if let Some((a, b, end)) = year_range(text, w) {
            return Some((1, w.range.start..end, format!("{a}/{b}"), false));
        }
        if let Some(y) = year_of(w.raw) {
            return Some((1, w.range.clone(), y.to_string(), false));
        }
    }
    // A month, with an optional day and year after it.
    if let Some(mi) = month_index {
        let month = mi as u32 + 1;
        let mut j = i + 1;
        let day = ws
            .get(j)
            .and_then(|x| {
                trim_end_any(x.key, &['s', 't', 'n', 'd', 'r', 'h'])
                    .parse::<u32>()
                    .ok()
            })
            .filter(|d| (1..=31).contains(d));
        if day.is_some() {
            j += 1;
        }
        let year = ws.get(j).and_then(|x| year_of(x.raw));
        let ambiguous = is_any(w.key, &["may", "march"]);
        let led = i > 0 && MONTH_LEADS.contains(&key(i - 1));
        if ambiguous && !led && day.is_none() && year.is_none() {
            return None;
        }
        if let Some(y) = year {
            let date = match day {
                Some(d) => format!("{y:04}-{month:02}-{d:02}"),
                None => format!("{y:04}-{month:02}"),
            };
            return Some((j + 1 - i, span(i, j), date, false));
        }
        let a = anchor?;
        let anchor_month = a.day.map_or(ASSUMED_MONTH, |(m, _)| m);
        let future = ws.iter().any(|x| FUTURE.contains(&x.key));
        let y = match (future, month >= anchor_month) {
            (true, true) | (false, false) => a.year,
            (true, false) => a.year + 1,
            (false, true) if month == anchor_month => a.year,
            (false, true) => a.year - 1,
        };
        let date = match day {
            Some(d) => format!("{y:04}-{month:02}-{d:02}"),
            None => format!("{y:04}-{month:02}"),
        };
        let approx = a.approximate || a.day.is_none();
        return Some((j - i, span(i, j - 1), date, approx));
    }
    // Relative expressions: `last year`, `early this month`, `on Wednesday`, `yesterday`.
    let a = anchor?;
    let exact = a.day.map(|(m, d)| days_from_civil(a.year, m, d));
    let year_only = |n: usize, end: usize, y: i32| Some((n, span(i, end), y.to_string(), true));
    let k = if lead { i + 1 } else { i };
    match (key(k), key(k + 1)) {
        (rel @ ("last" | "this" | "next" | "previous"), unit @ ("year" | "month" | "week")) => {
            let shift: i64 = match rel {
                "last" | "previous" => -1,
                "next" => 1,
                _ => 0,
            };
            let n = k + 2 - i;
            match unit {
                "year" => Some((
                    n,
                    span(i, k + 1),
                    (a.year + shift as i32).to_string(),
                    a.approximate,
                )),
                "month" => match a.day {
                    Some((m, _)) => {
                        let total = i64::from(a.year) * 12 + i64::from(m) - 1 + shift;
                        let (y, m) = (total.div_euclid(12) as i32, total.rem_euclid(12) as u32 + 1);
                        Some((n, span(i, k + 1), format!("{y:04}-{m:02}"), a.approximate))
                    }
                    None => year_only(n, k + 1, a.year),
                },
                _ => match exact {
                    Some(days) => Some((n, span(i, k + 1), iso_day(days + 7 * shift), true)),
                    None => year_only(n, k + 1, a.year),
                },
            }
        }
        _ => {
            if let Some(wd) = weekday {
                if i == 0 || !is_any(key(i - 1), &["on", "last", "since", "until", "by"]) {
                    return None;
                }
                let start = i - 1;
                return match exact {
                    Some(days) => {
                        // 1970-01-01 was a Thursday (index 3 with Monday = 0).
                        let today = (days + 3).rem_euclid(7);
                        let back = (today - wd as i64).rem_euclid(7);
                        Some((1, span(start, i), iso_day(days - back), a.approximate))
                    }
                    None => Some((1, span(start, i), a.year.to_string(), true)),
                };
            }
            match w.key {
                "yesterday" => match exact {
                    Some(days) => Some((1, w.range.clone(), iso_day(days - 1), a.approximate)),
                    None => year_only(1, i, a.year),
                },
                _ => None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::relations::Sentence;
    use crate::text;

    fn sentences(text: &str) -> Vec<Sentence<'static>> {
        text::sentences(text, 0..text.len())
            .into_iter()
            .map(|r| Sentence::bare(text, r))
            .collect()
    }

    fn dates(text: &str, anchor: Option<Anchor>) -> Vec<(String, String, bool)> {
        let s = sentences(text);
        find(text, &s, anchor)
            .into_iter()
            .map(|d| (text[d.when].to_string(), d.date, d.approximate))
            .collect()
    }

    fn given(y: i32, m: u32, d: u32) -> Option<Anchor> {
        Some(Anchor {
            year: y,
            day: Some((m, d)),
            approximate: false,
        })
    }

    #[test]
    fn calendar_round_trip() {
        for (y, m, d) in [(1970, 1, 1), (2014, 7, 30), (2000, 2, 29), (1953, 7, 27)] {
            assert_eq!(civil_from_days(days_from_civil(y, m, d)), (y, m, d));
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
    }

    #[test]
    fn stated_and_relative_dates() {
        let a = given(2014, 7, 30); // a Wednesday
        let cases: &[(&str, Option<Anchor>, &[(&str, &str, bool)])] = &[
            (
                "The 1950-53 war ended.",
                None,
                &[("1950-53", "1950/1953", false)],
            ),
            (
                "The 1950–1953 war.",
                None,
                &[("1950–1953", "1950/1953", false)],
            ),
            ("It grew in 2013.", None, &[("2013", "2013", false)]),
            (
                "On July 27, 2014 they met.",
                None,
                &[("July 27, 2014", "2014-07-27", false)],
            ),
            ("It rose last year.", None, &[]),
            ("It rose last year.", a, &[("last year", "2013", false)]),
            (
                "Early this month it fell.",
                a,
                &[("Early this month", "2014-07", false)],
            ),
            (
                "He spoke last month.",
                a,
                &[("last month", "2014-06", false)],
            ),
            (
                "They met on Monday.",
                a,
                &[("on Monday", "2014-07-28", false)],
            ),
            (
                "They met on Wednesday.",
                a,
                &[("on Wednesday", "2014-07-30", false)],
            ),
            (
                "It happened in December.",
                a,
                &[("December", "2013-12", false)],
            ),
            ("It happened in March.", a, &[("March", "2014-03", false)]),
            (
                "A summit is expected in May.",
                a,
                &[("May", "2015-05", false)],
            ),
            (
                "They will meet in September.",
                a,
                &[("September", "2014-09", false)],
            ),
            // Every word a date can start with passes `date_at`'s first test.
            (
                "It fell yesterday.",
                a,
                &[("yesterday", "2014-07-29", false)],
            ),
            (
                "They meet next week.",
                a,
                &[("next week", "2014-08-06", true)],
            ),
            (
                "It rose the previous year.",
                a,
                &[("previous year", "2013", false)],
            ),
            (
                "Talks resume later this year.",
                a,
                &[("later this year", "2014", false)],
            ),
            (
                "They meet mid next month.",
                a,
                &[("mid next month", "2014-08", false)],
            ),
            ("Troops march on.", a, &[]),
            ("He may visit.", a, &[]),
            ("700,000 troops and a 17-year reign.", a, &[]),
        ];
        for (text, anchor, want) in cases {
            let want: Vec<(String, String, bool)> = want
                .iter()
                .map(|(a, b, c)| (a.to_string(), b.to_string(), *c))
                .collect();
            assert_eq!(dates(text, *anchor), want, "{text:?}");
        }
    }

    #[test]
    fn anchor_from_an_anniversary() {
        let text = "The 1950-53 Korean War ended. On Wednesday they marked the 61st \
                    anniversary of the end of the Korean War. It happened in December.";
        let s = sentences(text);
        let a = infer_anchor(text, &s).unwrap();
        assert_eq!((a.year, a.day, a.approximate), (2014, None, true));
        let got = dates(text, Some(a));
        assert!(
            got.contains(&("December".into(), "2013-12".into(), true)),
            "{got:?}"
        );
        assert!(
            got.contains(&("On Wednesday".into(), "2014".into(), true)),
            "{got:?}"
        );
        let text = "The 1950-53 Korean War ended. Last year marked the 60th anniversary of \
                    the end of the Korean War.";
        let a = infer_anchor(text, &sentences(text)).unwrap();
        assert_eq!(a.year, 2014);
        assert_eq!(
            infer_anchor("No dates here.", &sentences("No dates here.")),
            None
        );
    }
}
