//! Pathological inputs through the public API: each finishes (in bounded, linear time — the
//! native benchmark measures it) with an analysis that passes every invariant of
//! `tests/common`, or with the one clear error its case calls for. No timing is asserted here.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::analyze_checked;
use relations_widget::{analyze, Analysis, Options, DEFAULT_MAX_INPUT_BYTES};

const SEED: &str = include_str!("../www/seed-article.txt");

/// About `bytes` of article text: the seed's paragraphs, numbered so that no paragraph repeats
/// an earlier one (repeats are skipped by the analysis and would make the input easy).
fn varied_article(bytes: usize) -> String {
    let paras: Vec<&str> = SEED.lines().filter(|l| !l.trim().is_empty()).collect();
    let mut out = String::with_capacity(bytes + 1024);
    let mut n = 0usize;
    while out.len() < bytes {
        let p = paras[n % paras.len()];
        out.push_str(p);
        out.push_str(&format!(" ({n})\n"));
        n += 1;
    }
    out
}

fn ok(text: &str) -> Analysis {
    ok_with(text, &Options::new())
}

fn ok_with(text: &str, options: &Options) -> Analysis {
    match analyze_checked(text, options) {
        Ok(a) => a,
        Err(e) => panic!("{e}\ninput: {:?}", common::preview(text)),
    }
}

/// Quote-like items (direct, partial and indirect quotes plus scare quotes) found in `a`.
fn quoted(a: &Analysis) -> usize {
    a.quotes.len() + a.scare_quotes.len()
}

#[test]
fn ten_megabytes_of_article_text_with_a_raised_cap() {
    let text = varied_article(10 * 1024 * 1024);
    let a = ok_with(&text, &Options::new().max_input_bytes(16 * 1024 * 1024));
    assert_eq!(a.paragraphs.len(), text.lines().count());
    assert!(a.paragraphs.iter().all(|p| p.duplicate_of.is_none()));
    assert!(quoted(&a) > 1000, "{} quotes", quoted(&a));
}

#[test]
fn the_default_cap_refuses_ten_megabytes_with_a_clear_error() {
    let text = varied_article(10 * 1024 * 1024);
    let e = analyze(&text, &Options::new()).unwrap_err();
    assert!(e.is_too_large());
    let m = e.to_string();
    assert!(m.contains("too large"), "{m}");
    assert!(m.contains(&DEFAULT_MAX_INPUT_BYTES.to_string()), "{m}");
    assert!(m.contains("maxInputBytes"), "{m}");
}

#[test]
fn the_cap_counts_utf8_bytes_and_is_inclusive() {
    // 17 bytes but 9 UTF-16 units: each curly mark is three UTF-8 bytes, each "é" two.
    let text = "“éééé,” x";
    assert_eq!(text.len(), 17);
    let cases: &[(usize, bool)] = &[(0, false), (9, false), (16, false), (17, true), (18, true)];
    for &(cap, accepted) in cases {
        let got = analyze(text, &Options::new().max_input_bytes(cap));
        assert_eq!(got.is_ok(), accepted, "cap {cap}: {got:?}");
        if let Err(e) = got {
            assert!(e.is_too_large(), "cap {cap}: {e}");
        }
    }
}

#[test]
fn a_hundred_thousand_quote_marks() {
    const N: usize = 100_000;
    let cases: Vec<(&str, String, usize)> = vec![
        // (name, text, most quote-like items it may yield)
        ("straight marks only", "\"".repeat(N), 0),
        ("curly openings only", "“".repeat(N), 0),
        ("curly closings only", "”".repeat(N), 0),
        ("low-9 openings only", "„".repeat(N), 0),
        ("marks and spaces", "“ ” \" ".repeat(N / 3), 0),
        ("balanced one-word quotes", "“word” ".repeat(N / 2), N / 2),
        ("straight one-word quotes", "\"word\" ".repeat(N / 2), N / 2),
        ("openings before words", "“a ".repeat(N), N),
        ("nested singles", "“a ‘b’ c” ".repeat(N / 2), N),
        (
            "one mark per line",
            (0..N).map(|i| format!("“line {i}\n")).collect(),
            N,
        ),
    ];
    for (name, text, most) in cases {
        let a = ok(&text);
        assert!(quoted(&a) <= most, "{name}: {} > {most}", quoted(&a));
    }
}

#[test]
fn unbalanced_and_mismatched_quotes() {
    let cases: &[(&str, &str)] = &[
        ("open at the end", "He said “"),
        ("close at the start", "” he said."),
        (
            "open never closed",
            "“It never ends, he said.\nNext paragraph.",
        ),
        ("close never opened", "It never began,” he said."),
        ("curly open, straight close", "“Mixed,\" he said."),
        ("straight open, curly close", "\"Mixed,” he said."),
        ("reversed curly", "”Backwards,“ he said."),
        ("single marks only", "‘Single,’ he said. It’s fine ’tis."),
        ("guillemets", "«Guillemets,» he said. »Reversed,« too."),
        ("CJK brackets", "「引用」と彼は言った。『二重』"),
        ("low-9 German", "„Deutsch“, sagte er. „Noch einmal”"),
        ("marks around nothing", "“” \"\" „“ ‘’ “ ”"),
        ("marks around punctuation", "“...” “—” “!?” “,”"),
        ("deep nesting", "“a “b “c “d ” ” ” ”"),
        ("a lone mark", "\""),
        ("a lone curly mark", "“"),
    ];
    for (name, text) in cases {
        let a = ok(text);
        let marks = text
            .chars()
            .filter(|c| "“”\"„«»「」『』".contains(*c))
            .count();
        assert!(quoted(&a) <= marks.max(1), "{name}: {a:?}");
    }
}

