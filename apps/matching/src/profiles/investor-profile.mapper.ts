import type {
  InvestorCardView,
  InvestorProfileFactsPayload,
  InvestorProfileView,
} from '@khoinghiep/contracts';
import type { InvestorProfile } from './investor-profile.entity.js';
import type { ProfileContent } from './profile-rules.js';

/** What the investor wrote, read back from the stored row. */
export function storedContent(profile: InvestorProfile): ProfileContent {
  return {
    kind: profile.kind,
    displayName: profile.displayName,
    organisation: profile.organisation,
    sectors: profile.sectors,
    excludedSectors: profile.excludedSectors,
    stages: profile.stages,
    ticketMin: profile.ticketMin,
    ticketMax: profile.ticketMax,
    provinceCodes: profile.provinceCodes,
    provincesOnly: profile.provincesOnly,
    targetGroups: profile.targetGroups,
    thesis: profile.thesis,
    coinvestWithState: profile.coinvestWithState,
    contact: profile.contact,
    sharedContactFields: profile.sharedContactFields,
    published: profile.published,
  };
}

/** The public facts the profile events carry (never contact details). */
export function publicFactsOf(profile: InvestorProfile): InvestorProfileFactsPayload {
  return {
    investorId: profile.investorId,
    version: profile.version,
    kind: profile.kind,
    displayName: profile.displayName,
    organisation: profile.organisation,
    sectors: profile.sectors,
    excludedSectors: profile.excludedSectors,
    stages: profile.stages,
    ticketMin: profile.ticketMin,
    ticketMax: profile.ticketMax,
    provinceCodes: profile.provinceCodes,
    provincesOnly: profile.provincesOnly,
    targetGroups: profile.targetGroups,
    coinvestWithState: profile.coinvestWithState,
  };
}

/** The public card: no contact details, no folded thesis words, no version. */
export function toCardView(profile: InvestorProfile): InvestorCardView {
  const { version: _version, ...facts } = publicFactsOf(profile);
  return {
    ...facts,
    thesis: profile.thesis,
    sharedContactFields: profile.sharedContactFields,
    updatedAt: profile.updatedAt.toISOString(),
  };
}

/** The investor's own profile, contacts included. */
export function toProfileView(profile: InvestorProfile): InvestorProfileView {
  return {
    ...toCardView(profile),
    contact: { ...profile.contact },
    published: profile.published,
    version: profile.version,
    createdAt: profile.createdAt.toISOString(),
  };
}
