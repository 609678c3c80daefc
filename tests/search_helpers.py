"""Run the site's real search worker in Chromium, the way Material talks to it."""

from __future__ import annotations

from kb.languages import url_prefix

RUN_QUERIES = """
async ([workerUrl, queries]) => {
  const worker = new Worker(workerUrl);
  const next = () => new Promise(resolve => worker.addEventListener("message", e => resolve(e.data), {once: true}));
  worker.postMessage({type: 0, data: {config: {}, docs: [], options: {}}});
  await next();
  const out = [];
  for (const q of queries) {
    const start = performance.now();
    worker.postMessage({type: 2, data: q});
    const message = await next();
    const ms = performance.now() - start;
    const items = message.data.items;
    out.push({q, ms, pages: items.map(group => group.find(d => !d.location.includes("#")) || group[0])
                                 .map(d => d.location.split("#")[0]),
              // Where Enter lands: the best-scored section of the first result.
              first: items.length ? items[0][0].location : null,
              preview: items.length ? items[0][0].text.replace(/<[^>]+>/g, "") : ""});
  }
  worker.terminate();
  return out;
}
"""


def run_queries(page, site_url: str, lang: str, queries: list[str]) -> list[dict]:
    page.goto(f"{site_url}/{url_prefix(lang)}")
    return page.evaluate(RUN_QUERIES, [f"{site_url}/assets/kb/search-{lang}.js", queries])
