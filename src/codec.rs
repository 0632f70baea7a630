//! The analysis as JSON text and back, without serde: what the wasm build uses to hand an
//! analysis to JavaScript and to read one (or the options) from it.
//!
//! serde's derived code, instantiated for a JSON or JS-value format, is about a third of the
//! wasm module; this codec does the same with one small reader and writer per type. Its text
//! is byte for byte serde_json's (`serde_json::to_string`), field order and escapes included,
//! and reading accepts what serde's derive accepts (absent `Option` fields read as `None`,
//! unknown fields are ignored); tests below hold both to the serde derive.

// The reading half serves the wasm bindings (`render`, the options); natively only the tests
// below run it.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

use crate::model::*;
use crate::text::sub;
use crate::Options;

/// A JSON value as read from JavaScript (`JSON.parse`'s data model).
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `null` (and `undefined`).
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Num(f64),
    /// A string.
    Str(String),
    /// An array.
    Arr(Vec<Value>),
    /// An object's own enumerable fields, in order.
    Obj(Vec<(String, Value)>),
}

impl Value {
    #[inline]
    fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Num(_) => "a number",
            Value::Str(_) => "a string",
            Value::Arr(_) => "an array",
            Value::Obj(_) => "an object",
        }
    }

    #[inline]
    fn get(&self, name: &str) -> Option<&Value> {
        match self {
            Value::Obj(fields) => fields.iter().find(|(k, _)| k == name).map(|(_, v)| v),
            _ => None,
        }
    }
}

#[inline]
fn expected(what: &str, got: &Value) -> String {
    format!("invalid type: {}, expected {what}", got.kind())
}

/// A type with a JSON text.
pub trait ToJson {
    /// Append the JSON text of `self`.
    fn write(&self, out: &mut String);
}

/// The first error met while reading; later ones are ignored.
pub type Errors = Option<String>;

/// Record `message` unless an earlier error is recorded.
#[inline(never)]
fn fail(err: &mut Errors, message: String) {
    err.get_or_insert(message);
}

/// A type read from a JSON value.
///
/// The readers are `#[inline]`, so that they are compiled in the crate that calls them: the
/// wasm bindings (`crates/web`, built for size), where reading an analysis back is rare.
///
/// Reading never stops half-way: a wrong or missing part records an error in `err` and reads
/// as a placeholder (zero, empty), so that a struct is always built whole. The caller
/// ([`from_value`]) turns a recorded error into `Err`. (Returning early from the middle of a
/// struct would need drop code for every partly built prefix, most of the reader's size.)
pub trait FromJson: Sized {
    /// Read a value, or record why not and return a placeholder.
    fn read(v: &Value, err: &mut Errors) -> Self;
    /// The value of an absent field: only `Option` has one; others record an error.
    fn absent(name: &str, err: &mut Errors) -> Self {
        missing(name, err);
        Self::read(&Value::Null, &mut None)
    }
}

impl Analysis {
    /// The analysis as compact JSON text: exactly `serde_json::to_string`'s (what the CLI
    /// prints), written without serde.
    pub fn to_json(&self) -> String {
        to_json(self)
    }
}

/// The JSON text of a value.
// Never inlined, so that the writer keeps this crate's optimisation for speed when the wasm
// bindings (built for size) call it.
#[inline(never)]
pub fn to_json<T: ToJson + ?Sized>(value: &T) -> String {
    let mut out = String::with_capacity(4096);
    value.write(&mut out);
    out
}

/// Read a value from its JSON form.
pub fn from_value<T: FromJson>(v: &Value) -> Result<T, String> {
    let mut err = None;
    let value = T::read(v, &mut err);
    match err {
        None => Ok(value),
        Some(e) => Err(e),
    }
}

/// True when a byte of `w` (eight bytes, little end first) is `"`, `\\` or below 0x20.
#[inline]
fn needs_escape(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero_byte = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let below_space = w.wrapping_sub(ONES * 0x20) & !w & HIGH;
    below_space | zero_byte(w ^ (ONES * u64::from(b'"'))) | zero_byte(w ^ (ONES * u64::from(b'\\')))
        != 0
}

