import { bearerCredentials } from './bearer-credentials';

describe('bearerCredentials', () => {
  it('reads the credentials of a Bearer header, whatever the case of the scheme', () => {
    expect(bearerCredentials('Bearer cm_abc')).toBe('cm_abc');
    expect(bearerCredentials('bearer cm_abc ')).toBe('cm_abc');
  });

  it('tells an absent header (null) from a malformed one (empty)', () => {
    expect(bearerCredentials(undefined)).toBeNull();
    expect(bearerCredentials('Basic dXNlcjpwYXNz')).toBe('');
    expect(bearerCredentials('Bearer')).toBe('');
    expect(bearerCredentials('Bearer a b')).toBe('');
    expect(bearerCredentials(['Bearer a', 'Bearer b'])).toBe('');
  });
});
