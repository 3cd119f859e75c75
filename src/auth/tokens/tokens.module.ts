import { Module } from '@nestjs/common';
import { MembersModule } from '../../members';
import { ApiTokenAuthenticator } from './api-token.authenticator';
import { TokensService } from './tokens.service';

/** API tokens: issuing, listing, revoking and verifying. Used by the API and by `npm run token:create`. */
@Module({
  imports: [MembersModule],
  providers: [TokensService, ApiTokenAuthenticator],
  exports: [TokensService, ApiTokenAuthenticator],
})
export class TokensModule {}
