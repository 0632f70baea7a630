// Pathological input through the real JavaScript exports and the element: lone surrogates,
// an over-size article, many quotation marks, and odd scripts end in an analysis or a clear
// message in the widget, never a thrown panic or a stuck widget.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, newPage } from './helpers.mjs';
import { HOST_PAGE, send, startRoutedServer, widgetOutcome } from './server.mjs';

let browser;
let server;
let page;
before(async () => {
  browser = await launchBrowser();
  server = await startRoutedServer({ routes: { '/host.html': send(200, 'text/html; charset=utf-8', HOST_PAGE) } });
  page = await newPage(browser);
  await page.goto(`${server.url}/host.html`);
  await page.evaluate(async () => {
    const mod = await import('/pkg/relations_widget.js');
    await mod.default();
    window.rw = mod;
  });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('lone surrogates from JavaScript: analyze() keeps offsets on the caller\'s string', async () => {
  const results = await page.evaluate(() => [
    '\uD800“a\uDC00b,” he said \uDFFF',
    '“\uDBFF” and “x\uD83D” then 😀 “y”',
    '\uDC00\uD800"\uDFFF"\uD800',
    '“Fine,” he said.\n\uD800\n“Also \uDC00 fine,” she said.',
  ].map((text) => {
    const a = window.rw.analyze(text);
    const fixed = text.toWellFormed ? text.toWellFormed() : text;
    return {
      text,
      spans: a.quotes.map((q) => ({ ok: fixed.slice(q.start, q.end) === q.text, q: q.text })),
      paragraphs: a.paragraphs.every((p) => p.start <= p.end && p.end <= text.length),
    };
  }));
  for (const r of results) {
    assert.ok(r.paragraphs, JSON.stringify(r));
    for (const s of r.spans) assert.ok(s.ok, `${JSON.stringify(r.text)}: ${JSON.stringify(s.q)}`);
  }
  assert.ok(results[3].spans.length >= 2);
});

test('an over-size article: a clear message, from analyze() and in the widget', async () => {
  const thrown = await page.evaluate(() => {
    try {
      window.rw.analyze('“Too long,” he said.', { maxInputBytes: 8 });
      return null;
    } catch (e) {
      return e.message;
    }
  });
  assert.match(thrown, /too large.*maxInputBytes/);
  // Built in the page: 6 MiB, over the default 5 MiB cap.
  const got = await page.evaluate(async () => {
    await customElements.whenDefined('relations-widget');
    const w = document.createElement('relations-widget');
    const done = new Promise((ok) => w.addEventListener('relations-widget:error', (e) => ok(e.detail.message), { once: true }));
    w.text = '“x,” he said. '.repeat(6 * 1024 * 1024 / 16);
    document.body.append(w);
    const message = await done;
    return { message, alert: w.shadowRoot.querySelector('[role=alert]')?.textContent };
  });
  assert.match(got.message, /too large to analyse: \d+ bytes, the limit is 5242880 bytes/);
  assert.ok(got.alert?.includes(got.message), got.alert);
});

test('many quotation marks, unbalanced marks, odd scripts: the widget renders', async () => {
  const cases = [
    ['100,000 straight marks', '"'.repeat(100000), 0],
    ['20,000 one-word quotes', '“word” '.repeat(20000), null],
    ['unbalanced', '“Open, he said.\n”Close first,“ she said. \u201C\u201C\u201D', null],
    ['NUL bytes', '\0“a\0b,” he said.\0', null],
    ['RTL and CJK', '“العلاقات قوية,” قال. 「日本語」 “中朝关系,” 他说。', null],
    ['emoji', '😀“👨‍👩‍👧‍👦 🇰🇷🇨🇳,” he said 👍🏽.', null],
  ];
  for (const [name, text, quotes] of cases) {
    const got = await widgetOutcome(page, { text });
    assert.ok(got.ok, `${name}: ${JSON.stringify(got)}`);
    if (quotes !== null) assert.equal(got.quotes, quotes, name);
  }
  const empty = await widgetOutcome(page, { text: ' \n\t\u3000 ' });
  assert.ok(empty.error && empty.alert, JSON.stringify(empty));
  assert.deepEqual(page.errors, []);
});
