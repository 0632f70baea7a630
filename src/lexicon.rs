//! Words and phrase tables: the one tokenizer and longest-match lookup that the gazetteer, the
//! stance lexicon and the event-verb table share.
//!
//! Rules:
//! - A token is a word of [`text::words`] split at hyphens (`backbone-lacking` → `backbone`,
//!   `lacking`; `Kim Jong-un` → `kim`, `jong`, `un`), so hyphenated and spaced spellings match
//!   the same entry.
//! - A possessive `’s` / `'s` (or a bare trailing `’`) is not part of the token's range and is
//!   flagged instead; periods inside a word are dropped from its key (`U.S.` → `us`).
//! - Keys are lowercase with `’` read as `'`. A capitalised word in a table entry matches only a
//!   capitalised word of the text (so `Trump` is a name and `trump` is not); lowercase entry
//!   words match any case.
//! - A phrase never runs across clause punctuation (`,` `;` `:` brackets, dashes, quotes).

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use crate::text::{self, sub};

/// One word-like token in byte offsets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    /// The token's bytes in the text (without a possessive ending).
    pub(crate) range: Range<usize>,
    /// Lowercase key: `’` read as `'`, periods dropped.
    pub(crate) key: Key,
    /// The token starts with a capital letter.
    pub(crate) cap: bool,
    /// A possessive `’s` or `’` followed the token.
    pub(crate) possessive: bool,
    /// Clause punctuation (or the start of a segment) stands between this token and the one
    /// before it.
    pub(crate) boundary_before: bool,
    /// [`key_hash`] of `key`, computed once: the phrase tables look tokens up by it.
    pub(crate) hash: u64,
}

/// Bytes a [`Key`] holds without a heap allocation (nearly every English word fits).
const INLINE_KEY: usize = 22;
/// [`INLINE_KEY`] rounded up to whole 8-byte words, which the key hash reads.
const INLINE_WORDS: usize = INLINE_KEY.next_multiple_of(8);

/// Eight bytes at a time: a `u64` with every byte 1, and one with every byte's high bit.
pub(crate) const ONES: u64 = u64::from_ne_bytes([1; 8]);
pub(crate) const HIGHS: u64 = ONES << 7;

/// The bytes of the 8-byte word `w` equal to `b`, each flagged by its high bit. A byte of `w`
/// equal to `b` is a zero byte of `w ^ b…b`; a byte just above a flagged one may be flagged
/// too, never one below, so the lowest flag is always a match.
#[inline]
pub(crate) fn bytes_equal(w: u64, b: u8) -> u64 {
    let x = w ^ (ONES * u64::from(b));
    x.wrapping_sub(ONES) & !x & HIGHS
}

/// A token's lookup key: a short string stored inline, so tokens are cheap to make and copy.
#[derive(Clone, PartialEq, Eq)]
pub(crate) enum Key {
    Inline(u8, [u8; INLINE_KEY]),
    Heap(Box<str>),
}

impl Key {
    #[inline]
    fn new(s: &str) -> Key {
        if s.len() <= INLINE_KEY {
            let mut buf = [0u8; INLINE_KEY];
            buf[..s.len()].copy_from_slice(s.as_bytes());
            Key::Inline(s.len() as u8, buf)
        } else {
            Key::Heap(s.into())
        }
    }

    /// [`key_hash`] of the key's bytes. An inline key's buffer is zero past its length, so
    /// its 8-byte words are the chunks [`Fx`] reads, the last one padded with zeros.
    #[inline]
    fn hash(&self) -> u64 {
        match self {
            Key::Inline(n, buf) => {
                let mut words = [0u8; INLINE_WORDS];
                words[..INLINE_KEY].copy_from_slice(buf);
                let mut h = Fx::default();
                for (k, w) in words.chunks_exact(8).enumerate() {
                    if usize::from(*n) > 8 * k {
                        let mut b = [0u8; 8];
                        b.copy_from_slice(w);
                        h.add(u64::from_le_bytes(b));
                    }
                }
                h.finish()
            }
            Key::Heap(s) => key_hash(s.as_bytes()),
        }
    }

    /// The key as a string.
    pub(crate) fn as_str(&self) -> &str {
        match self {
            // The bytes were copied from a `str` on a char boundary.
            Key::Inline(n, buf) => std::str::from_utf8(&buf[..usize::from(*n)]).unwrap_or(""),
            Key::Heap(s) => s,
        }
    }

    /// True when the key is one of `words`.
    #[inline]
    pub(crate) fn is_any(&self, words: &[&str]) -> bool {
        any_equal(self.as_bytes(), words, |b| b)
    }

