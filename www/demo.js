// Demo page: fills the textarea with the sample article and re-renders the widget on demand.
const widget = document.getElementById('widget');
const input = document.getElementById('article-input');
const SAMPLE = 'seed-article.txt';

async function loadSample() {
  const res = await fetch(SAMPLE);
  input.value = res.ok ? await res.text() : '';
}

document.getElementById('analyze-button').addEventListener('click', () => {
  widget.text = input.value;
});

document.getElementById('reset-button').addEventListener('click', async () => {
  widget.text = null;
  widget.src = SAMPLE;
  widget.refresh();
  await loadSample();
});

document.getElementById('theme-select').addEventListener('change', (e) => {
  widget.theme = e.target.value;
});

loadSample();
