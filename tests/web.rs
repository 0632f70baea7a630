//! The boundary and the DOM, in a real browser: `wasm-pack test --headless --chrome`.
#![cfg(target_arch = "wasm32")]

use relations_widget::{analyze, Analysis, Options};
use relations_widget_web::{analyze_js, mount_js, render_js, Widget};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = include_str!("../www/seed-article.txt");
const FIXTURE_TEXT: &str = include_str!("fixtures/widget-article.txt");
const FIXTURE_JSON: &str = include_str!("fixtures/widget-analysis.json");

/// Round-trip a JS value through JSON.stringify into the Rust model.
fn from_js(v: &JsValue) -> Analysis {
    let json: String = js_sys::JSON::stringify(v).unwrap().into();
    serde_json::from_str(&json).unwrap()
}

#[wasm_bindgen_test]
fn analyze_across_the_boundary_equals_native() {
    let js = analyze_js(SEED, JsValue::UNDEFINED).unwrap();
    let native = analyze(SEED, &Options::new()).unwrap();
    assert_eq!(from_js(&js), native);
    // Absent values are null (not undefined), as in the CLI's JSON.
    let byline = js_sys::Reflect::get(&js, &"byline".into()).unwrap();
    assert!(byline.is_null() || byline.is_object());
}

#[wasm_bindgen_test]
fn analyze_offsets_slice_the_js_string() {
    let text = "Emoji 😀 first. “Quote with ‘nested’ 中文,” she said.";
    let js = analyze_js(text, JsValue::UNDEFINED).unwrap();
    let quotes = js_sys::Reflect::get(&js, &"quotes".into()).unwrap();
    let q = js_sys::Reflect::get(&quotes, &0.into()).unwrap();
    let start = js_sys::Reflect::get(&q, &"start".into())
        .unwrap()
        .as_f64()
        .unwrap() as u32;
    let end = js_sys::Reflect::get(&q, &"end".into())
        .unwrap()
        .as_f64()
        .unwrap() as u32;
    let sliced: String = js_sys::JsString::from(text).slice(start, end).into();
    assert_eq!(sliced, "Quote with ‘nested’ 中文,");
}

