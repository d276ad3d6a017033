import { describe, expect, it } from 'vitest';
import {
  parseUrlList,
  validateHttpUrl,
  validateSeconds,
  validateStatus,
  validateTemplate,
  validateUrlList,
} from '../../../src/options/validation';

describe('validateHttpUrl', () => {
  it('accepts full http and https addresses, including local test servers', () => {
    expect(validateHttpUrl('https://cloudflare-dns.com/dns-query')).toBeNull();
    expect(validateHttpUrl('  http://127.0.0.1:8080/x ')).toBeNull();
  });
  it('rejects every other scheme, partial addresses and nothing', () => {
    for (const bad of [
      'file:///etc/hosts',
      'javascript:alert(1)',
      'data:text/plain,x',
      'ftp://example.com',
      'example.com',
      'https://',
      'http//x',
    ]) {
      expect(validateHttpUrl(bad), bad).toEqual({ key: 'optionsErrorHttps' });
      expect(validateHttpUrl(bad, 'captive-portal'), bad).toEqual({ key: 'optionsErrorUrl' });
    }
    expect(validateHttpUrl('   ')).toEqual({ key: 'optionsErrorRequired' });
  });
});

describe('validateTemplate', () => {
  it('needs its placeholder and must give an http(s) address once filled in', () => {
    expect(validateTemplate('https://status.{domain}/api/v2/status.json', '{domain}')).toBeNull();
    expect(validateTemplate('https://archive.org/wayback/available?url={url}', '{url}')).toBeNull();
    expect(validateTemplate('https://status.example.com/api', '{domain}')).toEqual({
      key: 'optionsErrorPlaceholder',
      args: ['{domain}'],
    });
    expect(validateTemplate('file:///{domain}', '{domain}')).toEqual({ key: 'optionsErrorHttps' });
  });
});

describe('URL lists', () => {
  it('reads one address per line, ignoring blank lines and spaces', () => {
    expect(parseUrlList(' https://a.test/204 \n\nhttp://b.test\n')).toEqual(['https://a.test/204', 'http://b.test']);
  });
  it('names the first bad line', () => {
    expect(validateUrlList('https://a.test\n\nfile:///x')).toEqual({
      key: 'optionsErrorListLine',
      args: ['3', 'file:///x'],
    });
    expect(validateUrlList('\n  \n')).toEqual({ key: 'optionsErrorListEmpty' });
    expect(validateUrlList('https://a.test\nhttps://b.test')).toBeNull();
  });
});

describe('numbers', () => {
  it('takes a status code between 100 and 599', () => {
    expect(validateStatus('204')).toBeNull();
    for (const bad of ['99', '600', '20.4', '', 'abc', '-200']) expect(validateStatus(bad), bad).not.toBeNull();
  });
  it('takes whole seconds between 1 and 60', () => {
    expect(validateSeconds('8')).toBeNull();
    expect(validateSeconds('60')).toBeNull();
    for (const bad of ['0', '61', '1.5', '', 'x'])
      expect(validateSeconds(bad), bad).toEqual({ key: 'optionsErrorSeconds', args: ['1', '60'] });
  });
});

describe('the same rule as the steps: https:, plain http: only for this computer', () => {
  it.each([
    ['http://api.globalping.io/v1/measurements', 'optionsErrorHttps'],
    ['javascript:alert(1)', 'optionsErrorHttps'],
    ['data:text/plain,ok', 'optionsErrorHttps'],
    ['chrome-extension://abcdefghijklmnop/options.html', 'optionsErrorHttps'],
    ['https://user:pw@a.example/', 'optionsErrorHttps'],
  ])('a third-party address %s gets %s', (value, key) => {
    expect(validateHttpUrl(value)?.key).toBe(key);
  });
  it('accepts https and loopback http', () => {
    expect(validateHttpUrl('https://api.globalping.io/v1/measurements')).toBeNull();
    expect(validateHttpUrl('http://127.0.0.1:8080/x')).toBeNull();
  });
  it('the captive-portal address may be plain http, never data:', () => {
    expect(validateHttpUrl('http://detectportal.firefox.com/success.txt', 'captive-portal')).toBeNull();
    expect(validateHttpUrl('data:text/plain,success', 'captive-portal')?.key).toBe('optionsErrorUrl');
  });
  it('a data: or plain-http line in the connectivity list is refused, by its line number', () => {
    expect(validateUrlList('https://a.example/\ndata:text/plain,')).toEqual({
      key: 'optionsErrorListLine',
      args: ['2', 'data:text/plain,'],
    });
    expect(validateUrlList('http://www.google.com/generate_204')?.key).toBe('optionsErrorListLine');
  });
  it('a template that gives javascript: is refused', () => {
    expect(validateTemplate('javascript:{url}', '{url}')?.key).toBe('optionsErrorHttps');
  });
  it('-1 seconds is refused', () => {
    expect(validateSeconds('-1')?.key).toBe('optionsErrorSeconds');
  });
});
