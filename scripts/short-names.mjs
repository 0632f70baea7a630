// Shorten the names the wasm module and its wasm-bindgen glue use between themselves, in
// place: `node scripts/short-names.mjs pkg/relations_widget_bg.wasm pkg/relations_widget.js`.
//
// wasm-bindgen names each import `__wbg_<method>_<16 hex digits>` and the glue's import object
// spells every name out again; the hex digits are near-random bytes that gzip cannot shrink
// (about 2 KB gzipped over both files). Imports become `a`, `b`, …, their module `w`, and the
// exports only the glue calls (not `memory` or the public functions) short names too. Both
// files are rewritten consistently; any name the glue does not spell exactly as expected
// stops the build rather than produce a module the glue cannot load.
import { readFileSync, writeFileSync } from 'node:fs';

const [wasmPath, gluePath] = process.argv.slice(2);
if (!wasmPath || !gluePath) {
  console.error('usage: node scripts/short-names.mjs MODULE.wasm GLUE.js');
  process.exit(2);
}
const wasm = readFileSync(wasmPath);
let glue = readFileSync(gluePath, 'utf8');

/** Unsigned LEB128 at `at`: [value, next offset]. */
function leb(buf, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = buf[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

/** The unsigned LEB128 bytes of `n`. */
function uleb(n) {
  const out = [];
  do {
    let byte = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    out.push(byte);
  } while (n > 0);
  return Buffer.from(out);
}

const name = (s) => {
  const bytes = Buffer.from(s, 'utf8');
  return Buffer.concat([uleb(bytes.length), bytes]);
};

/** `a` … `z`, `A` … `Z`, then two letters. */
function shortName(i) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  if (i < letters.length) return letters[i];
  i -= letters.length;
  return letters[Math.floor(i / letters.length) % letters.length] + letters[i % letters.length];
}

/** Replace the whole-word `from` by `to` in the glue, which must hold it exactly `count`
 * times (or at least once when `count` is null), each preceded by `before` when given. */
function rename(from, to, { count = null, before = '' } = {}) {
  const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(?<![\\w$])${escaped}(?![\\w$])`, 'g');
  const hits = [...glue.matchAll(re)];
  const ok = (count === null ? hits.length >= 1 : hits.length === count)
    && hits.every((m) => glue.slice(m.index - before.length, m.index) === before);
  if (!ok) {
    console.error(`short-names: the glue spells \`${from}\` ${hits.length} times, not as expected; nothing changed`);
    process.exit(1);
  }
  glue = glue.replace(re, to);
}

// Walk the sections; rebuild the import and export sections with the new names.
const parts = [wasm.subarray(0, 8)];
let at = 8;
let used = 0;
const MODULE = './relations_widget_bg.js';
while (at < wasm.length) {
  const id = wasm[at];
  const [size, bodyAt] = leb(wasm, at + 1);
  const body = wasm.subarray(bodyAt, bodyAt + size);
  let out = null;
  if (id === 2 || id === 7) {
    const items = [];
    let [count, p] = leb(body, 0);
    for (let k = 0; k < count; k++) {
      let module = null;
      if (id === 2) {
        const [len, q] = leb(body, p);
        module = body.subarray(q, q + len).toString('utf8');
        p = q + len;
      }
      const [len, q] = leb(body, p);
      const field = body.subarray(q, q + len).toString('utf8');
      p = q + len;
      // The rest of the entry (kind and index or type) is copied as it is.
      const start = p;
      const kind = body[p++];
      if (id === 7 || kind === 0) {
        p = leb(body, p)[1];
      } else if (kind === 1) {
        p += 1;
        const flags = body[p++];
        p = leb(body, p)[1];
        if (flags & 1) p = leb(body, p)[1];
      } else if (kind === 2) {
        const flags = body[p++];
        p = leb(body, p)[1];
        if (flags & 1) p = leb(body, p)[1];
      } else if (kind === 3) {
        p += 2;
      } else {
        p += 1;
        p = leb(body, p)[1];
      }
      items.push({ module, field, rest: body.subarray(start, p) });
    }
    const bytes = [uleb(items.length)];
    for (const item of items) {
      let field = item.field;
      if (id === 2) {
        if (item.module !== MODULE) {
          console.error(`short-names: an import from \`${item.module}\`, not ${MODULE}; nothing changed`);
          process.exit(1);
        }
        field = shortName(used++);
        rename(item.field, field, { count: 1 });
        bytes.push(name('w'));
      } else if (/^(__|wasm_bindgen__|widget_)/.test(field)) {
        // An export only the glue calls (`wasm.__wbindgen_malloc(…)`), or none does.
        const short = shortName(used++);
        if (glue.includes(field)) rename(field, short, { before: '.' });
        field = short;
      }
      bytes.push(name(field), item.rest);
    }
    out = Buffer.concat(bytes);
  }
  parts.push(Buffer.from([id]));
  if (out) {
    parts.push(uleb(out.length), out);
  } else {
    parts.push(wasm.subarray(at + 1, bodyAt + size));
  }
  at = bodyAt + size;
}
rename(JSON.stringify(MODULE), '"w"', { count: 1 });
writeFileSync(wasmPath, Buffer.concat(parts));
writeFileSync(gluePath, glue);
