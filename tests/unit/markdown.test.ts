import { describe, expect, it } from 'vitest';
import {
  MARKDOWN_MAX_LENGTH,
  MARKDOWN_RENDER_TIMEOUT_MS,
  MarkdownError,
  MarkdownTooComplexError,
  MarkdownTooLongError,
  markdownToPlainText,
  renderMarkdown
} from '../../src/lib/server/markdown/render';
import { MARKDOWN_MAX_LENGTH as SCHEMA_MAX_LENGTH } from '../../src/lib/schemas/markdown';
import { unsafeConstructs } from '../support/inert-html';
import { xssCorpus } from '../support/xss-corpus';

const REL = 'rel="noopener noreferrer nofollow"';

/**
 * Every href and src value of the markup in `html`, character references decoded. Only inside
 * tags: text may show `href="javascript:…"` as typed, escaped and inert.
 */
function urls(html: string): string[] {
  return (html.match(/<[^>]*>/g) ?? []).flatMap((tag) =>
    [...tag.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) =>
      m[1].replace(/&(amp|quot|lt|gt);/g, (_, n: string) => ({ amp: '&', quot: '"', lt: '<', gt: '>' })[n] ?? '')
    )
  );
}

function expectInert(html: string) {
  expect(unsafeConstructs(html)).toEqual([]);
  // The checks of issue 4, spelt out on the raw output as well.
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<(iframe|object|embed|svg|style|form|math)\b/i);
  // In markup only: raw HTML typed by the author is shown as text, `onerror=` included, and an
  // escaped quote inside an attribute value ends nothing.
  for (const tag of html.match(/<[^>]*>/g) ?? []) expect(tag.replace(/"[^"]*"/g, '""')).not.toMatch(/\son\w+\s*=/i);
  for (const url of urls(html)) {
    // eslint-disable-next-line no-control-regex
    expect(url.replace(/[\u0000-\u0020]/g, '')).not.toMatch(/^(javascript|data|vbscript):/i);
  }
}

describe('the inertness judge itself', () => {
  // A judge that passes everything would make the corpus test worthless.
  it.each([
    ['<script>alert(1)</script>'],
    ['<p onclick="alert(1)">x</p>'],
    ['<a href="javascript:alert(1)" rel="noopener noreferrer nofollow">x</a>'],
    ['<a href="jav&#x09;ascript:alert(1)" rel="noopener noreferrer nofollow">x</a>'],
    ['<a href=" JaVaScRiPt:alert(1)" rel="noopener noreferrer nofollow">x</a>'],
    ['<a href="//xss.example/" rel="noopener noreferrer nofollow">x</a>'],
    ['<a href="https://example.com/">no rel</a>'],
    ['<img src="https://xss.example/p.gif" alt="" loading="lazy" />'],
    ['<img src="data:image/png;base64,AAAA" alt="" loading="lazy" />'],
    ['<img src="/media/../api/x" alt="" loading="lazy" />'],
    ['<p style="color:red">x</p>'],
    ['<p class="x">x</p>'],
    ['<iframe src="/"></iframe>'],
    ['<svg></svg>'],
    ['<p>a <b>b</b></p>'],
    ['<p title=x>unquoted</p>'],
    ['<p>loose < bracket</p>'],
    ['<a href="https://example.com/" rel="noopener noreferrer nofollow" target="_top">x</a>']
  ])('flags %s', (html) => {
    expect(unsafeConstructs(html)).not.toEqual([]);
  });

  it('passes what the renderer is meant to produce', () => {
    expect(
      unsafeConstructs(
        '<h2>T</h2>\n<p>a &lt;b&gt; <strong>s</strong> <a href="/shops/x?a=1&amp;b=2" rel="noopener noreferrer nofollow">l</a>' +
          ' <a href="https://example.com/" rel="noopener noreferrer nofollow" target="_blank">e</a><br />' +
          '<img src="/media/a.webp" alt="x &quot;y&quot;" loading="lazy" /></p><ol start="3"><li>x</li></ol>'
      )
    ).toEqual([]);
  });
});

