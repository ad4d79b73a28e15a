/** The app's TokenManager against a real HTTP server on 127.0.0.1 that takes a request and never answers. */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenResponse } from '../../shared/sync/protocol';
import { TokenManager } from '../../renderer/src/features/auth/tokenManager';

/** A server that takes the request and never answers /hang (a half-open connection); /ok answers. */
describe('TokenManager.fetch on a connection that never answers', () => {
  let server: Server;
  let url = '';
  const open: ServerResponse[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/ok') res.end('{}');
      else open.push(res);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const res of open) res.destroy();
    await new Promise((r) => server.close(r));
  });

  const manager = () => {
    const tokens = new TokenManager({
      serverUrl: url, deviceId: 'd-1', requestTimeoutMs: 300,
      secure: { secureGet: async () => ({ ok: true, value: null }), secureSet: async () => ({ ok: true, value: undefined }) },
    });
    const far = new Date(Date.now() + 3_600_000).toISOString();
    tokens.accept({ accessToken: 'a', accessExpiresAt: far, refreshToken: 'r', user: { id: 'u', userName: 'u', displayName: 'u', roles: ['rep'], territoryIds: [] } } as unknown as TokenResponse);
    return tokens;
  };

  it('gives up after the timeout as "unreachable", so the sync retries instead of waiting for ever', async () => {
    const started = Date.now();
    await expect(manager().fetch('/hang')).rejects.toMatchObject({ code: 'unreachable' });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await manager().fetch('/ok')).status).toBe(200);
  });

  it('leaves a request with its own signal (the event stream) alone', async () => {
    const controller = new AbortController();
    const pending = manager().fetch('/hang', { signal: controller.signal });
    const outcome = await Promise.race([pending.then(() => 'answered', () => 'failed'), new Promise((r) => setTimeout(() => r('still open'), 800))]);
    expect(outcome).toBe('still open');
    controller.abort();
    await expect(pending).rejects.toThrow();
  });
});
