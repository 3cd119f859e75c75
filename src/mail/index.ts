export { MailModule } from './mail.module';
export { MailTransport, MailDeliveryError, type MailMessage, type MailReceipt } from './mail-transport';
