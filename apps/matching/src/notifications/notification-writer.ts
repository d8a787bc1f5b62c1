import { Clock, IdGenerator } from '@khoinghiep/clock';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Notification } from './notification.entity.js';
import type { NotificationDraft } from './notification-texts.js';

/**
 * Stores notifications in the caller's transaction (an event handler's, with its inbox row). A recipient already
 * notified of a subject is skipped by the unique index, so a fact delivered twice (a replay, a republished project,
 * the same fact in a new event) never notifies twice. Answers how many were new.
 */
@Injectable()
export class NotificationWriter {
  constructor(
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async write(
    manager: EntityManager,
    sourceEventId: string,
    drafts: readonly NotificationDraft[],
  ): Promise<number> {
    if (drafts.length === 0) return 0;
    const createdAt = this.clock.now();
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values(
        drafts.map((draft) => ({
          id: this.ids.next(),
          recipientId: draft.recipientId,
          kind: draft.kind,
          subject: draft.subject,
          titleVi: draft.title.vi,
          titleEn: draft.title.en,
          textVi: draft.text.vi,
          textEn: draft.text.en,
          link: draft.link,
          sourceEventId,
          createdAt,
          readAt: null,
        })),
      )
      .orIgnore()
      .returning(['id'])
      .execute();
    return result.raw.length;
  }
}
