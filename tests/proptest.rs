//! Property tests over arbitrary Unicode: `analyze` never panics, and whatever it returns
//! satisfies every invariant of `tests/common` (spans are valid UTF-16 slices inside the text,
//! quote text equals its slice, paragraphs are ordered and disjoint, ids resolve).
//!
//! Two generators: any Unicode string at all, and article-like strings assembled from the
//! pieces that steer the analysis (quotation marks of every kind, newlines, names, reporting
//! verbs, country names, astral characters), which reach far more of its branches.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use proptest::prelude::*;
use relations_widget::{analyze, Options};

/// Pieces of news copy: marks, breaks, names, cues, countries and awkward characters.
const PIECES: &[&str] = &[
    "“",
    "”",
    "\"",
    "‘",
    "’",
    "'",
    "„",
    "«",
    "»",
    "「",
    "」",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    ".",
    ",",
    ";",
    ":",
    "—",
    "-",
    "(",
    ")",
    "said",
    "says",
    "told",
    "according to",
    "added",
    "warned",
    "Kim Jong-un",
    "Xi Jinping",
    "Jane Doe",
    "a professor at",
    "an official",
    "Mr.",
    "Dr.",
    "U.S.",
    "China",
    "North Korea",
    "Beijing",
    "Pyongyang",
    "Seoul",
    "relations",
    "ties",
    "strained",
    "alliance",
    "sanctions",
    "visited",
    "in 2014",
    "on Tuesday",
    "last year",
    "July 30",
    "1950-53",
    "By",
    "@example.com",
    "the",
    "and",
    "\u{0}",
    "\u{feff}",
    "\u{200d}",
    "\u{202e}",
    "😀",
    "👨‍👩‍👧",
    "🇰🇷",
    "𝔄",
    "中文",
    "한국어",
    "عربي",
    "e\u{301}",
    "\u{a0}",
    "\u{2028}",
    "\u{fffd}",
];

fn article_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..400).prop_map(|v| v.concat())
}

fn check(text: &str) -> Result<(), TestCaseError> {
    match analyze(text, &Options::new()) {
        Ok(a) => {
            common::check(text, &a).map_err(TestCaseError::fail)?;
            let _ = relations_widget::view_model(&a, text, &Options::new());
            // The browser's JSON text is serde_json's, byte for byte.
            prop_assert_eq!(Some(a.to_json()), serde_json::to_string(&a).ok());
        }
        Err(e) => {
            // The only refusals possible here: empty input (the cap is far above these sizes).
            prop_assert!(e.is_empty_input(), "unexpected error {e} for {text:?}");
            prop_assert!(text.trim().is_empty(), "{text:?} refused as empty");
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_unicode_string(text in any::<String>()) {
        check(&text)?;
    }

    #[test]
    fn article_like_strings(text in article_like()) {
        check(&text)?;
    }

    #[test]
    fn article_like_strings_with_a_pair_and_date(
        text in article_like(),
        pair in prop::sample::select(&[("China", "North Korea"), ("Russia", "Ukraine"), ("x", "y")][..]),
    ) {
        let options = Options::new().pair(pair.0, pair.1).date("2014-07-30");
        match analyze(&text, &options) {
            Ok(a) => common::check(&text, &a).map_err(TestCaseError::fail)?,
            Err(e) => prop_assert!(e.is_empty_input(), "{e}"),
        }
    }

    #[test]
    fn arbitrary_options(
        a in any::<String>(),
        b in any::<String>(),
        date in prop_oneof![any::<String>(), "[0-9]{1,6}-[0-9]{1,3}-[0-9]{1,3}"],
        cap in any::<usize>(),
    ) {
        let options = Options::new().pair(a, b).date(date).max_input_bytes(cap);
        let text = "“Ties are close,” said Jane Doe.\nChina and North Korea met on Tuesday.";
        match analyze(text, &options) {
            Ok(an) => {
                common::check(text, &an).map_err(TestCaseError::fail)?;
                let _ = relations_widget::view_model(&an, text, &options);
            }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }

    #[test]
    fn the_cap_is_exact(text in "\\PC{0,64}", cap in 0usize..128) {
        let got = analyze(&text, &Options::new().max_input_bytes(cap));
        if text.len() > cap {
            prop_assert!(got.unwrap_err().is_too_large());
        } else if text.trim().is_empty() {
            prop_assert!(got.unwrap_err().is_empty_input());
        } else {
            prop_assert!(got.is_ok());
        }
    }
}
