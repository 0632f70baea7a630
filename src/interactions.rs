//! Interactions: directed actor → actor events found in the reporter's sentences, classed and
//! scored from the event-verb table (`data/verbs.tsv`, CAMEO quad classes and Goldstein scores).
//!
//! Rules:
//! - The acting party is the nearest actor before the event word in its clause that is not the
//!   object of a preposition (`China exported no oil to North Korea`: China, not North Korea);
//!   a possessive right before the word acts (`the Council’s condemnation of …`). An event in a
//!   later clause (`China, for its part, has been heaping pressure …, slashing aid`) takes the
//!   sentence's subject; a sentence that opens with a pronoun (`It also lashed out at Beijing`)
//!   takes the previous sentence's.
//! - The party acted on is the first actor after the event word, within
//!   [`TARGET_WINDOW`] words of the same clause. When the text names none and a country of the
//!   focus pair acts as a whole (not through a named person), the other one is meant (the
//!   article is about the two of them).
//! - `was criticized by X` swaps the roles, and a passive without its agent counts not at all; a negated cooperative event (`exported no crude
//!   oil`) is conflict of the same kind at half the score; an intended one (`wish to visit`) is
//!   verbal.
//! - Inside quotations only insults count: the quoted party (the speaker's country) insults the
//!   actors named next to the insult.

use std::sync::OnceLock;

use crate::actors::gazetteer;
use crate::lexicon::{data_rows, parse_decimal, PhraseTable, Token};
use crate::model::InteractionClass;
use crate::relations::Sentence;
use crate::stance::Scored;

const VERBS: &str = crate::lexicon::data_file!(include_str!("../data/verbs.tsv"));

/// How many words after the event word the party acted on may stand.
pub(crate) const TARGET_WINDOW: usize = 6;
/// How many words from an insult the insulted actor may stand.
const INSULT_WINDOW: usize = 6;
/// How many words before an event word a possessive actor still acts (`Beijing’s eroding …`).
const POSSESSIVE_REACH: usize = 3;
/// How far into a sentence its subject may start (`The National Defense Commission, …`).
const SUBJECT_REACH: usize = 4;
/// Goldstein score of an insult: CAMEO 111, criticize or denounce.
const INSULT_SCORE: f64 = -2.0;
/// A negated cooperative event keeps this share of its score, as conflict.
const NEGATED_EVENT_FACTOR: f64 = 0.5;

const PREPOSITIONS: &[&str] = &[
    "to",
    "of",
    "with",
    "at",
    "on",
    "toward",
    "towards",
    "in",
    "from",
    "for",
    "against",
    "into",
    "by",
    "about",
    "over",
    "between",
    "among",
    "than",
    "like",
    "including",
    "as",
    "after",
    "before",
    "during",
    "under",
    "within",
];
const DETERMINERS: &[&str] = &["the", "a", "an", "its", "their", "his", "her", "our"];
const PRONOUNS: &[&str] = &["it", "they", "he", "she"];
/// Words that open a new clause: the party acted on is looked for before them.
const CLAUSE_WORDS: &[&str] = &[
    "who", "which", "that", "when", "after", "before", "while", "because", "but", "since",
    "although", "though", "whereas", "as",
];
const NEGATORS: &[&str] = &[
    "not", "no", "never", "didn't", "don't", "doesn't", "won't", "wouldn't", "hasn't", "haven't",
    "hadn't", "cannot", "can't",
];
const INTENT: &[&str] = &[
    "wish", "wishes", "want", "wants", "wanted", "plan", "plans", "planned", "hope", "hopes",
    "hoped", "intend", "intends", "intended", "seek", "seeks", "sought", "offered", "offer",
];
const BE: &[&str] = &["was", "were", "is", "are", "been", "being", "be"];

#[derive(Clone, Copy, Debug)]
struct Verb {
    class: InteractionClass,
    score: f64,
}

fn verbs() -> &'static PhraseTable<Verb> {
    static V: OnceLock<PhraseTable<Verb>> = OnceLock::new();
    V.get_or_init(|| {
        let mut t = PhraseTable::default();
        for row in data_rows(VERBS) {
            let (phrase, Some(class), Some(score)) =
                (row.first(), row.get(1), row.get(2).and_then(parse_decimal))
            else {
                continue;
            };
            let class = match class {
                "vc" => InteractionClass::VerbalCooperation,
                "mc" => InteractionClass::MaterialCooperation,
                "vk" => InteractionClass::VerbalConflict,
                "mk" => InteractionClass::MaterialConflict,
                _ => continue,
            };
            t.insert(phrase, Verb { class, score });
        }
        t
    })
}

