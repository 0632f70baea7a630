//! The relations-widget wasm module: every export comes from the bindings crate
//! (`relations-widget-web`, `src/bindings.rs`), which this cdylib links. Its own crate so that
//! the fat LTO runs at opt-level "s" while the bindings crate is built at "z".

#![cfg(target_arch = "wasm32")]
#![forbid(unsafe_code)]

pub use relations_widget_web::*;
