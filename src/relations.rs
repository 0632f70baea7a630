//! The article's world: actors, the focus pair, stance per quote and per narration clause,
//! interactions, relations with their evidence, and the timeline — one call, [`analyse`].
//!
//! Rules:
//! - Only paragraphs that do not repeat an earlier one are read, so nothing counts twice.
//! - Focus: the `pair` option when both names resolve; else the two countries named most often,
//!   the lead paragraph counting [`LEAD_WEIGHT`] times; ids in alphabetical order.
//! - A unit of evidence (a quote, or a clause of the reporter's own text) bears on the focus
//!   relationship when it names both focus countries, only one of them, or no country at all
//!   (the article is about the pair); it bears on another pair when it names exactly those two.
//!   A quote names what its words name plus the country its speaker acts for (state media,
//!   officials).
//! - A relation's score is the balance of its evidence, `Σw / (Σ|w| + RELATION_SOFTNESS)`:
//!   quotes weigh [`QUOTE_WEIGHT`], narration clauses [`NARRATION_WEIGHT`], interactions their
//!   Goldstein score / 10 × [`INTERACTION_WEIGHT`].

use std::borrow::Cow;
use std::fmt::Write;
use std::ops::Range;

use crate::actors::{gazetteer, Mention};
use crate::interactions::{self, Event};
use crate::lexicon::{
    push_signed, sort_by_num, sort_unless_sorted, tokens_of_words, CollectVec, FxMap, FxSet, Token,
};
use crate::model::{
    Actor, ActorKind, Evidence, Interaction, Relation, Span, Stance, StanceCue, StanceLabel,
    TimelineEvent,
};
use crate::stance::{self, round2, CueHit, Scored, Scorer};
use crate::text::{sub, words_into, words_within, Para, Utf16Index};
use crate::timeline::{self, Anchor};
use crate::Options;

/// How many times a mention in the lead paragraph counts when choosing the focus pair.
pub(crate) const LEAD_WEIGHT: usize = 3;
/// Parties reserved for when choosing the focus pair (an article seldom names more).
const FOCUS_PARTIES: usize = 16;
/// Evidence weight of one quote's stance score.
const QUOTE_WEIGHT: f64 = 1.0;
/// Evidence weight of one narration clause's stance score.
const NARRATION_WEIGHT: f64 = 0.5;
/// Evidence weight of an interaction's Goldstein score divided by ten.
const INTERACTION_WEIGHT: f64 = 0.5;
/// Damps verdicts that rest on little evidence.
const RELATION_SOFTNESS: f64 = 0.25;
/// How many interactions the explanation names.
const MAIN_ACTS: usize = 2;
/// Bytes reserved for a relation's explanation (nine in ten are shorter), and half of it for
/// one act it names, so that writing them seldom reallocates.
const EXPLANATION_BYTES: usize = 256;

/// A quotation as the quote finder hands it over.
#[derive(Clone, Debug)]
pub(crate) struct QuoteInput {
    /// The quote's id in the analysis (`q1`…), for evidence.
    pub(crate) id: String,
    /// The quoted words (or the reported clause), in bytes.
    pub(crate) range: Range<usize>,
    /// Index into the speakers list, when attributed.
    pub(crate) speaker: Option<usize>,
    /// True for reported speech (an indirect quote): its words are the reporter's, so the
    /// events it tells count like narration.
    pub(crate) reported: bool,
}

/// A speaker as the attribution step hands it over.
#[derive(Clone, Debug)]
pub(crate) struct SpeakerInput<'a> {
    /// The speaker's id in the analysis (`s1`…).
    pub(crate) id: &'a str,
    /// Name, role and organisation, as one string to look up in the gazetteer.
    pub(crate) description: Cow<'a, str>,
}

/// What [`analyse`] fills in.
#[derive(Clone, Debug, Default)]
pub(crate) struct World {
    pub(crate) actors: Vec<Actor>,
    pub(crate) interactions: Vec<Interaction>,
    pub(crate) relations: Vec<Relation>,
    pub(crate) focus: Vec<String>,
    pub(crate) timeline: Vec<TimelineEvent>,
    /// The stance of each input quote, in input order.
    pub(crate) quote_stances: Vec<Option<Stance>>,
    /// The country (party id) each input speaker acts for, when the gazetteer knows it.
    pub(crate) speaker_countries: Vec<Option<String>>,
}

/// One sentence of a non-repeated paragraph, tokenised, with its actor mentions.
#[derive(Clone, Debug)]
pub(crate) struct Sentence<'a> {
    pub(crate) range: Range<usize>,
    pub(crate) para: usize,
    /// Its words ([`crate::text::words`]), which the tokens split further: the paragraph's
    /// own list, borrowed.
    pub(crate) words: Cow<'a, [Range<usize>]>,
    pub(crate) toks: Vec<Token>,
    /// The input quote each token belongs to, if any ([`Sentence::quote_of`]); empty when
    /// no token is in a quote.
    pub(crate) quote: Vec<Option<usize>>,
    /// The input quotes (which `quote` points into).
    pub(crate) quotes: &'a [QuoteInput],
    /// Its actor mentions in token order (a run of one buffer for every sentence).
    pub(crate) mentions: Cow<'a, [Mention]>,
}

