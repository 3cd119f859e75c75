import type { ParsedMail } from 'mailparser';
import { Clock } from '../../src/clock';
import { JobQueue } from '../../src/jobs/job-queue';
import type { MemberRecord } from '../../src/members/member-record';
import { memberRecord } from '../support/member-factory';
import { settle } from '../support/settle';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { startTestApp, type TestApp } from '../support/test-app';

const api = (path: string) => `/api/v1${path}`;
const PUBLIC_URL = 'https://citymatch.example.org';
const SECRETARIAT = 'broker@secretariat.example.org';
const official = (id: string) => `official@${id}.example.org`;

const CITIES: Array<Partial<MemberRecord> & { id: string }> = [
  { id: 'suva', name: 'Suva', country: 'FJ', lat: -18.14, lon: 178.44, needs: { 'disaster-resilience': 3 }, offers: { culture: 3 } },
  { id: 'iloilo', name: 'Iloilo', country: 'PH', lat: 10.7, lon: 122.56, needs: { culture: 3 }, offers: { 'disaster-resilience': 3 } },
  { id: 'hue', name: 'Hue', country: 'VN', lat: 16.46, lon: 107.59, needs: { culture: 2 }, offers: { 'disaster-resilience': 2 } },
];

/** Both parts of a message, links read as a browser reads them. */
const textOf = (mail: ParsedMail) => `${mail.text}\n${String(mail.html).replaceAll('&#x3D;', '=').replaceAll('&amp;', '&')}`;

describe('digests tell brokering news: mutual interests, partnership events, stalled and dormant partnerships', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let partnershipId: string;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({ SMTP_URL: sink.url, PUBLIC_URL, DIGESTS: 'off', MAIL_RETRY_BASE_MS: '20' });
    await t.http
      .post(api('/members/import'))
      .send(CITIES.map((city) => memberRecord({ ...city, contact: { name: `Official of ${city.name}`, email: official(city.id) } })))
      .expect(200);
    await t.http.post(api('/users')).send({ email: SECRETARIAT, name: 'Partnerships Officer', role: 'secretariat' }).expect(201);
    await settle(t);
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  async function runWeek(week: string): Promise<void> {
    await t.http.post(api('/digests/runs')).send({ week }).expect(202);
    await settle(t);
    await t.app.get(JobQueue).drain();
    for (let i = 0; i < 300; i += 1) {
      const queued = (await t.http.get(api(`/digests/deliveries?week=${week}&status=queued`)).expect(200)).body;
      if (queued.length === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`week ${week} still has queued deliveries`);
  }
  const mailOf = (address: string, weekNumber: number) =>
    sink.to(address).filter((mail) => (mail.subject ?? '').endsWith(`week ${weekNumber}`));

  it('a mutual interest and a stage change reach both officials and the secretariat in their next digest', async () => {
    await t.http.post(api('/members/suva/interests')).send({ candidateId: 'iloilo' }).expect(201);
    await t.http.post(api('/members/iloilo/interests')).send({ candidateId: 'suva' }).expect(201);
    const [opened] = (await t.http.get(api('/partnerships?member=suva')).expect(200)).body.items;
    partnershipId = opened.id;
    expect(opened).toMatchObject({ origin: 'mutual-interest', stage: 'interest' });
    await t.http
      .post(api(`/partnerships/${partnershipId}/transitions`))
      .send({ to: 'introduced', version: opened.version })
      .expect(201);

    await runWeek('2026-W10');
    const link = `${PUBLIC_URL}/partnerships/${partnershipId}`;
    for (const [city, other] of [
      ['suva', 'Iloilo (PH)'],
      ['iloilo', 'Suva (FJ)'],
    ]) {
      const mails = mailOf(official(city), 10);
      expect(mails).toHaveLength(1);
      const body = textOf(mails[0]);
      expect(body).toContain(`Mutual interest: ${other}`);
      expect(body).toContain(`Partnership with ${other}: interest → introduced`);
      expect(body).toContain(link);
    }
    const [secretariat] = mailOf(SECRETARIAT, 10);
    const body = textOf(secretariat);
    expect(body).toContain('A new mutual interest');
    expect(body).toContain('Mutual interest: Iloilo (PH) ↔ Suva (FJ)');
    expect(body).toContain('Partnership with Iloilo (PH) ↔ Suva (FJ): interest → introduced');
    expect(body).toContain(link);
    // Hue had no part in it.
    for (const mail of mailOf(official('hue'), 10)) expect(textOf(mail)).not.toContain('Mutual interest');
  });

  it('tells nothing twice: the next week brings only what happened since', async () => {
    const current = (await t.http.get(api(`/partnerships/${partnershipId}`)).expect(200)).body;
    await t.http
      .post(api(`/partnerships/${partnershipId}/transitions`))
      .send({ to: 'exploring', version: current.version })
      .expect(201);
    await runWeek('2026-W11');
    for (const address of [official('suva'), official('iloilo'), SECRETARIAT]) {
      const [mail] = mailOf(address, 11);
      const body = textOf(mail);
      expect(body).toContain('introduced → exploring');
      expect(body).not.toContain('interest → introduced');
      expect(body).not.toContain('Mutual interest:');
    }

    // A week with no news: officials hear of no partnership, and a preview shows none either.
    await runWeek('2026-W12');
    for (const address of [official('suva'), official('iloilo'), SECRETARIAT])
      for (const mail of mailOf(address, 12)) expect(textOf(mail)).not.toMatch(/→|Mutual interest/);
  });

  it('fans a week out in one bulk add per page of recipients, each job keyed digest:{userId}:{isoWeek}', async () => {
    const queue = t.app.get(JobQueue);
    const bulk = jest.spyOn(queue, 'enqueueMany');
    const single = jest.spyOn(queue, 'enqueue');
    try {
      await runWeek('2026-W13');
      const users = (await t.http.get(api('/users?limit=50')).expect(200)).body.items as Array<{ id: string }>;
      expect(bulk).toHaveBeenCalledTimes(1);
      expect(bulk.mock.calls[0][0]).toEqual(
        expect.arrayContaining(
          users.map((user) => ({
            name: 'digests.send',
            payload: { userId: user.id, week: '2026-W13' },
            options: { coalesceKey: `digest:${user.id}:2026-W13` },
          })),
        ),
      );
      expect(bulk.mock.calls[0][0]).toHaveLength(users.length);
      expect(single.mock.calls.filter(([name]) => name === 'digests.send')).toEqual([]);
    } finally {
      bulk.mockRestore();
      single.mockRestore();
    }
  });

  it('shows the secretariat the partnerships that stalled, and where they stand', async () => {
    const clock = jest.spyOn(t.app.get(Clock), 'now');
    try {
      clock.mockReturnValue(new Date(Date.now() + 61 * 86_400_000));
      const [user] = (await t.http.get(api('/users?role=secretariat')).expect(200)).body.items;
      const preview = (await t.http.get(api(`/digests/preview?userId=${user.id}&week=2026-W20`)).expect(200)).body;
      const section = preview.sections.find((s: { key: string }) => s.key === 'stalled-and-dormant');
      expect(section.items).toEqual([
        {
          title: 'Iloilo (PH) ↔ Suva (FJ)',
          detail: expect.stringMatching(/^stalled at exploring since \d+ \w+ \d{4}$/),
          link: `${PUBLIC_URL}/partnerships/${partnershipId}`,
        },
      ]);
    } finally {
      clock.mockRestore();
    }
  });
});
