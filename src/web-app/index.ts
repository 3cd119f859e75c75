export { serveWebApp } from './serve-web-app';
export { WEB_APP_CONTENT_SECURITY_POLICY } from './content-security-policy';
