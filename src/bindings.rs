//! Every JavaScript export of the widget. The only module (with the DOM layer, `view/dom.rs`)
//! that knows about wasm-bindgen; it converts between JS values and the core's types and never
//! panics.
//!
//! This file is the root of its own crate, `relations-widget-web` (`crates/web`), built with
//! opt-level `"z"` (the workspace's `Cargo.toml`): the bindings, the view-model (this crate
//! compiles `src/view/` again) and the DOM layer run once per render or event, so they are
//! built for size, while the analysis in the core crate stays at `"s"` for speed. The wasm
//! module itself is `crates/wasm`, which only links this crate.
//!
//! Two ways in: the functions `analyze`, `mount`, `render` and `showError` (stateless), and
//! the class `Widget`, which the custom element creates once per element: it owns the
//! analysis, the view state (filters, selection) and one delegated listener per event type on
//! the shadow root; `free()` removes the listeners and releases their closures.

#![cfg(target_arch = "wasm32")]
#![forbid(unsafe_code)]
// Strings are sliced with `str::get`, never `&s[a..b]`: one indexing site is enough
// to pull the standard library's slice-error formatting (~3 KB gzipped) into the wasm module.
#![cfg_attr(not(test), deny(clippy::string_slice))]

#[path = "view/dom.rs"]
mod dom;
// The core's view-model, compiled here again so that it is built for size with the DOM layer.
// Some of its public items only serve the core's API and tests.
#[path = "view/mod.rs"]
#[allow(unreachable_pub)]
mod view;

/// The core's helpers that the view-model and the DOM layer name as `crate::lexicon::…`.
mod lexicon {
    pub(crate) use relations_widget::internal::{
        find_str, float_key, signed, sort_by_num, split_byte, CollectVec,
    };
}

/// The core's lower-casing, as the view-model names it (`crate::case::lower`).
mod case {
    pub(crate) use relations_widget::internal::lower;
}

use relations_widget::codec;
use relations_widget::{
    analyze, Actor, Analysis, InteractionClass, Options, Quote, QuoteKind, Speaker, SpeakerKind,
    StanceLabel, TimelineEvent,
};

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Blob, BlobPropertyBag, CustomEvent, CustomEventInit, Element, Event, HtmlElement,
    HtmlInputElement, HtmlSelectElement, KeyboardEvent, ScrollIntoViewOptions,
    ScrollLogicalPosition, ShadowRoot, Url,
};

use crate::dom::{RenderOptions, UiState};
use crate::lexicon::CollectVec;
use crate::view::{export, Facet, ViewModel};
use codec::ToJson;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = include_str!("analysis.d.ts");

/// The events the widget listens to, all delegated to the shadow root.
const EVENTS: [&str; 6] = [
    "click",
    "keydown",
    "input",
    "change",
    "focusin",
    "mouseover",
];

/// The event a selection dispatches on the host element.
pub const SELECT_EVENT: &str = "relations-widget:select";

/// Install the panic hook once, when the module is instantiated.
#[wasm_bindgen(start)]
pub fn start() {
    #[cfg(feature = "console_error_panic_hook")]
    console_error_panic_hook::set_once();
}

/// Analyse an article: returns the analysis object (offsets in UTF-16 code units).
#[wasm_bindgen(js_name = analyze, unchecked_return_type = "Analysis")]
pub fn analyze_js(
    text: &str,
    #[wasm_bindgen(unchecked_param_type = "AnalyzeOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    let (analysis, _) = run(text, options).map_err(|m| JsError::new(&m))?;
    to_js(&analysis)
}

/// Analyse an article and render the widget (without interaction) into `element`'s open
/// shadow root. Returns the analysis object; on failure the widget shows the error and the
/// call throws.
#[wasm_bindgen(js_name = mount, unchecked_return_type = "Analysis")]
pub fn mount_js(
    element: &Element,
    text: &str,
    #[wasm_bindgen(unchecked_param_type = "AnalyzeOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    match run(text, options) {
        Ok((analysis, options)) => {
            let vm = view::view_model(&analysis, text, &options);
            dom::render(element, &vm, RenderOptions::default()).map_err(dom_error)?;
            to_js(&analysis)
        }
        Err(message) => {
            dom::render_error(element, &message).map_err(dom_error)?;
            Err(JsError::new(&message))
        }
    }
}

