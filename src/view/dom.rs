//! DOM building: turns a [`ViewModel`] into elements inside a shadow root, and re-applies
//! the interactive state (filters, selection) to those elements without rebuilding them.
//!
//! Article text reaches the DOM only through `textContent`; no HTML string is ever parsed.
//! Nothing here sets a `style` attribute (the page may forbid inline styles): positions are
//! SVG geometry attributes, everything else is classes and data attributes for the CSS.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Document, Element, HtmlInputElement, HtmlSelectElement, ShadowRoot, ShadowRootInit,
    ShadowRootMode,
};

use crate::lexicon::{split_byte, CollectVec};
use crate::view::{
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

/// Builds elements depth first: [`Builder::open`] appends an element to the current one and
/// makes it current, [`Builder::close`] returns to its parent, [`Builder::leaf`] appends an
/// element without entering it. The first DOM error is kept (and returned by
/// [`Builder::finish`]) and nothing more is built; call sites carry no element handles and no
/// error checks, which keeps the module small.
struct Builder {
    doc: Document,
    /// The open elements, innermost last; the first is the one drawn into.
    open: Vec<Element>,
    err: Option<JsValue>,
}

/// An element: its tag, then its attributes in the order they are set, all joined by `;`
/// (`li;class=card;data-item=`); an attribute value `@` stands for the next of the computed
/// values passed with it. Constant attributes cost a few bytes of text this way, where a
/// `(name, value)` array costs two slices each, built in code whenever one value is computed.
type Spec = str;

impl Builder {
    /// A builder drawing into `into`.
    fn new(into: Element) -> Result<Self, JsValue> {
        let doc = into
            .owner_document()
            .ok_or_else(|| JsValue::from_str("the element has no document"))?;
        Ok(Builder {
            doc,
            open: vec![into],
            err: None,
        })
    }

    /// A builder drawing into the widget's container: the shadow root's `.rw-root` element,
    /// emptied, or created on first use. Everything else in the shadow root (the host's
    /// stylesheet link) is left alone.
    fn for_host(host: &Element) -> Result<Self, JsValue> {
        let root = shadow_root(host)?;
        if let Some(c) = root.query_selector(".rw-root")? {
            c.set_text_content(None);
            return Builder::new(c);
        }
        let doc = host
            .owner_document()
            .ok_or_else(|| JsValue::from_str("the element has no document"))?;
        let c = doc.create_element("div")?;
        c.set_attribute("class", "rw-root")?;
        c.set_attribute("part", "root")?;
        root.append_child(&c)?;
        Builder::new(c)
    }

    /// Append a new element (SVG when `svg`) as `spec` describes it (see [`Spec`]), with text
    /// (set as text, never as HTML), to the current element; enter it when `enter`.
    #[inline(never)]
    fn make(&mut self, svg: bool, spec: &Spec, values: &[&str], text: &str, enter: bool) {
        if self.err.is_some() {
            return;
        }
        let (tag, mut attrs) = split_byte(spec, b';');
        let made = (|| {
            let e = if svg {
                self.doc.create_element_ns(Some(SVG_NS), tag)?
            } else {
                self.doc.create_element(tag)?
            };
            let mut values = values.iter();
            while let Some(rest) = attrs {
                let (pair, more) = split_byte(rest, b';');
                attrs = more;
                if let (name, Some(value)) = split_byte(pair, b'=') {
                    let value = match value {
                        "@" => {
                            let v = values.next().copied();
                            debug_assert!(v.is_some(), "more @ than values in {spec}");
                            v.unwrap_or_default()
                        }
                        v => v,
                    };
                    e.set_attribute(name, value)?;
                }
            }
            debug_assert!(values.next().is_none(), "more values than @ in {spec}");
            if !text.is_empty() {
                e.set_text_content(Some(text));
            }
            if let Some(parent) = self.open.last() {
                parent.append_child(&e)?;
            }
            Ok(e)
        })();
        match made {
            Ok(e) if enter => self.open.push(e),
            Ok(_) => {}
            Err(e) => self.err = Some(e),
        }
    }

    /// Append an element and make it current.
    #[inline(never)]
    fn open(&mut self, spec: &Spec, values: &[&str]) {
        self.make(false, spec, values, "", true);
    }

    /// Append an element with text.
    #[inline(never)]
    fn leaf(&mut self, spec: &Spec, values: &[&str], text: &str) {
        self.make(false, spec, values, text, false);
    }

    /// Append an SVG element and make it current.
    #[inline(never)]
    fn svg(&mut self, spec: &Spec, values: &[&str]) {
        self.make(true, spec, values, "", true);
    }

    /// Append an SVG element with text.
    #[inline(never)]
    fn svg_leaf(&mut self, spec: &Spec, values: &[&str], text: &str) {
        self.make(true, spec, values, text, false);
    }

    /// Return to the current element's parent.
    #[inline(never)]
    fn close(&mut self) {
        if self.open.len() > 1 {
            self.open.pop();
        }
    }

    /// Append text as a text node.
    #[inline(never)]
    fn text(&mut self, text: &str) {
        if self.err.is_some() {
            return;
        }
        let node = self.doc.create_text_node(text);
        if let Some(Err(e)) = self.open.last().map(|p| p.append_child(&node)) {
            self.err = Some(e);
        }
    }

    /// The first error met, if any.
    fn finish(self) -> Result<(), JsValue> {
        self.err.map_or(Ok(()), Err)
    }
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
    let mut b = Builder::for_host(host)?;
    header(&mut b, vm);
    gauge(&mut b, vm);
    b.open("div;class=columns", &[]);
    quotes(&mut b, vm);
    b.open("div;class=side", &[]);
    voices(&mut b, vm);
    actor_map(&mut b, vm);
    timeline_view(&mut b, vm);
    b.close();
    b.close();
    article(&mut b, vm, opts);
    b.finish()?;
    apply(&shadow_root(host)?, vm, &UiState::default())
}

/// Show an error message in place of the widget's content.
pub(crate) fn render_error(host: &Element, message: &str) -> Result<(), JsValue> {
    let mut b = Builder::for_host(host)?;
    b.open("div;class=error;role=alert;part=error", &[]);
    b.leaf("p;class=error-title", &[], "No analysis");
    b.leaf("p;class=error-message", &[], message);
    b.finish()
}

/// Open a section with a heading; the caller closes it.
fn section(b: &mut Builder, class: &str, part: &str, title: &str) {
    let id = format!("rw-h-{class}");
    b.open(
        "section;class=@;part=@;aria-labelledby=@",
        &[class, part, &id],
    );
    b.leaf("h3;id=@", &[&id], title);
}

/// Close a section with only a note in it.
fn empty_note(b: &mut Builder, text: &str) {
    b.leaf("p;class=empty", &[], text);
    b.close();
}

fn header(b: &mut Builder, vm: &ViewModel) {
    b.open("header;class=header;part=header", &[]);
    b.open("div;class=titles", &[]);
    b.leaf("h2", &[], &format!("{} – {}", vm.pair[0], vm.pair[1]));
    b.leaf("p;class=summary", &[], &vm.summary);
    b.close();
    b.open(
        "div;class=export;part=export;role=group;aria-label=Export",
        &[],
    );
    b.leaf("button;type=button;data-action=copy-json", &[], "Copy JSON");
    b.leaf(
        "button;type=button;data-action=download-csv",
        &[],
        "Download CSV",
    );
    b.leaf("span;class=status;role=status;aria-live=polite", &[], "");
    b.close();
    b.close();
}

/// A stance chip: words, a signed score, and a `data-stance` the CSS colours and marks with a
/// shape, so the stance never rests on colour alone.
fn chip(b: &mut Builder, label: &str, score: f64, prefix: &str) {
    b.leaf(
        "span;class=chip;data-stance=@",
        &[label],
        &format!("{prefix}{} {}", capitalise(label), signed(score)),
    );
}

fn gauge(b: &mut Builder, vm: &ViewModel) {
    section(b, "gauge", "gauge", "Relationship");
    let Some(g) = &vm.gauge else {
        return empty_note(
            b,
            "No verdict on the relationship yet: the article gave no scored evidence.",
        );
    };
    gauge_meter(b, g);
    b.open("p;class=verdict", &[]);
    b.leaf(
        "span;class=verdict-pair",
        &[],
        &format!("{} and {}: ", g.pair[0], g.pair[1]),
    );
    chip(b, g.label, g.score, "");
    b.close();
    b.leaf("p;class=explanation", &[], &g.explanation);
    if !g.evidence.is_empty() {
        b.open("details;class=evidence;part=evidence", &[]);
        b.leaf("summary", &[], &format!("Evidence ({})", g.evidence.len()));
        b.open("ul", &[]);
        for e in &g.evidence {
            let tone = if e.weight < 0.0 {
                "strained"
            } else {
                "cordial"
            };
            b.open("li;data-stance=@", &[tone]);
            b.leaf("span;class=weight", &[], &signed(e.weight));
            b.leaf("span;class=ev-kind", &[], &e.kind);
            match &e.quote {
                // Quote evidence selects its card.
                Some(id) => b.leaf(
                    "button;type=button;class=ev-link;data-quote-ref=@",
                    &[id],
                    &format!("“{}”", e.text),
                ),
                None => b.leaf("q", &[], &e.text),
            }
            b.close();
        }
        b.close();
        b.close();
    }
    b.close();
}

/// The scale: three bands and a marker, drawn in SVG units (0..100 strained..cordial).
fn gauge_meter(b: &mut Builder, g: &GaugeView) {
    b.open("div;class=meter;role=meter;aria-label=@;aria-valuemin=-1;aria-valuemax=1;aria-valuenow=@;aria-valuetext=@", &[&format!("Relationship between {} and {}", g.pair[0], g.pair[1]), &num(g.score), &format!("{} ({})", g.label, signed(g.score))]);
    b.svg(
        "svg;viewBox=0 0 100 14;preserveAspectRatio=none;aria-hidden=true;focusable=false",
        &[],
    );
    for (x, w, band) in [
        ("0", "33.3", "strained"),
        ("33.3", "33.4", "mixed"),
        ("66.7", "33.3", "cordial"),
    ] {
        b.svg_leaf(
            "rect;class=band;data-stance=@;x=@;y=4;width=@;height=6",
            &[band, x, w],
            "",
        );
    }
    let x = g.position.clamp(1.0, 99.0);
    b.svg_leaf(
        "rect;class=marker;x=@;y=0;width=2;height=14",
        &[&num(x - 1.0)],
        "",
    );
    b.close();
    b.open("div;class=scale;aria-hidden=true", &[]);
    for w in ["Strained", "Mixed", "Cordial"] {
        b.leaf("span", &[], w);
    }
    b.close();
    b.close();
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

fn quotes(b: &mut Builder, vm: &ViewModel) {
    section(b, "quotes", "quotes", "Quotations");
    if vm.cards.is_empty() {
        return empty_note(b, "No quotations found in this article.");
    }
    filters(b, vm);
    b.leaf("p;class=count;role=status;aria-live=polite", &[], "");
    b.open(
        "ol;class=cards;role=listbox;aria-label=Quotations;data-roving=",
        &[],
    );
    for card in &vm.cards {
        card_element(b, card);
    }
    b.close();
    b.leaf(
        "p;class=empty no-match;hidden=",
        &[],
        "No quotation matches these filters. Press Escape to clear them.",
    );
    b.close();
}

fn filters(b: &mut Builder, vm: &ViewModel) {
    b.open(
        "div;class=filters;part=filter;role=group;aria-label=Filter quotations",
        &[],
    );
    let mut speakers: Vec<(String, String)> = vm
        .voices
        .iter()
        .filter(|v| v.quotes > 0)
        .map(|v| (v.id.clone(), v.name.clone()))
        .collect_vec();
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
        .collect_vec();
    let kinds: Vec<(String, String)> = KIND_WORDS
        .iter()
        .map(|(k, w)| (k.to_string(), w.to_string()))
        .collect_vec();
    for (facet, name, label, options) in [
        ("speaker", "Speaker", "All speakers", speakers),
        ("stance", "Stance", "All stances", stances),
        ("kind", "Kind", "All kinds", kinds),
    ] {
        let id = format!("rw-f-{facet}");
        b.open("div;class=field", &[]);
        b.leaf("label;for=@", &[&id], name);
        b.open("select;id=@;data-filter=@", &[&id, facet]);
        b.leaf("option;value=;data-label=@", &[label], label);
        for (value, text) in options {
            b.leaf("option;value=@;data-label=@", &[&value, &text], &text);
        }
        b.close();
        b.close();
    }
    b.open("div;class=field search", &[]);
    b.leaf("label;for=rw-f-search", &[], "Search");
    b.leaf("input;id=rw-f-search;type=search;data-filter=search;placeholder=Words, names…;autocomplete=off",
        &[],
        "",
    );
    b.close();
    b.close();
}

fn card_element(b: &mut Builder, card: &CardView) {
    let stance = card.stance.as_ref().map_or(NONE_VALUE, |s| s.label);
    b.open("li;class=card;part=quote;role=option;tabindex=-1;aria-selected=false;data-item=;data-quote-id=@;data-kind=@;data-stance=@", &[&card.id, card.kind, stance]);
    b.open("p;class=meta", &[]);
    b.leaf("span;class=kind", &[], kind_words(card.kind));
    match &card.stance {
        Some(s) => chip(b, s.label, s.score, ""),
        None => b.leaf("span;class=chip;data-stance=@", &[NONE_VALUE], "No stance"),
    }
    b.close();
    b.open("blockquote;class=text", &[]);
    for run in &card.runs {
        if run.cue {
            b.leaf("mark;class=cue", &[], &run.text);
        } else {
            b.text(&run.text);
        }
    }
    b.close();
    b.open("p;class=speaker", &[]);
    match &card.speaker {
        Some(name) => {
            b.leaf("span;class=name", &[], name);
            if let Some(detail) = &card.speaker_detail {
                b.leaf("span;class=detail", &[], &format!(", {detail}"));
            }
        }
        None => b.leaf("span;class=name unknown", &[], "Speaker not identified"),
    }
    b.close();
    b.close();
}

fn voices(b: &mut Builder, vm: &ViewModel) {
    section(b, "voices", "voices", "Voices");
    if vm.voices.is_empty() {
        return empty_note(b, "No speakers identified yet.");
    }
    b.open("ul;class=voice-list;role=listbox;aria-label=Voices: select one to filter the quotations;data-roving=", &[]);
    for v in &vm.voices {
        b.open("li;class=voice;part=speaker;role=option;tabindex=-1;aria-selected=false;data-item=;data-speaker-id=@;data-kind=@", &[&v.id, v.kind]);
        b.open("div;class=who", &[]);
        b.leaf("span;class=name", &[], &v.name);
        let detail: Vec<&str> = [Some(v.kind), v.role.as_deref(), v.org.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        b.leaf("span;class=detail", &[], &detail.join(" · "));
        b.close();
        b.open("div;class=stats", &[]);
        b.leaf(
            "span;class=n",
            &[],
            &format!("{} quote{}", v.quotes, plural(v.quotes)),
        );
        match &v.stance {
            Some(st) => {
                b.svg("svg;class=bar;viewBox=-1 0 2 1;preserveAspectRatio=none;aria-hidden=true;focusable=false", &[]);
                b.svg_leaf("rect;class=track;x=-1;y=0.3;width=2;height=0.4", &[], "");
                let score = crate::view::clamp_score(st.score);
                b.svg_leaf(
                    "rect;class=value;data-stance=@;x=@;y=0.1;width=@;height=0.8",
                    &[st.label, &num(score.min(0.0)), &num(score.abs().max(0.04))],
                    "",
                );
                b.close();
                chip(b, st.label, st.score, "avg. ");
            }
            None => b.leaf("span;class=chip;data-stance=@", &[NONE_VALUE], "No stance"),
        }
        b.close();
        b.close();
    }
    b.close();
    b.close();
}

fn actor_map(b: &mut Builder, vm: &ViewModel) {
    section(b, "graph", "graph", "Actor map");
    let g = &vm.graph;
    if g.edges.is_empty() {
        return empty_note(b, "No interactions between actors found yet.");
    }
    let size = num(graph::SIZE);
    b.svg("svg;class=map;viewBox=@;role=group;aria-label=Actor map: arrows point from the actor who acts to the one acted on;data-roving=", &[&format!("0 0 {size} {size}")]);
    b.svg("defs", &[]);
    for tone in ["cooperation", "conflict", "mixed"] {
        b.svg("marker;id=@;viewBox=0 0 10 10;refX=9;refY=5;markerWidth=7;markerHeight=7;orient=auto-start-reverse", &[&format!("rw-arrow-{tone}")]);
        b.svg_leaf(
            "path;class=arrow;data-tone=@;d=M0 0 L10 5 L0 10 z",
            &[tone],
            "",
        );
        b.close();
    }
    b.close();
    for (i, e) in g.edges.iter().enumerate() {
        // The accessible name starts with the visible label (WCAG 2.5.3).
        b.svg(
            "g;class=edge;data-tone=@;data-edge=@;data-item=;role=button;tabindex=@;aria-label=@",
            &[
                e.tone,
                &i.to_string(),
                if i == 0 { "0" } else { "-1" },
                &format!("{} {}", e.short_label(), e.description()),
            ],
        );
        b.svg_leaf("path;class=hit;d=@", &[&e.path], "");
        b.svg_leaf(
            "path;class=line;d=@;marker-end=@",
            &[&e.path, &format!("url(#rw-arrow-{})", e.tone)],
            "",
        );
        let (lx, ly) = (num(e.label_x), num(e.label_y));
        b.svg_leaf(
            "text;class=edge-label;x=@;y=@;text-anchor=middle;dominant-baseline=middle",
            &[&lx, &ly],
            &e.short_label(),
        );
        b.close();
    }
    for n in &g.nodes {
        b.svg(
            "g;class=@;aria-hidden=true",
            &[if n.focus { "node focus" } else { "node" }],
        );
        let (x, y) = (num(n.x), num(n.y));
        b.svg_leaf(
            "circle;cx=@;cy=@;r=@",
            &[&x, &y, &num(graph::NODE_RADIUS)],
            "",
        );
        let short: String = n.id.chars().take(4).collect();
        b.svg_leaf(
            "text;class=node-id;x=@;y=@;text-anchor=middle;dominant-baseline=central",
            &[&x, &y],
            &short,
        );
        let below = n.y >= graph::SIZE / 2.0;
        let ty = if below {
            n.y + graph::NODE_RADIUS + 14.0
        } else {
            n.y - graph::NODE_RADIUS - 8.0
        };
        b.svg_leaf(
            "text;class=node-label;x=@;y=@;text-anchor=middle",
            &[&x, &num(ty)],
            &n.name,
        );
        b.close();
    }
    b.close();
    b.open("p;class=legend", &[]);
    b.leaf("span;data-tone=cooperation", &[], "solid: cooperation (+)");
    b.leaf("span;data-tone=conflict", &[], "dashed: conflict (−)");
    b.close();
    b.open("div;class=edge-evidence;aria-live=polite", &[]);
    b.leaf(
        "p;class=hint",
        &[],
        "Point at or focus an arrow to read its evidence.",
    );
    b.close();
    b.close();
}

/// Fill the actor map's evidence panel with edge `index`'s sentences.
pub(crate) fn show_edge(root: &ShadowRoot, vm: &ViewModel, index: usize) -> Result<(), JsValue> {
    let (Some(e), Some(panel)) = (
        vm.graph.edges.get(index),
        root.query_selector(".edge-evidence")?,
    ) else {
        return Ok(());
    };
    panel.set_text_content(None);
    let mut b = Builder::new(panel)?;
    b.leaf("p;class=edge-title", &[], &e.description());
    b.open("ul", &[]);
    for t in &e.evidence {
        b.leaf("li", &[], t);
    }
    b.finish()?;
    for (i, el) in elements(root, ".edge")?.iter().enumerate() {
        toggle(el, "active", i == index)?;
    }
    Ok(())
}

fn timeline_view(b: &mut Builder, vm: &ViewModel) {
    section(b, "timeline", "timeline", "Timeline");
    let t = &vm.timeline;
    if t.events.is_empty() {
        return empty_note(b, "No dated events found yet.");
    }
    if !t.ticks.is_empty() {
        let lanes = t.lanes.max(1) as f64;
        let height = 30.0 + lanes * 14.0;
        let axis_y = height - 22.0;
        let (width, axis) = (num(timeline::WIDTH), num(axis_y));
        b.svg(
            "svg;class=axis;viewBox=@;aria-hidden=true;focusable=false",
            &[&format!("0 0 {width} {}", num(height))],
        );
        b.svg_leaf(
            "line;class=baseline;x1=0;x2=@;y1=@;y2=@",
            &[&width, &axis, &axis],
            "",
        );
        for tick in &t.ticks {
            let x = num(tick.x);
            b.svg_leaf(
                "line;class=tick;x1=@;x2=@;y1=@;y2=@",
                &[&x, &x, &axis, &num(axis_y + 5.0)],
                "",
            );
            b.svg_leaf(
                "text;class=tick-label;x=@;y=@;text-anchor=middle",
                &[&x, &num(axis_y + 17.0)],
                &tick.label,
            );
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
                b.svg_leaf(
                    "rect;class=@;x=@;y=@;width=@;height=8;rx=4",
                    &[class, &num(x), &num(y - 4.0), &num(x_end - x)],
                    "",
                );
            } else {
                b.svg_leaf(
                    "circle;class=@;cx=@;cy=@;r=5",
                    &[class, &num(x), &num(y)],
                    "",
                );
            }
        }
        b.close();
    }
    b.open("ol;class=events", &[]);
    for e in &t.events {
        b.open(
            "li;data-approximate=@",
            &[if e.approximate { "true" } else { "false" }],
        );
        b.leaf("time;datetime=@", &[&e.date], &e.label);
        b.leaf("span;class=event-text", &[], &e.text);
        b.close();
    }
    b.close();
    if t.events.iter().any(|e| e.approximate) {
        b.leaf(
            "p;class=legend",
            &[],
            "c. and hollow marks: approximate dates, inferred from the text.",
        );
    }
    b.close();
}

fn article(b: &mut Builder, vm: &ViewModel, opts: RenderOptions) {
    section(b, "article", "article", "Article");
    if opts.host_article {
        return empty_note(
            b,
            "The quotations are highlighted in the article on this page; select a card to find it there.",
        );
    }
    b.open("p;class=legend", &[]);
    for (class, words) in [
        ("key key-quote", "quotation"),
        ("key key-speaker", "speaker"),
        ("key key-scare", "scare quote"),
    ] {
        b.leaf("span;class=@", &[class], words);
    }
    b.close();
    b.open("div;class=article-body;role=region;aria-label=Article text with highlights;tabindex=0;data-roving=", &[]);
    let mut seen: Vec<&str> = Vec::new();
    for p in &vm.article {
        b.open("p", &[]);
        for run in &p.runs {
            if !run.is_marked() {
                b.text(&run.text);
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
            let class = class.join(" ");
            let mut attrs = String::from("mark;class=@");
            let mut values = vec![class.as_str()];
            if let Some(id) = &run.quote {
                attrs.push_str(";data-quote-id=@");
                values.push(id);
                // The first run of each quote is its keyboard stop.
                if !seen.contains(&id.as_str()) {
                    seen.push(id);
                    attrs.push_str(";data-item=;role=button;tabindex=-1");
                }
            }
            if let Some(id) = &run.speaker {
                attrs.push_str(";data-speaker-id=@");
                values.push(id);
            }
            b.leaf(&attrs, &values, &run.text);
        }
        b.close();
    }
    b.close();
    b.close();
}

/// All elements matching `selector` in `root`.
pub(crate) fn elements(root: &ShadowRoot, selector: &str) -> Result<Vec<Element>, JsValue> {
    let list = root.query_selector_all(selector)?;
    Ok((0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect_vec())
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
        .collect_vec();
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
