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
    if let Some(diff) = first_difference(&got, &want, String::new()) {
        panic!("the seed analysis changed at {diff}; see the test's doc comment");
    }
}

/// The JSON pointer of the first place two values differ, with both values there.
fn first_difference(
    got: &serde_json::Value,
    want: &serde_json::Value,
    at: String,
) -> Option<String> {
    use serde_json::Value;
    match (got, want) {
        (Value::Object(a), Value::Object(b)) => {
            let keys: std::collections::BTreeSet<&String> = a.keys().chain(b.keys()).collect();
            keys.into_iter().find_map(|k| {
                let (x, y) = (
                    a.get(k).unwrap_or(&Value::Null),
                    b.get(k).unwrap_or(&Value::Null),
                );
                first_difference(x, y, format!("{at}/{k}"))
            })
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => a
            .iter()
            .zip(b)
            .enumerate()
            .find_map(|(i, (x, y))| first_difference(x, y, format!("{at}/{i}"))),
        _ if got == want => None,
        _ => Some(format!("{at}: got {got}, expected {want}")),
    }
}

fn speaker_name<'a>(a: &'a Analysis, q: &relations_widget::Quote) -> Option<&'a str> {
    let id = q.speaker.as_ref()?;
    a.speakers
        .iter()
        .find(|s| &s.id == id)
        .map(|s| s.name.as_str())
}

/// Issue 3's expectations for the seed article: every voice, what it said and who it is.
#[test]
fn seed_quotes_and_speakers() {
    use relations_widget::{QuoteKind, SpeakerKind};
    let a = seed();
    let direct: Vec<(&str, Option<&str>)> = a
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .map(|q| (q.text.as_str(), speaker_name(&a, q)))
        .collect();
    let want_direct: &[(&str, &str)] = &[
        ("For their ties to improve", "Yoo Ho-yeol"),
        ("The prime sticking point", "Yoo Ho-yeol"),
        (
            "Some backbone-lacking countries",
            "National Defense Commission",
        ),
        ("It seems that relations", "Lee Seok-hyun"),
        ("With North Korea being steadfast", "Yoo Ho-yeol"),
        ("China would still not ‘abandon’", "Yoo Ho-yeol"),
        ("Aside from the fact", "Kim Keun-sik"),
        ("Despite the apparent discomfort", "Kim Keun-sik"),
    ];
    assert_eq!(direct.len(), want_direct.len(), "{direct:#?}");
    for ((text, speaker), (prefix, who)) in direct.iter().zip(want_direct) {
        assert!(text.starts_with(prefix), "{text}");
        assert_eq!(*speaker, Some(*who), "{text}");
    }

    let partial: Vec<(&str, Option<&str>)> = a
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Partial)
        .map(|q| (q.text.as_str(), speaker_name(&a, q)))
        .collect();
    assert_eq!(
        partial,
        vec![("lacking backbone", Some("National Defense Commission"))]
    );

    let scare: Vec<&str> = a.scare_quotes.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(
        scare,
        [
            "blood alliance",
            "Day of Victory in the Fatherland Liberation War.",
            "abandon",
            "normal"
        ]
    );
    assert!(!a
        .quotes
        .iter()
        .any(|q| q.text == "blood alliance" || q.text == "abandon" || q.text == "normal"));

    let indirect: Vec<(&str, Option<&str>)> = a
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Indirect)
        .map(|q| (q.text.as_str(), speaker_name(&a, q)))
        .collect();
    let want_indirect: &[(&str, &str)] = &[
        (
            "China exported no crude oil",
            "Korea Trade and Investment Promotion Agency",
        ),
        ("the North expressed Kim’s wish to visit", "Lee Seok-hyun"),
        ("The ongoing diplomatic and economic squeeze", "Yoo Ho-yeol"),
        (
            "the current iciness in Sino-North Korea ties should be confined to a temporary blip",
            "other observers",
        ),
    ];
    for (needle, who) in want_indirect {
        let hit = indirect.iter().find(|(t, _)| t.contains(needle));
        assert_eq!(
            hit.and_then(|h| h.1),
            Some(*who),
            "indirect {needle:?} in {indirect:#?}"
        );
    }
    for (t, _) in &indirect {
        assert!(!t.starts_with("that "), "{t}");
    }

    let by_name = |n: &str| {
        a.speakers
            .iter()
            .find(|s| s.name == n)
            .unwrap_or_else(|| panic!("speaker {n}"))
    };
    let yoo = by_name("Yoo Ho-yeol");
    assert_eq!(
        (yoo.role.as_deref(), yoo.org.as_deref(), yoo.kind),
        (
            Some("North Korea studies professor"),
            Some("Korea University"),
            SpeakerKind::Person
        )
    );
    assert!(yoo.aliases.iter().any(|x| x == "Yoo"), "{:?}", yoo.aliases);
    assert!(
        yoo.aliases.iter().any(|x| x == "Yoo of Korea University"),
        "{:?}",
        yoo.aliases
    );
    let kim = by_name("Kim Keun-sik");
    assert_eq!(kim.org.as_deref(), Some("Kyungnam University"));
    assert!(kim
        .role
        .as_deref()
        .is_some_and(|r| r.starts_with("professor")));
    assert_eq!(
        by_name("National Defense Commission").kind,
        SpeakerKind::Organization
    );
    assert_eq!(by_name("other observers").kind, SpeakerKind::Group);
    assert!(
        !a.speakers.iter().any(|s| s.name.contains("Jong-un")),
        "Kim Jong-un says nothing here"
    );
    for s in &a.speakers {
        for m in &s.mentions {
            assert!(m.start < m.end && m.end <= SEED.encode_utf16().count());
        }
    }

    let byline = a.byline.as_ref().expect("byline");
    assert_eq!(byline.author, "Shin Hyon-hee");
    assert_eq!(byline.email.as_deref(), Some("heeshin@heraldcorp.com"));
    assert!(!a.quotes.iter().any(|q| q.text.contains("heraldcorp")));
}
