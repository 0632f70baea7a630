//! Reporting vocabulary: the cue verbs and speaker words the attribution rules use, parsed once
//! from the data files in `data/`.

use std::sync::OnceLock;

use crate::lexicon::{data_rows, lowercase, trim_end_any, FxMap};

/// How a reporting cue behaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CueClass {
    /// A verb of saying (`said`, `told`).
    Speech,
    /// A verb of judging whose object may be a quoted fragment (`criticized … as “…”`).
    Verbal,
    /// A text that speaks (`reads`).
    Document,
    /// `according to`.
    According,
    /// A word that introduces a name, not speech (`dubbed`, `so-called`).
    Naming,
}

/// A reporting cue's class and whether it introduces a reported clause.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct CueInfo {
    pub(crate) class: CueClass,
    pub(crate) clause: Clause,
}

/// Whether a cue introduces a reported clause.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Clause {
    /// Never (`asked`, `called`).
    No,
    /// With or without `that` (`said the talks …`).
    Yes,
    /// Only with `that`: without it the words after the verb are its object
    /// (`announced the plan`).
    That,
}

/// What a word says about the speaker phrase it stands in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SpeakerWord {
    /// Makes a capitalised name an organisation (`Agency`, `University`).
    Org,
    /// A plural noun for several people (`analysts`).
    Group,
    /// A singular noun for one unnamed person (`official`).
    Unnamed,
    /// A text that speaks for its author (`statement`).
    Document,
    /// A title that may stand before a name (`President`).
    Title,
    /// A common noun for an organisation (`campaign`, `ministry`).
    OrgNoun,
}

/// Reporting cues (`data/cues.tsv`); every word is written in lower case.
const CUES: &str = crate::lexicon::data_file!(include_str!("../data/cues.tsv"));
/// Speaker words (`data/speaker-words.tsv`).
const WORDS: &str = crate::lexicon::data_file!(include_str!("../data/speaker-words.tsv"));

pub(crate) struct Lexicon {
    /// Each word's entry in `entries` (one map for both tables); cue words are written in
    /// lower case.
    words: FxMap<&'static str, usize>,
    entries: Vec<(Option<CueInfo>, Option<SpeakerWord>)>,
    /// The first and last letters of the cue words and of the speaker words: most words of
    /// a text fail this test and skip the map.
    cue_ends: Ends,
    speaker_ends: Ends,
}

/// The (first letter, last letter) pairs of a word list, case-insensitively: a mask of last
/// letters per first letter.
#[derive(Default)]
struct Ends([u32; 26]);

impl Ends {
    /// The first and last letters of `word`, as alphabet indices, if both are ASCII letters.
    #[inline]
    fn of(word: &str) -> Option<(usize, u32)> {
        let index = |b: u8| {
            b.is_ascii_alphabetic()
                .then(|| b.to_ascii_lowercase() - b'a')
        };
        let b = word.as_bytes();
        let first = index(*b.first()?)?;
        let last = index(*b.last()?)?;
        Some((usize::from(first), u32::from(last)))
    }

    fn add(&mut self, word: &str) {
        if let Some((f, l)) = Ends::of(word) {
            self.0[f] |= 1 << l;
        }
    }

    /// Can a word of the list be `word`, or `word` in lower case? (True for a word that
    /// does not start and end with ASCII letters: such words are looked up in full.)
    #[inline]
    fn may_hold(&self, word: &str) -> bool {
        Ends::of(word).is_none_or(|(f, l)| self.0[f] & (1 << l) != 0)
    }
}

impl Lexicon {
    /// The entry of `word`, made on first use.
    fn entry(&mut self, word: &'static str) -> &mut (Option<CueInfo>, Option<SpeakerWord>) {
        let n = self.entries.len();
        let at = *self.words.entry(word).or_insert(n);
        if at == n {
            self.entries.push((None, None));
        }
        &mut self.entries[at]
    }

