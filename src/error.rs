//! The one error type the analysis returns.

use std::fmt;

/// Why an analysis could not be produced.
///
/// The type is opaque on purpose: callers show its message (`Display`) and may ask whether the
/// input was empty or too large, but the variants can grow without breaking anyone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum ErrorKind {
    Empty,
    TooLarge { len: usize, max: usize },
    InvalidOption { name: &'static str, reason: String },
}

impl Error {
    pub(crate) fn empty() -> Self {
        Error {
            kind: ErrorKind::Empty,
        }
    }

    pub(crate) fn too_large(len: usize, max: usize) -> Self {
        Error {
            kind: ErrorKind::TooLarge { len, max },
        }
    }

    pub(crate) fn invalid_option(name: &'static str, reason: impl Into<String>) -> Self {
        Error {
            kind: ErrorKind::InvalidOption {
                name,
                reason: reason.into(),
            },
        }
    }

    /// True when the input held no text at all (only whitespace counts as no text).
    pub fn is_empty_input(&self) -> bool {
        matches!(self.kind, ErrorKind::Empty)
    }

    /// True when the input was longer than the configured maximum.
    pub fn is_too_large(&self) -> bool {
        matches!(self.kind, ErrorKind::TooLarge { .. })
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::Empty => f.write_str("the article is empty: there is no text to analyse"),
            ErrorKind::TooLarge { len, max } => write!(
                f,
                "the article is too large to analyse: {len} bytes, the limit is {max} bytes \
                 (raise it with the maxInputBytes option)"
            ),
            ErrorKind::InvalidOption { name, reason } => {
                write!(f, "invalid option `{name}`: {reason}")
            }
        }
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_specific() {
        assert!(Error::empty().to_string().contains("empty"));
        let e = Error::too_large(10, 5);
        assert!(e.is_too_large());
        assert!(e.to_string().contains("10 bytes"));
        assert!(e.to_string().contains("5 bytes"));
        let e = Error::invalid_option("pair", "needs two names");
        assert_eq!(e.to_string(), "invalid option `pair`: needs two names");
    }
}
