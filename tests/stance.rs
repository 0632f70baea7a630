//! Stance, actors, interactions, relations and timeline through the public API: the seed
//! article's expectations and the invented fixtures in `tests/fixtures/`.
//!
//! Quotes are found by their words (not by id or speaker), so these tests hold whatever the quote
//! finder and the speaker attribution decide about ids and kinds.

use relations_widget::{
    analyze, Analysis, InteractionClass, Options, Relation, StanceLabel, TimelineEvent,
};

const SEED: &str = include_str!("../www/seed-article.txt");

use InteractionClass::{MaterialConflict, MaterialCooperation, VerbalConflict, VerbalCooperation};
use StanceLabel::{Cordial, Mixed, Strained};

fn utf16_slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start..end]).expect("span on a char boundary")
}

fn run(text: &str, options: &Options) -> Analysis {
    analyze(text, options).expect("the article analyses")
}

fn focus_relation(a: &Analysis) -> &Relation {
    a.relations
        .iter()
        .find(|r| r.pair == a.focus)
        .expect("a relation for the focus pair")
}

/// The label of the quote whose words contain `words`.
fn quote_label(a: &Analysis, words: &str) -> Option<StanceLabel> {
    let q = a
        .quotes
        .iter()
        .find(|q| q.text.contains(words))
        .unwrap_or_else(|| panic!("no quote contains {words:?}"));
    q.stance.as_ref().map(|s| s.label)
}

/// True when an interaction `source → target` of `class` has words containing `words`.
fn has_interaction(
    a: &Analysis,
    source: &str,
    target: &str,
    words: &str,
    class: InteractionClass,
) -> bool {
    a.interactions.iter().any(|i| {
        i.source == source && i.target == target && i.text.contains(words) && i.class == class
    })
}

/// The timeline events whose date words are exactly `when`.
fn dated<'a>(text: &str, a: &'a Analysis, when: &str) -> Vec<&'a TimelineEvent> {
    a.timeline
        .iter()
        .filter(|t| utf16_slice(text, t.when.start, t.when.end) == when)
        .collect()
}

fn assert_interactions(a: &Analysis, want: &[(&str, &str, &str, InteractionClass)]) {
    for (source, target, words, class) in want {
        assert!(
            has_interaction(a, source, target, words, *class),
            "missing {source} → {target} “{words}” {class:?}; found {:#?}",
            a.interactions
        );
    }
}

fn assert_dates(text: &str, a: &Analysis, want: &[(&str, &str, bool)]) {
    for (when, date, approximate) in want {
        let events = dated(text, a, when);
        assert!(
            events
                .iter()
                .any(|t| t.date == *date && t.approximate == *approximate),
            "{when:?} should be {date} (approximate: {approximate}); found {:?}",
            events
                .iter()
                .map(|t| (&t.date, t.approximate))
                .collect::<Vec<_>>()
        );
    }
}

#[test]
fn seed_focus_is_china_and_north_korea_and_strained_with_evidence_both_ways() {
    let a = run(SEED, &Options::new());
    assert_eq!(a.focus, ["CHN", "PRK"]);
    let r = focus_relation(&a);
    assert_eq!(r.label, Strained, "{}", r.explanation);
    assert!(r.score < 0.0);
    for words in ["remains robust", "temporary blip"] {
        assert!(
            r.evidence
                .iter()
                .any(|e| e.text.contains(words) && e.weight > 0.0),
            "{words:?} should be cordial evidence"
        );
    }
    for words in ["seriously strained", "sanctions"] {
        assert!(
            r.evidence
                .iter()
                .any(|e| e.text.contains(words) && e.weight < 0.0),
            "{words:?} should be strained evidence"
        );
    }
    assert!(r.explanation.contains("strained"), "{}", r.explanation);
    let narrator = r.narrator.as_ref().expect("the reporting has a stance");
    assert_eq!(narrator.label, Strained);
}

