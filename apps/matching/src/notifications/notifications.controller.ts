import { Handles } from '@khoinghiep/api';
import { type AuthenticatedUser, CurrentUser } from '@khoinghiep/auth';
import {
  ListNotificationsQueryDto,
  type MarkedReadView,
  NotificationRoutes,
  type NotificationView,
  type Page,
  type UnreadCountView,
} from '@khoinghiep/contracts';
import { Controller, Param, Query } from '@nestjs/common';
import { toNotificationView } from './notification.mapper.js';
import { NotificationsService } from './notifications.service.js';

/** `/me/notifications`: the caller's own, whoever they are. */
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Handles(NotificationRoutes.listNotifications)
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ListNotificationsQueryDto,
  ): Promise<Page<NotificationView>> {
    const page = await this.notifications.list(user.id, query);
    return { items: page.items.map(toNotificationView), nextCursor: page.nextCursor };
  }

  @Handles(NotificationRoutes.countUnreadNotifications)
  async countUnread(@CurrentUser() user: AuthenticatedUser): Promise<UnreadCountView> {
    return { unread: await this.notifications.countUnread(user.id) };
  }

  @Handles(NotificationRoutes.markNotificationRead)
  async markRead(
    @CurrentUser() user: AuthenticatedUser,
    @Param('notificationId') notificationId: string,
  ): Promise<NotificationView> {
    return toNotificationView(await this.notifications.markRead(user.id, notificationId));
  }

  @Handles(NotificationRoutes.markAllNotificationsRead)
  async markAllRead(@CurrentUser() user: AuthenticatedUser): Promise<MarkedReadView> {
    return { marked: await this.notifications.markAllRead(user.id) };
  }
}
