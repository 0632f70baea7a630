//! Export: the quotes as CSV (RFC 4180, one row per quote, a header row first).

use super::{card_value, signed, CardView, Facet};

/// The CSV header row.
pub const CSV_HEADER: &str = "id,kind,speaker,role_and_organisation,stance,score,start,end,text";

/// Append one field, quoted when needed. A field that a spreadsheet would take for a formula
/// (`=`, `+`, `-`, `@` first) is prefixed with `'`, so untrusted article text stays text.
/// Written char by char into the row, rather than with `format!` and `str::replace`: the
/// export is rare and this is less code.
fn push_field(out: &mut String, s: &str) {
    let quoted = s.contains([',', '"', '\n', '\r']);
    if quoted {
        out.push('"');
    }
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        out.push('\'');
    }
    for c in s.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quoted {
        out.push('"');
    }
}

/// The cards as CSV text (CRLF line ends, as RFC 4180 asks).
pub fn quotes_csv(cards: &[CardView]) -> String {
    let mut out = String::from(CSV_HEADER);
    out.push_str("\r\n");
    for c in cards {
        push_field(&mut out, &c.id);
        out.push(',');
        push_field(&mut out, c.kind);
        out.push(',');
        push_field(&mut out, c.speaker.as_deref().unwrap_or(""));
        out.push(',');
        push_field(&mut out, c.speaker_detail.as_deref().unwrap_or(""));
        out.push(',');
        push_field(
            &mut out,
            match card_value(c, Facet::Stance) {
                super::NONE_VALUE => "",
                v => v,
            },
        );
        out.push(',');
        if let Some(st) = &c.stance {
            // The display's minus sign as an ASCII hyphen.
            for ch in signed(st.score).chars() {
                out.push(if ch == '\u{2212}' { '-' } else { ch });
            }
        }
        out.push(',');
        out.push_str(&c.start.to_string());
        out.push(',');
        out.push_str(&c.end.to_string());
        out.push(',');
        push_field(&mut out, &c.text);
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::tests::{fixture, FIXTURE_TEXT};
    use crate::view::view_model;
    use crate::Options;

    #[test]
    fn fields_are_quoted_and_defused() {
        let cases = [
            ("plain", "plain"),
            ("a, b", "\"a, b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("=SUM(A1)", "'=SUM(A1)"),
            ("-2, or so", "\"'-2, or so\""),
            ("line\nbreak", "\"line\nbreak\""),
        ];
        for (input, want) in cases {
            let mut out = String::new();
            push_field(&mut out, input);
            assert_eq!(out, want, "{input}");
        }
    }

    #[test]
    fn fixture_csv() {
        let vm = view_model(&fixture(), FIXTURE_TEXT, &Options::new());
        let csv = quotes_csv(&vm.cards);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines.len(), vm.cards.len() + 2);
        assert_eq!(lines[0], CSV_HEADER);
        assert!(lines[1]
            .starts_with("q1,direct,Tomas Varga,\"foreign minister, Arland\",cordial,+0.80,"));
        assert!(lines[1].ends_with(",\"This railway will bring our peoples closer than ever,\""));
        assert!(lines[6].contains(",strained,-0.50,"));
        assert_eq!(lines[7], "");
    }
}
