//! Stance: how strained or cordial a stretch of text says a relationship is, with the words
//! that moved the score (`data/stance.tsv`).
//!
//! Rules, applied to each cue of the lexicon:
//! - An intensifier right before a cue multiplies it (`seriously strained`, `stark gap`).
//! - A negator up to [`NEGATION_SCOPE`] words before a cue in the same clause flips it: a
//!   negated cordial cue becomes strained (`no high-level exchanges`, `slashing … assistance`),
//!   a negated strained cue becomes mildly cordial (`would still not ‘abandon’`).
//! - A post-negator later in the clause flips it too (`any summit … would be implausible`).
//! - Cues in a clause opened by a condition (`if`, `as far as`, `For their ties to improve,`) or
//!   a concession (`despite`, `although`) count only a little; cues before a contrast (`but`,
//!   `however`) count half, so the main clause decides.
//! - A hedge anywhere (`it seems`, `may`) softens every cue of the unit.
//! - Insults count as hostility.
//! - A capitalised cue word inside a clause is part of a name (`New Politics Alliance`) and
//!   does not count.
//!
//! The score is the cues' sum squashed into (−1, 1); a unit without any cue has no stance.

use std::ops::Range;
use std::sync::OnceLock;

use crate::lexicon::{data_rows, parse_decimal, PhraseTable, Token};
use crate::model::StanceLabel;

const LEXICON: &str = crate::lexicon::data_file!(include_str!("../data/stance.tsv"));

/// How many words after a negator a cue can be and still be negated.
pub(crate) const NEGATION_SCOPE: usize = 5;
/// How many words after a cordial cue a post-negator (`implausible`) can be.
const POSTNEG_SCOPE: usize = 8;
/// How many words before a cue an intensifier can be (`stark gap`, `seriously strained`).
const INTENSIFIER_REACH: usize = 2;
/// A negated cordial cue keeps this share of its weight, with the sign flipped.
const NEGATED_CORDIAL: f64 = 0.8;
/// A negated strained cue keeps this share, flipped (`not abandon` is only mildly cordial).
const NEGATED_STRAINED: f64 = 0.5;
/// Weight left to cues inside a condition clause.
const CONDITION_FACTOR: f64 = 0.25;
/// Weight left to cues inside a concession clause.
const CONCESSION_FACTOR: f64 = 0.3;
/// Weight left to cues before a contrast marker.
const CONTRAST_FACTOR: f64 = 0.5;
/// The sum `s` of cue weights maps to `s / (|s| + STANCE_SOFTNESS)`.
const STANCE_SOFTNESS: f64 = 1.5;
/// Scores at or beyond ± this are strained / cordial; between, mixed.
pub(crate) const LABEL_THRESHOLD: f64 = 0.2;

/// What a lexicon phrase does.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Cue(f64),
    Insult(f64),
    Negator,
    PostNeg,
    Intensifier(f64),
    Hedge(f64),
    Condition,
    Concession,
    Contrast,
}

fn lexicon() -> &'static PhraseTable<Kind> {
    static L: OnceLock<PhraseTable<Kind>> = OnceLock::new();
    L.get_or_init(|| {
        let mut t = PhraseTable::default();
        for row in data_rows(LEXICON) {
            let (phrase, Some(kind)) = (row.first(), row.get(1)) else {
                continue;
            };
            let value = row.get(2).and_then(parse_decimal).unwrap_or(0.0);
            let kind = match kind {
                "cue" => Kind::Cue(value),
                "insult" => Kind::Insult(value),
                "negator" => Kind::Negator,
                "postneg" => Kind::PostNeg,
                "intensifier" => Kind::Intensifier(value),
                "hedge" => Kind::Hedge(value),
                "condition" => Kind::Condition,
                "concession" => Kind::Concession,
                "contrast" => Kind::Contrast,
                _ => continue,
            };
            t.insert(phrase, kind);
        }
        t
    })
}

/// One word or phrase that moved a score, in byte offsets.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct CueHit {
    /// The cue with the negator or post-negator that flipped it, if any.
    pub(crate) range: Range<usize>,
    /// Signed contribution, every rule applied.
    pub(crate) weight: f64,
    /// An insult (hostility toward an actor).
    pub(crate) insult: bool,
    /// Index of the cue's first token in the scored token list.
    pub(crate) tok: usize,
}

/// The stance of one unit of text.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Scored {
    /// From −1 (strained) to +1 (cordial).
    pub(crate) score: f64,
    /// The cues, in text order.
    pub(crate) cues: Vec<CueHit>,
}