#[test]
fn seed_quotes_have_the_right_stance() {
    let a = run(SEED, &Options::new());
    let cases = [
        ("seriously strained", Some(Strained)),
        ("implausible", Some(Strained)),
        ("remains robust", Some(Cordial)),
        ("backbone-lacking", Some(Strained)),
        ("sticking point", Some(Strained)),
        ("For their ties to improve", Some(Mixed)),
    ];
    for (words, want) in cases {
        assert_eq!(quote_label(&a, words), want, "the quote with {words:?}");
    }
    // A name in quotation marks is nobody's speech, so it carries no stance.
    assert!(a
        .scare_quotes
        .iter()
        .any(|s| s.text.contains("Day of Victory")));
    assert!(!a.quotes.iter().any(|q| q.text.contains("Day of Victory")));
    // The cues say why, with offsets into the text.
    let q = a
        .quotes
        .iter()
        .find(|q| q.text.contains("seriously strained"))
        .unwrap();
    let cues = &q.stance.as_ref().unwrap().cues;
    assert!(
        cues.iter()
            .any(|c| c.text == "seriously strained" && c.weight < 0.0),
        "{cues:?}"
    );
    let q = a
        .quotes
        .iter()
        .find(|q| q.text.contains("abandon"))
        .unwrap();
    let cues = &q.stance.as_ref().unwrap().cues;
    assert!(
        cues.iter()
            .any(|c| c.text.contains("not ‘abandon") && c.weight > 0.0),
        "a negated strained cue turns mildly cordial: {cues:?}"
    );
}

#[test]
fn seed_interactions_have_direction_and_class() {
    let a = run(SEED, &Options::new());
    assert_interactions(
        &a,
        &[
            ("CHN", "PRK", "sanctions", MaterialConflict),
            ("CHN", "PRK", "slashing", MaterialConflict),
            ("CHN", "PRK", "cutting back", MaterialConflict),
            ("CHN", "PRK", "exported no", MaterialConflict),
            ("CHN", "PRK", "declined", MaterialConflict),
            ("PRK", "CHN", "criticized", VerbalConflict),
            ("PRK", "CHN", "lashed out", VerbalConflict),
            ("PRK", "CHN", "no mention", VerbalConflict),
            ("CHN", "KOR", "courts", VerbalCooperation),
            ("CHN", "KOR", "visit", VerbalCooperation),
            ("CHN", "PRK", "dispatched", MaterialCooperation),
            ("CHN", "PRK", "traveled to", VerbalCooperation),
            ("PRK", "USA", "stinky bottom", VerbalConflict),
            ("PRK", "KOR", "pathetic", VerbalConflict),
        ],
    );
    // No event runs the wrong way.
    assert!(!has_interaction(
        &a,
        "PRK",
        "CHN",
        "sanctions",
        MaterialConflict
    ));
    for i in &a.interactions {
        assert!((-10.0..=10.0).contains(&i.score), "{i:?}");
        assert_eq!(utf16_slice(SEED, i.start, i.end), i.text);
    }
}

#[test]
fn seed_timeline_infers_the_year_from_the_anniversary() {
    let a = run(SEED, &Options::new());
    assert_dates(
        SEED,
        &a,
        &[
            ("1950-53", "1950/1953", false),
            ("December", "2013-12", true),
            ("on Wednesday", "2014", true),
            ("last year", "2013", true),
            ("last week", "2014", true),
            ("early this month", "2014", true),
            ("last month", "2014", true),
        ],
    );
    let wed = dated(SEED, &a, "on Wednesday");
    assert!(
        wed[0].actors.contains(&"PRK".to_string()) && wed[0].actors.contains(&"CHN".to_string())
    );
    // With the publication date given, relative dates resolve exactly.
    let a = run(SEED, &Options::new().date("2014-07-30"));
    assert_dates(
        SEED,
        &a,
        &[
            ("December", "2013-12", false),
            ("on Wednesday", "2014-07-30", false),
            ("early this month", "2014-07", false),
            ("last month", "2014-06", false),
        ],
    );
}

