// The browser benchmark: times analyze() on the sample article and on a 1 MB article, and
// compromise on the sample, in this page and run. `bench/run.mjs` (npm run bench) drives it
// headless; opened by hand (dev server or any static server over the repository root) it runs
// on load and shows the same figures.
//
// Query parameters: `large=URL` loads the 1 MB article from URL (the runner serves one built
// from ../shared/data/polnear-train); without it the page numbers the sample's paragraphs up
// to 1 MiB. `samples=N` sets the number of samples per figure.
import init, { analyze } from '../pkg/relations_widget.js';
import nlp from '../node_modules/compromise/builds/three/compromise-three.mjs';

const LARGE_BYTES = 1024 * 1024;
const params = new URLSearchParams(location.search);
const SAMPLES = Number(params.get('samples')) || 41;
/** A sample times enough calls to last about this long (timer resolution is coarse). */
const MIN_SAMPLE_MS = 10;

const bytes = (s) => new TextEncoder().encode(s).length;

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** Calls of `fn` that last about `ms`, measured after a warm-up of at least three calls. */
function batchFor(fn, ms = MIN_SAMPLE_MS) {
  let calls = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < 200 || calls < 3) { fn(); calls++; }
  const per = (performance.now() - t0) / calls;
  return Math.max(1, Math.ceil(ms / Math.max(per, 1e-4)));
}

function sample(fn, batch) {
  const t = performance.now();
  for (let i = 0; i < batch; i++) fn();
  return (performance.now() - t) / batch;
}

/**
 * Time `a` and `b` side by side: each round takes one sample of each (in alternating order),
 * so a busy machine slows both alike. Returns per-call medians and minima, and the median of
 * the per-round ratios b/a, which is the figure least moved by other load.
 */
function measurePair(a, b, rounds = SAMPLES) {
  const batchA = batchFor(a);
  const batchB = batchFor(b);
  const ta = [];
  const tb = [];
  for (let r = 0; r < rounds; r++) {
    if (r % 2) { tb.push(sample(b, batchB)); ta.push(sample(a, batchA)); }
    else { ta.push(sample(a, batchA)); tb.push(sample(b, batchB)); }
  }
  const stats = (ts) => ({ median: median(ts), min: Math.min(...ts), samples: ts.length });
  return { a: stats(ta), b: stats(tb), ratio: median(ta.map((t, i) => tb[i] / t)) };
}

/** About 1 MiB of distinct paragraphs: the sample's, numbered so none repeats. */
function numberedArticle(seed) {
  const paras = seed.split('\n').filter((l) => l.trim());
  const out = [];
  let size = 0;
  for (let n = 0; size < LARGE_BYTES; n++) {
    const p = `${paras[n % paras.length]} (${n})`;
    out.push(p);
    size += bytes(p) + 1;
  }
  return out.join('\n');
}

async function text(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return res.text();
}

async function run() {
  const seed = await text('seed-article.txt');
  const largeUrl = params.get('large');
  const large = largeUrl ? await text(largeUrl) : numberedArticle(seed);
  const t0 = performance.now();
  await init();
  const initMs = performance.now() - t0;
  const options = { maxInputBytes: 64 * 1024 * 1024 };

  const quotes = analyze(seed, options).quotes.length;
  const seedFn = () => analyze(seed, options);
  const vsCompromise = measurePair(seedFn, () => {
    const doc = nlp(seed);
    doc.quotations().out('array');
    doc.people().out('array');
  }, Math.min(SAMPLES, 25));
  const vsLarge = measurePair(seedFn, () => analyze(large, options), Math.min(SAMPLES, 25));
  const regexSeed = measurePair(seedFn, () => seed.match(/[“”"]/g), 11).b;
  // What any analyze() with this result pays before analysing anything: the analysis crosses
  // the boundary as UTF-8 JSON text, decoded and parsed into the returned object.
  const json = new TextEncoder().encode(JSON.stringify(analyze(seed, options)));
  const decoder = new TextDecoder();
  const resultObject = measurePair(seedFn, () => JSON.parse(decoder.decode(json)), 11).b;
  const compromisePeople = nlp(seed).people().out('array').length;
  const analyzeSeed = vsCompromise.a;
  const compromiseSeed = vsCompromise.b;
  const analyzeLarge = vsLarge.b;

  return {
    userAgent: navigator.userAgent,
    seedBytes: bytes(seed),
    largeBytes: bytes(large),
    largeSource: largeUrl ? 'served' : 'numbered sample paragraphs',
    quotes,
    compromisePeople,
    initMs,
    analyzeSeed,
    compromiseSeed,
    regexSeed,
    resultObject,
    resultBytes: json.length,
    analyzeLarge,
    analyzeSeedBesideLarge: vsLarge.a,
    compromiseRatio: vsCompromise.ratio,
    largeRatio: vsLarge.ratio,
  };
}

function show(r) {
  const ms = (x) => `${x.median.toFixed(4)} ms (min ${x.min.toFixed(4)})`;
  document.getElementById('results').textContent = [
    `analyze(seed, ${r.seedBytes} B)      ${ms(r.analyzeSeed)}   ${r.quotes} quotes`,
    `compromise(seed)              ${ms(r.compromiseSeed)}   ${r.compromisePeople} people`,
    `regex scan over quote marks   ${ms(r.regexSeed)}`,
    `the result object alone       ${ms(r.resultObject)}   (decode + JSON.parse of ${r.resultBytes} B)`,
    `compromise / analyze          ${r.compromiseRatio.toFixed(0)}×`,
    `analyze(1 MB, ${r.largeBytes} B)  ${ms(r.analyzeLarge)}   (${r.largeSource})`,
    `1 MB / seed                   ${r.largeRatio.toFixed(1)}×`,
    `wasm init                     ${r.initMs.toFixed(1)} ms`,
  ].join('\n');
}

async function main() {
  const status = document.getElementById('status');
  status.textContent = 'Running…';
  try {
    const r = await run();
    show(r);
    status.textContent = 'Done.';
    window.benchResults = r;
  } catch (e) {
    status.textContent = `Failed: ${e.message}`;
    window.benchResults = { error: String(e?.stack ?? e) };
  }
}

document.getElementById('run').addEventListener('click', main);
main();
