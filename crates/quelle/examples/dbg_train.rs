//! Debug: print gold quotations the system misses and system quotations without gold.
use quelle::schema::AnalysisJson;
fn main() {
    let path = std::env::args().nth(1).unwrap_or("../shared/data/gnqa/dev.jsonl".into());
    let docs = quelle::eval::gnqa::load(std::path::Path::new(&path)).unwrap();
    let p = quelle::Pipeline::builder().build().unwrap();
    for g in docs.iter() {
        let doc = p.analyze(g.text.clone());
        let j = AnalysisJson::from_document(&doc);
        let chars: Vec<char> = g.text.chars().collect();
        let ov = |a: &quelle::schema::RoleJson, b: &quelle::schema::RoleJson| a.spans.iter().any(|x| b.spans.iter().any(|y| x.start < y.end && y.start < x.end));
        for q in &g.quotes {
            if !j.quotes.iter().any(|s| ov(&s.content, &q.content)) {
                let s = q.content.spans[0].start;
                let ctx: String = chars[s.saturating_sub(60)..s].iter().collect();
                println!("MISS {:?} [{}] <<{}>> {}", q.kind, ctx.replace('\n', " "), q.content.text.chars().take(120).collect::<String>(), q.speaker.as_ref().map_or("", |s| &s.text));
            }
        }
        for q in &j.quotes {
            if !g.quotes.iter().any(|s| ov(&s.content, &q.content)) {
                println!("SPUR {:?} <<{}>>", q.kind, q.content.text.chars().take(120).collect::<String>());
            }
        }
    }
}