describe('renderMarkdown: script injection', () => {
  it('has a broad corpus', () => {
    expect(xssCorpus.length).toBeGreaterThanOrEqual(100);
    expect(new Set(xssCorpus.map((v) => v.name)).size).toBe(xssCorpus.length);
  });

  it.each(xssCorpus.map((v) => [v.name, v.payload] as const))('%s: nothing executable', (_name, payload) => {
    expectInert(renderMarkdown(payload));
  });

  it.each(xssCorpus.map((v) => [v.name, v.payload] as const))('%s: nothing executable inside surrounding Markdown', (_name, payload) => {
    // The same vector in a list item, a quote, emphasis and a link text, and after a paragraph.
    const source = `# Titre\n\nAvant ${payload} après\n\n- ${payload}\n\n> ${payload}\n\n*${payload}*\n\n[${payload}](/shops/x)\n\n${payload}`;
    expectInert(renderMarkdown(source));
  });

  it('nothing executable when every vector is in one text', () => {
    expectInert(renderMarkdown(xssCorpus.map((v) => v.payload).join('\n\n')));
    expectInert(renderMarkdown(xssCorpus.map((v) => v.payload).join(' ')));
  });

  it('shows raw HTML as the text that was typed', () => {
    expect(renderMarkdown('<script>alert(1)</script>')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(renderMarkdown('Hello <b>**world**</b>')).toBe('<p>Hello &lt;b&gt;<strong>world</strong>&lt;/b&gt;</p>');
    expect(renderMarkdown('<!-- note -->')).toBe('<p>&lt;!-- note --&gt;</p>');
  });

  it('unwraps links with refused destinations, keeping their words', () => {
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'jav&#x09;ascript:alert(1)',
      '&#106;avascript:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'file:///etc/passwd',
      '/.//xss.example/'
    ]) {
      expect(renderMarkdown(`[click here](${href})`), href).toBe('<p>click here</p>');
    }
    // Links to another host, however spelt, are written out as such and open a new tab.
    for (const href of ['//xss.example/', 'HTTPS://xss.example']) {
      expect(renderMarkdown(`[click here](${href})`), href).toBe(
        `<p><a href="https://xss.example/" ${REL} target="_blank">click here</a></p>`
      );
    }
    // marked percent-encodes the backslash a browser would read as `//`: a path on this site.
    expect(renderMarkdown('[click here](/\\xss.example/)')).toBe(`<p><a href="/%5Cxss.example/" ${REL}>click here</a></p>`);
    expect(renderMarkdown('[click][1]\n\n[1]: javascript:alert(1)')).toBe('<p>click</p>');
    expect(renderMarkdown('<javascript:alert(1)>')).toBe('<p>javascript:alert(1)</p>');
  });
});

describe('renderMarkdown: images', () => {
  it('keeps uploaded images, lazily loaded, with their alt text', () => {
    expect(renderMarkdown('![Vitrine « Chez Lulu »](/media/shops/12/vitrine-640.webp)')).toBe(
      '<p><img src="/media/shops/12/vitrine-640.webp" alt="Vitrine « Chez Lulu »" loading="lazy" /></p>'
    );
    expect(renderMarkdown('![a "quoted" alt](/media/a.webp "a title")')).toBe(
      '<p><img src="/media/a.webp" alt="a &quot;quoted&quot; alt" loading="lazy" /></p>'
    );
  });

  it('drops every other image: a third-party request would reveal the reader', () => {
    for (const src of [
      'https://xss.example/pixel.gif',
      'http://xss.example/pixel.gif',
      '//xss.example/pixel.gif',
      'data:image/png;base64,iVBORw0KGgo=',
      'javascript:alert(1)',
      '/static/logo.png',
      '/mediafoo/a.webp',
      'media/a.webp',
      '/media/',
      '/media/../api/catalog',
      '/media/%2e%2e/api/catalog',
      '/media/a.webp?x=1',
      '/media/.hidden'
    ]) {
      expect(renderMarkdown(`Avant ![x](${src}) après`), src).toBe('<p>Avant  après</p>');
    }
  });
});

