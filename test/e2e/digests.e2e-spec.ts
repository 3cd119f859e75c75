import type { ParsedMail } from 'mailparser';
import request from 'supertest';
import { Clock } from '../../src/clock';
import { DigestScheduler } from '../../src/digests/digest-scheduler';
import { sendTimeOf } from '../../src/digests/iso-week';
import { JobQueue } from '../../src/jobs/job-queue';
import { memberRecord } from '../support/member-factory';
import { settle } from '../support/settle';
import { appUrl } from '../support/sessions';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { startTestApp, type TestApp } from '../support/test-app';

const api = (path: string) => `/api/v1${path}`;
const PUBLIC_URL = 'https://citymatch.example.org';

/** Cities in the zones the schedule must get right, with needs and offers that match each other. */
const CITIES = [
  { id: 'kathmandu', country: 'NP', lat: 27.7172, lon: 85.324, zone: 'Asia/Kathmandu' },
  { id: 'waitangi', country: 'NZ', lat: -43.95, lon: -176.56, zone: 'Pacific/Chatham' },
  { id: 'sydney', country: 'AU', lat: -33.8688, lon: 151.2093, zone: 'Australia/Sydney' },
  { id: 'kiritimati', country: 'KI', lat: 1.87, lon: -157.4, zone: 'Pacific/Kiritimati' },
  { id: 'iloilo', country: 'PH', lat: 10.6969, lon: 122.5644, zone: 'Asia/Manila' },
  { id: 'suva', country: 'FJ', lat: -18.1416, lon: 178.4419, zone: 'Pacific/Fiji' },
  { id: 'apia', country: 'WS', lat: -13.8333, lon: -171.7667, zone: 'Pacific/Apia' },
  { id: 'hue', country: 'VN', lat: 16.4637, lon: 107.5909, zone: 'Asia/Ho_Chi_Minh' },
];
const THEMES = ['climate-change', 'disaster-resilience', 'culture', 'environment', 'strategic-planning'];
const emailOf = (id: string) => `official@${id}.example.org`;
/** The List-Unsubscribe header as sent (mailparser folds List-* headers into an object). */
const listUnsubscribe = (mail: ParsedMail) =>
  mail.headerLines.find((header) => header.key === 'list-unsubscribe')!.line.replace(/^List-Unsubscribe:\s*/i, '');