    /// The key's bytes (no UTF-8 check: comparisons and lookups need none).
    #[inline]
    pub(crate) fn as_bytes(&self) -> &[u8] {
        match self {
            Key::Inline(n, buf) => &buf[..usize::from(*n)],
            Key::Heap(s) => s.as_bytes(),
        }
    }
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

impl PartialEq<str> for Key {
    #[inline]
    fn eq(&self, other: &str) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl PartialEq<&str> for Key {
    #[inline]
    fn eq(&self, other: &&str) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl PartialEq<String> for Key {
    #[inline]
    fn eq(&self, other: &String) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

/// True for the punctuation that separates clauses (a period inside a sentence is an
/// abbreviation's, as in `U.N. Security Council`).
fn is_clause_punct(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | ':' | '(' | ')' | '[' | ']' | '—' | '–' | '―' | '“' | '”' | '"' | '!' | '?'
    )
}

/// Tokenise one byte range of `text`.
pub(crate) fn tokens(text: &str, range: Range<usize>) -> Vec<Token> {
    tokens_of_words(text, range.start, &text::words(text, range))
}

/// Tokenise the words of a byte range of `text` starting at `start` (its [`text::words`]).
pub(crate) fn tokens_of_words(text: &str, start: usize, words: &[Range<usize>]) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(words.len() + words.len() / 8 + 1);
    tokens_into(text, start, words, &mut out);
    out
}

/// [`tokens_of_words`] into `out`, which it clears first.
#[inline]
fn tokens_into(text: &str, start: usize, words: &[Range<usize>], out: &mut Vec<Token>) {
    out.clear();
    let mut prev_end = start;
    for word in words.iter().cloned() {
        let w = sub(text, word.clone());
        // `‑` (a non-breaking hyphen) starts with byte E2.
        if !w.bytes().any(|b| b == b'-' || b == 0xE2) {
            push_part(text, out, &mut prev_end, word.start, w, true);
            continue;
        }
        let mut first = true;
        let mut offset = 0;
        for part in w.split(['-', '‑']) {
            let start = word.start + offset;
            offset += part.len()
                + sub(w, offset + part.len()..)
                    .chars()
                    .next()
                    .map_or(0, char::len_utf8);
            if push_part(text, out, &mut prev_end, start, part, first) {
                first = false;
            }
        }
    }
}

/// Push the token of one word part starting at byte `start` (unless it is only a possessive
/// ending); true when pushed. `first`: no earlier part of its word was pushed.
#[inline]
fn push_part(
    text: &str,
    out: &mut Vec<Token>,
    prev_end: &mut usize,
    start: usize,
    part: &str,
    first: bool,
) -> bool {
    let (core, possessive) = strip_possessive(part);
    if core.is_empty() {
        return false;
    }
    let r = start..start + core.len();
    let gap_start = (*prev_end).min(r.start);
    // The multi-byte clause marks (dashes, curly quotes) all start with byte E2.
    let boundary_before = (first && out.is_empty())
        || text.as_bytes()[gap_start..r.start].iter().any(|&b| {
            matches!(
                b,
                b',' | b';' | b':' | b'(' | b')' | b'[' | b']' | b'"' | b'!' | b'?'
            ) || (b == 0xE2 && sub(text, gap_start..r.start).chars().any(is_clause_punct))
        });
    let cap = match core.as_bytes()[0] {
        b if b.is_ascii() => b.is_ascii_uppercase(),
        _ => core.chars().next().is_some_and(char::is_uppercase),
    };
    let (key, hash) = key_of(core);
    out.push(Token {
        cap,
        range: r,
        hash,
        key,
        possessive,
        boundary_before,
    });
    *prev_end = start + part.len();
    true
}

/// The lookup key of a word part and its [`key_hash`]: lowercase, `’` read as `'`, periods
/// dropped.
#[inline]
fn key_of(core: &str) -> (Key, u64) {
    // Short ASCII without periods (nearly every word): copied into zeros, then lowered,
    // checked and hashed eight bytes at a time (the hash of the key's 8-byte words).
    let n = core.len();
    if n <= INLINE_KEY {
        let mut buf = [0u8; INLINE_WORDS];
        buf[..n].copy_from_slice(core.as_bytes());
        let mut bad = 0;
        let mut h = Fx::default();
        for chunk in buf.chunks_exact_mut(8).take(n.div_ceil(8)) {
            let mut w = [0u8; 8];
            w.copy_from_slice(chunk);
            let w = u64::from_le_bytes(w);
            // A byte of 0x80 or above, or a period (the padding zeros differ from it).
            bad |= (w & HIGHS) | bytes_equal(w, b'.');
            // ASCII capitals (0x41..=0x5A) gain 0x20.
            let x = w & !HIGHS;
            let upper = (x + ONES * (0x80 - 0x41)) & !(x + ONES * (0x7F - 0x5A)) & HIGHS;
            let lower = w | (upper >> 2);
            h.add(lower);
            chunk.copy_from_slice(&lower.to_le_bytes());
        }
        if bad == 0 {
            let mut key = [0u8; INLINE_KEY];
            key.copy_from_slice(&buf[..INLINE_KEY]);
            return (Key::Inline(n as u8, key), h.finish());
        }
    }
    let key = Key::new(&folded(core));
    let hash = key.hash();
    (key, hash)
}

/// The lookup key's text, char by char (the rule [`key_of`]'s fast path must agree with):
/// periods dropped, `’` read as `'`, ASCII case folding only. The tables go through the same
/// function, so non-ASCII letters still match themselves, and no Unicode case tables are
/// shipped.
fn folded(core: &str) -> String {
    core.chars()
        .filter(|&c| c != '.')
        .map(|c| {
            if c == '’' {
                '\''
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

/// `word` in lower case (as `str::to_lowercase` gives it): written into `buf`, without an
/// allocation, when it is ASCII and fits.
pub(crate) fn lowercase<'a>(word: &str, buf: &'a mut [u8; 32]) -> Cow<'a, str> {
    let b = word.as_bytes();
    if b.len() <= buf.len() && b.is_ascii() {
        let out = &mut buf[..b.len()];
        for (d, s) in out.iter_mut().zip(b) {
            *d = s.to_ascii_lowercase();
        }
        // Lower-cased ASCII is still ASCII.
        if let Ok(s) = std::str::from_utf8(out) {
            return Cow::Borrowed(s);
        }
    }
    Cow::Owned(crate::case::lower(word))
}

/// Is `word` one of `words`? (One loop for every word list, rather than a comparison chain
/// inlined at each place a list is checked.)
#[inline(never)]
pub(crate) fn is_any(word: &str, words: &[&str]) -> bool {
    any_equal(word.as_bytes(), words, |b| b)
}

/// Where `needle` first occurs in `hay` (as `str::find` with a string pattern). A plain
/// scan: needles here are a few bytes, and the standard two-way searcher is kilobytes of code.
pub fn find_str(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = n.split_first() else {
        return Some(0);
    };
    // Candidates are where the first byte occurs; only those compare the rest.
    let last_start = h.len().checked_sub(n.len())?;
    (0..=last_start).find(|&i| h[i] == first && h[i + 1..i + n.len()] == *rest)
}

/// `s` without trailing chars of `chars` (as `trim_end_matches`, one copy for every set).
#[inline(never)]
pub(crate) fn trim_end_any<'a>(s: &'a str, chars: &[char]) -> &'a str {
    s.trim_end_matches(|c| chars.contains(&c))
}

/// `s` without any number of leading `prefix`es (as `trim_start_matches` with a string).
pub(crate) fn trim_start_str<'a>(mut s: &'a str, prefix: &str) -> &'a str {
    while let Some(rest) = s.strip_prefix(prefix).filter(|_| !prefix.is_empty()) {
        s = rest;
    }
    s
}

