/**
 * The web app's Content Security Policy, stricter than the API's: its own scripts and styles only
 * (no inline code), images from itself or data: URLs, API calls to its own origin, never framed.
 */
export const WEB_APP_CONTENT_SECURITY_POLICY = [
  `default-src 'self'`,
  `script-src 'self'`,
  `style-src 'self'`,
  `img-src 'self' data:`,
  `connect-src 'self'`,
  `font-src 'self'`,
  `object-src 'none'`,
  `base-uri 'self'`,
  `form-action 'self'`,
  `frame-ancestors 'none'`,
].join('; ');
