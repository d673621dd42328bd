import type { Request } from 'restify';
import { clientAddress } from '../../src/web/client-address.js';

const request = (forwarded: string | undefined, remote = '127.0.0.1'): Request =>
  ({ header: (name: string) => (name.toLowerCase() === 'x-forwarded-for' ? forwarded : undefined), socket: { remoteAddress: remote } }) as unknown as Request;

describe('the client address', () => {
  it('is the socket address unless a proxy is trusted', () => {
    expect(clientAddress(request('203.0.113.9'), false)).toBe('127.0.0.1');
  });

  it('is the entry the trusted proxy added, not one the client could forge', () => {
    expect(clientAddress(request('1.2.3.4, 203.0.113.9'), true)).toBe('203.0.113.9');
    expect(clientAddress(request(undefined), true)).toBe('127.0.0.1');
  });
});