/// Is `word` in lower case one of `words`?
#[inline(never)]
pub(crate) fn lower_is_any(word: &str, words: &[&str]) -> bool {
    if word.is_ascii() {
        // ASCII lowers byte by byte, so compare without making the lowercase copy.
        return any_equal(word.as_bytes(), words, |b| b.to_ascii_lowercase());
    }
    is_any(&crate::case::lower(word), words)
}

/// Is some word of `words` equal to `bytes` mapped by `map`? Byte by byte: list words are
/// short, and a `memcmp` call per candidate costs more.
#[inline]
fn any_equal(bytes: &[u8], words: &[&str], map: impl Fn(u8) -> u8) -> bool {
    words
        .iter()
        .any(|w| w.len() == bytes.len() && w.bytes().zip(bytes).all(|(x, &y)| x == map(y)))
}

/// Does `word` in lower case end with `suffix`?
pub(crate) fn lower_ends_with(word: &str, suffix: &str) -> bool {
    lowercase(word, &mut [0; 32]).ends_with(suffix)
}

/// Parse a decimal such as `-1.5` or `7.4` from a data file (without pulling a float parser
/// into the wasm module).
pub(crate) fn parse_decimal(s: &str) -> Option<f64> {
    let (neg, digits) = match s.trim().strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.trim()),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    let mut value = if int.is_empty() {
        0.0
    } else {
        f64::from(int.parse::<u32>().ok()?)
    };
    let mut scale = 0.1;
    for c in frac.chars() {
        value += f64::from(c.to_digit(10)?) * scale;
        scale /= 10.0;
    }
    Some(if neg { -value } else { value })
}

/// Format a number with a sign and `decimals` (0–3) places, without float formatting code.
pub fn signed(x: f64, decimals: u32) -> String {
    let mut out = String::with_capacity(8);
    push_signed(&mut out, x, decimals);
    out
}

/// Append [`signed`]`(x, decimals)` to `out`.
pub(crate) fn push_signed(out: &mut String, x: f64, decimals: u32) {
    let scale = 10u64.pow(decimals);
    let n = (x * scale as f64).round() as i64;
    out.push(if n < 0 { '-' } else { '+' });
    push_decimal(out, n.unsigned_abs() / scale, 1);
    if decimals > 0 {
        out.push('.');
        push_decimal(out, n.unsigned_abs() % scale, decimals as usize);
    }
}

/// The two-digit decimals `00` to `99`, one after another.
const DIGIT_PAIRS: [u8; 200] = {
    let mut t = [0u8; 200];
    let mut i = 0;
    while i < 100 {
        t[2 * i] = b'0' + (i / 10) as u8;
        t[2 * i + 1] = b'0' + (i % 10) as u8;
        i += 1;
    }
    t
};

/// Append `n` in decimal with at least `width` (at most 20) digits, zeros in front; without
/// the formatting machinery, which costs far more for a few digits.
pub(crate) fn push_decimal(out: &mut String, mut n: u64, width: usize) {
    // Two digits at a time, from the right.
    let mut buf = [b'0'; 20];
    let mut i = buf.len();
    while n >= 10 {
        let d = (n % 100) as usize * 2;
        n /= 100;
        i -= 2;
        buf[i..i + 2].copy_from_slice(&DIGIT_PAIRS[d..d + 2]);
    }
    if n > 0 || i == buf.len() {
        i -= 1;
        buf[i] = b'0' + n as u8;
    }
    let from = i.min(buf.len().saturating_sub(width));
    // Each digit is ASCII, so it is pushed as one byte.
    for &d in &buf[from..] {
        out.push(char::from(d & 0x7F));
    }
}

