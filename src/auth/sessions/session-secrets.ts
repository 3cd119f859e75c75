import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits, base64url: for session cookies, CSRF tokens and sign-in links alike. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** A fast hash is enough: the secrets have 256 bits of entropy, so there is nothing to brute-force. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