/// One directed event in byte offsets.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Event {
    /// Acting party id.
    pub(crate) source: &'static str,
    /// Party acted on.
    pub(crate) target: &'static str,
    /// The event words.
    pub(crate) range: std::ops::Range<usize>,
    /// Goldstein-style score.
    pub(crate) score: f64,
    /// CAMEO quad class.
    pub(crate) class: InteractionClass,
    /// Index of the sentence.
    pub(crate) sentence: usize,
}

fn party(entity: usize) -> &'static str {
    gazetteer().entities[entity].party()
}

fn is_conflict(c: InteractionClass) -> bool {
    matches!(
        c,
        InteractionClass::VerbalConflict | InteractionClass::MaterialConflict
    )
}

fn negate(c: InteractionClass) -> InteractionClass {
    match c {
        InteractionClass::VerbalCooperation => InteractionClass::VerbalConflict,
        InteractionClass::MaterialCooperation => InteractionClass::MaterialConflict,
        other => other,
    }
}

fn verbal(c: InteractionClass) -> InteractionClass {
    match c {
        InteractionClass::MaterialCooperation => InteractionClass::VerbalCooperation,
        InteractionClass::MaterialConflict => InteractionClass::VerbalConflict,
        other => other,
    }
}

/// True when the mention is governed by a preposition (skipping determiners before it).
fn after_preposition(toks: &[Token], tok: usize) -> bool {
    let mut j = tok;
    while j > 0 {
        j -= 1;
        if toks[j].key.is_any(DETERMINERS) {
            continue;
        }
        return toks[j].key.is_any(PREPOSITIONS);
    }
    false
}

/// True when the entity is a country (named, or by an adjective, capital or special form).
fn is_country(entity: usize) -> bool {
    gazetteer().entities[entity].kind == crate::model::ActorKind::Country
}

/// The sentence's subject: an actor among its first [`SUBJECT_REACH`] words, outside quotes
/// and not governed by a preposition; with whether it is a country as a whole.
fn subject(s: &Sentence) -> Option<(&'static str, bool)> {
    s.mentions
        .iter()
        .take_while(|m| m.tok < SUBJECT_REACH)
        .find(|m| !s.verbatim(m.tok) && !after_preposition(&s.toks, m.tok))
        .map(|m| (party(m.entity), is_country(m.entity)))
}