#[wasm_bindgen_test]
fn analyze_errors_are_thrown_not_panics() {
    assert!(analyze_js("   ", JsValue::UNDEFINED).is_err());
    let bad = js_sys::JSON::parse(r#"{"date":"not a date"}"#).unwrap();
    assert!(analyze_js("Some text.", bad).is_err());
    let small = js_sys::JSON::parse(r#"{"maxInputBytes":4}"#).unwrap();
    assert!(analyze_js("Longer than four bytes.", small).is_err());
}

/// Issue 3's seed expectations hold across the boundary: every direct quote with its speaker,
/// the partial quote, the scare quotes and the byline.
#[wasm_bindgen_test]
fn seed_quotes_and_speakers_across_the_boundary() {
    let a = from_js(&analyze_js(SEED, JsValue::UNDEFINED).unwrap());
    let name = |q: &relations_widget::Quote| {
        q.speaker
            .as_ref()
            .and_then(|id| a.speakers.iter().find(|s| &s.id == id))
            .map(|s| s.name.clone())
    };
    let direct: Vec<(String, Option<String>)> = a
        .quotes
        .iter()
        .filter(|q| q.kind == relations_widget::QuoteKind::Direct)
        .map(|q| (q.text.chars().take(12).collect(), name(q)))
        .collect();
    let want = [
        ("For their ti", "Yoo Ho-yeol"),
        ("The prime st", "Yoo Ho-yeol"),
        ("Some backbon", "National Defense Commission"),
        ("It seems tha", "Lee Seok-hyun"),
        ("With North K", "Yoo Ho-yeol"),
        ("China would ", "Yoo Ho-yeol"),
        ("Aside from t", "Kim Keun-sik"),
        ("Despite the ", "Kim Keun-sik"),
    ];
    let want: Vec<(String, Option<String>)> = want
        .iter()
        .map(|(t, s)| (t.to_string(), Some(s.to_string())))
        .collect();
    assert_eq!(direct, want);
    let partial: Vec<&str> = a
        .quotes
        .iter()
        .filter(|q| q.kind == relations_widget::QuoteKind::Partial)
        .map(|q| q.text.as_str())
        .collect();
    assert_eq!(partial, ["lacking backbone"]);
    let scare: Vec<&str> = a.scare_quotes.iter().map(|s| s.text.as_str()).collect();
    assert!(scare.contains(&"blood alliance") && scare.contains(&"abandon"));
    assert_eq!(a.byline.map(|b| b.author).as_deref(), Some("Shin Hyon-hee"));
}

fn host() -> web_sys::Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let el = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el
}

#[wasm_bindgen_test]
fn mount_renders_one_card_per_quote() {
    let el = host();
    let js = mount_js(&el, SEED, JsValue::UNDEFINED).unwrap();
    let analysis = from_js(&js);
    let root = el.shadow_root().expect("an open shadow root");
    let cards = root.query_selector_all("[part=quote]").unwrap();
    assert_eq!(cards.length() as usize, analysis.quotes.len());
    assert!(cards.length() > 0);
    let first = cards.item(0).unwrap().text_content().unwrap();
    assert!(first.contains(&analysis.quotes[0].text));
    let header = root
        .query_selector("h2")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(
        header.contains("China") && header.contains("North Korea"),
        "{header}"
    );
}

#[wasm_bindgen_test]
fn mount_sets_article_text_as_text() {
    let el = host();
    mount_js(
        &el,
        "“<img src=x onerror=alert(1)> <b>bold</b>,” he said.",
        JsValue::UNDEFINED,
    )
    .unwrap();
    let root = el.shadow_root().unwrap();
    assert!(root.query_selector("img").unwrap().is_none());
    assert!(root.query_selector("b").unwrap().is_none());
    let card = root
        .query_selector("[part=quote] blockquote")
        .unwrap()
        .unwrap();
    assert_eq!(
        card.text_content().unwrap(),
        "<img src=x onerror=alert(1)> <b>bold</b>,"
    );
}

#[wasm_bindgen_test]
fn mount_shows_errors_inside_the_widget() {
    let el = host();
    assert!(mount_js(&el, "", JsValue::UNDEFINED).is_err());
    let root = el.shadow_root().unwrap();
    let alert = root.query_selector("[role=alert]").unwrap().unwrap();
    assert!(!alert.text_content().unwrap().trim().is_empty());
    assert!(alert.text_content().unwrap().contains("empty"));
    // Mounting again replaces the message.
    mount_js(&el, "“Fine,” he said.", JsValue::UNDEFINED).unwrap();
    assert!(root.query_selector("[role=alert]").unwrap().is_none());
    let _ = root.dyn_ref::<web_sys::Node>();
}

fn fixture_js() -> JsValue {
    js_sys::JSON::parse(FIXTURE_JSON).unwrap()
}

fn count(root: &web_sys::ShadowRoot, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

fn visible_cards(root: &web_sys::ShadowRoot) -> Vec<String> {
    let list = root
        .query_selector_all("[part=quote]:not([hidden])")
        .unwrap();
    (0..list.length())
        .map(|i| {
            let e: web_sys::Element = list.item(i).unwrap().dyn_into().unwrap();
            e.get_attribute("data-quote-id").unwrap()
        })
        .collect()
}

fn text_of(root: &web_sys::ShadowRoot, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .text_content()
        .unwrap()
}

#[wasm_bindgen_test]
fn render_builds_every_view_of_the_fixture() {
    let el = host();
    render_js(&el, fixture_js(), FIXTURE_TEXT, JsValue::UNDEFINED).unwrap();
    let root = el.shadow_root().unwrap();
    // Every documented part is present.
    for part in [
        "gauge", "quote", "speaker", "graph", "timeline", "article", "filter", "header", "evidence",
    ] {
        assert!(
            count(&root, &format!("[part~={part}]")) > 0,
            "part {part} missing"
        );
    }
    // One part=quote per quote, one part=speaker per voice.
    assert_eq!(count(&root, "[part=quote]"), 6);
    assert_eq!(count(&root, "[part=speaker]"), 4);
    assert_eq!(text_of(&root, "h2"), "Arland – Belmora");
    assert_eq!(text_of(&root, ".summary"), "6 quotations from 4 voices");
    assert_eq!(text_of(&root, ".count"), "6 quotations");
    // The gauge tells the verdict in words, not only colour.
    let meter = root.query_selector("[role=meter]").unwrap().unwrap();
    assert_eq!(meter.get_attribute("aria-valuenow").unwrap(), "-0.25");
    assert_eq!(text_of(&root, ".verdict .chip"), "Mixed \u{2212}0.25");
    assert_eq!(count(&root, ".evidence li"), 6);
    // Cards: kind, stance chip in words, speaker, cue words marked inside the quote.
    let first = "[part=quote][data-quote-id=q1]";
    assert_eq!(text_of(&root, &format!("{first} .kind")), "Direct quote");
    assert_eq!(text_of(&root, &format!("{first} .chip")), "Cordial +0.80");
    assert_eq!(text_of(&root, &format!("{first} .name")), "Tomas Varga");
    assert_eq!(
        text_of(&root, &format!("{first} mark.cue")),
        "bring our peoples closer"
    );
    assert_eq!(
        text_of(&root, &format!("{first} blockquote")),
        "This railway will bring our peoples closer than ever,"
    );
    assert_eq!(
        text_of(&root, "[part=quote][data-quote-id=q2] .kind"),
        "Reported speech"
    );
    // Voices: count and average stance.
    let renner = "[part=speaker][data-speaker-id=s3]";
    assert_eq!(text_of(&root, &format!("{renner} .n")), "2 quotes");
    assert_eq!(
        text_of(&root, &format!("{renner} .chip")),
        "avg. Strained \u{2212}0.65"
    );
    // Actor map: 3 actors, 4 directed edges labelled in words.
    assert_eq!(count(&root, "[part=graph] .node"), 3);
    assert_eq!(count(&root, "[part=graph] .edge"), 4);
    let edge = root.query_selector(".edge").unwrap().unwrap();
    assert_eq!(
        edge.get_attribute("aria-label").unwrap(),
        "+1 \u{2212}2 Arland → Belmora: 1 cooperation, 2 conflict"
    );
    // Timeline: 4 events in date order, the approximate one marked.
    assert_eq!(count(&root, ".events li"), 4);
    assert_eq!(text_of(&root, ".events li:first-child time"), "1961–1962");
    assert_eq!(count(&root, ".events li[data-approximate=true]"), 1);
    assert_eq!(count(&root, ".axis .event.approximate"), 1);
    // Article: one paragraph per analysis paragraph; quotes, speakers, scare quote marked.
    assert_eq!(count(&root, ".article-body p"), 13);
    assert_eq!(count(&root, "mark[data-quote-id][data-item]"), 6);
    assert_eq!(text_of(&root, "mark.scare"), "Friendship Line");
    assert!(count(&root, "mark.speaker") >= 5);
    // No style attribute anywhere (the page may forbid inline styles).
    assert_eq!(count(&root, "[style]"), 0);
}

#[wasm_bindgen_test]
fn render_sets_untrusted_text_as_text() {
    let el = host();
    let mut a: serde_json::Value = serde_json::from_str(FIXTURE_JSON).unwrap();
    a["speakers"][0]["name"] = "<img src=x onerror=alert(1)>".into();
    a["relations"][0]["explanation"] = "<script>alert(1)</script>".into();
    let js = js_sys::JSON::parse(&a.to_string()).unwrap();
    render_js(&el, js, FIXTURE_TEXT, JsValue::UNDEFINED).unwrap();
    let root = el.shadow_root().unwrap();
    assert_eq!(count(&root, "img, script"), 0);
    assert_eq!(
        text_of(&root, "[data-quote-id=q1] .name"),
        "<img src=x onerror=alert(1)>"
    );
    assert_eq!(text_of(&root, ".explanation"), "<script>alert(1)</script>");
}

#[wasm_bindgen_test]
fn empty_fields_show_empty_states_not_blanks() {
    let el = host();
    mount_js(&el, "“Fine,” he said.", JsValue::UNDEFINED).unwrap();
    let root = el.shadow_root().unwrap();
    for part in ["gauge", "graph", "timeline", "voices"] {
        let note = text_of(&root, &format!("[part~={part}] .empty"));
        assert!(!note.is_empty(), "{part}");
    }
    assert_eq!(count(&root, "[part=quote]"), 1);
}

fn fire(target: &web_sys::Element, ty: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    let ev = web_sys::Event::new_with_event_init_dict(ty, &init).unwrap();
    target.dispatch_event(&ev).unwrap();
}

fn key(target: &web_sys::Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_key(key);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&ev).unwrap();
}

fn click(root: &web_sys::ShadowRoot, selector: &str) {
    let e = root.query_selector(selector).unwrap().unwrap();
    e.dyn_ref::<web_sys::HtmlElement>().unwrap().click();
}

/// Records the detail of every `relations-widget:select` event on `el`.
fn record_selects(el: &web_sys::Element) -> std::rc::Rc<std::cell::RefCell<Vec<JsValue>>> {
    let seen = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let sink = seen.clone();
    let cb = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::CustomEvent)>::new(
        move |e: web_sys::CustomEvent| sink.borrow_mut().push(e.detail()),
    );
    el.add_event_listener_with_callback("relations-widget:select", cb.as_ref().unchecked_ref())
        .unwrap();
    cb.forget();
    seen
}

