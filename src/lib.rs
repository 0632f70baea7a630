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

mod actors;
mod error;
mod interactions;
mod lexicon;
mod model;
mod options;
mod quotes;
mod relations;
mod stance;
mod text;
mod timeline;
mod view;

/// The JavaScript API (`analyze`, `mount`, `showError`) as Rust functions; wasm32 only.
#[cfg(target_arch = "wasm32")]
pub mod bindings;

pub use error::Error;
pub use model::{
    Actor, ActorKind, Analysis, Byline, Cue, Evidence, Interaction, InteractionClass, Paragraph,
    Quote, QuoteKind, Relation, ScareQuote, Span, Speaker, SpeakerKind, Stance, StanceCue,
    StanceLabel, TimelineEvent,
};
pub use options::{Options, DEFAULT_MAX_INPUT_BYTES};
pub use view::{view_model, CardView, ViewModel};

use text::Utf16Index;

/// Analyse one article.
///
/// Fails only when the input is empty (or only white space) or larger than
/// [`Options::max_input_bytes`]; any other text, however odd, yields an analysis.
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
    let raw_quotes = quotes::find(text, &paras);

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
        .collect();
    // Actors, stance, interactions, relations and timeline from the quotes' byte ranges.
    let quote_inputs: Vec<relations::QuoteInput> = raw_quotes
        .iter()
        .enumerate()
        .map(|(i, q)| relations::QuoteInput {
            id: format!("q{}", i + 1),
            range: q.range.clone(),
            speaker: None,
        })
        .collect();
    let mut world = relations::analyse(text, &paras, &quote_inputs, &[], options, &idx);
    let quotes = raw_quotes
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let s = idx.span(&q.range);
            Quote {
                id: format!("q{}", i + 1),
                text: text[q.range.clone()].to_string(),
                kind: QuoteKind::Direct,
                start: s.start,
                end: s.end,
                speaker: None,
                cue: None,
                stance: world.quote_stances.get_mut(i).and_then(Option::take),
            }
        })
        .collect();
    let mut speakers: Vec<Speaker> = Vec::new();
    for (s, c) in speakers.iter_mut().zip(world.speaker_countries) {
        s.country = c;
    }
    Ok(Analysis {
        paragraphs,
        speakers,
        quotes,
        actors: world.actors,
        interactions: world.interactions,
        relations: world.relations,
        focus: world.focus,
        timeline: world.timeline,
        ..Analysis::default()
    })
}
