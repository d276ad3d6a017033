// Pure: is a value typed into the options page usable? Each validator answers null (fine) or the i18n key
// (+ substitutions) of a message saying what to fix.
import { CHECK_TIMEOUT_MS, endpointProblem, PLACEHOLDER_SAMPLES, type EndpointKind } from '../model/endpoint-policy';

export interface FieldError {
  key: string;
  args?: string[];
}

export const CHECK_TIMEOUT_SECONDS = { min: CHECK_TIMEOUT_MS.min / 1000, max: CHECK_TIMEOUT_MS.max / 1000 };
export { PLACEHOLDER_SAMPLES };

/** The rule the steps apply too (src/model/endpoint-policy.ts): https:, plain http: only for loopback. */
const isUsable = (value: string, kind: EndpointKind = 'third-party'): boolean => endpointProblem(value, kind) === null;

/** A full address the extension may contact: never file:, data:, javascript:, an extension page … */
export function validateHttpUrl(value: string, kind: EndpointKind = 'third-party'): FieldError | null {
  const trimmed = value.trim();
  if (!trimmed) return { key: 'optionsErrorRequired' };
  if (endpointProblem(trimmed, kind) === null) return null;
  return { key: kind === 'third-party' ? 'optionsErrorHttps' : 'optionsErrorUrl' };
}

/** An address with a placeholder (`{domain}`, `{url}`) that must be there and give a usable URL. */
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
  const bad = lines.findIndex((line) => line !== '' && !isUsable(line));
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
  return isWholeNumber(value) && n >= min && n <= max
    ? null
    : { key: 'optionsErrorSeconds', args: [String(min), String(max)] };
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
    if (rest.length > 1 || (rest[0] !== undefined && !isUsable(rest[0])))
      return { key: 'optionsErrorProviderLine', args: [number] };
  }
  return null;
}
