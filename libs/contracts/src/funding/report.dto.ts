import { IsOptional, IsUUID } from 'class-validator';
import { Doc } from '../http/doc.js';

/** Optional filter of the grant report. */
export class GrantReportQueryDto {
  @IsOptional()
  @IsUUID()
  @Doc({ vi: 'Chỉ các khoản tài trợ của đợt này', en: 'Only the grants of this call' })
  callId?: string;
}
