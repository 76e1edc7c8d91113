/** Invented feeds and articles for the polling tests. */

export interface TestItem {
  readonly guid: string;
  readonly link: string;
  readonly title: string;
  readonly description?: string;
  readonly content?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An RSS 2.0 document; `ttl` in minutes when given. */
export function rss(title: string, items: readonly TestItem[], ttl?: number): string {
  const entries = items.map(
    (i) => `<item><guid isPermaLink="false">${esc(i.guid)}</guid><link>${esc(i.link)}</link>
<title>${esc(i.title)}</title><pubDate>Mon, 02 Mar 2026 07:00:00 GMT</pubDate>
${i.description ? `<description>${esc(i.description)}</description>` : ''}
${i.content ? `<content:encoded>${esc(i.content)}</content:encoded>` : ''}</item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>${esc(title)}</title><link>https://example.org/</link>${ttl ? `<ttl>${ttl}</ttl>` : ''}
${entries.join('\n')}</channel></rss>`;
}

/** A harbour-reopening report, as one outlet writes it (HTML paragraphs, well over a teaser). */
export const HARBOUR_A = [
  'The port of Valmora reopened to cargo ships on Monday after a three-week closure caused by a strike of crane operators, the harbour authority said.',
  'The strike ended late on Sunday when the operators union accepted a revised wage offer that raises pay by eight percent over two years and adds a night-shift bonus.',
  'More than forty vessels had been waiting at anchor outside the breakwater, and shipping agents said it would take at least ten days to clear the backlog of containers.',
  'Farmers in the surrounding province, who export most of their fruit through the port, had warned that a longer closure would leave the autumn harvest to rot in warehouses.',
  'The harbour authority said it would extend working hours at the container terminal until the queue of ships is gone.',
]
  .map((p) => `<p>${p}</p>`)
  .join('\n');

/** The same news, reworded by a second outlet. */
export const HARBOUR_B = [
  'The port of Valmora reopened to cargo ships on Monday after a three-week strike by crane operators closed it, according to the harbour authority.',
  'Crane operators ended their strike on Sunday evening after their union accepted a revised wage offer with an eight percent raise over two years.',
  'Dozens of vessels were still anchored outside the breakwater, and agents expect clearing the container backlog to take about ten days.',
  'Fruit growers in the province rely on the port for exports and had feared losing the autumn harvest if the closure dragged on.',
  'Extra shifts at the container terminal are planned until the waiting ships have been unloaded, officials added.',
]
  .map((p) => `<p>${p}</p>`)
  .join('\n');

/** A different story altogether. */
export const LIBRARY = [
  'The city library of Dravec will stay open until midnight during the exam season, the municipal council decided on Thursday.',
  'Students had collected more than two thousand signatures asking for longer opening hours, saying the reading rooms were full by nine in the morning.',
  'The council will pay for two additional librarians and a night guard from the culture budget, which was left with a surplus after a festival was cancelled.',
  'The longer hours start next week and will run until the end of the semester, when the council will decide whether to keep them.',
]
  .map((p) => `<p>${p}</p>`)
  .join('\n');

/** An article page whose feed item carries only a teaser. */
export const BRIDGE_PAGE = `<!doctype html><html><head><title>Old bridge at Kesno gets a new deck | Valley Courier</title></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Old bridge at Kesno gets a new deck</h1>
<p>Engineers began replacing the wooden deck of the old stone bridge at Kesno on Tuesday, the first repair of its kind in more than sixty years.</p>
<p>The bridge, which carries the only road between the two halves of the village, will be closed to cars for six weeks, and a temporary footbridge has been put up for pedestrians and cyclists.</p>
<p>The regional heritage office said the new deck would be made of oak from a local forest, matching the timber used when the bridge was last rebuilt after a flood.</p>
<p>Shop owners on the eastern bank said they expected fewer customers while the road is closed, but welcomed the repair after years of complaints about loose planks.</p>
</article><footer>Copyright Valley Courier. All rights reserved.</footer></body></html>`;