#[test]
fn seed_actors_cover_metonyms_people_and_institutions() {
    let a = run(SEED, &Options::new());
    let actor = |id: &str| a.actors.iter().find(|x| x.id == id);
    for id in [
        "CHN",
        "PRK",
        "KOR",
        "USA",
        "kim-jong-un",
        "xi-jinping",
        "park-geun-hye",
        "kcna",
        "prk-ndc",
        "unsc",
    ] {
        assert!(actor(id).is_some(), "{id} is an actor");
    }
    let prk: Vec<String> = actor("PRK")
        .unwrap()
        .mentions
        .iter()
        .map(|m| utf16_slice(SEED, m.start, m.end))
        .collect();
    for form in ["North Korea", "Pyongyang", "the North", "The North"] {
        assert!(prk.iter().any(|m| m == form), "{form:?} in {prk:?}");
    }
    assert_eq!(actor("kcna").unwrap().country.as_deref(), Some("PRK"));
    // Mentions are listed once even though the article repeats paragraphs.
    let mut m = actor("CHN").unwrap().mentions.clone();
    m.dedup();
    assert_eq!(m.len(), actor("CHN").unwrap().mentions.len());
}

#[test]
fn every_score_has_its_cues_or_evidence() {
    for (text, options) in fixtures() {
        let a = run(&text, &options);
        for q in &a.quotes {
            if let Some(s) = &q.stance {
                assert!(!s.cues.is_empty(), "{}", q.text);
                assert!((-1.0..=1.0).contains(&s.score));
                for c in &s.cues {
                    assert_eq!(utf16_slice(&text, c.start, c.end), c.text);
                }
            }
        }
        for r in &a.relations {
            assert!(!r.evidence.is_empty(), "{:?}", r.pair);
            assert!(!r.explanation.is_empty());
            assert!((-1.0..=1.0).contains(&r.score));
            for e in &r.evidence {
                assert_eq!(utf16_slice(&text, e.start, e.end), e.text);
                if e.kind != "interaction" {
                    assert!(!e.cues.is_empty(), "{e:?}");
                }
            }
        }
        for t in &a.timeline {
            assert_eq!(utf16_slice(&text, t.start, t.end), t.text);
        }
    }
}

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).expect("fixture")
}

fn fixtures() -> Vec<(String, Options)> {
    vec![
        (SEED.to_string(), Options::new()),
        (
            fixture("russia-north-korea.txt"),
            Options::new().date("2023-09-15"),
        ),
        (
            fixture("china-south-korea.txt"),
            Options::new().date("2017-04-20"),
        ),
        (
            fixture("japan-south-korea-no-quotes.txt"),
            Options::new().date("2023-03-20"),
        ),
    ]
}

#[test]
fn russia_and_north_korea_warming() {
    let text = fixture("russia-north-korea.txt");
    let a = run(&text, &Options::new().date("2023-09-15"));
    assert_eq!(a.focus, ["PRK", "RUS"]);
    assert_eq!(focus_relation(&a).label, Cordial);
    assert_eq!(quote_label(&a, "never been warmer"), Some(Cordial));
    assert_eq!(quote_label(&a, "marriage of convenience"), Some(Cordial));
    assert_eq!(quote_label(&a, "fragile"), Some(Strained));
    assert_eq!(quote_label(&a, "lips and teeth"), Some(Cordial));
    assert_interactions(
        &a,
        &[
            ("RUS", "PRK", "hosted", VerbalCooperation),
            ("RUS", "PRK", "supplied", MaterialCooperation),
            ("PRK", "RUS", "praised", VerbalCooperation),
        ],
    );
    // `a rail link that was suspended` names nobody who suspended it.
    assert!(!a.interactions.iter().any(|i| i.text.contains("suspended")));
    assert_dates(
        &text,
        &a,
        &[
            ("on Tuesday", "2023-09-12", false),
            ("last month", "2023-08", false),
            ("2020", "2020", false),
        ],
    );
}

