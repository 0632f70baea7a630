//! The article view: each paragraph cut into runs at every highlight boundary, so the DOM
//! layer writes plain text nodes and `<mark>`s without ever parsing HTML.
//!
//! Spans come from the analysis in UTF-16 code units; spans that fall outside the text or
//! their paragraph are clipped, empty ones ignored, so a stale analysis cannot break the view.

use crate::lexicon::{sort_by_num, CollectVec};
use crate::Analysis;

/// One paragraph of the article view.
#[derive(Clone, Debug, PartialEq)]
pub struct ParagraphView {
    /// First code unit of the paragraph in the article.
    pub start: usize,
    /// The paragraph as runs, in order; their texts join to the paragraph's text.
    pub runs: Vec<Run>,
}

/// A stretch of text with one set of highlights.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Run {
    /// The words.
    pub text: String,
    /// First code unit of the run in the article.
    pub start: usize,
    /// The quote this run belongs to.
    pub quote: Option<String>,
    /// The speaker this run names.
    pub speaker: Option<String>,
    /// True inside a scare quote.
    pub scare: bool,
    /// True for a stance cue word (quote cards only).
    pub cue: bool,
}

impl Run {
    /// True when the run carries any highlight.
    pub fn is_marked(&self) -> bool {
        self.quote.is_some() || self.speaker.is_some() || self.scare || self.cue
    }
}

/// A highlight to lay over the text.
struct Layer<'a> {
    start: usize,
    end: usize,
    what: Mark<'a>,
}

