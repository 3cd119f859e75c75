/** The credentials of an `Authorization: Bearer …` header; null when absent, '' when malformed. */
export function bearerCredentials(authorization: string | string[] | undefined): string | null {
  if (authorization === undefined) return null;
  if (Array.isArray(authorization)) return '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  return match ? match[1] : '';
}
