import type { ContactField } from '@khoinghiep/contracts';
import type { DomainFieldError } from '@khoinghiep/http';
import type { SharedContact } from '../introductions/introduction.entity.js';
import type { InvestorProfile } from '../profiles/investor-profile.entity.js';

/** How an investor is named to founders and other services: the display name, with the organisation if any. */
export function investorNameOf(profile: Pick<InvestorProfile, 'displayName' | 'organisation'>): string {
  return profile.organisation ? `${profile.displayName} (${profile.organisation})` : profile.displayName;
}

/** The investor's side of an introduction: the contact values of the fields their profile shares, and no other. */
export function investorContactOf(
  profile: Pick<InvestorProfile, 'contact' | 'sharedContactFields'>,
): SharedContact {
  const shared: SharedContact = {};
  for (const field of profile.sharedContactFields) {
    const value = profile.contact[field];
    if (value) shared[field] = value;
  }
  return shared;
}

export type FounderContact =
  | { ok: true; contact: SharedContact }
  | { ok: false; problems: DomainFieldError[] };

/**
 * The founder's side of an introduction: a value for each field the project shares, from what the founder gave on
 * acceptance (the email defaults to their sign-in email). Giving a field the project does not share is refused, so
 * the founder learns the project's choice instead of handing out more than they agreed to; a shared field left
 * without a value is refused too.
 */
export function founderContactOf(
  sharedFields: readonly ContactField[],
  given: Partial<Record<ContactField, string>>,
  signInEmail: string,
): FounderContact {
  const problems: DomainFieldError[] = [];
  for (const field of Object.keys(given) as ContactField[]) {
    if (given[field] !== undefined && !sharedFields.includes(field)) {
      problems.push({
        field: `contact.${field}`,
        params: { field },
        message: {
          vi: 'Dự án không chia sẻ trường liên hệ {field} khi giới thiệu; hãy bỏ trường này.',
          en: 'The project does not share {field} in introductions; leave it out.',
        },
      });
    }
  }
  const contact: SharedContact = {};
  for (const field of sharedFields) {
    const value = given[field] ?? (field === 'email' ? signInEmail : undefined);
    if (value) contact[field] = value;
    else {
      problems.push({
        field: `contact.${field}`,
        params: { field },
        message: {
          vi: 'Dự án chia sẻ trường liên hệ {field} khi giới thiệu: hãy nhập giá trị.',
          en: 'The project shares {field} in introductions: give its value.',
        },
      });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, contact };
}
