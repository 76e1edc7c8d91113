// Feed content is read as a stream of tags and text, without building a document: it must give the
// very text the document walk gives, whatever the markup.
import { describe, expect, it } from 'vitest';
import { elementText, markupText } from '../../../src/sources/extract/dom-text.js';
import { parseDocument } from '../../../src/sources/extract/dom.js';

const FRAGMENTS: [string, string][] = [
  ['paragraphs', '<p>First <b>bold</b> words.</p><p>Second one.</p>'],
  ['line breaks, and two of them ending a paragraph', 'One<br>two<br/><br>three'],
  ['lists and headings', '<h2>Title</h2><ul><li>alpha</li><li>beta <i>gamma</i></li></ul>after'],
  ['a table', '<table><tr><th>Name</th><td>Ana</td></tr><tr><td>B</td><td>2</td></tr></table>'],
  ['preformatted text', '<pre>line one\nline  two\n\nline four</pre><p>then prose</p>'],
  [
    'scripts, styles and forms',
    '<p>kept</p><script>var x = "<p>no</p>";</script><style>p{}</style><button>No</button><p>also kept</p>',
  ],
  ['entities', '<p>Ben &amp; Jerry &lt;3 &quot;ice&quot; &#8212; caf&eacute; &nbsp;end</p>'],
  ['a > inside an attribute', '<p title="a > b">text <a href="/x?a>b">link</a> on</p>'],
  ['unclosed and stray tags', '<div><p>open para<p>next para</div></span><li>item<li>item two'],
  ['a stray closing p and br', 'before</p>middle</br>after'],
  ['inline SVG and math', '<p>a<svg><text>no</text></svg>b<math><mi>x</mi></math>c</p>'],
  ['CDATA and comments', '<p>a<![CDATA[ hidden ]]>b<!-- note -->c</p>'],
  ['nested blocks with whitespace', '<div>\n  <div>\n    <p>\n deep   text\n</p>\n  </div>\n</div>'],
  ['void elements', '<p>an <img src="x.png" alt="image"> image and <input value="v"> input</p>'],
  [
    'a whole page',
    '<!doctype html><html><head><title>T</title></head><body><article><p>Body text.</p></article></body></html>',
  ],
  ['plain text', 'no markup at all, only words'],
  ['non-breaking and zero-width spaces', '<p>a\u00a0\u00a0b\u200bc</p>'],
];

describe('markupText', () => {
  it.each(FRAGMENTS)('GIVEN %s THEN the same text as the document walk', (_, html) => {
    const doc = parseDocument(html);
    expect(markupText(html)).toBe(doc.body ? elementText(doc.body) : '');
  });

  it('GIVEN a list THEN its items are paragraphs and scripts are gone', () => {
    expect(markupText('<ul><li>alpha</li><li>beta</li></ul><script>x()</script>')).toBe('alpha\n\nbeta');
  });
});