/// Render a given analysis of `text` (one made earlier, by the CLI say) into `element`'s
/// shadow root, without interaction.
#[wasm_bindgen(js_name = render)]
pub fn render_js(
    element: &Element,
    #[wasm_bindgen(unchecked_param_type = "Analysis")] analysis: JsValue,
    text: &str,
    #[wasm_bindgen(unchecked_param_type = "AnalyzeOptions | undefined")] options: JsValue,
) -> Result<(), JsError> {
    let analysis = from_js(analysis)?;
    let options = parse_options(options).map_err(|m| JsError::new(&m))?;
    let vm = view::view_model(&analysis, text, &options);
    dom::render(element, &vm, RenderOptions::default()).map_err(dom_error)
}

/// Show a message (a fetch failure, say) inside the widget instead of an analysis.
#[wasm_bindgen(js_name = showError)]
pub fn show_error_js(element: &Element, message: &str) -> Result<(), JsError> {
    dom::render_error(element, message).map_err(dom_error)
}

/// What a widget holds between events.
struct State {
    host: Element,
    root: ShadowRoot,
    analysis: Option<Analysis>,
    vm: Option<ViewModel>,
    ui: UiState,
    host_article: bool,
    /// The actor-map edge whose evidence is shown.
    edge: Option<usize>,
    /// Callbacks of clipboard promises, released with the widget.
    callbacks: Vec<Closure<dyn FnMut(JsValue)>>,
}

/// One interactive widget bound to a host element's shadow root.
#[wasm_bindgen]
pub struct Widget {
    state: Rc<RefCell<State>>,
    root: ShadowRoot,
    listeners: Vec<(&'static str, Closure<dyn FnMut(Event)>)>,
}

#[wasm_bindgen]
impl Widget {
    /// Bind to `host` (its open shadow root is created if missing) and start listening.
    #[wasm_bindgen(constructor)]
    pub fn new(host: &Element) -> Result<Widget, JsError> {
        let root = dom::shadow_root(host).map_err(dom_error)?;
        let state = Rc::new(RefCell::new(State {
            host: host.clone(),
            root: root.clone(),
            analysis: None,
            vm: None,
            ui: UiState::default(),
            host_article: false,
            edge: None,
            callbacks: Vec::new(),
        }));
        let mut listeners = Vec::new();
        for ty in EVENTS {
            let weak = Rc::downgrade(&state);
            let closure = Closure::<dyn FnMut(Event)>::new(move |ev: Event| {
                if let Some(state) = weak.upgrade() {
                    handle(&state, &ev);
                }
            });
            root.add_event_listener_with_callback(ty, closure.as_ref().unchecked_ref())
                .map_err(dom_error)?;
            listeners.push((ty, closure));
        }
        Ok(Widget {
            state,
            root,
            listeners,
        })
    }

    /// The article is on the host page (`for`): the widget shows no article view of its own.
    #[wasm_bindgen(js_name = setHostArticle)]
    pub fn set_host_article(&self, on: bool) {
        if let Ok(mut s) = self.state.try_borrow_mut() {
            s.host_article = on;
        }
    }

    /// Analyse `text` and render it; returns the analysis object. On failure the widget shows
    /// the message and the call throws.
    #[wasm_bindgen(unchecked_return_type = "Analysis")]
    pub fn analyze(
        &self,
        text: &str,
        #[wasm_bindgen(unchecked_param_type = "AnalyzeOptions | undefined")] options: JsValue,
    ) -> Result<JsValue, JsError> {
        match run(text, options) {
            Ok((analysis, options)) => {
                let js = to_js(&analysis)?;
                self.show_analysis(analysis, text, &options)?;
                Ok(js)
            }
            Err(message) => {
                self.show_error(&message)?;
                Err(JsError::new(&message))
            }
        }
    }

    /// Render a given analysis of `text` (made earlier, by the CLI say).
    pub fn render(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Analysis")] analysis: JsValue,
        text: &str,
        #[wasm_bindgen(unchecked_param_type = "AnalyzeOptions | undefined")] options: JsValue,
    ) -> Result<(), JsError> {
        let analysis = from_js(analysis)?;
        let options = parse_options(options).map_err(|m| JsError::new(&m))?;
        self.show_analysis(analysis, text, &options)
    }

    /// Show a message inside the widget instead of an analysis.
    #[wasm_bindgen(js_name = showError)]
    pub fn show_error(&self, message: &str) -> Result<(), JsError> {
        let mut s = self.borrow()?;
        s.analysis = None;
        s.vm = None;
        s.ui = UiState::default();
        dom::render_error(&s.host, message).map_err(dom_error)
    }

