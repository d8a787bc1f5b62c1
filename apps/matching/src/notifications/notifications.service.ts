import { Clock } from '@khoinghiep/clock';
import { type ListNotificationsQueryDto, PAGE_SIZE, type Page } from '@khoinghiep/contracts';
import { CursorField, decodeCursor, encodeCursor, pageOf } from '@khoinghiep/http';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Notification } from './notification.entity.js';
import { NotificationNotFoundError } from './notification.errors.js';

const LIST_CURSOR = 'notifications';

/** A signed-in user's own notifications: read, counted and marked read. Nobody reads another's. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Newest first; `unread` keeps the unread ones only. */
  async list(recipientId: string, query: ListNotificationsQueryDto): Promise<Page<Notification>> {
    const limit = query.limit ?? PAGE_SIZE.default;
    const rows = this.dataSource
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where('n.recipientId = :recipientId', { recipientId })
      .orderBy('n.createdAt', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .limit(limit + 1);
    if (query.unread === true) rows.andWhere('n.readAt IS NULL');
    if (query.unread === false) rows.andWhere('n.readAt IS NOT NULL');
    if (query.cursor) {
      const [createdAt, id] = decodeCursor<[string, string]>(query.cursor, LIST_CURSOR, [
        CursorField.timestamp,
        CursorField.uuid,
      ]);
      rows.andWhere('(n.createdAt, n.id) < (:createdAt, :id)', { createdAt, id });
    }
    return pageOf(
      await rows.getMany(),
      limit,
      (row) => row,
      (row) => encodeCursor(LIST_CURSOR, [row.createdAt.toISOString(), row.id]),
    );
  }

  async countUnread(recipientId: string): Promise<number> {
    return this.dataSource
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where('n.recipientId = :recipientId AND n.readAt IS NULL', { recipientId })
      .getCount();
  }

  /** Marks it read; marking it again keeps the first time. */
  async markRead(recipientId: string, notificationId: string): Promise<Notification> {
    const notifications = this.dataSource.getRepository(Notification);
    const { affected } = await notifications
      .createQueryBuilder()
      .update()
      .set({ readAt: () => 'coalesce("read_at", :now)' })
      .setParameter('now', this.clock.now())
      .where('id = :notificationId AND recipient_id = :recipientId', { notificationId, recipientId })
      .execute();
    if (!affected) throw new NotificationNotFoundError(notificationId);
    return notifications.findOneByOrFail({ id: notificationId });
  }

  /** Marks every unread notification of the recipient read; answers how many. */
  async markAllRead(recipientId: string): Promise<number> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(Notification)
      .set({ readAt: this.clock.now() })
      .where('recipient_id = :recipientId AND read_at IS NULL', { recipientId })
      .execute();
    return result.affected ?? 0;
  }
}
