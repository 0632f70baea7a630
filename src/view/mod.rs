//! The view-model: what the widget shows, computed from an [`Analysis`] without any browser
//! API, so it is tested natively. The DOM layer (`dom.rs`, wasm only) only turns it into
//! elements.

#[cfg(target_arch = "wasm32")]
pub(crate) mod dom;

use crate::{Analysis, Options, QuoteKind};

/// The countries shown when neither the options nor the article name a focus pair.
pub(crate) const DEFAULT_PAIR: [&str; 2] = ["China", "North Korea"];

/// Everything the widget renders.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewModel {
    /// The two countries in the header.
    pub pair: [String; 2],
    /// One card per quote, in text order.
    pub cards: Vec<CardView>,
    /// A short line under the header (`8 quotes from 5 voices`).
    pub summary: String,
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
    /// The speaker's name, or `None` while unattributed.
    pub speaker: Option<String>,
    /// Role and organisation, joined for display.
    pub speaker_detail: Option<String>,
}

/// Build the view-model for an analysis.
pub fn view_model(analysis: &Analysis, options: &Options) -> ViewModel {
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
            CardView {
                id: q.id.clone(),
                text: q.text.clone(),
                kind: kind_name(q.kind),
                speaker: speaker.map(|s| s.name.clone()),
                speaker_detail: detail,
            }
        })
        .collect();
    let voices = analysis.speakers.len();
    let summary = match (cards.len(), voices) {
        (0, _) => "No quotations found in this article.".to_string(),
        (n, 0) => format!("{n} quotation{}", plural(n)),
        (n, v) => format!("{n} quotation{} from {v} voice{}", plural(n), plural(v)),
    };
    ViewModel {
        pair,
        cards,
        summary,
    }
}

fn plural(n: usize) -> &'static str {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze;

    #[test]
    fn cards_follow_quotes() {
        let a = analyze("“One,” he said. “Two.”\nNo quote.", &Options::new()).unwrap();
        let vm = view_model(&a, &Options::new());
        assert_eq!(vm.pair, ["China".to_string(), "North Korea".to_string()]);
        let texts: Vec<&str> = vm.cards.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["One,", "Two."]);
        assert!(vm.cards.iter().all(|c| c.kind == "direct"));
        assert!(vm.summary.starts_with("2 quotations"));
    }

    #[test]
    fn options_pair_overrides_header() {
        let a = analyze("Nothing quoted.", &Options::new()).unwrap();
        let o = Options::new().pair("Russia", "North Korea");
        let vm = view_model(&a, &o);
        assert_eq!(vm.pair, ["Russia".to_string(), "North Korea".to_string()]);
        assert_eq!(vm.summary, "No quotations found in this article.");
    }
}