/// The label of a score.
pub(crate) fn label(score: f64) -> StanceLabel {
    if score <= -LABEL_THRESHOLD {
        StanceLabel::Strained
    } else if score >= LABEL_THRESHOLD {
        StanceLabel::Cordial
    } else {
        StanceLabel::Mixed
    }
}

/// Squash a sum of weights into (−1, 1).
pub(crate) fn squash(sum: f64) -> f64 {
    sum / (sum.abs() + STANCE_SOFTNESS)
}

/// Round for output, so that scores read well and fixtures stay stable.
pub(crate) fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Score a unit (a quote, or a narration clause). `None` when no cue is found.
#[cfg(test)]
pub(crate) fn score(toks: &[Token]) -> Option<Scored> {
    Scorer::default().score(toks)
}

/// Scores units one after another, reusing its buffers from unit to unit.
#[derive(Default)]
pub(crate) struct Scorer {
    /// The lexicon's matches: first token, length, entry.
    hits: Vec<(usize, usize, &'static Kind)>,
    /// The clause number of every token.
    clause: Vec<usize>,
    /// Per clause, the factor a condition or concession applies to its cues.
    damped: Vec<Option<f64>>,
    /// A cue list to fill next (one handed back by [`Scorer::recycle`]).
    spare: Vec<CueHit>,
}

impl Scorer {
    /// Score a unit (a quote, or a narration clause). `None` when no cue is found.
    pub(crate) fn score(&mut self, toks: &[Token]) -> Option<Scored> {
        let Scorer {
            hits,
            clause,
            damped,
            spare,
        } = self;
        hits.clear();
        lexicon().scan(toks, |i, n, k| hits.push((i, n, k)));
        let mut cues = std::mem::take(spare);
        cues.clear();
        match score_hits(toks, hits, clause, damped, &mut cues) {
            Some(score) => Some(Scored { score, cues }),
            None => {
                *spare = cues;
                None
            }
        }
    }

