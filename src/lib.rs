//! relations-widget reads an English news article about two countries and reports who says
//! what about their relationship: every quotation, its speaker and its stance, plus the
//! article's actors, their interactions and a timeline.
//!
//! The analysis core is plain Rust (no browser APIs) and runs natively, in the `relations`
//! command-line tool and in tests; the `wasm32` build adds JavaScript bindings and a DOM view.
//!
//! ```
//! use relations_widget::{analyze, Options, QuoteKind};
//!
//! let text = "“Ties remain close,” said Jane Doe, a professor at Example University.";
//! let analysis = analyze(text, &Options::new()).unwrap();
//! let quote = &analysis.quotes[0];
//! assert_eq!(quote.text, "Ties remain close,");
//! assert_eq!(quote.kind, QuoteKind::Direct);
//! // Offsets count UTF-16 code units, as JavaScript's `String.prototype.slice` does.
//! let utf16: Vec<u16> = text.encode_utf16().collect();
//! assert_eq!(String::from_utf16_lossy(&utf16[quote.start..quote.end]), quote.text);
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]
// Strings are sliced with `text::sub` (`str::get`), never `&s[a..b]`: one indexing site is enough
// to pull the standard library's slice-error formatting (~3 KB gzipped) into the wasm module.
#![cfg_attr(not(test), deny(clippy::string_slice))]

mod actors;
mod attribution;
mod case;
#[doc(hidden)]
pub mod codec;
mod error;
mod interactions;
mod lexicon;
mod model;
mod options;
mod quotes;
mod relations;
mod reporting;
mod speakers;
mod stance;
mod text;
mod timeline;
mod view;

/// What the wasm crate (`crates/web`: `src/bindings.rs` and the DOM layer) uses of the core
/// besides the public API. Not a stable interface.
#[doc(hidden)]
pub mod internal {
    pub use crate::case::lower;
    pub use crate::lexicon::{find_str, float_key, signed, sort_by_num, split_byte, CollectVec};
}

/// Talc instead of the default dlmalloc in the wasm build: smaller and faster.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub use error::Error;
pub use model::{
    Actor, ActorKind, Analysis, Byline, Cue, Evidence, Interaction, InteractionClass, Paragraph,
    Quote, QuoteKind, Relation, ScareQuote, Span, Speaker, SpeakerKind, Stance, StanceCue,
    StanceLabel, TimelineEvent,
};
pub use options::{Options, DEFAULT_MAX_INPUT_BYTES};
pub use view::{view_model, CardView, ViewModel};

use std::borrow::Cow;

use crate::lexicon::CollectVec;
use text::{sub, Utf16Index};

/// Sort spans by start and end and drop repeats.
pub(crate) fn sort_spans(v: &mut Vec<Span>) {
    lexicon::sort_unless_sorted(v, |s| (s.start as u64, s.end as u64));
    v.dedup();
}

/// An id: a letter and a number (`q1`).
fn numbered(prefix: char, n: usize) -> String {
    let mut id = String::with_capacity(4);
    id.push(prefix);
    lexicon::push_decimal(&mut id, n as u64, 1);
    id
}