describe('renderMarkdown: legitimate Markdown', () => {
  it('demotes h1 to h2 and folds h5/h6 into h4', () => {
    expect(renderMarkdown('# Le marché')).toBe('<h2>Le marché</h2>');
    expect(renderMarkdown('## Horaires\n### Été\n#### Juillet')).toBe('<h2>Horaires</h2>\n<h3>Été</h3>\n<h4>Juillet</h4>');
    expect(renderMarkdown('##### Cinq\n###### Six')).toBe('<h4>Cinq</h4>\n<h4>Six</h4>');
  });

  it('renders paragraphs, emphasis and line breaks as typed', () => {
    expect(renderMarkdown('Du **bon** pain, *bio*, ~~20 €~~ 15 €.\n\nOuvert du mardi au samedi\nFermé le lundi')).toBe(
      '<p>Du <strong>bon</strong> pain, <em>bio</em>, <del>20 €</del> 15 €.</p>\n<p>Ouvert du mardi au samedi<br />Fermé le lundi</p>'
    );
  });

  it('renders lists, numbered from where the author started', () => {
    expect(renderMarkdown('- pain\n- croissants')).toBe('<ul>\n<li>pain</li>\n<li>croissants</li>\n</ul>');
    expect(renderMarkdown('3. trois\n4. quatre')).toBe('<ol start="3">\n<li>trois</li>\n<li>quatre</li>\n</ol>');
    expect(renderMarkdown('- [ ] à faire\n- [x] fait')).toBe('<ul>\n<li>[ ] à faire</li>\n<li>[x] fait</li>\n</ul>');
  });

  it('renders quotes, code and rules, without language classes', () => {
    expect(renderMarkdown('> Une citation')).toBe('<blockquote>\n<p>Une citation</p>\n</blockquote>');
    expect(renderMarkdown('`a < b`')).toBe('<p><code>a &lt; b</code></p>');
    expect(renderMarkdown('```js\nif (a < b) {}\n```')).toBe('<pre><code>if (a &lt; b) {}\n</code></pre>');
    expect(renderMarkdown('avant\n\n---\n\naprès')).toBe('<p>avant</p>\n<hr />\n<p>après</p>');
  });

  it('leaves tables as the rows the author typed', () => {
    expect(renderMarkdown('| jour | heures |\n|---|---|\n| lundi | fermé |')).toBe(
      '<p>| jour | heures |<br />|---|---|<br />| lundi | fermé |</p>'
    );
  });

  it('opens external links in a new tab; every link gets rel', () => {
    expect(renderMarkdown('[Capitole](https://www.toulouse.fr/capitole "La mairie")')).toBe(
      `<p><a href="https://www.toulouse.fr/capitole" ${REL} target="_blank" title="La mairie">Capitole</a></p>`
    );
    expect(renderMarkdown('http://example.com/a?b=1&c=2')).toBe(
      `<p><a href="http://example.com/a?b=1&amp;c=2" ${REL} target="_blank">http://example.com/a?b=1&amp;c=2</a></p>`
    );
    expect(renderMarkdown('www.example.com')).toBe(`<p><a href="http://www.example.com/" ${REL} target="_blank">www.example.com</a></p>`);
  });

  it('keeps mail, phone and same-origin links in the page', () => {
    expect(renderMarkdown('[écrire](mailto:contact@example.com) contact@example.com')).toBe(
      `<p><a href="mailto:contact@example.com" ${REL}>écrire</a> <a href="mailto:contact@example.com" ${REL}>contact@example.com</a></p>`
    );
    expect(renderMarkdown('[appeler](tel:+33561000000)')).toBe(`<p><a href="tel:+33561000000" ${REL}>appeler</a></p>`);
    expect(renderMarkdown('[boutique](/shops/chez-lulu?tab=produits#pain)')).toBe(
      `<p><a href="/shops/chez-lulu?tab=produits#pain" ${REL}>boutique</a></p>`
    );
    expect(renderMarkdown('[plus bas](#horaires)')).toBe(`<p><a href="#horaires" ${REL}>plus bas</a></p>`);
  });

  it('resolves path-relative links from the site root', () => {
    // The same body shows on /items/…, /shops/… and in the feed: "shops/x" means /shops/x.
    expect(renderMarkdown('[b](shops/chez-lulu)')).toBe(`<p><a href="/shops/chez-lulu" ${REL}>b</a></p>`);
    expect(renderMarkdown('[b](./a/../shops/x)')).toBe(`<p><a href="/shops/x" ${REL}>b</a></p>`);
  });

  it('escapes text and keeps French typography', () => {
    expect(renderMarkdown('AT&T « ville rose » : 12,50\u00a0€ & 3 < 4')).toBe('<p>AT&amp;T « ville rose » : 12,50\u00a0€ &amp; 3 &lt; 4</p>');
    expect(renderMarkdown('&lt;b&gt; &copy; &#233;')).toBe('<p>&lt;b&gt; © é</p>');
  });

  it('renders nothing for an empty text', () => {
    expect(renderMarkdown('')).toBe('');
    expect(renderMarkdown('  \n\n \t')).toBe('');
  });
});

