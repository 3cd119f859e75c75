/** One message as CityMatch sends it: both parts, and the list headers of a mailing. */
export interface MailMessage {
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
  /** A stable Message-ID (without one, a fresh one is made). */
  messageId?: string;
  /** List-* headers (RFC 2369); `unsubscribe` becomes List-Unsubscribe. */
  list?: { unsubscribe?: string; id?: string };
}

export interface MailReceipt {
  messageId: string;
  /** The SMTP server's answer, or where the message was written. */
  response: string;
}

/** Where mail goes: an SMTP server (SMTP_URL), or .eml files under DATA_DIR/mail (the embedded default). */
export abstract class MailTransport {
  abstract readonly kind: 'smtp' | 'files';
  abstract send(message: MailMessage): Promise<MailReceipt>;
  /** The messages written so far, newest last (file transport only; empty for SMTP). */
  abstract written(): Promise<Array<{ file: string; raw: string }>>;
}

/** Why an SMTP attempt failed, and whether trying again can help (4xx and connection trouble can). */
export class MailDeliveryError extends Error {
  override readonly name = 'MailDeliveryError';
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly response: string | null,
  ) {
    super(message);
  }
}