describe('weekly digests', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let users: Record<string, { id: string; version: number }>;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({ SMTP_URL: sink.url, PUBLIC_URL, DIGESTS: 'off', MAIL_RETRY_BASE_MS: '20' });
    const records = CITIES.map((city, index) =>
      memberRecord({
        id: city.id,
        name: city.id[0].toUpperCase() + city.id.slice(1),
        country: city.country,
        lat: city.lat,
        lon: city.lon,
        needs: { [THEMES[index % 5]]: 3, [THEMES[(index + 1) % 5]]: 2 },
        offers: { [THEMES[(index + 2) % 5]]: 3, [THEMES[(index + 3) % 5]]: 2, [THEMES[(index + 4) % 5]]: 1 },
        contact: { name: `Official of ${city.id}`, email: emailOf(city.id) },
      }),
    );
    // Partners-to-be for everyone, without users of their own: enough candidates that weeks of digests never run dry.
    const others = [
      'JP',
      'KR',
      'TH',
      'MY',
      'ID',
      'IN',
      'LK',
      'BD',
      'PK',
      'MN',
      'KH',
      'LA',
      'PG',
      'SB',
      'VU',
      'TO',
      'MV',
      'BT',
      'TL',
      'MM',
    ].map((country, index) =>
      memberRecord({
        id: `partner-${country.toLowerCase()}`,
        country,
        lat: 10 + index,
        lon: 100 + index,
        needs: Object.fromEntries(THEMES.map((theme) => [theme, 1 + ((index + theme.length) % 3)])),
        offers: Object.fromEntries(THEMES.map((theme) => [theme, 1 + ((index * 2 + theme.length) % 3)])),
        contact: undefined,
      }),
    );
    await t.http
      .post(api('/members/import'))
      .send([...records, ...others])
      .expect(200);
    await settle(t);
    users = {};
    for (const city of CITIES) users[city.id] = (await t.http.get(api(`/members/${city.id}/users`)).expect(200)).body.items[0];
    // Starting the app and loading its data takes long on a loaded machine.
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  async function runWeek(week: string): Promise<void> {
    await t.http.post(api('/digests/runs')).send({ week }).expect(202);
    await settle(t);
    for (let i = 0; i < 300; i += 1) {
      const queued = (await t.http.get(api(`/digests/deliveries?week=${week}&status=queued`)).expect(200)).body;
      if (queued.length === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`week ${week} still has queued deliveries`);
  }
  const deliveryOf = async (userId: string, week: string) =>
    (await t.http.get(api(`/digests/deliveries?week=${week}&userId=${userId}`)).expect(200)).body[0];

  it('sends each official its suggestions once, with both parts, links and the one-click unsubscribe headers', async () => {
    await runWeek('2026-W45');
    const sent = (await t.http.get(api('/digests/deliveries?week=2026-W45&status=sent')).expect(200)).body;
    expect(sent.length).toBe(CITIES.length);
    expect(sink.accepted()).toBe(CITIES.length);
    const [mail] = sink.to(emailOf('iloilo'));
    expect(mail.subject).toMatch(/^\d new partner suggestions? for Iloilo — week 45$/);
    // Attribute values are HTML-escaped ("=" as &#x3D;): read them as a browser does.
    const html = String(mail.html).replaceAll('&#x3D;', '=').replaceAll('&amp;', '&');
    expect(html).toContain(`href="${PUBLIC_URL}/members/iloilo/suggestions?candidate=`);
    expect(mail.text).toContain(`${PUBLIC_URL}/members/iloilo/suggestions?candidate=`);
    expect(mail.text).toContain(`${PUBLIC_URL}/unsubscribe?token=`);
    expect(html).toContain(`href="${PUBLIC_URL}/unsubscribe?token=`);
    expect(mail.text).toMatch(/Sent \d+ \w+ \d{4}, \d\d:\d\d \(GMT\+8\)/);
    expect(mail.headerLines.find((header) => header.key === 'list-unsubscribe-post')?.line).toBe(
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    );
    expect(listUnsubscribe(mail)).toMatch(new RegExp(`^<${PUBLIC_URL}/api/v1/digests/unsubscribe\\?token=[^>]+>$`));

    // Again, by hand and by a repeated job: nobody gets a second one.
    await runWeek('2026-W45');
    const { DigestDeliveryService } = await import('../../src/digests/digest-delivery.service');
    await t.app.get(DigestDeliveryService).deliver(users.iloilo.id, '2026-W45');
    expect(sink.accepted()).toBe(CITIES.length);
    const runs = (await t.http.get(api('/digests/runs')).expect(200)).body;
    expect(runs.find((run: { week: string }) => run.week === '2026-W45')).toMatchObject({ recipients: CITIES.length, sent: CITIES.length });
  });

  it("a digest's suggestions are the member's stored ones under the not-again rule", async () => {
    const stored = (await t.http.get(api('/members/iloilo/suggestions?limit=50')).expect(200)).body.suggestions as Array<{
      memberId: string;
      score: number;
    }>;
    const first = await deliveryOf(users.iloilo.id, '2026-W45');
    expect(first.suggestionIds).toEqual(stored.slice(0, 5).map((s) => s.memberId));
    await runWeek('2026-W46');
    const second = await deliveryOf(users.iloilo.id, '2026-W46');
    // Scores did not move: last week's five do not come back.
    expect(second.suggestionIds).toEqual(
      stored
        .filter((s) => !first.suggestionIds.includes(s.memberId))
        .slice(0, 5)
        .map((s) => s.memberId),
    );
  });

  it('previews without sending', async () => {
    const before = sink.accepted();
    // A week before any sent digest: nothing is held back by the "not again" rule.
    const preview = (await t.http.get(api(`/digests/preview?userId=${users.sydney.id}&week=2026-W44`)).expect(200)).body;
    expect(preview).toMatchObject({ empty: false, week: '2026-W44', subject: expect.stringContaining('for Sydney — week 44') });
    expect(preview.html).toContain('<html');
    expect(preview.sections[0].items.length).toBeGreaterThan(0);
    // Each suggestion's line is the first reason the API gives for that candidate.
    const listed = (await t.http.get(api('/members/sydney/suggestions?explain=true')).expect(200)).body.suggestions as Array<{
      memberId: string;
      explanation: { reasons: string[] };
    }>;
    for (const item of preview.sections[0].items as Array<{ detail: string; link: string }>) {
      const candidate = new URL(item.link).searchParams.get('candidate');
      const reason = listed.find((s) => s.memberId === candidate)?.explanation.reasons[0];
      expect(reason).toBeTruthy();
      expect(item.detail).toBe(reason);
    }
    expect(sink.accepted()).toBe(before);
    await t.http.get(api('/digests/preview?userId=nope')).expect(400);
  });

  it('SMTP refusing the first attempt, then accepting: exactly one e-mail; a refused recipient fails with the reason', async () => {
    const before = sink.accepted();
    sink.refuseNext(1);
    sink.reject(emailOf('apia'));
    // An early week, so that no earlier digest holds its suggestions back.
    await runWeek('2026-W30');
    expect(sink.accepted() - before).toBe(CITIES.length - 1);
    for (const city of CITIES.filter((c) => c.id !== 'apia'))
      expect(sink.to(emailOf(city.id)).filter((m) => /week 30/.test(m.subject ?? ''))).toHaveLength(1);
    const failed = await deliveryOf(users.apia.id, '2026-W30');
    expect(failed).toMatchObject({ status: 'failed' });
    expect(failed.reason).toMatch(/550|refused/);
    const retried = (await t.http.get(api('/digests/deliveries?week=2026-W30&status=sent')).expect(200)).body;
    expect(retried.some((d: { attempts: number }) => d.attempts === 2)).toBe(true);
    sink.reject(null);
  });

  it('one-click unsubscribe takes effect at once; the next week skips that user', async () => {
    const [mail] = sink.to(emailOf('hue'));
    const link = /<(https:\/\/[^>]+)>/.exec(listUnsubscribe(mail))![1];
    const path = link.replace(PUBLIC_URL, '');
    // Opening the link changes nothing; the one-click POST does.
    await request(await appUrl(t))
      .get(path)
      .expect(200);
    expect((await t.http.get(api(`/users/${users.hue.id}`)).expect(200)).body.digest.enabled).toBe(true);
    const done = await request(await appUrl(t))
      .post(path)
      .type('form')
      .send('List-Unsubscribe=One-Click')
      .expect(200);
    expect(done.text).toContain('You are unsubscribed');
    expect((await t.http.get(api(`/users/${users.hue.id}`)).expect(200)).body.digest.enabled).toBe(false);
    await request(await appUrl(t))
      .post(`${api('/digests/unsubscribe')}?token=forged.token`)
      .expect(400);

    await runWeek('2026-W50');
    expect(await deliveryOf(users.hue.id, '2026-W50')).toMatchObject({ status: 'skipped', reason: 'unsubscribed' });
    const user = (await t.http.get(api(`/users/${users.hue.id}`)).expect(200)).body;
    await t.http
      .patch(api(`/users/${users.hue.id}`))
      .send({ version: user.version, digestEnabled: true })
      .expect(200);
  });

  it("each user's digest goes out at its own local Monday 08:00, across DST changes; a day late is missed", async () => {
    const clock = jest.spyOn(t.app.get(Clock), 'now');
    const scheduler = t.app.get(DigestScheduler);
    try {
      for (const [city, week] of [
        // In the order they fall due, so that a tick for one never finds the next one due yet.
        ['waitangi', '2026-W27'],
        ['sydney', '2026-W40'],
        ['kiritimati', '2026-W41'],
        ['waitangi', '2026-W41'],
        ['sydney', '2026-W41'],
        ['kathmandu', '2026-W41'],
      ] as const) {
        const zone = CITIES.find((c) => c.id === city)!.zone;
        const due = sendTimeOf(week, 1, 8, zone);
        clock.mockReturnValue(new Date(due.getTime() - 60_000));
        await scheduler.tick();
        await t.app.get(JobQueue).drain();
        expect(await deliveryOf(users[city].id, week)).toBeUndefined();
        clock.mockReturnValue(due);
        await scheduler.tick();
        await settle(t);
        await waitSettled(users[city].id, week);
        expect(await deliveryOf(users[city].id, week)).toMatchObject({ status: 'sent', reason: null });
      }
      // Down from Monday to Wednesday: the week's digest is recorded as missed, not sent late.
      const due = sendTimeOf('2026-W42', 1, 8, 'Asia/Manila');
      clock.mockReturnValue(new Date(due.getTime() + 25 * 3_600_000));
      await scheduler.tick();
      expect(await deliveryOf(users.iloilo.id, '2026-W42')).toMatchObject({ status: 'skipped', reason: 'missed' });
    } finally {
      clock.mockRestore();
    }
  });

  async function waitSettled(userId: string, week: string): Promise<void> {
    for (let i = 0; i < 300; i += 1) {
      const delivery = await deliveryOf(userId, week);
      if (delivery && delivery.status !== 'queued') return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
});
