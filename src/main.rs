//! Mounts the calculator. Everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    teleprospection_roi::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "This is a web app built for wasm32: run `make serve` and open http://127.0.0.1:8080"
    );
}