    /// Select a quote by id (or clear the selection with null), as a click on its card does.
    pub fn select(&self, quote: Option<String>) -> Result<(), JsError> {
        let detail = {
            let mut s = self.borrow()?;
            select_quote(&mut s, quote.as_deref(), Scroll::Both).map_err(dom_error)?
        };
        self.dispatch(detail)
    }

    /// The quotes as CSV text (a header row, then one row per quote).
    pub fn csv(&self) -> Result<String, JsError> {
        let s = self.borrow()?;
        Ok(s.vm
            .as_ref()
            .map(|vm| export::quotes_csv(&vm.cards))
            .unwrap_or_default())
    }

    /// The current filters and selection, for tests and host pages:
    /// `{speaker, stance, kind, search, selected, visible}`.
    pub fn state(&self) -> Result<JsValue, JsError> {
        let s = self.borrow()?;
        let f = &s.ui.filter;
        let visible =
            s.vm.as_ref()
                .map(|vm| view::visible_ids(&vm.cards, f))
                .unwrap_or_default();
        let mut out = String::from("{");
        let mut first = true;
        for (name, value) in [
            ("speaker", f.speaker.as_deref()),
            ("stance", f.stance.as_deref()),
            ("kind", f.kind.as_deref()),
            ("search", Some(f.search.as_str())),
            ("selected", s.ui.selected.as_deref()),
        ] {
            codec::write_key(&mut out, &mut first, name);
            value.write(&mut out);
        }
        codec::write_key(&mut out, &mut first, "visible");
        visible.write(&mut out);
        out.push('}');
        js_sys::JSON::parse(&out).map_err(|_| JsError::new("cannot convert the view state"))
    }
}

impl Widget {
    fn borrow(&self) -> Result<std::cell::RefMut<'_, State>, JsError> {
        self.state
            .try_borrow_mut()
            .map_err(|_| JsError::new("the widget is busy (called from its own event handler)"))
    }

    fn show_analysis(
        &self,
        analysis: Analysis,
        text: &str,
        options: &Options,
    ) -> Result<(), JsError> {
        let mut s = self.borrow()?;
        let vm = view::view_model(&analysis, text, options);
        let opts = RenderOptions {
            host_article: s.host_article,
        };
        dom::render(&s.host, &vm, opts).map_err(dom_error)?;
        s.ui = UiState::default();
        s.edge = None;
        s.vm = Some(vm);
        s.analysis = Some(analysis);
        Ok(())
    }

    fn dispatch(&self, detail: Option<JsValue>) -> Result<(), JsError> {
        let host = self.borrow()?.host.clone();
        if let Some(d) = detail {
            emit(&host, &d).map_err(dom_error)?;
        }
        Ok(())
    }
}

impl Drop for Widget {
    fn drop(&mut self) {
        for (ty, closure) in &self.listeners {
            let _ = self
                .root
                .remove_event_listener_with_callback(ty, closure.as_ref().unchecked_ref());
        }
    }
}

/// Dispatch the select event (bubbling out of the shadow root) on the host.
fn emit(host: &Element, detail: &JsValue) -> Result<(), JsValue> {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    let ev = CustomEvent::new_with_event_init_dict(SELECT_EVENT, &init)?;
    host.dispatch_event(&ev)?;
    Ok(())
}

/// Which views to scroll to the selection.
#[derive(Clone, Copy, PartialEq)]
enum Scroll {
    /// The article only (a card was clicked).
    Article,
    /// The card only (an article highlight was clicked).
    Card,
    /// Both (selected from script).
    Both,
}

