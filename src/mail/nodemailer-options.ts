import type Mail from 'nodemailer/lib/mailer';
import type { MailMessage } from './mail-transport';

/** One message as nodemailer options: the same for SMTP (on its thread) and for .eml files. */
export function toNodemailer(from: string, message: MailMessage): Mail.Options {
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
