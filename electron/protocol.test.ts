import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildContentSecurityPolicy } from './csp';
import { createAppRequestHandler, registerAppScheme, serveRenderer } from './protocol';
import { fake, protocol } from './testing/fake-electron';

vi.mock('electron', () => import('./testing/fake-electron'));

const CSP = buildContentSecurityPolicy({ allowLoopbackConnect: false });
let dir: string;
let handle: (request: Request) => Promise<Response>;
const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

describe('app:// protocol', () => {
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'fieldbook-protocol-'));
    await mkdir(path.join(dir, 'renderer', 'assets'), { recursive: true });
    await writeFile(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>Fieldbook</title>');
    await writeFile(path.join(dir, 'renderer', 'assets', 'app-1.js'), 'console.log(1)');
    await writeFile(path.join(dir, 'secret.txt'), 'TOP-SECRET');
    handle = createAppRequestHandler(path.join(dir, 'renderer'), CSP);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('registers app as a standard, secure scheme and installs the handler', () => {
    fake.reset();
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    serveRenderer(path.join(dir, 'renderer'), CSP);
    expect(fake.state.protocolHandlers.has('app')).toBe(true);
  });

  it('serves files with the right type and the CSP and nosniff headers', async () => {
    const page = await get('app://fieldbook/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CSP);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Fieldbook</title>');

    const script = await get('app://fieldbook/assets/app-1.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
  });

  it('serves index.html for / and for client-side routes, 404 for missing assets', async () => {
    expect(await (await get('app://fieldbook/')).text()).toContain('Fieldbook');
    expect(await (await get('app://fieldbook/customers/42')).text()).toContain('Fieldbook');
    expect((await get('app://fieldbook/assets/missing.js')).status).toBe(404);
  });

  it('refuses path traversal', async () => {
    for (const url of [
      'app://fieldbook/..%2fsecret.txt',
      'app://fieldbook/assets/..%2f..%2fsecret.txt',
      'app://fieldbook/%2e%2e%2fsecret.txt',
      'app://fieldbook/..%5csecret.txt',
      'app://fieldbook/index.html%00.js',
      'app://fieldbook/%E0%A4%A', // malformed escape
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(403);
      expect(await response.text()).not.toContain('TOP-SECRET');
      expect(response.headers.get('content-security-policy')).toBe(CSP);
    }
    // Plain "../" is already collapsed by URL parsing and stays inside the folder.
    expect(await (await get('app://fieldbook/../../secret.txt')).text()).not.toContain('TOP-SECRET');
  });

  it('answers only GET/HEAD on the fieldbook host', async () => {
    expect((await get('app://fieldbook/index.html', 'POST')).status).toBe(405);
    expect((await get('app://other/index.html')).status).toBe(404);
    const head = await get('app://fieldbook/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('content security policy', () => {
  it('is strict: no eval, no inline script, no plugins, no framing', () => {
    expect(CSP).toContain("default-src 'none'");
    expect(CSP).toContain("script-src 'self';");
    expect(CSP).toContain("object-src 'none'");
    expect(CSP).toContain("frame-ancestors 'none'");
    expect(CSP).toContain("base-uri 'none'");
    expect(CSP).not.toContain('unsafe-eval');
    expect(CSP).not.toContain('http://127.0.0.1');
  });

  it('allows loopback http connections only in dev mode', () => {
    expect(buildContentSecurityPolicy({ allowLoopbackConnect: true })).toMatch(/connect-src [^;]*http:\/\/127\.0\.0\.1:\*/);
  });
});
