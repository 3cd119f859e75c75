import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

export interface SinkOptions {
  /** Answer 451 (try again later) to the first N messages. */
  refuseFirst?: number;
  /** Refuse these recipients for good (550). */
  rejectRecipients?: string[];
  /** Keep the parsed messages (tests) or only count them (benchmarks, memory flat). */
  keep?: boolean;
}

export interface SmtpSink {
  url: string;
  messages: ParsedMail[];
  /** Messages accepted so far. */
  accepted(): number;
  /** Messages refused so far (451 or 550). */
  refused(): number;
  /** Answer 451 to the next `count` messages. */
  refuseNext(count: number): void;
  /** Refuse this recipient for good from now on (550); null takes every such refusal back. */
  reject(address: string | null): void;
  /** The accepted messages to this address. */
  to(address: string): ParsedMail[];
  /** Resolves once `count` messages have been accepted (or fails after timeoutMs). */
  waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

/** A real SMTP server on a free loopback port; every accepted message is parsed with mailparser. */
export async function startSmtpSink(options: SinkOptions = {}): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  const rejected = new Set((options.rejectRecipients ?? []).map((address) => address.toLowerCase()));
  let toRefuse = options.refuseFirst ?? 0;
  let accepted = 0;
  let refused = 0;
  const keep = options.keep ?? true;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session: SMTPServerSession, callback) {
      if (rejected.has(address.address.toLowerCase())) {
        refused += 1;
        return callback(Object.assign(new Error(`5.1.1 <${address.address}>: recipient refused`), { responseCode: 550 }));
      }
      callback();
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (toRefuse > 0) {
          toRefuse -= 1;
          refused += 1;
          return callback(Object.assign(new Error('4.3.0 try again later'), { responseCode: 451 }));
        }
        if (!keep) {
          accepted += 1;
          return callback();
        }
        simpleParser(Buffer.concat(chunks))
          .then((parsed) => {
            messages.push(parsed);
            accepted += 1;
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as { port: number };
  const addressesOf = (mail: ParsedMail) =>
    [mail.to ?? []].flat().flatMap((entry) => entry.value.map((value) => value.address?.toLowerCase()));
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    accepted: () => accepted,
    refused: () => refused,
    refuseNext: (count) => {
      toRefuse += count;
    },
    reject: (address) => {
      if (address === null) rejected.clear();
      else rejected.add(address.toLowerCase());
    },
    to: (address) => messages.filter((mail) => addressesOf(mail).includes(address.toLowerCase())),
    async waitFor(count, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (accepted < count) {
        if (Date.now() > deadline) throw new Error(`SMTP sink: ${accepted} of ${count} messages after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return messages;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
