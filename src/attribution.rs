//! Attribution: which quoted stretches are speech and of what kind (direct, partial, or a scare
//! quote), which sentences report speech without quotation marks (indirect), and who speaks.
//!
//! Every rule is a pattern of English news writing, applied sentence by sentence with the
//! quoted stretches folded into single tokens:
//! - cue after the quote: `“…,” said X, APPOSITIVE.` / `“…,” X said.` / `“…,” he told reporters.`
//! - cue before the quote: `X said, “…”` / `X said: “…”` / `…, saying: “…”`
//! - texts that speak: `“…,” reads the statement released by X.`
//! - a quote split by its attribution, or continued in the next sentence or paragraph, keeps
//!   the speaker of the attributed part;
//! - a quoted fragment inside the reporter's sentence is a partial quote of the sentence's
//!   subject when a verb of saying or judging governs it; otherwise it is a scare quote or a name;
//! - reported speech: `X said (that) CLAUSE`, `CLAUSE, X said`, `according to X, CLAUSE`;
//! - references, never speech: a web address, a work by its author, date or source, an
//!   excerpt followed by its link, a gloss (`Latin for “…”`), a subheading.
//!
//! One rule of shape, for the browser (the *tier-up rule*; it binds every large function of
//! the analysis: `analyze`, `relations::analyse`, this module's, the timeline's): no loop that
//! runs once per sentence, token, word or character closes around a large part of a large
//! function. V8 first runs wasm as baseline code, which counts each pass through a loop, and
//! each return from a call, as the size of the code passed over, per function, and sends a
//! function to its optimising compiler on a second thread once its count passes a budget. A
//! per-token loop around the quote rules here, and helpers whose per-word loops LLVM had
//! inlined and closed at the far end of this function, spent that budget within the first
//! analysis of a short article; the optimising compiler then spent about 57 ms of CPU on this
//! one function during the page's load, competing with the page on two cores (README, "Speed
//! and size"). So the rules for one sentence are a function of their own ([`Rules::sentence`]),
//! and the scanners with per-character or per-word loops that `analyze` and [`attribute`] call
//! are `#[inline(never)]`: each counts toward its own budget, and an article has to be about
//! three times the seed's length before any of the large functions is sent to the optimising
//! compiler during its first analysis.

use std::borrow::Cow;
use std::ops::Range;

use crate::lexicon::{
    find_str, is_any, lower_ends_with, lower_is_any, lowercase, sort_by_num, sort_unless_sorted,
    trim_end_any, CollectVec, FxSet,
};
use crate::model::QuoteKind;
use crate::quotes::{self, Mark};
use crate::reporting::{Clause, CueClass, Lexicon};
use crate::speakers::{is_cap, strip_possessive, Np, Registry};
use crate::text::{self, sub, Para};
use crate::timeline::WEEKDAYS;

/// Longest subject phrase (in words) taken as a speaker; longer ones are clauses.
const MAX_SUBJECT_WORDS: usize = 12;
/// Fewest words a reported clause must have to count as indirect speech.
const MIN_CLAUSE_WORDS: usize = 4;
/// Most words a quoted title or name may have (`“Day of Victory in the Fatherland …”`).
const MAX_NAME_WORDS: usize = 10;
/// Fewest words an unattributed quote needs to count as speech rather than a scare quote.
const MIN_UNATTRIBUTED_WORDS: usize = 4;
/// How far (in tokens) a cue may stand after the quote it attributes (`“…,” Rep. Jane Roe,
/// R-Ohio, said`).
const MAX_QUOTE_TO_CUE: usize = 14;
/// How many of a sentence's cues a fallback search looks at.
const MAX_CUES_SCANNED: usize = 16;
/// How far (in tokens) a verb of describing may stand before the `as “…”` it governs
/// (`referring to Sen. Jane Roe (D-Ohio) as “…”`).
const MAX_DESCRIBED_AS_TOKENS: usize = 12;
/// How far back (in tokens) a subject phrase may start before its cue.
const MAX_SUBJECT_TOKENS: usize = 48;
/// How far (in tokens) an introductory phrase may run before the comma that ends it.
const MAX_INTRO_TOKENS: usize = 24;
/// How far (in tokens) a `that` may stand after a cue and still open its clause.
const MAX_CUE_TO_THAT: usize = 14;
/// Bytes of text per token in English news copy (a word and its space; 5.6 in the seed
/// article): the token buffer's first reservation.
const BYTES_PER_TOKEN: usize = 5;

/// A quotation or reported statement, in byte offsets.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Found {
    pub(crate) range: Range<usize>,
    pub(crate) kind: QuoteKind,
    pub(crate) speaker: Option<usize>,
    pub(crate) cue: Option<Range<usize>>,
}

/// Everything attribution found.
pub(crate) struct Attribution {
    pub(crate) quotes: Vec<Found>,
    pub(crate) scare: Vec<Range<usize>>,
    pub(crate) registry: Registry,
    pub(crate) byline: Option<(String, Option<String>)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum K {
    Word,
    Comma,
    Colon,
    Semi,
    Dash,
    Stop,
    Paren,
    Quote(usize),
}

#[derive(Clone, Debug)]
struct Tok {
    k: K,
    s: usize,
    e: usize,
}

/// Fold a sentence into tokens, appended to `out`: words, punctuation, and one token per
/// quoted stretch. Never inlined into [`attribute`] (the tier-up rule): its per-token loop
/// would count that function's size.
#[inline(never)]
fn tokenize(text: &str, sent: &Range<usize>, marks: &[Mark], out: &mut Vec<Tok>) {
    let mut mi = marks.partition_point(|m| m.outer.start < sent.start);
    let mut i = sent.start;
    let bytes_end = sent.end;
    while i < bytes_end {
        if let Some(m) = marks.get(mi) {
            if m.outer.start == i {
                out.push(Tok {
                    k: K::Quote(mi),
                    s: m.outer.start,
                    e: m.outer.end,
                });
                i = m.outer.end.max(i + 1);
                mi += 1;
                continue;
            }
        }
        // A space is no token (the commonest char between words).
        if text.as_bytes()[i] == b' ' {
            i += 1;
            continue;
        }
        let next_mark = marks
            .get(mi)
            .map_or(bytes_end, |m| m.outer.start.min(bytes_end))
            .max(i);
        let Some(c) = sub(text, i..).chars().next() else {
            break;
        };
        let len = c.len_utf8();
        if c.is_alphanumeric() {
            let mut end = text::word_end(text, i, next_mark.max(i + len));
            // `Dr.`, `Sen.`, `Paul D. Ryan`: the period belongs to the word.
            if sub(text, end..).starts_with('.')
                && text::is_abbreviation_or_initial(sub(text, i..end))
            {
                end += 1;
            }
            out.push(Tok {
                k: K::Word,
                s: i,
                e: end,
            });
            i = end;
            continue;
        }
        let k = match c {
            ',' => Some(K::Comma),
            ':' => Some(K::Colon),
            ';' => Some(K::Semi),
            '—' | '–' | '―' => Some(K::Dash),
            '-' if sub(text, i + len..).starts_with(' ') => Some(K::Dash),
            '.' | '!' | '?' | '…' => Some(K::Stop),
            '(' | ')' | '[' | ']' => Some(K::Paren),
            _ => None,
        };
        if let Some(k) = k {
            out.push(Tok {
                k,
                s: i,
                e: i + len,
            });
        }
        i += len;
    }
}

/// Irregular past forms that attribute a quote when they stand where a verb of saying does
/// (`“…,” Roe shot back`).
const IRREGULAR_SPEECH_VERBS: &[&str] = &[
    "shot", "went", "began", "spoke", "sang", "sings", "fought", "struck", "came", "chimed",
    "swore", "wrote", "told", "said",
];

/// Words a title leaves in lower case (`Midday with Charlie Sykes`).
const TITLE_MINOR_WORDS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "nor", "with",
    "from", "by", "into", "over", "as", "vs", "is", "be", "de", "la", "du", "von", "van", "upon",
    "via", "per",
];

/// Words that may stand between a subject and its verb of saying.
const SKIP_BEFORE_CUE: &[&str] = &[
    "also",
    "later",
    "then",
    "has",
    "have",
    "had",
    "once",
    "again",
    "previously",
    "recently",
    "further",
    "would",
    "will",
    "did",
    "does",
    "was",
    "is",
    "were",
    "are",
    "earlier",
    "separately",
    "privately",
    "just",
    "often",
    "repeatedly",
];

/// Words that end a subject phrase when read backwards from the cue.
const CLAUSE_WORDS: &[&str] = &[
    "that", "which", "who", "whom", "because", "while", "when", "but", "as", "if", "though",
    "although",
];

/// Words that make a cue a non-assertion (`declined to say`, `did not say`).
const NEGATORS: &[&str] = &[
    "to", "not", "never", "n’t", "n't", "no", "refused", "declined",
];

/// Questions and refusals reported without content.
const NOT_A_CLAUSE: &[&str] = &[
    "whether", "if", "how", "what", "why", "when", "where", "who", "which",
];

/// Time words that may follow a cue before its clause (`said on Tuesday that`).
const OBJECT_TAKERS: &[&str] = &[
    "told", "tells", "tell", "telling", "informed", "assured", "warned", "urged", "reminded",
];

struct Sentence<'a> {
    text: &'a str,
    /// Words the article writes capitalised inside a sentence (see [`proper_words`]).
    proper: &'a FxSet<&'a str>,
    toks: &'a [Tok],
    /// [`Sentence::leading_subject`], computed once: it scans the sentence, and every quote
    /// of the sentence asks for it.
    lead: std::cell::OnceCell<Option<Np>>,
    /// `word_counts[i]`: word tokens of the article before token `i` (one more entry than
    /// `toks`), so that [`Sentence::n_words`] costs O(1) however often the clause rules ask.
    word_counts: &'a [usize],
}

