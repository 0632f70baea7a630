//! The view-model: what the widget shows, computed from an [`Analysis`] without any browser
//! API, so it is tested natively. The DOM layer (`dom.rs`, compiled only by the wasm crate
//! `crates/web`, which compiles this module again) only turns it into elements and wires
//! events; interactive state (filters, selection) is a [`Filter`] plus a selected quote id,
//! and every question the DOM asks of it (which cards are visible, the live counts) is
//! answered here.
//!
//! Offsets follow the model: UTF-16 code units of the analysed text.

// The DOM layer (the wasm crate's copy of this module) is what calls most of this; in the
// core crate only the tests do.
#![allow(dead_code)]

pub(crate) mod article;
pub(crate) mod export;
pub(crate) mod graph;
pub(crate) mod timeline;

pub use article::{ParagraphView, Run};
pub use graph::GraphView;
pub use timeline::TimelineView;

use crate::lexicon::{float_key, sort_by_num, CollectVec};
use crate::{Analysis, Options, QuoteKind, SpeakerKind, StanceLabel};

/// The countries shown when neither the options nor the article name a focus pair.
pub(crate) const DEFAULT_PAIR: [&str; 2] = ["China", "North Korea"];

/// The filter value that stands for "no speaker identified" / "no stance computed".
pub const NONE_VALUE: &str = "none";

/// Everything the widget renders.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewModel {
    /// The two countries in the header.
    pub pair: [String; 2],
    /// A short line under the header (`8 quotations from 5 voices`).
    pub summary: String,
    /// The relationship gauge of the focus pair, when a verdict exists.
    pub gauge: Option<GaugeView>,
    /// One card per quote, in text order.
    pub cards: Vec<CardView>,
    /// One row per speaker, in order of first quote.
    pub voices: Vec<VoiceView>,
    /// The actor map.
    pub graph: GraphView,
    /// The dated events on an axis.
    pub timeline: TimelineView,
    /// The article, split into plain and highlighted runs.
    pub article: Vec<ParagraphView>,
}

/// The relationship gauge.
#[derive(Clone, Debug, PartialEq)]
pub struct GaugeView {
    /// The two countries' names.
    pub pair: [String; 2],
    /// From -1 (strained) to +1 (cordial).
    pub score: f64,
    /// The score in words: `strained`, `mixed` or `cordial`.
    pub label: &'static str,
    /// Where the marker stands on the scale, 0 (strained end) to 100 (cordial end).
    pub position: f64,
    /// One sentence that explains the verdict.
    pub explanation: String,
    /// The evidence, strongest first.
    pub evidence: Vec<EvidenceView>,
}

/// One piece of gauge evidence.
#[derive(Clone, Debug, PartialEq)]
pub struct EvidenceView {
    /// `quote`, `narration` or `interaction`.
    pub kind: String,
    /// The quote it comes from, for quote evidence.
    pub quote: Option<String>,
    /// The words.
    pub text: String,
    /// Signed contribution.
    pub weight: f64,
}

/// A stance shown as a chip: words, a signed number and (in CSS) a colour.
#[derive(Clone, Debug, PartialEq)]
pub struct StanceChip {
    /// `strained`, `mixed` or `cordial`.
    pub label: &'static str,
    /// From -1 to +1.
    pub score: f64,
}

/// One quote card.
#[derive(Clone, Debug, PartialEq)]
pub struct CardView {
    /// The quote's id in the analysis.
    pub id: String,
    /// The quoted words.
    pub text: String,
    /// `direct`, `partial` or `indirect`.
    pub kind: &'static str,
    /// The speaker's id, or `None` while unattributed.
    pub speaker_id: Option<String>,
    /// The speaker's name, or `None` while unattributed.
    pub speaker: Option<String>,
    /// Role and organisation, joined for display.
    pub speaker_detail: Option<String>,
    /// The stance chip, or `None` until stance is computed.
    pub stance: Option<StanceChip>,
    /// The quote text split into runs; `cue` runs are the stance cue words.
    pub runs: Vec<Run>,
    /// Where the quote stands in the article (UTF-16).
    pub start: usize,
    /// One past its end (UTF-16).
    pub end: usize,
}

