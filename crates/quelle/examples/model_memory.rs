//! Memory held by the loaded quotation models (`QuoteModels::memory_bytes`).
//! `cargo run --release -p quelle --example model_memory`
fn main() {
    let m = quelle::quotes::QuoteModels::embedded().expect("embedded models load");
    println!("{:.1} MB", m.memory_bytes() as f64 / 1e6);
}
