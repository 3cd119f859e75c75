import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import { type MailMessage, type MailReceipt, MailTransport } from './mail-transport';
import { toNodemailer } from './nodemailer-options';

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
