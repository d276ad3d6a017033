// Pure: is a value typed into the options page usable? Each validator answers null (fine) or the i18n key
// (+ substitutions) of a message saying what to fix.

export interface FieldError {
  key: string;
  args?: string[];
}

export const CHECK_TIMEOUT_SECONDS = { min: 1, max: 60 };

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** A full http: or https: address — nothing else may be contacted (no file:, data:, javascript: …). */
export function validateHttpUrl(value: string): FieldError | null {
  const trimmed = value.trim();
  if (!trimmed) return { key: 'optionsErrorRequired' };
  return isHttpUrl(trimmed) ? null : { key: 'optionsErrorUrl' };
}

/** Sample values a template's placeholder stands for, so the template can be checked as a real URL. */
export const PLACEHOLDER_SAMPLES: Record<string, string> = {
  '{domain}': 'example.com',
  '{url}': encodeURIComponent('https://example.com/page'),
};

/** An address with a placeholder (`{domain}`, `{url}`) that must be there and give an http(s) URL. */
export function validateTemplate(value: string, placeholder: string): FieldError | null {
  const basic = validateHttpUrl(value.split(placeholder).join(PLACEHOLDER_SAMPLES[placeholder] ?? 'x'));
  if (basic) return basic;
  return value.includes(placeholder) ? null : { key: 'optionsErrorPlaceholder', args: [placeholder] };
}

/** One address per line; blank lines are ignored. */
export function parseUrlList(value: string): string[] {
  return value
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export function validateUrlList(value: string): FieldError | null {
  const lines = value.split('\n').map((line) => line.trim());
  if (!lines.some((line) => line !== '')) return { key: 'optionsErrorListEmpty' };
  const bad = lines.findIndex((line) => line !== '' && !isHttpUrl(line));
  return bad === -1 ? null : { key: 'optionsErrorListLine', args: [String(bad + 1), lines[bad] ?? ''] };
}

const isWholeNumber = (value: string): boolean => /^\d+$/.test(value.trim());

export function validateStatus(value: string): FieldError | null {
  const n = Number(value.trim());
  return isWholeNumber(value) && n >= 100 && n <= 599 ? null : { key: 'optionsErrorStatus' };
}

export function validateSeconds(value: string): FieldError | null {
  const n = Number(value.trim());
  const { min, max } = CHECK_TIMEOUT_SECONDS;
  return isWholeNumber(value) && n >= min && n <= max ? null : { key: 'optionsErrorSeconds', args: [String(min), String(max)] };
}

/** Anything is a valid expected body, including nothing (then only the status is compared). */
export const acceptAnything = (): FieldError | null => null;

/** `<provider> <address>` per line; a provider alone means "off". Known providers come from the defaults. */
export interface ProviderLine {
  id: string;
  url: string;
}

export function parseProviderLines(value: string): ProviderLine[] {
  return value
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [id = '', ...rest] = line.split(/\s+/);
      return { id, url: rest.join(' ') };
    });
}

export function validateProviderLines(value: string, known: readonly string[]): FieldError | null {
  const lines = value.split('\n').map((line) => line.trim());
  for (const [index, line] of lines.entries()) {
    if (line === '') continue;
    const [id = '', ...rest] = line.split(/\s+/);
    const number = String(index + 1);
    if (!known.includes(id)) return { key: 'optionsErrorProviderUnknown', args: [number, id, known.join(', ')] };
    if (rest.length > 1 || (rest[0] !== undefined && !isHttpUrl(rest[0]))) return { key: 'optionsErrorProviderLine', args: [number] };
  }
  return null;
}
