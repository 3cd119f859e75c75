import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config';
import { TokensService } from './tokens.service';

/**
 * The embedded stack's first start makes one admin token, so a newcomer can use the API at once.
 * The entry prints it once start-up logging is done (print); on later starts a token exists and
 * nothing is made or printed.
 */
@Injectable()
export class FirstAdminToken implements OnApplicationBootstrap {
  private readonly logger = new Logger(FirstAdminToken.name);
  /** Whether this start created it: the first start, when the demo sign-in links are printed too. */
  createdThisStart = false;
  /** Kept in memory only until printed. */
  private secret?: string;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: TokensService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.firstAdminToken || (await this.tokens.count()) > 0) return;
    const token = await this.tokens.create({ label: 'first admin token (embedded start)', role: 'admin' }, null);
    this.createdThisStart = true;
    this.secret = token.secret;
    this.logger.warn(`created the first admin token ${token.id}; its secret is printed once, below, when start-up is done`);
  }

  /** Prints the secret made this start, once, after the start-up log lines so it is not lost among them. */
  print(): void {
    if (!this.secret) return;
    process.stdout.write(
      [
        '',
        'CityMatch: your admin token (shown once; keep it, or create another with npm run token:create):',
        `  ${this.secret}`,
        `  curl -H "Authorization: Bearer ${this.secret}" 'http://localhost:${this.config.http.port}/api/v1/members?limit=3'`,
        '',
      ].join('\n') + '\n',
    );
    this.secret = undefined;
  }
}
