import type { MailMessage } from '../../mail';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The sign-in message: one link, how long it lasts, and what to do if it was not you. */
export function signInMessage(to: { email: string; name: string }, url: string, validMinutes: number): MailMessage {
  const text = [
    `Hello ${to.name},`,
    '',
    'Sign in to CityMatch with this link:',
    url,
    '',
    `It works once, within ${validMinutes} minutes. If you did not ask for it, ignore this message: nothing happens without the link.`,
  ].join('\n');
  const html = `<!doctype html><html><body style="font-family:Arial,sans-serif;color:#1f2933">
<p>Hello ${escape(to.name)},</p>
<p><a href="${escape(url)}" style="display:inline-block;padding:10px 16px;background:#0b5cad;color:#fff;text-decoration:none;border-radius:4px">Sign in to CityMatch</a></p>
<p>Or open this address: <br><a href="${escape(url)}">${escape(url)}</a></p>
<p>It works once, within ${validMinutes} minutes. If you did not ask for it, ignore this message: nothing happens without the link.</p>
</body></html>`;
  return { to: to.email, subject: 'Your CityMatch sign-in link', text, html };
}
