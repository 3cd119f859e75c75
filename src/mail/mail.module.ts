import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config';
import { MailTransport } from './mail-transport';
import { FileMailTransport } from './file-mail-transport';
import { SmtpMailTransport } from './smtp-mail-transport';

@Injectable()
class MailShutdown implements OnApplicationShutdown {
  constructor(@Inject(MailTransport) private readonly transport: MailTransport) {}

  onApplicationShutdown(): void {
    if (this.transport instanceof SmtpMailTransport) this.transport.close();
  }
}

/** The one mail transport, chosen by configuration: SMTP_URL, or .eml files under DATA_DIR/mail. */
@Global()
@Module({
  providers: [
    {
      provide: MailTransport,
      inject: [APP_CONFIG],
      useFactory: ({ mail }: AppConfig) =>
        mail.smtpUrl ? new SmtpMailTransport(mail.smtpUrl, mail.from) : new FileMailTransport(mail.directory, mail.from),
    },
    MailShutdown,
  ],
  exports: [MailTransport],
})
export class MailModule {}
