import type { TestApp } from './test-app';

/** The kinds of caller every route is tried with, and the vocabulary of the expected answers. */
export const CALLERS = ['anonymous', 'admin', 'secretariat', 'ownOfficial', 'otherOfficial'] as const;
export type Caller = (typeof CALLERS)[number];

/** A status, or `allowed`: any answer that is not a refusal (for dashboard routes with made-up ids). */
export type Expected = number | 'allowed';
export type Expectations = Record<Caller, Expected>;

export interface Context {
  t: TestApp;
  caller: Caller;
  /** How the caller proves who it is: an API token, or (people, not programs) a web session. */
  credential?: 'token' | 'session';
}
export interface RouteCase {
  request(context: Context): Promise<{ path: string; body?: unknown }>;
  /** Runs after an admitted call, to put the state back for the next caller. */
  restore?(context: Context): Promise<void>;
  expect: Expectations;
  /** Where a caller holding a web session gets another answer than one holding a token (its own user's routes). */
  session?: Partial<Expectations>;
  /** The call ends the caller's session (sign-out): the session run signs in again after it. */
  endsSession?: boolean;
}

export const OWN = 'matrix-own';
export const OTHER = 'matrix-other';
export const api = (path: string) => `/api/v1${path}`;

export const expectAll = (status: number): Expectations => ({
  anonymous: status,
  admin: status,
  secretariat: status,
  ownOfficial: status,
  otherOfficial: status,
});
export const staffOnly = (status: number): Expectations => ({
  anonymous: 401,
  admin: status,
  secretariat: status,
  ownOfficial: 403,
  otherOfficial: 403,
});
export const adminOnly = (status: number): Expectations => ({
  anonymous: 401,
  admin: status,
  secretariat: 403,
  ownOfficial: 403,
  otherOfficial: 403,
});
export const signedIn = (status: number): Expectations => ({
  anonymous: 401,
  admin: status,
  secretariat: status,
  ownOfficial: status,
  otherOfficial: status,
});
export const ownMember = (status: number): Expectations => ({
  anonymous: 401,
  admin: status,
  secretariat: status,
  ownOfficial: status,
  otherOfficial: 403,
});

export async function versionOf(t: TestApp, id: string): Promise<number> {
  return (await t.http.get(api(`/members/${id}`)).expect(200)).body.version;
}

export const at = (path: string) => async () => ({ path });
