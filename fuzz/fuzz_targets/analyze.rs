//! Fuzz `analyze` on arbitrary bytes: the first byte picks the options, the rest, decoded
//! lossily as UTF-8 (what JavaScript strings become at the boundary), is the article.
//! Any panic, any hang, or any span that is not a valid UTF-16 slice of the input is a crash.
#![no_main]

use libfuzzer_sys::fuzz_target;
use relations_widget::{analyze, view_model, Options};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let mut options = Options::new();
    if selector & 1 == 1 {
        options = options.pair("China", "North Korea");
    }
    if selector & 2 == 2 {
        options = options.date("2014-07-30");
    }
    if selector & 4 == 4 {
        // A small cap exercises the refusal path.
        options = options.max_input_bytes(usize::from(selector >> 3));
    }
    let Ok(analysis) = analyze(&text, &options) else {
        return;
    };
    let units: Vec<u16> = text.encode_utf16().collect();
    let slice = |start: usize, end: usize| -> String {
        assert!(
            start <= end && end <= units.len(),
            "span {start}..{end} of {}",
            units.len()
        );
        String::from_utf16(&units[start..end]).expect("span on UTF-16 char boundaries")
    };
    let mut prev = 0;
    for p in &analysis.paragraphs {
        assert!(p.start >= prev, "paragraphs overlap");
        slice(p.start, p.end);
        prev = p.end;
    }
    for q in &analysis.quotes {
        assert_eq!(slice(q.start, q.end), q.text);
        if let Some(c) = &q.cue {
            assert_eq!(slice(c.start, c.end), c.text);
        }
    }
    for s in &analysis.scare_quotes {
        assert_eq!(slice(s.start, s.end), s.text);
    }
    for sp in &analysis.speakers {
        for m in &sp.mentions {
            slice(m.start, m.end);
        }
    }
    for a in &analysis.actors {
        for m in &a.mentions {
            slice(m.start, m.end);
        }
    }
    for e in &analysis.timeline {
        slice(e.start, e.end);
    }
    for i in &analysis.interactions {
        slice(i.start, i.end);
    }
    let _ = view_model(&analysis, &text, &options);
    serde_json::to_string(&analysis).expect("serialises");
});
