import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { Doc } from '../http/doc.js';
import { PageQueryDto } from '../projects/list-projects.query.js';

/** `GET /me/notifications`: the caller's notifications, newest first, cursor pages. */
export class ListNotificationsQueryDto extends PageQueryDto {
  // A query string carries text: "true"/"false" become booleans, anything else stays text and is refused.
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: '$property must be true or false' })
  @Doc({
    vi: 'true: chỉ thông báo chưa đọc; false: chỉ thông báo đã đọc',
    en: 'true: unread ones only; false: read ones only',
    example: true,
  })
  unread?: boolean;
}