/// Split a possessive ending off a word part.
fn strip_possessive(part: &str) -> (&str, bool) {
    // `’s`, `'s`, `’S`, `'S`, or a bare `’` (E2 80 99), compared byte-wise.
    let b = part.as_bytes();
    let n = b.len();
    let cut = match b.last() {
        Some(b's' | b'S') if n >= 2 && b[n - 2] == b'\'' => 2,
        Some(b's' | b'S') if n >= 4 && b[n - 4..n - 1] == [0xE2, 0x80, 0x99] => 4,
        Some(0x99) if n >= 3 && b[n - 3..] == [0xE2, 0x80, 0x99] => 3,
        _ => return (part, false),
    };
    (sub(part, ..n - cut), true)
}

/// A multiply-rotate hash over 8-byte words (as in rustc's FxHash): table keys are short words,
/// for which it is several times faster than SipHash (and the tables hold no untrusted keys).
#[derive(Default)]
pub(crate) struct Fx(u64);

const FX_K: u64 = 0x517c_c1b7_2722_0a95;

impl Fx {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(FX_K);
    }
}

impl Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // The tail as a little-endian word padded with zeros, without a copy.
            let w = rest
                .iter()
                .rev()
                .fold(0u64, |w, &b| (w << 8) | u64::from(b));
            self.add(w);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }
}

/// The [`Fx`] hash of a token key's bytes.
pub(crate) fn key_hash(bytes: &[u8]) -> u64 {
    let mut h = Fx::default();
    h.write(bytes);
    h.finish()
}

/// A `HashMap` with the [`Fx`] hash, for tables keyed by short words and ids.
pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

/// A set with the [`Fx`] hash: a map to a placeholder `usize`, so that sets and maps share
/// one copy of the hash table's code (every map of the crate maps to `usize`).
#[derive(Clone, Debug)]
pub(crate) struct FxSet<K>(FxMap<K, usize>);

impl<K> Default for FxSet<K> {
    fn default() -> Self {
        FxSet(FxMap::default())
    }
}

impl<K: std::hash::Hash + Eq> FxSet<K> {
    /// Add `k`; true when it was not in the set.
    pub(crate) fn insert(&mut self, k: K) -> bool {
        self.0.insert(k, 0).is_none()
    }

    /// Is `k` in the set?
    pub(crate) fn contains<Q>(&self, k: &Q) -> bool
    where
        K: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
    {
        self.0.contains_key(k)
    }
}

/// One table entry: its words and the next entry of the same first word.
#[derive(Debug)]
struct Entry {
    /// Its words in [`Phrases::words`].
    words: Range<u32>,
    /// The next entry of its list, if any.
    next: Option<u32>,
}

/// The phrases of a [`PhraseTable`], apart from their values (so that this code exists once,
/// whatever the values): entries keyed by their first word (by its [`key_hash`]; every word
/// of an entry is compared, so words sharing a hash share a list harmlessly), longest first.
/// All entries and their words sit in two vectors, each first word's entries chained, so that
/// building a table allocates nothing per phrase.
#[derive(Debug, Default)]
struct Phrases {
    /// The first entry of each first word's list.
    heads: FxMap<u64, usize>,
    entries: Vec<Entry>,
    /// Every entry's words: the key and whether the word must be capitalised.
    words: Vec<(Key, bool)>,
    /// Buffers for the words and tokens of the phrase being inserted.
    scratch: (Vec<Range<usize>>, Vec<Token>),
}

impl Phrases {
    /// Add a phrase as the next entry; false (nothing added) when it has no words or an
    /// earlier entry has the same words.
    fn insert(&mut self, phrase: &str) -> bool {
        let (mut words, mut toks) = std::mem::take(&mut self.scratch);
        words.clear();
        text::words_into(phrase, 0..phrase.len(), &mut words);
        tokens_into(phrase, 0, &words, &mut toks);
        let added = self.insert_tokens(&toks);
        self.scratch = (words, toks);
        added
    }

    fn insert_tokens(&mut self, toks: &[Token]) -> bool {
        let Some(first) = toks.first() else {
            return false;
        };
        // Longest first: the new entry goes before the first shorter one, after those as long
        // (any of which with the same words keeps precedence).
        let mut prev: Option<u32> = None;
        let mut cur = self.heads.get(&first.hash).map(|&h| h as u32);
        while let Some(c) = cur {
            let e = &self.entries[c as usize];
            let words = &self.words[e.words.start as usize..e.words.end as usize];
            if words.len() < toks.len() {
                break;
            }
            if words.len() == toks.len() && words.iter().zip(toks).all(|(w, t)| w.0 == t.key) {
                return false;
            }
            prev = Some(c);
            cur = e.next;
        }
        let at = self.entries.len() as u32;
        let start = self.words.len() as u32;
        self.words
            .extend(toks.iter().map(|t| (t.key.clone(), t.cap)));
        self.entries.push(Entry {
            words: start..self.words.len() as u32,
            next: cur,
        });
        match prev {
            Some(p) => self.entries[p as usize].next = Some(at),
            None => {
                self.heads.insert(first.hash, at as usize);
            }
        }
        true
    }

    /// The entries whose first word has the hash of `first`, longest first: their index and
    /// words.
    fn candidates(&self, first: &Token) -> impl Iterator<Item = (usize, &[(Key, bool)])> {
        let mut cur = self.heads.get(&first.hash).map(|&h| h as u32);
        std::iter::from_fn(move || {
            let c = cur? as usize;
            let e = &self.entries[c];
            cur = e.next;
            Some((c, &self.words[e.words.start as usize..e.words.end as usize]))
        })
    }