/// Select `id` (None clears); returns the select event's detail.
fn select_quote(
    s: &mut State,
    id: Option<&str>,
    scroll: Scroll,
) -> Result<Option<JsValue>, JsValue> {
    let (Some(vm), Some(analysis)) = (&s.vm, &s.analysis) else {
        return Ok(None);
    };
    let quote = id.and_then(|id| analysis.quotes.iter().find(|q| q.id == id));
    if id.is_some() && quote.is_none() {
        return Ok(None);
    }
    s.ui.selected = quote.map(|q| q.id.clone());
    // A selected card hidden by the filters would be invisible: clear the filters.
    if let Some(q) = quote {
        if !view::visible_ids(&vm.cards, &s.ui.filter).contains(&q.id.as_str()) {
            s.ui.filter = view::Filter::default();
        }
    }
    dom::apply(&s.root, vm, &s.ui)?;
    if let Some(q) = quote {
        if scroll != Scroll::Card {
            if let Some(m) = s
                .root
                .query_selector(&format!("mark[data-quote-id=\"{}\"]", css_escape(&q.id)))?
            {
                scroll_into_view(&m);
            }
        }
        if scroll != Scroll::Article {
            if let Some(c) = s
                .root
                .query_selector(&format!(".card[data-quote-id=\"{}\"]", css_escape(&q.id)))?
            {
                scroll_into_view(&c);
            }
        }
    }
    let speaker = quote
        .and_then(|q| q.speaker.as_ref())
        .and_then(|sid| analysis.speakers.iter().find(|sp| &sp.id == sid));
    select_detail(quote, speaker).map(Some)
}

/// `{quote, speaker}`: the selected quote and its speaker, or a speaker alone, or nulls.
fn select_detail(quote: Option<&Quote>, speaker: Option<&Speaker>) -> Result<JsValue, JsValue> {
    let mut out = String::from("{");
    let mut first = true;
    codec::write_key(&mut out, &mut first, "quote");
    quote.write(&mut out);
    codec::write_key(&mut out, &mut first, "speaker");
    speaker.write(&mut out);
    out.push('}');
    js_sys::JSON::parse(&out)
}

