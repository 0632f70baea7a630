// The fixture page: draws the hand-made analysis (every field filled) with showAnalysis().
const widget = document.getElementById('fixture');
const [analysis, text] = await Promise.all([
  fetch('../tests/fixtures/widget-analysis.json').then((r) => r.json()),
  fetch('../tests/fixtures/widget-article.txt').then((r) => r.text()),
]);
await customElements.whenDefined('relations-widget');
widget.showAnalysis(analysis, text);
