//! The relations-widget wasm module: every export comes from the bindings crate
//! (`relations-widget-web`, `src/bindings.rs`), which this cdylib links; the fat LTO runs here.

#![cfg(target_arch = "wasm32")]
#![forbid(unsafe_code)]

pub use relations_widget_web::*;
