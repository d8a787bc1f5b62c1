import { IsArray, IsISO8601, IsString, IsUUID, Matches } from 'class-validator';
import { Doc } from '../http/doc.js';
import { MONEY_PATTERN } from '../projects/project-vocabulary.js';

/** A grant: what an approval gave an application, with the rule versions applied. */
export class GrantView {
  @IsUUID()
  id!: string;

  @IsUUID()
  applicationId!: string;

  @IsUUID()
  decisionId!: string;

  @IsUUID()
  callId!: string;

  @IsUUID()
  projectId!: string;

  @IsUUID()
  @Doc({ vi: 'Người được tài trợ', en: 'Who the grant is paid to' })
  beneficiaryId!: string;

  @Matches(MONEY_PATTERN)
  @Doc({ vi: 'Số tiền được duyệt (đồng)', en: 'Amount approved (đồng)', example: '300000000' })
  amount!: string;

  @IsArray()
  @IsString({ each: true })
  @Doc({ vi: 'Phiên bản quy định đã áp dụng', en: 'Rule versions applied' })
  ruleVersionIds!: string[];

  @IsUUID()
  approvedBy!: string;

  @IsISO8601({ strict: true })
  approvedAt!: string;
}
