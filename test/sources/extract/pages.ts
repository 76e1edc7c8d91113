// Web pages written for these tests. The stories are invented; the markup imitates what news sites
// wrap around a story: navigation, share bars, ads, captions, related links, comments, a footer.

/** The story's paragraphs, as a reader sees them. */
export const HARBOUR_STORY = [
  'The harbour authority of Port Wexley voted on Tuesday to close the old ferry pier after divers found cracks in three of its pillars.',
  '“We cannot ask passengers to stand on a structure we no longer trust,” said Mara Ellison, who chairs the authority’s board.',
  'Ferries will dock at the cargo quay from next week, a change that adds about ten minutes to each crossing & costs the operator €40,000 a month.',
  'What happens next',
  'Engineers will decide by spring whether the pier can be repaired or must be rebuilt, a choice the board expects to cost between two and five million euros.',
];

export const NEWS_PAGE = `<!doctype html>
<html lang="en"><head>
<meta charset="utf-8"><title>Port Wexley closes ferry pier | The Wexley Courier</title>
<meta property="og:site_name" content="The Wexley Courier">
<style>.ad { height: 250px }</style>
<script>window.dataLayer = [{ page: 'article' }]; if (a < b) { document.write('<p>tracking</p>'); }</script>
</head><body>
<header class="site-header"><a href="/">The Wexley Courier</a>
  <nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
</header>
<div class="breadcrumbs"><a href="/">Home</a> › <a href="/news">News</a> › Harbour</div>
<main>
<article class="story">
  <h1>Port Wexley closes ferry pier after divers find cracks</h1>
  <div class="byline">By <a href="/staff/jo-ferris">Jo Ferris</a>, harbour reporter</div>
  <time datetime="2031-03-04">4 March 2031</time>
  <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email</a></div>
  <figure><img src="pier.jpg" alt=""><figcaption>The old ferry pier at dawn. Photo: Courier staff</figcaption></figure>
  <div class="story-body">
    <p>${HARBOUR_STORY[0]}</p>
    <p>${HARBOUR_STORY[1]!.replace('“', '&ldquo;').replace('”', '&rdquo;').replace('’', '&rsquo;')}</p>
    <div class="ad ad-slot"><span>Advertisement</span><iframe src="https://ads.example/slot"></iframe></div>
    <p>${HARBOUR_STORY[2]!.replace('&', '&amp;')}</p>
    <h2>${HARBOUR_STORY[3]}</h2>
    <p>${HARBOUR_STORY[4]}</p>
    <p><a href="/news/ferry-fares">READ MORE: Ferry fares to rise in April</a></p>
  </div>
  <div class="related-stories"><h3>Related stories</h3><ul>
    <li><a href="/a">Storm damages marina pontoons</a></li>
    <li><a href="/b">New lighthouse keeper appointed</a></li>
    <li><a href="/c">Fishing fleet returns early</a></li>
  </ul></div>
</article>
</main>
<section id="comments" class="comments"><h3>12 comments</h3>
  <div class="comment"><p>About time, that pier has been rotten for years and everybody in town knew it.</p></div>
  <div class="comment"><p>Who is paying for the extra fuel? Not the operator, I bet, it will be us passengers again.</p></div>
</section>
<aside class="sidebar"><h3>Most read</h3><ol><li><a href="/x">Council tax to rise</a></li><li><a href="/y">School bus late again</a></li></ol></aside>
<footer><p>© 2031 The Wexley Courier. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
<script>trackPageView();</script>
</body></html>`;

/** A page whose markup shows only a teaser; the full story is in its JSON-LD. */
export const JSON_LD_BODY =
  'The Dornfeld county council approved a new cycle lane on Riverside Road on Thursday.\nWork starts in June and should take eight weeks, the council said.';

export const JSON_LD_PAGE = `<!doctype html><html><head><title>Cycle lane approved</title>
<script type="application/ld+json">${JSON.stringify({
  '@context': 'https://schema.org',
  '@type': 'NewsArticle',
  headline: 'Dornfeld approves Riverside Road cycle lane',
  articleBody: JSON_LD_BODY,
  author: { '@type': 'Person', name: 'Ana Vuković' },
  publisher: { '@type': 'Organization', name: 'Dornfeld Daily' },
})}</script>
</head><body><div id="app"><div class="loading">Loading…</div></div></body></html>`;

/** An older page that separates paragraphs with line breaks instead of `<p>`. */
export const BR_PAGE = `<html><head><title>Library reopens</title></head><body>
<table><tr><td class="content">
<b>Library reopens after flood repairs</b><br><br>
The town library in Keswater reopened on Monday, five months after a burst main flooded its ground floor.<br><br>
Volunteers carried more than twelve thousand books to a school gym while the floors dried out, and most of them are back on the shelves.<br>
Opening hours stay the same: nine to six on weekdays.<br><br>
The children's corner will follow in May, once new carpet has been laid and the reading tent has been replaced.
</td></tr></table>
</body></html>`;

/** A page with an embedded social-media post inside a wrapper named like a share widget. */
export const EMBED_PAGE = `<html><head><title>Mayor answers critics</title></head><body><article>
<p>The mayor of Lindqvist answered critics of the new parking rules on Wednesday, in a post that was shared thousands of times within an hour.</p>
<div class="social-media-embed"><blockquote class="twitter-tweet"><p>Parking rules protect the old town for everyone who lives there.</p>— Mayor Ruth Okafor (@mayorokafor) March 9, 2031</blockquote></div>
<p>Shop owners in the old town say the rules keep customers away, and they plan to present a petition to the council next month with several hundred signatures.</p>
<p>The council will review the rules in the autumn, after a full summer of traffic counts on the main streets of the old town.</p>
</article></body></html>`;