/// Every event of the article's sentences.
///
/// `quote_party[q]` is the party quote `q` speaks for (from its attribution), and
/// `quote_stances[q]` the stance of quote `q` (its cues with byte ranges), when it has one.
pub(crate) fn extract(
    sentences: &[Sentence],
    focus: Option<[&'static str; 2]>,
    quote_party: &[Option<&'static str>],
    quote_stances: &[Option<Scored>],
) -> Vec<Event> {
    let table = verbs();
    let mut out = Vec::new();
    let mut prev_subject: Option<(&'static str, bool)> = None;
    // The event words of one sentence (the buffer is reused from sentence to sentence).
    let mut hits = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        let toks = &s.toks;
        let first_event = out.len();
        hits.clear();
        table.scan(toks, |i, n, verb| hits.push((i, n, verb)));
        for &(i, n, verb) in &hits {
            if s.verbatim(i) {
                continue;
            }
            let end = i + n;
            // Passive: `was criticized by X`.
            let passive =
                i > 0 && toks[i - 1].key.is_any(BE) && toks.get(end).is_some_and(|t| t.key == "by");
            let before = || {
                // Mentions that end before the event word (mentions are in token order).
                let upto = s.mentions.partition_point(|m| m.tok + m.len <= i);
                let earlier = &s.mentions[..upto];
                let possessive = earlier
                    .last()
                    .filter(|m| m.possessive && i - (m.tok + m.len) < POSSESSIVE_REACH);
                // The clause the event word stands in.
                let clause_start = (0..=i)
                    .rev()
                    .find(|&k| toks[k].boundary_before)
                    .unwrap_or(0);
                possessive
                    .or_else(|| {
                        earlier
                            .iter()
                            .rev()
                            .take_while(|m| m.tok >= clause_start)
                            .find(|m| !s.verbatim(m.tok) && !after_preposition(toks, m.tok))
                    })
                    .map(|m| (party(m.entity), is_country(m.entity)))
                    .or_else(|| subject(s).filter(|_| clause_start > 0))
                    .or_else(|| {
                        toks.first()
                            .filter(|t| t.key.is_any(PRONOUNS))
                            .and(prev_subject)
                    })
            };
            let after = |from: usize| {
                let stop = toks[from.min(toks.len())..]
                    .iter()
                    .enumerate()
                    .take(TARGET_WINDOW)
                    .find(|&(k, t)| (k > 0 && t.boundary_before) || t.key.is_any(CLAUSE_WORDS))
                    .map_or((from + TARGET_WINDOW).min(toks.len()), |(k, _)| from + k);
                let first = s.mentions.partition_point(|m| m.tok < from);
                s.mentions[first..]
                    .iter()
                    .take_while(|m| m.tok < stop)
                    .find(|m| !s.verbatim(m.tok))
                    .map(|m| (party(m.entity), is_country(m.entity)))
            };
            // A passive without its agent (`a link that was suspended`) names no actor.
            let agentless = i > 0
                && toks[i - 1].key.is_any(BE)
                && !passive
                && toks[i].key.as_bytes().ends_with(b"ed");
            if agentless {
                continue;
            }
            let (source, target) = if passive {
                (after(end + 1), before())
            } else {
                (before(), after(end))
            };
            let Some((source, source_is_country)) = source else {
                continue;
            };
            // Only a country acting as a whole implies the focus partner (`China … slashing
            // economic assistance`); a politician's unnamed target is usually at home.
            let target = target.map(|t| t.0).or_else(|| match focus {
                Some([a, b]) if source_is_country && source == a => Some(b),
                Some([a, b]) if source_is_country && source == b => Some(a),
                _ => None,
            });
            let Some(target) = target else { continue };
            if source == target {
                continue;
            }
            let negated = (i > 0 && toks[i - 1].key.is_any(NEGATORS))
                || (i > 1 && toks[i - 2].key.is_any(NEGATORS) && !toks[i - 1].boundary_before)
                || toks.get(end).is_some_and(|t| t.key == "no");
            let intended = i > 1 && toks[i - 1].key == "to" && toks[i - 2].key.is_any(INTENT);
            let (mut class, mut score) = (verb.class, verb.score);
            if negated && !is_conflict(class) {
                class = negate(class);
                score = -score * NEGATED_EVENT_FACTOR;
            }
            if intended {
                class = verbal(class);
            }
            let mut range = toks[i].range.start..toks[end - 1].range.end;
            if negated && toks.get(end).is_some_and(|t| t.key == "no") {
                range.end = toks[end].range.end;
            }
            out.push(Event {
                source,
                target,
                range,
                score,
                class,
                sentence: si,
            });
        }
        // Insults inside quotes, from the party the quote speaks for.
        // Each quote once per run of its tokens (runs of other quotes between count anew).
        let mut last = None;
        for q in s.quote.iter().flatten().copied() {
            if last.replace(q) == Some(q) {
                continue;
            }
            let Some(speaker) = quote_party.get(q).copied().flatten() else {
                continue;
            };
            let Some(cues) = quote_stances
                .get(q)
                .and_then(Option::as_ref)
                .map(|s| &s.cues)
            else {
                continue;
            };
            for cue in cues.iter().filter(|c| c.insult) {
                let ti = toks.partition_point(|t| t.range.start < cue.range.start);
                // A mention may end up to INSULT_WINDOW words before the insult (names are short).
                let lo = s
                    .mentions
                    .partition_point(|m| m.tok + 2 * INSULT_WINDOW < ti);
                let near = s.mentions[lo..]
                    .iter()
                    .take_while(|m| m.tok <= ti + INSULT_WINDOW)
                    .filter(|m| s.quote_of(m.tok) == Some(q) && party(m.entity) != speaker)
                    .map(|m| {
                        let d = if m.tok > ti {
                            m.tok - ti
                        } else {
                            ti.saturating_sub(m.tok + m.len - 1)
                        };
                        (d, m)
                    })
                    .filter(|&(d, _)| d <= INSULT_WINDOW)
                    .min_by_key(|&(d, _)| d);
                if let Some((_, m)) = near {
                    let target = party(m.entity);
                    let dup = out[first_event..]
                        .iter()
                        .any(|e: &Event| e.source == speaker && e.target == target);
                    if !dup {
                        out.push(Event {
                            source: speaker,
                            target,
                            range: cue.range.clone(),
                            score: INSULT_SCORE,
                            class: InteractionClass::VerbalConflict,
                            sentence: si,
                        });
                    }
                }
            }
        }
        if let Some(subj) = subject(s) {
            prev_subject = Some(subj);
        }
    }
    out
}