impl<'a> Sentence<'a> {
    fn word(&self, i: usize) -> &'a str {
        let t = &self.toks[i];
        sub(self.text, t.s..t.e)
    }

    fn is_word(&self, i: usize, w: &str) -> bool {
        i < self.toks.len() && self.toks[i].k == K::Word && self.word(i).eq_ignore_ascii_case(w)
    }

    fn is_cap(&self, i: usize) -> bool {
        self.toks[i].k == K::Word && is_cap(self.word(i))
    }

    fn range(&self, a: usize, b: usize) -> Range<usize> {
        self.toks[a].s..self.toks[b - 1].e
    }

    /// Words in `[a, b)`, from prefix counts (so that the many counts of a long sentence
    /// stay linear).
    fn n_words(&self, a: usize, b: usize) -> usize {
        if a >= b {
            return 0;
        }
        self.word_counts[b] - self.word_counts[a]
    }

    /// The cues of the sentence: (token index, class, takes a clause), appended to `out`.
    /// Not inlined: its per-token loop would close around [`attribute`] (the module's tier-up
    /// rule).
    #[inline(never)]
    fn cues_into(&self, out: &mut Vec<(usize, CueClass, Clause)>) {
        let lx = Lexicon::get();
        let start = out.len();
        for i in 0..self.toks.len() {
            if self.toks[i].k != K::Word {
                continue;
            }
            let w = self.word(i);
            // A capitalised cue word is a name (`United States`), unless it opens the sentence.
            if i > 0 && w.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            let Some(info) = lx.cue(w) else { continue };
            if info.class == CueClass::According && !self.is_word(i + 1, "to") {
                continue;
            }
            // `media reports say`: the first of two cues is a noun.
            if i + 1 < self.toks.len()
                && self.toks[i + 1].k == K::Word
                && lx
                    .cue(self.word(i + 1))
                    .is_some_and(|c| c.class == CueClass::Speech)
            {
                continue;
            }
            let negated = (i.saturating_sub(2)..i)
                .any(|j| self.toks[j].k == K::Word && lower_is_any(self.word(j), NEGATORS));
            if negated && info.class != CueClass::Naming {
                continue;
            }
            // A passive participle (`has been observed`, `was asked`) reports no speaker.
            // (`is telling` is progressive, not passive.)
            let passive = i > 0
                && !w.ends_with("ing")
                && self.toks[i - 1].k == K::Word
                && lower_is_any(
                    self.word(i - 1),
                    &["been", "be", "being", "is", "was", "were", "are"],
                );
            if passive {
                continue;
            }
            out.push((i, info.class, info.clause));
        }
        // Any verb in attribution position is a cue, whatever the verb: `“…,” Roe fumed.`,
        // `“…?” pressed Roe.`, `Roe shot back, “…”`.
        let lexical = out.len();
        for qi in 0..self.toks.len() {
            if !matches!(self.toks[qi].k, K::Quote(_)) {
                continue;
            }
            if let Some(v) = self
                .verb_after_quote(qi)
                .or_else(|| self.verb_before_quote(qi))
            {
                if lx.cue(self.word(v)).is_none() {
                    out.push((v, CueClass::Speech, Clause::No));
                }
            }
        }
        if out.len() > lexical {
            sort_by_num(&mut out[start..], |&(c, _, _)| (c as u64, 0));
            // One cue per token: the first.
            let mut kept = start;
            for r in start..out.len() {
                if kept == start || out[kept - 1].0 != out[r].0 {
                    out[kept] = out[r];
                    kept += 1;
                }
            }
            out.truncate(kept);
        }
    }

    /// A verb-like word (lower case, ending in `-ed` or `-s`).
    fn is_verb_like(&self, i: usize) -> bool {
        i < self.toks.len() && self.toks[i].k == K::Word && !self.is_cap(i) && {
            let w = self.word(i);
            IRREGULAR_SPEECH_VERBS.contains(&w)
                || (w.ends_with("ed") || w.ends_with('s'))
                    && w.len() > 3
                    && !w.ends_with("ss")
                    && !w.ends_with("’s")
                    && !w.ends_with("'s")
        }
    }

    /// Short subject (a pronoun or up to four capitalised words) starting at `i`; its end.
    fn short_subject(&self, i: usize) -> Option<usize> {
        if i < self.toks.len() && self.toks[i].k == K::Word && is_person_pronoun(self.word(i)) {
            return Some(i + 1);
        }
        let mut j = i;
        while j < self.toks.len() && j < i + 4 && self.is_cap(j) {
            j += 1;
        }
        (j > i).then_some(j)
    }

    /// `“…,” X verbed` / `“…,” verbed X`: the verb after a quote that ends in `,`, `?` or `!`.
    fn verb_after_quote(&self, qi: usize) -> Option<usize> {
        let t = &self.toks[qi];
        let inner = trim_end_any(sub(self.text, t.s..t.e), &['”', '"', '\'', '’']).trim_end();
        if !inner.ends_with([',', '?', '!', '—']) {
            return None;
        }
        let i = qi + 1 + usize::from(self.toks.get(qi + 1).is_some_and(|t| t.k == K::Comma));
        if self.is_verb_like(i) && self.short_subject(i + 1).is_some() {
            return Some(i);
        }
        let j = self.short_subject(i)?;
        self.is_verb_like(j).then_some(j)
    }

    /// `X verbed, “…”` / `X shot back: “…”`: the verb right before `,` or `:` and a quote.
    fn verb_before_quote(&self, qi: usize) -> Option<usize> {
        if qi < 3 || !matches!(self.toks[qi - 1].k, K::Comma | K::Colon) {
            return None;
        }
        let mut v = qi - 2;
        if is_any(self.word(v), &["back", "out", "up", "on"]) {
            v -= 1;
        }
        let mut lead = (0..v)
            .rev()
            .take_while(|&k| {
                self.toks[k].k == K::Word && (self.is_cap(k) || is_person_pronoun(self.word(k)))
            })
            .count();
        // `The presidential candidate reiterated: “…”`: a determiner phrase opening the sentence.
        if lead == 0 && v <= 5 && (0..v).all(|k| self.toks[k].k == K::Word) && self.is_cap(0) {
            lead = v;
        }
        // The subject opens the sentence or a clause after a comma.
        let clause_start = v - lead == 0
            || self.toks[v - lead - 1].k == K::Comma
            || lower_is_any(self.word(v - lead - 1), CLAUSE_WORDS);
        // `… leaned in and boomed: “…”`: a second verb of the sentence's subject.
        let coordinated = lead == 0 && v > 0 && is_any(self.word(v - 1), &["and", "then"]);
        let subject_ok = (lead > 0 && lead <= 4 && clause_start) || coordinated;
        (self.toks[v].k == K::Word && self.is_verb_like(v) && subject_ok).then_some(v)
    }

    /// The subject phrase before token `cue`: `X said`, `X, APPOSITIVE, said`,
    /// `CLAUSE, X said`. Returns the phrase, its appositive and the index of the chunk start
    /// (where a preceding reported clause would end).
    fn subject_before(&self, cue: usize) -> Option<(Np, usize)> {
        // `X slammed the plan and accused Y …`: a second verb shares the sentence's subject.
        if cue > 0
            && self.toks[cue - 1].k == K::Word
            && is_any(self.word(cue - 1), &["and", "but", "or"])
        {
            return self.leading_subject().map(|np| (np, 0));
        }
        let mut end = cue;
        while end > 0 && self.toks[end - 1].k == K::Word && {
            // (`“…,” Will wrote`: a capitalised `Will` is a name, not an auxiliary.)
            let mut buf = [0; 32];
            let w = lowercase(self.word(end - 1), &mut buf);
            !self.is_cap(end - 1)
                && (SKIP_BEFORE_CUE.contains(&&*w) || (w.ends_with("ly") && w.len() > 4))
        } {
            end -= 1;
        }
        // The region: back to the last quote, colon, semicolon or dash.
        let mut start = end;
        while start > end.saturating_sub(MAX_SUBJECT_TOKENS)
            && start > 0
            && matches!(
                self.toks[start - 1].k,
                K::Word | K::Comma | K::Paren | K::Stop
            )
        {
            start -= 1;
        }
        if start == end {
            return None;
        }
        // Comma-separated chunks of the region.
        let mut chunks: Vec<(usize, usize)> = Vec::new();
        let mut cs = start;
        for i in start..end {
            if self.toks[i].k == K::Comma {
                chunks.push((cs, i));
                cs = i + 1;
            }
        }
        chunks.push((cs, end));
        let last = chunks[chunks.len() - 1];
        let (subject, appos) = if last.0 == last.1 && chunks.len() >= 3 {
            // `X, APPOSITIVE, …, said`: the subject is the nearest chunk, read backwards, that
            // does not look like an appositive (`22`, `of Flint`, `Mich.`, `a professor`).
            let body = &chunks[..chunks.len() - 1];
            let k = (0..body.len())
                .rev()
                .find(|&k| !self.appositive_like(body[k]))
                .unwrap_or(0);
            (body[k], body.get(k + 1).copied())
        } else {
            (last, None)
        };
        let (mut a, b) = subject;
        while a < b
            && self.toks[a].k == K::Word
            && lower_is_any(self.word(a), &["and", "but", "or", "then", "so"])
        {
            a += 1;
        }
        // `X, who said`: the relative pronoun stands for the chunk before it.
        if b == a + 1 && s_is_relative(self, a) {
            let (pa, pb) = match chunks.iter().position(|&(x, _)| x == a) {
                Some(k) if k > 0 => chunks[k - 1],
                _ => return None,
            };
            let mut na = pb;
            while na > pa && self.is_cap(na - 1) {
                na -= 1;
            }
            return (na < pb).then(|| {
                (
                    Np {
                        range: self.range(na, pb),
                        appos: None,
                    },
                    pa,
                )
            });
        }
        // `X on Thursday said`: the time phrase is not part of the name.
        let b = (a + 1..b)
            .find(|&i| {
                self.toks[i].k == K::Word
                    && (lower_is_any(self.word(i), &WEEKDAYS)
                        || lower_is_any(
                            self.word(i),
                            &[
                                "on",
                                "during",
                                "later",
                                "last",
                                "this",
                                "earlier",
                                "yesterday",
                                "today",
                                "late",
                                "tonight",
                            ],
                        ))
            })
            .unwrap_or(b);
        // Cut a relative or subordinate clause off the front (`… that X said`).
        for i in (a..b).rev() {
            if self.toks[i].k == K::Word && lower_is_any(self.word(i), CLAUSE_WORDS) {
                a = i + 1;
                break;
            }
        }
        if a >= b || self.n_words(a, b) == 0 || self.n_words(a, b) > MAX_SUBJECT_WORDS {
            return None;
        }
        let appos = appos.filter(|&(x, y)| x < y).map(|(x, y)| self.range(x, y));
        Some((
            Np {
                range: self.range(a, b),
                appos,
            },
            a,
        ))
    }

    /// Does the chunk read as an appositive rather than a subject: it opens with a lower-case
    /// word or a number, or is one short capitalised word (a state: `Mich.`, `R-Pa.`)?
    fn appositive_like(&self, (a, b): (usize, usize)) -> bool {
        if a >= b || self.toks[a].k != K::Word {
            return true;
        }
        let w = self.word(a);
        let first = w.chars().next().unwrap_or(' ');
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        // `R-Ohio`, `D-Calif.`: a party and a state.
        let party_state = w.len() > 2 && matches!(w.get(..2), Some("R-" | "D-" | "I-"));
        !first.is_uppercase() || (self.n_words(a, b) == 1 && (letters <= 4 || party_state))
    }

    /// The phrase after token `cue` up to the next comma or stop (`said X, APPOSITIVE.`).
    fn phrase_after(&self, cue: usize) -> Option<Np> {
        let a = cue + 1;
        let mut b = a;
        // `said Roe as she left`: the phrase ends where a clause begins; `wrote Roe in The
        // Daily Example`: a place or medium after the name is not part of it.
        while b < self.toks.len()
            && b <= a + MAX_SUBJECT_WORDS
            && self.toks[b].k == K::Word
            && !(b > a
                && (lower_is_any(self.word(b), CLAUSE_WORDS)
                    || is_any(self.word(b), &["in", "on", "at", "during", "after"])))
        {
            b += 1;
        }
        if a == b || self.n_words(a, b) > MAX_SUBJECT_WORDS {
            return None;
        }
        let appos = (b < self.toks.len() && self.toks[b].k == K::Comma).then(|| {
            let x = b + 1;
            let mut y = x;
            while y < self.toks.len() && matches!(self.toks[y].k, K::Word | K::Paren) {
                y += 1;
            }
            (x < y).then(|| self.range(x, y))
        });
        Some(Np {
            range: self.range(a, b),
            appos: appos.flatten(),
        })
    }

    /// The subject at the start of the sentence, for participles (`X spoke, saying: “…”`): the
    /// words before the first verb-like word (a cue, an auxiliary, a past-tense `-ed` form).
    /// The subject at the start of the sentence, or — after an introductory phrase or clause —
    /// at the start of the main clause (`Here in Columbia, X stepped up …`).
    fn leading_subject(&self) -> Option<Np> {
        self.lead
            .get_or_init(|| self.find_leading_subject())
            .clone()
    }

    /// The leading subject, when it stands for a speaker ([`describes_speaker`]).
    fn speaking_subject(&self) -> Option<Np> {
        self.leading_subject()
            .filter(|np| describes_speaker(self, np))
    }

    /// The speaking subject of a sentence of narration (one without a quoted stretch): whose
    /// speech a quote standing alone after it, or one its colon announces, is.
    fn narrator(&self) -> Option<Np> {
        if self.toks.iter().any(|t| matches!(t.k, K::Quote(_))) {
            return None;
        }
        self.speaking_subject()
    }

    fn find_leading_subject(&self) -> Option<Np> {
        // An introductory phrase may hold commas of its own (`In a long, candid interview, X
        // said …`): the main clause starts after one of them.
        self.leading_subject_from(0).or_else(|| {
            self.toks
                .iter()
                .take(MAX_INTRO_TOKENS)
                .enumerate()
                .filter(|(_, t)| t.k == K::Comma)
                .find_map(|(i, _)| self.leading_subject_from(i + 1))
        })
    }

    /// After a name (`Jane Roe sent …`), the first lower-case word is the verb, unless it
    /// names people (`Roe supporters`), joins names (`of`, `and`) or is a particle of one.
    fn verb_after_name(&self, a: usize, b: usize) -> bool {
        // A lone determiner (`The candidate`) is no name, nor a lone capitalised word opening
        // the sentence that the article never capitalises elsewhere (`Nuclear experts`).
        let lone_common = b == a + 1
            && (lower_is_any(self.word(a), DETERMINER_WORDS)
                || (a == 0 && !self.proper.contains(strip_possessive(self.word(a)))));
        b > a
            && !lone_common
            && (a..b).all(|i| self.is_cap(i))
            && !self.is_cap(b)
            && !TITLE_MINOR_WORDS.contains(&self.word(b))
            && !is_any(self.word(b), &["al", "bin", "da", "del", "le"])
            && Lexicon::get().speaker_word(self.word(b)).is_none()
            && Lexicon::get()
                .speaker_word(trim_end_any(self.word(b), &['s']))
                .is_none()
    }

    fn leading_subject_from(&self, start: usize) -> Option<Np> {
        let lx = Lexicon::get();
        // `And X said …`, `So, X …`: a conjunction opening the sentence is not its subject.
        let start = match self.toks.get(start) {
            Some(t)
                if t.k == K::Word
                    && is_any(self.word(start), &["And", "But", "So", "Or", "Yet"]) =>
            {
                start + 1 + usize::from(self.toks.get(start + 1).is_some_and(|t| t.k == K::Comma))
            }
            _ => start,
        };
        // An introductory phrase (`In a press conference, X …`) ends at the first comma; a
        // sentence opened by a subordinate clause (`While …`, `That’s …`) has no simple subject.
        let mut buf = [0; 32];
        let first = self
            .toks
            .get(start)
            .filter(|t| t.k == K::Word)
            .map(|_| lowercase(self.word(start), &mut buf))?;
        if CLAUSE_WORDS.contains(&&*first)
            || is_any(
                &first,
                &[
                    "after",
                    "before",
                    "since",
                    "continuing",
                    "that’s",
                    "that's",
                    "it",
                    "there",
                    "this",
                ],
            )
        {
            return None;
        }
        // `Hastily …, X`, `Reprising a line, X`: an adverb or participle opens an introduction.
        let intro = is_adverbial_start(&first)
            || is_preposition(&first)
            || (first.len() > 4
                && (first.ends_with("ly") || first.ends_with("ing"))
                && !self.proper.contains(strip_possessive(self.word(start))));
        let a = if intro {
            self.toks
                .iter()
                .skip(start)
                .take(MAX_INTRO_TOKENS)
                .position(|t| t.k == K::Comma)
                .map(|i| start + i + 1)?
        } else {
            start
        };
        if a >= self.toks.len() || self.toks[a].k != K::Word {
            return None;
        }
        // A subject opens with a name or a pronoun, with `the`/`a` (`the state board`), or
        // with lower-case role words before a name (`conservative commentator Jane Roe`).
        let opens_ok = self.is_cap(a)
            || is_person_pronoun(self.word(a))
            || is_any(self.word(a), &["the", "a", "an"])
            || (a + 1..self.toks.len().min(a + 4))
                .take_while(|&i| self.toks[i].k == K::Word)
                .any(|i| self.is_cap(i));
        if !opens_ok {
            return None;
        }
        // A pronoun is a whole subject (`He won just …`).
        let limit = if is_person_pronoun(self.word(a)) {
            a + 1
        } else {
            a + 6
        };
        let mut b = a;
        while b < self.toks.len() && self.toks[b].k == K::Word && b < limit {
            let mut buf = [0; 32];
            let w = lowercase(self.word(b), &mut buf);
            // An adverb ends the subject as a verb does (`X also bemoaned`, `X then turned`).
            let verb_like = b > a
                && !self.is_cap(b)
                && (lx.cue(&w).is_some()
                    || w.ends_with("ed")
                    || SKIP_BEFORE_CUE.contains(&&*w)
                    || (w.ends_with("ly") && w.len() > 4)
                    || is_present_verb(&w)
                    || self.verb_after_name(a, b)
                    || is_any(
                        &w,
                        &[
                            "is", "was", "are", "were", "has", "had", "have", "will", "would",
                            "spoke", "met", "went", "made", "took", "gave", "began", "came", "got",
                            "held", "left", "led", "lost", "won", "sent", "saw", "put", "found",
                            "thought", "brought", "became", "knew",
                        ],
                    ));
            // `The campaign on Monday …`: a time phrase ends the subject.
            let time = b > a
                && (is_time_word(&w)
                    || (is_any(&w, &["on", "last", "this", "late", "early"])
                        && self.toks.get(b + 1).is_some_and(|_| {
                            is_time_word(&lowercase(self.word(b + 1), &mut [0; 32]))
                        })));
            if verb_like || time {
                break;
            }
            b += 1;
        }
        // `Sen. Jane Roe (D-Ohio) visited …`: a parenthesis after the name is part of it.
        if b > a && self.toks.get(b).is_some_and(|t| t.k == K::Paren) {
            let close = (b + 1..self.toks.len().min(b + 6)).find(|&i| self.toks[i].k == K::Paren);
            if let Some(c) = close {
                if self.toks.get(c + 1).is_some_and(|t| t.k == K::Word) && !self.is_cap(c + 1) {
                    return Some(Np {
                        range: self.range(a, b),
                        appos: None,
                    });
                }
            }
        }
        // `X, an analyst at Y, said …` / `X — a teacher — says …`: a name set off by an
        // appositive between commas or dashes is the subject of the verb after it.
        if b > a && b < self.toks.len() && matches!(self.toks[b].k, K::Comma | K::Dash) {
            let sep = self.toks[b].k;
            let all_cap = (a..b).all(|i| self.is_cap(i));
            let close = (b + 1..self.toks.len().min(b + 1 + MAX_SUBJECT_WORDS))
                .take_while(|&i| {
                    matches!(self.toks[i].k, K::Word | K::Paren) || self.toks[i].k == sep
                })
                .find(|&i| self.toks[i].k == sep);
            // The appositive describes (`the former governor`, `70`, `R-Ohio`); a capitalised
            // clause after a place (`In Salem, New Hampshire, Roe went …`) is none.
            let describes = self.toks.get(b + 1).is_some_and(|t| {
                let w = sub(self.text, t.s..t.e);
                !is_cap(w) || lower_is_any(w, DETERMINER_WORDS) || w.contains('-')
            });
            if let Some(c) = close.filter(|&c| all_cap && describes && c > b + 1) {
                if self.toks.get(c + 1).is_some_and(|t| t.k == K::Word) && !self.is_cap(c + 1) {
                    return Some(Np {
                        range: self.range(a, b),
                        appos: Some(self.range(b + 1, c)),
                    });
                }
            }
        }
        let ok = b > a && b < self.toks.len() && self.toks[b].k == K::Word;
        ok.then(|| Np {
            range: self.range(a, b),
            appos: None,
        })
    }
}

