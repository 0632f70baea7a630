// <relations-widget>: a custom element that analyses a news article with the relations-widget
// WebAssembly module and renders the result in its open shadow root.
//
//   <script type="module" src="/pkg/relations-widget.js"></script>
//   <relations-widget src="article.txt"></relations-widget>
//
// The article comes from `src` (a text or HTML URL, http(s) or relative), from `for` (the id
// of an element of the host page), or from the element's own text. All rendering is done in
// Rust; article text only ever reaches the DOM as text.
import init, { mount, showError } from './relations_widget.js';

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
    throw new ArticleError(`No article was found at ${url.href} (${res.status} ${res.statusText || 'Not Found'}).`);
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

export class RelationsWidget extends HTMLElement {
  static observedAttributes = ['src', 'for', 'pair', 'date', 'theme'];

  /** Register the element (once) under `tag`. */
  static define(tag = 'relations-widget', registry = customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }

  #analysis = null;
  #text = null;
  #generation = 0;
  #abort = null;
  #queued = false;

  /** The last analysis object, or null. */
  get analysis() { return this.#analysis; }

  /** Article text set from script; takes precedence over `src`, `for` and inline text. */
  get text() { return this.#text; }
  set text(value) {
    this.#text = value == null ? null : String(value);
    this.#schedule();
  }

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
  }
  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue !== newValue && this.isConnected) this.#schedule();
  }

  /** Re-read the article and render again. */
  refresh() { this.#schedule(); }

  // Several attribute changes in one task render once.
  #schedule() {
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      if (this.isConnected) this.#render();
    });
  }

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
      const host = this.getRootNode().getElementById?.(this.for) ?? document.getElementById(this.for);
      if (!host) throw new ArticleError(`No element with id “${this.for}” holds the article.`);
      return host.innerText || host.textContent || '';
    }
    return this.textContent ?? '';
  }

  async #render() {
    const generation = ++this.#generation;
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    try {
      // Load the article while the module loads; its errors are shown once the module (which
      // draws them) is ready.
      const article = this.#articleText(abort.signal);
      article.catch(() => {});
      await ready();
      const text = await article;
      if (generation !== this.#generation) return;
      if (!text.trim()) throw new ArticleError('There is no article text to analyse.');
      const analysis = mount(this, text, this.#options());
      this.#analysis = analysis;
      this.#emit('relations-widget:analyzed', analysis);
    } catch (e) {
      if (e?.name === 'AbortError' || generation !== this.#generation) return;
      const message = e instanceof Error ? e.message : String(e);
      try { showError(this, message); } catch { /* the module failed to load: nothing to draw with */ }
      this.#analysis = null;
      this.#emit('relations-widget:error', { message });
    }
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

RelationsWidget.define();