fn quote_id(detail: &JsValue) -> Option<String> {
    let q = js_sys::Reflect::get(detail, &"quote".into()).unwrap();
    if q.is_null() {
        return None;
    }
    js_sys::Reflect::get(&q, &"id".into()).unwrap().as_string()
}

#[wasm_bindgen_test]
fn widget_filters_selects_and_releases_its_listeners() {
    let el = host();
    let w = Widget::new(&el).unwrap();
    w.render(fixture_js(), FIXTURE_TEXT, JsValue::UNDEFINED)
        .unwrap();
    let root = el.shadow_root().unwrap();
    let seen = record_selects(&el);

    // A speaker filter leaves only that speaker's cards; the count and the options update.
    let sel: web_sys::HtmlSelectElement = root
        .query_selector("select[data-filter=speaker]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    sel.set_value("s3");
    fire(&sel, "change");
    assert_eq!(visible_cards(&root), ["q4", "q5"]);
    assert_eq!(
        count(&root, "[part=quote]"),
        2,
        "one part=quote per visible card"
    );
    assert_eq!(count(&root, ".card[hidden]"), 4);
    assert_eq!(text_of(&root, ".count"), "Showing 2 of 6 quotations");
    assert_eq!(
        text_of(&root, "select[data-filter=kind] option[value=direct]"),
        "Direct quote (1)"
    );
    // Selecting a voice filters by it; selecting it again clears.
    click(&root, "[part=speaker][data-speaker-id=s2]");
    assert_eq!(visible_cards(&root), ["q2", "q3"]);
    assert_eq!(sel.value(), "s2");
    click(&root, "[part=speaker][data-speaker-id=s2]");
    assert_eq!(visible_cards(&root).len(), 6);

    // Clicking a card selects it, marks its span in the article and tells the page.
    click(&root, "[part=quote][data-quote-id=q5]");
    let card = root
        .query_selector("[part=quote][data-quote-id=q5]")
        .unwrap()
        .unwrap();
    assert_eq!(card.get_attribute("aria-selected").unwrap(), "true");
    let marked = root.query_selector_all("mark.selected").unwrap();
    assert!(marked.length() >= 1);
    let joined: String = (0..marked.length())
        .map(|i| marked.item(i).unwrap().text_content().unwrap())
        .collect();
    assert!(joined.starts_with("The fishing dispute"), "{joined}");
    assert_eq!(
        quote_id(seen.borrow().last().unwrap()).as_deref(),
        Some("q5")
    );

    // Clicking a highlight in the article selects its card.
    click(&root, "mark[data-quote-id=q1]");
    assert_eq!(
        root.query_selector("[aria-selected=true][part=quote]")
            .unwrap()
            .unwrap()
            .get_attribute("data-quote-id")
            .unwrap(),
        "q1"
    );

    // Arrow keys move within the list; Enter selects; Escape clears.
    let q1: web_sys::Element = root
        .query_selector("[part=quote][data-quote-id=q1]")
        .unwrap()
        .unwrap();
    key(&q1, "ArrowDown");
    let q2 = root
        .query_selector("[part=quote][data-quote-id=q2]")
        .unwrap()
        .unwrap();
    assert_eq!(q2.get_attribute("tabindex").unwrap(), "0");
    assert_eq!(q1.get_attribute("tabindex").unwrap(), "-1");
    key(&q2, "Enter");
    assert_eq!(
        quote_id(seen.borrow().last().unwrap()).as_deref(),
        Some("q2")
    );
    key(&q2, "Escape");
    assert_eq!(count(&root, "[aria-selected=true]"), 0);
    assert_eq!(quote_id(seen.borrow().last().unwrap()), None);

    // Search narrows live.
    let search: web_sys::HtmlInputElement = root
        .query_selector("input[data-filter=search]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    search.set_value("neighbour");
    fire(&search, "input");
    assert_eq!(visible_cards(&root), ["q6"]);
    key(&search, "Escape");
    assert_eq!(visible_cards(&root).len(), 6);
    assert_eq!(search.value(), "");

    // CSV export: a header and one row per quote.
    assert_eq!(w.csv().unwrap().lines().count(), 7);

    // Freed, the widget no longer answers clicks.
    let before = seen.borrow().len();
    drop(w);
    click(&root, "[part=quote][data-quote-id=q3]");
    assert_eq!(seen.borrow().len(), before);
    assert_eq!(
        root.query_selector("[part=quote][data-quote-id=q3]")
            .unwrap()
            .unwrap()
            .get_attribute("aria-selected")
            .unwrap(),
        "false"
    );
}

#[wasm_bindgen_test]
fn two_widgets_are_independent() {
    let (a, b) = (host(), host());
    let wa = Widget::new(&a).unwrap();
    let wb = Widget::new(&b).unwrap();
    wa.render(fixture_js(), FIXTURE_TEXT, JsValue::UNDEFINED)
        .unwrap();
    wb.render(fixture_js(), FIXTURE_TEXT, JsValue::UNDEFINED)
        .unwrap();
    let (ra, rb) = (a.shadow_root().unwrap(), b.shadow_root().unwrap());
    click(&ra, "[part=speaker][data-speaker-id=s1]");
    assert_eq!(visible_cards(&ra), ["q1"]);
    assert_eq!(visible_cards(&rb).len(), 6);
    assert!(wb.analyze("", JsValue::UNDEFINED).is_err());
    assert_eq!(count(&rb, "[role=alert]"), 1);
    assert_eq!(count(&ra, "[role=alert]"), 0);
}

/// Read one property of a JS object.
fn prop(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &key.into()).unwrap()
}

#[wasm_bindgen_test]
fn seed_focus_relation_is_strained_across_the_boundary() {
    let js = analyze_js(SEED, JsValue::UNDEFINED).unwrap();
    let focus: Vec<String> = js_sys::Array::from(&prop(&js, "focus"))
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    assert_eq!(focus, ["CHN", "PRK"]);
    let relation = prop(&prop(&js, "relations"), "0");
    assert_eq!(
        prop(&relation, "label").as_string().as_deref(),
        Some("strained")
    );
    let pair = js_sys::Array::from(&prop(&relation, "pair"));
    assert_eq!(pair.get(0).as_string().as_deref(), Some("CHN"));
    // Every timeline entry's date words slice the JS string.
    let timeline = js_sys::Array::from(&prop(&js, "timeline"));
    assert!(timeline.length() > 0);
    for t in timeline.iter() {
        let when = prop(&t, "when");
        let (s, e) = (
            prop(&when, "start").as_f64().unwrap(),
            prop(&when, "end").as_f64().unwrap(),
        );
        let words: String = js_sys::JsString::from(SEED)
            .slice(s as u32, e as u32)
            .into();
        assert!(!words.is_empty());
    }
}

/// Quote spans of a JS analysis object: `(start, end, text)`.
fn js_quote_spans(analysis: &JsValue) -> Vec<(u32, u32, String)> {
    let get = |v: &JsValue, k: &str| js_sys::Reflect::get(v, &k.into()).unwrap();
    let quotes: js_sys::Array = get(analysis, "quotes").dyn_into().unwrap();
    quotes
        .iter()
        .map(|q| {
            (
                get(&q, "start").as_f64().unwrap() as u32,
                get(&q, "end").as_f64().unwrap() as u32,
                get(&q, "text").as_string().unwrap(),
            )
        })
        .collect()
}

#[wasm_bindgen_test]
fn lone_surrogates_from_javascript_keep_offsets_aligned() {
    // JavaScript strings may hold unpaired surrogates; crossing into Rust each becomes one
    // U+FFFD, which is also one UTF-16 unit, so offsets still index the caller's string.
    let cases: &[&[u16]] = &[
        // \uD800“a\uDC00b,” he said \uDFFF
        &[
            0xD800, 0x201C, 0x61, 0xDC00, 0x62, 0x2C, 0x201D, 0x20, 0x68, 0x65, 0x20, 0x73, 0x61,
            0x69, 0x64, 0x20, 0xDFFF,
        ],
        // “\uDBFF” then “x\uD83D” then a real pair 😀 and “y”
        &[
            0x201C, 0xDBFF, 0x201D, 0x20, 0x201C, 0x78, 0xD83D, 0x201D, 0x20, 0xD83D, 0xDE00, 0x20,
            0x201C, 0x79, 0x201D,
        ],
        // Only lone surrogates and marks.
        &[0xDC00, 0xD800, 0x22, 0xDFFF, 0x22, 0xD800],
    ];
    for units in cases {
        let js = js_sys::JsString::from_char_code(units);
        assert!(!js.is_valid_utf16());
        let text = js.as_string().expect("a string");
        assert_eq!(text.encode_utf16().count(), units.len());
        let analysis = analyze_js(&text, JsValue::UNDEFINED).expect("analyses");
        for (start, end, quote) in js_quote_spans(&analysis) {
            let (s, e) = (start as usize, end as usize);
            assert!(s <= e && e <= units.len(), "{s}..{e} of {}", units.len());
            assert_eq!(String::from_utf16_lossy(&units[s..e]), quote);
        }
    }
}

#[wasm_bindgen_test]
fn the_input_cap_is_an_option_with_a_clear_message() {
    let small = js_sys::JSON::parse(r#"{"maxInputBytes":8}"#).unwrap();
    let err = JsValue::from(analyze_js("“Nine bytes,” and more", small).unwrap_err());
    let message = js_sys::Reflect::get(&err, &"message".into())
        .unwrap()
        .as_string()
        .unwrap();
    assert!(message.contains("too large"), "{message}");
    assert!(message.contains("maxInputBytes"), "{message}");
    // At the cap, the same text is accepted.
    let exact = js_sys::JSON::parse(r#"{"maxInputBytes":8}"#).unwrap();
    assert!(analyze_js("“ab”", exact).is_ok());
    // The default cap refuses 5 MiB + 1 byte, and quickly: the check comes first.
    let big = "x".repeat(relations_widget::DEFAULT_MAX_INPUT_BYTES + 1);
    assert!(analyze_js(&big, JsValue::UNDEFINED).is_err());
}

/// The invented fixtures of other pairs come out the same across the boundary: focus pair and
/// the focus relation's label (the native tests in `tests/stance.rs` check them in detail).
#[wasm_bindgen_test]
fn invented_fixtures_focus_and_label_across_the_boundary() {
    let cases = [
        (
            include_str!("fixtures/russia-north-korea.txt"),
            "2023-09-15",
            ["PRK", "RUS"],
            "cordial",
        ),
        (
            include_str!("fixtures/china-south-korea.txt"),
            "2017-04-20",
            ["CHN", "KOR"],
            "strained",
        ),
    ];
    for (text, date, focus, label) in cases {
        let options = js_sys::JSON::parse(&format!(r#"{{"date":"{date}"}}"#)).unwrap();
        let a = from_js(&analyze_js(text, options).unwrap());
        assert_eq!(a.focus, focus);
        let relation = a
            .relations
            .iter()
            .find(|r| r.pair == focus)
            .expect("the focus relation");
        assert_eq!(serde_json::to_value(relation.label).unwrap(), label);
        let native = analyze(text, &Options::new().date(date)).unwrap();
        assert_eq!(a, native);
    }
}
