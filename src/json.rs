//! Compact JSON text of any `Serialize` value, byte for byte what `serde_json::to_string`
//! writes, in about half its time: the analysis crosses into JavaScript as one JSON text, so
//! this writer sits on the browser's hot path.
//!
//! Rules (those of `serde_json`'s compact form):
//! - Strings escape `"`, `\` and control characters (`\b` `\t` `\n` `\f` `\r`, else
//!   `\u00xx`); every other char, non-ASCII included, is written as is.
//! - Struct fields in declaration order, their names written as they are (Rust identifiers,
//!   camelCased, need no escaping); `None` and unit values are `null`; unit enum variants
//!   are their name as a string; non-finite floats are `null`.
//! - A shape the analysis never uses (maps with non-string keys, enum variants with data) is
//!   refused.

use serde::ser::{self, Serialize};
use serde_json::ser::Formatter;

/// Why a value could not be written.
#[derive(Debug)]
pub(crate) struct Unsupported(String);

impl std::fmt::Display for Unsupported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        Unsupported(msg.to_string())
    }
}

impl crate::Analysis {
    /// The analysis as compact JSON text: exactly `serde_json::to_string`'s, written faster.
    /// `None` only if the model gained a shape this writer refuses (a test guards against it).
    pub fn to_json(&self) -> Option<String> {
        to_string(self)
    }
}

/// The compact JSON text of `value`, or `None` for a shape this writer does not handle.
pub(crate) fn to_string<T: Serialize + ?Sized>(value: &T) -> Option<String> {
    let mut w = Writer {
        out: String::with_capacity(64 * 1024),
    };
    value.serialize(&mut w).ok()?;
    Some(w.out)
}

struct Writer {
    out: String,
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// True when a byte of `w` (eight bytes, little end first) is `"`, `\` or below 0x20.
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
/// spaces.
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
    // The tail as a word padded with spaces, built without a copy.
    let rest = chunks.remainder();
    let pad = u64::from_le_bytes([b' '; 8]);
    let w = rest.iter().rev().fold(pad, |w, &b| (w << 8) | u64::from(b));
    !needs_escape(w)
}

impl Writer {
    #[inline]
    fn raw(&mut self, s: &str) {
        self.out.push_str(s);
    }

    fn string(&mut self, s: &str) {
        self.out.push('"');
        if plain(s.as_bytes()) {
            self.out.push_str(s);
        } else {
            self.escaped(s);
        }
        self.out.push('"');
    }

    fn escaped(&mut self, s: &str) {
        let mut start = 0;
        // Every byte escaped is ASCII, so the cuts fall on char boundaries.
        for (i, &b) in s.as_bytes().iter().enumerate() {
            let esc = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                0x08 => "\\b",
                0x09 => "\\t",
                0x0A => "\\n",
                0x0C => "\\f",
                0x0D => "\\r",
                0..=0x1F => "\\u00",
                _ => continue,
            };
            self.out.push_str(&s[start..i]);
            self.out.push_str(esc);
            if esc == "\\u00" {
                self.out.push(char::from(HEX[usize::from(b >> 4)]));
                self.out.push(char::from(HEX[usize::from(b & 0xF)]));
            }
            start = i + 1;
        }
        self.out.push_str(&s[start..]);
    }

    fn unsigned(&mut self, mut n: u64) {
        let mut buf = [0u8; 20];
        let mut at = buf.len();
        loop {
            at -= 1;
            buf[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        for &d in &buf[at..] {
            self.out.push(char::from(d));
        }
    }

    fn signed(&mut self, n: i64) {
        if n < 0 {
            self.out.push('-');
        }
        self.unsigned(n.unsigned_abs());
    }

    fn float(&mut self, x: f64) {
        if !x.is_finite() {
            self.raw("null");
        } else if !self.hundredths(x) {
            // serde_json's own float formatting, so that the text is the same.
            let mut buf = Vec::with_capacity(24);
            let _ = serde_json::ser::CompactFormatter.write_f64(&mut buf, x);
            if let Ok(text) = std::str::from_utf8(&buf) {
                self.out.push_str(text);
            }
        }
    }

    /// Write `x` when it is exactly the double nearest some `n / 100` (the analysis rounds its
    /// scores so): then `n / 100` in decimals, trailing zeros dropped, is its shortest
    /// round-trip form, which is what serde_json writes. False (nothing written) otherwise.
    fn hundredths(&mut self, x: f64) -> bool {
        if x == 0.0 || x.abs() >= 1e7 {
            return false;
        }
        let n = (x * 100.0).round();
        if n / 100.0 != x {
            return false;
        }
        let n = n as i64;
        if n < 0 {
            self.out.push('-');
        }
        let (int, frac) = (n.unsigned_abs() / 100, n.unsigned_abs() % 100);
        self.unsigned(int);
        self.out.push('.');
        let digit = |d: u64| char::from(b'0' + d as u8);
        self.out.push(digit(frac / 10));
        if frac % 10 != 0 {
            self.out.push(digit(frac % 10));
        }
        true
    }
}

/// A sequence or struct being written: whether an element was written yet.
struct Compound<'a> {
    w: &'a mut Writer,
    first: bool,
}

