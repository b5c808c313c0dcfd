import { describe, expect, it } from 'vitest';
import { isCrossSiteForm } from '../../src/hooks/csrf';

const APP = 'https://guide.example.org';
const post = (headers: Record<string, string>, method = 'POST') =>
  new Request(`${APP}/login`, { method, headers, body: method === 'GET' ? undefined : 'a=1' });
const form = { 'content-type': 'application/x-www-form-urlencoded' };

describe('cross-site form posts', () => {
  it('lets a form from the app through, whether the browser sends its origin or null', () => {
    expect(isCrossSiteForm(post({ ...form, origin: APP }), APP)).toBe(false);
    expect(isCrossSiteForm(post({ ...form, origin: 'null', 'sec-fetch-site': 'same-origin' }), APP)).toBe(false);
  });

  it('refuses a form from another site, or one whose provenance the browser did not vouch for', () => {
    expect(isCrossSiteForm(post({ ...form, origin: 'https://evil.example' }), APP)).toBe(true);
    expect(isCrossSiteForm(post({ ...form, origin: 'null', 'sec-fetch-site': 'cross-site' }), APP)).toBe(true);
    expect(isCrossSiteForm(post({ ...form, origin: 'null', 'sec-fetch-site': 'same-site' }), APP)).toBe(true);
    expect(isCrossSiteForm(post({ ...form, origin: 'null' }), APP)).toBe(true);
    expect(isCrossSiteForm(post({ 'content-type': 'multipart/form-data; boundary=x' }), APP)).toBe(true);
    expect(isCrossSiteForm(post({ 'content-type': 'text/plain', origin: 'https://evil.example' }, 'DELETE'), APP)).toBe(true);
  });

  it('leaves JSON (which needs a CORS preflight cross-site) and safe methods alone', () => {
    expect(isCrossSiteForm(post({ 'content-type': 'application/json', origin: 'https://evil.example' }), APP)).toBe(false);
    expect(isCrossSiteForm(post({ origin: 'https://evil.example' }, 'GET'), APP)).toBe(false);
  });
});
