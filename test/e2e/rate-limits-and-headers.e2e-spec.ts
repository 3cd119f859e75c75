import { startTestApp, startTestAppOn, type TestApp } from '../support/test-app';
import { createTestStack, TEST_STACK } from '../support/test-stack';

const LIMITS = { RATE_LIMIT_PER_MINUTE: '5', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '3', CORS_ORIGINS: 'https://portal.example.org' };

describe('rate limits, security headers and CORS', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(LIMITS);
  });
  afterAll(() => t?.close());

  it('limits each token on its own, answering 429 with Retry-After in the common error body', async () => {
    const busy = t.as(await t.issueToken('secretariat'));
    for (let call = 0; call < 5; call += 1) await busy.get('/api/v1/themes').expect(200);
    const refused = await busy.get('/api/v1/themes').expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests', message: expect.stringContaining('Retry-After') });
    await t
      .as(await t.issueToken('secretariat'))
      .get('/api/v1/themes')
      .expect(200);
  });

  it('limits calls without a valid token per address, failed attempts included, but never health checks', async () => {
    for (let call = 0; call < 3; call += 1)
      await t
        .as(`cm_${'B'.repeat(43)}`)
        .get('/api/v1/themes')
        .expect(401);
    await t.anonymous.get('/api/v1/themes').expect(429);
    for (let call = 0; call < 5; call += 1) await t.anonymous.get('/health').expect(200);
  });

  it('ignores X-Forwarded-For unless told to trust a proxy', async () => {
    const spoofed = () => t.anonymous.get('/api/v1/themes').set('X-Forwarded-For', `203.0.113.${Math.floor(Math.random() * 250)}`);
    // The address limit was used up above; a made-up forwarded address does not reset it.
    await spoofed().expect(429);
  });

  it('sends security headers on every answer', async () => {
    for (const path of ['/health', '/api/v1/themes', '/docs']) {
      const { headers } = await t.anonymous.get(path);
      expect(headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'SAMEORIGIN' });
      expect(headers['content-security-policy']).toContain("default-src 'self'");
      expect(headers['x-powered-by']).toBeUndefined();
    }
  });

  it('admits the configured browser origins only', async () => {
    const preflight = (origin: string) =>
      t.anonymous
        .options('/api/v1/members')
        .set('Origin', origin)
        .set('Access-Control-Request-Method', 'GET')
        .set('Access-Control-Request-Headers', 'authorization');
    const allowed = await preflight('https://portal.example.org');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://portal.example.org');
    expect(allowed.headers['access-control-allow-headers']).toMatch(/authorization/i);
    // A browser on an allowed origin may change data, not only read it.
    for (const method of ['PATCH', 'PUT', 'DELETE']) expect(allowed.headers['access-control-allow-methods']).toContain(method);
    expect((await preflight('https://elsewhere.example.com')).headers['access-control-allow-origin']).toBeUndefined();
  });

  // Two API processes share one Redis: the limit holds across them.
  if (TEST_STACK === 'services') {
    // The queue dashboard (services stack only) is outside Nest's guards, yet under the same limits.
    it('limits wrong passwords on the queue dashboard per address, counted with the API calls', async () => {
      const own = await startTestApp({ RATE_LIMIT_PER_MINUTE: '70', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '60' });
      try {
        const wrongPassword = `Basic ${Buffer.from(`admin:cm_${'W'.repeat(43)}`).toString('base64')}`;
        const answers: number[] = [];
        for (let attempt = 0; attempt < 80; attempt += 1)
          answers.push((await own.anonymous.get('/admin/queues').set('Authorization', wrongPassword)).status);
        expect(answers.slice(0, 60)).toEqual(Array(60).fill(401));
        expect(answers.slice(60)).toEqual(Array(20).fill(429));
        const refused = await own.anonymous.get('/admin/queues').set('Authorization', wrongPassword).expect(429);
        expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
        expect(refused.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
        // One counter per address: the API refuses this address too.
        await own.anonymous.get('/api/v1/themes').expect(429);
        // An admin's token has its own count, on the dashboard and on the API alike.
        const admin = `Basic ${Buffer.from(`admin:${await own.issueToken('admin')}`).toString('base64')}`;
        for (let call = 0; call < 70; call += 1) await own.anonymous.get('/admin/queues').set('Authorization', admin).expect(200);
        await own.anonymous.get('/admin/queues').set('Authorization', admin).expect(429);
      } finally {
        await own.close();
      }
    });

    it('shares the counts between API processes through Redis', async () => {
      const stack = await createTestStack(LIMITS);
      const first = await startTestAppOn(stack.config, async () => undefined);
      const second = await startTestAppOn(stack.config, () => stack.dispose());
      try {
        const secret = await first.issueToken('secretariat');
        for (let call = 0; call < 3; call += 1) await first.as(secret).get('/api/v1/themes').expect(200);
        for (let call = 0; call < 2; call += 1) await second.as(secret).get('/api/v1/themes').expect(200);
        await second.as(secret).get('/api/v1/themes').expect(429);
        await first.as(secret).get('/api/v1/themes').expect(429);
      } finally {
        await first.close();
        await second.close();
      }
    });
  }
});
