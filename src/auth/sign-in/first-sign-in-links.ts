import { Injectable } from '@nestjs/common';
import { DEMO_SECRETARIAT, DemoUsersService, UsersService } from '../../users';
import { SignInService } from './sign-in.service';

/**
 * On the embedded stack's first start, beside the admin token: a sign-in link for a demo secretariat
 * user and one for a demo official, so a newcomer can open the web app at once.
 */
@Injectable()
export class FirstSignInLinks {
  constructor(
    private readonly signIn: SignInService,
    private readonly users: UsersService,
    private readonly demoUsers: DemoUsersService,
  ) {}

  async print(): Promise<void> {
    const lines = ['', 'CityMatch: sign in to the web app with these links (each works once, within 15 minutes):'];
    const official = await this.demoUsers.firstDemoOfficial();
    for (const email of [DEMO_SECRETARIAT[0].email, official]) {
      const user = email ? await this.users.findByEmail(email) : null;
      if (!user) continue;
      lines.push(`  ${user.name} (${user.role}, ${user.email}):`, `    ${await this.signIn.issueLink(user, null)}`);
    }
    lines.push('  A new link: POST /api/v1/auth/sign-in-links {"email": "…"}; the message lands in DATA_DIR/mail.', '');
    if (lines.length > 4) process.stdout.write(lines.join('\n') + '\n');
  }
}
