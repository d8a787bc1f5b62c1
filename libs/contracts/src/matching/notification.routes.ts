import { BAD_CURSOR } from '../http/common-problems.js';
import { defineRoutes, type PathParam } from '../http/define-route.js';
import { ListNotificationsQueryDto } from './notification.query.js';
import { MarkedReadView, NotificationView, UnreadCountView } from './notification.view.js';

const ID = {
  notificationId: { format: 'uuid', doc: { vi: 'Mã thông báo', en: 'Notification id' } },
} as const satisfies Record<string, PathParam>;

/** The caller's in-app notifications, founders and investors alike (ADR 0029). */
export const NotificationRoutes = defineRoutes(
  { service: 'matching', tag: 'notifications' },
  {
    listNotifications: {
      method: 'GET',
      path: '/me/notifications',
      query: ListNotificationsQueryDto,
      response: {
        status: 200,
        view: { page: NotificationView },
        doc: { vi: 'Một trang thông báo, mới nhất trước', en: 'A page of notifications, newest first' },
      },
      access: 'signed-in',
      problems: [BAD_CURSOR],
      summary: { vi: 'Thông báo của tôi', en: 'My notifications' },
      description: {
        vi: 'unread=true: chỉ thông báo chưa đọc. Không bao giờ chứa thông tin liên hệ.',
        en: 'unread=true: unread ones only. Never carries contact details.',
      },
    },
    countUnreadNotifications: {
      method: 'GET',
      path: '/me/notifications/unread-count',
      response: {
        status: 200,
        view: { one: UnreadCountView },
        doc: { vi: 'Số thông báo chưa đọc', en: 'The number of unread notifications' },
      },
      access: 'signed-in',
      problems: [],
      summary: { vi: 'Đếm thông báo chưa đọc', en: 'Count my unread notifications' },
    },
    markNotificationRead: {
      method: 'POST',
      path: '/me/notifications/:notificationId/read',
      params: ID,
      response: {
        status: 200,
        view: { one: NotificationView },
        doc: { vi: 'Thông báo, đã đọc', en: 'The notification, read' },
      },
      access: 'signed-in',
      problems: [
        {
          status: 404,
          codes: ['NOTIFICATION_NOT_FOUND'],
          vi: 'Không có, hoặc không phải của bạn',
          en: 'Does not exist, or is not yours',
        },
      ],
      summary: { vi: 'Đánh dấu một thông báo đã đọc', en: 'Mark a notification read' },
      description: {
        vi: 'Đọc lại lần nữa giữ nguyên thời điểm đọc đầu tiên.',
        en: 'Marking it again keeps the first time it was read.',
      },
    },
    markAllNotificationsRead: {
      method: 'POST',
      path: '/me/notifications/read-all',
      response: {
        status: 200,
        view: { one: MarkedReadView },
        doc: { vi: 'Số thông báo vừa đánh dấu', en: 'How many were marked' },
      },
      access: 'signed-in',
      problems: [],
      summary: { vi: 'Đánh dấu mọi thông báo đã đọc', en: 'Mark all my notifications read' },
    },
  },
);
