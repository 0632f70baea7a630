// <relations-widget>: a custom element that analyses a news article with the relations-widget
// WebAssembly module and renders the result in its open shadow root.
//
//   <script type="module" src="/pkg/relations-widget.js"></script>
//   <relations-widget src="article.txt"></relations-widget>
//
// The article comes from `src` (a text or HTML URL, http(s) or relative), from `for` (the id
// of an element of the host page), or from the element's own text. All rendering and the
// interactive state are Rust (one `Widget` per element, freed when the element leaves the
// page); article text only ever reaches the DOM as text. With `for`, the quotes are
// highlighted in the host page's own article with the CSS Custom Highlight API: the host's
// DOM is never modified.
import init, { Widget, showError } from './relations_widget.js';

/** Largest article body `src` may load, in bytes. */
export const MAX_SRC_BYTES = 5 * 1024 * 1024;

let wasmReady = null;
/** Load the wasm module once per page, whichever widget asks first. */
function ready() {
  wasmReady ??= init();
  return wasmReady;
}

/** Extract an article's readable text from an HTML document, inertly (no script runs). */
export function textFromHtml(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.querySelectorAll('script, style, noscript, template, iframe, object, svg, nav, header, footer, aside, form')
    .forEach((n) => n.remove());
  const body = doc.querySelector('article') ?? doc.querySelector('main') ?? doc.body;
  if (!body) return '';
  const paras = [...body.querySelectorAll('p, h1, h2, h3, blockquote, li')]
    .filter((p) => !p.parentElement?.closest('p, blockquote, li'))
    .map((p) => p.textContent.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return paras.length ? paras.join('\n') : body.textContent.replace(/[ \t]+/g, ' ').trim();
}

class ArticleError extends Error {}

/** The charset a `content-type` header names, if TextDecoder knows it; else UTF-8. */
function decoderFor(contentType) {
  const label = /;\s*charset\s*=\s*"?([^";]+)/i.exec(contentType ?? '')?.[1]?.trim();
  try {
    return new TextDecoder(label || 'utf-8');
  } catch {
    return new TextDecoder('utf-8');
  }
}

/**
 * Read a response body, giving up as soon as it passes `MAX_SRC_BYTES` (a server may omit or
 * understate Content-Length), so an endless or huge body never freezes the tab.
 */
