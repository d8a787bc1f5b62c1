import {
  INVESTOR_KINDS,
  type InvestorKind,
  MATCHING_TEXT_LIMITS,
  PRIVATE_INVESTOR_KINDS,
  type PrivateInvestorKind,
} from '@khoinghiep/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { oneOf } from '../applications/application.entity.js';
import { CoinvestmentLead } from './coinvestment-lead.entity.js';

/** The longest name `CommitmentRecorded` carries: a display name, ` (`, an organisation, `)`. */
const INVESTOR_NAME_MAX = MATCHING_TEXT_LIMITS.displayName.max + MATCHING_TEXT_LIMITS.organisation.max + 3;

/**
 * One `matching.commitment.recorded` event counted in a lead, as it said it (append-only: the trail of what each
 * introduction committed). A lead counts, per introduction, only the commitment recorded last. A state fund never
 * counts (CHECK), and nothing is added to a closed lead (trigger of migration `1791000012000`).
 */
@Entity('coinvestment_lead_commitments')
@Check(
  'CHK_coinvestment_lead_commitments_investor_kind',
  oneOf(
    'investor_kind',
    INVESTOR_KINDS.filter((kind) => kind !== 'state_fund'),
  ),
)
@Check('CHK_coinvestment_lead_commitments_kind', oneOf('kind', PRIVATE_INVESTOR_KINDS))
@Check('CHK_coinvestment_lead_commitments_amount', '"amount" > 0')
@Check('CHK_coinvestment_lead_commitments_stage', `"stage" IN ('committed', 'invested')`)
@Check('CHK_coinvestment_lead_commitments_name', `btrim("investor_name") <> ''`)
@Index('IDX_coinvestment_lead_commitments_lead', ['leadId'])
@Index('IDX_coinvestment_lead_commitments_introduction', ['introductionId', 'recordedAt'])
export class LeadCommitment {
  /** Id of the event that announced it. */
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_coinvestment_lead_commitments' })
  eventId!: string;

  @Column({ type: 'uuid' })
  leadId!: string;

  @ManyToOne(() => CoinvestmentLead, { onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'lead_id', foreignKeyConstraintName: 'FK_coinvestment_lead_commitments_lead' })
  lead?: CoinvestmentLead;

  @Column({ type: 'uuid' })
  introductionId!: string;

  @Column({ type: 'uuid' })
  investorId!: string;

  @Column({ type: 'varchar', length: INVESTOR_NAME_MAX })
  investorName!: string;

  /** As matching's profile says. */
  @Column({ type: 'varchar', length: 32 })
  investorKind!: InvestorKind;

  /** Funding's kind of private investor (Decree 38/2018), mapped from `investorKind`. */
  @Column({ type: 'varchar', length: 32 })
  kind!: PrivateInvestorKind;

  @Column({ type: 'bigint' })
  amount!: string;

  @Column({ type: 'varchar', length: 16 })
  stage!: 'committed' | 'invested';

  /** When matching recorded it. */
  @Column({ type: 'timestamptz' })
  recordedAt!: Date;

  /** When funding counted it. */
  @Column({ type: 'timestamptz' })
  receivedAt!: Date;
}
