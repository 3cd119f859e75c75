import { Worker } from 'node:worker_threads';
import { workerEntry } from '@citymatch/matching/worker-entry';
import { type MailMessage, type MailReceipt, MailDeliveryError, MailTransport } from './mail-transport';
import type { SmtpReply, SmtpRequest, SmtpThreadData } from './smtp.thread';

interface Pending {
  /** The thread the message went to: only its own end fails the message. */
  thread: Worker;
  resolve(receipt: MailReceipt): void;
  reject(error: MailDeliveryError): void;
}

/**
 * SMTP through nodemailer's pool of connections, on a thread of its own: building, encoding and
 * writing each message is about a quarter of a digest's cost, and this way it runs beside the jobs
 * (assembly, SQL, the queue) instead of between them. A thread that dies fails what it held (those
 * sends are retried) and is started again on the next message.
 */
export class SmtpMailTransport extends MailTransport {
  readonly kind = 'smtp';
  private thread?: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  constructor(
    private readonly url: string,
    private readonly from: string,
  ) {
    super();
  }

  send(message: MailMessage): Promise<MailReceipt> {
    const id = ++this.nextId;
    const thread = this.started();
    return new Promise<MailReceipt>((resolve, reject) => {
      this.pending.set(id, { thread, resolve, reject });
      thread.postMessage({ id, message } satisfies SmtpRequest);
    });
  }

  async written(): Promise<Array<{ file: string; raw: string }>> {
    return [];
  }

  close(): void {
    this.thread?.postMessage({ close: true } satisfies SmtpRequest);
    this.thread = undefined;
  }

  private started(): Worker {
    if (this.thread) return this.thread;
    const { file, execArgv } = workerEntry(__filename, 'smtp.thread');
    const thread = new Worker(file, { execArgv, workerData: { url: this.url, from: this.from } satisfies SmtpThreadData });
    thread.unref();
    thread.on('message', (reply: SmtpReply) => this.settle(reply));
    const lost = (reason: string) => {
      if (this.thread === thread) this.thread = undefined;
      for (const [id, waiting] of this.pending) {
        if (waiting.thread !== thread) continue;
        this.pending.delete(id);
        waiting.reject(new MailDeliveryError(`the SMTP thread stopped: ${reason}`, false, null));
      }
    };
    thread.on('error', (error) => lost(error.message));
    thread.on('exit', (code) => lost(`exit code ${code}`));
    return (this.thread = thread);
  }

  private settle(reply: SmtpReply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (!('error' in reply)) return waiting.resolve({ messageId: reply.messageId, response: reply.response });
    const { message, responseCode, response } = reply.error;
    // 5xx: the server refuses this message for good; anything else (4xx, a dropped connection) may pass later.
    const permanent = responseCode !== undefined && responseCode >= 500;
    waiting.reject(new MailDeliveryError(message, permanent, response ?? null));
  }
}