/// One voice row.
#[derive(Clone, Debug, PartialEq)]
pub struct VoiceView {
    /// The speaker's id.
    pub id: String,
    /// The speaker's name.
    pub name: String,
    /// `person`, `organization`, `group` or `unnamed`.
    pub kind: &'static str,
    /// Role or title.
    pub role: Option<String>,
    /// Organisation.
    pub org: Option<String>,
    /// Number of quotes attributed to the speaker.
    pub quotes: usize,
    /// Mean stance score of the speaker's scored quotes, or `None` when none is scored.
    pub stance: Option<StanceChip>,
}

/// The interactive filters of the quote cards. Empty fields match everything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// A speaker id, or [`NONE_VALUE`] for unattributed quotes.
    pub speaker: Option<String>,
    /// `strained`, `mixed`, `cordial` or [`NONE_VALUE`] for quotes without a stance.
    pub stance: Option<String>,
    /// `direct`, `partial` or `indirect`.
    pub kind: Option<String>,
    /// Case-insensitive words searched in the quote, its speaker and their role.
    pub search: String,
}

/// Which facet of the filter a value belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Facet {
    /// The speaker select.
    Speaker,
    /// The stance select.
    Stance,
    /// The kind select.
    Kind,
}

impl Filter {
    /// True when no filter is set.
    pub fn is_empty(&self) -> bool {
        self.speaker.is_none()
            && self.stance.is_none()
            && self.kind.is_none()
            && self.search.trim().is_empty()
    }

    /// Set one facet; an empty value clears it.
    pub fn set(&mut self, facet: Facet, value: &str) {
        let v = (!value.is_empty()).then(|| value.to_string());
        match facet {
            Facet::Speaker => self.speaker = v,
            Facet::Stance => self.stance = v,
            Facet::Kind => self.kind = v,
        }
    }

    /// Does `card` pass every facet and the search?
    pub fn matches(&self, card: &CardView) -> bool {
        self.matches_except(card, None)
    }

    /// Like [`Filter::matches`], ignoring one facet (for that facet's live counts).
    fn matches_except(&self, card: &CardView, skip: Option<Facet>) -> bool {
        let ok = |facet: Facet, want: &Option<String>, have: &str| {
            skip == Some(facet) || want.as_deref().is_none_or(|w| w == have)
        };
        ok(
            Facet::Speaker,
            &self.speaker,
            card_value(card, Facet::Speaker),
        ) && ok(Facet::Stance, &self.stance, card_value(card, Facet::Stance))
            && ok(Facet::Kind, &self.kind, card_value(card, Facet::Kind))
            && self.search_matches(card)
    }

    fn search_matches(&self, card: &CardView) -> bool {
        let needle = crate::case::lower(self.search.trim());
        if needle.is_empty() {
            return true;
        }
        [
            Some(card.text.as_str()),
            card.speaker.as_deref(),
            card.speaker_detail.as_deref(),
        ]
        .into_iter()
        .flatten()
        .any(|h| crate::lexicon::find_str(&crate::case::lower(h), &needle).is_some())
    }
}

/// A card's value for one facet, as the filter selects spell it.
pub fn card_value(card: &CardView, facet: Facet) -> &str {
    match facet {
        Facet::Speaker => card.speaker_id.as_deref().unwrap_or(NONE_VALUE),
        Facet::Stance => card.stance.as_ref().map_or(NONE_VALUE, |s| s.label),
        Facet::Kind => card.kind,
    }
}

/// How many cards would show if `facet` were set to `value`, the other filters unchanged:
/// the live count next to each option of the filter selects.
pub fn facet_count(cards: &[CardView], filter: &Filter, facet: Facet, value: &str) -> usize {
    cards
        .iter()
        .filter(|c| filter.matches_except(c, Some(facet)))
        .filter(|c| value.is_empty() || card_value(c, facet) == value)
        .count()
}

/// The ids of the cards `filter` lets through, in card order.
pub fn visible_ids<'a>(cards: &'a [CardView], filter: &Filter) -> Vec<&'a str> {
    cards
        .iter()
        .filter(|c| filter.matches(c))
        .map(|c| c.id.as_str())
        .collect_vec()
}