impl Compound<'_> {
    #[inline]
    fn sep(&mut self) {
        if self.first {
            self.first = false;
        } else {
            self.w.out.push(',');
        }
    }

    /// A struct field's name: a Rust identifier (camelCased), which needs no escaping.
    #[inline]
    fn key(&mut self, key: &'static str) {
        self.sep();
        let out = &mut self.w.out;
        out.reserve(key.len() + 3);
        out.push('"');
        out.push_str(key);
        out.push_str("\":");
    }
}

fn unsupported<T>(what: &str) -> Result<T, Unsupported> {
    Err(Unsupported(format!("json: {what} is not supported")))
}

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = ser::Impossible<(), Unsupported>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = ser::Impossible<(), Unsupported>;

    fn serialize_bool(self, v: bool) -> Result<(), Unsupported> {
        self.raw(if v { "true" } else { "false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Unsupported> {
        self.signed(v.into());
        Ok(())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Unsupported> {
        self.signed(v.into());
        Ok(())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Unsupported> {
        self.signed(v.into());
        Ok(())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Unsupported> {
        self.signed(v);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Unsupported> {
        self.unsigned(v.into());
        Ok(())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Unsupported> {
        self.unsigned(v.into());
        Ok(())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Unsupported> {
        self.unsigned(v.into());
        Ok(())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Unsupported> {
        self.unsigned(v);
        Ok(())
    }
    fn serialize_f32(self, _: f32) -> Result<(), Unsupported> {
        unsupported("f32")
    }
    fn serialize_f64(self, v: f64) -> Result<(), Unsupported> {
        self.float(v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Unsupported> {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Unsupported> {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Unsupported> {
        unsupported("bytes")
    }
    fn serialize_none(self) -> Result<(), Unsupported> {
        self.raw("null");
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Unsupported> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Unsupported> {
        self.raw("null");
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Unsupported> {
        self.raw("null");
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Unsupported> {
        self.string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Unsupported> {
        unsupported("an enum variant with data")
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, Unsupported> {
        self.out.push('[');
        Ok(Compound {
            w: self,
            first: true,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'a>, Unsupported> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        len: usize,
    ) -> Result<Compound<'a>, Unsupported> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Unsupported> {
        unsupported("an enum variant with data")
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>, Unsupported> {
        self.out.push('{');
        Ok(Compound {
            w: self,
            first: true,
        })
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, Unsupported> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Unsupported> {
        unsupported("an enum variant with data")
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.sep();
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), Unsupported> {
        self.w.out.push(']');
        Ok(())
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), Unsupported> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), Unsupported> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Unsupported> {
        // Only string keys (serde_json writes some others as strings; the model has none).
        self.sep();
        key.serialize(KeyWriter(&mut *self.w))?;
        self.w.out.push(':');
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), Unsupported> {
        self.w.out.push('}');
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        self.key(key);
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), Unsupported> {
        self.w.out.push('}');
        Ok(())
    }
}

/// Writes a map key: strings only.
struct KeyWriter<'a>(&'a mut Writer);

impl ser::Serializer for KeyWriter<'_> {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = ser::Impossible<(), Unsupported>;
    type SerializeTuple = ser::Impossible<(), Unsupported>;
    type SerializeTupleStruct = ser::Impossible<(), Unsupported>;
    type SerializeTupleVariant = ser::Impossible<(), Unsupported>;
    type SerializeMap = ser::Impossible<(), Unsupported>;
    type SerializeStruct = ser::Impossible<(), Unsupported>;
    type SerializeStructVariant = ser::Impossible<(), Unsupported>;

    fn serialize_str(self, v: &str) -> Result<(), Unsupported> {
        self.0.string(v);
        Ok(())
    }
    fn serialize_bool(self, _: bool) -> Result<(), Unsupported> {
        unsupported("a non-string map key")
    }
    fn serialize_i8(self, _: i8) -> Result<(), Unsupported> {
        unsupported("a non-string map key")
    }
    fn serialize_i16(self, _: i16) -> Result<(), Unsupported> {
        unsupported("a non-string map key")
    }
    fn serialize_i32(self, _: i32) -> Result<(), Unsupported> {
        unsupported("a non-string map key")
    }
    fn serialize_i64(self, _: i64) -> Result<(), Unsupported> {
        unsupported("a non-string map key")
    }
    fn serialize_u8(self, _: u8) -> Result<(), Unsupported> {
        unsupported("a non-string map key")
    }
    fn serialize_u16(self, _: u16) -> Result<(), Unsupported> {
        unsupported("a non-string map key")
    }
    fn serialize_u32(self, _: u32) -> Result<(), Unsupported> {
        unsupported("a non-string map key")
    }
    fn serialize_u64(self, _: u64) -> Result<(), Unsupported> {
        unsupported("a non-string map key")
    }
    fn serialize_f32(self, _: f32) -> Result<(), Unsupported> {
        unsupported("a non-string map key")
    }
    fn serialize_f64(self, _: f64) -> Result<(), Unsupported> {
        unsupported("a non-string map key")
    }
    fn serialize_char(self, _: char) -> Result<(), Unsupported> {
        unsupported("a non-string map key")
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Unsupported> {
        unsupported("a non-string map key")
    }
    fn serialize_none(self) -> Result<(), Unsupported> {
        unsupported("a non-string map key")
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), Unsupported> {
        unsupported("a non-string map key")
    }
    fn serialize_unit(self) -> Result<(), Unsupported> {
        unsupported("a non-string map key")
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Unsupported> {
        unsupported("a non-string map key")
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
    ) -> Result<(), Unsupported> {
        unsupported("a non-string map key")
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<(), Unsupported> {
        unsupported("a non-string map key")
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Unsupported> {
        unsupported("a non-string map key")
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Unsupported> {
        unsupported("a non-string map key")
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Unsupported> {
        unsupported("a non-string map key")
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Unsupported> {
        unsupported("a non-string map key")
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Unsupported> {
        unsupported("a non-string map key")
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Unsupported> {
        unsupported("a non-string map key")
    }
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, Unsupported> {
        unsupported("a non-string map key")
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Unsupported> {
        unsupported("a non-string map key")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[derive(serde::Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Sample {
        name: String,
        count_all: usize,
        neg: i32,
        score: f64,
        missing: Option<String>,
        present: Option<u8>,
        flag: bool,
        list: Vec<f64>,
        map: BTreeMap<String, u32>,
        kind: Kind,
        pair: (u8, char),
    }

    #[derive(serde::Serialize)]
    #[serde(rename_all = "camelCase")]
    enum Kind {
        VerbalConflict,
    }

    #[test]
    fn writes_what_serde_json_writes() {
        let strings = [
            "",
            "plain",
            "“quoted” ― dash, Pyongyang’s",
            "quote \" backslash \\ slash /",
            "controls \u{0}\u{1}\u{8}\t\n\u{b}\u{c}\r\u{1f} del \u{7f}",
            "long enough to take the eight-byte path: \"here\" and \\there\\ 😀 한국어",
            "\"\"\"\"\"\"\"\"\"\"",
        ];
        let floats = [
            0.0,
            -0.0,
            1.0,
            -0.38,
            0.2,
            7.4,
            1e-7,
            1e21,
            123456.789,
            f64::NAN,
        ];
        for s in strings {
            let mut map = BTreeMap::new();
            map.insert(s.to_string(), 3);
            let v = Sample {
                name: s.to_string(),
                count_all: usize::MAX,
                neg: i32::MIN,
                score: -0.05,
                missing: None,
                present: Some(0),
                flag: true,
                list: floats.to_vec(),
                map,
                kind: Kind::VerbalConflict,
                pair: (255, '"'),
            };
            assert_eq!(to_string(&v), serde_json::to_string(&v).ok(), "{s:?}");
        }
        assert_eq!(to_string(&f64::INFINITY).as_deref(), Some("null"));
    }

    #[test]
    fn analyses_read_the_same() {
        let seed = include_str!("../www/seed-article.txt");
        let texts = [
            seed,
            "“Ties are \"close\",” said Jane Doe.\n\u{0}Tab\there\\.",
            "The minister said that relations with the neighbour were strained.",
        ];
        for text in texts {
            let a = crate::analyze(text, &crate::Options::new()).expect("analyses");
            assert_eq!(a.to_json(), serde_json::to_string(&a).ok(), "{text:?}");
        }
    }

    #[test]
    fn floats_read_as_serde_json_writes_them() {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut values: Vec<f64> = (-200_000..=200_000).map(|n| n as f64 / 100.0).collect();
        values.extend((-2000..=2000).map(|n| n as f64 / 10.0));
        values.extend([
            0.0,
            -0.0,
            1e-7,
            0.005,
            0.015,
            9_999_999.99,
            1e7,
            1e16,
            1e21,
            0.1 + 0.2,
        ]);
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            values.push(f64::from_bits(x));
            values.push((x % 2_000_000) as f64 / 100.0 - 10_000.0);
        }
        for v in values {
            assert_eq!(to_string(&v), serde_json::to_string(&v).ok(), "{v:?}");
        }
    }

    #[test]
    fn refuses_what_it_does_not_write() {
        #[derive(serde::Serialize)]
        enum Data {
            Value(u8),
        }
        assert_eq!(to_string(&Data::Value(1)), None);
        let mut m = BTreeMap::new();
        m.insert(1u8, 2u8);
        assert_eq!(to_string(&m), None);
    }
}
