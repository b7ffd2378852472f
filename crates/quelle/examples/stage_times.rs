//! What each stage costs on a corpus, one core: the pipeline with quotations
//! and entities switched on and off, in CPU time, best of seven passes (the
//! first pass also fills the per-thread word cache; the best pass is a warm one).
//! `cargo run --release -p quelle --example stage_times -- ../shared/data/gnad/articles.jsonl [MODELS_DIR]`
//!
//! The last line (quotations and entities) is the whole analysis. On a busy
//! machine CPU time still includes waiting on memory that a neighbour evicted:
//! run it a few times, interleaved with what it is compared against.
use std::time::Instant;

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("a JSONL file with a text field");
    let src = std::fs::read_to_string(path).expect("readable");
    let docs: Vec<String> = src
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_owned))
        .collect();
    let models = std::env::args().nth(2);
    for (quotes, entities) in [(false, false), (false, true), (true, false), (true, true)] {
        let mut b = quelle::Pipeline::builder();
        b.quotes(quotes).entities(entities);
        if let Some(dir) = &models {
            b.quote_models(quelle::quotes::QuoteModels::load_dir(dir.as_ref()).unwrap());
        }
        let p = b.build().unwrap();
        let (mut wall, mut cpu, mut tokens) = (f64::INFINITY, f64::INFINITY, 0);
        for _ in 0..7 {
            let t = Instant::now();
            let c = thread_cpu_ns();
            tokens = 0;
            for d in &docs {
                tokens += p.analyze(d.as_str()).tokens.len();
            }
            wall = wall.min(t.elapsed().as_secs_f64());
            if let (Some(a), Some(b)) = (c, thread_cpu_ns()) {
                cpu = cpu.min((b - a) as f64 * 1e-9);
            }
        }
        // On a busy machine wall time includes waiting for a core; CPU time does not.
        let (s, unit) = if cpu.is_finite() {
            (cpu, "CPU second")
        } else {
            (wall, "second (wall)")
        };
        println!(
            "quotes={quotes:<5} entities={entities:<5} {tokens} tokens in {s:.3} s = {:>9.0} tokens per {unit}",
            tokens as f64 / s
        );
    }
}

/// Nanoseconds this thread has run on a CPU (Linux `schedstat`), if available.
fn thread_cpu_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}
