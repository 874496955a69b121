//! The engine's tests: hand-computed figures, validation of every bound,
//! the corners of the input space, and properties over all of it.

mod corners;
mod formulas;
mod schedule;
pub(super) mod support;
mod sweep;
mod validation;
mod variants;

// proptest is a native-only dev-dependency.
#[cfg(not(target_arch = "wasm32"))]
mod properties;
#[cfg(not(target_arch = "wasm32"))]
mod strategies;
