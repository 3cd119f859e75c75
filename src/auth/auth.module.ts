import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { UsersModule } from '../users';
import { AuditController } from './audit/audit.controller';
import { AuditLogService } from './audit/audit-log.service';
import { AuthenticationGuard } from './authentication/authentication.guard';
import { AUTHENTICATORS } from './authentication/authenticator';
import { AuthorizationGuard } from './policies/authorization.guard';
import { RateLimitGuard } from './rate-limit/rate-limit.guard';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { FirstAdminToken } from './tokens/first-admin-token';
import { TokensController } from './tokens/tokens.controller';
import { TokensModule } from './tokens/tokens.module';
import { ApiTokenAuthenticator } from './tokens/api-token.authenticator';
import { SessionsController } from './sessions/sessions.controller';
import { SessionsModule } from './sessions/sessions.module';
import { SignInController } from './sign-in/sign-in.controller';
import { SignInModule } from './sign-in/sign-in.module';

/**
 * Who may do what. Every request passes three global guards, in this order: authentication (who
 * is calling: a bearer token or a session cookie), rate limiting (per token, or per address without one), authorization (the route's
 * declared policy; none declared means closed). Write routes are @Audited().
 */
@Module({
  imports: [TokensModule, RateLimitModule, SessionsModule, SignInModule, UsersModule],
  controllers: [TokensController, AuditController, SessionsController, SignInController],
  providers: [
    { provide: AUTHENTICATORS, inject: [ApiTokenAuthenticator], useFactory: (apiTokens: ApiTokenAuthenticator) => [apiTokens] },
    FirstAdminToken,
    AuditLogService,
    { provide: APP_GUARD, useClass: AuthenticationGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
    { provide: APP_GUARD, useClass: AuthorizationGuard },
  ],
  exports: [TokensModule, SessionsModule, SignInModule, AuditLogService],
})
export class AuthModule {}