/// `Showing 3 of 8 quotations`, or `8 quotations` when nothing is filtered out.
pub fn count_line(visible: usize, total: usize) -> String {
    if visible == total {
        format!("{total} quotation{}", plural(total))
    } else {
        format!("Showing {visible} of {total} quotation{}", plural(total))
    }
}

/// The stance in words for an average of quote scores (a voice's mean). Single quotes keep
/// the analysis's own label; only averages are labelled here.
pub fn label_for_score(score: f64) -> &'static str {
    if score <= -AVERAGE_LABEL_BAND {
        "strained"
    } else if score >= AVERAGE_LABEL_BAND {
        "cordial"
    } else {
        "mixed"
    }
}

/// An average stance within this distance of zero reads as `mixed`.
pub const AVERAGE_LABEL_BAND: f64 = 0.2;

/// Build the view-model for an analysis of `text`.
pub fn view_model(analysis: &Analysis, text: &str, options: &Options) -> ViewModel {
    let pair = focus_pair(analysis, options);
    let cards: Vec<CardView> = analysis
        .quotes
        .iter()
        .map(|q| {
            let speaker = q
                .speaker
                .as_ref()
                .and_then(|id| analysis.speakers.iter().find(|s| &s.id == id));
            let detail = speaker.and_then(|s| {
                let parts: Vec<&str> = [s.role.as_deref(), s.org.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect();
                (!parts.is_empty()).then(|| parts.join(", "))
            });
            let cues: Vec<(usize, usize)> = q
                .stance
                .iter()
                .flat_map(|s| s.cues.iter())
                .map(|c| (c.start, c.end))
                .collect_vec();
            CardView {
                id: q.id.clone(),
                text: q.text.clone(),
                kind: kind_name(q.kind),
                speaker_id: speaker.map(|s| s.id.clone()),
                speaker: speaker.map(|s| s.name.clone()),
                speaker_detail: detail,
                stance: q.stance.as_ref().map(|s| StanceChip {
                    label: stance_name(s.label),
                    score: s.score,
                }),
                runs: article::cue_runs(&q.text, q.start, &cues),
                start: q.start,
                end: q.end,
            }
        })
        .collect_vec();
    let voices = voices(analysis, &cards);
    let summary = match (cards.len(), voices.len()) {
        (0, _) => "No quotations found in this article.".to_string(),
        (n, 0) => format!("{n} quotation{}", plural(n)),
        (n, v) => format!("{n} quotation{} from {v} voice{}", plural(n), plural(v)),
    };
    ViewModel {
        gauge: gauge(analysis, &pair),
        pair,
        summary,
        cards,
        voices,
        graph: graph::layout(analysis),
        timeline: timeline::layout(&analysis.timeline),
        article: article::paragraphs(analysis, text),
    }
}

fn voices(analysis: &Analysis, cards: &[CardView]) -> Vec<VoiceView> {
    let mut rows: Vec<VoiceView> = analysis
        .speakers
        .iter()
        .map(|s| {
            let mine: Vec<&CardView> = cards
                .iter()
                .filter(|c| c.speaker_id.as_deref() == Some(s.id.as_str()))
                .collect_vec();
            let scores: Vec<f64> = mine
                .iter()
                .filter_map(|c| c.stance.as_ref().map(|st| st.score))
                .collect_vec();
            let stance = (!scores.is_empty()).then(|| {
                let mean = scores.iter().sum::<f64>() / scores.len() as f64;
                StanceChip {
                    label: label_for_score(mean),
                    score: mean,
                }
            });
            VoiceView {
                id: s.id.clone(),
                name: s.name.clone(),
                kind: speaker_kind_name(s.kind),
                role: s.role.clone(),
                org: s.org.clone(),
                quotes: mine.len(),
                stance,
            }
        })
        .collect_vec();
    // Voices in the order they are first quoted; voices never quoted last.
    let first = |id: &str| {
        cards
            .iter()
            .position(|c| c.speaker_id.as_deref() == Some(id))
            .unwrap_or(usize::MAX)
    };
    sort_by_num(&mut rows, |v| (first(&v.id) as u64, 0));
    rows
}

/// The gauge of the focus pair's relation: the relation whose actor ids are the focus, else
/// the one whose names are the displayed pair, else the first.
fn gauge(analysis: &Analysis, pair: &[String; 2]) -> Option<GaugeView> {
    let same = |a: &[String], b: &[String]| {
        a.len() == 2
            && b.len() == 2
            && ((a[0].eq_ignore_ascii_case(&b[0]) && a[1].eq_ignore_ascii_case(&b[1]))
                || (a[0].eq_ignore_ascii_case(&b[1]) && a[1].eq_ignore_ascii_case(&b[0])))
    };
    let rel = analysis
        .relations
        .iter()
        .find(|r| same(&r.pair, &analysis.focus))
        .or_else(|| {
            analysis
                .relations
                .iter()
                .find(|r| same(&r.pair_names, pair))
        })
        .or_else(|| analysis.relations.first())?;
    let score = clamp_score(rel.score);
    let mut evidence: Vec<EvidenceView> = rel
        .evidence
        .iter()
        .map(|e| EvidenceView {
            kind: e.kind.clone(),
            quote: e.quote.clone(),
            text: e.text.clone(),
            weight: e.weight,
        })
        .collect_vec();
    // Strongest first.
    sort_by_num(&mut evidence, |e| (!float_key(e.weight.abs()), 0));
    let names = match rel.pair_names.as_slice() {
        [a, b] => [a.clone(), b.clone()],
        _ => pair.clone(),
    };
    Some(GaugeView {
        pair: names,
        score,
        label: stance_name(rel.label),
        position: (score + 1.0) * 50.0,
        explanation: rel.explanation.clone(),
        evidence,
    })
}

/// Scores are -1..=1; anything else (NaN included) is pulled into range.
pub(crate) fn clamp_score(score: f64) -> f64 {
    if score.is_nan() {
        0.0
    } else {
        score.clamp(-1.0, 1.0)
    }
}

/// A signed score for display: `+0.80`, `−0.25` (a real minus sign), `0.00`.
pub fn signed(score: f64) -> String {
    match crate::lexicon::signed(clamp_score(score), 2).as_str() {
        "+0.00" | "-0.00" => "0.00".to_string(),
        s => s.replacen('-', "\u{2212}", 1),
    }
}

/// A number for markup (SVG coordinates, ARIA values): at most three decimals, no trailing
/// zeros, `-` for negatives (`12.5`, `-0.25`, `0`). Integer arithmetic only: the wasm module
/// carries no float formatting.
pub(crate) fn num(v: f64) -> String {
    let n = if v.is_finite() {
        (v * 1000.0).round() as i64
    } else {
        0
    };
    let (int, mut frac) = (n.unsigned_abs() / 1000, n.unsigned_abs() % 1000);
    let mut out = String::new();
    if n < 0 {
        out.push('-');
    }
    out.push_str(&int.to_string());
    if frac > 0 {
        out.push('.');
        let mut scale = 100;
        while frac > 0 {
            out.push(char::from(b'0' + (frac / scale) as u8));
            frac %= scale;
            scale /= 10;
        }
    }
    out
}

pub(crate) fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The focus pair's display names: the options' pair, else the article's focus relation,
/// else [`DEFAULT_PAIR`].
fn focus_pair(analysis: &Analysis, options: &Options) -> [String; 2] {
    if let Some(p) = &options.pair {
        return p.clone();
    }
    if let [a, b] = analysis.focus.as_slice() {
        let name = |id: &String| {
            analysis
                .actors
                .iter()
                .find(|x| &x.id == id)
                .map_or(id.clone(), |x| x.name.clone())
        };
        return [name(a), name(b)];
    }
    DEFAULT_PAIR.map(str::to_string)
}

/// The kind's name as the analysis object spells it.
pub(crate) fn kind_name(kind: QuoteKind) -> &'static str {
    match kind {
        QuoteKind::Direct => "direct",
        QuoteKind::Partial => "partial",
        QuoteKind::Indirect => "indirect",
    }
}

