//! DOM building: turns a [`ViewModel`] into elements inside a shadow root, and re-applies
//! the interactive state (filters, selection) to those elements without rebuilding them.
//!
//! Article text reaches the DOM only through `textContent`; no HTML string is ever parsed.
//! Nothing here sets a `style` attribute (the page may forbid inline styles): positions are
//! SVG geometry attributes, everything else is classes and data attributes for the CSS.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Document, Element, HtmlInputElement, HtmlSelectElement, Node, ShadowRoot, ShadowRootInit,
    ShadowRootMode,
};

use super::{
    count_line, facet_count, graph, num, plural, signed, timeline, visible_ids, CardView, Facet,
    Filter, GaugeView, ViewModel, NONE_VALUE,
};

const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// The interactive state the DOM reflects.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct UiState {
    /// The card filters.
    pub filter: Filter,
    /// The selected quote id.
    pub selected: Option<String>,
}

/// How to render.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct RenderOptions {
    /// The article lives on the host page (`for`): no article view inside the widget.
    pub host_article: bool,
}

/// The host's open shadow root, created on first use.
pub(crate) fn shadow_root(host: &Element) -> Result<ShadowRoot, JsValue> {
    match host.shadow_root() {
        Some(root) => Ok(root),
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)),
    }
}

/// Creates elements in one document and appends them to parents.
struct Builder {
    doc: Document,
}

impl Builder {
    fn for_host(host: &Element) -> Result<Self, JsValue> {
        let doc = host
            .owner_document()
            .ok_or_else(|| JsValue::from_str("the element has no document"))?;
        Ok(Builder { doc })
    }

    /// Append a new `tag` element with attributes and, optionally, text (set as text, never as
    /// HTML) to `parent`.
    fn add(
        &self,
        parent: &Node,
        tag: &str,
        attrs: &[(&str, &str)],
        text: Option<&str>,
    ) -> Result<Element, JsValue> {
        let e = self.doc.create_element(tag)?;
        fill(&e, attrs, text)?;
        parent.append_child(&e)?;
        Ok(e)
    }

    /// Like [`Builder::add`] for an SVG element.
    fn svg(
        &self,
        parent: &Node,
        tag: &str,
        attrs: &[(&str, &str)],
        text: Option<&str>,
    ) -> Result<Element, JsValue> {
        let e = self.doc.create_element_ns(Some(SVG_NS), tag)?;
        fill(&e, attrs, text)?;
        parent.append_child(&e)?;
        Ok(e)
    }

    /// Append text as a text node.
    fn text(&self, parent: &Node, text: &str) -> Result<(), JsValue> {
        parent.append_child(&self.doc.create_text_node(text))?;
        Ok(())
    }

    /// The container the widget draws into: the shadow root's `.rw-root` element, emptied, or
    /// created on first use. Everything else in the shadow root (the host's stylesheet link)
    /// is left alone.
    fn container(&self, host: &Element) -> Result<Element, JsValue> {
        let root = shadow_root(host)?;
        if let Some(c) = root.query_selector(".rw-root")? {
            c.set_text_content(None);
            return Ok(c);
        }
        self.add(
            &root,
            "div",
            &[("class", "rw-root"), ("part", "root")],
            None,
        )
    }
}

fn fill(e: &Element, attrs: &[(&str, &str)], text: Option<&str>) -> Result<(), JsValue> {
    for (k, v) in attrs {
        e.set_attribute(k, v)?;
    }
    if let Some(t) = text {
        e.set_text_content(Some(t));
    }
    Ok(())
}