/// Ids are the analysis's own (`q1`), but never trust them inside a selector.
fn css_escape(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

fn scroll_into_view(e: &Element) {
    let opts = ScrollIntoViewOptions::new();
    opts.set_block(ScrollLogicalPosition::Nearest);
    opts.set_inline(ScrollLogicalPosition::Nearest);
    e.scroll_into_view_with_scroll_into_view_options(&opts);
}

/// The one delegated handler: decide under the borrow, dispatch events after it.
fn handle(state: &Rc<RefCell<State>>, ev: &Event) {
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    let (detail, host) = {
        let Ok(mut s) = state.try_borrow_mut() else {
            return;
        };
        if s.vm.is_none() {
            return;
        }
        let detail = match ev.type_().as_str() {
            "click" => on_click(&mut s, &target),
            "keydown" => match ev.dyn_ref::<KeyboardEvent>() {
                Some(k) => on_key(&mut s, &target, k),
                None => Ok(None),
            },
            "input" | "change" => on_filter(&mut s, &target).map(|_| None),
            "focusin" | "mouseover" => on_edge(&mut s, &target).map(|_| None),
            _ => Ok(None),
        };
        (detail, s.host.clone())
    };
    match detail {
        Ok(Some(d)) => {
            let _ = emit(&host, &d);
        }
        Ok(None) => {}
        Err(e) => web_sys::console::error_1(&e),
    }
}

fn closest(e: &Element, selector: &str) -> Option<Element> {
    e.closest(selector).ok().flatten()
}

fn on_click(s: &mut State, target: &Element) -> Result<Option<JsValue>, JsValue> {
    if let Some(b) = closest(target, "[data-action]") {
        match b.get_attribute("data-action").as_deref() {
            Some("copy-json") => copy_json(s)?,
            Some("download-csv") => download_csv(s)?,
            _ => {}
        }
        return Ok(None);
    }
    if let Some(card) = closest(target, ".card") {
        let id = card.get_attribute("data-quote-id");
        return select_quote(s, id.as_deref(), Scroll::Article);
    }
    if let Some(m) = closest(target, "mark[data-quote-id]") {
        let id = m.get_attribute("data-quote-id");
        return select_quote(s, id.as_deref(), Scroll::Card);
    }
    if let Some(q) = closest(target, "[data-quote-ref]") {
        let id = q.get_attribute("data-quote-ref");
        return select_quote(s, id.as_deref(), Scroll::Both);
    }
    if let Some(v) = closest(target, ".voice") {
        let id = v.get_attribute("data-speaker-id").unwrap_or_default();
        return toggle_speaker(s, &id);
    }
    if let Some(e) = closest(target, ".edge") {
        return on_edge(s, &e).map(|_| None);
    }
    Ok(None)
}

/// Selecting a voice filters the cards by it; selecting it again clears that filter.
fn toggle_speaker(s: &mut State, id: &str) -> Result<Option<JsValue>, JsValue> {
    let Some(vm) = &s.vm else { return Ok(None) };
    let on = s.ui.filter.speaker.as_deref() != Some(id);
    s.ui.filter.set(Facet::Speaker, if on { id } else { "" });
    s.ui.selected = None;
    dom::apply(&s.root, vm, &s.ui)?;
    let speaker = s
        .analysis
        .as_ref()
        .and_then(|a| a.speakers.iter().find(|sp| sp.id == id && on));
    select_detail(None, speaker).map(Some)
}

fn on_key(s: &mut State, target: &Element, k: &KeyboardEvent) -> Result<Option<JsValue>, JsValue> {
    let key = k.key();
    if key == "Escape" {
        let Some(vm) = &s.vm else { return Ok(None) };
        if s.ui.selected.is_some() {
            s.ui.selected = None;
        } else if !s.ui.filter.is_empty() {
            s.ui.filter = view::Filter::default();
        } else {
            return Ok(None);
        }
        k.prevent_default();
        dom::apply(&s.root, vm, &s.ui)?;
        return select_detail(None, None).map(Some);
    }
    let Some(item) = closest(target, "[data-item]") else {
        return Ok(None);
    };
    if !item.is_same_node(Some(target)) {
        return Ok(None);
    }
    let Some(list) = closest(&item, "[data-roving]") else {
        return Ok(None);
    };
    if key == "Enter" || key == " " {
        k.prevent_default();
        return on_click(s, &item);
    }
    let items: Vec<Element> = dom::elements(&s.root, "[data-item]")?
        .into_iter()
        .filter(|e| {
            closest(e, "[data-roving]").is_some_and(|l| l.is_same_node(Some(&list)))
                && !e.has_attribute("hidden")
        })
        .collect_vec();
    let Some(at) = items.iter().position(|e| e.is_same_node(Some(&item))) else {
        return Ok(None);
    };
    let next = match key.as_str() {
        "ArrowDown" | "ArrowRight" => (at + 1).min(items.len() - 1),
        "ArrowUp" | "ArrowLeft" => at.saturating_sub(1),
        "Home" => 0,
        "End" => items.len() - 1,
        _ => return Ok(None),
    };
    k.prevent_default();
    for e in &items {
        e.set_attribute("tabindex", "-1")?;
    }
    items[next].set_attribute("tabindex", "0")?;
    // Every item is an HTML or SVG element (the widget made them), and both have `focus()`:
    // the binding calls it by name, whichever it is.
    items[next].unchecked_ref::<HtmlElement>().focus()?;
    Ok(None)
}

fn on_filter(s: &mut State, target: &Element) -> Result<(), JsValue> {
    let Some(vm) = &s.vm else { return Ok(()) };
    match target.get_attribute("data-filter").as_deref() {
        Some("search") => {
            if let Some(i) = target.dyn_ref::<HtmlInputElement>() {
                s.ui.filter.search = i.value();
            }
        }
        Some(name) => {
            let facet = match name {
                "speaker" => Facet::Speaker,
                "stance" => Facet::Stance,
                "kind" => Facet::Kind,
                _ => return Ok(()),
            };
            if let Some(sel) = target.dyn_ref::<HtmlSelectElement>() {
                s.ui.filter.set(facet, &sel.value());
            }
        }
        None => return Ok(()),
    }
    dom::apply(&s.root, vm, &s.ui)
}

fn on_edge(s: &mut State, target: &Element) -> Result<(), JsValue> {
    let Some(edge) = closest(target, ".edge") else {
        return Ok(());
    };
    let Some(index) = edge
        .get_attribute("data-edge")
        .and_then(|i| i.parse::<usize>().ok())
    else {
        return Ok(());
    };
    if s.edge == Some(index) {
        return Ok(());
    }
    s.edge = Some(index);
    let Some(vm) = &s.vm else { return Ok(()) };
    dom::show_edge(&s.root, vm, index)
}

fn status(s: &State, message: &str) {
    if let Ok(Some(el)) = s.root.query_selector(".status") {
        el.set_text_content(Some(message));
    }
}

fn copy_json(s: &mut State) -> Result<(), JsValue> {
    let Some(analysis) = &s.analysis else {
        return Ok(());
    };
    // JSON.stringify keeps serde_json out of the wasm module.
    let value = to_js(analysis).map_err(JsValue::from)?;
    let json: String =
        js_sys::JSON::stringify_with_replacer_and_space(&value, &JsValue::NULL, &JsValue::from(2))?
            .into();
    // The host's window (rather than `web_sys::window()`, which pulls in the lookup of
    // JavaScript's global object).
    let window = s
        .host
        .owner_document()
        .and_then(|d| d.default_view())
        .ok_or("no window")?;
    let promise = window.navigator().clipboard().write_text(&json);
    let root = s.root.clone();
    let ok = Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| {
        if let Ok(Some(el)) = root.query_selector(".status") {
            el.set_text_content(Some("Analysis copied as JSON."));
        }
    });
    let root = s.root.clone();
    let failed = Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| {
        if let Ok(Some(el)) = root.query_selector(".status") {
            el.set_text_content(Some("The browser did not allow copying."));
        }
    });
    let _ = promise.then2(&ok, &failed);
    // Kept until the widget is freed: a promise may settle after the next click.
    s.callbacks.push(ok);
    s.callbacks.push(failed);
    status(s, "Copying…");
    Ok(())
}

