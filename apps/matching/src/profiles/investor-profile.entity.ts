import {
  INVESTOR_CONTACT_FIELDS,
  INVESTOR_KINDS,
  type InvestorContactField,
  type InvestorKind,
  PROJECT_SECTORS,
  PROJECT_STAGES,
  PROVINCE_CODES,
  type ProjectSector,
  type ProjectStage,
  TARGET_GROUPS,
  type TargetGroup,
} from '@khoinghiep/contracts';
import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { allOf, INVESTOR_PROFILE_CHECKS, oneOf } from '../sql-checks.js';

/** Contact details of an investor; only the fields named in `sharedContactFields` travel in an introduction. */
export interface InvestorContact {
  email?: string;
  phone?: string;
  website?: string;
  address?: string;
}

/**
 * An investor's profile: one per investor account (`investorId` is the account id). It is the investor's side of
 * every match; `published = false` takes the profile out of matching and of the public cards.
 * `revision` comes from a sequence and rises with every change, so a cache of profiles catches up by reading the
 * rows above the highest revision it holds.
 *
 * Indexes the entity cannot describe (search, the partial index of the public cards) are created by migration
 * InvestorProfileCards1792000001000 and marked `synchronize: false` here so the schema check leaves them alone.
 */
@Entity('investor_profiles')
@Check('CHK_investor_profiles_kind', oneOf('kind', INVESTOR_KINDS))
@Check('CHK_investor_profiles_sectors', allOf('sectors', PROJECT_SECTORS))
@Check('CHK_investor_profiles_excluded_sectors', allOf('excluded_sectors', PROJECT_SECTORS))
@Check('CHK_investor_profiles_stages', allOf('stages', PROJECT_STAGES))
@Check('CHK_investor_profiles_ticket', INVESTOR_PROFILE_CHECKS.ticket)
@Check('CHK_investor_profiles_shared_contact', allOf('shared_contact_fields', INVESTOR_CONTACT_FIELDS))
@Check('CHK_investor_profiles_version', INVESTOR_PROFILE_CHECKS.version)
@Check('CHK_investor_profiles_province_codes', allOf('province_codes', PROVINCE_CODES))
@Check('CHK_investor_profiles_target_groups', allOf('target_groups', TARGET_GROUPS))
@Check('CHK_investor_profiles_sectors_not_excluded', INVESTOR_PROFILE_CHECKS.sectorsNotExcluded)
@Check('CHK_investor_profiles_provinces_only', INVESTOR_PROFILE_CHECKS.provincesOnlyNamed)
@Check('CHK_investor_profiles_shared_contact_filled', INVESTOR_PROFILE_CHECKS.sharedContactFilled)
@Index('IDX_investor_profiles_revision', ['revision'], { unique: true })
@Index('IDX_investor_profiles_search_document', { synchronize: false })
@Index('IDX_investor_profiles_name_trigram', { synchronize: false })
@Index('IDX_investor_profiles_cards', { synchronize: false })
export class InvestorProfile {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_investor_profiles' })
  investorId!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: InvestorKind;

  @Column({ type: 'varchar', length: 200 })
  displayName!: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  organisation!: string | null;

  /** Sectors the investor looks for (scored); empty: any. */
  @Column({ type: 'varchar', length: 32, array: true })
  sectors!: ProjectSector[];

  /** Sectors the investor never wants (hard filter). */
  @Column({ type: 'varchar', length: 32, array: true })
  excludedSectors!: ProjectSector[];

  /** Stages the investor looks for (scored); empty: any. */
  @Column({ type: 'varchar', length: 32, array: true })
  stages!: ProjectStage[];

  /** Whole đồng; a project's ask must fall inside [min, max] (hard filter). */
  @Column({ type: 'bigint' })
  ticketMin!: string;

  @Column({ type: 'bigint' })
  ticketMax!: string;

  /** Provinces the investor prefers; empty: nationwide. */
  @Column({ type: 'varchar', length: 2, array: true })
  provinceCodes!: string[];

  /** True when only projects in `provinceCodes` may match (hard filter). */
  @Column({ type: 'boolean' })
  provincesOnly!: boolean;

  @Column({ type: 'varchar', length: 32, array: true })
  targetGroups!: TargetGroup[];

  /** Investment thesis in Vietnamese, as written. */
  @Column({ type: 'text' })
  thesis!: string;

  /** The thesis's words, lower case and without diacritics, for text relevance. */
  @Column({ type: 'text', array: true })
  thesisTerms!: string[];

  /** Willing to co-invest beside a state fund (Decree 38/2018). */
  @Column({ type: 'boolean' })
  coinvestWithState!: boolean;

  @Column({ type: 'jsonb' })
  contact!: InvestorContact;

  @Column({ type: 'varchar', length: 16, array: true })
  sharedContactFields!: InvestorContactField[];

  @Column({ type: 'boolean' })
  published!: boolean;

  /** Optimistic-concurrency version, also the ETag. */
  @Column({ type: 'integer' })
  version!: number;

  /** Set by the database: `nextval('investor_profile_revisions')` on insert; an update must set it the same way. */
  @Column({ type: 'bigint', default: () => "nextval('investor_profile_revisions')" })
  revision!: string;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;

  /** Diacritics-free full text of display name, organisation and thesis, kept by a database trigger. */
  @Column({ type: 'tsvector', select: false, insert: false, update: false })
  searchDocument?: string;

  /** Lower-case, diacritics-free display name for trigram matching, kept by the same trigger. */
  @Column({ type: 'text', select: false, insert: false, update: false })
  nameFolded?: string;
}