impl Sentence<'_> {
    /// The input quote token `i` belongs to, if any.
    pub(crate) fn quote_of(&self, i: usize) -> Option<usize> {
        self.quote.get(i).copied().flatten()
    }

    /// True for token `i` in a quote's own words (direct or partial, not reported speech).
    pub(crate) fn verbatim(&self, i: usize) -> bool {
        self.quote_of(i)
            .and_then(|q| self.quotes.get(q))
            .is_some_and(|q| !q.reported)
    }

    /// A sentence with no quotes and only unconditional mentions (for unit tests).
    #[cfg(test)]
    pub(crate) fn bare(text: &str, range: Range<usize>) -> Sentence<'static> {
        let toks = crate::lexicon::tokens(text, range.clone());
        let words = crate::text::words(text, range.clone());
        let mentions = gazetteer()
            .scan(&toks)
            .into_iter()
            .filter(|(_, req)| req.is_empty())
            .map(|(m, _)| m)
            .collect();
        Sentence {
            quote: Vec::new(),
            quotes: &[],
            range,
            para: 0,
            words: Cow::Owned(words),
            toks,
            mentions: Cow::Owned(mentions),
        }
    }
}

/// Evidence and narration clauses per pair, pairs in order of first evidence (a pair's
/// narration clauses are also among its evidence).
#[derive(Default)]
struct PerPair<'a> {
    pairs: Vec<([&'static str; 2], PairEvidence<'a>)>,
    /// The pairs by their first party: the second party and the pair's index in `pairs`
    /// (a word-keyed map, of which the module has one copy already, and a short list).
    by_first: FxMap<&'static str, usize>,
    seconds: Vec<Vec<(&'static str, usize)>>,
}

/// A pair's evidence (with the quote's voice: its speaker's id) and narration clauses.
type PairEvidence<'a> = (Vec<(Evidence, Option<&'a str>)>, Narration);

/// A pair's narration clauses: how many, the sum of their scores, and all their cues.
#[derive(Default)]
struct Narration {
    n: usize,
    sum: f64,
    cues: Vec<StanceCue>,
}

impl Narration {
    fn push(&mut self, score: f64, cues: &[StanceCue]) {
        // The first score is the sum as it is (as float addition from −0.0 gives it), so a
        // lone −0.0 keeps its sign, as `Iterator::sum` keeps it.
        self.sum = if self.n == 0 { score } else { self.sum + score };
        self.n += 1;
        self.cues.extend_from_slice(cues);
    }
}

impl<'a> PerPair<'a> {
    fn get(&mut self, pair: [&'static str; 2]) -> &mut PairEvidence<'a> {
        let n = self.seconds.len();
        let first = *self.by_first.entry(pair[0]).or_insert(n);
        if first == n {
            self.seconds.push(Vec::new());
        }
        let seconds = &mut self.seconds[first];
        let at = match seconds.iter().find(|(b, _)| *b == pair[1]) {
            Some(&(_, at)) => at,
            None => {
                seconds.push((pair[1], self.pairs.len()));
                self.pairs.push((pair, Default::default()));
                self.pairs.len() - 1
            }
        };
        &mut self.pairs[at].1
    }
}

fn party(m: &Mention) -> &'static str {
    gazetteer().entities[m.entity].party()
}

/// Build the article's sentences, with mentions (conditional forms kept only when a country
/// they require is named unconditionally somewhere): each sentence's mentions are a run of
/// `mentions`, a buffer the caller provides (one allocation for all of them). Not inlined: its
/// per-token loops would close around [`analyse`] (the tier-up rule in `attribution`'s module
/// docs).
#[inline(never)]
fn read<'a>(
    text: &str,
    paras: &'a [Para],
    quotes: &'a [QuoteInput],
    mentions: &'a mut Vec<Mention>,
) -> Vec<Sentence<'a>> {
    let g = gazetteer();
    // The quotes' ranges in text order, with their index.
    let mut order = quotes
        .iter()
        .enumerate()
        .map(|(q, input)| (input.range.clone(), q))
        .collect_vec();
    sort_unless_sorted(&mut order, |(r, _)| (r.start as u64, 0));
    let n_sentences = paras
        .iter()
        .filter(|p| p.duplicate_of.is_none())
        .map(|p| p.sentences.len())
        .sum();
    let mut sentences = Vec::with_capacity(n_sentences);
    // Each sentence's run of `mentions`.
    let mut runs: Vec<Range<usize>> = Vec::with_capacity(n_sentences);
    mentions.clear();
    mentions.reserve(n_sentences);
    // Conditional mentions with their sentence.
    let mut conditional: Vec<(usize, Mention, &[&str])> = Vec::new();
    let mut named: FxSet<&str> = FxSet::default();
    // Quotes starting at or before the current token: tokens come in text order, so this
    // only moves forward.
    let mut k = 0;
    for (pi, p) in paras.iter().enumerate() {
        if p.duplicate_of.is_some() {
            continue;
        }
        for r in p.sentences.iter().cloned() {
            let words = words_within(&p.words, &r);
            let toks = tokens_of_words(text, r.start, words);
            // Filled from the first token in a quote on (empty while there is none).
            let mut quote: Vec<Option<usize>> = Vec::new();
            for (i, t) in toks.iter().enumerate() {
                while order.get(k).is_some_and(|(r, _)| r.start <= t.range.start) {
                    k += 1;
                }
                let q = k
                    .checked_sub(1)
                    .and_then(|k| order.get(k))
                    .filter(|(r, _)| t.range.end <= r.end)
                    .map(|&(_, q)| q);
                if q.is_some() && quote.is_empty() {
                    quote.reserve_exact(toks.len());
                    quote.resize(i, None);
                }
                if !quote.is_empty() || q.is_some() {
                    quote.push(q);
                }
            }
            let first = mentions.len();
            g.scan_each(&toks, |m, req| {
                if req.is_empty() {
                    named.insert(party(&m));
                    mentions.push(m);
                } else {
                    conditional.push((sentences.len(), m, req));
                }
            });
            runs.push(first..mentions.len());
            sentences.push(Sentence {
                range: r,
                para: pi,
                words: Cow::Borrowed(words),
                toks,
                quote,
                quotes,
                mentions: Cow::Borrowed(&[]),
            });
        }
    }
    // A sentence that gains conditional mentions lists them with its own, in token order.
    conditional.retain(|(_, _, req)| req.iter().any(|r| named.contains(r)));
    if !conditional.is_empty() {
        let own = std::mem::take(mentions);
        mentions.reserve(own.len() + conditional.len());
        let mut gained = conditional.into_iter().peekable();
        for (si, run) in runs.iter_mut().enumerate() {
            let first = mentions.len();
            mentions.extend_from_slice(&own[run.clone()]);
            let mut extended = false;
            while let Some((_, m, _)) = gained.next_if(|(s, _, _)| *s == si) {
                mentions.push(m);
                extended = true;
            }
            if extended {
                sort_by_num(&mut mentions[first..], |m| (m.tok as u64, m.entity as u64));
            }
            *run = first..mentions.len();
        }
    }
    let mentions: &'a [Mention] = mentions;
    for (s, run) in sentences.iter_mut().zip(runs) {
        s.mentions = Cow::Borrowed(&mentions[run]);
    }
    sentences
}

