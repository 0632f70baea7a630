//! Every JavaScript export of the crate. The only module (with `view::dom`) that knows about
//! wasm-bindgen; it converts between JS values and the core's types and never panics.

use wasm_bindgen::prelude::*;
use web_sys::Element;

use crate::{view, Analysis, Options};

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = include_str!("analysis.d.ts");

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

/// Analyse an article and render the widget into `element`'s open shadow root.
/// Returns the analysis object; on failure the widget shows the error and the call throws.
#[wasm_bindgen(js_name = mount, unchecked_return_type = "Analysis")]
pub fn mount_js(
    element: &Element,
    text: &str,
    #[wasm_bindgen(unchecked_param_type = "AnalyzeOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    match run(text, options) {
        Ok((analysis, options)) => {
            let vm = view::view_model(&analysis, &options);
            view::dom::render(element, &vm).map_err(dom_error)?;
            to_js(&analysis)
        }
        Err(message) => {
            view::dom::render_error(element, &message).map_err(dom_error)?;
            Err(JsError::new(&message))
        }
    }
}

/// Show a message (a fetch failure, say) inside the widget instead of an analysis.
#[wasm_bindgen(js_name = showError)]
pub fn show_error_js(element: &Element, message: &str) -> Result<(), JsError> {
    view::dom::render_error(element, message).map_err(dom_error)
}

/// Parse the options and analyse; errors come back as the message to show.
fn run(text: &str, options: JsValue) -> Result<(Analysis, Options), String> {
    let options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(|e| format!("invalid options: {e}"))?
    };
    let analysis = crate::analyze(text, &options).map_err(|e| e.to_string())?;
    Ok((analysis, options))
}

/// The analysis as a plain JS object. One JSON text and one `JSON.parse` beat building the
/// object field by field across the boundary (serde_wasm_bindgen) several times over, for the
/// same result: absent values are `null`, as in the CLI's JSON (see README, benchmarks).
fn to_js(analysis: &Analysis) -> Result<JsValue, JsError> {
    let json = serde_json::to_string(analysis)
        .map_err(|e| JsError::new(&format!("cannot convert the analysis: {e}")))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("cannot convert the analysis"))
}

fn dom_error(e: JsValue) -> JsError {
    JsError::new(&format!(
        "cannot render the widget: {}",
        e.as_string().unwrap_or_else(|| format!("{e:?}"))
    ))
}
