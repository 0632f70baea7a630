//! `cargo bench`: the native cost of `analyze` on the seed article and on a 1 MB article, and
//! whether cost stays linear in input size (target: 1 MB ≤ 300 × the seed's time, for an input
//! about 170 × longer).
//!
//! The 1 MB article is built at run time by concatenating the paragraphs of the real news in
//! `../shared/data/polnear-train/text/*.txt` (relative to the repository root; override with
//! `RELATIONS_BENCH_CORPUS`), in file-name order, until it reaches 1 MiB. Those articles are
//! third-party text and never copied into the repository; without them the 1 MB figures are
//! skipped with a message. The same recipe builds the browser benchmark's article
//! (`bench/run.mjs`), so the two sets of figures compare.
//!
//! A small self-contained harness (no dependency): each figure is the median of many samples,
//! each sample timing enough iterations to last a few milliseconds, after a warm-up.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use relations_widget::{analyze, Options};

const SEED: &str = include_str!("../www/seed-article.txt");

/// The size of the large article.
const LARGE_BYTES: usize = 1024 * 1024;
/// The linearity target: the large article may cost at most this many times the seed.
const MAX_LARGE_RATIO: f64 = 300.0;
/// Samples per figure, and the least time one sample runs.
const SAMPLES: usize = 60;
const MIN_SAMPLE: Duration = Duration::from_millis(5);
const WARM_UP: Duration = Duration::from_millis(300);

fn corpus_dir() -> PathBuf {
    std::env::var_os("RELATIONS_BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/polnear-train/text")
        })
}

/// Paragraphs of the corpus articles, in file-name order, joined by newlines until `bytes`.
fn large_article(bytes: usize) -> Result<String, String> {
    let dir = corpus_dir();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut out = String::with_capacity(bytes + 64 * 1024);
    for f in files {
        let text = std::fs::read_to_string(&f).map_err(|e| format!("{}: {e}", f.display()))?;
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            out.push_str(line);
            out.push('\n');
            if out.len() >= bytes {
                return Ok(out);
            }
        }
    }
    Err(format!(
        "{} holds only {} bytes of text",
        dir.display(),
        out.len()
    ))
}

/// Median and minimum time of one `analyze` call on `text`.
fn measure(text: &str, options: &Options) -> (Duration, Duration) {
    let run = || {
        black_box(analyze(black_box(text), options).expect("the benchmark article analyses"));
    };
    let start = Instant::now();
    let mut iters = 0u32;
    while start.elapsed() < WARM_UP || iters < 2 {
        run();
        iters += 1;
    }
    let per_iter = start.elapsed() / iters;
    let batch = (MIN_SAMPLE.as_nanos() / per_iter.as_nanos().max(1)).max(1) as u32;
    let mut samples: Vec<Duration> = (0..SAMPLES)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..batch {
                run();
            }
            t.elapsed() / batch
        })
        .collect();
    samples.sort();
    (samples[samples.len() / 2], samples[0])
}

fn row(name: &str, bytes: usize, (median, min): (Duration, Duration)) {
    let mb_s = bytes as f64 / median.as_secs_f64() / 1e6;
    println!(
        "{name:<28} {bytes:>9} B   median {:>10.3} ms   min {:>10.3} ms   {mb_s:>7.1} MB/s",
        median.as_secs_f64() * 1e3,
        min.as_secs_f64() * 1e3,
    );
}

fn main() {
    // `cargo test --benches` runs bench targets with `--test`: a quick smoke run is enough.
    if std::env::args().any(|a| a == "--test") {
        analyze(SEED, &Options::new()).expect("the seed analyses");
        return;
    }
    let options = Options::new().max_input_bytes(usize::MAX);
    println!("relations-widget native benchmark (median of {SAMPLES} samples)");
    let seed = measure(SEED, &options);
    row("analyze(seed)", SEED.len(), seed);
    match large_article(LARGE_BYTES) {
        Ok(large) => {
            let big = measure(&large, &options);
            row("analyze(1 MB polnear)", large.len(), big);
            let ratio = big.0.as_secs_f64() / seed.0.as_secs_f64();
            let size_ratio = large.len() as f64 / SEED.len() as f64;
            println!(
                "1 MB / seed: {ratio:.1}× the time for {size_ratio:.0}× the text \
                 (target ≤ {MAX_LARGE_RATIO:.0}×): {}",
                if ratio <= MAX_LARGE_RATIO {
                    "met"
                } else {
                    "MISSED"
                }
            );
        }
        Err(e) => println!(
            "analyze(1 MB): skipped, no corpus to build it from ({e}); set \
             RELATIONS_BENCH_CORPUS to a folder of .txt articles"
        ),
    }
}
