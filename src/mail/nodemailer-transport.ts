import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { type MailMessage, type MailReceipt, MailDeliveryError, MailTransport } from './mail-transport';

function toNodemailer(from: string, message: MailMessage): Mail.Options {
  return {
    from,
    to: message.to,
    subject: message.subject,
    html: message.html,
    text: message.text,
    // Said, not detected: nodemailer would otherwise scan each part, character by character, several
    // times per message to choose between this and base64 (our parts are mostly Latin template text).
    textEncoding: 'quoted-printable',
    headers: message.headers,
    messageId: message.messageId,
    list: listHeaders(message.list),
  };
}

function listHeaders(list: MailMessage['list']): Mail.Options['list'] {
  if (!list) return undefined;
  const headers: NonNullable<Mail.Options['list']> = {};
  if (list.unsubscribe) headers.unsubscribe = list.unsubscribe;
  if (list.id) headers.id = list.id;
  return headers;
}

/** SMTP through a pool of connections, so a week's digests do not open one connection each. */
export class SmtpMailTransport extends MailTransport {
  readonly kind = 'smtp';
  private readonly transporter;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    super();
    // Bounded waits: a stalled server must not hold a digest's claim past its lease.
    this.transporter = createTransport({
      url,
      pool: true,
      maxConnections: 4,
      maxMessages: 1000,
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
    });
  }

  async send(message: MailMessage): Promise<MailReceipt> {
    try {
      const info = await this.transporter.sendMail(toNodemailer(this.from, message));
      return { messageId: info.messageId, response: info.response };
    } catch (error) {
      const failure = error as Error & { responseCode?: number; response?: string; code?: string };
      // 5xx: the server refuses this message for good; anything else (4xx, a dropped connection) may pass later.
      const permanent = failure.responseCode !== undefined && failure.responseCode >= 500;
      throw new MailDeliveryError(failure.message, permanent, failure.response ?? null);
    }
  }

  async written(): Promise<Array<{ file: string; raw: string }>> {
    return [];
  }

  close(): void {
    this.transporter.close();
  }
}

/**
 * The embedded stack sends nothing: each message, built exactly as SMTP would carry it, is written as
 * an .eml file that any mail program opens; with no data directory (tests) it is kept in memory.
 */
export class FileMailTransport extends MailTransport {
  readonly kind = 'files';
  private readonly logger = new Logger('Mail');
  private readonly composer = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  private readonly inMemory: Array<{ file: string; raw: string }> = [];
  private sequence = 0;

  constructor(
    private readonly directory: string | null,
    private readonly from: string,
  ) {
    super();
  }

  async send(message: MailMessage): Promise<MailReceipt> {
    const info = await this.composer.sendMail(toNodemailer(this.from, message));
    const raw = (info.message as Buffer).toString('utf8');
    const file = `${new Date().toISOString().replace(/[:.]/g, '-')}-${String(++this.sequence).padStart(6, '0')}-${safe(message.to)}.eml`;
    if (this.directory === null) {
      this.inMemory.push({ file, raw });
      return { messageId: info.messageId, response: `kept in memory as ${file}` };
    }
    await mkdir(this.directory, { recursive: true });
    const path = join(this.directory, file);
    await writeFile(path, raw);
    this.logger.debug(`wrote ${path}`);
    return { messageId: info.messageId, response: `written to ${path}` };
  }

  async written(): Promise<Array<{ file: string; raw: string }>> {
    if (this.directory === null) return [...this.inMemory];
    const files = (await readdir(this.directory).catch(() => [] as string[])).filter((name) => name.endsWith('.eml')).sort();
    return Promise.all(files.map(async (file) => ({ file, raw: await readFile(join(this.directory!, file), 'utf8') })));
  }
}

function safe(address: string): string {
  return address
    .toLowerCase()
    .replace(/[^a-z0-9@.-]+/g, '_')
    .slice(0, 80);
}
