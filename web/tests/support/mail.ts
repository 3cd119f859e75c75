import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Quoted-printable soft line breaks and escapes, as mail files carry long links. */
const decodeQuotedPrintable = (raw: string) =>
  raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** The messages CityMatch wrote to an address (DATA_DIR/mail when no SMTP server is set), oldest first. */
export function mailTo(dataDir: string, email: string): string[] {
  const directory = join(dataDir, 'mail');
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .filter((name) => name.endsWith('.eml'))
    .sort()
    .map((name) => decodeQuotedPrintable(readFileSync(join(directory, name), 'utf8')))
    .filter((message) => new RegExp(`^To: .*${email.replace(/[.+]/g, '\\$&')}`, 'mi').test(message));
}

/** The first link in a message whose path is `path` (e.g. /sign-in), with its query. */
export function linkIn(message: string, path: string): string | undefined {
  return new RegExp(`https?://[^\\s"<>]+${path}\\?token=[A-Za-z0-9_-]+`).exec(message)?.[0];
}
