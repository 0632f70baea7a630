//! Whole-article fixtures: the seed article (the demo's default) through the public API.

use relations_widget::{analyze, Analysis, Options};

const SEED: &str = include_str!("../www/seed-article.txt");

fn utf16_slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start..end]).expect("span on a char boundary")
}

fn seed() -> Analysis {
    analyze(SEED, &Options::new()).expect("the seed article analyses")
}

#[test]
fn every_span_is_an_exact_utf16_slice() {
    let a = seed();
    assert!(!a.quotes.is_empty());
    for q in &a.quotes {
        assert_eq!(utf16_slice(SEED, q.start, q.end), q.text, "{}", q.id);
        if let Some(c) = &q.cue {
            assert_eq!(utf16_slice(SEED, c.start, c.end), c.text);
        }
    }
    for s in &a.scare_quotes {
        assert_eq!(utf16_slice(SEED, s.start, s.end), s.text);
    }
}

#[test]
fn repeated_paragraphs_are_marked_and_their_quotes_listed_once() {
    let a = seed();
    let dups: Vec<(usize, usize)> = a
        .paragraphs
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.duplicate_of.map(|d| (i, d)))
        .collect();
    assert_eq!(dups, vec![(5, 1), (6, 2), (7, 3), (8, 4)]);
    for (i, p) in a.paragraphs.iter().enumerate() {
        let text = utf16_slice(SEED, p.start, p.end);
        assert_eq!(text, text.trim(), "paragraph {i} is trimmed");
    }
    let mut texts: Vec<&str> = a.quotes.iter().map(|q| q.text.as_str()).collect();
    let n = texts.len();
    texts.sort_unstable();
    texts.dedup();
    assert_eq!(texts.len(), n, "no quote is listed twice");
    for q in &a.quotes {
        let in_dup = a
            .paragraphs
            .iter()
            .any(|p| p.duplicate_of.is_some() && p.start <= q.start && q.end <= p.end);
        assert!(!in_dup, "{} comes from a repeated paragraph", q.id);
    }
}

/// The whole analysis against the reviewed expectation in `tests/fixtures/seed.expected.json`.
/// After an intended change, regenerate with `UPDATE_FIXTURES=1 cargo test --test seed` and
/// review the diff.
#[test]
fn seed_matches_expected_json() {
    let got = serde_json::to_value(seed()).unwrap();
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/seed.expected.json"
    );
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(path, serde_json::to_string_pretty(&got).unwrap() + "\n").unwrap();
    }
    let want: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(
        got, want,
        "the seed analysis changed; see the test's doc comment"
    );
}
