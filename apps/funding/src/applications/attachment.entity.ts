import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Application } from './application.entity.js';

/** Metadata of a document attached to an application; the file itself lives in document storage. */
@Entity('application_attachments')
@Check('CHK_application_attachments_size', '"size_bytes" > 0')
@Check('CHK_application_attachments_sha256', '"sha256" ~ \'^[0-9a-f]{64}$\'')
@Check('CHK_application_attachments_position', '"position" >= 0')
export class Attachment {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_application_attachments' })
  applicationId!: string;

  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'PK_application_attachments' })
  position!: number;

  @ManyToOne(() => Application, { onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'FK_application_attachments_application' })
  application?: Application;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ type: 'varchar', length: 127 })
  mediaType!: string;

  @Column({ type: 'bigint' })
  sizeBytes!: string;

  @Column({ type: 'char', length: 64 })
  sha256!: string;
}
