import { startSmtpSink, type SmtpSink } from '../../test/support/smtp-sink';
import { SmtpMailTransport } from './smtp-mail-transport';

const message = (to: string) => ({ to, subject: `For ${to}`, html: '<p>Hello</p>', text: 'Hello' });

describe('SMTP on a thread of its own', () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(() => sink.close());

  it('sends through a new thread after the old one was closed, whose end fails nothing of the new one', async () => {
    const transport = new SmtpMailTransport(sink.url, 'CityMatch <digests@example.org>');
    await transport.send(message('first@example.org'));
    transport.close();
    // Handed to a new thread while the closed one is still ending.
    await expect(transport.send(message('second@example.org'))).resolves.toMatchObject({ messageId: expect.any(String) });
    expect(sink.to('second@example.org')).toHaveLength(1);
    transport.close();
  });
});
