import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { SignInService } from '../../src/auth/sign-in/sign-in.service';
import { UsersService } from '../../src/users';
import type { TestApp } from './test-app';

export interface SignedIn {
  /** An agent holding the session cookies, sending X-CSRF-Token on every call. */
  agent: TestAgent;
  csrf: string;
  sessionId: string;
  userId: string;
  /** The Cookie header a browser would send (session and CSRF cookies), for calls outside the agent. */
  cookie: string;
}

/** The cookie of this name among a response's Set-Cookie headers. */
export function cookieOf(setCookie: string[] | string | undefined, name: string): string | undefined {
  return [setCookie ?? []].flat().find((cookie) => cookie.startsWith(`${name}=`));
}

export async function appUrl(t: TestApp): Promise<string> {
  return (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
}

/** Signs this user in the way a browser does: a link's token posted to /auth/sessions. */
export async function signIn(t: TestApp, email: string): Promise<SignedIn> {
  const user = await t.app.get(UsersService).findByEmail(email);
  if (!user) throw new Error(`no user ${email}`);
  const link = await t.app.get(SignInService).issueLink(user, null);
  const token = new URL(link).searchParams.get('token');
  const agent = request.agent(await appUrl(t));
  const response = await agent.post('/api/v1/auth/sessions').send({ token }).expect(201);
  const csrf = /cm_csrf=([^;]+)/.exec(cookieOf(response.headers['set-cookie'], 'cm_csrf') ?? '')?.[1];
  if (!csrf) throw new Error('no cm_csrf cookie');
  agent.set('X-CSRF-Token', csrf);
  const [session] = await t.dataSource.query('SELECT id FROM sessions WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1', [user.id]);
  const cookie = ['cm_session', 'cm_csrf'].map((name) => cookieOf(response.headers['set-cookie'], name)!.split(';')[0]).join('; ');
  return { agent, csrf, sessionId: session.id, userId: user.id, cookie };
}
