import { Module } from '@nestjs/common';
import { UsersModule } from '../../users';
import { SessionsModule } from '../sessions/sessions.module';
import { FirstSignInLinks } from './first-sign-in-links';
import { SignInLinksRepository } from './sign-in-links.repository';
import { SignInService } from './sign-in.service';

/** Signing in by e-mail link. */
@Module({
  imports: [UsersModule, SessionsModule],
  providers: [SignInLinksRepository, SignInService, FirstSignInLinks],
  exports: [SignInService, FirstSignInLinks],
})
export class SignInModule {}
