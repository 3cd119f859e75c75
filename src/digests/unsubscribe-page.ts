const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title}</title></head><body style="font-family:Arial,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1f2933">
<h1 style="font-size:1.4rem">${title}</h1>${body}</body></html>`;
}

/** Opening the link only asks (mail scanners follow links); the button posts, as RFC 8058 clients do. */
export function confirmPage(token: string): string {
  return page(
    'Unsubscribe from the CityMatch weekly digest?',
    `<form method="post" action="?token=${encodeURIComponent(token)}"><input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit" style="padding:.6rem 1rem;font-size:1rem">Unsubscribe</button></form>`,
  );
}

export function unsubscribedPage(): string {
  return page(
    'You are unsubscribed',
    '<p>You will get no more weekly digests from CityMatch. To receive them again, turn them back on in your digest settings.</p>',
  );
}

export function badLinkPage(): string {
  return page(
    'This unsubscribe link is not valid',
    `<p>${escape('Open the link from the latest digest, or change your digest settings after signing in.')}</p>`,
  );
}
