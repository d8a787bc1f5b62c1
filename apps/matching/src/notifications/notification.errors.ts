import { DomainError } from '@khoinghiep/http';

/** No such notification among the caller's own: `404` (another user's looks the same as none). */
export class NotificationNotFoundError extends DomainError {
  constructor(notificationId: string) {
    super({
      code: 'NOTIFICATION_NOT_FOUND',
      status: 404,
      params: { notificationId },
      extensions: { notificationId },
      messages: {
        title: { vi: 'Không tìm thấy thông báo', en: 'Notification not found' },
        detail: {
          vi: 'Bạn không có thông báo {notificationId}.',
          en: 'You have no notification {notificationId}.',
        },
      },
    });
  }
}