/// Is the quote at token `qi` in a naming context (`so-called “…”`, `what it calls the “…”`,
/// `dubbed “…”`, `known as “…”`)?
fn naming_context(s: &Sentence, qi: usize) -> bool {
    let lx = Lexicon::get();
    let prev = |k: usize| (qi >= k && s.toks[qi - k].k == K::Word).then(|| s.word(qi - k));
    let (mut b1, mut b2) = ([0; 32], [0; 32]);
    let p1 = prev(1).map(|w| lowercase(w, &mut b1));
    let p2 = prev(2).map(|w| lowercase(w, &mut b2));
    let p3 = prev(3);
    let naming = |w: &Option<Cow<str>>| {
        w.as_deref()
            .and_then(|w| lx.cue(w))
            .is_some_and(|c| c.class == CueClass::Naming)
    };
    if naming(&p1) || (p1.as_deref() == Some("as") && naming(&p2)) {
        return true;
    }
    // `what it calls the “…”`, `calls it “…”` after `what`.
    let calls = |w: &Option<Cow<str>>| {
        matches!(
            w.as_deref(),
            Some("calls" | "called" | "call" | "dubs" | "terms")
        )
    };
    (calls(&p1) || (matches!(p1.as_deref(), Some("the" | "a" | "its" | "their")) && calls(&p2)))
        && (qi >= 3
            && (qi.saturating_sub(5)..qi)
                .any(|j| s.toks[j].k == K::Word && s.word(j).eq_ignore_ascii_case("what"))
            || p3.is_none())
}

/// Is the quote at token `qi` what someone calls a thing (`what she calls “real solutions”`,
/// `who he dubbed “the little senator”`, `what is called a “debate”`)? A verb of calling with a
/// subject — a pronoun, a name, or a passive `is`/`been` — makes the phrase that subject's
/// wording; after a plain noun (`a play called “…”`) it is a name.
fn named_by_someone(s: &Sentence, qi: usize) -> bool {
    let word = |k: usize| (qi >= k && s.toks[qi - k].k == K::Word).then(|| s.word(qi - k));
    let mut v = 1;
    if word(1).is_some_and(|w| is_any(w, &["the", "a", "an"])) {
        v = 2;
    }
    let calling = word(v).is_some_and(|w| {
        is_any(
            w,
            &[
                "calls", "called", "call", "dubs", "dubbed", "terms", "termed", "labels",
                "labeled", "labelled", "brands", "branded",
            ],
        )
    });
    calling
        && (qi > v && s.is_cap(qi - v - 1)
            || word(v + 1).is_some_and(|w| {
                is_pronoun_word(w)
                    || is_any(
                        w,
                        &[
                            "is", "was", "are", "were", "been", "being", "be", "some", "many",
                        ],
                    )
            }))
}

/// Does the quote at token `qi` stand as a predicate right after a copula (`aides were being
/// “disingenuous”`, `a pledge to be “neutral”`, `it was a “mistake”`)? A quoted description is
/// someone's judgement.
fn after_copula(s: &Sentence, qi: usize) -> bool {
    let word = |k: usize| (qi >= k && s.toks[qi - k].k == K::Word).then(|| s.word(qi - k));
    let copula = |w: Option<&str>| {
        w.is_some_and(|w| is_any(w, &["is", "was", "are", "were", "be", "being", "been"]))
    };
    copula(word(1)) || (word(1).is_some_and(|w| is_any(w, &["a", "an", "the"])) && copula(word(2)))
}

/// Is the quote at token `qi` a wording named as such (`the term “pivot”`, `the slogan, “…”`,
/// `a nickname, “…”`)? A term, phrase or slogan is words someone used, not a name of a thing.
fn after_term(s: &Sentence, qi: usize) -> bool {
    let mut i = qi;
    if i > 0 && s.toks[i - 1].k == K::Comma {
        i -= 1;
    }
    i > 0 && s.toks[i - 1].k == K::Word && lower_is_any(s.word(i - 1), TERM_WORDS)
}

/// Is the quote at token `qi` what someone calls a named person (`he called Roe “Little
/// John”`)? A name given to someone, nickname or not, is the caller's wording.
fn calls_someone(s: &Sentence, qi: usize) -> bool {
    let mut i = qi;
    while i > 0 && qi - i < 3 && s.is_cap(i - 1) {
        i -= 1;
    }
    i < qi
        && i > 0
        && s.toks[i - 1].k == K::Word
        && is_any(
            s.word(i - 1),
            &[
                "called",
                "calls",
                "call",
                "dubbed",
                "dubs",
                "nicknamed",
                "labeled",
                "labelled",
                "branded",
                "brands",
            ],
        )
}

/// Words of a quote's content, and whether they read as a title (every long word capitalised).
fn content_shape(text: &str, m: &Mark) -> (usize, bool) {
    let words = text::words(text, m.content.clone());
    let title = words.iter().all(|w| {
        let w = sub(text, w.clone());
        TITLE_MINOR_WORDS.contains(&w)
            || w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    });
    (words.len(), title)
}

/// How far after a quote's closing mark a dated citation's `(…)` may close.
const MAX_CITATION_BYTES: usize = 64;

/// `“Yes to the bridge” (2009)`, `“Night Train” (Example Records, 1998)`: a quote followed by
/// a parenthesis that ends with a year cites a work, a poster or a slogan by its date; it is a
/// reference, not speech.
fn dated(text: &str, m: &Mark) -> bool {
    let Some(rest) = m
        .closed
        .then(|| sub(text, m.outer.end..).trim_start_matches([' ', '\u{a0}', ',']))
        .and_then(|r| r.strip_prefix('('))
    else {
        return false;
    };
    // Only the first bytes are searched, so that every quote costs a bounded look ahead.
    let inside = match rest
        .bytes()
        .take(MAX_CITATION_BYTES + 1)
        .position(|b| b == b')' || b == b'\n')
    {
        Some(i) if rest.as_bytes()[i] == b')' => sub(rest, ..i),
        _ => return false,
    };
    let year = inside
        .trim_end()
        .rsplit(|c: char| !c.is_ascii_digit())
        .next();
    year.is_some_and(|d| d.len() == 4 && (d.starts_with('1') || d.starts_with("20")))
}

/// A paragraph that is nothing but a quotation in capitals (`“DIVISIVE AND WRONG”`) is a
/// subheading that names what follows, not a quote in its own right (`para`: the range of
/// the quote's paragraph).
fn heading(text: &str, m: &Mark, para: &Range<usize>) -> bool {
    let content = sub(text, m.content.clone());
    m.closed
        && m.outer == *para
        && content.split_whitespace().count() >= 2
        && content.chars().any(char::is_alphabetic)
        && !content.chars().any(char::is_lowercase)
}

/// `“…” http://…`: a quote followed by a bare web address is an excerpt of the page it links
/// (a link roundup's `“Headline,” by Jane Roe: “First lines …” http://…`), a reference to a
/// text rather than speech.
fn excerpt_of_link(text: &str, m: &Mark) -> bool {
    let rest = sub(text, m.outer.end..).trim_start_matches([' ', '\u{a0}']);
    m.closed
        && (rest.starts_with("http://") || rest.starts_with("https://") || rest.starts_with("www."))
}

/// `(“Roe blasts the plan,” Example Times, Thursday)`: a quote opening a parenthesis and
/// followed by a source and a comma cites a headline or a work by where it appeared (the
/// caller rules out a verb of saying: `(“…,” Roe wrote in the Times)` is speech).
fn cited_in_parens(s: &Sentence, qi: usize, m: &Mark) -> bool {
    let opens =
        qi > 0 && s.toks[qi - 1].k == K::Paren && sub(s.text, s.toks[qi - 1].s..).starts_with('(');
    if !opens || !m.closed {
        return false;
    }
    let rest = sub(s.text, m.outer.end..).trim_start_matches(' ');
    let rest = match rest.strip_prefix(',') {
        Some(r) => r.trim_start_matches(' '),
        None if sub(s.text, m.content.clone()).ends_with(',') => rest,
        None => return false,
    };
    // Only the first bytes are searched, so that every quote costs a bounded look ahead.
    let close = rest
        .bytes()
        .take(MAX_CITATION_BYTES + 1)
        .position(|b| matches!(b, b')' | b'\n' | b'"'));
    rest.starts_with(char::is_uppercase)
        && close.is_some_and(|i| rest.as_bytes()[i] == b')' && !sub(rest, ..i).contains(['“', '”']))
}