fn download_csv(s: &State) -> Result<(), JsValue> {
    let Some(vm) = &s.vm else { return Ok(()) };
    let csv = export::quotes_csv(&vm.cards);
    let parts = js_sys::Array::of1(&JsValue::from_str(&csv));
    let props = BlobPropertyBag::new();
    props.set_type("text/csv;charset=utf-8");
    let blob = Blob::new_with_str_sequence_and_options(&parts, &props)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let doc = s.host.owner_document().ok_or("no document")?;
    // `createElement("a")` makes an anchor.
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download("quotes.csv");
    a.click();
    Url::revoke_object_url(&url)?;
    status(
        s,
        &format!(
            "{} quotation{} saved as CSV.",
            vm.cards.len(),
            view::plural(vm.cards.len())
        ),
    );
    Ok(())
}

fn parse_options(options: JsValue) -> Result<Options, String> {
    if options.is_undefined() || options.is_null() {
        Ok(Options::default())
    } else {
        codec::options(&value(&options)).map_err(|e| format!("invalid options: {e}"))
    }
}

/// Parse the options and analyse; errors come back as the message to show.
fn run(text: &str, options: JsValue) -> Result<(Analysis, Options), String> {
    let options = parse_options(options)?;
    let analysis = analyze(text, &options).map_err(|e| e.to_string())?;
    Ok((analysis, options))
}

fn from_js(analysis: JsValue) -> Result<Analysis, JsError> {
    codec::from_value(&value(&analysis))
        .map_err(|e| JsError::new(&format!("not an analysis object: {e}")))
}

/// A JS value in the codec's JSON data model. `undefined` reads as null, and an object field
/// holding it as absent; anything else that is not JSON (a function, a symbol) reads as null.
fn value(v: &JsValue) -> codec::Value {
    use codec::Value;
    if let Some(s) = v.as_string() {
        Value::Str(s)
    } else if let Some(n) = v.as_f64() {
        Value::Num(n)
    } else if let Some(b) = v.as_bool() {
        Value::Bool(b)
    } else if js_sys::Array::is_array(v) {
        Value::Arr(
            js_sys::Array::from(v)
                .iter()
                .map(|x| value(&x))
                .collect_vec(),
        )
    } else if v.is_object() && !v.is_function() {
        let entries = js_sys::Object::entries(v.unchecked_ref());
        Value::Obj(
            entries
                .iter()
                .filter_map(|e| {
                    let e: js_sys::Array = e.unchecked_into();
                    let (k, x) = (e.get(0).as_string()?, e.get(1));
                    (!x.is_undefined()).then(|| (k, value(&x)))
                })
                .collect_vec(),
        )
    } else {
        Value::Null
    }
}

/// The analysis as a plain JS object. One JSON text and one `JSON.parse` beat building the
/// object field by field across the boundary several times over, for the same result: absent
/// values are `null`, as in the CLI's JSON (see README, benchmarks).
fn to_js(analysis: &Analysis) -> Result<JsValue, JsError> {
    js_sys::JSON::parse(&codec::to_json(analysis))
        .map_err(|_| JsError::new("cannot convert the analysis"))
}

fn dom_error(e: JsValue) -> JsError {
    JsError::new(&format!(
        "cannot render the widget: {}",
        e.as_string()
            .or_else(|| e
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message())))
            .unwrap_or_else(|| "unknown error".into())
    ))
}