#[test]
fn china_and_south_korea_under_sanctions() {
    let text = fixture("china-south-korea.txt");
    let a = run(&text, &Options::new().date("2017-04-20"));
    assert_eq!(a.focus, ["CHN", "KOR"]);
    let r = focus_relation(&a);
    assert_eq!(r.label, Strained);
    assert!(
        r.explanation
            .contains("1 of 2 quoted voices call the relationship strained and 1 cordial"),
        "{}",
        r.explanation
    );
    assert_eq!(quote_label(&a, "deeply strained"), Some(Strained));
    assert_eq!(quote_label(&a, "Despite the tensions"), Some(Cordial));
    assert_interactions(
        &a,
        &[
            ("CHN", "KOR", "imposed sanctions", MaterialConflict),
            ("CHN", "KOR", "halted", MaterialConflict),
            ("CHN", "KOR", "criticized", VerbalConflict),
            ("KOR", "CHN", "called on", VerbalCooperation),
            ("CHN", "KOR", "refused", VerbalConflict),
        ],
    );
    assert_dates(&text, &a, &[("March", "2017-03", false)]);
}

#[test]
fn japan_and_south_korea_thaw_without_quotes() {
    let text = fixture("japan-south-korea-no-quotes.txt");
    let a = run(&text, &Options::new().date("2023-03-20"));
    assert!(a.quotes.is_empty());
    assert_eq!(a.focus, ["JPN", "KOR"]);
    let r = focus_relation(&a);
    assert_eq!(r.label, Cordial);
    assert!(r.evidence.iter().all(|e| e.kind != "quote"));
    assert_eq!(r.narrator.as_ref().map(|n| n.label), Some(Cordial));
    assert_interactions(&a, &[("JPN", "KOR", "lifted", MaterialCooperation)]);
    assert_dates(
        &text,
        &a,
        &[
            ("on Monday", "2023-03-20", false),
            ("last month", "2023-02", false),
            ("May", "2023-05", false),
        ],
    );
    // Without a date, relative dates are left out rather than invented.
    let a = run(&text, &Options::new());
    assert!(a.timeline.is_empty(), "{:?}", a.timeline);
}

#[test]
fn the_pair_option_overrides_the_article() {
    let a = run(SEED, &Options::new().pair("south korea", "China"));
    assert_eq!(a.focus, ["CHN", "KOR"]);
    let r = focus_relation(&a);
    assert!(
        r.evidence
            .iter()
            .any(|e| e.kind == "interaction" && e.text == "courts" && e.weight > 0.0),
        "{r:?}"
    );
    // An unknown name leaves the choice to the article.
    let a = run(SEED, &Options::new().pair("Atlantis", "China"));
    assert_eq!(a.focus, ["CHN", "PRK"]);
}

#[test]
fn text_without_countries_has_no_focus_and_no_invented_data() {
    let a = run(
        "“Things are fine,” she said on Monday. Nothing else happened.",
        &Options::new(),
    );
    assert!(a.focus.is_empty());
    assert!(a.actors.is_empty());
    assert!(a.interactions.is_empty());
    assert!(a.timeline.is_empty());
}

/// Every PolNeAR training article (third-party news, read from `../shared`, skipped when absent)
/// analyses without a panic, and every span slices its text.
#[test]
fn polnear_articles_analyse_without_panics() {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/polnear-train/text"
    );
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("skipped: {dir} not found");
        return;
    };
    let mut n = 0;
    for e in entries.flatten() {
        let Ok(text) = std::fs::read_to_string(e.path()) else {
            continue;
        };
        let Ok(a) = analyze(&text, &Options::new()) else {
            continue;
        };
        for i in &a.interactions {
            assert_eq!(utf16_slice(&text, i.start, i.end), i.text, "{:?}", e.path());
        }
        for r in &a.relations {
            assert!(r.score.is_finite() && !r.evidence.is_empty());
        }
        n += 1;
    }
    assert!(n > 0);
}
