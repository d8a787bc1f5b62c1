import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Tranche } from './tranche.entity.js';

export const TRANCHE_ACTIONS = ['requested', 'approved', 'rejected', 'paid'] as const;
export type TrancheAction = (typeof TRANCHE_ACTIONS)[number];

/** One step of a tranche: who, with which roles and key, when, and what. Append-only (trigger). */
@Entity('tranche_history')
@Check('CHK_tranche_history_action', `"action" IN ('requested', 'approved', 'rejected', 'paid')`)
@Index('IDX_tranche_history_grant', ['grantId', 'occurredAt', 'id'])
export class TrancheHistoryEntry {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_tranche_history' })
  id!: string;

  @Column({ type: 'uuid' })
  trancheId!: string;

  @ManyToOne(() => Tranche, { onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'tranche_id', foreignKeyConstraintName: 'FK_tranche_history_tranche' })
  tranche?: Tranche;

  @Column({ type: 'uuid' })
  grantId!: string;

  @Column({ type: 'varchar', length: 16 })
  action!: TrancheAction;

  @Column({ type: 'uuid' })
  actorId!: string;

  @Column({ type: 'varchar', length: 32, array: true })
  actorRoles!: string[];

  @Column({ type: 'varchar', length: 128, nullable: true })
  idempotencyKey!: string | null;

  @Column({ type: 'jsonb' })
  details!: { [key: string]: string | number | null };

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;
}