describe('renderMarkdown: limits', () => {
  it('shares its length limit with the form schema', () => {
    expect(MARKDOWN_MAX_LENGTH).toBe(20_000);
    expect(SCHEMA_MAX_LENGTH).toBe(MARKDOWN_MAX_LENGTH);
  });

  it('renders a text of exactly the maximum length, and refuses one character more', () => {
    const max = 'a'.repeat(MARKDOWN_MAX_LENGTH);
    expect(renderMarkdown(max)).toBe(`<p>${max}</p>`);
    let error: unknown;
    try {
      renderMarkdown(max + 'a');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MarkdownTooLongError);
    expect(error).toBeInstanceOf(MarkdownError);
    expect(error).toMatchObject({ code: 'too_long', length: MARKDOWN_MAX_LENGTH + 1, max: MARKDOWN_MAX_LENGTH });
    expect(() => markdownToPlainText(max + 'a')).toThrow(MarkdownTooLongError);
  });

  it('counts a \\r\\n line break as one character, as the form does', () => {
    const lines = 'ab\r\n'.repeat(MARKDOWN_MAX_LENGTH / 3);
    expect(lines.length).toBeGreaterThan(MARKDOWN_MAX_LENGTH);
    expect(() => renderMarkdown(lines)).not.toThrow();
  });

  it('renders a realistic text of the maximum length well within the time limit', () => {
    const block =
      '## Le marché Victor-Hugo\n\nTous les **matins** sauf le lundi, *plus de* 80 commerçants : ' +
      '[voir la carte](/map?q=marche), [le site](https://example.com/marche) ou contact@example.com.\n\n' +
      '- fromages\n- primeurs\n  - de saison\n\n> « Le ventre de Toulouse »\n\n![étal](/media/items/3/etal.webp)\n\n';
    const source = block.repeat(Math.floor(MARKDOWN_MAX_LENGTH / block.length));
    const started = performance.now();
    const html = renderMarkdown(source);
    expect(performance.now() - started).toBeLessThan(MARKDOWN_RENDER_TIMEOUT_MS / 2);
    expectInert(html);
    expect(html.match(/<h2>/g)?.length).toBe(Math.floor(MARKDOWN_MAX_LENGTH / block.length));
  });

  it.each([
    ['unmatched emphasis openers', '"*a'.repeat(MARKDOWN_MAX_LENGTH / 3)],
    ['unmatched underscores', '._a'.repeat(MARKDOWN_MAX_LENGTH / 3)],
    ['unmatched strikethrough', '@~a'.repeat(MARKDOWN_MAX_LENGTH / 3)],
    ['thousands of nested quotes', '>'.repeat(MARKDOWN_MAX_LENGTH)],
    ['nested quotes and lists', '> - '.repeat(MARKDOWN_MAX_LENGTH / 4)],
    ['a long run of spaces', 'a' + ' '.repeat(MARKDOWN_MAX_LENGTH - 2) + 'b']
  ])('returns promptly on contrived input (%s): inert HTML or MarkdownTooComplexError', (_name, source) => {
    const started = performance.now();
    try {
      expectInert(renderMarkdown(source));
    } catch (error) {
      expect(error).toBeInstanceOf(MarkdownTooComplexError);
      expect(error).toMatchObject({ code: 'too_complex', reason: expect.stringMatching(/^(timeout|nesting)$/) });
    }
    // The limit plus time to notice it; without the limit the first of these takes seconds.
    expect(performance.now() - started).toBeLessThan(MARKDOWN_RENDER_TIMEOUT_MS + 750);
    // The renderer is still usable afterwards.
    expect(renderMarkdown('**ok**')).toBe('<p><strong>ok</strong></p>');
  });
});

