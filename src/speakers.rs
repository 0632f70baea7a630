//! Speakers: turning the phrase a quote is attributed to into a voice, and keeping one voice
//! per person or organisation across the article.
//!
//! Rules:
//! - a capitalised name is a person unless a word of it marks an organisation (`Agency`,
//!   `University`) or it is an acronym; titles before a name are its role
//!   (`Foreign Ministry spokesperson Hua Chunying`), an appositive after it gives role and
//!   organisation (`…, a professor at Example University in Seoul`);
//! - a later, shorter form names the same person (`Jane Roe` … `Roe` … `Roe of Example
//!   University`), but two different full names never merge, even with a shared surname;
//! - acronyms name the organisation they abbreviate (`KCNA` ↔ `Korean Central News Agency`);
//! - `he`/`she` is the last person quoted, `it` the last organisation, `they` the last group;
//! - `other analysts` is a group; `a U.S. official` an unnamed person, each one distinct;
//! - `the statement` speaks for the organisation last quoted, or for whoever released it.

use std::borrow::Cow;
use std::ops::Range;

use crate::case::lower;
use crate::lexicon::{
    find_str, is_any, lower_is_any, lowercase, trim_end_any, trim_start_str, CollectVec, FxMap,
};
use crate::model::SpeakerKind;
use crate::reporting::{CueClass, Lexicon, SpeakerWord};
use crate::text::{self, sub};
use crate::timeline::{MONTHS, WEEKDAYS};

/// Longest description taken as a speaker (`the Republican presidential front-runner`).
const MAX_DESCRIPTION_WORDS: usize = 8;

/// Finite verbs that mark a phrase as a clause rather than a description of a speaker.
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "do",
    "does", "did", "aren't", "isn't",
];

/// Words that name a time, never a speaker (`a statement Wednesday saying`), besides month
/// and weekday names.
const TIME_WORDS: &[&str] = &["today", "yesterday", "tonight", "tomorrow"];

/// Is this lower-case word a time word?
fn is_time_word(w: &str) -> bool {
    TIME_WORDS.contains(&w) || MONTHS.contains(&w) || WEEKDAYS.contains(&w)
}

/// How many paragraphs back `the statement` may look for its author.
const DOCUMENT_LOOKBACK_PARAS: usize = 4;

/// A source phrase: the words that name the speaker and an optional appositive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Np {
    pub(crate) range: Range<usize>,
    pub(crate) appos: Option<Range<usize>>,
}

/// One voice.
#[derive(Clone, Debug)]
pub(crate) struct Entity {
    pub(crate) name: String,
    pub(crate) role: Option<String>,
    pub(crate) org: Option<String>,
    pub(crate) kind: SpeakerKind,
    pub(crate) aliases: Vec<String>,
    pub(crate) mentions: Vec<Range<usize>>,
    /// Lower-case name words, for matching later mentions.
    tokens: Vec<String>,
    /// The paragraph where the voice last spoke.
    last_para: usize,
}

/// All voices of one article, with the state pronouns resolve against.
#[derive(Default)]
pub(crate) struct Registry {
    ents: Vec<Entity>,
    last_person: Option<usize>,
    last_org: Option<usize>,
    last_group: Option<usize>,
    para: usize,
    /// Lookup keys, one map per [`Key`] (name word, role word, organisation name, acronym), to
    /// the voices they belong to, so that finding a voice never scans them all.
    index: [FxMap<String, usize>; Key::COUNT],
    /// The voices of each key of `index`.
    lists: Vec<Voices>,
}

/// The voices of an index key: most keys have one.
enum Voices {
    One(usize),
    Many(Vec<usize>),
}

/// What an index key of [`Registry`] is.
#[derive(Clone, Copy)]
enum Key {
    /// A lower-case word of a voice's name.
    Token,
    /// A role word in full (`senator`).
    Role,
    /// An organisation's name or alias, lower case.
    Org,
    /// An organisation's acronym.
    Acronym,
}

impl Key {
    const COUNT: usize = 4;
}

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "one", "another", "some", "several", "many", "other", "two", "three", "most",
];