    /// The longest phrase starting at token `i`: its length in tokens and its entry.
    #[inline(always)]
    fn longest_at(&self, toks: &[Token], i: usize) -> Option<(usize, usize)> {
        let mut cur = *self.heads.get(&toks.get(i)?.hash)? as u32;
        loop {
            let e = &self.entries[cur as usize];
            let words = &self.words[e.words.start as usize..e.words.end as usize];
            if let Some(window) = toks.get(i..i + words.len()) {
                let fits = window.iter().zip(words).enumerate().all(|(k, (t, w))| {
                    t.key == w.0 && (!w.1 || t.cap) && (k == 0 || !t.boundary_before)
                });
                if fits {
                    return Some((words.len(), cur as usize));
                }
            }
            cur = e.next?;
        }
    }

    /// The entry whose words are exactly `toks`, ignoring case.
    fn exact_ignoring_case(&self, toks: &[Token]) -> Option<usize> {
        self.candidates(toks.first()?)
            .find(|(_, words)| {
                words.len() == toks.len() && words.iter().zip(toks).all(|(w, t)| t.key == w.0)
            })
            .map(|(entry, _)| entry)
    }
}

/// Phrases with a value each; lookups try the longest phrase first (see [`Phrases`]).
#[derive(Debug)]
pub(crate) struct PhraseTable<V> {
    phrases: Phrases,
    /// The value of each entry.
    values: Vec<V>,
}

impl<V> Default for PhraseTable<V> {
    fn default() -> Self {
        PhraseTable {
            phrases: Phrases::default(),
            values: Vec::new(),
        }
    }
}

impl<V> PhraseTable<V> {
    /// Add a phrase; an earlier entry with the same words keeps precedence.
    pub(crate) fn insert(&mut self, phrase: &str, value: V) {
        if self.phrases.insert(phrase) {
            self.values.push(value);
        }
    }

    /// The value of the entry whose words are exactly `toks`, ignoring case.
    pub(crate) fn exact_ignoring_case(&self, toks: &[Token]) -> Option<&V> {
        self.values.get(self.phrases.exact_ignoring_case(toks)?)
    }

    /// Every non-overlapping longest match, scanning left to right: `found(first token,
    /// length, value)` for each.
    pub(crate) fn scan<'a>(&'a self, toks: &[Token], mut found: impl FnMut(usize, usize, &'a V)) {
        self.phrases.scan(toks, &mut |i, n, v| {
            if let Some(v) = self.values.get(v) {
                found(i, n, v);
            }
        });
    }
}

impl Phrases {
    /// Every non-overlapping longest match, scanning left to right: `found(first token,
    /// length, entry)` for each (a `dyn` callback, so that the scan loop exists once).
    fn scan(&self, toks: &[Token], found: &mut dyn FnMut(usize, usize, usize)) {
        let mut i = 0;
        while i < toks.len() {
            match self.longest_at(toks, i) {
                Some((n, e)) => {
                    found(i, n, e);
                    i += n;
                }
                None => i += 1,
            }
        }
    }
}

/// `collect` into a `Vec` by a plain loop: the standard `collect` specialises for each
/// iterator type into several times the code.
pub trait CollectVec: Iterator + Sized {
    /// The items in order.
    fn collect_vec(self) -> Vec<Self::Item> {
        let mut out = vec_with_capacity(self.size_hint().0);
        for x in self {
            out.push(x);
        }
        out
    }
}

/// `Vec::with_capacity`, one copy per element type rather than one per iterator collected.
#[inline(never)]
fn vec_with_capacity<T>(n: usize) -> Vec<T> {
    Vec::with_capacity(n)
}

impl<I: Iterator> CollectVec for I {}

