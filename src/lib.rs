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

mod attribution;
mod error;
mod lexicon;
mod model;
mod options;
mod quotes;
mod speakers;
mod text;
mod view;

/// The JavaScript API (`analyze`, `mount`, `showError`) as Rust functions; wasm32 only.
#[cfg(target_arch = "wasm32")]
pub mod bindings;

pub use error::Error;
pub use model::{
    Actor, Analysis, Byline, Cue, Evidence, Interaction, InteractionClass, Paragraph, Quote,
    QuoteKind, Relation, ScareQuote, Span, Speaker, SpeakerKind, Stance, StanceCue, StanceLabel,
    TimelineEvent,
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
        .collect();

    // Voices that speak at least once, numbered in order of first quote.
    let mut speaker_ids: Vec<Option<String>> = vec![None; found.registry.entities().len()];
    let mut speakers = Vec::new();
    for q in &found.quotes {
        if let Some(i) = q.speaker {
            if speaker_ids[i].is_none() {
                let id = format!("s{}", speakers.len() + 1);
                speaker_ids[i] = Some(id.clone());
                let e = &found.registry.entities()[i];
                let mut mentions: Vec<Span> = e.mentions.iter().map(|r| idx.span(r)).collect();
                mentions.sort();
                mentions.dedup();
                speakers.push(Speaker {
                    id,
                    name: e.name.clone(),
                    role: e.role.clone(),
                    org: e.org.clone(),
                    kind: e.kind,
                    aliases: e.aliases.clone(),
                    mentions,
                });
            }
        }
    }
    let quotes = found
        .quotes
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let s = idx.span(&q.range);
            Quote {
                id: format!("q{}", i + 1),
                text: text[q.range.clone()].to_string(),
                kind: q.kind,
                start: s.start,
                end: s.end,
                speaker: q.speaker.and_then(|i| speaker_ids[i].clone()),
                cue: q.cue.as_ref().map(|r| {
                    let s = idx.span(r);
                    Cue {
                        text: text[r.clone()].to_string(),
                        start: s.start,
                        end: s.end,
                    }
                }),
                stance: None,
            }
        })
        .collect();
    let scare_quotes = found
        .scare
        .iter()
        .map(|r| {
            let s = idx.span(r);
            ScareQuote {
                text: text[r.clone()].to_string(),
                start: s.start,
                end: s.end,
            }
        })
        .collect();
    let byline = found.byline.map(|(author, email)| Byline { author, email });
    Ok(Analysis {
        paragraphs,
        quotes,
        speakers,
        scare_quotes,
        byline,
        ..Analysis::default()
    })
}
