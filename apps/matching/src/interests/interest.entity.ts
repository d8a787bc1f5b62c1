import type { InterestStatus } from '@khoinghiep/contracts';
import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { INTEREST_CHECKS } from './interest-checks.js';

/**
 * An investor's interest in a published project, open until the founder accepts or declines it or the investor
 * withdraws it. The project's title and the investor's name are kept as they were when it was expressed, so lists
 * need no other table. Never holds contact data: contacts live on the introduction an acceptance makes.
 */
@Entity('interests')
@Check('CHK_interests_status', INTEREST_CHECKS.status)
@Check('CHK_interests_message', INTEREST_CHECKS.message)
@Check('CHK_interests_closed', INTEREST_CHECKS.closed)
@Check('CHK_interests_decline_reason', INTEREST_CHECKS.declineReason)
@Check('CHK_interests_introduction', INTEREST_CHECKS.introduction)
// One open interest per investor and project: a partial unique index (`WHERE status = 'open'`) made by the migration.
@Index('UQ_interests_open_pair', { synchronize: false })
@Index('IDX_interests_investor', ['investorId', 'expressedAt', 'id'])
@Index('IDX_interests_project_owner', ['projectOwnerId', 'expressedAt', 'id'])
export class Interest {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_interests' })
  id!: string;

  @Column({ type: 'uuid' })
  projectId!: string;

  /** The founder who answers it. */
  @Column({ type: 'uuid' })
  projectOwnerId!: string;

  @Column({ type: 'varchar', length: 200 })
  projectTitle!: string;

  @Column({ type: 'uuid' })
  investorId!: string;

  /** Display name, with the organisation when there is one. */
  @Column({ type: 'varchar', length: 503 })
  investorName!: string;

  @Column({ type: 'text' })
  message!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: InterestStatus;

  @Column({ type: 'text', nullable: true })
  declineReason!: string | null;

  /** Set on acceptance, with the introduction in the same transaction. */
  @Column({ type: 'uuid', nullable: true })
  introductionId!: string | null;

  @Column({ type: 'timestamptz' })
  expressedAt!: Date;

  /** When it stopped being open (accepted, declined or withdrawn). */
  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;
}
