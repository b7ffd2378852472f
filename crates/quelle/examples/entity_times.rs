//! What the entity and sources stage costs on a corpus (one core): the
//! pipeline with quotations, with and without entities.
//! `cargo run --release -p quelle --example entity_times -- ../shared/data/gnad/articles.jsonl [both|on|off]`
//! (run `on` and `off` under `perf stat -e instructions:u` for figures a loaded machine cannot skew).
use std::time::Instant;
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("a JSONL file with a text field");
    let which = args.next().unwrap_or_else(|| "both".into());
    let src = std::fs::read_to_string(path).expect("readable");
    let docs: Vec<String> = src
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_owned))
        .collect();
    let configs: &[bool] = match which.as_str() {
        "on" => &[true],
        "off" => &[false],
        _ => &[false, true],
    };
    for &entities in configs {
        let p = quelle::Pipeline::builder()
            .entities(entities)
            .build()
            .unwrap();
        let t = Instant::now();
        let (mut tokens, mut found) = (0, 0);
        for d in &docs {
            let doc = p.analyze(d.as_str());
            tokens += doc.tokens.len();
            found += doc.entities.len();
        }
        let s = t.elapsed().as_secs_f64();
        println!(
            "entities={entities}: {tokens} tokens, {found} entities in {s:.3} s = {:.0} tokens/s",
            tokens as f64 / s
        );
    }
}