/// Does the text before byte `at` end with a quote set off by a comma or a dash, the way an
/// appositive follows it (`“Bellum,” Latin`, `“Do svidaniya!” – Russian`)?
fn quote_set_off_before(text: &str, at: usize) -> bool {
    let before = sub(text, ..at).trim_end_matches([' ', '\u{a0}']);
    let after_sep = before.trim_end_matches([',', '-', '–', '—']);
    let mark = if after_sep.len() < before.len() {
        after_sep.trim_end_matches([' ', '\u{a0}'])
    } else {
        before
    };
    let Some(inside) = mark
        .strip_suffix(['”', '"'])
        .or_else(|| mark.strip_suffix("''"))
        .or_else(|| mark.strip_suffix("’’"))
    else {
        return false;
    };
    after_sep.len() < before.len() || inside.ends_with(',')
}

/// A translation or gloss, not speech: `“Si vis pacem,” Latin for “if you want peace”`,
/// `“Do svidaniya!” – Russian for “goodbye”` (a word and `for` right after another quote),
/// `#PorteOuverte – “open door”` (a quote right after a hashtag).
fn gloss(s: &Sentence, qi: usize) -> bool {
    let of_quote = qi >= 2
        && s.is_word(qi - 1, "for")
        && s.toks[qi - 2].k == K::Word
        && quote_set_off_before(s.text, s.toks[qi - 2].s);
    let of_hashtag = qi >= 2
        && matches!(s.toks[qi - 1].k, K::Comma | K::Dash | K::Colon | K::Paren)
        && s.toks[qi - 2].k == K::Word
        && sub(s.text, ..s.toks[qi - 2].s).ends_with('#');
    of_quote || of_hashtag
}

/// Most words a work's title with a subtitle may have (`“Crippled America: How to Make America
/// Great Again”`).
const MAX_WORK_TITLE_WORDS: usize = 20;

/// Does a title-case quote hold a subtitle after a colon (`Main Title: The Subtitle`)?
fn has_subtitle(content: &str) -> bool {
    find_str(content, ": ").is_some_and(|i| {
        let letters = |t: &str| t.chars().any(char::is_alphabetic);
        letters(sub(content, ..i)) && letters(sub(content, i + 2..))
    })
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    Direct,
    Partial,
    /// A fragment describing the sentence's subject, which is not its speaker.
    Predicate,
    /// A scare quote or a name: the speaker's wording when it stands inside reported speech.
    Scare,
    /// A reference, never speech: a web address, who was told, a work and its author.
    Reference,
}

/// Where a quote's attribution sits in its sentence.
struct Frame {
    /// Token index of the cue.
    cue: usize,
    class: CueClass,
    /// The source phrase.
    np: Option<Np>,
}

/// Does the cue at token `c` introduce the quote at token `qi`: `X said “…”`, `X said, “…”`,
/// `X said: “…”`, `X shot back, “…”`?
fn cue_right_before(s: &Sentence, c: usize, qi: usize) -> bool {
    if c >= qi {
        return false;
    }
    let particle = c + 1 < qi && is_any(s.word(c + 1), &["back", "out", "up", "it"]);
    let gap = qi - c - usize::from(particle);
    gap == 1 || (gap == 2 && matches!(s.toks[qi - 1].k, K::Colon | K::Comma))
}

/// Is token `c` right after a quote (`“…,” said`)?
fn after_quote(s: &Sentence, c: usize) -> bool {
    c > 0
        && (matches!(s.toks[c - 1].k, K::Quote(_))
            || (s.toks[c - 1].k == K::Comma && c > 1 && matches!(s.toks[c - 2].k, K::Quote(_))))
}

/// The attribution of the quote at token `qi`: the cue just before it (`X said, “…”`), else
/// the first cue after it with no other quote between (`“…,” X said`), else the sentence's
/// first cue; or a name and a colon (`X: “…”`).
fn frame_for(s: &Sentence, cues: &[(usize, CueClass, Clause)], qi: usize) -> Option<Frame> {
    let usable = |c: usize, class: CueClass| match class {
        CueClass::Speech | CueClass::According => true,
        // `“…,” reads the statement` / `“…,” the statement reads.`
        CueClass::Document => {
            after_quote(s, c) || (c > qi && s.toks.get(c + 1).is_none_or(|t| t.k == K::Stop))
        }
        _ => false,
    };
    // Cues are in text order: look only at the few around the quote.
    let split = cues.partition_point(|&(c, _, _)| c < qi);
    let before = cues[..split]
        .iter()
        .rev()
        .take(3)
        .filter(|&&(c, k, _)| usable(c, k))
        .find(|&&(c, _, _)| cue_right_before(s, c, qi));
    let after = cues[split..]
        .iter()
        .take_while(|&&(c, _, _)| c <= qi + MAX_QUOTE_TO_CUE)
        .filter(|&&(c, k, _)| usable(c, k))
        .find(|&&(c, _, _)| {
            c > qi && !s.toks[qi + 1..c].iter().any(|t| matches!(t.k, K::Quote(_)))
        });
    let chosen = before.or(after).or_else(|| {
        cues.iter()
            .take(MAX_CUES_SCANNED)
            .find(|&&(c, k, _)| usable(c, k))
    });
    if let Some(&(c, class, _)) = chosen {
        return Some(Frame {
            cue: c,
            class,
            np: source_of(s, cues, c, class),
        });
    }
    // `X: “…”` — a name and a colon before the quote.
    let i = qi.checked_sub(1)?;
    if i > 0 && s.toks[i].k == K::Colon && s.is_cap(i - 1) {
        let mut a = i;
        while a > 0 && a + 5 > i && s.toks[a - 1].k == K::Word {
            a -= 1;
        }
        if s.n_words(a, i) <= 4 {
            let np = Some(Np {
                range: s.range(a, i),
                appos: None,
            });
            return Some(Frame {
                cue: i,
                class: CueClass::Speech,
                np,
            });
        }
    }
    // `X delivered a retort: “…”`: whatever the verb, a colon hands the quote to the subject
    // of the clause it ends.
    if s.toks[i].k == K::Colon {
        let np = s.speaking_subject()?;
        return Some(Frame {
            cue: i,
            class: CueClass::Speech,
            np: Some(np),
        });
    }
    None
}

/// The source phrase of the cue at token `c`.
fn source_of(
    s: &Sentence,
    cues: &[(usize, CueClass, Clause)],
    c: usize,
    class: CueClass,
) -> Option<Np> {
    match class {
        // `“…,” reads the statement` / `“…,” the statement reads`.
        CueClass::Document => s
            .phrase_after(c)
            .or_else(|| s.subject_before(c).map(|(np, _)| np)),
        CueClass::According => s.phrase_after(c + 1),
        CueClass::Verbal | CueClass::Naming | CueClass::Speech
            if lower_ends_with(s.word(c), "ing") =>
        {
            {
                // `a voice over saying` names its speaker; `X spoke, adding` borrows the
                // sentence's main speaker.
                if c > 0 && s.toks[c - 1].k == K::Word {
                    if let Some((np, _)) = s.subject_before(c).filter(|(np, _)| {
                        text::words(s.text, np.range.clone()).len() <= 4 && subject_like(s, np)
                    }) {
                        return Some(np);
                    }
                }
                let main = cues.iter().find(|&&(m, k, _)| {
                    m != c
                        && matches!(k, CueClass::Speech | CueClass::Verbal)
                        && !lower_ends_with(s.word(m), "ing")
                });
                match main {
                    Some(&(m, k, _)) => source_of(s, cues, m, k),
                    None => s.leading_subject(),
                }
            }
        }
        CueClass::Verbal | CueClass::Naming => s
            .subject_before(c)
            .map(|(np, _)| np)
            .filter(|np| subject_like(s, np))
            .or_else(|| s.leading_subject()),
        CueClass::Speech => {
            if after_quote(s, c) || c == 0 {
                // `“…,” said X` (inverted), `“…,” X said`, or `Added X: “…”`.
                s.subject_before(c)
                    .map(|(np, _)| np)
                    .or_else(|| s.phrase_after(c))
            } else {
                // `X — a teacher — says`: the dashes close an appositive of the subject;
                // `“…” about the plan, said X`: the cue is inverted after a comma.
                // `X used to …, but now said`: an adverb is no subject; the verb shares the
                // sentence's.
                let before = s.subject_before(c).map(|(np, _)| np);
                if before.as_ref().is_some_and(|np| !subject_like(s, np)) {
                    return s.leading_subject().or(before);
                }
                before.or_else(|| match c {
                    0 => None,
                    _ if s.toks[c - 1].k == K::Dash => s.leading_subject(),
                    _ if s.toks[c - 1].k == K::Comma => s.phrase_after(c),
                    _ => None,
                })
            }
        }
    }
}

/// Can a phrase be the subject of a verb of saying: it opens with a capital, a pronoun or a
/// determiner, not with a lower-case verb, adverb or preposition (`placed ads`, `now`, `on`)?
fn subject_like(s: &Sentence, np: &Np) -> bool {
    let Some(first) = text::words(s.text, np.range.clone()).first().cloned() else {
        return false;
    };
    let w = sub(s.text, first);
    is_cap(w)
        || w.starts_with(|c: char| c.is_ascii_digit())
        || is_pronoun_word(w)
        || DETERMINER_WORDS.contains(&w)
        || Lexicon::get().speaker_word(w).is_some()
}

/// A personal pronoun in lower case (`he`, `they`, `we`).
fn is_pronoun_word(w: &str) -> bool {
    is_any(w, &["he", "she", "they", "it", "we", "i", "you", "who"])
}

/// Classify the quote at token `qi` of a sentence of the paragraph `para` (a byte range).
fn classify(
    s: &Sentence,
    qi: usize,
    m: &Mark,
    frame: Option<&Frame>,
    judging: bool,
    para_reported: bool,
    para: &Range<usize>,
) -> Class {
    let (n_words, title) = content_shape(s.text, m);
    if (!title && named_by_someone(s, qi)) || after_term(s, qi) || calls_someone(s, qi) {
        return Class::Partial;
    }
    // `what it calls the “Day of …”`, `so-called “…”`: a name, unless it is a whole phrase.
    if naming_context(s, qi) && (title || n_words <= 3) {
        return Class::Scare;
    }
    let next = s.toks.get(qi + 1).map(|t| t.k);
    let prev = qi.checked_sub(1).map(|i| s.toks[i].k);
    let content = sub(s.text, m.content.clone());
    let ends_punct = trim_end_any(content, &['’', '\'', ')', ']'])
        .ends_with([',', '.', '?', '!', '…', '—', '-']);
    // A quote that continues the reporter's clause (`… had “been friends,” he claimed`) is a
    // fragment of it, whatever follows.
    let embedded = prev == Some(K::Word) && !frame.is_some_and(|f| cue_right_before(s, f.cue, qi));
    // Attribution right after the quote: `“…,” he said` / `“…,” said X`.
    let attributed_after = !embedded
        && frame.is_some_and(|f| {
            f.cue > qi
                && f.cue <= qi + MAX_QUOTE_TO_CUE
                && f.class != CueClass::According
                && !s.toks[qi + 1..f.cue]
                    .iter()
                    .any(|t| matches!(t.k, K::Quote(_)))
        })
        && (qi == 0 || !title);
    // Attribution right before: `X said, “…”` / `X said: “…”` / `X: “…”`.
    let attributed_before = frame.is_some_and(|f| cue_right_before(s, f.cue, qi));
    let whole_sentence = qi == 0 && matches!(next, None | Some(K::Stop));
    let terminal = content.ends_with(['.', '?', '!', '…']);
    // A title right after `told` is who was told (`told “Fox and Friends,”`, `told ABC’s
    // “Good Morning America”`), not speech.
    let told_at =
        |i: usize| s.toks[i].k == K::Word && is_any(s.word(i), &["told", "tells", "telling"]);
    let told_title = title
        && qi > 0
        && (told_at(qi - 1)
            || (qi > 1
                && s.is_cap(qi - 1)
                && strip_possessive(s.word(qi - 1)).len() < s.word(qi - 1).len()
                && told_at(qi - 2)));
    // `—“Title of a piece,” by Jane Roe`: a work and its author, not speech.
    // (After a dash, `by the New York Post’s Jane Roe` too; a sentence may open with a quote
    // followed by `by the …`, as in `“…” by the state, she said`.)
    let by_at = qi + 2 + usize::from(prev == Some(K::Dash) && s.is_word(qi + 2, "the"));
    let bylined = matches!(prev, None | Some(K::Dash))
        && s.is_word(qi + 1, "by")
        && s.toks.get(by_at).is_some_and(|_| s.is_cap(by_at));
    if told_title
        || bylined
        || dated(s.text, m)
        || heading(s.text, m, para)
        || excerpt_of_link(s.text, m)
        || gloss(s, qi)
        || (frame.is_none() && cited_in_parens(s, qi, m))
    {
        return Class::Reference;
    }
    // `a co-author of “Those Guys Have All the Fun: Inside the World of ESPN”`: a title with a
    // subtitle names a work, however long.
    if title
        && n_words <= MAX_WORK_TITLE_WORDS
        && has_subtitle(content)
        && !whole_sentence
        && !(ends_punct && (attributed_after || attributed_before))
    {
        return Class::Reference;
    }
    if title
        && n_words <= MAX_NAME_WORDS
        && !(ends_punct && (attributed_after || attributed_before))
        && !(whole_sentence && (n_words >= 3 || terminal))
    {
        return Class::Scare;
    }
    // A web address is a reference, not speech.
    if find_str(content, "://").is_some() || (n_words <= 3 && content.starts_with("www.")) {
        return Class::Reference;
    }
    if whole_sentence
        || (ends_punct && (attributed_after || attributed_before))
        || prev == Some(K::Colon)
    {
        return Class::Direct;
    }
    if qi == 0 && !m.closed {
        return Class::Direct;
    }
    if judging || frame.is_some() {
        return Class::Partial;
    }
    let about_subject = || s.leading_subject().is_some_and(|np| names_someone(s, &np));
    if embedded && !title && about_subject() {
        return Class::Partial;
    }
    if n_words >= MIN_UNATTRIBUTED_WORDS || !m.closed {
        return Class::Direct;
    }
    // A short fragment in a paragraph that reports someone's speech is part of that speech.
    if para_reported && n_words >= 2 {
        return Class::Partial;
    }
    // A fragment in a sentence whose subject is a named person or a pronoun quotes that
    // subject (`Roe is promising to create “a big spectacle”`), unless it is a name.
    if !title && n_words >= 1 && about_subject() {
        return Class::Partial;
    }
    if !title && after_copula(s, qi) {
        return Class::Predicate;
    }
    Class::Scare
}