describe('markdownToPlainText', () => {
  it('keeps the words a reader sees, without markup', () => {
    expect(
      markdownToPlainText('# Le marché\n\nDu **bon** pain, [chez Lulu](/shops/lulu).\n\n- pain\n- croissants\n\n![vitrine](/media/a.webp)\n\n> « Vite ! »')
    ).toBe('Le marché Du bon pain, chez Lulu. pain croissants « Vite ! »');
  });

  it('decodes character references: the result is text, not HTML', () => {
    expect(markdownToPlainText('AT&T &amp; Cie, 3 < 4, "guillemets", &lt;b&gt; &eacute;t&eacute;')).toBe(
      'AT&T & Cie, 3 < 4, "guillemets", <b> été'
    );
    expect(markdownToPlainText('<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
    expect(markdownToPlainText('`&amp;lt;`')).toBe('&amp;lt;');
  });

  it('leaves out struck-out text, which no longer holds', () => {
    expect(markdownToPlainText('Baguette ~~1,20 €~~ 1 € ce samedi')).toBe('Baguette 1 € ce samedi');
  });

  it('collapses whitespace, line breaks included', () => {
    expect(markdownToPlainText('  un\n\n\ndeux\ttrois   quatre  \ncinq ')).toBe('un deux trois quatre cinq');
    expect(markdownToPlainText('')).toBe('');
  });

  it('leaves short texts alone', () => {
    expect(markdownToPlainText('Ouvert le dimanche', 18)).toBe('Ouvert le dimanche');
  });

  it('cuts long texts at a word boundary with an ellipsis, within the limit', () => {
    const text = 'Le Capitole, cœur de la ville rose, accueille chaque samedi un marché.';
    expect(markdownToPlainText(text, 30)).toBe('Le Capitole, cœur de la ville…');
    expect(markdownToPlainText(text, 13)).toBe('Le Capitole…');
    for (let max = 1; max <= text.length + 1; max++) {
      const cut = markdownToPlainText(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      if (max < text.length) {
        expect(cut.endsWith('…')).toBe(true);
        // Whole words before the ellipsis, unless the first word alone is longer than the room.
        const kept = cut.slice(0, -1);
        expect(text.startsWith(kept)).toBe(true);
        if (max > 'Le '.length) expect(text[kept.length], `max ${max}: ${cut}`).toMatch(/[\s,.]/);
      } else {
        expect(cut).toBe(text);
      }
    }
  });

  it('hard-cuts a single long word and never splits an emoji', () => {
    expect(markdownToPlainText('Anticonstitutionnellement', 10)).toBe('Anticonst…');
    expect(markdownToPlainText('Bravo👏👏👏👏', 8)).toBe('Bravo👏…');
    expect(markdownToPlainText('Bravo👏👏👏👏', 9)).toBe('Bravo👏…');
  });

  it('refuses a length that leaves no room', () => {
    expect(() => markdownToPlainText('x', 0)).toThrow(RangeError);
    expect(() => markdownToPlainText('x', 2.5)).toThrow(RangeError);
    expect(markdownToPlainText('xy', 1)).toBe('…');
  });
});
