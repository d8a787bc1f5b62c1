import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A province or centrally-run city (reference data, seeded by a migration). */
@Entity('provinces')
export class Province {
  @PrimaryColumn({ type: 'varchar', length: 2, primaryKeyConstraintName: 'PK_provinces' })
  code!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 100 })
  nameEn!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: 'city' | 'province';

  /** Provinces merged into this one (free text, for older documents). */
  @Column({ type: 'text', array: true })
  formerly!: string[];

  @Column({ type: 'date' })
  effectiveFrom!: string;

  /** Legal text the row comes from. */
  @Column({ type: 'varchar', length: 200 })
  source!: string;
}
