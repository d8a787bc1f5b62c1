import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsString, IsUUID, Min, ValidateNested } from 'class-validator';
import { BilingualTextView } from '../funding/application.view.js';
import { Doc, Nullable } from '../http/doc.js';
import { NOTIFICATION_KINDS, type NotificationKind } from './notification-vocabulary.js';

// Views are documentation of what the API answers (OpenAPI schemas are generated from them), not input rules.

/** An in-app notification, in both languages (the portal shows the caller's). */
export class NotificationView {
  @IsUUID()
  @Doc({ vi: 'Mã thông báo', en: 'Notification id' })
  id!: string;

  @IsIn(NOTIFICATION_KINDS)
  @Doc({ vi: 'Loại thông báo', en: 'Kind of notification', example: 'interest_expressed' })
  kind!: NotificationKind;

  @ValidateNested()
  @Type(() => BilingualTextView)
  @Doc({ vi: 'Tiêu đề', en: 'Title' })
  title!: BilingualTextView;

  @ValidateNested()
  @Type(() => BilingualTextView)
  @Doc({ vi: 'Nội dung', en: 'Text' })
  text!: BilingualTextView;

  @IsString()
  @Doc({
    vi: 'Đường dẫn trong cổng thông tin tới điều được báo',
    en: 'Path in the portal to what it is about',
    example: '/matching/interests/0192f1a4-7c1e-7b9e-9a51-3c4d5e6f7a8b',
  })
  link!: string;

  @IsISO8601({ strict: true })
  createdAt!: string;

  @Nullable()
  @IsISO8601({ strict: true })
  @Doc({ vi: 'Lúc đánh dấu đã đọc; null: chưa đọc', en: 'When it was marked read; null: unread' })
  readAt!: string | null;
}

/** How many of the caller's notifications are unread. */
export class UnreadCountView {
  @IsInt()
  @Min(0)
  @Doc({ vi: 'Số thông báo chưa đọc', en: 'Unread notifications', example: 3 })
  unread!: number;
}

/** What "mark all read" changed. */
export class MarkedReadView {
  @IsInt()
  @Min(0)
  @Doc({ vi: 'Số thông báo vừa được đánh dấu đã đọc', en: 'Notifications just marked read', example: 3 })
  marked!: number;
}