/// Analyse one article.
///
/// Fails only when the input is empty (or only white space) or larger than
/// [`Options::max_input_bytes`]; any other text, however odd, yields an analysis.
// Never inlined: the wasm bindings (built for size, `crates/web`) call it once, and inlined
// there the whole analysis would be optimised for size with them.
#[inline(never)]
pub fn analyze(text: &str, options: &Options) -> Result<Analysis, Error> {
    options.validate()?;
    if text.len() > options.max_input_bytes {
        return Err(Error::too_large(text.len(), options.max_input_bytes));
    }
    if text.trim().is_empty() {
        return Err(Error::empty());
    }
    let idx = Utf16Index::new(text);
    let paras = text::paragraphs(text);
    let marks = quotes::find(text, &paras);
    let found = attribution::attribute(text, &paras, &marks);

    let paragraphs = paras
        .iter()
        .map(|p| {
            let s = idx.span(&p.range);
            Paragraph {
                start: s.start,
                end: s.end,
                duplicate_of: p.duplicate_of,
            }
        })
        .collect_vec();

    // Voices that speak at least once, numbered in order of first quote. (Each voice's
    // strings move into its speaker.)
    let mut entities = found.registry.into_entities();
    let mut speaker_pos: Vec<Option<usize>> = vec![None; entities.len()];
    let mut speakers: Vec<Speaker> = Vec::with_capacity(entities.len());
    for q in &found.quotes {
        if let Some(i) = q.speaker {
            if speaker_pos[i].is_none() {
                speaker_pos[i] = Some(speakers.len());
                let e = &mut entities[i];
                let mut mentions: Vec<Span> = e.mentions.iter().map(|r| idx.span(r)).collect_vec();
                sort_spans(&mut mentions);
                speakers.push(Speaker {
                    id: numbered('s', speakers.len() + 1),
                    name: std::mem::take(&mut e.name),
                    role: e.role.take(),
                    org: e.org.take(),
                    kind: e.kind,
                    country: None,
                    aliases: std::mem::take(&mut e.aliases),
                    mentions,
                });
            }
        }
    }

    // Actors, stance, interactions, relations and timeline, from the quotes and their voices.
    let quote_inputs: Vec<relations::QuoteInput> = found
        .quotes
        .iter()
        .enumerate()
        .map(|(i, q)| relations::QuoteInput {
            id: numbered('q', i + 1),
            range: q.range.clone(),
            speaker: q.speaker.and_then(|e| speaker_pos[e]),
            reported: q.kind == QuoteKind::Indirect,
        })
        .collect_vec();
    let speaker_inputs: Vec<relations::SpeakerInput> = speakers
        .iter()
        .map(|s| relations::SpeakerInput {
            id: &s.id,
            // The organisation and the name place a voice (`Org, Name`); a role may only name
            // a field of study (`North Korea studies professor`).
            description: match &s.org {
                Some(org) => {
                    let mut d = String::with_capacity(org.len() + 2 + s.name.len());
                    d.push_str(org);
                    d.push_str(", ");
                    d.push_str(&s.name);
                    Cow::Owned(d)
                }
                None => Cow::Borrowed(&s.name),
            },
        })
        .collect();
    let mut world = relations::analyse(text, &paras, &quote_inputs, &speaker_inputs, options, &idx);
    for (s, c) in speakers
        .iter_mut()
        .zip(std::mem::take(&mut world.speaker_countries))
    {
        s.country = c;
    }

    let quotes = found
        .quotes
        .iter()
        .zip(quote_inputs)
        .enumerate()
        .map(|(i, (q, input))| {
            let s = idx.span(&q.range);
            Quote {
                id: input.id,
                text: sub(text, q.range.clone()).to_string(),
                kind: q.kind,
                start: s.start,
                end: s.end,
                speaker: input.speaker.map(|p| speakers[p].id.clone()),
                cue: q.cue.as_ref().map(|r| {
                    let s = idx.span(r);
                    Cue {
                        text: sub(text, r.clone()).to_string(),
                        start: s.start,
                        end: s.end,
                    }
                }),
                stance: world.quote_stances.get_mut(i).and_then(Option::take),
            }
        })
        .collect_vec();
    let scare_quotes = found
        .scare
        .iter()
        .map(|r| {
            let s = idx.span(r);
            ScareQuote {
                text: sub(text, r.clone()).to_string(),
                start: s.start,
                end: s.end,
            }
        })
        .collect_vec();
    let byline = found.byline.map(|(author, email)| Byline { author, email });
    Ok(Analysis {
        paragraphs,
        quotes,
        speakers,
        scare_quotes,
        actors: world.actors,
        interactions: world.interactions,
        relations: world.relations,
        focus: world.focus,
        timeline: world.timeline,
        byline,
    })
}