/// True when no byte of `bytes` needs escaping; eight bytes at a time, the tail padded with
/// spaces. Nearly every string of an analysis is plain, so it is copied whole.
#[inline]
fn plain(bytes: &[u8]) -> bool {
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        if needs_escape(u64::from_le_bytes(w)) {
            return false;
        }
    }
    let pad = u64::from_le_bytes([b' '; 8]);
    let w = chunks
        .remainder()
        .iter()
        .rev()
        .fold(pad, |w, &b| (w << 8) | u64::from(b));
    !needs_escape(w)
}

/// Append `s` as a JSON string, escaped as serde_json escapes it.
pub fn write_str(out: &mut String, s: &str) {
    out.push('"');
    if plain(s.as_bytes()) {
        out.push_str(s);
        out.push('"');
        return;
    }
    let mut from = 0;
    // Every byte escaped is ASCII, so the cuts fall on char boundaries.
    for (i, b) in s.bytes().enumerate() {
        let esc = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(sub(s, from..i));
        if esc.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 0xf)] as char);
        } else {
            out.push_str(esc);
        }
        from = i + 1;
    }
    out.push_str(sub(s, from..));
    out.push('"');
}

/// Append a field name (`"name":`), after a comma unless it is the object's first. Field
/// names are the model's own camelCase identifiers, which need no escaping.
pub fn write_key(out: &mut String, first: &mut bool, name: &str) {
    debug_assert!(plain(name.as_bytes()));
    if !std::mem::take(first) {
        out.push(',');
    }
    out.push('"');
    out.push_str(name);
    out.push_str("\":");
}

/// The field `name` of an object, or its absent value.
#[inline(never)]
pub fn field<T: FromJson>(v: &Value, name: &str, err: &mut Errors) -> T {
    match v.get(name) {
        Some(f) => {
            let had = err.is_some();
            let value = T::read(f, err);
            in_field(err, had, name);
            value
        }
        None => T::absent(name, err),
    }
}

/// Record that field `name` is missing (one copy, not one per field type).
#[inline(never)]
fn missing(name: &str, err: &mut Errors) {
    fail(err, format!("missing field `{name}`"));
}

/// Append text as it is (one call per field name rather than an inlined copy at each).
#[inline(never)]
fn raw(out: &mut String, s: &str) {
    out.push_str(s);
}

/// Name the field in an error met inside it (one copy, not one per field type).
#[inline(never)]
fn in_field(err: &mut Errors, had: bool, name: &str) {
    if let (false, Some(e)) = (had, err.as_mut()) {
        *e = format!("{name}: {e}");
    }
}

/// Record an error unless `v` is an object.
#[inline(never)]
fn object(v: &Value, what: &str, err: &mut Errors) {
    if !matches!(v, Value::Obj(_)) {
        fail(err, expected(what, v));
    }
}

impl ToJson for usize {
    fn write(&self, out: &mut String) {
        crate::lexicon::push_decimal(out, *self as u64, 1);
    }
}

impl FromJson for usize {
    #[inline]
    fn read(v: &Value, err: &mut Errors) -> Self {
        match v {
            // Exact integers up to 2^53, as JavaScript numbers hold them.
            Value::Num(n) if *n >= 0.0 && n.fract() == 0.0 && *n <= 9_007_199_254_740_992.0 => {
                *n as usize
            }
            _ => {
                fail(err, expected("a non-negative integer", v));
                0
            }
        }
    }
}

impl ToJson for f64 {
    fn write(&self, out: &mut String) {
        if self.is_finite() {
            out.push_str(zmij::Buffer::new().format_finite(*self));
        } else {
            out.push_str("null");
        }
    }
}

impl FromJson for f64 {
    #[inline]
    fn read(v: &Value, err: &mut Errors) -> Self {
        match v {
            Value::Num(n) => *n,
            _ => {
                fail(err, expected("a number", v));
                0.0
            }
        }
    }
}

