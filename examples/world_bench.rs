//! Prints how long `analyze` takes on real news, and whether it stays linear in input length.
//!
//! ```sh
//! cargo run --release --example world_bench [DIR]   # DIR defaults to ../shared/data/polnear-train/text
//! ```
//!
//! Figures only, no assertions: per-article times over the corpus, the seed article's time, and
//! the time per KB of ever longer inputs (all articles concatenated, cut at 1×, 2×, 4×… a base
//! size) — a flat µs/KB column means linear.

use std::time::Instant;

use relations_widget::{analyze, Options};

const SEED: &str = include_str!("../www/seed-article.txt");
/// Size of the smallest input of the linearity series.
const BASE_BYTES: usize = 64 * 1024;
const SERIES: u32 = 6;

fn time_us(text: &str, reps: u32) -> f64 {
    let start = Instant::now();
    for _ in 0..reps {
        let a = analyze(text, &Options::new());
        std::hint::black_box(&a);
    }
    start.elapsed().as_secs_f64() * 1e6 / f64::from(reps)
}

/// Inputs that defeat sentence and quote boundaries: one endless sentence, one endless quote.
fn worst_cases() {
    let clause =
        "China sanctions North Korea, Pyongyang criticized Beijing and no talks took place, ";
    for (name, open) in [("one sentence", ""), ("one open quote", "“")] {
        println!("worst case: {name}");
        for k in 0..4u32 {
            let n = (BASE_BYTES << k) / clause.len();
            let text = format!("{open}{}", clause.repeat(n));
            let t = time_us(&text, 1);
            println!(
                "  {:>6} KB  {:>9.0} µs  {:>6.1} µs/KB",
                text.len() / 1024,
                t,
                t / (text.len() as f64 / 1024.0)
            );
        }
    }
}

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/data/polnear-train/text"
        )
        .to_string()
    });
    let mut texts: Vec<String> = std::fs::read_dir(&dir)
        .map(|d| {
            d.flatten()
                .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                .collect()
        })
        .unwrap_or_default();
    texts.sort();
    println!("seed article: {:.1} µs per analysis", time_us(SEED, 200));
    if texts.is_empty() {
        println!("no corpus at {dir}");
        return;
    }
    let mut per: Vec<(f64, usize)> = texts.iter().map(|t| (time_us(t, 3), t.len())).collect();
    let total_us: f64 = per.iter().map(|p| p.0).sum();
    let total_kb: f64 = per.iter().map(|p| p.1 as f64 / 1024.0).sum();
    per.sort_by(|a, b| a.0.total_cmp(&b.0));
    let pct = |q: f64| per[((per.len() - 1) as f64 * q) as usize].0;
    println!(
        "{} articles, {:.0} KB: mean {:.1} µs, median {:.1} µs, p95 {:.1} µs, max {:.1} µs ({} bytes); {:.1} µs/KB overall",
        per.len(),
        total_kb,
        total_us / per.len() as f64,
        pct(0.5),
        pct(0.95),
        per[per.len() - 1].0,
        per[per.len() - 1].1,
        total_us / total_kb
    );
    worst_cases();
    let all = texts.join("\n");
    println!("linearity (concatenated articles):");
    for k in 0..SERIES {
        let want = BASE_BYTES << k;
        if want > all.len() {
            break;
        }
        let mut cut = want;
        while !all.is_char_boundary(cut) {
            cut -= 1;
        }
        let t = time_us(&all[..cut], 3);
        println!(
            "  {:>6} KB  {:>9.0} µs  {:>6.1} µs/KB",
            cut / 1024,
            t,
            t / (cut as f64 / 1024.0)
        );
    }
}