/// A word without its possessive `’s` / `'s`.
pub(crate) fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .unwrap_or(w)
}

/// Does the word start with a capital letter?
pub(crate) fn is_cap(w: &str) -> bool {
    match w.as_bytes().first() {
        Some(&b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => w.chars().next().is_some_and(char::is_uppercase),
    }
}

fn is_acronym(w: &str) -> bool {
    let mut letters = w.chars().filter(|c| c.is_alphabetic());
    (2..=6).contains(&letters.clone().count())
        && !w.contains('.')
        && letters.all(char::is_uppercase)
}

/// First letters of a name's capitalised words (`Korean Central News Agency` → `KCNA`).
fn acronym_of(name: &str) -> String {
    name.split_whitespace()
        .filter(|w| is_cap(w))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// Split an appositive into role and organisation: `a professor at X University in Seoul` →
/// (`professor`, `X University`); `vice speaker of the National Assembly and a lawmaker …` →
/// (`vice speaker`, `National Assembly`).
fn role_and_org(appos: &str) -> (Option<String>, Option<String>) {
    let a = appos.trim();
    if a.is_empty() || a.starts_with(|c: char| !c.is_alphabetic()) {
        return (None, None);
    }
    let first = lower(a.split_whitespace().next().unwrap_or(""));
    if is_any(
        first.as_str(),
        &[
            "who", "which", "whose", "where", "when", "said", "says", "adding", "saying",
        ],
    ) {
        return (None, None);
    }
    let strip_det = |s: &str| -> String {
        let s = s.trim();
        for d in ["a ", "an ", "the ", "A ", "An ", "The "] {
            if let Some(r) = s.strip_prefix(d) {
                return r.trim().to_string();
            }
        }
        s.to_string()
    };
    // Only the first conjunct describes the role (`… and a lawmaker of …` is a second one).
    let a = match find_str(a, " and a ")
        .or_else(|| find_str(a, " and an "))
        .or_else(|| find_str(a, " and the "))
    {
        Some(i) => sub(a, ..i),
        None => a,
    };
    let split = find_str(a, " at ").map(|i| (i, 4)).or_else(|| {
        // `of` introduces an organisation only when a capitalised name follows.
        let mut from = 0;
        while let Some(i) = find_str(sub(a, from..), " of ").map(|i| from + i) {
            if trim_start_str(sub(a, i + 4..), "the ").starts_with(|c: char| c.is_uppercase()) {
                return Some((i, 4));
            }
            from = i + 4;
        }
        None
    });
    match split {
        Some((i, n)) => {
            let role = strip_det(sub(a, ..i));
            let mut org = strip_det(sub(a, i + n..));
            // `X University in Seoul`: the place is not part of the name.
            if let Some(j) = find_str(&org, " in ") {
                org.truncate(j);
            }
            let org = trim_end_any(&org, &[',', '.']).to_string();
            (
                Some(role).filter(|r| !r.is_empty()),
                Some(org).filter(|o| o.chars().next().is_some_and(char::is_uppercase)),
            )
        }
        None => (
            Some(strip_det(a)).filter(|r| !r.is_empty() && r.split_whitespace().count() <= 8),
            None,
        ),
    }
}

impl Registry {
    /// The voices found so far, in order of first appearance.
    #[cfg(test)]
    pub(crate) fn entities(&self) -> &[Entity] {
        &self.ents
    }

    /// The voices found, in order of first appearance.
    pub(crate) fn into_entities(self) -> Vec<Entity> {
        self.ents
    }

    /// Note that paragraph `para` starts (for `the statement` look-backs).
    pub(crate) fn start_paragraph(&mut self, para: usize) {
        self.para = para;
    }

    /// A voice speaks again (a continuation paragraph): it becomes the pronouns' referent.
    pub(crate) fn mention_speaker(&mut self, id: usize) {
        self.touch(id);
    }

    fn touch(&mut self, id: usize) {
        let e = &mut self.ents[id];
        e.last_para = self.para;
        match e.kind {
            SpeakerKind::Person | SpeakerKind::Unnamed => self.last_person = Some(id),
            SpeakerKind::Organization => self.last_org = Some(id),
            SpeakerKind::Group => self.last_group = Some(id),
        }
    }

    fn add_mention(&mut self, id: usize, r: Range<usize>, surface: &str) {
        let e = &mut self.ents[id];
        // Mentions come in text order; the article's output sorts and de-duplicates them.
        if e.mentions.last() != Some(&r) {
            e.mentions.push(r);
        }
        let surface = surface.trim();
        let new_alias = !surface.is_empty()
            && surface != e.name
            && !e.aliases.iter().any(|a| a == surface)
            && !is_pronoun(surface);
        if new_alias {
            e.aliases.push(surface.to_string());
        }
        self.touch(id);
        // An organisation's aliases are index keys.
        if new_alias {
            self.reindex(id);
        }
    }

    /// Resolve a source phrase to a voice, creating it on first mention.
    pub(crate) fn resolve(&mut self, text: &str, np: &Np, cue: CueClass) -> Option<usize> {
        let words = text::words(text, np.range.clone());
        let first_r = words.first()?.clone();
        let mut buf = [0; 32];
        let first = lowercase(sub(text, first_r.clone()), &mut buf);
        // Pronouns.
        if words.len() == 1 {
            let id = match &*first {
                "he" | "she" | "him" | "her" => self.last_person,
                "it" => self.last_org,
                "they" | "them" => self.last_group.or(self.last_org),
                "i" | "we" | "you" => return None,
                _ => None,
            };
            if let Some(id) = id {
                self.ents[id].mentions.push(first_r);
                self.touch(id);
                return Some(id);
            }
            if is_pronoun(&first) {
                return None;
            }
        }
        // Split a coordination (`X of Y University and other analysts`) at `and` + lower case.
        let mut parts: Vec<Range<usize>> = Vec::new();
        let mut start = np.range.start;
        for (k, r) in words.iter().enumerate() {
            if lower_is_any(sub(text, r.clone()), &["and"])
                && words
                    .get(k + 1)
                    .is_some_and(|r2| !is_cap(sub(text, r2.clone())))
            {
                parts.push(start..r.start);
                start = words[k + 1].start;
            }
        }
        parts.push(start..np.range.end);
        let lx = Lexicon::get();
        // A text that speaks: its author, else its publisher.
        let is_document = words
            .iter()
            .any(|r| lx.speaker_word(sub(text, r.clone())) == Some(SpeakerWord::Document))
            && !words.iter().any(|r| {
                is_cap(sub(text, r.clone()))
                    && !lower_is_any(sub(text, r.clone()), DETERMINERS)
                    && words.iter().position(|x| x == r) == Some(0)
            });
        if is_document || cue == CueClass::Document {
            let author = self.last_org.filter(|&id| {
                self.para.saturating_sub(self.ents[id].last_para) <= DOCUMENT_LOOKBACK_PARAS
            });
            // The text's own name (`the statement`) is an alias of its author.
            let doc_end = words
                .iter()
                .position(|r| lx.speaker_word(sub(text, r.clone())) == Some(SpeakerWord::Document))
                .map_or(np.range.end, |k| words[k].end);
            let surface = sub(text, np.range.start..doc_end);
            if let Some(id) = author {
                self.add_mention(id, np.range.clone(), surface);
                return Some(id);
            }
            // `released by X`.
            if let Some(k) = words
                .iter()
                .position(|r| lower_is_any(sub(text, r.clone()), &["by"]))
            {
                let r = words[k + 1..].first().map(|r| r.start)?..np.range.end;
                return self.resolve(
                    text,
                    &Np {
                        range: r,
                        appos: None,
                    },
                    CueClass::Speech,
                );
            }
        }
        // Prefer the first part that carries a capitalised name; else the first part.
        let named = (parts.len() > 1)
            .then(|| {
                parts.iter().find(|r| {
                    text::words(text, (*r).clone()).iter().any(|w| {
                        is_cap(sub(text, w.clone()))
                            && !lower_is_any(sub(text, w.clone()), DETERMINERS)
                    })
                })
            })
            .flatten();
        let part = named.unwrap_or(&parts[0]).clone();
        // The whole phrase's words are at hand.
        let ws = if part == np.range {
            words
        } else {
            text::words(text, part.clone())
        };
        self.resolve_words(text, part, ws, np.appos.clone())
    }

    fn resolve_part(
        &mut self,
        text: &str,
        part: Range<usize>,
        appos: Option<Range<usize>>,
    ) -> Option<usize> {
        let ws = text::words(text, part.clone());
        self.resolve_words(text, part, ws, appos)
    }

    /// [`Registry::resolve_part`] with the part's words.
    fn resolve_words(
        &mut self,
        text: &str,
        part: Range<usize>,
        ws: Vec<Range<usize>>,
        appos: Option<Range<usize>>,
    ) -> Option<usize> {
        let lx = Lexicon::get();
        // Each word sliced once (a slice check inlined at every use would be larger).
        let strs: Vec<&str> = ws.iter().map(|r| sub(text, r.clone())).collect_vec();
        let w = |i: usize| strs[i];
        if ws.is_empty() {
            return None;
        }
        let last = ws.len() - 1;
        // A lower-case head noun: a group or an unnamed person (`other analysts`, `a U.S. official`).
        if !is_cap(w(last)) {
            // A description, not a clause: short, not opened by a pronoun, no finite verb.
            let mut buf = [0; 32];
            let first = lowercase(w(0), &mut buf);
            let clause_like = ws.len() > MAX_DESCRIPTION_WORDS
                || is_pronoun(&first)
                || (0..ws.len()).any(|i| {
                    let mut xb = [0; 32];
                    let x = lowercase(w(i), &mut xb);
                    AUXILIARIES.contains(&&*x)
                        || (x.ends_with("ed") && i > 0 && !lower_is_any(w(i - 1), DETERMINERS))
                });
            // `a source involved in the talks`, `the order released Friday`: a participle
            // after a determiner and a common noun modifies the noun, which is the speaker.
            let participle = (2..ws.len()).find(|&i| {
                w(i).ends_with("ed")
                    && !is_cap(w(i - 1))
                    && (0..i - 1).all(|k| !is_cap(w(k)))
                    && DETERMINERS.contains(&&*first)
            });
            if let Some(i) = participle.filter(|_| !is_pronoun(&first)) {
                return self.resolve_part(text, ws[0].start..ws[i - 1].end, None);
            }
            if clause_like {
                // Salvage the clause's own subject: a pronoun, or a leading capitalised name.
                if is_pronoun(&first) {
                    let np = Np {
                        range: ws[0].clone(),
                        appos: None,
                    };
                    return self.resolve(text, &np, CueClass::Speech);
                }
                let run = (0..ws.len()).take_while(|&i| is_cap(w(i))).count();
                if run == 0 || (run == 1 && DETERMINERS.contains(&&*first)) {
                    return None;
                }
                return self.resolve_part(text, ws[0].start..ws[run - 1].end, None);
            }
            // A common noun names an organisation (`the campaign`), a text (`the statement`)
            // or, by default, a person the text describes (`the business mogul`).
            let kind = match lx.speaker_word(w(last)) {
                Some(SpeakerWord::Group) => SpeakerKind::Group,
                Some(SpeakerWord::OrgNoun | SpeakerWord::Document) => SpeakerKind::Organization,
                _ => SpeakerKind::Unnamed,
            };
            let phrase = sub(text, ws[0].start..ws[last].end).to_string();
            let head = lower(w(last));
            let indefinite = lower_is_any(w(0), DETERMINERS) && !w(0).eq_ignore_ascii_case("the");
            // `the official` is the official already quoted; `an official` is a new one.
            let existing = if indefinite && kind == SpeakerKind::Unnamed {
                None
            } else {
                self.lookup(Key::Token, &head)
                    .iter()
                    .rev()
                    .copied()
                    .find(|&i| {
                        let e = &self.ents[i];
                        e.kind == kind
                            && e.tokens.last() == Some(&head)
                            && (kind != SpeakerKind::Organization
                                || e.name.eq_ignore_ascii_case(&phrase))
                    })
            };
            // `the president`, `the senator`: the named person who holds that role.
            let by_role = (!indefinite && kind == SpeakerKind::Unnamed)
                .then(|| self.find_by_role(&head))
                .flatten();
            let id = match by_role.or(existing) {
                Some(id) => id,
                None => self.push(phrase.clone(), kind, vec![head], None, None),
            };
            self.add_mention(id, part, &phrase);
            return Some(id);
        }
        // Skip leading determiners and possessive place names (`Seoul’s X Agency`).
        let mut a = 0;
        while a < last
            && (lower_is_any(w(a), DETERMINERS)
                || (strip_possessive(w(a)) != w(a) && is_cap(w(a + 1))))
        {
            a += 1;
        }
        // `Name of/at Org University`: a person with an organisation.
        let mut org_of: Option<String> = None;
        let mut b = last + 1;
        if let Some(k) = (a + 1..last).find(|&k| is_any(w(k), &["of", "at"])) {
            let left_has_org = (a..k).any(|i| lx.speaker_word(w(i)) == Some(SpeakerWord::Org));
            let right_has_org =
                (k + 1..=last).any(|i| lx.speaker_word(w(i)) == Some(SpeakerWord::Org));
            if !left_has_org && right_has_org && (a..k).all(|i| is_cap(w(i))) {
                org_of = Some(
                    trim_start_str(sub(text, ws[k + 1].start..ws[last].end), "the ").to_string(),
                );
                b = k;
            }
        }
        // The trailing capitalised run; a lower-case role word before it (`spokesperson John
        // Doe`) makes the phrase a titled person even when an organisation precedes the role.
        let mut n0 = b - 1;
        while n0 > a && is_cap(w(n0 - 1)) && lx.speaker_word(w(n0 - 1)) != Some(SpeakerWord::Title)
        {
            n0 -= 1;
        }
        let titled = n0 > a
            && !is_cap(w(n0 - 1))
            && !is_any(w(n0 - 1), &["of", "at", "and", "for", "the", "on", "in"]);
        let is_org = org_of.is_none()
            && !titled
            && ((a..b).any(|i| lx.speaker_word(w(i)) == Some(SpeakerWord::Org))
                || (b - a == 1 && is_acronym(w(a))));
        if is_org {
            let name = sub(text, ws[a].start..ws[b - 1].end).to_string();
            let id = self.find_org(&name).unwrap_or_else(|| {
                self.push(
                    name.clone(),
                    SpeakerKind::Organization,
                    vec![lower(&name)],
                    None,
                    None,
                )
            });
            if name.len() > self.ents[id].name.len() && !is_acronym(&name) {
                let old = std::mem::replace(&mut self.ents[id].name, name.clone());
                self.ents[id].aliases.push(old);
                self.reindex(id);
            }
            self.add_mention(id, ws[a].start..ws[b - 1].end, &name);
            return Some(id);
        }
        // A person: the trailing capitalised run is the name; what precedes it is the role.
        if !is_cap(w(n0)) || (n0..b).all(|i| is_time_word(&lowercase(w(i), &mut [0; 32]))) {
            return None;
        }
        let name_r = ws[n0].start..ws[b - 1].end;
        // `Roe’s answer was`: the possessor speaks.
        let name =
            trim_end_any(strip_possessive(sub(text, name_r.clone())), &['’', '\'']).to_string();
        let tokens: Vec<String> = (n0..b).map(|i| lower(strip_possessive(w(i)))).collect_vec();
        let prefix = (n0 > a).then(|| sub(text, ws[a].start..ws[n0 - 1].end).to_string());
        // Role and organisation: from the appositive, else from the words before the name
        // (`Foreign Ministry spokesperson` → org `Foreign Ministry`, role `spokesperson`).
        let (mut role, mut org) = appos
            .map(|r| role_and_org(sub(text, r)))
            .unwrap_or((None, None));
        if let Some(p) = &prefix {
            let pw: Vec<&str> = p.split_whitespace().collect_vec();
            let split = pw
                .iter()
                .rposition(|x| is_cap(x) && lx.speaker_word(x) == Some(SpeakerWord::Org));
            match split {
                Some(k) if k + 1 < pw.len() => {
                    org = org.or_else(|| Some(pw[..=k].join(" ")));
                    role = role.or_else(|| Some(pw[k + 1..].join(" ")));
                }
                _ => role = role.or_else(|| Some(p.clone())),
            }
        }
        org = org.or(org_of);
        let id = match self.find_person(&tokens) {
            Some(id) => {
                // A longer form of the name, or a first role, gives the voice new index keys.
                let e = &mut self.ents[id];
                let mut rekey = false;
                if tokens.len() > e.tokens.len() {
                    let old = std::mem::replace(&mut e.name, name);
                    e.tokens = tokens;
                    e.aliases.push(old);
                    rekey = true;
                }
                if e.role.is_none() {
                    rekey |= role.is_some();
                    e.role = role;
                }
                if e.org.is_none() {
                    e.org = org;
                }
                if rekey {
                    self.reindex(id);
                }
                id
            }
            None => self.push(name, SpeakerKind::Person, tokens, role, org),
        };
        self.add_mention(id, name_r, sub(text, ws[n0].start..ws[last].end));
        // The surname is an alias: the last word, or the first for names written family name
        // first with a hyphenated given name (`Kim Jong-un`).
        let mut words = self.ents[id].name.split_whitespace();
        let surname = match (words.next(), words.next_back()) {
            (Some(first), Some(last)) if last.contains('-') && !first.contains('-') => {
                Some(first.to_string())
            }
            (_, Some(last)) | (Some(last), None) => Some(last.to_string()),
            (None, None) => None,
        };
        if let Some(s) = surname {
            if self.ents[id].name.contains(' ') && !self.ents[id].aliases.contains(&s) {
                self.ents[id].aliases.push(s);
            }
        }
        Some(id)
    }

    fn push(
        &mut self,
        name: String,
        kind: SpeakerKind,
        tokens: Vec<String>,
        role: Option<String>,
        org: Option<String>,
    ) -> usize {
        self.ents.push(Entity {
            name,
            role,
            org,
            kind,
            aliases: Vec::new(),
            mentions: Vec::new(),
            tokens,
            last_para: self.para,
        });
        let id = self.ents.len() - 1;
        self.reindex(id);
        id
    }

    /// The person these name words refer to: the same name, or a shorter or longer form of it
    /// (all of one's words within the other's), most recent first.
    fn find_person(&self, tokens: &[String]) -> Option<usize> {
        let within = |a: &[String], b: &[String]| a.iter().all(|t| b.contains(t));
        // A voice with a shorter or longer form of the name shares one of its words.
        tokens
            .iter()
            .flat_map(|t| self.lookup(Key::Token, t))
            .map(|&i| (i, &self.ents[i]))
            .filter(|(_, e)| e.kind == SpeakerKind::Person)
            .filter(|(_, e)| within(tokens, &e.tokens) || within(&e.tokens, tokens))
            .max_by_key(|(_, e)| e.last_para)
            .map(|(i, _)| i)
    }

    /// The person, most recently heard, whose role names `head` (`president` for `President`,
    /// `senator` for `Sen.`).
    fn find_by_role(&self, head: &str) -> Option<usize> {
        self.lookup(Key::Role, &full_title(head, &mut [0; 32]))
            .iter()
            .map(|&i| (i, &self.ents[i]))
            .filter(|(_, e)| e.kind == SpeakerKind::Person)
            .max_by_key(|(_, e)| e.last_para)
            .map(|(i, _)| i)
    }

    /// The voices recorded under an index key.
    fn lookup(&self, kind: Key, key: &str) -> &[usize] {
        match self.index[kind as usize]
            .get(key)
            .and_then(|&i| self.lists.get(i))
        {
            Some(Voices::One(id)) => std::slice::from_ref(id),
            Some(Voices::Many(ids)) => ids,
            None => &[],
        }
    }

    /// Record voice `id` under every key its current name, aliases and role give, once per key
    /// (a key is copied only the first time any voice gets it). Called whenever those change.
    fn reindex(&mut self, id: usize) {
        let e = &self.ents[id];
        let (index, lists) = (&mut self.index, &mut self.lists);
        let mut add = |kind: Key, key: &str| {
            let index = &mut index[kind as usize];
            // A key's list is short: the few voices that share a name word or role.
            let Some(voices) = index.get(key).and_then(|&list| lists.get_mut(list)) else {
                index.insert(key.to_string(), lists.len());
                lists.push(Voices::One(id));
                return;
            };
            match voices {
                Voices::One(first) if *first == id => {}
                Voices::One(first) => *voices = Voices::Many(vec![*first, id]),
                Voices::Many(ids) if ids.contains(&id) => {}
                Voices::Many(ids) => ids.push(id),
            }
        };
        for t in &e.tokens {
            add(Key::Token, t);
        }
        if let Some(role) = &e.role {
            for w in role.split_whitespace() {
                add(Key::Role, &full_title(w, &mut [0; 32]));
            }
        }
        if e.kind == SpeakerKind::Organization {
            for n in std::iter::once(&e.name).chain(&e.aliases) {
                add(Key::Org, &lowercase(n, &mut [0; 32]));
            }
            add(Key::Acronym, &acronym_of(&e.name));
        }
    }

    /// The organisation of this name, by name or acronym.
    fn find_org(&self, name: &str) -> Option<usize> {
        let by_name = self.lookup(Key::Org, &lowercase(name, &mut [0; 32]));
        // `KCNA` names the agency whose initials it is, and the other way round.
        let by_acronym = if is_acronym(name) {
            self.lookup(Key::Acronym, name)
        } else {
            self.lookup(Key::Org, &lowercase(&acronym_of(name), &mut [0; 32]))
        };
        by_name
            .iter()
            .chain(by_acronym)
            .copied()
            .filter(|&i| self.ents[i].kind == SpeakerKind::Organization)
            .min()
    }
}

/// A title word in full (`Sen.` → `senator`), lower case (`buf` holds a short one).
fn full_title<'a>(w: &str, buf: &'a mut [u8; 32]) -> Cow<'a, str> {
    let w = lowercase(trim_end_any(w, &['.']), buf);
    let full = match &*w {
        "sen" => "senator",
        "rep" => "representative",
        "gov" => "governor",
        "gen" => "general",
        "prof" => "professor",
        "adm" => "admiral",
        "lt" => "lieutenant",
        _ => return w,
    };
    Cow::Borrowed(full)
}

