import { IsOptional } from 'class-validator';
import { Doc } from '../http/doc.js';
import { Money, TextOfLength } from '../projects/field-rules.js';

/** Set a fund approver's approval limit: the most one decision of theirs may approve. A change is a new record. */
export class SetApprovalLimitDto {
  @Money()
  @Doc({
    vi: 'Hạn mức phê duyệt mỗi quyết định (đồng); 0: không được phê duyệt',
    en: 'Most one decision may approve (đồng); 0: may not approve',
    example: '2000000000',
  })
  limit!: string;

  @IsOptional()
  @TextOfLength({ min: 3, max: 1000 })
  @Doc({ vi: 'Căn cứ (quyết định uỷ quyền…)', en: 'Basis (delegation decision…)', example: 'QĐ 12/QĐ-UBND' })
  reason?: string;
}
