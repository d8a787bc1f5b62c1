import type { NotificationView } from '@khoinghiep/contracts';
import type { Notification } from './notification.entity.js';

export function toNotificationView(row: Notification): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    title: { vi: row.titleVi, en: row.titleEn },
    text: { vi: row.textVi, en: row.textEn },
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}