    /// Hand back a score no longer needed: its cue list is filled again by the next one.
    pub(crate) fn recycle(&mut self, s: Scored) {
        self.spare = s.cues;
    }
}

/// [`Scorer::score`] from the lexicon's matches `hits`: the score, its cues pushed to `cues`;
/// `clause` and `damped` are its buffers, filled here.
fn score_hits(
    toks: &[Token],
    hits: &[(usize, usize, &Kind)],
    clause: &mut Vec<usize>,
    damped: &mut Vec<Option<f64>>,
    cues: &mut Vec<CueHit>,
) -> Option<f64> {
    if hits.is_empty() {
        return None;
    }
    // Clause number of every token: clause punctuation starts a new clause.
    clause.clear();
    let mut c = 0usize;
    for (i, t) in toks.iter().enumerate() {
        if i > 0 && t.boundary_before {
            c += 1;
        }
        clause.push(c);
    }
    let hedge = hits
        .iter()
        .filter_map(|&(_, _, k)| match k {
            Kind::Hedge(f) => Some(*f),
            _ => None,
        })
        .fold(1.0f64, f64::min);
    // Clauses opened by a condition or a concession marker; `For X to …,` is a condition.
    damped.clear();
    damped.resize(c + 1, None);
    for &(i, _, k) in hits {
        let f = match k {
            Kind::Condition => CONDITION_FACTOR,
            Kind::Concession => CONCESSION_FACTOR,
            _ => continue,
        };
        damped[clause[i]] = Some(f);
    }
    for (i, t) in toks.iter().enumerate() {
        let opens = i == 0 || t.boundary_before;
        if opens && t.key == "for" {
            let cl = clause[i];
            if toks[i + 1..]
                .iter()
                .take_while(|x| !x.boundary_before)
                .any(|x| x.key == "to")
            {
                damped[cl] = Some(CONDITION_FACTOR);
            }
        }
    }
    let last_contrast = hits
        .iter()
        .filter(|&&(_, _, k)| *k == Kind::Contrast)
        .map(|&(i, _, _)| i)
        .max();

    for (h, &(i, n, k)) in hits.iter().enumerate() {
        let (mut w, insult) = match *k {
            Kind::Cue(w) => (w, false),
            Kind::Insult(w) => (w, true),
            _ => continue,
        };
        // A capitalised word inside a clause is part of a name (`Korea Trade … Agency`).
        if toks[i].cap && i > 0 && !toks[i].boundary_before {
            continue;
        }
        let mut start = toks[i].range.start;
        let mut end = toks[i + n - 1].range.end;
        let same_clause = |j: usize| clause[j] == clause[i];
        // Intensifier (the nearest hit before, close enough, same clause).
        if let Some(&(j, m, Kind::Intensifier(f))) = h.checked_sub(1).map(|p| &hits[p]) {
            if i - (j + m) < INTENSIFIER_REACH && same_clause(j) {
                w *= f;
                start = toks[j].range.start;
            }
        }
        // Negation before the cue.
        let negated_by = hits[..h]
            .iter()
            .rev()
            .take_while(|&&(j, m, _)| i - (j + m) < NEGATION_SCOPE)
            .find(|&&(j, _, kk)| *kk == Kind::Negator && same_clause(j));
        if let Some(&(j, _, _)) = negated_by {
            w = flip(w);
            start = start.min(toks[j].range.start);
        } else if let Some(&(j, m, _)) = hits[h + 1..]
            .iter()
            .take_while(|&&(j, _, _)| j - (i + n) < POSTNEG_SCOPE)
            .find(|&&(j, _, kk)| *kk == Kind::PostNeg && same_clause(j))
        {
            w = flip(w);
            end = toks[j + m - 1].range.end;
        }
        if let Some(f) = damped[clause[i]] {
            w *= f;
        }
        if last_contrast.is_some_and(|x| x > i) {
            w *= CONTRAST_FACTOR;
        }
        w *= hedge;
        cues.push(CueHit {
            range: start..end,
            weight: w,
            insult,
            tok: i,
        });
    }
    if cues.is_empty() {
        return None;
    }
    let sum: f64 = cues.iter().map(|c| c.weight).sum();
    Some(squash(sum))
}

fn flip(w: f64) -> f64 {
    if w > 0.0 {
        -w * NEGATED_CORDIAL
    } else {
        -w * NEGATED_STRAINED
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::tokens;

    fn run(text: &str) -> Option<(StanceLabel, Vec<(&str, f64)>)> {
        let toks = tokens(text, 0..text.len());
        score(&toks).map(|s| {
            (
                label(s.score),
                s.cues
                    .iter()
                    .map(|c| (&text[c.range.clone()], round2(c.weight)))
                    .collect(),
            )
        })
    }

    fn lab(text: &str) -> Option<StanceLabel> {
        run(text).map(|r| r.0)
    }

    #[test]
    fn labels() {
        use StanceLabel::*;
        let cases: &[(&str, Option<StanceLabel>)] = &[
            ("The weather was fine on Tuesday.", None),
            ("Relations are seriously strained.", Some(Strained)),
            ("Their alliance remains robust.", Some(Cordial)),
            (
                "Despite the apparent discomfort, their alliance remains robust.",
                Some(Cordial),
            ),
            ("Any summit would be implausible for them.", Some(Strained)),
            ("No high-level exchanges are taking place.", Some(Strained)),
            (
                "For their ties to improve, the North should drop its programme.",
                Some(Mixed),
            ),
            (
                "Some backbone-lacking countries follow the stinky bottom of others.",
                Some(Strained),
            ),
            ("Ties are as close as lips and teeth.", Some(Cordial)),
            (
                "The relationship has not recovered and trust is lacking.",
                Some(Strained),
            ),
            ("Ties are warming but tensions remain high.", Some(Strained)),
            (
                "There were tensions, but ties are warming fast.",
                Some(Cordial),
            ),
            ("If relations improve, leaders will meet.", Some(Mixed)),
            ("Tensions have eased since the summit.", Some(Cordial)),
            ("Both sides are easing tensions.", Some(Cordial)),
            ("Beijing gave Seoul the cold shoulder.", Some(Strained)),
            (
                "They moved to mend ties and deepen cooperation.",
                Some(Cordial),
            ),
            ("Ties are not as close as they were.", Some(Strained)),
        ];
        for (text, want) in cases {
            assert_eq!(lab(text), *want, "{text:?}: {:?}", run(text));
        }
    }

    #[test]
    fn cues_carry_their_modifiers() {
        let cases: &[(&str, &[(&str, f64)])] = &[
            ("seriously strained", &[("seriously strained", -3.0)]),
            ("would still not ‘abandon’ them", &[("not ‘abandon", 0.75)]),
            (
                "a summit would be implausible",
                &[("summit would be implausible", -0.8)],
            ),
            ("It seems ties are strained.", &[("strained", -1.6)]),
            (
                "slashing economic assistance",
                &[("slashing economic assistance", -0.8)],
            ),
        ];
        for (text, want) in cases {
            let got = run(text).map(|r| r.1).unwrap_or_default();
            assert_eq!(&got, want, "{text:?}");
        }
    }

    #[test]
    fn scores_stay_in_range() {
        let long = "strained tensions rift chill ".repeat(50);
        let s = score(&tokens(&long, 0..long.len())).unwrap();
        assert!(s.score > -1.0 && s.score < -0.9);
        assert_eq!(squash(0.0), 0.0);
    }
}