/// A pronoun that can stand for a speaker as a sentence's subject.
fn is_person_pronoun(w: &str) -> bool {
    is_any(w, &["he", "she", "they", "He", "She", "They"])
}

/// Does a subject phrase name someone: a pronoun for a person, or a capitalised name that is
/// not a determiner?
fn names_someone(s: &Sentence, np: &Np) -> bool {
    names_someone_in(s, np, &text::words(s.text, np.range.clone()))
}

/// [`names_someone`], given the phrase's words.
fn names_someone_in(s: &Sentence, np: &Np, words: &[Range<usize>]) -> bool {
    let text = s.text;
    let Some(first) = words.first().map(|w| sub(text, w.clone())) else {
        return false;
    };
    // One capitalised word opening the sentence is a name only if the article writes it
    // capitalised inside a sentence too (`Optimism is high` is not a voice).
    let opens = s.toks.first().is_some_and(|t| t.s == np.range.start);
    if words.len() == 1 && opens && !is_person_pronoun(first) {
        let bare = strip_possessive(first);
        if !s.proper.contains(bare) {
            return false;
        }
    }
    is_person_pronoun(first)
        || (words.len() <= 4
            && words.iter().all(|w| {
                sub(text, w.clone())
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
            })
            && !is_any(
                first,
                &[
                    "The", "A", "An", "This", "That", "Their", "Its", "Our", "My", "His", "Her",
                ],
            ))
}

/// A day or time word (`Monday`, `yesterday`, `morning`), lower case.
fn is_time_word(w: &str) -> bool {
    is_any(w, &WEEKDAYS)
        || is_any(
            w,
            &[
                "yesterday",
                "today",
                "tonight",
                "week",
                "month",
                "year",
                "night",
                "morning",
                "afternoon",
                "evening",
            ],
        )
}

/// Prepositions that open an introductory phrase rather than a subject (`Despite polls …, X`).
fn is_preposition(w: &str) -> bool {
    is_any(
        w,
        &[
            "despite",
            "alongside",
            "amid",
            "among",
            "without",
            "under",
            "by",
            "for",
            "like",
            "unlike",
            "following",
            "until",
            "within",
            "across",
            "against",
            "beyond",
            "besides",
            "given",
            "more",
            "only",
            "once",
            "instead",
            "still",
            "yet",
            "now",
            "here",
            "even",
        ],
    )
}

/// A lower-case word that reads as a verb in the present tense (`reveals`, `goes`), not a
/// plural noun of people (`officials`) nor a noun that ends in `s` (`news`, `politics`).
fn is_present_verb(w: &str) -> bool {
    w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !w.ends_with("ics")
        && !w.ends_with("’s")
        && !w.ends_with("'s")
        && !is_any(w, &["news", "series", "means", "species", "sales"])
        && Lexicon::get().speaker_word(w).is_none()
}

/// Does a subject phrase stand for a speaker: a name or a pronoun, or a short description
/// whose head noun names one (`the judge`, `The campaign`, `Her letter`)?
fn describes_speaker(s: &Sentence, np: &Np) -> bool {
    let text = s.text;
    let words = text::words(text, np.range.clone());
    if names_someone_in(s, np, &words) {
        return true;
    }
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    // `Democratic presidential candidate Jane Roe`: a role before a name.
    // (Lower-case role words may stand first: `conservative commentator Jane Roe`.)
    let named = words.len() <= 6 && is_cap(sub(text, last.clone())) && {
        let w = sub(text, first.clone());
        if is_cap(w) {
            !is_any(w, &["The", "A", "An", "This", "That"])
        } else {
            is_head_noun(w)
        }
    };
    let mut buf = [0; 32];
    let first = lowercase(sub(text, first.clone()), &mut buf);
    named
        || words.len() <= 5
            && is_any(
                &first,
                &["the", "a", "an", "his", "her", "its", "their", "one"],
            )
            && is_head_noun(sub(text, last.clone()))
}

/// Is a description's last word a noun that can stand for whoever speaks (`the retired
/// neurosurgeon`, `The movie`), not a function word or a participle?
fn is_head_noun(w: &str) -> bool {
    w.chars().all(char::is_alphabetic)
        && w.chars().next().is_some_and(char::is_lowercase)
        && !w.ends_with("ing")
        && !w.ends_with("ly")
        && !TITLE_MINOR_WORDS.contains(&w)
        && !DETERMINER_WORDS.contains(&w)
}

/// Nouns that present the quote after them as a wording someone used.
const TERM_WORDS: &[&str] = &[
    "term",
    "terms",
    "phrase",
    "phrases",
    "word",
    "words",
    "slogan",
    "slogans",
    "motto",
    "nickname",
    "catchphrase",
    "expression",
    "mantra",
    "refrain",
];

/// Words that open a description rather than a name (`The candidate`, `Another voter`).
const DETERMINER_WORDS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my",
    "your", "another", "each", "every", "some", "many", "several", "no", "one", "both", "all",
    "most", "other",
];

/// Reported speech in a sentence without direct quotes: the clause and its cue.
fn indirect(
    s: &Sentence,
    cues: &[(usize, CueClass, Clause)],
) -> Option<(Range<usize>, usize, Option<Np>)> {
    let n = s.toks.len();
    let last = if n > 0 && s.toks[n - 1].k == K::Stop {
        n - 1
    } else {
        n
    };
    for &(c, class, clause) in cues {
        if clause == Clause::No {
            continue;
        }
        if class == CueClass::According {
            // `according to X, CLAUSE`
            let np = s.phrase_after(c + 1);
            let mut j = c + 2;
            while j < last && s.toks[j].k == K::Word {
                j += 1;
            }
            if c == 0
                && j < last
                && s.toks[j].k == K::Comma
                && s.n_words(j + 1, last) >= MIN_CLAUSE_WORDS
            {
                return Some((s.range(j + 1, last), c, np));
            }
            // `CLAUSE, according to X.`
            if c >= 2 && s.toks[c - 1].k == K::Comma && s.n_words(0, c - 1) >= MIN_CLAUSE_WORDS {
                return Some((s.range(0, c - 1), c, np));
            }
            continue;
        }
        // `X said (…) that CLAUSE` / `X said CLAUSE`.
        let participle = lower_ends_with(s.word(c), "ing");
        let subject = if participle {
            s.leading_subject().map(|np| (np, 0))
        } else {
            s.subject_before(c)
        };
        let that = (c + 1..(c + 1 + MAX_CUE_TO_THAT).min(last))
            .take_while(|&j| !matches!(s.toks[j].k, K::Stop | K::Semi | K::Colon | K::Comma))
            .find(|&j| s.is_word(j, "that"));
        let mut start = match that {
            Some(j) => j + 1,
            // `she said, CLAUSE`
            None if c + 1 < last && s.toks[c + 1].k == K::Comma => c + 2,
            None => c + 1,
        };
        if that.is_none() && lower_is_any(s.word(c), OBJECT_TAKERS) {
            // `told reporters he …`: skip the person told.
            let mut j = start;
            while j < last
                && j < start + 4
                && s.toks[j].k == K::Word
                && !is_clause_opener(s.word(j))
            {
                j += 1;
            }
            start = if j < last && s.toks[j].k == K::Word && is_clause_opener(s.word(j)) {
                j
            } else {
                last
            };
        }
        if start < last
            && s.toks[start].k == K::Word
            && s.n_words(start, last) >= MIN_CLAUSE_WORDS
            && !lower_is_any(s.word(start), NOT_A_CLAUSE)
            && subject.is_some()
            && (that.is_some() || (clause == Clause::Yes && starts_clause(s, start)))
        {
            return Some((s.range(start, last), c, subject.map(|(np, _)| np)));
        }
        // `CLAUSE, X said.` / `CLAUSE, said X.` — the cue ends the sentence, but for a short
        // adverbial (`said last month,`) or a trailing phrase after a comma.
        // (Counting stops at 4: only `tail <= 3` matters, and a sentence of many cues stays
        // linear.)
        let tail = (c + 1..last)
            .take_while(|&j| s.toks[j].k == K::Word)
            .take(4)
            .count();
        let ends_sentence = c + 1 + tail >= last || s.toks[c + 1 + tail].k == K::Comma;
        let adverbial = tail > 0 && is_adverbial_start(s.word(c + 1));
        // The fronted clause must read as a clause, not an adverbial (`In a release, X said`).
        let fronted_ok =
            s.toks.first().is_some_and(|t| t.k == K::Word) && !is_adverbial_start(s.word(0));
        if !participle && fronted_ok && (tail == 0 || adverbial || (tail <= 3 && ends_sentence)) {
            if let Some((np, chunk_start)) = s.subject_before(c) {
                if chunk_start >= 2
                    && s.toks[chunk_start - 1].k == K::Comma
                    && s.n_words(0, chunk_start - 1) >= MIN_CLAUSE_WORDS
                {
                    let appos_end = chunk_start - 1;
                    return Some((s.range(0, appos_end), c, Some(np)));
                }
            }
            if c >= 2 && s.toks[c - 1].k == K::Comma && s.n_words(0, c - 1) >= MIN_CLAUSE_WORDS {
                return Some((s.range(0, c - 1), c, s.phrase_after(c)));
            }
        }
    }
    None
}

/// Words that open a reported clause without `that` (`said he would …`, `said the plan …`).
fn is_clause_opener(w: &str) -> bool {
    lower_is_any(
        w,
        &[
            "he", "she", "it", "they", "we", "i", "you", "there", "the", "this", "that", "these",
            "those", "his", "her", "their", "its", "our", "a", "an",
        ],
    ) || w.chars().next().is_some_and(char::is_uppercase)
}

/// Does the clause at `start` read as a clause rather than an adverbial (`said on Tuesday`)?
fn starts_clause(s: &Sentence, start: usize) -> bool {
    !is_adverbial_start(s.word(start))
        && !lower_is_any(
            s.word(start),
            &["and", "but", "so", "for", "by", "no", "yes"],
        )
}

/// Is token `i` a relative pronoun (`who`, `which`)?
fn s_is_relative(s: &Sentence, i: usize) -> bool {
    s.toks[i].k == K::Word && lower_is_any(s.word(i), &["who", "which"])
}

/// Words that open an adverbial after a cue (`said in a statement`, `said last month`), not an
/// object (`maintained cordial relations`).
fn is_adverbial_start(w: &str) -> bool {
    lower_is_any(w, &WEEKDAYS)
        || lower_is_any(
            w,
            &[
                "in",
                "on",
                "at",
                "during",
                "after",
                "before",
                "last",
                "this",
                "earlier",
                "later",
                "yesterday",
                "today",
                "tonight",
                "recently",
                "while",
                "when",
                "as",
                "through",
                "via",
                "from",
                "to",
                "of",
                "about",
                "with",
                "late",
                "early",
                "friday's",
                "told",
                "then",
                "again",
                "also",
            ],
        )
}

/// A byline paragraph: `By NAME (email)`, `By NAME and NAME`.
fn byline(text: &str, para: &Range<usize>) -> Option<(String, Option<String>)> {
    let p = sub(text, para.clone());
    let rest = p.strip_prefix("By ").or_else(|| p.strip_prefix("BY "))?;
    if p.len() > 120 {
        return None;
    }
    let (name_part, email) = match rest.find(['(', ',', '|']) {
        Some(i) => {
            let e = trim_end_any(sub(rest, i + 1..).trim(), &[')']).trim();
            (
                sub(rest, ..i).trim(),
                e.contains('@').then(|| e.to_string()),
            )
        }
        None => (rest.trim(), None),
    };
    let words: Vec<&str> = name_part.split_whitespace().collect_vec();
    let ok = !words.is_empty()
        && words.len() <= 8
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                || is_any(w, &["and", "de", "van", "von"])
        });
    ok.then(|| (name_part.to_string(), email))
}

