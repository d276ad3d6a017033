// Pure: the subset of RFC 8941 structured-field lists that Proxy-Status (RFC 9209) and Cache-Status
// (RFC 9211) use: members separated by commas, each a token or quoted string with `;key=value` parameters.
// One forward pass over a capped input; anything malformed ends the member rather than the whole parse.

export interface ListMember {
  name: string;
  params: Record<string, string | true>;
}

export const FIELD_LIMIT = 2048;
const TOKEN = /[A-Za-z0-9!#$%&'*+\-.^_`|~:/]/;

export function parseList(value: string | undefined): ListMember[] {
  const input = (value ?? '').slice(0, FIELD_LIMIT);
  const members: ListMember[] = [];
  let at = 0;
  const skipSpaces = () => {
    while (input[at] === ' ' || input[at] === '\t') at++;
  };
  const readBare = (): string => {
    const start = at;
    while (at < input.length && TOKEN.test(input[at]!)) at++;
    return input.slice(start, at);
  };
  const readString = (): string => {
    at++; // opening quote
    let out = '';
    while (at < input.length && input[at] !== '"') {
      if (input[at] === '\\' && at + 1 < input.length) at++;
      out += input[at];
      at++;
    }
    at++; // closing quote
    return out;
  };
  const readValue = (): string => (input[at] === '"' ? readString() : readBare());
  while (at < input.length) {
    skipSpaces();
    const name = readValue();
    const params: Record<string, string | true> = {};
    skipSpaces();
    while (input[at] === ';') {
      at++;
      skipSpaces();
      const key = readBare().toLowerCase();
      if (input[at] === '=') {
        at++;
        params[key] = readValue();
      } else if (key) {
        params[key] = true;
      }
      skipSpaces();
    }
    if (name) members.push({ name, params });
    // Skip anything unparsed up to the next member.
    while (at < input.length && input[at] !== ',') at++;
    at++;
  }
  return members;
}
