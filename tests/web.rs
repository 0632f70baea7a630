//! The boundary and the DOM, in a real browser: `wasm-pack test --headless --chrome`.
#![cfg(target_arch = "wasm32")]

use relations_widget::bindings::{analyze_js, mount_js};
use relations_widget::{analyze, Analysis, Options};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = include_str!("../www/seed-article.txt");

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
    assert!(alert.text_content().unwrap().contains("empty"));
    // Mounting again replaces the message.
    mount_js(&el, "“Fine,” he said.", JsValue::UNDEFINED).unwrap();
    assert!(root.query_selector("[role=alert]").unwrap().is_none());
    let _ = root.dyn_ref::<web_sys::Node>();
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
