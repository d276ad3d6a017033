// Pure: the visible text of an HTML page, roughly — no tags, comments, scripts or styles; entities decoded;
// spaces collapsed. One forward pass: each search starts where the previous construct ended, and a construct
// left open (a '<' without '>', an unclosed comment or script) ends the text there, as it hides the rest of
// the page in a browser too. So the work is linear in the capped input: a tag regex that retried from every
// '<' took seconds on 64 KiB of '<' and froze the worker.

/** Markup whose content is not text: everything up to its closing tag goes. */
const RAW_TEXT = /^<(script|style)(?=[\s/>]|$)/;
/** After '<', what starts markup in HTML; anything else ('a < b', '<3') is text. */
const STARTS_MARKUP = /[a-zA-Z/!?]/;

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function htmlText(html: string, limit: number): string {
  const source = html.slice(0, limit);
  const lower = source.toLowerCase();
  const parts: string[] = [];
  let textStart = 0;
  let at = 0;
  for (;;) {
    const open = source.indexOf('<', at);
    if (open === -1) {
      parts.push(source.slice(textStart));
      break;
    }
    const end = endOfMarkup(source, lower, open);
    at = open + 1;
    if (end === open) continue;
    parts.push(source.slice(textStart, open));
    if (end === -1) break;
    parts.push(' ');
    at = textStart = end;
  }
  return decodeEntities(parts.join('')).replace(/\s+/g, ' ').trim();
}

/** The index just after the markup that starts at `open`; `open` when it is text; -1 when it never closes. */
function endOfMarkup(source: string, lower: string, open: number): number {
  if (source.startsWith('<!--', open)) return after(source.indexOf('-->', open + 4), 3);
  if (!STARTS_MARKUP.test(source.charAt(open + 1))) return open;
  const raw = RAW_TEXT.exec(lower.slice(open, open + 8))?.[1];
  if (raw) {
    const close = lower.indexOf(`</${raw}`, open);
    return close === -1 ? -1 : after(source.indexOf('>', close), 1);
  }
  return after(source.indexOf('>', open), 1);
}

const after = (index: number, length: number): number => (index === -1 ? -1 : index + length);

/** Numeric and the common named entities; bounded patterns, so one pass. */
function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]{1,6});/gi, (_, hex: string) => safeChar(parseInt(hex, 16)))
    .replace(/&#(\d{1,7});/g, (_, dec: string) => safeChar(parseInt(dec, 10)))
    .replace(/&([a-z]{1,31});/gi, (all, name: string) => NAMED_ENTITIES[name.toLowerCase()] ?? all);
}

// eslint-disable-next-line no-control-regex -- control characters are what is removed
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/g;
const safeChar = (code: number): string =>
  code > 0x10ffff ? '' : String.fromCodePoint(code).replace(CONTROL_CHARS, ' ');
