import { Injectable } from '@nestjs/common';
import type { AuthenticationResult, Authenticator } from '../authentication/authenticator';
import { TOKEN_PREFIX, looksLikeTokenSecret } from './token-secret';
import { TokensService } from './tokens.service';

/** CityMatch's own bearer tokens (cm_…). */
@Injectable()
export class ApiTokenAuthenticator implements Authenticator {
  constructor(private readonly tokens: TokensService) {}

  recognises(credentials: string): boolean {
    return credentials.startsWith(TOKEN_PREFIX);
  }

  async authenticate(credentials: string): Promise<AuthenticationResult> {
    if (!looksLikeTokenSecret(credentials)) return { problem: 'malformed' };
    return this.tokens.verify(credentials);
  }
}