async function readCapped(res, url, signal) {
  const decoder = decoderFor(res.headers.get('content-type'));
  if (!res.body) return decoder.decode(new Uint8Array(await res.arrayBuffer()));
  const reader = res.body.getReader();
  const parts = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_SRC_BYTES) {
        reader.cancel().catch(() => {});
        throw new ArticleError(`The article at ${url.href} is too large: more than ${MAX_SRC_BYTES} bytes (the limit).`);
      }
      parts.push(decoder.decode(value, { stream: true }));
    }
  } catch (e) {
    if (e instanceof ArticleError || e?.name === 'AbortError' || signal?.aborted) throw e;
    throw new ArticleError(`The article could not be loaded from ${url.href}: the connection failed while reading it.`);
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/** Fetch an article from `src`, with a clear message for each way it can fail. */
async function fetchArticle(src, signal) {
  let url;
  try {
    url = new URL(src, document.baseURI);
  } catch {
    throw new ArticleError(`The article address “${src}” is not a valid URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ArticleError(`The article address must be http(s) or relative; “${url.protocol}” addresses are not allowed.`);
  }
  let res;
  try {
    res = await fetch(url, { signal, credentials: 'same-origin' });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ArticleError(`The article could not be loaded from ${url.href}: network error (the server is unreachable or refused the request).`);
  }
  if (res.status === 404 || res.status === 410) {
    throw new ArticleError(`The article could not be loaded from ${url.href}: nothing was found there (${res.status} ${res.statusText || 'Not Found'}).`);
  }
  if (!res.ok) {
    throw new ArticleError(`The article could not be loaded from ${url.href}: the server answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}.`);
  }
  const type = (res.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  const isHtml = type === 'text/html' || type === 'application/xhtml+xml';
  if (type && !isHtml && !type.startsWith('text/')) {
    throw new ArticleError(`The article at ${url.href} is ${type}, not text or HTML.`);
  }
  const declared = Number(res.headers.get('content-length'));
  if (declared > MAX_SRC_BYTES) {
    throw new ArticleError(`The article at ${url.href} is too large: ${declared} bytes, the limit is ${MAX_SRC_BYTES}.`);
  }
  const body = await readCapped(res, url, signal);
  return isHtml || /^\s*<(!doctype|html)/i.test(body) ? textFromHtml(body) : body;
}

/** Elements whose text is never article text. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'SVG', 'BUTTON', 'SELECT', 'TEXTAREA']);
/** Elements that end a paragraph. */
const BLOCK = /^(P|DIV|H[1-6]|LI|BLOCKQUOTE|ARTICLE|SECTION|MAIN|HEADER|FOOTER|ASIDE|FIGCAPTION|TR|DD|DT|PRE|BR|HR|UL|OL|TABLE)$/;

/**
 * The readable text of a host element, with a map back to its text nodes: paragraphs (block
 * elements) become lines, runs of white space one space. Returns {text, segments}, each
 * segment {node, start, end, raw}: `text.slice(start, end)` came from `node`, and `raw[i]` is
 * the node offset of the segment's i-th code unit (raw[end - start] is the node's length).
 */
export function hostText(root) {
  const segments = [];
  let text = '';
  let pendingBreak = false;
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const raw = node.data;
      let out = '';
      const map = [];
      for (let i = 0; i < raw.length; i++) {
        const ws = /\s/.test(raw[i]);
        if (ws) {
          const atStart = (text.length + out.length === 0) || pendingBreak || /[\s]$/.test(out || text.slice(-1));
          if (atStart) continue;
          out += ' ';
        } else {
          if (pendingBreak) {
            if (text.length) text += '\n';
            pendingBreak = false;
          }
          out += raw[i];
        }
        map.push(i);
      }
      if (out) {
        map.push(raw.length);
        segments.push({ node, start: text.length, end: text.length + out.length, raw: map });
        text += out;
      }
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE || SKIP.has(node.tagName.toUpperCase())) return;
    const block = BLOCK.test(node.tagName.toUpperCase());
    if (block) pendingBreak = true;
    for (const child of node.childNodes) walk(child);
    if (block) pendingBreak = true;
  };
  walk(root);
  return { text, segments };
}

/** The segment holding code unit `offset` (the last one starting at or before it). */
function segmentAt(segments, offset) {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid].start <= offset) lo = mid; else hi = mid - 1;
  }
  return segments[lo];
}

/** A DOM Range over `[start, end)` of a hostText() result, or null. */
function hostRange(map, start, end) {
  if (!map.segments.length || end <= start) return null;
  const a = segmentAt(map.segments, start);
  const b = segmentAt(map.segments, end - 1);
  if (!a || !b || start >= a.end) return null;
  const range = new Range();
  range.setStart(a.node, a.raw[start - a.start]);
  range.setEnd(b.node, b.raw[Math.min(end - b.start, b.raw.length - 1)]);
  return range;
}

/** The article offset of a node position, or -1. */
function hostOffset(map, node, offset) {
  const seg = map.segments.find((s) => s.node === node);
  if (!seg) return -1;
  const i = seg.raw.findIndex((r) => r >= offset);
  return seg.start + (i < 0 ? seg.raw.length - 1 : i);
}

const HIGHLIGHTS = ['rw-quote', 'rw-speaker', 'rw-scare', 'rw-selected'];
let hostSheet = false;

/** Link the host-page stylesheet for the highlights, once per document. */
function linkHostSheet() {
  if (hostSheet || document.querySelector('link[data-relations-widget-host]')) return;
  hostSheet = true;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('./relations-widget-host.css', import.meta.url).href;
  link.dataset.relationsWidgetHost = '';
  document.head.append(link);
}

/** Add `ranges` to the page-wide highlight `name` (shared by every widget on the page). */
function addHighlight(name, ranges) {
  if (!globalThis.CSS?.highlights || !globalThis.Highlight) return;
  let h = CSS.highlights.get(name);
  if (!h) { h = new Highlight(); CSS.highlights.set(name, h); }
  for (const r of ranges) h.add(r);
}

function removeHighlight(name, ranges) {
  const h = globalThis.CSS?.highlights?.get(name);
  if (!h) return;
  for (const r of ranges) h.delete(r);
}

export class RelationsWidget extends HTMLElement {
  static observedAttributes = ['src', 'for', 'pair', 'date', 'theme'];

  /** Register the element (once) under `tag`. */
  static define(tag = 'relations-widget', registry = customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }

  #analysis = null;
  #text = null;
  #given = null;
  #generation = 0;
  #abort = null;
  #queued = false;
  /** The Rust side: analysis, view state and listeners. Freed on disconnect. */
  #widget = null;
  /** `for` mode: the host article's text map, its highlight ranges and click listener. */
  #host = null;

  /** The last analysis object, or null. */
  get analysis() { return this.#analysis; }

  /** Article text set from script; takes precedence over `src`, `for` and inline text. */
  get text() { return this.#text; }
  set text(value) {
    this.#text = value == null ? null : String(value);
    this.#given = null;
    this.#schedule();
  }

  /**
   * Show an analysis made earlier (by the `relations` CLI, say) of `text`, without analysing
   * again. Returns a promise that settles once it is drawn.
   */
  showAnalysis(analysis, text) {
    this.#given = { analysis, text: String(text ?? '') };
    return this.#schedule();
  }

  /** Select a quote by id (null clears), as a click on its card does. */
  select(quoteId) { this.#widget?.select(quoteId ?? undefined); }

  /** The quotes as CSV text. */
  csv() { return this.#widget?.csv() ?? ''; }

  /** The filters and selection: {speaker, stance, kind, search, selected, visible}. */
  get viewState() { return this.#widget?.state() ?? null; }

  get src() { return this.getAttribute('src') ?? ''; }
  set src(v) { this.setAttribute('src', v); }
  get for() { return this.getAttribute('for') ?? ''; }
  set for(v) { this.setAttribute('for', v); }
  /** The focus pair as two names, or null. */
  get pair() {
    const names = (this.getAttribute('pair') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    return names.length === 2 ? names : null;
  }
  set pair(v) { this.setAttribute('pair', Array.isArray(v) ? v.join(',') : String(v)); }
  get date() { return this.getAttribute('date') ?? ''; }
  set date(v) { this.setAttribute('date', v); }
  get theme() {
    const t = this.getAttribute('theme');
    return t === 'light' || t === 'dark' ? t : 'auto';
  }
  set theme(v) { this.setAttribute('theme', v); }

  connectedCallback() {
    if (!this.shadowRoot) {
      // The stylesheet is a file next to this module, so strict CSPs (style-src 'self') allow it.
      const root = this.attachShadow({ mode: 'open' });
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = new URL('./relations-widget.css', import.meta.url).href;
      root.append(link);
    }
    this.#schedule();
  }
  disconnectedCallback() {
    this.#abort?.abort();
    this.#abort = null;
    this.#generation++;
    this.#releaseHost();
    this.#widget?.free();
    this.#widget = null;
  }
  attributeChangedCallback(name, oldValue, newValue) {
    // The theme is pure CSS (:host([theme])); everything else changes the analysis.
    if (oldValue !== newValue && name !== 'theme' && this.isConnected) this.#schedule();
  }

  /** Re-read the article and render again. */
  refresh() { return this.#schedule(); }

  // Several attribute changes in one task render once.
  #schedule() {
    if (!this.#queued) {
      this.#queued = true;
      this.#done = new Promise((resolve) => {
        queueMicrotask(async () => {
          this.#queued = false;
          if (this.isConnected) await this.#render();
          resolve();
        });
      });
    }
    return this.#done;
  }
  #done = Promise.resolve();

  #options() {
    const options = {};
    if (this.pair) options.pair = this.pair;
    if (this.date) options.date = this.date;
    return options;
  }

  async #articleText(signal) {
    if (this.#text != null) return this.#text;
    if (this.src) return fetchArticle(this.src, signal);
    if (this.for) {
      const host = this.#forElement();
      if (!host) throw new ArticleError(`No element with id “${this.for}” holds the article.`);
      this.#host = { element: host, map: hostText(host), ranges: {} };
      return this.#host.map.text;
    }
    return this.textContent ?? '';
  }

  #forElement() {
    return this.getRootNode().getElementById?.(this.for) ?? document.getElementById(this.for);
  }

  async #render() {
    const generation = ++this.#generation;
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.#releaseHost();
    try {
      // Load the article while the module loads (neither needs the other); its errors are
      // shown once the module, which draws them, is ready.
      const article = this.#given ? null : this.#articleText(abort.signal);
      article?.catch(() => {});
      await ready();
      if (generation !== this.#generation || !this.isConnected) return;
      this.#widget ??= new Widget(this);
      let analysis;
      if (this.#given) {
        this.#widget.setHostArticle(false);
        this.#widget.render(this.#given.analysis, this.#given.text, this.#options());
        analysis = this.#given.analysis;
      } else {
        const text = await article;
        if (generation !== this.#generation || !this.#widget) return;
        if (!text.trim()) {
          throw new ArticleError(this.src
            ? 'The article at this address has no readable text.'
            : 'There is no article text to analyse.');
        }
        this.#widget.setHostArticle(Boolean(this.#host));
        analysis = this.#widget.analyze(text, this.#options());
      }
      this.#analysis = analysis;
      if (this.#host) this.#highlightHost(analysis);
      this.#emit('relations-widget:analyzed', analysis);
    } catch (e) {
      if (e?.name === 'AbortError' || generation !== this.#generation) return;
      const message = e instanceof Error ? e.message : String(e);
      try {
        if (this.#widget) this.#widget.showError(message); else showError(this, message);
      } catch { /* the module failed to load: nothing to draw with */ }
      this.#analysis = null;
      this.#emit('relations-widget:error', { message });
    }
  }

  /** `for` mode: highlight quotes, speakers and scare quotes in the host's own article. */
  #highlightHost(analysis) {
    const host = this.#host;
    linkHostSheet();
    const ranges = (spans) => spans.map((s) => hostRange(host.map, s.start, s.end)).filter(Boolean);
    host.ranges = {
      'rw-quote': ranges(analysis.quotes),
      'rw-speaker': ranges(analysis.speakers.flatMap((s) => s.mentions)),
      'rw-scare': ranges(analysis.scareQuotes),
      'rw-selected': [],
    };
    for (const name of HIGHLIGHTS) addHighlight(name, host.ranges[name]);
    host.onSelect = (e) => {
      removeHighlight('rw-selected', host.ranges['rw-selected']);
      const q = e.detail?.quote;
      const r = q ? hostRange(host.map, q.start, q.end) : null;
      host.ranges['rw-selected'] = r ? [r] : [];
      addHighlight('rw-selected', host.ranges['rw-selected']);
      const el = r?.startContainer.parentElement;
      if (el && e.detail.source !== 'host') el.scrollIntoView({ block: 'nearest' });
    };
    host.onClick = (e) => {
      const pos = document.caretPositionFromPoint?.(e.clientX, e.clientY);
      const caret = pos
        ? { node: pos.offsetNode, offset: pos.offset }
        : (() => { const r = document.caretRangeFromPoint?.(e.clientX, e.clientY); return r && { node: r.startContainer, offset: r.startOffset }; })();
      if (!caret) return;
      const at = hostOffset(host.map, caret.node, caret.offset);
      const quote = this.#analysis?.quotes.find((q) => q.start <= at && at < q.end);
      if (quote) this.#widget?.select(quote.id);
    };
    this.addEventListener('relations-widget:select', host.onSelect);
    host.element.addEventListener('click', host.onClick);
  }

  /** Remove this widget's highlights and listeners from the host page. */
  #releaseHost() {
    const host = this.#host;
    if (!host) return;
    for (const name of HIGHLIGHTS) removeHighlight(name, host.ranges[name] ?? []);
    if (host.onSelect) this.removeEventListener('relations-widget:select', host.onSelect);
    if (host.onClick) host.element.removeEventListener('click', host.onClick);
    this.#host = null;
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

RelationsWidget.define();
