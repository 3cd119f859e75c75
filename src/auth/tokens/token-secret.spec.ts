import { generateTokenSecret, hashTokenSecret, looksLikeTokenSecret, tokenHint } from './token-secret';

describe('token secrets', () => {
  it('carry 256 random bits after a recognisable prefix', () => {
    const secrets = new Set(Array.from({ length: 100 }, generateTokenSecret));
    expect(secrets.size).toBe(100);
    for (const secret of secrets) {
      expect(looksLikeTokenSecret(secret)).toBe(true);
      expect(Buffer.from(secret.slice(3), 'base64url')).toHaveLength(32);
    }
  });

  it('are stored as a SHA-256 hash that does not contain them', () => {
    const secret = generateTokenSecret();
    const hash = hashTokenSecret(secret);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(secret.slice(3, 13));
    expect(hashTokenSecret(secret)).toBe(hash);
  });

  it('are shown as a short hint only', () => {
    const secret = generateTokenSecret();
    expect(secret.startsWith(tokenHint(secret))).toBe(true);
    expect(tokenHint(secret)).toHaveLength(9);
  });

  it('reject what is not shaped like one', () => {
    expect(looksLikeTokenSecret('cm_short')).toBe(false);
    expect(looksLikeTokenSecret(`xx_${'a'.repeat(43)}`)).toBe(false);
  });
});