/// A label with a capital initial. Labels are the analysis's own ASCII words (`strained`), so
/// ASCII case is enough and the module carries no Unicode upper-case table.
fn capitalise(s: &str) -> String {
    let mut out = s.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// Replace the widget's content with the rendered view-model, in its initial state.
pub(crate) fn render(host: &Element, vm: &ViewModel, opts: RenderOptions) -> Result<(), JsValue> {
    let b = Builder::for_host(host)?;
    let root = b.container(host)?;
    header(&b, &root, vm)?;
    gauge(&b, &root, vm)?;
    let columns = b.add(&root, "div", &[("class", "columns")], None)?;
    quotes(&b, &columns, vm)?;
    let side = b.add(&columns, "div", &[("class", "side")], None)?;
    voices(&b, &side, vm)?;
    actor_map(&b, &side, vm)?;
    timeline_view(&b, &side, vm)?;
    article(&b, &root, vm, opts)?;
    apply(&shadow_root(host)?, vm, &UiState::default())
}

/// Show an error message in place of the widget's content.
pub(crate) fn render_error(host: &Element, message: &str) -> Result<(), JsValue> {
    let b = Builder::for_host(host)?;
    let root = b.container(host)?;
    let box_ = b.add(
        &root,
        "div",
        &[("class", "error"), ("role", "alert"), ("part", "error")],
        None,
    )?;
    b.add(&box_, "p", &[("class", "error-title")], Some("No analysis"))?;
    b.add(&box_, "p", &[("class", "error-message")], Some(message))?;
    Ok(())
}

/// A section with a heading; returns the section.
fn section(
    b: &Builder,
    parent: &Node,
    class: &str,
    part: &str,
    title: &str,
) -> Result<Element, JsValue> {
    let id = format!("rw-h-{class}");
    let s = b.add(
        parent,
        "section",
        &[("class", class), ("part", part), ("aria-labelledby", &id)],
        None,
    )?;
    b.add(&s, "h3", &[("id", &id)], Some(title))?;
    Ok(s)
}

fn empty_note(b: &Builder, parent: &Node, text: &str) -> Result<(), JsValue> {
    b.add(parent, "p", &[("class", "empty")], Some(text))?;
    Ok(())
}

fn header(b: &Builder, root: &Node, vm: &ViewModel) -> Result<(), JsValue> {
    let header = b.add(
        root,
        "header",
        &[("class", "header"), ("part", "header")],
        None,
    )?;
    let titles = b.add(&header, "div", &[("class", "titles")], None)?;
    b.add(
        &titles,
        "h2",
        &[],
        Some(&format!("{} – {}", vm.pair[0], vm.pair[1])),
    )?;
    b.add(&titles, "p", &[("class", "summary")], Some(&vm.summary))?;
    let tools = b.add(
        &header,
        "div",
        &[
            ("class", "export"),
            ("part", "export"),
            ("role", "group"),
            ("aria-label", "Export"),
        ],
        None,
    )?;
    b.add(
        &tools,
        "button",
        &[("type", "button"), ("data-action", "copy-json")],
        Some("Copy JSON"),
    )?;
    b.add(
        &tools,
        "button",
        &[("type", "button"), ("data-action", "download-csv")],
        Some("Download CSV"),
    )?;
    b.add(
        &tools,
        "span",
        &[
            ("class", "status"),
            ("role", "status"),
            ("aria-live", "polite"),
        ],
        None,
    )?;
    Ok(())
}

/// A stance chip: words, a signed score, and a `data-stance` the CSS colours and marks with a
/// shape, so the stance never rests on colour alone.
fn chip(b: &Builder, parent: &Node, label: &str, score: f64, prefix: &str) -> Result<(), JsValue> {
    b.add(
        parent,
        "span",
        &[("class", "chip"), ("data-stance", label)],
        Some(&format!("{prefix}{} {}", capitalise(label), signed(score))),
    )?;
    Ok(())
}

fn gauge(b: &Builder, root: &Node, vm: &ViewModel) -> Result<(), JsValue> {
    let s = section(b, root, "gauge", "gauge", "Relationship")?;
    let Some(g) = &vm.gauge else {
        empty_note(
            b,
            &s,
            "No verdict on the relationship yet: the article gave no scored evidence.",
        )?;
        return Ok(());
    };
    gauge_meter(b, &s, g)?;
    let verdict = b.add(&s, "p", &[("class", "verdict")], None)?;
    b.add(
        &verdict,
        "span",
        &[("class", "verdict-pair")],
        Some(&format!("{} and {}: ", g.pair[0], g.pair[1])),
    )?;
    chip(b, &verdict, g.label, g.score, "")?;
    b.add(&s, "p", &[("class", "explanation")], Some(&g.explanation))?;
    if !g.evidence.is_empty() {
        let d = b.add(
            &s,
            "details",
            &[("class", "evidence"), ("part", "evidence")],
            None,
        )?;
        b.add(
            &d,
            "summary",
            &[],
            Some(&format!("Evidence ({})", g.evidence.len())),
        )?;
        let list = b.add(&d, "ul", &[], None)?;
        for e in &g.evidence {
            let tone = if e.weight < 0.0 {
                "strained"
            } else {
                "cordial"
            };
            let li = b.add(&list, "li", &[("data-stance", tone)], None)?;
            b.add(&li, "span", &[("class", "weight")], Some(&signed(e.weight)))?;
            b.add(&li, "span", &[("class", "ev-kind")], Some(&e.kind))?;
            match &e.quote {
                // Quote evidence selects its card.
                Some(id) => {
                    b.add(
                        &li,
                        "button",
                        &[
                            ("type", "button"),
                            ("class", "ev-link"),
                            ("data-quote-ref", id),
                        ],
                        Some(&format!("“{}”", e.text)),
                    )?;
                }
                None => {
                    b.add(&li, "q", &[], Some(&e.text))?;
                }
            }
        }
    }
    Ok(())
}

/// The scale: three bands and a marker, drawn in SVG units (0..100 strained..cordial).
fn gauge_meter(b: &Builder, parent: &Node, g: &GaugeView) -> Result<(), JsValue> {
    let meter = b.add(
        parent,
        "div",
        &[
            ("class", "meter"),
            ("role", "meter"),
            (
                "aria-label",
                &format!("Relationship between {} and {}", g.pair[0], g.pair[1]),
            ),
            ("aria-valuemin", "-1"),
            ("aria-valuemax", "1"),
            ("aria-valuenow", &num(g.score)),
            (
                "aria-valuetext",
                &format!("{} ({})", g.label, signed(g.score)),
            ),
        ],
        None,
    )?;
    let svg = b.svg(
        &meter,
        "svg",
        &[
            ("viewBox", "0 0 100 14"),
            ("preserveAspectRatio", "none"),
            ("aria-hidden", "true"),
            ("focusable", "false"),
        ],
        None,
    )?;
    for (x, w, band) in [
        ("0", "33.3", "strained"),
        ("33.3", "33.4", "mixed"),
        ("66.7", "33.3", "cordial"),
    ] {
        b.svg(
            &svg,
            "rect",
            &[
                ("class", "band"),
                ("data-stance", band),
                ("x", x),
                ("y", "4"),
                ("width", w),
                ("height", "6"),
            ],
            None,
        )?;
    }
    let x = g.position.clamp(1.0, 99.0);
    b.svg(
        &svg,
        "rect",
        &[
            ("class", "marker"),
            ("x", &num(x - 1.0)),
            ("y", "0"),
            ("width", "2"),
            ("height", "14"),
        ],
        None,
    )?;
    let scale = b.add(
        &meter,
        "div",
        &[("class", "scale"), ("aria-hidden", "true")],
        None,
    )?;
    for w in ["Strained", "Mixed", "Cordial"] {
        b.add(&scale, "span", &[], Some(w))?;
    }
    Ok(())
}

const KIND_WORDS: [(&str, &str); 3] = [
    ("direct", "Direct quote"),
    ("partial", "Partial quote"),
    ("indirect", "Reported speech"),
];

fn kind_words(kind: &str) -> &str {
    KIND_WORDS
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or(kind, |(_, w)| w)
}

fn quotes(b: &Builder, parent: &Node, vm: &ViewModel) -> Result<(), JsValue> {
    let s = section(b, parent, "quotes", "quotes", "Quotations")?;
    if vm.cards.is_empty() {
        empty_note(b, &s, "No quotations found in this article.")?;
        return Ok(());
    }
    filters(b, &s, vm)?;
    b.add(
        &s,
        "p",
        &[
            ("class", "count"),
            ("role", "status"),
            ("aria-live", "polite"),
        ],
        None,
    )?;
    let list = b.add(
        &s,
        "ol",
        &[
            ("class", "cards"),
            ("role", "listbox"),
            ("aria-label", "Quotations"),
            ("data-roving", ""),
        ],
        None,
    )?;
    for card in &vm.cards {
        card_element(b, &list, card)?;
    }
    let none = b.add(
        &s,
        "p",
        &[("class", "empty no-match")],
        Some("No quotation matches these filters. Press Escape to clear them."),
    )?;
    none.set_attribute("hidden", "")?;
    Ok(())
}

fn filters(b: &Builder, parent: &Node, vm: &ViewModel) -> Result<(), JsValue> {
    let f = b.add(
        parent,
        "div",
        &[
            ("class", "filters"),
            ("part", "filter"),
            ("role", "group"),
            ("aria-label", "Filter quotations"),
        ],
        None,
    )?;
    let mut speakers: Vec<(String, String)> = vm
        .voices
        .iter()
        .filter(|v| v.quotes > 0)
        .map(|v| (v.id.clone(), v.name.clone()))
        .collect();
    if vm.cards.iter().any(|c| c.speaker_id.is_none()) {
        speakers.push((NONE_VALUE.into(), "Not identified".into()));
    }
    let stances: Vec<(String, String)> = ["strained", "mixed", "cordial"]
        .iter()
        .map(|s| (s.to_string(), capitalise(s)))
        .chain(
            vm.cards
                .iter()
                .any(|c| c.stance.is_none())
                .then(|| (NONE_VALUE.to_string(), "No stance".to_string())),
        )
        .collect();
    let kinds: Vec<(String, String)> = KIND_WORDS
        .iter()
        .map(|(k, w)| (k.to_string(), w.to_string()))
        .collect();
    for (facet, name, label, options) in [
        ("speaker", "Speaker", "All speakers", speakers),
        ("stance", "Stance", "All stances", stances),
        ("kind", "Kind", "All kinds", kinds),
    ] {
        let id = format!("rw-f-{facet}");
        let wrap = b.add(&f, "div", &[("class", "field")], None)?;
        b.add(&wrap, "label", &[("for", &id)], Some(name))?;
        let sel = b.add(
            &wrap,
            "select",
            &[("id", &id), ("data-filter", facet)],
            None,
        )?;
        b.add(
            &sel,
            "option",
            &[("value", ""), ("data-label", label)],
            Some(label),
        )?;
        for (value, text) in options {
            b.add(
                &sel,
                "option",
                &[("value", &value), ("data-label", &text)],
                Some(&text),
            )?;
        }
    }
    let wrap = b.add(&f, "div", &[("class", "field search")], None)?;
    b.add(&wrap, "label", &[("for", "rw-f-search")], Some("Search"))?;
    b.add(
        &wrap,
        "input",
        &[
            ("id", "rw-f-search"),
            ("type", "search"),
            ("data-filter", "search"),
            ("placeholder", "Words, names…"),
            ("autocomplete", "off"),
        ],
        None,
    )?;
    Ok(())
}

fn card_element(b: &Builder, list: &Node, card: &CardView) -> Result<(), JsValue> {
    let stance = card.stance.as_ref().map_or(NONE_VALUE, |s| s.label);
    let li = b.add(
        list,
        "li",
        &[
            ("class", "card"),
            ("part", "quote"),
            ("role", "option"),
            ("tabindex", "-1"),
            ("aria-selected", "false"),
            ("data-item", ""),
            ("data-quote-id", &card.id),
            ("data-kind", card.kind),
            ("data-stance", stance),
        ],
        None,
    )?;
    let meta = b.add(&li, "p", &[("class", "meta")], None)?;
    b.add(
        &meta,
        "span",
        &[("class", "kind")],
        Some(kind_words(card.kind)),
    )?;
    match &card.stance {
        Some(s) => chip(b, &meta, s.label, s.score, "")?,
        None => {
            b.add(
                &meta,
                "span",
                &[("class", "chip"), ("data-stance", NONE_VALUE)],
                Some("No stance"),
            )?;
        }
    }
    let quote = b.add(&li, "blockquote", &[("class", "text")], None)?;
    for run in &card.runs {
        if run.cue {
            b.add(&quote, "mark", &[("class", "cue")], Some(&run.text))?;
        } else {
            b.text(&quote, &run.text)?;
        }
    }
    let who = b.add(&li, "p", &[("class", "speaker")], None)?;
    match &card.speaker {
        Some(name) => {
            b.add(&who, "span", &[("class", "name")], Some(name))?;
            if let Some(detail) = &card.speaker_detail {
                b.add(
                    &who,
                    "span",
                    &[("class", "detail")],
                    Some(&format!(", {detail}")),
                )?;
            }
        }
        None => {
            b.add(
                &who,
                "span",
                &[("class", "name unknown")],
                Some("Speaker not identified"),
            )?;
        }
    }
    Ok(())
}

fn voices(b: &Builder, parent: &Node, vm: &ViewModel) -> Result<(), JsValue> {
    let s = section(b, parent, "voices", "voices", "Voices")?;
    if vm.voices.is_empty() {
        return empty_note(b, &s, "No speakers identified yet.");
    }
    let list = b.add(
        &s,
        "ul",
        &[
            ("class", "voice-list"),
            ("role", "listbox"),
            ("aria-label", "Voices: select one to filter the quotations"),
            ("data-roving", ""),
        ],
        None,
    )?;
    for v in &vm.voices {
        let li = b.add(
            &list,
            "li",
            &[
                ("class", "voice"),
                ("part", "speaker"),
                ("role", "option"),
                ("tabindex", "-1"),
                ("aria-selected", "false"),
                ("data-item", ""),
                ("data-speaker-id", &v.id),
                ("data-kind", v.kind),
            ],
            None,
        )?;
        let who = b.add(&li, "div", &[("class", "who")], None)?;
        b.add(&who, "span", &[("class", "name")], Some(&v.name))?;
        let detail: Vec<&str> = [Some(v.kind), v.role.as_deref(), v.org.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        b.add(
            &who,
            "span",
            &[("class", "detail")],
            Some(&detail.join(" · ")),
        )?;
        let stats = b.add(&li, "div", &[("class", "stats")], None)?;
        b.add(
            &stats,
            "span",
            &[("class", "n")],
            Some(&format!("{} quote{}", v.quotes, plural(v.quotes))),
        )?;
        match &v.stance {
            Some(st) => {
                let bar = b.svg(
                    &stats,
                    "svg",
                    &[
                        ("class", "bar"),
                        ("viewBox", "-1 0 2 1"),
                        ("preserveAspectRatio", "none"),
                        ("aria-hidden", "true"),
                        ("focusable", "false"),
                    ],
                    None,
                )?;
                b.svg(
                    &bar,
                    "rect",
                    &[
                        ("class", "track"),
                        ("x", "-1"),
                        ("y", "0.3"),
                        ("width", "2"),
                        ("height", "0.4"),
                    ],
                    None,
                )?;
                let score = super::clamp_score(st.score);
                b.svg(
                    &bar,
                    "rect",
                    &[
                        ("class", "value"),
                        ("data-stance", st.label),
                        ("x", &num(score.min(0.0))),
                        ("y", "0.1"),
                        ("width", &num(score.abs().max(0.04))),
                        ("height", "0.8"),
                    ],
                    None,
                )?;
                chip(b, &stats, st.label, st.score, "avg. ")?;
            }
            None => {
                b.add(
                    &stats,
                    "span",
                    &[("class", "chip"), ("data-stance", NONE_VALUE)],
                    Some("No stance"),
                )?;
            }
        }
    }
    Ok(())
}

fn actor_map(b: &Builder, parent: &Node, vm: &ViewModel) -> Result<(), JsValue> {
    let s = section(b, parent, "graph", "graph", "Actor map")?;
    let g = &vm.graph;
    if g.edges.is_empty() {
        return empty_note(b, &s, "No interactions between actors found yet.");
    }
    let size = num(graph::SIZE);
    let svg = b.svg(
        &s,
        "svg",
        &[
            ("class", "map"),
            ("viewBox", &format!("0 0 {size} {size}")),
            ("role", "group"),
            (
                "aria-label",
                "Actor map: arrows point from the actor who acts to the one acted on",
            ),
            ("data-roving", ""),
        ],
        None,
    )?;
    let defs = b.svg(&svg, "defs", &[], None)?;
    for tone in ["cooperation", "conflict", "mixed"] {
        let m = b.svg(
            &defs,
            "marker",
            &[
                ("id", &format!("rw-arrow-{tone}")),
                ("viewBox", "0 0 10 10"),
                ("refX", "9"),
                ("refY", "5"),
                ("markerWidth", "7"),
                ("markerHeight", "7"),
                ("orient", "auto-start-reverse"),
            ],
            None,
        )?;
        b.svg(
            &m,
            "path",
            &[
                ("class", "arrow"),
                ("data-tone", tone),
                ("d", "M0 0 L10 5 L0 10 z"),
            ],
            None,
        )?;
    }
    for (i, e) in g.edges.iter().enumerate() {
        let eg = b.svg(
            &svg,
            "g",
            &[
                ("class", "edge"),
                ("data-tone", e.tone),
                ("data-edge", &i.to_string()),
                ("data-item", ""),
                ("role", "button"),
                ("tabindex", if i == 0 { "0" } else { "-1" }),
                // The accessible name starts with the visible label (WCAG 2.5.3).
                (
                    "aria-label",
                    &format!("{} {}", e.short_label(), e.description()),
                ),
            ],
            None,
        )?;
        b.svg(&eg, "path", &[("class", "hit"), ("d", &e.path)], None)?;
        b.svg(
            &eg,
            "path",
            &[
                ("class", "line"),
                ("d", &e.path),
                ("marker-end", &format!("url(#rw-arrow-{})", e.tone)),
            ],
            None,
        )?;
        let (lx, ly) = (num(e.label_x), num(e.label_y));
        b.svg(
            &eg,
            "text",
            &[
                ("class", "edge-label"),
                ("x", &lx),
                ("y", &ly),
                ("text-anchor", "middle"),
                ("dominant-baseline", "middle"),
            ],
            Some(&e.short_label()),
        )?;
    }
    for n in &g.nodes {
        let ng = b.svg(
            &svg,
            "g",
            &[
                ("class", if n.focus { "node focus" } else { "node" }),
                ("aria-hidden", "true"),
            ],
            None,
        )?;
        b.svg(
            &ng,
            "circle",
            &[
                ("cx", &num(n.x)),
                ("cy", &num(n.y)),
                ("r", &num(graph::NODE_RADIUS)),
            ],
            None,
        )?;
        let short: String = n.id.chars().take(4).collect();
        b.svg(
            &ng,
            "text",
            &[
                ("class", "node-id"),
                ("x", &num(n.x)),
                ("y", &num(n.y)),
                ("text-anchor", "middle"),
                ("dominant-baseline", "central"),
            ],
            Some(&short),
        )?;
        let below = n.y >= graph::SIZE / 2.0;
        let ty = if below {
            n.y + graph::NODE_RADIUS + 14.0
        } else {
            n.y - graph::NODE_RADIUS - 8.0
        };
        b.svg(
            &ng,
            "text",
            &[
                ("class", "node-label"),
                ("x", &num(n.x)),
                ("y", &num(ty)),
                ("text-anchor", "middle"),
            ],
            Some(&n.name),
        )?;
    }
    let legend = b.add(&s, "p", &[("class", "legend")], None)?;
    b.add(
        &legend,
        "span",
        &[("data-tone", "cooperation")],
        Some("solid: cooperation (+)"),
    )?;
    b.add(
        &legend,
        "span",
        &[("data-tone", "conflict")],
        Some("dashed: conflict (−)"),
    )?;
    let panel = b.add(
        &s,
        "div",
        &[("class", "edge-evidence"), ("aria-live", "polite")],
        None,
    )?;
    b.add(
        &panel,
        "p",
        &[("class", "hint")],
        Some("Point at or focus an arrow to read its evidence."),
    )?;
    Ok(())
}

/// Fill the actor map's evidence panel with edge `index`'s sentences.
pub(crate) fn show_edge(root: &ShadowRoot, vm: &ViewModel, index: usize) -> Result<(), JsValue> {
    let (Some(e), Some(panel)) = (
        vm.graph.edges.get(index),
        root.query_selector(".edge-evidence")?,
    ) else {
        return Ok(());
    };
    let b = Builder {
        doc: root
            .owner_document()
            .ok_or_else(|| JsValue::from_str("no document"))?,
    };
    panel.set_text_content(None);
    b.add(
        &panel,
        "p",
        &[("class", "edge-title")],
        Some(&e.description()),
    )?;
    let list = b.add(&panel, "ul", &[], None)?;
    for t in &e.evidence {
        b.add(&list, "li", &[], Some(t))?;
    }
    for (i, el) in elements(root, ".edge")?.iter().enumerate() {
        toggle(el, "active", i == index)?;
    }
    Ok(())
}

fn timeline_view(b: &Builder, parent: &Node, vm: &ViewModel) -> Result<(), JsValue> {
    let s = section(b, parent, "timeline", "timeline", "Timeline")?;
    let t = &vm.timeline;
    if t.events.is_empty() {
        return empty_note(b, &s, "No dated events found yet.");
    }
    if !t.ticks.is_empty() {
        let lanes = t.lanes.max(1) as f64;
        let height = 30.0 + lanes * 14.0;
        let axis_y = height - 22.0;
        let svg = b.svg(
            &s,
            "svg",
            &[
                ("class", "axis"),
                (
                    "viewBox",
                    &format!("0 0 {} {}", num(timeline::WIDTH), num(height)),
                ),
                ("aria-hidden", "true"),
                ("focusable", "false"),
            ],
            None,
        )?;
        b.svg(
            &svg,
            "line",
            &[
                ("class", "baseline"),
                ("x1", "0"),
                ("x2", &num(timeline::WIDTH)),
                ("y1", &num(axis_y)),
                ("y2", &num(axis_y)),
            ],
            None,
        )?;
        for tick in &t.ticks {
            b.svg(
                &svg,
                "line",
                &[
                    ("class", "tick"),
                    ("x1", &num(tick.x)),
                    ("x2", &num(tick.x)),
                    ("y1", &num(axis_y)),
                    ("y2", &num(axis_y + 5.0)),
                ],
                None,
            )?;
            b.svg(
                &svg,
                "text",
                &[
                    ("class", "tick-label"),
                    ("x", &num(tick.x)),
                    ("y", &num(axis_y + 17.0)),
                    ("text-anchor", "middle"),
                ],
                Some(&tick.label),
            )?;
        }
        for e in &t.events {
            let (Some(x), Some(x_end)) = (e.x, e.x_end) else {
                continue;
            };
            let y = axis_y - 10.0 - e.lane as f64 * 14.0;
            let class = if e.approximate {
                "event approximate"
            } else {
                "event"
            };
            if x_end - x > 4.0 {
                b.svg(
                    &svg,
                    "rect",
                    &[
                        ("class", class),
                        ("x", &num(x)),
                        ("y", &num(y - 4.0)),
                        ("width", &num(x_end - x)),
                        ("height", "8"),
                        ("rx", "4"),
                    ],
                    None,
                )?;
            } else {
                b.svg(
                    &svg,
                    "circle",
                    &[
                        ("class", class),
                        ("cx", &num(x)),
                        ("cy", &num(y)),
                        ("r", "5"),
                    ],
                    None,
                )?;
            }
        }
    }
    let list = b.add(&s, "ol", &[("class", "events")], None)?;
    for e in &t.events {
        let li = b.add(
            &list,
            "li",
            &[(
                "data-approximate",
                if e.approximate { "true" } else { "false" },
            )],
            None,
        )?;
        b.add(&li, "time", &[("datetime", &e.date)], Some(&e.label))?;
        b.add(&li, "span", &[("class", "event-text")], Some(&e.text))?;
    }
    if t.events.iter().any(|e| e.approximate) {
        b.add(
            &s,
            "p",
            &[("class", "legend")],
            Some("c. and hollow marks: approximate dates, inferred from the text."),
        )?;
    }
    Ok(())
}

fn article(b: &Builder, root: &Node, vm: &ViewModel, opts: RenderOptions) -> Result<(), JsValue> {
    let s = section(b, root, "article", "article", "Article")?;
    if opts.host_article {
        return empty_note(
            b,
            &s,
            "The quotations are highlighted in the article on this page; select a card to find it there.",
        );
    }
    let legend = b.add(&s, "p", &[("class", "legend")], None)?;
    for (class, words) in [
        ("quote", "quotation"),
        ("speaker", "speaker"),
        ("scare", "scare quote"),
    ] {
        b.add(
            &legend,
            "span",
            &[("class", &format!("key key-{class}"))],
            Some(words),
        )?;
    }
    let body = b.add(
        &s,
        "div",
        &[
            ("class", "article-body"),
            ("role", "region"),
            ("aria-label", "Article text with highlights"),
            ("tabindex", "0"),
            ("data-roving", ""),
        ],
        None,
    )?;
    let mut seen: Vec<&str> = Vec::new();
    for p in &vm.article {
        let para = b.add(&body, "p", &[], None)?;
        for run in &p.runs {
            if !run.is_marked() {
                b.text(&para, &run.text)?;
                continue;
            }
            let mut class: Vec<&str> = Vec::new();
            if run.quote.is_some() {
                class.push("quote");
            }
            if run.speaker.is_some() {
                class.push("speaker");
            }
            if run.scare {
                class.push("scare");
            }
            let m = b.add(
                &para,
                "mark",
                &[("class", &class.join(" "))],
                Some(&run.text),
            )?;
            if let Some(id) = &run.quote {
                m.set_attribute("data-quote-id", id)?;
                // The first run of each quote is its keyboard stop.
                if !seen.contains(&id.as_str()) {
                    seen.push(id);
                    m.set_attribute("data-item", "")?;
                    m.set_attribute("role", "button")?;
                    m.set_attribute("tabindex", "-1")?;
                }
            }
            if let Some(id) = &run.speaker {
                m.set_attribute("data-speaker-id", id)?;
            }
        }
    }
    Ok(())
}

/// All elements matching `selector` in `root`.
pub(crate) fn elements(root: &ShadowRoot, selector: &str) -> Result<Vec<Element>, JsValue> {
    let list = root.query_selector_all(selector)?;
    Ok((0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect())
}

fn toggle(e: &Element, class: &str, on: bool) -> Result<(), JsValue> {
    e.class_list().toggle_with_force(class, on)?;
    Ok(())
}

fn set_hidden(e: &Element, hidden: bool) -> Result<(), JsValue> {
    if hidden {
        e.set_attribute("hidden", "")
    } else {
        e.remove_attribute("hidden")
    }
}

/// Reflect `state` in the rendered DOM: card visibility, live counts, selects, selection.
pub(crate) fn apply(root: &ShadowRoot, vm: &ViewModel, state: &UiState) -> Result<(), JsValue> {
    let f = &state.filter;
    let visible = visible_ids(&vm.cards, f);
    let selected = state.selected.as_deref();
    let cards = elements(root, ".card")?;
    for c in &cards {
        let id = c.get_attribute("data-quote-id").unwrap_or_default();
        let shown = visible.contains(&id.as_str());
        set_hidden(c, !shown)?;
        // `part="quote"` marks exactly the visible cards, so `::part(quote)` counts them.
        if shown {
            c.set_attribute("part", "quote")?;
        } else {
            c.remove_attribute("part")?;
        }
        let on = selected == Some(id.as_str());
        c.set_attribute("aria-selected", if on { "true" } else { "false" })?;
    }
    roving_reset(&cards, selected.map(|s| ("data-quote-id", s)))?;
    if let Some(count) = root.query_selector(".count")? {
        count.set_text_content(Some(&count_line(visible.len(), vm.cards.len())));
    }
    if let Some(none) = root.query_selector(".no-match")? {
        set_hidden(&none, !visible.is_empty() || vm.cards.is_empty())?;
    }
    for (facet, name, want) in [
        (Facet::Speaker, "speaker", f.speaker.as_deref()),
        (Facet::Stance, "stance", f.stance.as_deref()),
        (Facet::Kind, "kind", f.kind.as_deref()),
    ] {
        let Some(sel) = root.query_selector(&format!("select[data-filter={name}]"))? else {
            continue;
        };
        for opt in elements(root, &format!("select[data-filter={name}] option"))? {
            let value = opt.get_attribute("value").unwrap_or_default();
            let label = opt.get_attribute("data-label").unwrap_or_default();
            let n = facet_count(&vm.cards, f, facet, &value);
            opt.set_text_content(Some(&format!("{label} ({n})")));
        }
        if let Some(sel) = sel.dyn_ref::<HtmlSelectElement>() {
            let want = want.unwrap_or("");
            if sel.value() != want {
                sel.set_value(want);
            }
        }
    }
    if let Some(input) = root.query_selector("input[data-filter=search]")? {
        if let Some(input) = input.dyn_ref::<HtmlInputElement>() {
            if input.value() != f.search {
                input.set_value(&f.search);
            }
        }
    }
    let voices = elements(root, ".voice")?;
    for v in &voices {
        let id = v.get_attribute("data-speaker-id").unwrap_or_default();
        let on = f.speaker.as_deref() == Some(id.as_str());
        v.set_attribute("aria-selected", if on { "true" } else { "false" })?;
    }
    roving_reset(
        &voices,
        f.speaker.as_deref().map(|s| ("data-speaker-id", s)),
    )?;
    let marks = elements(root, "mark[data-quote-id]")?;
    for m in &marks {
        let on = m.get_attribute("data-quote-id").as_deref() == selected && selected.is_some();
        toggle(m, "selected", on)?;
        if m.has_attribute("data-item") {
            if on {
                m.set_attribute("aria-current", "true")?;
            } else {
                m.remove_attribute("aria-current")?;
            }
        }
    }
    let stops: Vec<Element> = marks
        .into_iter()
        .filter(|m| m.has_attribute("data-item"))
        .collect();
    roving_reset(&stops, selected.map(|s| ("data-quote-id", s)))?;
    Ok(())
}

/// Keep exactly one visible item of a roving list in the Tab order: the one that already is,
/// if still visible, else the preferred (selected) one, else the first visible.
fn roving_reset(items: &[Element], prefer: Option<(&str, &str)>) -> Result<(), JsValue> {
    let shown: Vec<&Element> = items
        .iter()
        .filter(|e| !e.has_attribute("hidden"))
        .collect();
    let preferred = prefer.and_then(|(attr, value)| {
        shown
            .iter()
            .position(|e| e.get_attribute(attr).as_deref() == Some(value))
    });
    let current = shown
        .iter()
        .position(|e| e.get_attribute("tabindex").as_deref() == Some("0"));
    let stop = preferred.or(current).or((!shown.is_empty()).then_some(0));
    for e in items {
        e.set_attribute("tabindex", "-1")?;
    }
    if let Some(i) = stop {
        shown[i].set_attribute("tabindex", "0")?;
    }
    Ok(())
}
