//! Runs `analyze` on the seed article N times (default 1) and prints the JSON size: a target
//! for profilers (`valgrind --tool=callgrind`), not a benchmark.
use relations_widget::{analyze, Options};

const SEED: &str = include_str!("../www/seed-article.txt");

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1);
    let mut bytes = 0;
    for _ in 0..n {
        let a = analyze(SEED, &Options::new()).expect("the seed analyses");
        bytes += a.to_json().len();
    }
    println!("{bytes}");
}