/// Words written capitalised inside a sentence (`said Roe`, `Jane Roe`, `with Optimism
/// Partners`): the article's names, as opposed to common words that are capitalised only
/// because they open a sentence.
///
/// Not inlined: its per-word loop would close around [`attribute`] (the module's tier-up rule).
#[inline(never)]
fn proper_words<'a>(text: &'a str, paras: &[Para]) -> FxSet<&'a str> {
    let mut out = FxSet::default();
    let mut prev_end = None;
    // Every paragraph's words, repeated ones included: the text's words in order.
    for w in paras.iter().flat_map(|p| p.words.iter().cloned()) {
        // Inside a sentence: only spaces since the previous word (`said Roe`, `Jane Roe`).
        let inside =
            prev_end.is_some_and(|e: usize| text.as_bytes()[e..w.start].iter().all(|&b| b == b' '));
        prev_end = Some(w.end);
        if inside && is_cap(sub(text, w.clone())) {
            out.insert(strip_possessive(sub(text, w)));
        }
    }
    out
}

/// What the rules read of the article and add to, from paragraph to paragraph.
struct Rules<'a> {
    text: &'a str,
    marks: &'a [Mark],
    reg: Registry,
    quotes: Vec<Found>,
    scare: Vec<Range<usize>>,
    /// One sentence's quotation marks, (token, mark): a buffer every sentence reuses.
    quote_toks: Vec<(usize, usize)>,
}

/// A paragraph's sentences with their cues, as the rules for one sentence read them.
struct ParaView<'p, 'a> {
    range: &'p Range<usize>,
    sentences: &'p [(Sentence<'a>, Range<usize>)],
    /// Every sentence's cues, one run per sentence (`sentences[i].1`).
    cues: &'p [(usize, CueClass, Clause)],
    /// Some sentence of the paragraph reports speech (`said`, `according to`).
    reported: bool,
}

/// What a paragraph's sentences leave for its end.
#[derive(Default)]
struct ParaSpeakers {
    /// The paragraph's own speaker: of its attributed direct quotes…
    para_speaker: Option<usize>,
    /// …else of a sentence that reports speech without quoting it (`X said on a call. “…”`).
    pending_speaker: Option<usize>,
    /// The quotes no rule attributed, by index.
    unattributed: Vec<usize>,
    /// The kind and speaker of the paragraph's last quote.
    last_kind: Option<QuoteKind>,
    last_speaker: Option<usize>,
    /// The speaker of the paragraph's last sentence of reported speech.
    last_cue_speaker: Option<usize>,
}

impl Rules<'_> {
    /// The quote rules and the reported-speech rule, for sentence `si` of a paragraph. Never
    /// inlined, by the tier-up rule (module docs): a call per sentence counts only this
    /// function's size toward its own tier-up budget, where the loop over sentences counted
    /// nearly the whole of [`attribute`] toward that one's.
    #[inline(never)]
    fn sentence(&mut self, para: &ParaView<'_, '_>, si: usize, ps: &mut ParaSpeakers) {
        let text = self.text;
        let (s, cues) = &para.sentences[si];
        let cues = &para.cues[cues.clone()];
        // `The judge turned to me. “…?”`: a quote standing alone after a sentence of
        // narration is the speech of that sentence's subject.
        // (Looked up only for a quote that needs it.)
        let narrator = || {
            si.checked_sub(1)
                .and_then(|k| para.sentences[k].0.narrator())
        };
        let judging = cues
            .iter()
            .any(|&(_, c, _)| matches!(c, CueClass::Speech | CueClass::Verbal));
        let mut sentence_has_speech = false; // a direct quote
        let mut sentence_scare: Vec<Range<usize>> = Vec::new();
        // The token of the last partial quote.
        let mut last_partial: Option<usize> = None;
        // Speakers resolved in this sentence: (cue token, speaker).
        let mut resolved: Vec<(usize, Option<usize>)> = Vec::new();
        let mut speaker_of = |reg: &mut Registry, f: &Frame| -> Option<usize> {
            if let Some(&(_, sp)) = resolved.iter().find(|&&(cue, _)| cue == f.cue) {
                return sp;
            }
            let sp = f.np.as_ref().and_then(|np| reg.resolve(text, np, f.class));
            resolved.push((f.cue, sp));
            sp
        };
        // The marks are found first, so that the loop around the quote rules runs once per
        // mark, not once per token (the module's tier-up rule).
        self.quote_toks.clear();
        self.quote_toks
            .extend(s.toks.iter().enumerate().filter_map(|(qi, t)| match t.k {
                K::Quote(mi) => Some((qi, mi)),
                _ => None,
            }));
        for &(qi, mi) in &self.quote_toks {
            let m = &self.marks[mi];
            self.scare
                .extend(quotes::nested_single(text, m.content.clone()));
            let frame = frame_for(s, cues, qi);
            // `X portrays Y as “…”`: the words a verb of describing gives something.
            let det = usize::from(
                qi > 2 && is_any(s.word(qi - 1), &["a", "an", "the"]) && s.is_word(qi - 2, "as"),
            );
            let described_as = qi > 1
                && s.is_word(qi - 1 - det, "as")
                && cues[..cues.partition_point(|&(c, _, _)| c < qi)]
                    .iter()
                    .rev()
                    .take_while(|&&(c, _, _)| c + MAX_DESCRIBED_AS_TOKENS >= qi)
                    .any(|&(_, k, _)| k == CueClass::Verbal);
            // A quote joined by `and`/`or` to a partial quote (`“profane” and “sexist”`)
            // is more of the same words.
            let joined = qi > 1
                && (s.is_word(qi - 1, "and") || s.is_word(qi - 1, "or"))
                && last_partial == Some(qi - 2);
            let class = if described_as || joined {
                Class::Partial
            } else {
                classify(s, qi, m, frame.as_ref(), judging, para.reported, para.range)
            };
            if class == Class::Partial || class == Class::Predicate {
                last_partial = Some(qi);
            }
            // The subject a quoted predicate describes is not its speaker.
            let subject_speaks = class != Class::Predicate;
            let kind = match class {
                Class::Reference => {
                    self.scare.push(m.content.clone());
                    continue;
                }
                Class::Scare => {
                    sentence_scare.push(m.content.clone());
                    continue;
                }
                Class::Direct => QuoteKind::Direct,
                Class::Partial | Class::Predicate => QuoteKind::Partial,
            };
            // A reported clause may hold quoted fragments; only a direct quote is the
            // sentence's speech itself.
            sentence_has_speech |= kind == QuoteKind::Direct;
            let frame = match kind {
                // A fragment belongs to the verb of saying or judging nearest before it.
                QuoteKind::Partial => cues[..cues.partition_point(|&(c, _, _)| c < qi)]
                    .iter()
                    .rev()
                    .take(MAX_CUES_SCANNED)
                    .find(|&&(_, k, _)| matches!(k, CueClass::Speech | CueClass::Verbal))
                    .or_else(|| {
                        cues.iter()
                            .take(MAX_CUES_SCANNED)
                            .find(|&&(_, k, _)| k != CueClass::Naming)
                    })
                    .map(|&(c, class, _)| Frame {
                        cue: c,
                        class,
                        np: source_of(s, cues, c, class),
                    }),
                _ => frame,
            };
            let (speaker, cue) = match &frame {
                Some(f) => {
                    // A cue whose own subject names no one (`when questioned`) leaves an
                    // embedded quote to the sentence's subject.
                    let sp = speaker_of(&mut self.reg, f).or_else(|| {
                        (subject_speaks && (kind == QuoteKind::Partial || qi > 0))
                            .then(|| s.speaking_subject())
                            .flatten()
                            .and_then(|np| self.reg.resolve(text, &np, CueClass::Speech))
                    });
                    (sp, Some(s.toks[f.cue].s..cue_end(s, f)))
                }
                // A fragment with no verb of saying, or a quote the reporter's sentence
                // leads into (`X’s answer was that “…”`), quotes the sentence's subject.
                None if subject_speaks && (kind == QuoteKind::Partial || qi > 0) => {
                    let np = s.speaking_subject();
                    (
                        np.and_then(|np| self.reg.resolve(text, &np, CueClass::Speech)),
                        None,
                    )
                }
                None if qi == 0 && kind == QuoteKind::Direct => (
                    narrator().and_then(|np| self.reg.resolve(text, &np, CueClass::Speech)),
                    None,
                ),
                None => (None, None),
            };
            match speaker {
                None => ps.unattributed.push(self.quotes.len()),
                Some(_) if kind == QuoteKind::Direct => {
                    ps.para_speaker = ps.para_speaker.or(speaker)
                }
                Some(_) => {}
            }
            ps.last_kind = Some(kind);
            ps.last_speaker = speaker;
            self.quotes.push(Found {
                range: m.content.clone(),
                kind,
                speaker,
                cue,
            });
        }
        if !sentence_has_speech {
            if let Some((clause, c, np)) = indirect(s, cues) {
                let class = cues
                    .iter()
                    .find(|x| x.0 == c)
                    .map_or(CueClass::Speech, |x| x.1);
                let speaker = np.and_then(|np| self.reg.resolve(text, &np, class));
                let f = Frame {
                    cue: c,
                    class,
                    np: None,
                };
                ps.pending_speaker = ps.pending_speaker.or(speaker);
                ps.last_cue_speaker = speaker;
                let cue = Some(s.toks[c].s..cue_end(s, &f));
                // Quoted words inside reported speech are the speaker's own wording
                // (`X said the plan would “Make America Great Again”`), names included.
                let quotes = &mut self.quotes;
                sentence_scare.retain(|r| {
                    let inside = clause.start <= r.start && r.end <= clause.end;
                    if inside {
                        quotes.push(Found {
                            range: r.clone(),
                            kind: QuoteKind::Partial,
                            speaker,
                            cue: cue.clone(),
                        });
                    }
                    !inside
                });
                self.quotes.push(Found {
                    range: clause,
                    kind: QuoteKind::Indirect,
                    speaker,
                    cue,
                });
            } else if let Some(&(c, class, _)) =
                cues.iter().find(|&&(_, k, _)| k == CueClass::Speech)
            {
                // `X said on a call.` / `X said:` — speech announced, quoted later.
                let f = Frame {
                    cue: c,
                    class,
                    np: source_of(s, cues, c, class),
                };
                let sp = speaker_of(&mut self.reg, &f);
                ps.pending_speaker = ps.pending_speaker.or(sp);
                ps.last_cue_speaker = sp;
            }
        }
        self.scare.append(&mut sentence_scare);
    }
}

