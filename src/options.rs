//! Options for one analysis, built in Rust with a builder or deserialised from JavaScript.

use serde::Deserialize;

use crate::Error;

/// The default cap on input size: 5 MiB, far above any news article, low enough that a
/// runaway paste cannot freeze a browser tab.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 5 * 1024 * 1024;

/// How to analyse an article.
///
/// ```
/// use relations_widget::Options;
/// let options = Options::new().pair("China", "North Korea").date("2014-07-30");
/// assert_eq!(options.max_input_bytes, relations_widget::DEFAULT_MAX_INPUT_BYTES);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Options {
    /// The two countries the relationship is about; `None` lets the article decide.
    pub pair: Option<[String; 2]>,
    /// The article's publication date (`YYYY-MM-DD`), for resolving relative dates.
    pub date: Option<String>,
    /// Inputs longer than this many UTF-8 bytes are refused with an error.
    pub max_input_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            pair: None,
            date: None,
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
        }
    }
}

impl Options {
    /// The defaults: focus pair from the article, no publication date, a 5 MiB cap.
    pub fn new() -> Self {
        Self::default()
    }

    /// Set the focus pair.
    pub fn pair(mut self, a: impl Into<String>, b: impl Into<String>) -> Self {
        self.pair = Some([a.into(), b.into()]);
        self
    }

    /// Set the publication date (`YYYY-MM-DD`).
    pub fn date(mut self, date: impl Into<String>) -> Self {
        self.date = Some(date.into());
        self
    }

    /// Set the input cap in bytes.
    pub fn max_input_bytes(mut self, max: usize) -> Self {
        self.max_input_bytes = max;
        self
    }

    /// Check every field; `analyze` calls this first.
    pub(crate) fn validate(&self) -> Result<(), Error> {
        if let Some([a, b]) = &self.pair {
            if a.trim().is_empty() || b.trim().is_empty() {
                return Err(Error::invalid_option(
                    "pair",
                    "both countries must be named",
                ));
            }
        }
        if let Some(d) = &self.date {
            if parse_date(d).is_none() {
                return Err(Error::invalid_option(
                    "date",
                    format!("`{d}` is not a date of the form YYYY-MM-DD"),
                ));
            }
        }
        Ok(())
    }
}

/// Parse `YYYY-MM-DD` into (year, month, day) with a real calendar check.
pub(crate) fn parse_date(s: &str) -> Option<(i32, u32, u32)> {
    let mut it = s.trim().splitn(3, '-');
    let y: i32 = it.next()?.parse().ok()?;
    let m: u32 = it.next()?.parse().ok()?;
    let d: u32 = it.next()?.parse().ok()?;
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&d).then_some((y, m, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let cases = [
            ("2014-07-30", Some((2014, 7, 30))),
            ("2016-02-29", Some((2016, 2, 29))),
            ("2014-02-29", None),
            ("2014-13-01", None),
            ("July 2014", None),
            ("", None),
        ];
        for (s, want) in cases {
            assert_eq!(parse_date(s), want, "{s}");
        }
    }

    #[test]
    fn validation() {
        assert!(Options::new().validate().is_ok());
        assert!(Options::new().pair("China", " ").validate().is_err());
        assert!(Options::new().date("yesterday").validate().is_err());
        assert!(Options::new().date("2014-07-30").validate().is_ok());
    }

    #[test]
    fn deserialises_camel_case() {
        let o: Options =
            serde_json::from_str(r#"{"pair":["China","Russia"],"maxInputBytes":10}"#).unwrap();
        assert_eq!(
            o,
            Options::new().pair("China", "Russia").max_input_bytes(10)
        );
        assert!(serde_json::from_str::<Options>(r#"{"bogus":1}"#).is_err());
    }
}
