//! DOM building: turns a [`ViewModel`] into elements inside a shadow root.
//!
//! Article text reaches the DOM only through `textContent`; no HTML string is ever parsed.

use wasm_bindgen::JsValue;
use web_sys::{Document, Element, Node, ShadowRoot, ShadowRootInit, ShadowRootMode};

use super::{CardView, ViewModel};

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
        for (k, v) in attrs {
            e.set_attribute(k, v)?;
        }
        if let Some(t) = text {
            e.set_text_content(Some(t));
        }
        parent.append_child(&e)?;
        Ok(e)
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

/// Replace the widget's content with the rendered view-model.
pub(crate) fn render(host: &Element, vm: &ViewModel) -> Result<(), JsValue> {
    let b = Builder::for_host(host)?;
    let root = b.container(host)?;
    let header = b.add(
        &root,
        "header",
        &[("class", "header"), ("part", "header")],
        None,
    )?;
    b.add(
        &header,
        "h2",
        &[],
        Some(&format!("{} – {}", vm.pair[0], vm.pair[1])),
    )?;
    b.add(&root, "p", &[("class", "summary")], Some(&vm.summary))?;
    let list = b.add(
        &root,
        "ol",
        &[("class", "cards"), ("aria-label", "Quotations")],
        None,
    )?;
    for card in &vm.cards {
        card_element(&b, &list, card)?;
    }
    Ok(())
}

/// Show an error message in place of the widget's content.
pub(crate) fn render_error(host: &Element, message: &str) -> Result<(), JsValue> {
    let b = Builder::for_host(host)?;
    let root = b.container(host)?;
    b.add(
        &root,
        "p",
        &[("class", "error"), ("role", "alert")],
        Some(message),
    )?;
    Ok(())
}

fn card_element(b: &Builder, list: &Node, card: &CardView) -> Result<(), JsValue> {
    let li = b.add(
        list,
        "li",
        &[
            ("class", "card"),
            ("part", "quote"),
            ("data-quote-id", &card.id),
        ],
        None,
    )?;
    li.set_attribute("data-kind", card.kind)?;
    b.add(&li, "blockquote", &[], Some(&card.text))?;
    let who = b.add(&li, "p", &[("class", "speaker")], None)?;
    b.add(&who, "span", &[("class", "kind")], Some(card.kind))?;
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