/// Sort by a numeric key, stably (ties keep their order). Every sort of the crate goes through
/// this one key sort (`sorted_order`), which keeps the wasm module small: only the keys and
/// the final shuffle depend on `T`.
pub fn sort_by_num<T>(v: &mut [T], key: impl Fn(&T) -> (u64, u64)) {
    // A list of one or none is in order already (and costs no allocation).
    if v.len() < 2 {
        return;
    }
    let keys = v.iter().map(key).enumerate().map(|(i, (a, b))| (a, b, i));
    let mut order = sorted_order(keys.collect_vec());
    // Move each element to its place by following the permutation's cycles: `order[k]` is
    // where the element that belongs at `k` is now.
    for i in 0..v.len() {
        let mut at = i;
        loop {
            let from = order[at];
            order[at] = at;
            if from == i {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

/// [`sort_by_num`], skipped when `v` is in key order already (as a stable sort would leave
/// it): for lists usually collected in order, it saves the sort's allocations. Not part of
/// every sort, because each use instantiates the check again.
pub(crate) fn sort_unless_sorted<T>(v: &mut [T], key: impl Fn(&T) -> (u64, u64)) {
    if !v.windows(2).all(|w| key(&w[0]) <= key(&w[1])) {
        sort_by_num(v, key);
    }
}

/// The indices in key order of `v`, keys paired with their index (so ties keep index order):
/// a merge sort (insertion-sorted runs, then merged pairwise), a few hundred bytes of code
/// where the standard sort is several kilobytes, and as fast on the short lists sorted here.
fn sorted_order(mut v: Vec<(u64, u64, usize)>) -> Vec<usize> {
    const RUN: usize = 8;
    let n = v.len();
    for run in v.chunks_mut(RUN) {
        for i in 1..run.len() {
            let mut j = i;
            while j > 0 && run[j - 1] > run[j] {
                run.swap(j - 1, j);
                j -= 1;
            }
        }
    }
    // A list of one run is sorted: only a longer one needs the merge buffer.
    let mut buf = if n > RUN { v.clone() } else { Vec::new() };
    let mut width = RUN;
    while width < n {
        for (src, dst) in v.chunks(2 * width).zip(buf.chunks_mut(2 * width)) {
            let (left, right) = src.split_at(width.min(src.len()));
            let (mut a, mut b) = (0, 0);
            for slot in dst {
                // Keys are unique (the index is part of them), so the merge is stable.
                *slot = if b >= right.len() || (a < left.len() && left[a] < right[b]) {
                    a += 1;
                    left[a - 1]
                } else {
                    b += 1;
                    right[b - 1]
                };
            }
        }
        std::mem::swap(&mut v, &mut buf);
        width *= 2;
    }
    v.into_iter().map(|(_, _, i)| i).collect()
}

/// A sort key for a float in `f64::total_cmp` order.
pub fn float_key(x: f64) -> u64 {
    let b = x.to_bits();
    if b >> 63 == 1 {
        !b
    } else {
        b | 1 << 63
    }
}

/// A data file without its comment lines (`#` first) and blank lines, as a `&'static str`
/// built at compile time: the comments document the tables in data/ but need not ship in the
/// wasm module. Every reader of a data file skips such lines anyway.
macro_rules! data_file {
    ($text:expr) => {{
        const RAW: &str = $text;
        const BYTES: [u8; $crate::lexicon::data_len(RAW)] = $crate::lexicon::data_bytes(RAW);
        match std::str::from_utf8(&BYTES) {
            Ok(s) => s,
            Err(_) => panic!("data files are UTF-8"),
        }
    }};
}
pub(crate) use data_file;

/// Whether the line `b[start..end]` is kept by [`data_file!`]: neither a comment nor blank.
const fn data_line_kept(b: &[u8], start: usize, end: usize) -> bool {
    if start < end && b[start] == b'#' {
        return false;
    }
    let mut i = start;
    while i < end {
        if !b[i].is_ascii_whitespace() {
            return true;
        }
        i += 1;
    }
    false
}

/// The end of the line starting at `start` (its `\n` included).
const fn data_line_end(b: &[u8], start: usize) -> usize {
    let mut i = start;
    while i < b.len() && b[i] != b'\n' {
        i += 1;
    }
    if i < b.len() {
        i + 1
    } else {
        i
    }
}

/// The length of [`data_file!`]'s text.
pub(crate) const fn data_len(text: &str) -> usize {
    let b = text.as_bytes();
    let (mut start, mut len) = (0, 0);
    while start < b.len() {
        let end = data_line_end(b, start);
        if data_line_kept(b, start, end) {
            len += end - start;
        }
        start = end;
    }
    len
}

/// [`data_file!`]'s text, `N` bytes long.
pub(crate) const fn data_bytes<const N: usize>(text: &str) -> [u8; N] {
    let b = text.as_bytes();
    let mut out = [0u8; N];
    let (mut start, mut at) = (0, 0);
    while start < b.len() {
        let end = data_line_end(b, start);
        if data_line_kept(b, start, end) {
            let mut i = start;
            while i < end {
                out[at] = b[i];
                at += 1;
                i += 1;
            }
        }
        start = end;
    }
    out
}

/// Most fields a data row holds (later ones are ignored).
const ROW_FIELDS: usize = 8;

/// One line of a data file with its tab-separated fields found: where each starts.
#[derive(Clone, Copy)]
pub(crate) struct Row {
    line: &'static str,
    /// `starts[k]`: byte where field `k` starts; `starts[len]`: one past the last field's end.
    starts: [u32; ROW_FIELDS + 1],
    len: usize,
}

impl Row {
    fn new(line: &'static str) -> Row {
        let mut row = Row {
            line,
            starts: [0; ROW_FIELDS + 1],
            len: 1,
        };
        let mut end = line.len();
        for (i, b) in line.bytes().enumerate() {
            if b == b'\t' {
                if row.len == ROW_FIELDS {
                    end = i;
                    break;
                }
                row.starts[row.len] = i as u32 + 1;
                row.len += 1;
            }
        }
        row.starts[row.len] = end as u32 + 1;
        row
    }

    /// Field `i`, trimmed.
    pub(crate) fn get(&self, i: usize) -> Option<&'static str> {
        if i >= self.len {
            return None;
        }
        let (a, b) = (self.starts[i] as usize, self.starts[i + 1] as usize - 1);
        let field = sub(self.line, a..b);
        // A field that starts and ends with a visible ASCII char (nearly all) needs no trim.
        Some(match (field.as_bytes().first(), field.as_bytes().last()) {
            (Some(x), Some(y)) if x.is_ascii_graphic() && y.is_ascii_graphic() => field,
            _ => field.trim(),
        })
    }

    /// The first field, trimmed.
    pub(crate) fn first(&self) -> &'static str {
        self.get(0).unwrap_or_default()
    }
}

/// `s` up to the first `sep` (an ASCII byte) and, when there is one, what follows it: a
/// split without `str`'s char-pattern searcher.
pub fn split_byte(s: &str, sep: u8) -> (&str, Option<&str>) {
    match s.bytes().position(|b| b == sep) {
        Some(i) => (sub(s, ..i), Some(sub(s, i + 1..))),
        None => (s, None),
    }
}

/// The non-comment, non-blank lines of a data file (as [`str::lines`] splits them).
pub(crate) fn data_rows(data: &'static str) -> impl Iterator<Item = Row> {
    let mut rest = data;
    std::iter::from_fn(move || loop {
        if rest.is_empty() {
            return None;
        }
        let (line, more) = split_byte(rest, b'\n');
        rest = more.unwrap_or_default();
        let line = line.strip_suffix('\r').unwrap_or(line);
        if !line.starts_with('#') && !line.trim().is_empty() {
            return Some(Row::new(line));
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<(String, bool, bool, bool)> {
        tokens(text, 0..text.len())
            .into_iter()
            .map(|t| {
                (
                    t.key.as_str().to_string(),
                    t.cap,
                    t.possessive,
                    t.boundary_before,
                )
            })
            .collect()
    }

    #[test]
    fn tokens_split_hyphens_and_possessives() {
        let cases: &[(&str, &[&str])] = &[
            ("Pyongyang’s nuclear", &["pyongyang", "nuclear"]),
            (
                "backbone-lacking countries",
                &["backbone", "lacking", "countries"],
            ),
            (
                "Kim Jong-un and Kim Jong Un",
                &["kim", "jong", "un", "and", "kim", "jong", "un"],
            ),
            ("the U.S. and doesn’t", &["the", "us", "and", "doesn't"]),
            ("Sino-North Korea ties", &["sino", "north", "korea", "ties"]),
            ("the countries’ regimes", &["the", "countries", "regimes"]),
        ];
        for (text, want) in cases {
            let got: Vec<String> = keys(text).into_iter().map(|k| k.0).collect();
            assert_eq!(&got, want, "{text:?}");
        }
        let k = keys("Pyongyang’s chill, then");
        assert_eq!(
            k.iter().map(|x| (x.1, x.2, x.3)).collect::<Vec<_>>(),
            [
                (true, true, true),
                (false, false, false),
                (false, false, true)
            ]
        );
        // Ranges leave the possessive out and follow the hyphen parts.
        let t = "Kim Jong-un’s visit";
        let got: Vec<&str> = tokens(t, 0..t.len())
            .iter()
            .map(|x| &t[x.range.clone()])
            .collect();
        assert_eq!(got, ["Kim", "Jong", "un", "visit"]);
    }

    #[test]
    fn lowercase_without_allocating_matches_to_lowercase() {
        let long = "A".repeat(40);
        for w in [
            "Said",
            "said",
            "KCNA",
            "Émile",
            "İstanbul",
            "ΣΟΦΙΑ",
            "",
            long.as_str(),
        ] {
            assert_eq!(lowercase(w, &mut [0; 32]), w.to_lowercase(), "{w}");
        }
        // (word, list, in the list once lower-cased)
        let cases: &[(&str, &[&str], bool)] = &[
            ("Said", &["said", "told"], true),
            ("TOLD", &["said", "told"], true),
            ("sai", &["said"], false),
            ("N’T", &["n’t"], true),
            ("\u{212A}", &["k"], true),
            ("", &["a"], false),
        ];
        for &(w, list, want) in cases {
            assert_eq!(lower_is_any(w, list), want, "{w}");
        }
        // (word, suffix, the lower-cased word ends with it)
        for (w, suffix, want) in [
            ("SAYING", "ing", true),
            ("Sing", "ing", true),
            ("SAID", "ing", false),
        ] {
            assert_eq!(lower_ends_with(w, suffix), want, "{w}");
        }
    }

    #[test]
    fn a_key_hashes_as_its_bytes() {
        for n in 0..=30 {
            let word: String = "abcdefghijklmnopqrstuvwxyz0123"[..n].to_string();
            let (key, hash) = key_of(&word);
            assert_eq!(key.hash(), key_hash(word.as_bytes()), "{word}");
            assert_eq!(hash, key_hash(word.as_bytes()), "{word}");
        }
    }

    #[test]
    fn keys_lower_ascii_and_drop_periods() {
        let words = [
            "Trump",
            "U.S.",
            "AZaz@[`{09",
            "Pyongyang’s",
            "ÉCOLE",
            "don't",
            "X",
            "A.B.C.D.E.F.G.H.I.J.K",
            "abcdefghijklmnopqrstuv",
            "ABCDEFGHIJKLMNOPQRSTUVW",
            "Straße",
            "MIXEDcase123WORDS",
        ];
        for w in words {
            let want = folded(w);
            let (key, hash) = key_of(w);
            assert_eq!(key.as_str(), want, "{w}");
            assert_eq!(hash, key_hash(want.as_bytes()), "{w}");
        }
    }

    #[test]
    fn string_search_agrees_with_std() {
        // (haystack, needle)
        const CASES: [(&str, &str); 9] = [
            ("", ""),
            ("abc", ""),
            ("", "a"),
            ("a of b of c", " of "),
            (" of of ", " of "),
            ("naïve café", "é"),
            ("the the the X", "the "),
            ("thethe", "the"),
            ("short", "longer needle"),
        ];
        for (hay, needle) in CASES {
            assert_eq!(
                find_str(hay, needle),
                hay.find(needle),
                "{hay:?} {needle:?}"
            );
            assert_eq!(
                trim_start_str(hay, needle),
                hay.trim_start_matches(needle),
                "{hay:?} {needle:?}"
            );
        }
    }

    #[test]
    fn numeric_sort_is_stable() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd')];
        sort_by_num(&mut v, |x| (x.0, 0));
        assert_eq!(v, [(0, 'd'), (1, 'b'), (3, 'a'), (3, 'c')]);
    }

    #[test]
    fn numeric_sort_agrees_with_the_stable_sort() {
        // Keys with ties, runs and cycles of every length; elements own heap data.
        for keys in [
            vec![],
            vec![5],
            vec![2, 1],
            vec![1, 2, 3],
            vec![3, 1, 2],
            vec![2, 3, 1, 0],
            vec![1, 1, 0, 0, 1],
            vec![9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
            vec![4, 0, 4, 1, 3, 1, 2, 0, 2, 3, 4],
            // Long enough to merge runs several times over.
            (0..200).map(|i| (i * 7919 % 13) as u64).collect(),
            (0..65).rev().collect(),
            (0..100).map(|i| i % 3).collect(),
        ] {
            let mut v: Vec<(u64, String)> = keys
                .iter()
                .enumerate()
                .map(|(i, &k)| (k, i.to_string()))
                .collect();
            let mut want = v.clone();
            want.sort_by_key(|x| x.0);
            sort_by_num(&mut v, |x| (x.0 / 2, x.0 % 2));
            assert_eq!(v, want, "{keys:?}");
        }
    }

    #[test]
    fn data_files_drop_comments_and_blank_lines() {
        // (file text, what ships)
        const CASES: [(&str, &str); 5] = [
            ("", ""),
            ("# only a comment", ""),
            ("# c\na\tb\n\n  \n#x\nc", "a\tb\nc"),
            (
                "a # not a comment\n\t# indented\n",
                "a # not a comment\n\t# indented\n",
            ),
            ("é\r\n#\r\nz\r\n", "é\r\nz\r\n"),
        ];
        for (text, want) in CASES {
            let mut out = vec![0u8; data_len(text)];
            out.copy_from_slice(&data_bytes::<64>(text)[..data_len(text)]);
            assert_eq!(String::from_utf8(out).unwrap(), want, "{text:?}");
        }
        const SHIPPED: &str = data_file!("# c\nx\n");
        assert_eq!(SHIPPED, "x\n");
    }

    #[test]
    fn data_rows_split_lines_and_tabs_as_str_split_does() {
        const DATA: &str =
            "a\tb c \t\r\n# comment\n\n \t \nx\ny\t\t z\t1\t2\t3\t4\t5\t6\t7\n\u{a0}é\t";
        let want: Vec<Vec<&str>> = DATA
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| l.split('\t').take(ROW_FIELDS).map(str::trim).collect())
            .collect();
        let got: Vec<Vec<&str>> = data_rows(DATA)
            .map(|r| (0..).map_while(|i| r.get(i)).collect())
            .collect();
        assert_eq!(got, want);
        assert_eq!(got.len(), 4);
    }

    #[test]
    fn float_keys_order_as_total_cmp() {
        let xs = [
            -f64::INFINITY,
            -2.5,
            -1e-300,
            -0.0,
            0.0,
            1e-300,
            0.25,
            7.0,
            f64::INFINITY,
        ];
        for a in xs {
            for b in xs {
                assert_eq!(float_key(a).cmp(&float_key(b)), a.total_cmp(&b), "{a} {b}");
            }
        }
    }

    #[test]
    fn decimals() {
        let cases = [
            ("-1.5", Some(-1.5)),
            ("7.4", Some(7.4)),
            ("2", Some(2.0)),
            ("x", None),
            ("", None),
        ];
        for (s, want) in cases {
            assert_eq!(parse_decimal(s), want, "{s}");
        }
        assert_eq!(signed(-0.376, 2), "-0.38");
        assert_eq!(signed(7.4, 1), "+7.4");
        assert_eq!(signed(0.0, 2), "+0.00");
        assert_eq!(signed(-12.0, 0), "-12");
        assert_eq!(signed(0.05, 1), "+0.1");
        // (number, width, text)
        let cases = [
            (0, 1, "0"),
            (7, 2, "07"),
            (1234, 2, "1234"),
            (u64::MAX, 0, "18446744073709551615"),
        ];
        for (n, width, want) in cases {
            let mut s = String::new();
            push_decimal(&mut s, n, width);
            assert_eq!(s, want);
        }
        let mut n = 0u64;
        while n < u64::MAX / 3 {
            for m in [n, n + 1, n.saturating_sub(1)] {
                for width in 0..=4 {
                    let mut s = String::new();
                    push_decimal(&mut s, m, width);
                    assert_eq!(s, format!("{m:0width$}"));
                }
            }
            n = n * 3 + 1;
        }
    }

    #[test]
    fn longest_match_respects_case_and_punctuation() {
        let mut table = PhraseTable::default();
        table.insert("North Korea", 1);
        table.insert("the North", 2);
        table.insert("close", 3);
        table.insert("close ties", 4);
        let cases: &[(&str, &[(usize, usize, i32)])] = &[
            ("North Korea and the North", &[(0, 2, 1), (3, 2, 2)]),
            ("north korea", &[]),
            ("close ties", &[(0, 2, 4)]),
            ("close, ties", &[(0, 1, 3)]),
            ("the north wind", &[]),
        ];
        for (text, want) in cases {
            let toks = tokens(text, 0..text.len());
            let mut got: Vec<(usize, usize, i32)> = Vec::new();
            table.scan(&toks, |i, n, v| got.push((i, n, *v)));
            assert_eq!(&got, want, "{text:?}");
        }
    }
}
