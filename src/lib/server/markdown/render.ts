/**
 * Curator and merchant Markdown → HTML that is safe for `{@html}`.
 *
 * Two independent layers, so that a bug in one is not enough for an injection:
 * 1. marked, with raw HTML switched off: a `<` in the source is just a character, shown as typed.
 * 2. sanitize-html over marked's output, with a strict allowlist of tags and attributes and a URL
 *    policy of our own (links: web, mail, phone and same-origin; images: uploads under /media/).
 *
 * Placette's privacy promise is that a page never makes a third-party request, so an image from
 * anywhere but /media/ is dropped rather than proxied or linked.
 */
import vm from 'node:vm';
import { Marked, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { MARKDOWN_MAX_LENGTH } from '$lib/schemas/markdown';

export { MARKDOWN_MAX_LENGTH };

/**
 * Wall-clock budget for one rendering. marked's inline parser is super-linear on some inputs
 * (e.g. thousands of unmatched `"*a`: seconds at the maximum length) and overflows the stack on
 * thousands of nested quotes; a form action must not freeze the server for everyone else.
 * A realistic text at the maximum length renders in tens of milliseconds.
 */
export const MARKDOWN_RENDER_TIMEOUT_MS = 1000;

/** Any refusal to render; `code` lets a form action pick the message to show. */
export abstract class MarkdownError extends Error {
  abstract readonly code: 'too_long' | 'too_complex';
}

export class MarkdownTooLongError extends MarkdownError {
  readonly code = 'too_long';
  constructor(
    readonly length: number,
    readonly max: number = MARKDOWN_MAX_LENGTH
  ) {
    super(`Markdown source is ${length} characters long; the limit is ${max}`);
    this.name = 'MarkdownTooLongError';
  }
}

export class MarkdownTooComplexError extends MarkdownError {
  readonly code = 'too_complex';
  constructor(readonly reason: 'timeout' | 'nesting') {
    super(
      reason === 'timeout'
        ? `Markdown took longer than ${MARKDOWN_RENDER_TIMEOUT_MS} ms to render`
        : 'Markdown is nested too deeply to render'
    );
    this.name = 'MarkdownTooComplexError';
  }
}

// ---------------------------------------------------------------------------------------------
// URL policy

/**
 * Stands for "this site" when resolving relative references. `.invalid` can never be a real
 * host (RFC 2606), so an absolute URL can only land on this origin by being relative.
 */
const SITE = new URL('https://placette.invalid/');

/**
 * Uploaded images: server-generated names, so a strict shape. No segment may start with a dot
 * (no `..`), and there is no `%`, `\`, `?` or `#`, so the browser requests exactly this path.
 */
const MEDIA_SRC = /^\/media\/(?:[A-Za-z0-9_-][A-Za-z0-9._-]*\/)*[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

type LinkTarget = { href: string; external: boolean };

/**
 * Where a link may point, written the way the browser will understand it, or null.
 *
 * The decision is made on the WHATWG parse of the value (the algorithm browsers use), not on
 * its spelling, so `jav&#x09;ascript:`, `JaVaScRiPt:`, leading control characters and
 * backslashes are judged as the browser would see them. The emitted href is the parsed form,
 * so what was checked is what is followed.
 */
function linkTarget(raw: string): LinkTarget | null {
  let url: URL;
  try {
    url = new URL(raw, SITE);
  } catch {
    return null;
  }
  if (url.origin === SITE.origin) {
    // The same body is shown on pages at different depths (item page, shop page, feed card), so
    // a path-relative link is resolved from the site root, where its author meant it to go.
    if (raw.trim().startsWith('#')) return { href: url.hash, external: false };
    const path = url.pathname + url.search + url.hash;
    // `/.//evil.example` normalises to `//evil.example`, which a browser reads as another host.
    if (path.startsWith('//')) return null;
    return { href: path, external: false };
  }
  switch (url.protocol) {
    case 'https:':
    case 'http:':
      return { href: url.href, external: true };
    case 'mailto:':
    case 'tel:':
      return { href: url.href, external: false };
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Markdown → HTML (marked)

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Our own instance: the `marked` singleton is shared and any module may `use()` it. */
const marked = new Marked({
  gfm: true,
  // Authors type in a textarea, where a line break they type is a line break they expect to see
  // (an address, opening hours); strict CommonMark would join the lines.
  breaks: true,
  async: false,
  tokenizer: {
    // Raw HTML is never recognised, so it falls through to text and is escaped: readers see
    // exactly what was typed, and Markdown around or inside the tags still works.
    html: () => undefined,
    tag: () => undefined,
    // Tables are outside the allowlist; the sanitiser would melt their cells into one run of
    // text. Left untokenised, the rows read as the author typed them, one per line.
    table: () => undefined
  },
  renderer: {
    // Unreachable with the tokenizers above; kept so that a marked change cannot turn raw HTML
    // back on silently.
    html: ({ text }: Tokens.HTML | Tokens.Tag) => escapeHtml(text),
    // A disabled <input> would be stripped and lose the box; show what the author typed.
    checkbox: ({ checked }: Tokens.Checkbox) => (checked ? '[x] ' : '[ ] ')
  }
});

// ---------------------------------------------------------------------------------------------
// HTML → safe HTML (sanitize-html)

const REL = 'noopener noreferrer nofollow';

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'strong', 'em', 'del', 'a', 'ul', 'ol', 'li', 'h2', 'h3', 'h4',
    'blockquote', 'code', 'pre', 'hr', 'img'
  ],
  // No style, class, id or event handler anywhere; everything kept is set by transformTags.
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    img: ['src', 'alt', 'loading'],
    ol: ['start']
  },
  // A second, coarser scheme check behind linkTarget().
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Elements whose content is not text for a reader; dropped whole should one ever get here.
  nonTextTags: [
    'script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'object', 'svg',
    'math', 'title', 'xmp', 'noembed', 'noframes'
  ],
  // Deeper than any real text; keeps a pathological one from producing a page the browser
  // struggles to lay out.
  nestingLimit: 24,
  transformTags: {
    // The page title is the only h1; a body never competes with it.
    h1: 'h2',
    // h5/h6 are not allowed and would otherwise lose their heading role entirely.
    h5: 'h4',
    h6: 'h4',
    a: (_tagName, attribs): sanitizeHtml.Tag => {
      const target = attribs.href === undefined ? null : linkTarget(attribs.href);
      if (!target) return { tagName: 'a', attribs: {} };
      const out: sanitizeHtml.Attributes = { href: target.href, rel: REL };
      if (target.external) out.target = '_blank';
      if (attribs.title) out.title = attribs.title;
      return { tagName: 'a', attribs: out };
    },
    img: (_tagName, attribs): sanitizeHtml.Tag => {
      const src = attribs.src ?? '';
      if (!MEDIA_SRC.test(src)) return { tagName: 'img', attribs: {} };
      return { tagName: 'img', attribs: { src, alt: attribs.alt ?? '', loading: 'lazy' } };
    },
    ol: (_tagName, attribs): sanitizeHtml.Tag => {
      const start = attribs.start;
      return { tagName: 'ol', attribs: start !== undefined && /^\d{1,9}$/.test(start) ? { start } : {} };
    }
  },
  exclusiveFilter: (frame) => {
    // A refused image goes entirely; a refused link keeps its words.
    if (frame.tag === 'img') return !frame.attribs.src;
    if (frame.tag === 'a') return frame.attribs.href ? false : 'excludeTag';
    return false;
  }
};

// ---------------------------------------------------------------------------------------------
// Time limit

/**
 * `vm`'s timeout is the one way to interrupt synchronous JavaScript (including a backtracking
 * regular expression) without a worker; it also applies to functions called from the script.
 * One context, reused: creating one costs more than the rendering of a typical text.
 */
const sandbox = vm.createContext({ job: undefined as (() => string) | undefined });
const runJob = new vm.Script('job()');

function withinTimeLimit(job: () => string): string {
  sandbox.job = job;
  try {
    return runJob.runInContext(sandbox, { timeout: MARKDOWN_RENDER_TIMEOUT_MS }) as string;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new MarkdownTooComplexError('timeout');
    if (error instanceof RangeError && /call stack/i.test(error.message)) throw new MarkdownTooComplexError('nesting');
    throw error;
  } finally {
    sandbox.job = undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// API

function normalise(source: string): string {
  const text = source.replace(/\r\n?/g, '\n');
  // Same unit and same normalisation as markdownField(), so a text the form accepts renders.
  if (text.length > MARKDOWN_MAX_LENGTH) throw new MarkdownTooLongError(text.length);
  return text;
}

/**
 * Curator or merchant Markdown → HTML safe to put in the page with `{@html}`.
 *
 * @throws MarkdownTooLongError when the source exceeds MARKDOWN_MAX_LENGTH characters.
 * @throws MarkdownTooComplexError when rendering would take more than MARKDOWN_RENDER_TIMEOUT_MS
 *   or nests too deeply; only contrived input does that.
 */
export function renderMarkdown(source: string): string {
  const text = normalise(source);
  return withinTimeLimit(() => sanitizeHtml(marked.parse(text, { async: false }), sanitizeOptions)).trim();
}

// ---------------------------------------------------------------------------------------------
// Plain text

/** Tags after which a reader sees a break; everything else is inline. */
const BREAKING_TAGS = new Set(['p', 'br', 'li', 'ul', 'ol', 'h2', 'h3', 'h4', 'blockquote', 'pre', 'hr']);

/**
 * Text of sanitised HTML. A regular expression is enough here, and only here: sanitize-html's
 * output is well formed, and it escapes every `<` and `>` in text and in attribute values, so
 * each `<` starts a tag and each tag ends at the first `>`.
 */
function textOfSanitisedHtml(html: string): string {
  return html
    // Struck-out text is what no longer holds ("~~20 €~~ 15 €"): a summary keeps the new price.
    .replace(/<del>[\s\S]*?<\/del>/g, '')
    .replace(/<\/?([a-z0-9]+)[^>]*>/g, (_tag, name: string) => (BREAKING_TAGS.has(name) ? ' ' : ''))
    // The only references sanitize-html writes. One pass, so a typed `&lt;` (`&amp;lt;` here)
    // comes back as `&lt;`, not `<`.
    .replace(/&(lt|gt|quot|amp);/g, (_ref, name: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&' })[name] ?? '');
}

/**
 * Cut to at most `max` characters with an ellipsis, after the last whole word that fits; only a
 * first word longer than the room is cut inside.
 */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  // Never split a surrogate pair (an emoji, say) in two.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  if (text[cut.length] !== ' ') {
    const space = cut.lastIndexOf(' ');
    if (space > 0) cut = cut.slice(0, space);
  }
  // "rose, …" reads worse than "rose…".
  return cut.replace(/[\s,;:.!?\-–—]+$/u, '') + '…';
}

/**
 * The text a reader sees in `renderMarkdown(source)`: no markup, images and struck-out text
 * left out, character references decoded, whitespace collapsed. For summaries, search and
 * notifications.
 *
 * The result is text, not HTML: show it with `{text}`, never `{@html text}`. A `<` the author
 * typed comes back as `<`.
 *
 * @param maxLength when given, the result is cut to at most this many characters, at a word
 *   boundary, ending with "…".
 * @throws MarkdownTooLongError, MarkdownTooComplexError as renderMarkdown does.
 */
export function markdownToPlainText(source: string, maxLength?: number): string {
  if (maxLength !== undefined && (!Number.isInteger(maxLength) || maxLength < 1)) {
    throw new RangeError(`maxLength must be a positive integer, got ${maxLength}`);
  }
  const text = textOfSanitisedHtml(renderMarkdown(source)).replace(/\s+/g, ' ').trim();
  return maxLength === undefined ? text : truncate(text, maxLength);
}
