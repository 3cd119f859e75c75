// The notifications feature's public face: other features import only what is exported here.
export { NotificationsJobsModule, NotificationsModule } from './notifications.module';
export { NotificationsService } from './notifications.service';
export { NOTIFICATION_KINDS, type NewNotification, type Notification, type NotificationKind } from './notification.types';
