import { createHash, randomBytes } from 'node:crypto';

/** Every CityMatch API token starts with this, so it is recognisable (and findable by secret scanners). */
export const TOKEN_PREFIX = 'cm_';

/** 256 random bits, base64url: 43 characters after the prefix. */
const SECRET_SHAPE = /^cm_[A-Za-z0-9_-]{43}$/;

export function generateTokenSecret(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export function looksLikeTokenSecret(credentials: string): boolean {
  return SECRET_SHAPE.test(credentials);
}

/** A fast hash is enough: the secret has 256 bits of entropy, so there is nothing to brute-force. */
export function hashTokenSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function tokenHint(secret: string): string {
  return secret.slice(0, TOKEN_PREFIX.length + 6);
}
