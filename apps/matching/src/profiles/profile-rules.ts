import {
  INVESTOR_CONTACT_FIELDS,
  type InvestorContactField,
  type InvestorKind,
  InvestorProfilePublished,
  InvestorProfileUpdated,
  InvestorProfileWithdrawn,
  PROJECT_SECTORS,
  PROJECT_STAGES,
  PROVINCE_CODES,
  type ProjectSector,
  type ProjectStage,
  type PutInvestorProfileDto,
  TARGET_GROUPS,
  type TargetGroup,
} from '@khoinghiep/contracts';
import type { DomainFieldError } from '@khoinghiep/http';
import type { InvestorContact } from './investor-profile.entity.js';

/** What an investor writes in their profile, in canonical form: lists in vocabulary order, empty contacts absent. */
export interface ProfileContent {
  kind: InvestorKind;
  displayName: string;
  organisation: string | null;
  sectors: ProjectSector[];
  excludedSectors: ProjectSector[];
  stages: ProjectStage[];
  ticketMin: string;
  ticketMax: string;
  provinceCodes: string[];
  provincesOnly: boolean;
  targetGroups: TargetGroup[];
  thesis: string;
  coinvestWithState: boolean;
  contact: InvestorContact;
  sharedContactFields: InvestorContactField[];
  published: boolean;
}

/** The fields matching reads: the public facts the events carry, and the thesis its text relevance folds. */
const MATCHED_FIELDS = [
  'kind',
  'displayName',
  'organisation',
  'sectors',
  'excludedSectors',
  'stages',
  'ticketMin',
  'ticketMax',
  'provinceCodes',
  'provincesOnly',
  'targetGroups',
  'coinvestWithState',
  'thesis',
] as const satisfies readonly (keyof ProfileContent)[];

const CONTENT_FIELDS = [
  ...MATCHED_FIELDS,
  'contact',
  'sharedContactFields',
  'published',
] as const satisfies readonly (keyof ProfileContent)[];

const inOrderOf = <T extends string>(vocabulary: readonly T[], values: readonly T[]): T[] =>
  vocabulary.filter((value) => values.includes(value));

/** The body as it is stored: canonical lists, `organisation` null when absent, only filled contact fields. */
export function contentOf(body: PutInvestorProfileDto): ProfileContent {
  const contact: InvestorContact = {};
  for (const field of INVESTOR_CONTACT_FIELDS) {
    // Absent, null and empty all mean "not given".
    const value = body.contact[field];
    if (value) contact[field] = value;
  }
  return {
    kind: body.kind,
    displayName: body.displayName,
    organisation: body.organisation ?? null,
    sectors: inOrderOf(PROJECT_SECTORS, body.sectors),
    excludedSectors: inOrderOf(PROJECT_SECTORS, body.excludedSectors),
    stages: inOrderOf(PROJECT_STAGES, body.stages),
    ticketMin: body.ticketMin,
    ticketMax: body.ticketMax,
    provinceCodes: inOrderOf(PROVINCE_CODES, body.provinceCodes),
    provincesOnly: body.provincesOnly,
    targetGroups: inOrderOf(TARGET_GROUPS, body.targetGroups),
    thesis: body.thesis,
    coinvestWithState: body.coinvestWithState,
    contact,
    sharedContactFields: inOrderOf(INVESTOR_CONTACT_FIELDS, body.sharedContactFields),
    published: body.published ?? true,
  };
}

/** `1500000000` → `1.500.000.000 ₫`. */
export const formatDong = (amount: string) => `${amount.replace(/\B(?=(\d{3})+(?!\d))/g, '.')} ₫`;

/** What is wrong with a profile across its fields, each naming the field to fix; empty when it may be stored. */
export function profileProblems(content: ProfileContent): DomainFieldError[] {
  const problems: DomainFieldError[] = [];
  if (BigInt(content.ticketMax) === 0n) {
    problems.push({
      field: 'ticketMax',
      message: { vi: 'Mức đầu tư tối đa phải lớn hơn 0.', en: 'ticketMax must be above 0.' },
    });
  } else if (BigInt(content.ticketMin) > BigInt(content.ticketMax)) {
    const params = { min: formatDong(content.ticketMin), max: formatDong(content.ticketMax) };
    problems.push({
      field: 'ticketMax',
      params,
      message: {
        vi: 'Mức đầu tư tối đa ({max}) nhỏ hơn mức tối thiểu ({min}).',
        en: 'ticketMax ({max}) is below ticketMin ({min}).',
      },
    });
  }
  const both = content.sectors.filter((sector) => content.excludedSectors.includes(sector));
  if (both.length > 0) {
    problems.push({
      field: 'excludedSectors',
      params: { sectors: both.join(', ') },
      message: {
        vi: 'Lĩnh vực vừa quan tâm vừa loại trừ: {sectors}.',
        en: 'Sectors both wanted and excluded: {sectors}.',
      },
    });
  }
  if (content.provincesOnly && content.provinceCodes.length === 0) {
    problems.push({
      field: 'provincesOnly',
      message: {
        vi: 'Chỉ xét các tỉnh đã chọn nhưng chưa chọn tỉnh nào (provinceCodes rỗng).',
        en: 'provincesOnly restricts matching to provinceCodes, which is empty.',
      },
    });
  }
  const unfilled = content.sharedContactFields.filter((field) => content.contact[field] === undefined);
  if (unfilled.length > 0) {
    problems.push({
      field: 'sharedContactFields',
      params: { fields: unfilled.join(', ') },
      message: {
        vi: 'Chia sẻ khi giới thiệu nhưng chưa điền trong contact: {fields}.',
        en: 'Shared at introduction but not filled in contact: {fields}.',
      },
    });
  }
  return problems;
}

const sameValue = (left: unknown, right: unknown) => JSON.stringify(left) === JSON.stringify(right);

const sameOn = (fields: readonly (keyof ProfileContent)[], before: ProfileContent, after: ProfileContent) =>
  fields.every((field) => sameValue(before[field], after[field]));

/** Nothing the investor wrote differs: the replacement stores nothing and announces nothing. */
export const sameContent = (before: ProfileContent, after: ProfileContent) =>
  sameOn(CONTENT_FIELDS, before, after);

export type ProfileEvent =
  | typeof InvestorProfilePublished
  | typeof InvestorProfileUpdated
  | typeof InvestorProfileWithdrawn;

/**
 * What a change tells the rest of matching: published (it entered matching), withdrawn (it left), updated (a
 * published profile changed what matching reads), or nothing (it stays out, or only contacts changed).
 */
export function profileEventFor(before: ProfileContent | null, after: ProfileContent): ProfileEvent | null {
  if (!before?.published) return after.published ? InvestorProfilePublished : null;
  if (!after.published) return InvestorProfileWithdrawn;
  return sameOn(MATCHED_FIELDS, before, after) ? null : InvestorProfileUpdated;
}
