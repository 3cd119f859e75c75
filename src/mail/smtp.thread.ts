import { parentPort, workerData } from 'node:worker_threads';
import { createTransport } from 'nodemailer';
import type { MailMessage } from './mail-transport';
import { toNodemailer } from './nodemailer-options';

export interface SmtpThreadData {
  url: string;
  from: string;
}
export type SmtpRequest = { id: number; message: MailMessage } | { close: true };
export type SmtpReply =
  | { id: number; messageId: string; response: string }
  | { id: number; error: { message: string; responseCode?: number; response?: string } };

const { url, from } = workerData as SmtpThreadData;
// Pooled, and with bounded waits: a stalled server must not hold a digest's claim past its lease.
const transporter = createTransport({
  url,
  pool: true,
  maxConnections: 4,
  maxMessages: 1000,
  connectionTimeout: 30_000,
  greetingTimeout: 30_000,
  socketTimeout: 60_000,
});

parentPort!.on('message', (request: SmtpRequest) => {
  if ('close' in request) {
    transporter.close();
    parentPort!.close();
    return;
  }
  transporter.sendMail(toNodemailer(from, request.message)).then(
    (info) => parentPort!.postMessage({ id: request.id, messageId: info.messageId, response: info.response } satisfies SmtpReply),
    (error: Error & { responseCode?: number; response?: string }) =>
      parentPort!.postMessage({
        id: request.id,
        error: { message: error.message, responseCode: error.responseCode, response: error.response },
      } satisfies SmtpReply),
  );
});