enum Mark<'a> {
    Quote(&'a str),
    Speaker(&'a str),
    Scare,
    Cue,
}

/// Cut `[from, to)` of `utf16` into runs at every layer boundary. `layers` are in precedence
/// order: the first quote (or speaker) covering a run names it.
///
/// One sweep over the boundaries with the layers sorted by start, keeping those that cover the
/// current run, so a paragraph with many highlights stays linear.
fn cut(utf16: &[u16], from: usize, to: usize, layers: &[&Layer]) -> Vec<Run> {
    let mut bounds = vec![from, to];
    for l in layers.iter() {
        for b in [l.start, l.end] {
            if b > from && b < to {
                bounds.push(b);
            }
        }
    }
    sort_by_num(&mut bounds, |&b| (b as u64, 0));
    bounds.dedup();
    let mut by_start: Vec<usize> = (0..layers.len()).collect_vec();
    sort_by_num(&mut by_start, |&i| (layers[i].start as u64, 0));
    let mut next = 0;
    // Indices (into `layers`) of the layers that started at or before the current run and
    // have not ended.
    let mut active: Vec<usize> = Vec::new();
    bounds
        .windows(2)
        .map(|w| {
            let (s, e) = (w[0], w[1]);
            while next < by_start.len() && layers[by_start[next]].start <= s {
                active.push(by_start[next]);
                next += 1;
            }
            active.retain(|&i| layers[i].end > s);
            sort_by_num(&mut active, |&i| (i as u64, 0));
            let mut run = Run {
                text: decoded(&utf16[s..e]),
                start: s,
                ..Run::default()
            };
            // Every active layer covers the whole run: `e` is the next boundary and no layer
            // ends strictly inside it.
            for l in active.iter().map(|&i| layers[i]).filter(|l| e <= l.end) {
                match l.what {
                    Mark::Quote(id) => run.quote = run.quote.or(Some(id.to_string())),
                    Mark::Speaker(id) => run.speaker = run.speaker.or(Some(id.to_string())),
                    Mark::Scare => run.scare = true,
                    Mark::Cue => run.cue = true,
                }
            }
            run
        })
        .collect_vec()
}

/// `units` as a string. Never inlined into [`cut`]: its per-character loop would count all of
/// `cut` toward V8's tier-up budget (the tier-up rule in `attribution`'s module docs).
#[inline(never)]
fn decoded(units: &[u16]) -> String {
    String::from_utf16_lossy(units)
}

/// The article's paragraphs with quotes, speaker mentions and scare quotes marked. Without
/// paragraphs in the analysis, the whole text is one paragraph.
pub(crate) fn paragraphs(analysis: &Analysis, text: &str) -> Vec<ParagraphView> {
    let utf16: Vec<u16> = text.encode_utf16().collect_vec();
    let n = utf16.len();
    let mut layers: Vec<Layer> = Vec::new();
    for q in &analysis.quotes {
        layers.push(Layer {
            start: q.start,
            end: q.end,
            what: Mark::Quote(&q.id),
        });
    }
    for s in &analysis.speakers {
        for m in &s.mentions {
            layers.push(Layer {
                start: m.start,
                end: m.end,
                what: Mark::Speaker(&s.id),
            });
        }
    }
    for s in &analysis.scare_quotes {
        layers.push(Layer {
            start: s.start,
            end: s.end,
            what: Mark::Scare,
        });
    }
    layers.retain(|l| l.start < l.end && l.end <= n);
    let spans: Vec<(usize, usize)> = if analysis.paragraphs.is_empty() {
        vec![(0, n)]
    } else {
        analysis
            .paragraphs
            .iter()
            .map(|p| (p.start.min(n), p.end.min(n)))
            .collect_vec()
    };
    let spans: Vec<(usize, usize)> = spans.into_iter().filter(|(s, e)| s < e).collect();
    // Paragraphs in order and apart (as `analyze` gives them): sweep the layers sorted by
    // start once. Otherwise (a hand-made analysis) test every layer against every paragraph.
    let ordered = spans.windows(2).all(|w| w[0].1 <= w[1].0);
    let mut by_start: Vec<usize> = (0..layers.len()).collect_vec();
    sort_by_num(&mut by_start, |&i| (layers[i].start as u64, 0));
    let mut next = 0;
    let mut open: Vec<usize> = Vec::new();
    spans
        .into_iter()
        .map(|(s, e)| {
            // Only the layers that touch this paragraph, in their precedence order.
            let local: Vec<&Layer> = if ordered {
                while next < by_start.len() && layers[by_start[next]].start < e {
                    open.push(by_start[next]);
                    next += 1;
                }
                open.retain(|&i| layers[i].end > s);
                sort_by_num(&mut open, |&i| (i as u64, 0));
                open.iter().map(|&i| &layers[i]).collect_vec()
            } else {
                layers
                    .iter()
                    .filter(|l| l.start < e && l.end > s)
                    .collect_vec()
            };
            ParagraphView {
                start: s,
                runs: cut(&utf16, s, e, &local),
            }
        })
        .collect_vec()
}

/// A quote's text cut at its stance cues; `cues` are article spans, `quote_start` where the
/// quote starts in the article.
pub(crate) fn cue_runs(quote: &str, quote_start: usize, cues: &[(usize, usize)]) -> Vec<Run> {
    let utf16: Vec<u16> = quote.encode_utf16().collect_vec();
    let n = utf16.len();
    let layers: Vec<Layer> = cues
        .iter()
        .filter_map(|&(s, e)| {
            let s = s.checked_sub(quote_start)?;
            let e = e.checked_sub(quote_start)?.min(n);
            (s < e).then_some(Layer {
                start: s,
                end: e,
                what: Mark::Cue,
            })
        })
        .collect_vec();
    let refs: Vec<&Layer> = layers.iter().collect_vec();
    let mut runs = cut(&utf16, 0, n, &refs);
    for r in &mut runs {
        r.start += quote_start;
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::tests::{fixture, FIXTURE_TEXT};
    use crate::{Paragraph, Quote, QuoteKind, ScareQuote};

    fn quote(id: &str, start: usize, end: usize, text: &str) -> Quote {
        Quote {
            id: id.into(),
            text: text.into(),
            kind: QuoteKind::Direct,
            start,
            end,
            speaker: None,
            cue: None,
            stance: None,
        }
    }

    #[test]
    fn runs_split_at_every_boundary() {
        // "😀" is two UTF-16 code units: offsets after it are shifted by one.
        let text = "😀 “Ties are ‘fine’,” he said.\nNext.";
        let a = Analysis {
            paragraphs: vec![
                Paragraph {
                    start: 0,
                    end: 30,
                    duplicate_of: None,
                },
                Paragraph {
                    start: 31,
                    end: 36,
                    duplicate_of: None,
                },
            ],
            quotes: vec![quote("q1", 4, 20, "Ties are ‘fine’,")],
            scare_quotes: vec![ScareQuote {
                text: "fine".into(),
                start: 14,
                end: 18,
            }],
            ..Analysis::default()
        };
        let paras = paragraphs(&a, text);
        let runs: Vec<(&str, Option<&str>, bool)> = paras[0]
            .runs
            .iter()
            .map(|r| (r.text.as_str(), r.quote.as_deref(), r.scare))
            .collect();
        assert_eq!(
            runs,
            [
                ("😀 “", None, false),
                ("Ties are ‘", Some("q1"), false),
                ("fine", Some("q1"), true),
                ("’,", Some("q1"), false),
                ("” he said.", None, false),
            ]
        );
        assert_eq!(paras[1].runs.len(), 1);
        assert_eq!(paras[1].runs[0].text, "Next.");
        assert!(!paras[1].runs[0].is_marked());
    }

    #[test]
    fn bad_spans_are_clipped_not_fatal() {
        let text = "Short.";
        let a = Analysis {
            quotes: vec![quote("q1", 3, 99, "x"), quote("q2", 4, 2, "y")],
            ..Analysis::default()
        };
        let paras = paragraphs(&a, text);
        assert_eq!(paras.len(), 1);
        assert_eq!(paras[0].runs.len(), 1);
        assert_eq!(cue_runs("abc", 10, &[(5, 11), (11, 40)]).len(), 2);
    }

    #[test]
    fn fixture_article_marks_quotes_speakers_and_scare_quotes() {
        let a = fixture();
        let paras = paragraphs(&a, FIXTURE_TEXT);
        assert_eq!(paras.len(), a.paragraphs.len());
        let runs: Vec<&Run> = paras.iter().flat_map(|p| &p.runs).collect();
        let quoted: String = runs
            .iter()
            .filter(|r| r.quote.as_deref() == Some("q5"))
            .map(|r| r.text.as_str())
            .collect();
        assert_eq!(quoted, a.quotes[4].text);
        assert!(runs.iter().any(|r| r.scare && r.text == "Friendship Line"));
        assert!(runs
            .iter()
            .any(|r| r.speaker.as_deref() == Some("s3") && r.text == "Renner"));
        // Joined back, every paragraph is its slice of the text.
        let utf16: Vec<u16> = FIXTURE_TEXT.encode_utf16().collect();
        for (p, m) in paras.iter().zip(&a.paragraphs) {
            let joined: String = p.runs.iter().map(|r| r.text.as_str()).collect();
            assert_eq!(joined, String::from_utf16_lossy(&utf16[m.start..m.end]));
        }
    }
}