fn is_pronoun(w: &str) -> bool {
    lower_is_any(
        w,
        &[
            "he", "she", "it", "they", "him", "her", "them", "i", "we", "you",
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn np(text: &str, phrase: &str, appos: Option<&str>) -> Np {
        let s = text.find(phrase).unwrap();
        let appos = appos.map(|a| {
            let i = text.find(a).unwrap();
            i..i + a.len()
        });
        Np {
            range: s..s + phrase.len(),
            appos,
        }
    }

    #[test]
    fn roles_and_orgs_from_appositives() {
        let cases = [
            (
                "a North Korea studies professor at Korea University in Seoul",
                Some("North Korea studies professor"),
                Some("Korea University"),
            ),
            (
                "vice speaker of the National Assembly and a lawmaker of the main opposition party",
                Some("vice speaker"),
                Some("National Assembly"),
            ),
            (
                "a professor of political science and foreign affairs at Example University",
                Some("professor of political science and foreign affairs"),
                Some("Example University"),
            ),
            (
                "the totalitarian state’s top decision-making body",
                Some("totalitarian state’s top decision-making body"),
                None,
            ),
            ("who came to a sad end", None, None),
        ];
        for (a, role, org) in cases {
            let (r, o) = role_and_org(a);
            assert_eq!((r.as_deref(), o.as_deref()), (role, org), "{a}");
        }
    }

    #[test]
    fn kinds_and_names() {
        let text = "Jane Roe | Example News Agency | other analysts | a U.S. official | Foreign Ministry spokesperson John Doe | President Ann Lee | ENA | a source involved in the talks | the order released last week | the veteran senator from the north";
        let mut reg = Registry::default();
        let cases: &[(&str, &str, SpeakerKind)] = &[
            ("Jane Roe", "Jane Roe", SpeakerKind::Person),
            (
                "Example News Agency",
                "Example News Agency",
                SpeakerKind::Organization,
            ),
            ("other analysts", "other analysts", SpeakerKind::Group),
            ("a U.S. official", "a U.S. official", SpeakerKind::Unnamed),
            (
                "Foreign Ministry spokesperson John Doe",
                "John Doe",
                SpeakerKind::Person,
            ),
            ("President Ann Lee", "Ann Lee", SpeakerKind::Person),
            // A participle after a description modifies its noun.
            (
                "a source involved in the talks",
                "a source",
                SpeakerKind::Unnamed,
            ),
            (
                "the order released last week",
                "the order",
                SpeakerKind::Unnamed,
            ),
            // Descriptions run up to eight words.
            (
                "the veteran senator from the north",
                "the veteran senator from the north",
                SpeakerKind::Unnamed,
            ),
        ];
        for &(phrase, name, kind) in cases {
            let id = reg
                .resolve(text, &np(text, phrase, None), CueClass::Speech)
                .unwrap();
            let e = &reg.entities()[id];
            assert_eq!((e.name.as_str(), e.kind), (name, kind), "{phrase}");
        }
        let doe = reg
            .entities()
            .iter()
            .find(|e| e.name == "John Doe")
            .unwrap();
        assert_eq!(doe.role.as_deref(), Some("spokesperson"));
        assert_eq!(doe.org.as_deref(), Some("Foreign Ministry"));
        // The acronym names the agency.
        let ena = reg
            .resolve(text, &np(text, "ENA", None), CueClass::Speech)
            .unwrap();
        assert_eq!(reg.entities()[ena].name, "Example News Agency");
    }

    #[test]
    fn aliases_and_pronouns() {
        let text =
            "Jane Roe, Roe of Example University, Kim Jee-hyun, Kim Sun-ok, he, it, Example Agency";
        let mut reg = Registry::default();
        let jane = reg
            .resolve(text, &np(text, "Jane Roe", None), CueClass::Speech)
            .unwrap();
        let roe = reg
            .resolve(
                text,
                &np(text, "Roe of Example University", None),
                CueClass::Speech,
            )
            .unwrap();
        assert_eq!(jane, roe);
        assert_eq!(
            reg.entities()[jane].org.as_deref(),
            Some("Example University")
        );
        assert!(reg.entities()[jane]
            .aliases
            .iter()
            .any(|a| a == "Roe of Example University"));
        let k1 = reg
            .resolve(text, &np(text, "Kim Jee-hyun", None), CueClass::Speech)
            .unwrap();
        let k2 = reg
            .resolve(text, &np(text, "Kim Sun-ok", None), CueClass::Speech)
            .unwrap();
        assert_ne!(k1, k2, "a shared surname is not the same person");
        let he = reg
            .resolve(text, &np(text, "he", None), CueClass::Speech)
            .unwrap();
        assert_eq!(he, k2, "he is the last person quoted");
        assert_eq!(
            reg.resolve(text, &np(text, "it", None), CueClass::Speech),
            None,
            "no organisation yet"
        );
        let org = reg
            .resolve(text, &np(text, "Example Agency", None), CueClass::Speech)
            .unwrap();
        assert_eq!(
            reg.resolve(text, &np(text, "it", None), CueClass::Speech),
            Some(org)
        );
    }

    #[test]
    fn unnamed_officials_stay_distinct() {
        let text = "a U.S. official, a U.S. official, the official";
        let mut reg = Registry::default();
        let a = reg
            .resolve(
                text,
                &Np {
                    range: 0..15,
                    appos: None,
                },
                CueClass::Speech,
            )
            .unwrap();
        let b = reg
            .resolve(
                text,
                &Np {
                    range: 17..32,
                    appos: None,
                },
                CueClass::Speech,
            )
            .unwrap();
        let c = reg
            .resolve(
                text,
                &Np {
                    range: 34..46,
                    appos: None,
                },
                CueClass::Speech,
            )
            .unwrap();
        assert_ne!(a, b);
        assert_eq!(c, b);
    }
}