/// Attribute every quote of the article. Never inlined into `analyze` (the tier-up rule):
/// each keeps a tier-up budget of its own.
#[inline(never)]
pub(crate) fn attribute(text: &str, paras: &[Para], marks: &[Mark]) -> Attribution {
    let proper = proper_words(text, paras);
    let mut rules = Rules {
        text,
        marks,
        reg: Registry::default(),
        quotes: Vec::with_capacity(marks.len()),
        scare: Vec::new(),
        quote_toks: Vec::new(),
    };
    let mut byline_found = None;
    // The speaker of the last direct quote (paragraph, speaker); the speaker of a paragraph
    // that ended inside an open quote or with `X said:`.
    let mut last_direct: Option<(usize, Option<usize>)> = None;
    let mut carried: Option<Option<usize>> = None;
    // The subject of the last paragraph's closing sentence of narration, if it names someone.
    let mut last_narrator: Option<(usize, Np)> = None;
    // The tokens of every sentence of the non-repeated paragraphs, one after another, their
    // running word counts, each sentence's share, and each paragraph's sentences.
    let mut all_toks: Vec<Tok> = Vec::with_capacity(text.len() / BYTES_PER_TOKEN + 1);
    let mut sentence_toks: Vec<Range<usize>> = Vec::new();
    let mut para_sentences: Vec<Range<usize>> = Vec::with_capacity(paras.len());
    for p in paras {
        let first = sentence_toks.len();
        if p.duplicate_of.is_none() {
            for sent in &p.sentences {
                let from = all_toks.len();
                tokenize(text, sent, marks, &mut all_toks);
                sentence_toks.push(from..all_toks.len());
            }
        }
        para_sentences.push(first..sentence_toks.len());
    }
    let mut word_counts: Vec<usize> = Vec::with_capacity(all_toks.len() + 1);
    word_counts.push(0);
    for t in &all_toks {
        let n = word_counts.last().copied().unwrap_or(0);
        word_counts.push(n + usize::from(t.k == K::Word));
    }
    // A paragraph's sentences with their cues (in `para_cues`); both buffers serve every
    // paragraph.
    let mut sentences: Vec<(Sentence, Range<usize>)> = Vec::new();
    let mut para_cues: Vec<(usize, CueClass, Clause)> = Vec::new();

    for (pi, p) in paras.iter().enumerate() {
        if p.duplicate_of.is_some() {
            continue;
        }
        if byline_found.is_none() {
            if let Some(b) = byline(text, &p.range) {
                byline_found = Some(b);
                continue;
            }
        }
        rules.reg.start_paragraph(pi);
        let mut ps = ParaSpeakers::default();
        let first_mark = marks.partition_point(|m| m.para < pi);
        let para_opens_with_quote = marks
            .get(first_mark)
            .is_some_and(|m| m.para == pi && m.outer.start == p.range.start);

        sentences.clear();
        para_cues.clear();
        for toks in &sentence_toks[para_sentences[pi].clone()] {
            let s = Sentence {
                text,
                proper: &proper,
                toks: &all_toks[toks.clone()],
                lead: Default::default(),
                word_counts: &word_counts[toks.start..=toks.end],
            };
            let first = para_cues.len();
            s.cues_into(&mut para_cues);
            sentences.push((s, first..para_cues.len()));
        }
        let para = ParaView {
            range: &p.range,
            sentences: &sentences,
            cues: &para_cues,
            reported: para_cues
                .iter()
                .any(|&(_, k, _)| matches!(k, CueClass::Speech | CueClass::According)),
        };
        for si in 0..sentences.len() {
            rules.sentence(&para, si, &mut ps);
        }
        let ParaSpeakers {
            para_speaker,
            pending_speaker,
            unattributed,
            last_kind,
            last_speaker,
            last_cue_speaker,
        } = ps;
        let Rules { reg, quotes, .. } = &mut rules;

        // Direct quotes of this paragraph without attribution of their own take the
        // paragraph's speaker; a paragraph that opens with a quote may continue the last one.
        let inherited = para_speaker.or(pending_speaker).or_else(|| {
            if !para_opens_with_quote {
                return None;
            }
            match (carried, last_direct, &last_narrator) {
                (Some(sp), _, _) => sp,
                (None, Some((lp, sp)), _) if prev_kept_para(paras, pi) == Some(lp) => sp,
                // A quote paragraph after a paragraph of narration about someone (`X is
                // upbeat about the race.` + `“…”`) is that someone's speech.
                (None, _, Some((lp, np))) if prev_kept_para(paras, pi) == Some(*lp) => {
                    reg.resolve(text, np, CueClass::Speech)
                }
                _ => None,
            }
        });
        for &qi in &unattributed {
            // Fragments take the paragraph's speaker, never a continued one.
            let sp = if quotes[qi].kind == QuoteKind::Direct {
                inherited
            } else {
                para_speaker.or(pending_speaker)
            };
            if sp.is_some() {
                quotes[qi].speaker = sp;
                if let Some(sp) = sp {
                    reg.mention_speaker(sp);
                }
            }
        }
        carried = None;
        last_narrator = sentences
            .last()
            .and_then(|(s, _)| s.narrator())
            .map(|np| (pi, np));
        let m_last = marks[first_mark..]
            .iter()
            .take_while(|m| m.para == pi)
            .last();
        if last_kind == Some(QuoteKind::Direct) {
            let sp = last_speaker.or(inherited);
            last_direct = Some((pi, sp));
            if m_last.is_some_and(|m| !m.closed) {
                carried = Some(sp);
            }
        } else if let Some(sp) = last_speaker
            .filter(|_| last_kind == Some(QuoteKind::Partial))
            .or(last_cue_speaker)
        {
            // `… and the law, Roe said.` + a quote paragraph: the quote goes on with the
            // voice the previous paragraph reported last.
            last_direct = Some((pi, Some(sp)));
        }
        if sub(text, p.range.clone()).ends_with(':') {
            // `X delivered a blunt message:` — the quote of the next paragraph is the speech
            // the colon announces, by the cue's speaker, else the closing clause's subject.
            let sp = last_cue_speaker.or_else(|| {
                let np = sentences.last()?.0.narrator()?;
                reg.resolve(text, &np, CueClass::Speech)
            });
            if sp.is_some() {
                carried = Some(sp);
                last_direct = Some((pi, sp));
            }
        }
    }
    let Rules {
        mut quotes,
        mut scare,
        reg,
        ..
    } = rules;
    sort_unless_sorted(&mut quotes, |q| (q.range.start as u64, 0));
    sort_unless_sorted(&mut scare, |r| (r.start as u64, 0));
    scare.dedup();
    Attribution {
        quotes,
        scare,
        registry: reg,
        byline: byline_found,
    }
}

/// The index of the last non-repeated paragraph before `pi`.
fn prev_kept_para(paras: &[Para], pi: usize) -> Option<usize> {
    (0..pi).rev().find(|&i| paras[i].duplicate_of.is_none())
}

