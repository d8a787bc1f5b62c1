import { Module } from '@nestjs/common';
import { FundingNotifications } from './funding-notifications.handler.js';
import { InterestNotifications } from './interest-notifications.handler.js';
import { NotificationWriter } from './notification-writer.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';

/** In-app notifications: made from events, read by their recipient at `/me/notifications` (ADR 0029). */
@Module({
  controllers: [NotificationsController, InterestNotifications, FundingNotifications],
  providers: [NotificationsService, NotificationWriter],
  exports: [NotificationWriter],
})
export class NotificationsModule {}
