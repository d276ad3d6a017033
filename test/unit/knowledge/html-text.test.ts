// The visible text of a page as the linear reader keeps it (its time bound: test/unit/fuzz/page-text-time.test.ts).
import { describe, expect, it } from 'vitest';
import { htmlText } from '../../../src/knowledge/html-text';

describe('htmlText', () => {
  it('text between tags, comments, scripts and styles gone; a lone < is text; an unclosed tag hides the rest', () => {
    expect(
      htmlText(
        '<p>Error <b>1016</b></p><!-- hidden --><script>var a = "<p>x</p>";</script><style>p{}</style>Ray ID',
        1000,
      ),
    ).toBe('Error 1016 Ray ID');
    expect(htmlText('a < b and 1<2 <3', 1000)).toBe('a < b and 1<2 <3');
    expect(htmlText('shown <div class="never closed', 1000)).toBe('shown');
    expect(htmlText('shown <!-- never closed', 1000)).toBe('shown');
    expect(htmlText('<SCRIPT type="x">hidden</SCRIPT >shown', 1000)).toBe('shown');
    expect(htmlText('<scripts>kept</scripts>', 1000)).toBe('kept');
    expect(htmlText('&lt;b&gt; &amp;amp; &#x31;&#48;16 &unknown;', 1000)).toBe('<b> &amp; 1016 &unknown;');
  });

  it('reads only up to the limit it is given', () => {
    expect(htmlText('<p>Error 1016</p> Ray ID', 12)).toBe('Error 101');
  });
});