impl ToJson for bool {
    fn write(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl FromJson for bool {
    #[inline]
    fn read(v: &Value, err: &mut Errors) -> Self {
        match v {
            Value::Bool(b) => *b,
            _ => {
                fail(err, expected("a boolean", v));
                false
            }
        }
    }
}

impl ToJson for String {
    fn write(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl FromJson for String {
    #[inline]
    fn read(v: &Value, err: &mut Errors) -> Self {
        match v {
            Value::Str(s) => s.clone(),
            _ => {
                fail(err, expected("a string", v));
                String::new()
            }
        }
    }
}

impl ToJson for str {
    fn write(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write(&self, out: &mut String) {
        (**self).write(out);
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write(&self, out: &mut String) {
        match self {
            Some(v) => v.write(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn read(v: &Value, err: &mut Errors) -> Self {
        match v {
            Value::Null => None,
            v => Some(T::read(v, err)),
        }
    }
    fn absent(_: &str, _: &mut Errors) -> Self {
        None
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write(&self, out: &mut String) {
        out.push('[');
        for (i, v) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            v.write(out);
        }
        out.push(']');
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn read(v: &Value, err: &mut Errors) -> Self {
        let items = array(v, err);
        // A plain loop: `collect` over a mapping iterator is several times the code, once per
        // element type.
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            out.push(T::read(item, err));
        }
        out
    }
}

/// The items of an array, or none (and an error) for anything else.
#[inline(never)]
fn array<'v>(v: &'v Value, err: &mut Errors) -> &'v [Value] {
    match v {
        Value::Arr(items) => items,
        _ => {
            fail(err, expected("an array", v));
            &[]
        }
    }
}

/// A struct as a JSON object: each field under its JSON name, in declaration order. Each name
/// is written with the punctuation around it as one literal (`,"name":`).
macro_rules! record {
    ($ty:ident { $field1:ident: $name1:literal $(, $field:ident: $name:literal)* $(,)? }) => {
        impl ToJson for $ty {
            fn write(&self, out: &mut String) {
                // Each field name with its punctuation is one constant (`{"a":`, `,"b":`).
                raw(out, concat!("{\"", $name1, "\":"));
                self.$field1.write(out);
                $(
                    raw(out, concat!(",\"", $name, "\":"));
                    self.$field.write(out);
                )*
                out.push('}');
            }
        }
        impl FromJson for $ty {
            #[inline]
            fn read(v: &Value, err: &mut Errors) -> Self {
                object(v, concat!("struct ", stringify!($ty)), err);
                $ty {
                    $field1: field(v, $name1, err),
                    $($field: field(v, $name, err),)*
                }
            }
        }
    };
}

/// A unit enum as a JSON string.
macro_rules! names {
    ($ty:ident { $first:ident: $first_name:literal $(, $variant:ident: $name:literal)* $(,)? }) => {
        impl ToJson for $ty {
            fn write(&self, out: &mut String) {
                write_str(out, match self {
                    $ty::$first => $first_name,
                    $($ty::$variant => $name,)*
                });
            }
        }
        impl FromJson for $ty {
            #[inline]
            fn read(v: &Value, err: &mut Errors) -> Self {
                match v {
                    Value::Str(s) if s == $first_name => $ty::$first,
                    $(Value::Str(s) if s == $name => $ty::$variant,)*
                    Value::Str(s) => {
                        fail(err, format!(
                            concat!(
                                "unknown variant `{}`, expected one of `", $first_name, "`",
                                $(", `", $name, "`",)*
                            ),
                            s
                        ));
                        $ty::$first
                    }
                    _ => {
                        fail(err, expected(concat!("enum ", stringify!($ty)), v));
                        $ty::$first
                    }
                }
            }
        }
    };
}

record!(Span {
    start: "start",
    end: "end"
});
record!(Analysis {
    paragraphs: "paragraphs",
    quotes: "quotes",
    speakers: "speakers",
    scare_quotes: "scareQuotes",
    actors: "actors",
    interactions: "interactions",
    relations: "relations",
    focus: "focus",
    timeline: "timeline",
    byline: "byline",
});
record!(Paragraph {
    start: "start",
    end: "end",
    duplicate_of: "duplicateOf",
});
names!(QuoteKind {
    Direct: "direct",
    Partial: "partial",
    Indirect: "indirect",
});
record!(Quote {
    id: "id",
    text: "text",
    kind: "kind",
    start: "start",
    end: "end",
    speaker: "speaker",
    cue: "cue",
    stance: "stance",
});
record!(Cue {
    text: "text",
    start: "start",
    end: "end",
});
record!(Stance {
    score: "score",
    label: "label",
    cues: "cues",
});
names!(StanceLabel {
    Strained: "strained",
    Mixed: "mixed",
    Cordial: "cordial",
});
record!(StanceCue {
    text: "text",
    start: "start",
    end: "end",
    weight: "weight",
});
names!(SpeakerKind {
    Person: "person",
    Organization: "organization",
    Group: "group",
    Unnamed: "unnamed",
});
record!(Speaker {
    id: "id",
    name: "name",
    role: "role",
    org: "org",
    kind: "kind",
    aliases: "aliases",
    mentions: "mentions",
    country: "country",
});
record!(ScareQuote {
    text: "text",
    start: "start",
    end: "end",
});
record!(Actor {
    id: "id",
    name: "name",
    mentions: "mentions",
    kind: "kind",
    country: "country",
    role: "role",
});
names!(ActorKind {
    Country: "country",
    Person: "person",
    Organization: "organization",
});
record!(Interaction {
    source: "source",
    target: "target",
    text: "text",
    start: "start",
    end: "end",
    score: "score",
    class: "class",
});
names!(InteractionClass {
    VerbalCooperation: "verbalCooperation",
    MaterialCooperation: "materialCooperation",
    VerbalConflict: "verbalConflict",
    MaterialConflict: "materialConflict",
});
record!(Relation {
    pair: "pair",
    pair_names: "pairNames",
    score: "score",
    label: "label",
    explanation: "explanation",
    evidence: "evidence",
    narrator: "narrator",
});
record!(Evidence {
    kind: "kind",
    quote: "quote",
    text: "text",
    start: "start",
    end: "end",
    weight: "weight",
    cues: "cues",
});
record!(TimelineEvent {
    text: "text",
    start: "start",
    end: "end",
    date: "date",
    approximate: "approximate",
    when: "when",
    actors: "actors",
});
record!(Byline {
    author: "author",
    email: "email",
});

/// Read analysis options (`{pair?, date?, maxInputBytes?}`); unknown fields are refused, as a
/// misspelt option would otherwise be silently ignored.
#[inline]
pub fn options(v: &Value) -> Result<Options, String> {
    const FIELDS: [&str; 3] = ["pair", "date", "maxInputBytes"];
    let Value::Obj(fields) = v else {
        return Err(expected("struct Options", v));
    };
    if let Some((k, _)) = fields.iter().find(|(k, _)| !FIELDS.contains(&k.as_str())) {
        return Err(format!(
            "unknown field `{k}`, expected one of `pair`, `date`, `maxInputBytes`"
        ));
    }
    let mut err = None;
    let mut options = Options::default();
    if let Some(pair) = field::<Option<Vec<String>>>(v, "pair", &mut err) {
        match <[String; 2]>::try_from(pair) {
            Ok(pair) => options.pair = Some(pair),
            Err(_) => fail(&mut err, "pair: expected an array of two names".into()),
        }
    }
    options.date = field(v, "date", &mut err);
    if v.get("maxInputBytes").is_some() {
        options.max_input_bytes = field(v, "maxInputBytes", &mut err);
    }
    match err {
        None => Ok(options),
        Some(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// serde_json's data model in the codec's.
    fn value(v: &serde_json::Value) -> Value {
        match v {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(*b),
            serde_json::Value::Number(n) => Value::Num(n.as_f64().unwrap()),
            serde_json::Value::String(s) => Value::Str(s.clone()),
            serde_json::Value::Array(a) => Value::Arr(a.iter().map(value).collect()),
            serde_json::Value::Object(o) => {
                Value::Obj(o.iter().map(|(k, v)| (k.clone(), value(v))).collect())
            }
        }
    }

    fn analyses() -> Vec<Analysis> {
        let seed = std::fs::read_to_string("../shared/data/seed-article.txt").unwrap_or_default();
        let mut out: Vec<Analysis> = [
            crate::view::tests::FIXTURE_TEXT,
            seed.as_str(),
            "“Ties are \"close\",\ttoo\u{1}\\ \u{2028}”, said Jane Doe.\r\nByline: x@y.z",
        ]
        .iter()
        .filter(|t| !t.trim().is_empty())
        .map(|t| crate::analyze(t, &Options::new()).unwrap())
        .collect();
        out.push(serde_json::from_str(crate::view::tests::FIXTURE_JSON).unwrap());
        out
    }

    #[test]
    fn writes_what_serde_json_writes() {
        for a in analyses() {
            assert_eq!(to_json(&a), serde_json::to_string(&a).unwrap());
        }
        let strings = ["", "a\u{0}b\u{1f}\u{7f}é“”\"\\/\n\r\t\u{8}\u{c}"];
        for s in strings {
            assert_eq!(to_json(&s), serde_json::to_string(s).unwrap(), "{s:?}");
        }
        for x in [0.0, -0.0, 0.1, -0.376, 1e-7, 123456789.125, 1e300, 7.0] {
            assert_eq!(to_json(&x), serde_json::to_string(&x).unwrap(), "{x}");
        }
        for n in [0usize, 7, 10, 1234567890] {
            assert_eq!(to_json(&n), serde_json::to_string(&n).unwrap());
        }
    }

    #[test]
    fn reads_what_it_writes() {
        for a in analyses() {
            let v = value(&serde_json::from_str(&to_json(&a)).unwrap());
            assert_eq!(from_value::<Analysis>(&v).unwrap(), a);
        }
    }

    #[test]
    fn reads_like_the_serde_derive() {
        // (JSON, whether it reads as a speaker)
        let cases = [
            (
                r#"{"id":"s1","name":"A","kind":"person","aliases":[],"mentions":[]}"#,
                true,
            ),
            (
                r#"{"id":"s1","name":"A","role":null,"org":"O","kind":"group","aliases":["B"],"mentions":[{"start":1,"end":2}],"extra":1}"#,
                true,
            ),
            (
                r#"{"id":"s1","name":"A","kind":"alien","aliases":[],"mentions":[]}"#,
                false,
            ),
            (
                r#"{"id":"s1","kind":"person","aliases":[],"mentions":[]}"#,
                false,
            ),
            (
                r#"{"id":1,"name":"A","kind":"person","aliases":[],"mentions":[]}"#,
                false,
            ),
            (
                r#"{"id":"s1","name":"A","kind":"person","aliases":[],"mentions":[{"start":-1,"end":2}]}"#,
                false,
            ),
            (
                r#"{"id":"s1","name":"A","kind":"person","aliases":[],"mentions":[{"start":1.5,"end":2}]}"#,
                false,
            ),
        ];
        for (json, ok) in cases {
            let serde = serde_json::from_str::<Speaker>(json);
            assert_eq!(serde.is_ok(), ok, "{json}");
            let ours = from_value::<Speaker>(&value(&serde_json::from_str(json).unwrap()));
            assert_eq!(ours.ok(), serde.ok(), "{json}");
        }
    }

    #[test]
    fn reads_options() {
        // (JSON, the options or None for an error)
        let cases = [
            ("{}", Some(Options::new())),
            (
                r#"{"pair":["China","Russia"],"date":"2014-07-30","maxInputBytes":10}"#,
                Some(
                    Options::new()
                        .pair("China", "Russia")
                        .date("2014-07-30")
                        .max_input_bytes(10),
                ),
            ),
            (r#"{"pair":null,"date":null}"#, Some(Options::new())),
            (r#"{"maxInputBytes":null}"#, None),
            (r#"{"bogus":1}"#, None),
            (r#"{"pair":["China"]}"#, None),
            (r#"{"maxInputBytes":"10"}"#, None),
        ];
        for (json, want) in cases {
            let got = options(&value(&serde_json::from_str(json).unwrap()));
            assert_eq!(got.clone().ok(), want, "{json}: {got:?}");
            let serde = serde_json::from_str::<Options>(json).ok();
            assert_eq!(serde, want, "{json}");
        }
    }
}
