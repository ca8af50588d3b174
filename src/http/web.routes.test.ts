import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/server.ts';

// `npm test` builds web/dist first; the server serves it as a single-page app.
describe('the web app is served by the same server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('pglite');
  });
  afterAll(async () => server.close());

  it('answers the root, any page path and its assets; API paths stay problem+json', async () => {
    for (const path of ['/', '/login', '/users/01900000-0000-7000-8000-000000000000']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toContain('text/html');
      const html = await response.text();
      expect(html).toContain('<div id="root">');
      const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
      expect(script).toBeDefined();
      expect((await fetch(`${server.url}${script}`)).headers.get('content-type')).toContain('javascript');
    }
    const api = await fetch(`${server.url}/api/v1/nope`);
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
  });
});
