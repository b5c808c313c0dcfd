/**
 * An independent judge of rendered Markdown: written from the rules (DESIGN.md, issue 4), not
 * from the renderer's configuration, so a mistake in one is caught by the other.
 *
 * It reads the HTML the way a browser would need it to be for the verdict to hold: every `<`
 * must open a well-formed, allowed tag whose attributes are all allowed and double-quoted, and
 * no `<` or `>` may be left loose in text. Anything else is reported.
 */

/** The allowlist of issue 4 (plus `del` and `ol[start]`, see the renderer). */
export const allowedMarkup: Readonly<Record<string, readonly string[]>> = {
  p: [], br: [], strong: [], em: [], del: [], ul: [], ol: ['start'], li: [],
  h2: [], h3: [], h4: [], blockquote: [], code: [], pre: [], hr: [],
  a: ['href', 'title', 'rel', 'target'],
  img: ['src', 'alt', 'loading']
};

const VOID = new Set(['br', 'hr', 'img']);

/** Uploaded images only; no `..`, no encoded characters, nothing after the path. */
export const mediaSrc = /^\/media\/(?:[A-Za-z0-9_-][A-Za-z0-9._-]*\/)*[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s"'>/=]+(?:="[^"]*")?)*)\s*(\/?)>/g;
const ATTRIBUTE = /\s+([^\s"'>/=]+)(?:="([^"]*)")?/g;
const DANGEROUS_ELEMENT = /<\s*\/?\s*(script|iframe|object|embed|svg|math|style|form|input|button|textarea|select|link|meta|base|frame|frameset|template|noscript|xmp|plaintext|title|body|html|video|audio|source|details|marquee)\b/i;

/** Character references sanitize-html writes in attribute values; any other is suspect. */
function decodeAttribute(value: string): string | null {
  if (/&(?!(?:amp|quot|lt|gt);)/.test(value)) return null;
  return value.replace(/&(amp|quot|lt|gt);/g, (_, n: string) => ({ amp: '&', quot: '"', lt: '<', gt: '>' })[n] ?? '');
}

/** A URL as the browser reads it: leading/trailing C0 and spaces trimmed, tabs/newlines removed. */
function browserView(url: string): string {
  // eslint-disable-next-line no-control-regex
  return url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
}

function checkHref(value: string): string | null {
  const url = browserView(value).toLowerCase();
  if (/^(?:javascript|data|vbscript):/.test(url)) return `script-capable URL ${JSON.stringify(value)}`;
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(url)?.[1];
  if (scheme !== undefined) {
    return ['http', 'https', 'mailto', 'tel'].includes(scheme) ? null : `scheme ${scheme}: not allowed`;
  }
  if (url.startsWith('#')) return null;
  if (url.startsWith('/') && !/^\/[/\\]/.test(url) && !url.includes('\\')) return null;
  return `relative href ${JSON.stringify(value)} is neither root-relative nor a fragment`;
}

/**
 * What makes `html` unsafe to put in a Placette page, or [] when it is inert.
 * `html` is renderer output; raw text typed by the author may appear in it, escaped.
 */
export function unsafeConstructs(html: string): string[] {
  const problems: string[] = [];
  if (DANGEROUS_ELEMENT.test(html)) problems.push(`element ${DANGEROUS_ELEMENT.exec(html)?.[0]}`);

  const leftover = html.replace(TAG, (tag: string, closing: string, rawName: string, attributes: string, selfClosing: string) => {
    const name = rawName.toLowerCase();
    const allowed = allowedMarkup[name];
    if (!allowed) {
      problems.push(`tag <${rawName}> not allowed`);
      return '';
    }
    if (closing && (attributes || selfClosing)) problems.push(`malformed closing tag ${tag}`);
    if (selfClosing && !VOID.has(name)) problems.push(`self-closing non-void ${tag}`);
    // Attribute values are data (their quotes are escaped), so only names can be handlers.
    if (/\son\w+\s*=/i.test(tag.replace(/"[^"]*"/g, '""'))) problems.push(`event handler in ${tag}`);

    const seen = new Map<string, string>();
    for (const [, attrName, rawValue] of attributes.matchAll(ATTRIBUTE)) {
      const lower = attrName.toLowerCase();
      if (!allowed.includes(lower)) problems.push(`attribute ${attrName} on <${name}>`);
      if (rawValue === undefined) {
        problems.push(`valueless attribute ${attrName} on <${name}>`);
        continue;
      }
      const value = decodeAttribute(rawValue);
      if (value === null) {
        problems.push(`unexpected character reference in ${attrName}="${rawValue}"`);
        continue;
      }
      seen.set(lower, value);
    }

    if (name === 'a' && !closing) {
      const href = seen.get('href');
      if (href === undefined) problems.push(`link without href: ${tag}`);
      else {
        const bad = checkHref(href);
        if (bad) problems.push(`${bad} in ${tag}`);
      }
      if (seen.get('rel') !== 'noopener noreferrer nofollow') problems.push(`link without rel="noopener noreferrer nofollow": ${tag}`);
      const target = seen.get('target');
      if (target !== undefined) {
        if (target !== '_blank') problems.push(`target ${target}`);
        if (!/^https?:\/\//i.test(href ?? '')) problems.push(`target on a non-web link: ${tag}`);
      }
    }
    if (name === 'img') {
      const src = seen.get('src');
      if (src === undefined || !mediaSrc.test(src)) problems.push(`image from outside /media/: ${tag}`);
      if (seen.get('loading') !== 'lazy') problems.push(`image not lazy: ${tag}`);
      if (!seen.has('alt')) problems.push(`image without alt: ${tag}`);
    }
    if (name === 'ol' && seen.has('start') && !/^\d+$/.test(seen.get('start') ?? '')) problems.push(`ol start ${tag}`);
    return '';
  });

  if (/[<>]/.test(leftover)) problems.push(`unescaped < or > outside a well-formed tag near ${JSON.stringify(leftover.slice(Math.max(0, leftover.search(/[<>]/) - 20), leftover.search(/[<>]/) + 20))}`);
  return problems;
}