#[test]
fn one_megabyte_on_one_line() {
    let line = varied_article(1024 * 1024).replace('\n', " ");
    let a = ok(&line);
    assert_eq!(a.paragraphs.len(), 1);
    assert!(quoted(&a) > 100);
    // And the same line without a single space or mark.
    let a = ok(&"x".repeat(1024 * 1024));
    assert_eq!(a.paragraphs.len(), 1);
    assert_eq!(quoted(&a), 0);
}

#[test]
fn only_white_space_is_the_empty_error() {
    let cases = [
        "",
        " ",
        "\n\n\n",
        "\t \r\n \u{b}\u{c}",
        "\u{a0}\u{2002}\u{2003}\u{2009}\u{3000}",
        "\u{2028}\u{2029}\u{85}",
        &" \n".repeat(500_000),
    ];
    for text in cases {
        let e = analyze(text, &Options::new()).unwrap_err();
        assert!(e.is_empty_input(), "{:?}: {e}", common::preview(text));
        assert!(e.to_string().contains("empty"));
    }
}

#[test]
fn control_characters_and_nul_bytes() {
    let cases: Vec<String> = vec![
        "\0".repeat(100_000),
        "“a\0b,” he said.\0".to_string(),
        "\0“\0”\0\"\0".repeat(1000),
        (1u8..32)
            .map(|b| b as char)
            .chain("“ctl,” he said".chars())
            .collect(),
        "\u{7f}\u{80}\u{9f}“c1 controls,” he said.".to_string(),
        "\u{feff}“After a byte-order mark,” he said.".to_string(),
        "\u{fffd}\u{fffe}\u{ffff}“Replacement and non-characters,” he said.".to_string(),
        "“Zero\u{200b}width\u{200c}joiners\u{200d},” he said.\u{2060}".to_string(),
        "Line\rendings\r\n“Old Mac\r,” he said.\r\rTwo.\n".to_string(),
    ];
    for text in cases {
        ok(&text);
    }
}

#[test]
fn right_to_left_cjk_and_emoji() {
    let texts = [
        "قال المتحدث “العلاقات قوية” أمس.\n“مرحبا،” قال.",
        "“שלום,” אמר השגריר. “היחסים טובים.”",
        "\u{202e}“Reversed,” he said.\u{202c} \u{2067}“Isolated”\u{2069} \u{200f}",
        "“中朝关系面临困难，”一位官员说。“我们是邻居。”",
        "「日本語」と“引用”を混ぜる。",
        "“한중 관계는 좋다,”라고 그는 말했다.",
        "😀“🇰🇷🇨🇳 flags,” he said 👍🏽. “👨‍👩‍👧‍👦 family” 🏳️‍🌈",
        "𝔘“𝔄𝔅,” 𝔠𝔡”𝔢",
        "“e\u{301}\u{302}\u{303}\u{304}\u{305} zalgo\u{336}\u{336},” she said.",
        "“Pyongyang 평양 平壤 Пхеньян بيونغ يانغ,” he said.",
    ];
    for text in texts {
        let a = ok(text);
        assert!(quoted(&a) >= 1, "{text:?}: nothing quoted");
        // Repeated a thousand times on distinct lines, the same holds at scale.
        let big: String = (0..1000).map(|i| format!("{text} {i}\n")).collect();
        ok(&big);
    }
}

#[test]
fn many_paragraphs_and_many_repeats() {
    let cases: Vec<(&str, String)> = vec![
        (
            "200,000 short distinct lines",
            (0..200_000).map(|i| format!("P{i}.\n")).collect(),
        ),
        (
            "100,000 copies of one quoted paragraph",
            "“Same,” he said.\n".repeat(100_000),
        ),
        (
            "a million newlines then a word",
            "\n".repeat(1_000_000) + "word",
        ),
        (
            "a word then a million spaces",
            "word".to_string() + &" ".repeat(1_000_000),
        ),
    ];
    for (name, text) in cases {
        let a = ok(&text);
        assert!(!a.paragraphs.is_empty(), "{name}");
        let dups = a
            .paragraphs
            .iter()
            .filter(|p| p.duplicate_of.is_some())
            .count();
        if name.starts_with("100,000 copies") {
            assert_eq!(dups, 99_999, "{name}");
            assert!(quoted(&a) <= 1, "{name}: a repeated quote is listed once");
        }
    }
}

#[test]
fn options_are_checked_before_the_text() {
    let bad = Options::new().date("2014-02-30");
    let e = analyze(&"x".repeat(10), &bad).unwrap_err();
    assert!(e.to_string().contains("date"), "{e}");
    let e = analyze("x", &Options::new().pair("", "China")).unwrap_err();
    assert!(e.to_string().contains("pair"), "{e}");
}

/// Inputs that once crashed or stalled the analysis (found by these tests, the property tests
/// and the fuzzer), kept as regressions.
#[test]
fn regressions() {
    let cases: Vec<(&str, String)> = vec![
        // A non-ASCII word where a party-state abbreviation (`R-Pa.`) was sliced by bytes.
        ("party-state slice", ",𝔄,said“".to_string()),
        (
            "party-state slice, CJK",
            "“Ties,” said 中文Beijing, 〨 of it.".to_string(),
        ),
        // One word per quote mark with no mark ahead: the tokenizer read to the next mark
        // for every word (quadratic).
        ("open marks before words", "“a ".repeat(20_000)),
        // Every quote of a long sentence looked through all its cues and recomputed its
        // subject (quadratic).
        ("many quotes in one sentence", "said “a” ".repeat(20_000)),
        ("many cues in one sentence", "and said and ".repeat(20_000)),
    ];
    for (name, text) in cases {
        let a = ok(&text);
        assert!(!a.paragraphs.is_empty(), "{name}");
    }
}
