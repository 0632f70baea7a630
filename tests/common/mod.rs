//! Invariants every analysis must satisfy, whatever the input: shared by the pathological-input
//! tests (`tests/hardening.rs`) and the property tests (`tests/proptest.rs`).
//!
//! They are stated over the public model only, so they stay true as the analysis grows: every
//! span lies inside the text on UTF-16 char boundaries, text fields documented as "the words as
//! they stand in the text" equal their slice, ids resolve, scores are finite and in range.

#![allow(dead_code)]

use relations_widget::{view_model, Analysis, Options};

/// The input as UTF-16 code units, the way JavaScript sees it.
pub struct Utf16Text {
    units: Vec<u16>,
}

impl Utf16Text {
    pub fn new(text: &str) -> Self {
        Utf16Text {
            units: text.encode_utf16().collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.units.len()
    }

    /// `text.slice(start, end)`, or an explanation of why the span is not a valid slice.
    pub fn slice(&self, what: &str, start: usize, end: usize) -> Result<String, String> {
        if start > end || end > self.units.len() {
            return Err(format!(
                "{what}: span {start}..{end} outside 0..{}",
                self.units.len()
            ));
        }
        String::from_utf16(&self.units[start..end])
            .map_err(|_| format!("{what}: span {start}..{end} splits a surrogate pair"))
    }
}

fn exact(t: &Utf16Text, what: &str, text: &str, start: usize, end: usize) -> Result<(), String> {
    let got = t.slice(what, start, end)?;
    if got != text {
        return Err(format!(
            "{what}: text {text:?} is not the slice {start}..{end} = {got:?}"
        ));
    }
    Ok(())
}

fn in_range(what: &str, x: f64, lo: f64, hi: f64) -> Result<(), String> {
    if !x.is_finite() || x < lo || x > hi {
        return Err(format!("{what}: score {x} outside [{lo}, {hi}]"));
    }
    Ok(())
}

/// Check every invariant of `a` against its input `text`; the error names the first broken one.
pub fn check(text: &str, a: &Analysis) -> Result<(), String> {
    let t = Utf16Text::new(text);

    // Paragraphs: in order, non-overlapping, non-empty, trimmed; duplicates point backwards.
    let mut prev_end = 0;
    for (i, p) in a.paragraphs.iter().enumerate() {
        let what = format!("paragraph {i}");
        let s = t.slice(&what, p.start, p.end)?;
        if p.start < prev_end {
            return Err(format!("{what} starts at {} before {prev_end}", p.start));
        }
        if s.is_empty() || s.trim() != s {
            return Err(format!("{what} is empty or untrimmed: {s:?}"));
        }
        if let Some(d) = p.duplicate_of {
            if d >= i || a.paragraphs[d].duplicate_of.is_some() {
                return Err(format!(
                    "{what} is a duplicate of {d}, not an earlier original"
                ));
            }
        }
        prev_end = p.end;
    }

    // Quotes: exact slices, unique ids, in text order, speakers resolve.
    let mut ids = std::collections::HashSet::new();
    let mut prev_start = 0;
    for q in &a.quotes {
        exact(&t, &q.id, &q.text, q.start, q.end)?;
        if !ids.insert(q.id.as_str()) {
            return Err(format!("quote id {} repeats", q.id));
        }
        if q.start < prev_start {
            return Err(format!("{} is out of text order", q.id));
        }
        prev_start = q.start;
        if let Some(c) = &q.cue {
            exact(&t, &format!("{} cue", q.id), &c.text, c.start, c.end)?;
        }
        if let Some(sp) = &q.speaker {
            if !a.speakers.iter().any(|s| &s.id == sp) {
                return Err(format!("{} names unknown speaker {sp}", q.id));
            }
        }
        if let Some(st) = &q.stance {
            in_range(&format!("{} stance", q.id), st.score, -1.0, 1.0)?;
            for c in &st.cues {
                exact(&t, &format!("{} stance cue", q.id), &c.text, c.start, c.end)?;
                if !c.weight.is_finite() {
                    return Err(format!("{} stance cue weight {}", q.id, c.weight));
                }
            }
        }
    }

    for s in &a.speakers {
        if s.name.trim().is_empty() {
            return Err(format!("speaker {} has no name", s.id));
        }
        for m in &s.mentions {
            t.slice(&format!("speaker {} mention", s.id), m.start, m.end)?;
        }
    }
    for s in &a.scare_quotes {
        exact(&t, "scare quote", &s.text, s.start, s.end)?;
    }
    let actor = |id: &str| a.actors.iter().any(|x| x.id == id);
    for x in &a.actors {
        for m in &x.mentions {
            t.slice(&format!("actor {} mention", x.id), m.start, m.end)?;
        }
    }
    for f in &a.focus {
        if !actor(f) {
            return Err(format!("focus names unknown actor {f}"));
        }
    }
    for (i, x) in a.interactions.iter().enumerate() {
        let what = format!("interaction {i}");
        t.slice(&what, x.start, x.end)?;
        in_range(&what, x.score, -10.0, 10.0)?;
        if !actor(&x.source) || !actor(&x.target) {
            return Err(format!("{what} names an unknown actor"));
        }
    }
    for (i, r) in a.relations.iter().enumerate() {
        let what = format!("relation {i}");
        in_range(&what, r.score, -1.0, 1.0)?;
        for e in &r.evidence {
            t.slice(&format!("{what} evidence"), e.start, e.end)?;
            if !e.weight.is_finite() {
                return Err(format!("{what} evidence weight {}", e.weight));
            }
        }
    }
    for (i, e) in a.timeline.iter().enumerate() {
        t.slice(&format!("timeline event {i}"), e.start, e.end)?;
    }
    Ok(())
}

/// Analyse `text`, check every invariant, build the view-model and serialise to JSON; the
/// analysis comes back for further assertions. Errors (empty or oversize input) are returned.
pub fn analyze_checked(text: &str, options: &Options) -> Result<Analysis, relations_widget::Error> {
    let a = relations_widget::analyze(text, options)?;
    if let Err(e) = check(text, &a) {
        panic!("{e}\ninput ({} bytes): {:?}", text.len(), preview(text));
    }
    // The view-model is pure Rust too: it must digest whatever the analysis holds.
    let _ = view_model(&a, text, options);
    serde_json::to_string(&a).expect("the analysis serialises");
    Ok(a)
}

/// The first and last few hundred chars of a long input, for failure messages.
pub fn preview(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= 400 {
        return text.to_string();
    }
    let head: String = chars[..200].iter().collect();
    let tail: String = chars[chars.len() - 200..].iter().collect();
    format!("{head}…[{} chars]…{tail}", chars.len())
}