/// Where a cue ends: `according to` spans two words.
fn cue_end(s: &Sentence, f: &Frame) -> usize {
    if f.class == CueClass::According {
        s.toks.get(f.cue + 1).map_or(s.toks[f.cue].e, |t| t.e)
    } else {
        s.toks[f.cue].e
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::paragraphs;

    /// (quote text, kind, speaker name) for every quote of `text`.
    fn run(text: &str) -> Vec<(String, QuoteKind, Option<String>)> {
        let paras = paragraphs(text);
        let marks = quotes::find(text, &paras);
        let a = attribute(text, &paras, &marks);
        a.quotes
            .iter()
            .map(|q| {
                (
                    text[q.range.clone()].to_string(),
                    q.kind,
                    q.speaker.map(|i| a.registry.entities()[i].name.clone()),
                )
            })
            .collect()
    }

    fn scare(text: &str) -> Vec<String> {
        let paras = paragraphs(text);
        let marks = quotes::find(text, &paras);
        attribute(text, &paras, &marks)
            .scare
            .iter()
            .map(|r| text[r.clone()].to_string())
            .collect()
    }

    use QuoteKind::{Direct, Indirect, Partial};

    fn q(t: &str, k: QuoteKind, s: Option<&str>) -> (String, QuoteKind, Option<String>) {
        (t.to_string(), k, s.map(str::to_string))
    }

    /// A table row: the text, its quotes (text, kind, speaker) and its scare quotes.
    type QuoteAndScareCase<'a> = (
        &'a str,
        &'a [(&'a str, QuoteKind, Option<&'a str>)],
        &'a [&'a str],
    );

    /// Every row's quotes and scare quotes are exactly the expected ones.
    fn assert_quotes_and_scare(cases: &[QuoteAndScareCase]) {
        for (text, want, want_scare) in cases {
            let want: Vec<_> = want.iter().map(|&(t, k, s)| q(t, k, s)).collect();
            assert_eq!(run(text), want, "{text:?}");
            assert_eq!(
                scare(text),
                want_scare.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn direct_quote_patterns() {
        let cases: &[(&str, &[(&str, QuoteKind, Option<&str>)])] = &[
            (
                "“We will go,” said Jane Roe, a senior fellow at the Example Institute.",
                &[("We will go,", Direct, Some("Jane Roe"))],
            ),
            (
                "“We will go,” Jane Roe said.",
                &[("We will go,", Direct, Some("Jane Roe"))],
            ),
            (
                "Jane Roe said, “We will go.”",
                &[("We will go.", Direct, Some("Jane Roe"))],
            ),
            (
                "Jane Roe said: “We will go.”",
                &[("We will go.", Direct, Some("Jane Roe"))],
            ),
            (
                "Roe: “We will go.”",
                &[("We will go.", Direct, Some("Roe"))],
            ),
            (
                "“A is true,” Jane Roe said. “B is also true.”",
                &[
                    ("A is true,", Direct, Some("Jane Roe")),
                    ("B is also true.", Direct, Some("Jane Roe")),
                ],
            ),
            (
                "Jane Roe said the talks had ended.\n“It is over,” she told reporters.",
                &[
                    ("the talks had ended", Indirect, Some("Jane Roe")),
                    ("It is over,", Direct, Some("Jane Roe")),
                ],
            ),
            (
                "“Hold on,” reads the statement released by the Example News Agency.",
                &[("Hold on,", Direct, Some("Example News Agency"))],
            ),
            (
                "The ministry spoke, saying: “Talks are over for now.”",
                &[("Talks are over for now.", Direct, Some("The ministry"))],
            ),
            (
                "“Mismatched marks still pair,\" said Jane Roe.",
                &[("Mismatched marks still pair,", Direct, Some("Jane Roe"))],
            ),
            // Any verb where a verb of saying stands attributes the quote.
            (
                "“Not again,” Jane Roe fumed.",
                &[("Not again,", Direct, Some("Jane Roe"))],
            ),
            (
                "Jane Roe shot back, “Not again.”",
                &[("Not again.", Direct, Some("Jane Roe"))],
            ),
            (
                "As Jane Roe puts it: “Talks are over.”",
                &[("Talks are over.", Direct, Some("Jane Roe"))],
            ),
            (
                "Added Jane Roe: “Talks are over.”",
                &[("Talks are over.", Direct, Some("Jane Roe"))],
            ),
            // Appositives with abbreviations and states between the quote and its cue.
            (
                "“We will see,” Rep. Jane Roe, R-Ohio, said.",
                &[("We will see,", Direct, Some("Jane Roe"))],
            ),
            // Archive copy writes double marks as two apostrophes.
            (
                "''It is done,'' Jane Roe said.",
                &[("It is done,", Direct, Some("Jane Roe"))],
            ),
            // A relative pronoun stands for the name before it.
            (
                "The plan came from Jane Roe, who said, “It will work.”",
                &[("It will work.", Direct, Some("Jane Roe"))],
            ),
            // `the senator` is the senator already named.
            (
                "“One,” said Sen. Jane Roe.\nOther news came in.\n“Two,” the senator said.",
                &[
                    ("One,", Direct, Some("Jane Roe")),
                    ("Two,", Direct, Some("Jane Roe")),
                ],
            ),
        ];
        for (text, want) in cases {
            let want: Vec<_> = want.iter().map(|&(t, k, s)| q(t, k, s)).collect();
            assert_eq!(run(text), want, "{text:?}");
        }
    }

    /// Quotes without a verb of saying of their own take the subject of the sentence (or,
    /// after a colon that ends a paragraph, of the clause the colon closes).
    #[test]
    fn quotes_take_the_subject_of_their_sentence() {
        let cases: &[(&str, &[(&str, QuoteKind, Option<&str>)])] = &[
            (
                "Jane Roe delivered a snappy retort: “We will go on.”",
                &[("We will go on.", Direct, Some("Jane Roe"))],
            ),
            (
                "Politico reveals a few relevant facts: “Most voters are unaffiliated.”",
                &[("Most voters are unaffiliated.", Direct, Some("Politico"))],
            ),
            (
                "Jane Roe sent a blunt message to her rivals:\n“We will go on without them.”",
                &[("We will go on without them.", Direct, Some("Jane Roe"))],
            ),
            (
                "In a long, candid interview, Jane Roe said she was ready and added, “We will go.”",
                &[("We will go.", Direct, Some("Jane Roe"))],
            ),
            (
                "Jane Roe also bemoaned a climate in which people “hate each other.”",
                &[("hate each other.", Partial, Some("Jane Roe"))],
            ),
            (
                "Jane Roe, an analyst at the Example Institute, proposed that we “wake up now.”",
                &[("wake up now.", Partial, Some("Jane Roe"))],
            ),
            (
                "Jane Roe — a teacher from the coast — says the plan was “a big deal.”",
                &[("a big deal.", Partial, Some("Jane Roe"))],
            ),
            (
                "Democratic candidate Jane Roe is urging voters to “send a message.”",
                &[("send a message.", Partial, Some("Jane Roe"))],
            ),
            // A description speaks for itself; an adverb or participle opens no subject.
            (
                "The candidate has mocked a reporter and called rivals “weak and tired.”",
                &[("weak and tired.", Partial, Some("The candidate"))],
            ),
            (
                "Hastily drawing a lesson, Jane Roe cast the blame on “chaos at home.”",
                &[("chaos at home.", Partial, Some("Jane Roe"))],
            ),
            // A cue inverted after a comma; a time phrase between subject and cue.
            (
                "“We are extremely happy” about the decision, said Jane Roe, a director.",
                &[("We are extremely happy", Partial, Some("Jane Roe"))],
            ),
            (
                "Jane Roe later Thursday told Example News: “We will win.”",
                &[("We will win.", Direct, Some("Jane Roe"))],
            ),
            // A capitalised `Will` before a cue is a name, not an auxiliary.
            (
                "“It should hasten the end,” Will wrote.",
                &[("It should hasten the end,", Direct, Some("Will"))],
            ),
            // A medium after an inverted name; a long description of the speaker.
            (
                "“We will go,” wrote Jane Roe in The Daily Example.",
                &[("We will go,", Direct, Some("Jane Roe"))],
            ),
            (
                "“We will go,” the veteran senator from the northern state said.",
                &[(
                    "We will go,",
                    Direct,
                    Some("the veteran senator from the northern state"),
                )],
            ),
            // A quote paragraph goes on with the voice the previous paragraph reported last.
            (
                "The plan failed twice before, Jane Roe said.\n“It will fail again next year.”",
                &[
                    ("The plan failed twice before", Indirect, Some("Jane Roe")),
                    ("It will fail again next year.", Direct, Some("Jane Roe")),
                ],
            ),
            // A text that speaks, named before its verb.
            (
                "“Welcome to all of you,” a message on the website reads.",
                &[("Welcome to all of you,", Direct, Some("a message"))],
            ),
            // A quote alone after narration about someone, in its paragraph or the next.
            (
                "The judge then turned to me. “Are you ready to speak now?”",
                &[("Are you ready to speak now?", Direct, Some("The judge"))],
            ),
            (
                "Jane Roe is upbeat about the race.\n“We will win it all this year.”",
                &[("We will win it all this year.", Direct, Some("Jane Roe"))],
            ),
            // An adverb before the cue or a conjunction opening the sentence is no subject.
            (
                "Jane Roe used to back the plan, but now said it had “run its course.”",
                &[("run its course.", Partial, Some("Jane Roe"))],
            ),
            (
                "And Jane Roe blamed the court's “four liberal justices.”",
                &[("four liberal justices.", Partial, Some("Jane Roe"))],
            ),
            // Role words before a name, a parenthesis after it, a time phrase after it; a cue
            // whose own subject names no one leaves the quote to the sentence's subject.
            (
                "After the debate, conservative commentator Jane Roe imagined him thinking: “What have I done?”",
                &[("What have I done?", Direct, Some("Jane Roe"))],
            ),
            (
                "Sen. Jane Roe (D-Ohio) visited the show, saying “on her worst day” she wins.",
                &[("on her worst day", Partial, Some("Jane Roe"))],
            ),
            (
                "The Roe campaign on Monday doubled down, calling the plan “a fraud.”",
                &[("a fraud.", Partial, Some("The Roe campaign"))],
            ),
            (
                "Jane Roe clashed with a rival, chiding him, “What difference does it make?” when questioned.",
                &[("What difference does it make?", Direct, Some("Jane Roe"))],
            ),
            // A place before the subject is no name with an appositive.
            (
                "Speaking in Salem, New Hampshire, Jane Roe went after a rival, calling him “a total stiff.”",
                &[("a total stiff.", Partial, Some("Jane Roe"))],
            ),
            // A surname the article writes inside a name is a name when it opens a sentence.
            (
                "The debate featured Jane Roe.\nRoe blamed the law on “knuckleheaded local politicians.”",
                &[("knuckleheaded local politicians.", Partial, Some("Roe"))],
            ),
            // A capitalised word that only opens sentences is no one's name.
            (
                "Optimism runs higher among those who “strongly agree.”",
                &[],
            ),
            (
                "Jane Roe’s answer was that “the family matters most in the end,” so it stays.",
                &[(
                    "the family matters most in the end,",
                    Partial,
                    Some("Jane Roe"),
                )],
            ),
        ];
        for (text, want) in cases {
            let want: Vec<_> = want.iter().map(|&(t, k, s)| q(t, k, s)).collect();
            assert_eq!(run(text), want, "{text:?}");
        }
    }

    #[test]
    fn continuation_paragraphs_keep_their_speaker() {
        let text = "“First part,” said Jane Roe, an analyst.\n“Second part, with no attribution of its own.”\nIt rained all day, and nothing else happened.\n“A stray quote that nobody claims in this paragraph.”";
        let got = run(text);
        assert_eq!(got[0].2.as_deref(), Some("Jane Roe"));
        assert_eq!(got[1].2.as_deref(), Some("Jane Roe"));
        assert_eq!(got[2].2, None);
        let open = "Jane Roe said: “The first paragraph runs on\n“and the second closes it.”";
        let got = run(open);
        assert_eq!(got.len(), 2);
        assert!(
            got.iter().all(|x| x.2.as_deref() == Some("Jane Roe")),
            "{got:?}"
        );
    }

    #[test]
    fn partial_and_scare_quotes() {
        let cases: &[QuoteAndScareCase] = &[
            (
                "The Example Council, the main body, sharply criticized its neighbour as “lacking spine” last week.",
                &[("lacking spine", Partial, Some("Example Council"))],
                &[],
            ),
            ("Their “iron friendship” has faded.", &[], &["iron friendship"]),
            ("It marked what it calls the “Day of Unity in the Great War.”", &[], &["Day of Unity in the Great War."]),
            (
                "Jane Roe said on “Meet the Press,” that she would run again soon.",
                &[("she would run again soon", Indirect, Some("Jane Roe"))],
                &["Meet the Press,"],
            ),
            ("The so-called “peace dividend” never came.", &[], &["peace dividend"]),
            (
                "—“A new museum director balances history and crowds,” by Jane Roe.",
                &[],
                &["A new museum director balances history and crowds,"],
            ),
            (
                "“We would not ‘abandon’ them,” she said.",
                &[("We would not ‘abandon’ them,", Direct, None)],
                &["abandon"],
            ),
            // Quoted words inside reported speech are the speaker's, names and slogans too.
            (
                "Jane Roe said the plan would “Make Towns Great Again” within a year.",
                &[
                    ("the plan would “Make Towns Great Again” within a year", Indirect, Some("Jane Roe")),
                    ("Make Towns Great Again", Partial, Some("Jane Roe")),
                ],
                &[],
            ),
            (
                "John Doe says such votes are preludes to the critical “Exit” referendum in June.",
                &[
                    ("such votes are preludes to the critical “Exit” referendum in June", Indirect, Some("John Doe")),
                    ("Exit", Partial, Some("John Doe")),
                ],
                &[],
            ),
            // What someone calls a thing is that someone's wording; after a plain noun it is a name.
            ("Jane Roe railed against what she calls the “capital cartel” again.", &[("capital cartel", Partial, Some("Jane Roe"))], &[]),
            ("Roe mocked his rival, who he dubbed “the little senator.”", &[("the little senator.", Partial, Some("Roe"))], &[]),
            ("Their play dubbed “the last supper” has closed.", &[], &["the last supper"]),
            // A quoted predicate after a copula is someone's judgement; a title there stays a name.
            ("The delay was “deeply troubling” for the town.", &[("deeply troubling", Partial, None)], &[]),
            ("The winner was “Night Train” again.", &[], &["Night Train"]),
            ("By her own account the delay was a “mistake.”", &[("mistake.", Partial, None)], &[]),
            // A term, phrase or slogan is a wording someone used, title case or not.
            ("Few voters liked the phrase “self-removal.”", &[("self-removal.", Partial, None)], &[]),
            ("The town ran on the slogan, “Build It Here.”", &[("Build It Here.", Partial, None)], &[]),
            // A name given to someone is the caller's wording.
            ("Within minutes, Jane Roe called Doe “Little John” twice.", &[("Little John", Partial, Some("Jane Roe"))], &[]),
            // What a verb of describing calls something is the describer's wording.
            ("Jane Roe often portrays her rival as “Mister Slow” at rallies.", &[("Mister Slow", Partial, Some("Jane Roe"))], &[]),
            ("Their guests registered as “Independent Voters” last year.", &[], &["Independent Voters"]),
            // … also after an article, and a quote joined to a partial one is more of it.
            (
                "Officials portrayed the attack as a “workplace” or “gun control” issue.",
                &[("workplace", Partial, Some("Officials")), ("gun control", Partial, Some("Officials"))],
                &[],
            ),
            // The same name in narration stays a name.
            ("Crowds chanted “Make Towns Great Again” at the rally.", &[], &["Make Towns Great Again"]),
            // A quote dated in parentheses cites a work, a poster or a slogan.
            ("Its posters read “Yes to the bridge” (2009) and “No tolls” (Example Party, 2011).", &[], &["Yes to the bridge", "No tolls"]),
            ("“We will build it” (2009) was her line.", &[], &["We will build it"]),
            (
                "Jane Roe said the bridge would be “open by spring” (in 2019 it was not).",
                &[
                    ("the bridge would be “open by spring” (in 2019 it was not)", Indirect, Some("Jane Roe")),
                    ("open by spring", Partial, Some("Jane Roe")),
                ],
                &[],
            ),
            // A paragraph that is only a quotation in capitals is a subheading.
            ("Roe spoke last.\n\n“DIVISIVE AND WRONG”\n\nThe vote came later.", &[], &["DIVISIVE AND WRONG"]),
            ("“GROWING PARTY,” Jane Roe wrote on Tuesday.", &[("GROWING PARTY,", Direct, Some("Jane Roe"))], &[]),
        ];
        assert_quotes_and_scare(cases);
    }

    /// Quotes that cite, gloss or name a text are references, never speech; the look-alikes
    /// that are speech stay quotes.
    #[test]
    fn references_are_not_speech() {
        let cases: &[QuoteAndScareCase] = &[
            // A quote followed by a bare web address is an excerpt of the linked page.
            (
                "WELL—“Club to close in May,” by Times’ Jane Roe: “The club, a fixture since 1990, will close in May after a long fight.” http://example.com/x",
                &[],
                &["Club to close in May,", "The club, a fixture since 1990, will close in May after a long fight."],
            ),
            (
                "“The club will close in May after a long fight,” Jane Roe wrote. http://example.com/x",
                &[("The club will close in May after a long fight,", Direct, Some("Jane Roe"))],
                &[],
            ),
            // A gloss: a word and `for` after a quote set off by a comma or a dash, or a hashtag.
            ("He signed it “Si vis pacem,” Latin for “if you want peace.”", &[("Si vis pacem,", Partial, None)], &["if you want peace."]),
            (
                "His friends jeered, “Do svidaniya!” – Russian for “goodbye.”",
                &[("Do svidaniya!", Direct, Some("His friends"))],
                &["goodbye."],
            ),
            ("The hashtag #PorteOuverte – “open door” – spread fast.", &[], &["open door"]),
            // … but not a quote right after another with no comma or dash between.
            (
                "It would be the “minimum” needed for “transport and response capability.”",
                &[("minimum", Partial, None), ("transport and response capability.", Direct, None)],
                &[],
            ),
            // A title after `told X’s` is who was told.
            (
                "She told ABC’s “Good Morning Town” on Monday that she would run again.",
                &[("she would run again", Indirect, None)],
                &["Good Morning Town"],
            ),
            // A title with a subtitle names a work, however long.
            (
                "Said John Doe, a co-author of “Small Towns: A History of the Example Valley,” on Monday.",
                &[],
                &["Small Towns: A History of the Example Valley,"],
            ),
            // A headline cited in parentheses by where it appeared; with a verb of saying, speech.
            ("I agree with Jane Roe (“Roe blasts the bridge plan,” Example Times, Thursday).", &[], &["Roe blasts the bridge plan,"]),
            (
                "Some disagree (“We will build it anyway,” Roe wrote in the Times).",
                &[("We will build it anyway,", Direct, Some("Roe"))],
                &[],
            ),
            // A work and its author after a dash, `by the Paper’s Writer` too …
            ("—“Star refused to take the lead role,” by the Example Post’s Jane Roe", &[], &["Star refused to take the lead role,"]),
            // … but a quote opening a sentence and followed by `by the …` is no byline.
            (
                "“If there had not been that intervention” by the state, the town would be gone, Roe said.",
                &[("If there had not been that intervention", Partial, Some("Roe"))],
                &[],
            ),
        ];
        assert_quotes_and_scare(cases);
    }

    #[test]
    fn indirect_speech_patterns() {
        let cases: &[(&str, Option<(&str, Option<&str>)>)] = &[
            (
                "Jane Roe said the talks would resume next month.",
                Some(("the talks would resume next month", Some("Jane Roe"))),
            ),
            (
                "Jane Roe said on Tuesday that the talks would resume.",
                Some(("the talks would resume", Some("Jane Roe"))),
            ),
            (
                "The talks would resume next month, Jane Roe said.",
                Some(("The talks would resume next month", Some("Jane Roe"))),
            ),
            (
                "The talks would resume next month, said Jane Roe, an envoy.",
                Some(("The talks would resume next month", Some("Jane Roe"))),
            ),
            (
                "According to Jane Roe, the talks would resume next month.",
                Some(("the talks would resume next month", Some("Jane Roe"))),
            ),
            (
                "The talks would resume next month, according to the Example Agency.",
                Some(("The talks would resume next month", Some("Example Agency"))),
            ),
            (
                "Jane Roe told reporters that the talks would resume.",
                Some(("the talks would resume", Some("Jane Roe"))),
            ),
            (
                "Jane Roe declined to say whether the talks would resume.",
                None,
            ),
            (
                "Jane Roe gave no indication that the talks would resume.",
                None,
            ),
            (
                "Jane Roe pushed back on speculation that the talks would resume.",
                None,
            ),
            ("Jane Roe believes the talks would resume next month.", None),
            ("Jane Roe said on Tuesday.", None),
        ];
        for (text, want) in cases {
            let got = run(text);
            let want: Vec<_> = want.iter().map(|&(t, s)| q(t, Indirect, s)).collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn bylines() {
        let cases = [
            (
                "By Jane Roe (jroe@example.com)",
                Some(("Jane Roe", Some("jroe@example.com"))),
            ),
            (
                "By Jane Roe and John Doe",
                Some(("Jane Roe and John Doe", None)),
            ),
            ("By the way, this is not a byline at all.", None),
        ];
        for (p, want) in cases {
            let got = byline(p, &(0..p.len()));
            assert_eq!(
                got,
                want.map(|(n, e)| (n.to_string(), e.map(str::to_string))),
                "{p}"
            );
        }
    }
}