/// The stance label as the analysis object spells it.
pub(crate) fn stance_name(label: StanceLabel) -> &'static str {
    match label {
        StanceLabel::Strained => "strained",
        StanceLabel::Mixed => "mixed",
        StanceLabel::Cordial => "cordial",
    }
}

/// The speaker kind as the analysis object spells it.
pub(crate) fn speaker_kind_name(kind: SpeakerKind) -> &'static str {
    match kind {
        SpeakerKind::Person => "person",
        SpeakerKind::Organization => "organization",
        SpeakerKind::Group => "group",
        SpeakerKind::Unnamed => "unnamed",
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::analyze;

    pub(crate) const FIXTURE_TEXT: &str = include_str!("../../tests/fixtures/widget-article.txt");
    pub(crate) const FIXTURE_JSON: &str = include_str!("../../tests/fixtures/widget-analysis.json");

    pub(crate) fn fixture() -> Analysis {
        serde_json::from_str(FIXTURE_JSON).expect("the fixture parses")
    }

    fn fixture_vm() -> ViewModel {
        view_model(&fixture(), FIXTURE_TEXT, &Options::new())
    }

    #[test]
    fn fixture_spans_slice_their_text() {
        let a = fixture();
        let utf16: Vec<u16> = FIXTURE_TEXT.encode_utf16().collect();
        let slice = |s: usize, e: usize| String::from_utf16_lossy(&utf16[s..e]);
        for q in &a.quotes {
            assert_eq!(slice(q.start, q.end), q.text, "{}", q.id);
            for c in &q.stance.as_ref().unwrap().cues {
                assert_eq!(slice(c.start, c.end), c.text);
            }
        }
        for i in &a.interactions {
            assert_eq!(slice(i.start, i.end), i.text);
        }
        for t in &a.timeline {
            assert_eq!(slice(t.start, t.end), t.text);
        }
        for s in &a.scare_quotes {
            assert_eq!(slice(s.start, s.end), s.text);
        }
    }

    #[test]
    fn cards_follow_quotes() {
        let a = analyze("“One,” he said. “Two.”\nNo quote.", &Options::new()).unwrap();
        let vm = view_model(&a, "“One,” he said. “Two.”\nNo quote.", &Options::new());
        assert_eq!(vm.pair, ["China".to_string(), "North Korea".to_string()]);
        let texts: Vec<&str> = vm.cards.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["One,", "Two."]);
        assert!(vm.cards.iter().all(|c| c.kind == "direct"));
        assert!(vm.summary.starts_with("2 quotations"));
        // Fields the core does not fill yet leave their views empty, never invented.
        assert!(vm.gauge.is_none() && vm.voices.is_empty());
        assert!(vm.graph.nodes.is_empty() && vm.timeline.events.is_empty());
    }

    #[test]
    fn options_pair_overrides_header() {
        let a = analyze("Nothing quoted.", &Options::new()).unwrap();
        let o = Options::new().pair("Russia", "North Korea");
        let vm = view_model(&a, "Nothing quoted.", &o);
        assert_eq!(vm.pair, ["Russia".to_string(), "North Korea".to_string()]);
        assert_eq!(vm.summary, "No quotations found in this article.");
    }

    #[test]
    fn fixture_cards_carry_speaker_stance_and_cues() {
        let vm = fixture_vm();
        assert_eq!(vm.pair, ["Arland".to_string(), "Belmora".to_string()]);
        assert_eq!(vm.summary, "6 quotations from 4 voices");
        let q1 = &vm.cards[0];
        assert_eq!(q1.speaker.as_deref(), Some("Tomas Varga"));
        assert_eq!(
            q1.speaker_detail.as_deref(),
            Some("foreign minister, Arland")
        );
        assert_eq!(q1.stance.as_ref().unwrap().label, "cordial");
        let cue: Vec<&str> = q1
            .runs
            .iter()
            .filter(|r| r.cue)
            .map(|r| r.text.as_str())
            .collect();
        assert_eq!(cue, ["bring our peoples closer"]);
        let joined: String = q1.runs.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(joined, q1.text);
        let kinds: Vec<&str> = vm.cards.iter().map(|c| c.kind).collect();
        assert_eq!(
            kinds,
            ["direct", "indirect", "direct", "partial", "direct", "direct"]
        );
    }

    #[test]
    fn filters_and_live_counts() {
        let vm = fixture_vm();
        let cards = &vm.cards;
        let f = |speaker: Option<&str>, stance: Option<&str>, kind: Option<&str>, search: &str| {
            Filter {
                speaker: speaker.map(str::to_string),
                stance: stance.map(str::to_string),
                kind: kind.map(str::to_string),
                search: search.to_string(),
            }
        };
        let table: &[(Filter, &[&str])] = &[
            (Filter::default(), &["q1", "q2", "q3", "q4", "q5", "q6"]),
            (f(Some("s3"), None, None, ""), &["q4", "q5"]),
            (f(None, Some("strained"), None, ""), &["q4", "q5", "q6"]),
            (f(Some("s3"), None, Some("direct"), ""), &["q5"]),
            (f(None, None, None, "  TRADE "), &["q2", "q3"]),
            (f(None, None, None, "northgate"), &["q4", "q5"]),
            (f(Some(NONE_VALUE), None, None, ""), &[]),
            (f(None, Some("cordial"), Some("partial"), ""), &[]),
        ];
        for (filter, want) in table {
            assert_eq!(&visible_ids(cards, filter), want, "{filter:?}");
        }
        // Counts of one facet ignore that facet's own value but respect the others.
        let strained = f(None, Some("strained"), None, "");
        assert_eq!(facet_count(cards, &strained, Facet::Speaker, "s3"), 2);
        assert_eq!(facet_count(cards, &strained, Facet::Speaker, "s1"), 0);
        assert_eq!(facet_count(cards, &strained, Facet::Stance, "cordial"), 2);
        assert_eq!(facet_count(cards, &strained, Facet::Stance, ""), 6);
        assert_eq!(facet_count(cards, &strained, Facet::Kind, "direct"), 2);
        assert_eq!(count_line(2, 6), "Showing 2 of 6 quotations");
        assert_eq!(count_line(1, 1), "1 quotation");
        let mut g = Filter::default();
        g.set(Facet::Kind, "direct");
        assert!(!g.is_empty());
        g.set(Facet::Kind, "");
        assert!(g.is_empty());
    }

    #[test]
    fn voices_average_their_quotes() {
        let vm = fixture_vm();
        let rows: Vec<(&str, &str, usize, Option<&str>)> = vm
            .voices
            .iter()
            .map(|v| {
                (
                    v.name.as_str(),
                    v.kind,
                    v.quotes,
                    v.stance.as_ref().map(|s| s.label),
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                ("Tomas Varga", "person", 1, Some("cordial")),
                (
                    "Belmora’s trade ministry",
                    "organization",
                    2,
                    Some("cordial")
                ),
                ("Ilse Renner", "person", 2, Some("strained")),
                ("a senior Arland official", "unnamed", 1, Some("strained")),
            ]
        );
        let renner = &vm.voices[2];
        assert!((renner.stance.as_ref().unwrap().score - -0.65).abs() < 1e-9);
    }

    #[test]
    fn gauge_places_the_focus_relation() {
        let g = fixture_vm().gauge.expect("a gauge");
        assert_eq!(g.label, "mixed");
        assert!((g.position - 37.5).abs() < 1e-9);
        assert_eq!(g.evidence.len(), 6);
        // Strongest evidence first.
        assert_eq!(g.evidence[0].weight, 0.8);
        assert!(g.explanation.contains("mixed"));
        let cases = [
            (-1.0, "\u{2212}1.00"),
            (0.0, "0.00"),
            (0.8, "+0.80"),
            (7.0, "+1.00"),
            (f64::NAN, "0.00"),
        ];
        for (score, want) in cases {
            assert_eq!(signed(score), want);
        }
    }

    #[test]
    fn numbers_for_markup() {
        let cases = [
            (0.0, "0"),
            (-0.0, "0"),
            (12.5, "12.5"),
            (-0.25, "-0.25"),
            (0.29, "0.29"),
            (360.0, "360"),
            (0.04, "0.04"),
            (1.0 / 3.0, "0.333"),
            (-0.0004, "0"),
            (f64::NAN, "0"),
        ];
        for (v, want) in cases {
            assert_eq!(num(v), want, "{v}");
        }
    }

    #[test]
    fn average_labels() {
        let cases = [
            (-0.65, "strained"),
            (-0.2, "strained"),
            (0.0, "mixed"),
            (0.19, "mixed"),
            (0.65, "cordial"),
        ];
        for (score, want) in cases {
            assert_eq!(label_for_score(score), want, "{score}");
        }
    }
}