    fn word(&self, word: &str) -> Option<&(Option<CueInfo>, Option<SpeakerWord>)> {
        self.entries.get(*self.words.get(word)?)
    }

    fn load() -> Self {
        let mut lx = Lexicon {
            words: FxMap::default(),
            entries: Vec::new(),
            cue_ends: Ends::default(),
            speaker_ends: Ends::default(),
        };
        lx.words
            .reserve(CUES.lines().count() + WORDS.lines().count());
        for row in data_rows(CUES) {
            let class = match row.get(1) {
                Some("speech") => CueClass::Speech,
                Some("verbal") => CueClass::Verbal,
                Some("document") => CueClass::Document,
                Some("according") => CueClass::According,
                Some("naming") => CueClass::Naming,
                _ => continue,
            };
            let clause = match row.get(2) {
                Some("yes") => Clause::Yes,
                Some("that") => Clause::That,
                _ => Clause::No,
            };
            lx.entry(row.first()).0 = Some(CueInfo { class, clause });
            lx.cue_ends.add(row.first());
        }
        for row in data_rows(WORDS) {
            let class = match row.get(1) {
                Some("org") => SpeakerWord::Org,
                Some("group") => SpeakerWord::Group,
                Some("unnamed") => SpeakerWord::Unnamed,
                Some("document") => SpeakerWord::Document,
                Some("title") => SpeakerWord::Title,
                Some("orgnoun") => SpeakerWord::OrgNoun,
                _ => continue,
            };
            lx.entry(row.first()).1 = Some(class);
            lx.speaker_ends.add(row.first());
        }
        lx
    }

    /// The lexicon, parsed on first use.
    pub(crate) fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::load)
    }

    /// The cue a word is, if any (case-insensitive).
    pub(crate) fn cue(&self, word: &str) -> Option<CueInfo> {
        if !self.cue_ends.may_hold(word) {
            return None;
        }
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            self.word(&lowercase(word, &mut [0; 32]))?.0
        } else {
            self.word(word)?.0
        }
    }

    /// What a word says about a speaker phrase. Org and title words match as written
    /// (capitalised); the nouns match in lower case.
    pub(crate) fn speaker_word(&self, word: &str) -> Option<SpeakerWord> {
        let word = trim_end_any(word, &['.']);
        if !self.speaker_ends.may_hold(word) {
            return None;
        }
        if let Some(w) = self.word(word).and_then(|e| e.1) {
            return Some(w);
        }
        match self.word(&lowercase(word, &mut [0; 32]))?.1 {
            Some(w @ (SpeakerWord::Group | SpeakerWord::Unnamed | SpeakerWord::Document)) => {
                Some(w)
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_words_are_written_in_lower_case() {
        for row in data_rows(CUES) {
            assert_eq!(row.first(), row.first().to_lowercase());
        }
    }

    #[test]
    fn lookups() {
        let lx = Lexicon::get();
        let cases = [
            ("said", Some(CueClass::Speech)),
            ("Said", Some(CueClass::Speech)),
            ("criticized", Some(CueClass::Verbal)),
            ("reads", Some(CueClass::Document)),
            ("according", Some(CueClass::According)),
            ("dubbed", Some(CueClass::Naming)),
            ("believes", None),
        ];
        for (w, want) in cases {
            assert_eq!(lx.cue(w).map(|c| c.class), want, "{w}");
        }
        assert_eq!(lx.speaker_word("University"), Some(SpeakerWord::Org));
        assert_eq!(lx.speaker_word("university"), None);
        assert_eq!(lx.speaker_word("analysts"), Some(SpeakerWord::Group));
        assert_eq!(lx.speaker_word("Analysts"), Some(SpeakerWord::Group));
        assert_eq!(lx.speaker_word("Sen."), Some(SpeakerWord::Title));
        assert_eq!(lx.speaker_word("statement"), Some(SpeakerWord::Document));
    }
}