/// The tokens of a byte range of `text` (as `lexicon::tokens` finds them), its words found into `words`, a buffer
/// reused from call to call.
fn tokens_with(text: &str, range: Range<usize>, words: &mut Vec<Range<usize>>) -> Vec<Token> {
    words.clear();
    words_into(text, range.clone(), words);
    tokens_of_words(text, range.start, words)
}

/// The focus pair: from the options when they resolve, else the two most named countries.
fn choose_focus(
    sentences: &[Sentence],
    paras: &[Para],
    options: &Options,
) -> Option<[&'static str; 2]> {
    let g = gazetteer();
    if let Some([a, b]) = &options.pair {
        if let (Some(a), Some(b)) = (g.resolve(a), g.resolve(b)) {
            if a != b {
                return Some(sorted([a, b]));
            }
        }
    }
    let lead = paras.iter().position(|p| p.duplicate_of.is_none());
    // Weighted counts of every party in order of first mention, and whether it is a country
    // (few parties: a list beats a map).
    let mut ranked: Vec<(&'static str, usize, bool)> = Vec::with_capacity(FOCUS_PARTIES);
    for s in sentences {
        for m in s.mentions.iter() {
            let p = party(m);
            let w = if Some(s.para) == lead { LEAD_WEIGHT } else { 1 };
            match ranked.iter_mut().find(|r| r.0 == p) {
                Some(r) => r.1 += w,
                None => ranked.push((p, w, g.get(p).is_some_and(|e| e.kind == ActorKind::Country))),
            }
        }
    }
    ranked.retain(|r| r.2);
    // Most named first; the stable sort keeps ties in order of first mention.
    sort_by_num(&mut ranked, |r| (u64::MAX - r.1 as u64, 0));
    match ranked.as_slice() {
        [a, b, ..] => Some(sorted([a.0, b.0])),
        _ => None,
    }
}

fn sorted([a, b]: [&'static str; 2]) -> [&'static str; 2] {
    if a <= b {
        [a, b]
    } else {
        [b, a]
    }
}

/// A sortable number for an ISO-style date (`2014`, `2013-12`, `2014-07-30`, `1950/1953`):
/// a year sorts before its months, a month before its days.
fn date_key(date: &str) -> u64 {
    let mut parts = date
        .split(['-', '/'])
        .map(|p| p.parse::<u64>().unwrap_or(0));
    let y = parts.next().unwrap_or(0);
    if date.contains('/') {
        return y * 10_000;
    }
    let m = parts.next().unwrap_or(0);
    let d = parts.next().unwrap_or(0);
    y * 10_000 + m * 100 + d
}

/// The pair a unit naming `parties` bears on, if any (a unit bears on one pair at most).
fn pair_of(
    parties: &[&'static str],
    focus: Option<[&'static str; 2]>,
) -> Option<[&'static str; 2]> {
    if let Some(f) = focus {
        let has = |x: &str| parties.contains(&x);
        let about_focus = parties.is_empty()
            || (has(f[0]) && has(f[1]))
            || (parties.len() == 1 && (has(f[0]) || has(f[1])));
        if about_focus {
            return Some(f);
        }
    }
    match parties {
        [a, b] => Some(sorted([a, b])),
        _ => None,
    }
}

/// The parties of `it` without repeats, into `out` (a buffer reused from unit to unit).
fn dedup_parties(out: &mut Vec<&'static str>, it: impl Iterator<Item = &'static str>) {
    out.clear();
    for p in it {
        if !out.contains(&p) {
            out.push(p);
        }
    }
}

/// The party a quote speaks for: its speaker's, when the gazetteer knows the speaker, else the
/// person or institution named nearest to it in the attribution (its sentence outside quotes).
fn quote_party(
    input: &QuoteInput,
    sentence: Option<&Sentence>,
    speaker_party: &[Option<&'static str>],
) -> Option<&'static str> {
    if let Some(p) = input
        .speaker
        .and_then(|s| speaker_party.get(s).copied().flatten())
    {
        return Some(p);
    }
    let g = gazetteer();
    let s = sentence?;
    s.mentions
        .iter()
        .filter(|m| s.quote_of(m.tok).is_none() && g.entities[m.entity].kind != ActorKind::Country)
        .min_by_key(|m| {
            if m.range.start >= input.range.end {
                m.range.start - input.range.end
            } else {
                input.range.start.saturating_sub(m.range.end)
            }
        })
        .map(party)
}

/// Where each quote's tokens are: a sentence and a run of its tokens.
type TokenRun = Option<(usize, Range<usize>)>;

/// For each quote: the sentence holding it and the run of that sentence's tokens it covers
/// (`None` when it is not one contiguous run of one sentence); and the parties the quotes' own
/// words name, as (quote, party) sorted by quote, each quote's in text order, once per quote
/// (read with [`named_in`]).
fn quote_places(
    sentences: &[Sentence],
    n_quotes: usize,
) -> (
    Vec<Option<usize>>,
    Vec<(usize, &'static str)>,
    Vec<TokenRun>,
) {
    let mut sentence_of = vec![None; n_quotes];
    let mut named: Vec<(usize, &'static str)> = Vec::new();
    let mut runs: Vec<TokenRun> = vec![None; n_quotes];
    let mut broken = vec![false; n_quotes];
    for (si, s) in sentences.iter().enumerate() {
        for (ti, q) in s.quote.iter().enumerate() {
            let Some(q) = *q else { continue };
            sentence_of[q].get_or_insert(si);
            match &mut runs[q] {
                None => runs[q] = Some((si, ti..ti + 1)),
                Some((rs, r)) if *rs == si && r.end == ti => r.end = ti + 1,
                Some(_) => broken[q] = true,
            }
        }
        for m in s.mentions.iter() {
            if let Some(q) = s.quote_of(m.tok) {
                named.push((q, party(m)));
            }
        }
    }
    for (run, broken) in runs.iter_mut().zip(broken) {
        if broken {
            *run = None;
        }
    }
    // By quote (a stable sort: each quote's parties stay in text order), each party once per
    // quote; the repeat test looks only at the quote's own run, so the work stays linear in
    // the number of mentions however many quotes there are.
    sort_by_num(&mut named, |&(q, _)| (q as u64, 0));
    let mut run_start = 0;
    let mut kept = 0;
    for i in 0..named.len() {
        let entry = named[i];
        if kept > 0 && named[kept - 1].0 != entry.0 {
            run_start = kept;
        }
        if !named[run_start..kept].contains(&entry) {
            named[kept] = entry;
            kept += 1;
        }
    }
    named.truncate(kept);
    (sentence_of, named, runs)
}

/// The parties quote `q`'s own words name, from [`quote_places`]' list (sorted by quote).
fn named_in<'a>(
    named: &'a [(usize, &'static str)],
    q: usize,
) -> impl Iterator<Item = &'static str> + 'a {
    let start = named.partition_point(|&(nq, _)| nq < q);
    named[start..]
        .iter()
        .take_while(move |&&(nq, _)| nq == q)
        .map(|&(_, p)| p)
}

struct Ctx<'a> {
    text: &'a str,
    idx: &'a Utf16Index<'a>,
}

impl Ctx<'_> {
    fn cues(&self, hits: &[CueHit]) -> Vec<StanceCue> {
        hits.iter()
            .map(|c| {
                let s = self.idx.span(&c.range);
                StanceCue {
                    text: sub(self.text, c.range.clone()).to_string(),
                    start: s.start,
                    end: s.end,
                    weight: round2(c.weight),
                }
            })
            .collect_vec()
    }

    fn stance(&self, s: &Scored) -> Stance {
        let score = round2(s.score);
        Stance {
            score,
            label: stance::label(score),
            cues: self.cues(&s.cues),
        }
    }
}

/// Analyse the article's world. `quotes` are the quotations (any kind) in any order;
/// `speakers` the attributed voices they point to.
pub(crate) fn analyse(
    text: &str,
    paras: &[Para],
    quotes: &[QuoteInput],
    speakers: &[SpeakerInput],
    options: &Options,
    idx: &Utf16Index,
) -> World {
    let g = gazetteer();
    let ctx = Ctx { text, idx };
    let mut mentions = Vec::new();
    let sentences = read(text, paras, quotes, &mut mentions);
    let focus = choose_focus(&sentences, paras, options);

    // Speakers' countries, from their name, role and organisation.
    let mut words = Vec::new();
    let speaker_party: Vec<Option<&'static str>> = speakers
        .iter()
        .map(|s| {
            let toks = tokens_with(&s.description, 0..s.description.len(), &mut words);
            // The first mention's party.
            let mut party = None;
            g.scan_each(&toks, |m, _| {
                party.get_or_insert(g.entities[m.entity].party());
            });
            party
        })
        .collect();

    // Stance of every quote (a quote outside the read paragraphs is tokenised on its own).
    let (sentence_of, named_in_quote, quote_runs) = quote_places(&sentences, quotes.len());
    let mut scorer = Scorer::default();
    let scored: Vec<Option<Scored>> = quotes
        .iter()
        .zip(&quote_runs)
        .map(|(q, run)| match run {
            Some((si, r)) => scorer.score(&sentences[*si].toks[r.clone()]),
            None => scorer.score(&tokens_with(text, q.range.clone(), &mut words)),
        })
        .collect_vec();
    let parties_of_quote: Vec<Option<&'static str>> = quotes
        .iter()
        .zip(&sentence_of)
        .map(|(input, si)| quote_party(input, si.map(|i| &sentences[i]), &speaker_party))
        .collect_vec();
    // A speaker the gazetteer does not know acts for the party its quotes speak for.
    let mut speaker_party = speaker_party;
    for (input, p) in quotes.iter().zip(&parties_of_quote) {
        if let (Some(i), Some(p)) = (input.speaker, p) {
            if let Some(slot @ None) = speaker_party.get_mut(i) {
                *slot = Some(*p);
            }
        }
    }
    let events = interactions::extract(&sentences, focus, &parties_of_quote, &scored);

    // Evidence per pair.
    let mut per_pair = PerPair::default();
    let quote_stances: Vec<Option<Stance>> = scored
        .iter()
        .map(|s| s.as_ref().map(|s| ctx.stance(s)))
        .collect_vec();
    let mut parties: Vec<&'static str> = Vec::new();
    for (q, input) in quotes.iter().enumerate() {
        let (Some(s), Some(model)) = (&scored[q], &quote_stances[q]) else {
            continue;
        };
        dedup_parties(
            &mut parties,
            named_in(&named_in_quote, q).chain(parties_of_quote[q]),
        );
        let span = idx.span(&input.range);
        let voice = input.speaker.and_then(|i| speakers.get(i)).map(|s| s.id);
        if let Some(pair) = pair_of(&parties, focus) {
            let ev = Evidence {
                kind: "quote".into(),
                quote: Some(input.id.clone()),
                text: sub(text, input.range.clone()).to_string(),
                start: span.start,
                end: span.end,
                weight: round2(s.score * QUOTE_WEIGHT),
                cues: model.cues.clone(),
            };
            per_pair.get(pair).0.push((ev, voice));
        }
    }
    let mut buf: Vec<Token> = Vec::new();
    let mut units: Vec<Range<usize>> = Vec::new();
    for s in &sentences {
        let toks = narration_units(s, &mut buf, &mut units);
        for unit in units.iter().cloned() {
            let unit = &toks[unit];
            let Some(scored_unit) = scorer.score(unit) else {
                continue;
            };
            let (first, last) = (&unit[0], &unit[unit.len() - 1]);
            let range = first.range.start..last.range.end;
            dedup_parties(
                &mut parties,
                s.mentions
                    .iter()
                    .filter(|m| {
                        s.quote_of(m.tok).is_none()
                            && range.start <= m.range.start
                            && m.range.end <= range.end
                    })
                    .map(party),
            );
            let span = idx.span(&range);
            if let Some(pair) = pair_of(&parties, focus) {
                let cues = ctx.cues(&scored_unit.cues);
                let (evidence, narration) = per_pair.get(pair);
                narration.push(scored_unit.score, &cues);
                let ev = Evidence {
                    kind: "narration".into(),
                    quote: None,
                    text: sub(text, range.clone()).to_string(),
                    start: span.start,
                    end: span.end,
                    weight: round2(scored_unit.score * NARRATION_WEIGHT),
                    cues,
                };
                evidence.push((ev, None));
            }
            scorer.recycle(scored_unit);
        }
    }
    for e in &events {
        let span = idx.span(&e.range);
        let ev = Evidence {
            kind: "interaction".into(),
            quote: None,
            text: sub(text, e.range.clone()).to_string(),
            start: span.start,
            end: span.end,
            weight: round2(e.score / 10.0 * INTERACTION_WEIGHT),
            cues: Vec::new(),
        };
        per_pair
            .get(sorted([e.source, e.target]))
            .0
            .push((ev, None));
    }

    let mut relations: Vec<Relation> = per_pair
        .pairs
        .into_iter()
        .map(|(pair, (mut ev, narration))| {
            sort_by_num(&mut ev, |(e, _)| (e.start as u64, e.end as u64));
            let narrator = (narration.n > 0).then(|| narrator_stance(narration));
            build_relation(text, pair, ev, narrator, &events, speakers.is_empty())
        })
        .collect_vec();
    let is_focus = |r: &Relation| focus.is_some_and(|f| r.pair == f);
    // The focus pair first, then by how much evidence, then by where the evidence starts.
    sort_by_num(&mut relations, |r| {
        let rank = if is_focus(r) {
            0
        } else {
            1 + u64::MAX / 2 - r.evidence.len() as u64
        };
        (rank, r.evidence.first().map_or(0, |e| e.start as u64))
    });

    // Timeline.
    let given = options
        .date
        .as_deref()
        .and_then(crate::options::parse_date)
        .map(|(y, m, d)| Anchor {
            year: y,
            day: Some((m, d)),
            approximate: false,
        });
    let mut timeline: Vec<TimelineEvent> = timeline::resolve(text, &sentences, given)
        .into_iter()
        .map(|d| {
            let s = &sentences[d.sentence];
            let span = idx.span(&s.range);
            TimelineEvent {
                text: sub(text, s.range.clone()).to_string(),
                start: span.start,
                end: span.end,
                date: d.date,
                approximate: d.approximate,
                when: idx.span(&d.when),
                actors: {
                    dedup_parties(&mut parties, s.mentions.iter().map(party));
                    parties.iter().map(|p| p.to_string()).collect()
                },
            }
        })
        .collect();
    sort_by_num(&mut timeline, |t| (date_key(&t.date), t.when.start as u64));

    let mut world = World {
        actors: actors(&sentences, idx),
        interactions: events
            .iter()
            .map(|e| {
                let span = idx.span(&e.range);
                Interaction {
                    source: e.source.into(),
                    target: e.target.into(),
                    text: sub(text, e.range.clone()).to_string(),
                    start: span.start,
                    end: span.end,
                    score: e.score,
                    class: e.class,
                }
            })
            .collect_vec(),
        relations,
        focus: focus.map_or_else(Vec::new, |f| f.iter().map(|x| x.to_string()).collect_vec()),
        timeline,
        quote_stances,
        speaker_countries: speaker_party
            .into_iter()
            .map(|p| p.map(String::from))
            .collect(),
    };
    list_referenced_actors(&mut world);
    world
}

/// Every actor id the world refers to (focus, interactions, relations, timeline) is listed in
/// `actors`: a country acting through its leader, or given as the focus pair, joins the list
/// without mentions of its own.
fn list_referenced_actors(world: &mut World) {
    let g = gazetteer();
    // The gazetteer entities to add, in the order they are first referred to.
    let mut missing: Vec<usize> = Vec::new();
    let referenced = world
        .focus
        .iter()
        .chain(
            world
                .interactions
                .iter()
                .flat_map(|i| [&i.source, &i.target]),
        )
        .chain(world.relations.iter().flat_map(|r| r.pair.iter()))
        .chain(world.timeline.iter().flat_map(|t| t.actors.iter()));
    for id in referenced {
        if world.actors.iter().any(|a| a.id == *id)
            || missing.iter().any(|&e| g.entities[e].id == id)
        {
            continue;
        }
        if let Some(e) = g.entities.iter().position(|e| e.id == id) {
            missing.push(e);
        }
    }
    for e in missing {
        let ent = &g.entities[e];
        world.actors.push(Actor {
            id: ent.id.to_string(),
            name: ent.name.to_string(),
            mentions: Vec::new(),
            kind: ent.kind,
            country: ent.country.map(String::from),
            role: ent.role.map(String::from),
        });
    }
}

/// The reporter's own clauses of a sentence: its tokens outside quotes, split before `while`
/// and `whereas` (which join statements about different pairs), as ranges (into `units`) of
/// the token list returned. A sentence that no quote touches is that list itself (its first
/// token already follows a boundary); otherwise its tokens outside quotes are copied into
/// `buf`, each first after a quote marked as following a boundary. Both buffers are reused
/// from sentence to sentence.
fn narration_units<'t>(
    s: &'t Sentence,
    buf: &'t mut Vec<Token>,
    units: &mut Vec<Range<usize>>,
) -> &'t [Token] {
    buf.clear();
    units.clear();
    let whole = s.quote.is_empty();
    let mut start = 0;
    let mut len = 0;
    let mut gap = true;
    for (i, t) in s.toks.iter().enumerate() {
        if s.quote_of(i).is_some() {
            gap = true;
            continue;
        }
        if t.key.is_any(&["while", "whereas"]) && len > start {
            units.push(start..len);
            start = len;
        }
        if !whole {
            let mut t = t.clone();
            t.boundary_before |= gap;
            buf.push(t);
        }
        gap = false;
        len += 1;
    }
    if len > start {
        units.push(start..len);
    }
    if whole {
        &s.toks
    } else {
        buf
    }
}

