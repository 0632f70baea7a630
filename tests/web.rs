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