/// The narrator's stance on a pair: the mean of its narration clauses, every cue listed.
fn narrator_stance(units: Narration) -> Stance {
    let score = round2(units.sum / units.n.max(1) as f64);
    Stance {
        score,
        label: stance::label(score),
        cues: units.cues,
    }
}

fn label_word(l: StanceLabel) -> &'static str {
    match l {
        StanceLabel::Strained => "strained",
        StanceLabel::Mixed => "mixed",
        StanceLabel::Cordial => "cordial",
    }
}

fn build_relation(
    text: &str,
    pair: [&'static str; 2],
    evidence: Vec<(Evidence, Option<&str>)>,
    narrator: Option<Stance>,
    events: &[Event],
    no_speakers: bool,
) -> Relation {
    let g = gazetteer();
    let sum: f64 = evidence.iter().map(|(e, _)| e.weight).sum();
    let abs: f64 = evidence.iter().map(|(e, _)| e.weight.abs()).sum();
    let score = round2(sum / (abs + RELATION_SOFTNESS));
    let label = stance::label(score);
    let names = [g.name_of(pair[0]), g.name_of(pair[1])];

    // Voices: quotes grouped by speaker (each unattributed quote is its own voice), with the
    // sum and number of their weights.
    let mut voices: Vec<(Option<&str>, f64, usize)> = Vec::new();
    for (e, voice) in evidence.iter().filter(|(e, _)| e.kind == "quote") {
        match voice.and_then(|v| voices.iter_mut().find(|x| x.0 == Some(v))) {
            Some((_, sum, n)) => {
                *sum += e.weight;
                *n += 1;
            }
            None => voices.push((*voice, e.weight, 1)),
        }
    }
    let count = |l: StanceLabel| {
        voices
            .iter()
            .filter(|&&(_, sum, n)| stance::label(sum / n as f64) == l)
            .count()
    };
    let (strained, cordial) = (count(StanceLabel::Strained), count(StanceLabel::Cordial));
    let noun = if no_speakers || voices.iter().all(|v| v.0.is_none()) {
        ("quote", "quotes")
    } else {
        ("quoted voice", "quoted voices")
    };
    let mut acts: Vec<&Event> = events
        .iter()
        .filter(|e| sorted([e.source, e.target]) == pair)
        .collect_vec();
    sort_by_num(&mut acts, |e| {
        (u64::MAX - (e.score.abs() * 100.0) as u64, 0)
    });
    let mut named_acts: Vec<String> = Vec::new();
    // One act as the explanation names it: `China → North Korea “criticized” (-4.0)`.
    let mut act = String::with_capacity(EXPLANATION_BYTES / 2);
    for e in acts {
        act.clear();
        for part in [
            g.name_of(e.source),
            " → ",
            g.name_of(e.target),
            " “",
            sub(text, e.range.clone()),
            "” (",
        ] {
            act.push_str(part);
        }
        push_signed(&mut act, e.score, 1);
        act.push(')');
        if !named_acts
            .iter()
            .any(|x| x.starts_with(sub(&act, ..act.find('(').unwrap_or(0))))
        {
            named_acts.push(act.clone());
        }
        if named_acts.len() == MAIN_ACTS {
            break;
        }
    }

    // `China–North Korea reads as strained (-0.52): ` and the clauses on voices, the
    // reporting and the main acts, listed as `a, b, and c`.
    let mut explanation = String::with_capacity(EXPLANATION_BYTES);
    let _ = write!(
        explanation,
        "{}–{} reads as {} (",
        names[0],
        names[1],
        label_word(label)
    );
    push_signed(&mut explanation, score, 2);
    explanation.push_str("): ");
    let clauses = usize::from(!voices.is_empty())
        + usize::from(narrator.is_some())
        + usize::from(!named_acts.is_empty());
    let mut written = 0;
    let mut next_clause = |out: &mut String| {
        if written > 0 {
            out.push_str(if written + 1 == clauses {
                ", and "
            } else {
                ", "
            });
        }
        written += 1;
    };
    if !voices.is_empty() {
        let n = voices.len();
        next_clause(&mut explanation);
        let _ = write!(
            explanation,
            "{strained} of {n} {} call{} the relationship strained and {cordial} cordial",
            if n == 1 { noun.0 } else { noun.1 },
            if n == 1 { "s" } else { "" },
        );
    }
    if let Some(n) = &narrator {
        let s = evidence
            .iter()
            .filter(|(e, _)| e.kind == "narration" && e.weight < 0.0)
            .count();
        let c = evidence
            .iter()
            .filter(|(e, _)| e.kind == "narration" && e.weight > 0.0)
            .count();
        next_clause(&mut explanation);
        let _ = write!(
            explanation,
            "the reporting itself reads {} ({s} clause{} strained, {c} cordial)",
            label_word(n.label),
            if s == 1 { "" } else { "s" },
        );
    }
    if !named_acts.is_empty() {
        next_clause(&mut explanation);
        explanation.push_str("the main acts are ");
        for (i, a) in named_acts.iter().enumerate() {
            if i > 0 {
                explanation.push_str(" and ");
            }
            explanation.push_str(a);
        }
    }
    explanation.push('.');
    Relation {
        pair: pair.iter().map(|x| x.to_string()).collect_vec(),
        pair_names: names.iter().map(|x| x.to_string()).collect_vec(),
        score,
        label,
        explanation,
        evidence: evidence.into_iter().map(|(e, _)| e).collect(),
        narrator,
    }
}

/// Every actor mentioned, in order of first mention.
fn actors(sentences: &[Sentence], idx: &Utf16Index) -> Vec<Actor> {
    let g = gazetteer();
    let mut order: Vec<usize> = Vec::new();
    let mut mentions: Vec<Vec<Span>> = vec![Vec::new(); g.entities.len()];
    for s in sentences {
        for m in s.mentions.iter() {
            let list = &mut mentions[m.entity];
            if list.is_empty() {
                order.push(m.entity);
            }
            list.push(idx.span(&m.range));
        }
    }
    order
        .into_iter()
        .map(|e| {
            let ent = &g.entities[e];
            let mut spans = std::mem::take(&mut mentions[e]);
            crate::sort_spans(&mut spans);
            Actor {
                id: ent.id.to_string(),
                name: ent.name.to_string(),
                mentions: spans,
                kind: ent.kind,
                country: ent.country.map(String::from),
                role: ent.role.map(String::from),
            }
        })
        .collect_vec()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::paragraphs;

    /// The byte range of the first occurrence of `needle`.
    fn find(text: &str, needle: &str) -> Range<usize> {
        let s = text.find(needle).expect("needle in text");
        s..s + needle.len()
    }

    fn world(text: &str, quotes: &[QuoteInput], speakers: &[SpeakerInput]) -> World {
        let idx = Utf16Index::new(text);
        analyse(
            text,
            &paragraphs(text),
            quotes,
            speakers,
            &Options::new(),
            &idx,
        )
    }

    #[test]
    fn voices_are_grouped_by_speaker_and_speakers_get_countries() {
        let text = "China and North Korea met.\n\
                    “Ties are seriously strained,” said an official of the Korean Central News Agency.\n\
                    “There is no trust at all,” the official added.\n\
                    “The alliance remains robust,” said a scholar.";
        let quotes = [
            QuoteInput {
                id: "q1".into(),
                range: find(text, "Ties are seriously strained,"),
                speaker: Some(0),
                reported: false,
            },
            QuoteInput {
                id: "q2".into(),
                range: find(text, "There is no trust at all,"),
                speaker: Some(0),
                reported: false,
            },
            QuoteInput {
                id: "q3".into(),
                range: find(text, "The alliance remains robust,"),
                speaker: Some(1),
                reported: false,
            },
        ];
        let speakers = [
            SpeakerInput {
                id: "s1",
                description: "an official".into(),
            },
            SpeakerInput {
                id: "s2",
                description: "a scholar".into(),
            },
        ];
        let w = world(text, &quotes, &speakers);
        assert_eq!(w.focus, ["CHN", "PRK"]);
        // The first speaker acts for North Korea (from the attribution), the second for nobody.
        assert_eq!(w.speaker_countries, [Some("PRK".to_string()), None]);
        let labels: Vec<Option<StanceLabel>> = w
            .quote_stances
            .iter()
            .map(|s| s.as_ref().map(|s| s.label))
            .collect();
        assert_eq!(
            labels,
            [
                Some(StanceLabel::Strained),
                Some(StanceLabel::Strained),
                Some(StanceLabel::Cordial)
            ]
        );
        let r = &w.relations[0];
        assert!(
            r.explanation
                .contains("1 of 2 quoted voices call the relationship strained and 1 cordial"),
            "{}",
            r.explanation
        );
    }

    #[test]
    fn units_bear_on_the_pairs_they_name() {
        let f = Some(["CHN", "PRK"]);
        let cases: &[(&[&'static str], &[[&str; 2]])] = &[
            (&[], &[["CHN", "PRK"]]),
            (&["PRK"], &[["CHN", "PRK"]]),
            (&["PRK", "CHN", "USA"], &[["CHN", "PRK"]]),
            (&["CHN", "KOR"], &[["CHN", "KOR"]]),
            (&["USA"], &[]),
            (&["USA", "KOR", "JPN"], &[]),
        ];
        for (parties, want) in cases {
            let got = pair_of(parties, f);
            let got: Vec<[&str; 2]> = got.into_iter().collect();
            assert_eq!(&got, want, "{parties:?}");
        }
    }

    #[test]
    fn date_keys_order_years_months_days_and_ranges() {
        let mut dates = ["2014-07-30", "2013-12", "1950/1953", "2014", "2013"];
        dates.sort_by_key(|d| date_key(d));
        assert_eq!(
            dates,
            ["1950/1953", "2013", "2013-12", "2014", "2014-07-30"]
        );
    }
}
