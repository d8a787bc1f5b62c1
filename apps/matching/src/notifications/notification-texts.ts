import { type Bilingual, type NotificationKind, PROVINCES } from '@khoinghiep/contracts';

/**
 * What one notification says, to whom, about what. Texts name people and projects only (display names, titles),
 * never contact data nor free text another user wrote (an interest's message, a decline's reason): those are read
 * where the link leads, under that page's own access rules.
 */
export interface NotificationDraft {
  readonly recipientId: string;
  readonly kind: NotificationKind;
  /** What it is about; a recipient gets one notification per subject at most. */
  readonly subject: string;
  readonly title: Bilingual;
  readonly text: Bilingual;
  /** Path in the portal. */
  readonly link: string;
}

/** An exact amount of whole đồng (a bigint string): vi `1.500.000.000 ₫`, en `₫1,500,000,000`. */
export function exactDong(amount: string): Bilingual {
  const grouped = (separator: string) => amount.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  return { vi: `${grouped('.')} ₫`, en: `₫${grouped(',')}` };
}

function provinceName(code: string): Bilingual {
  const province = PROVINCES.find((candidate) => candidate.code === code);
  return province ? { vi: province.name, en: province.nameEn } : { vi: code, en: code };
}

export interface SavedSearchMatchFacts {
  readonly investorId: string;
  readonly savedSearchId: string;
  readonly searchName: string;
  readonly projectId: string;
  readonly projectTitle: string;
  readonly provinceCode: string;
  /** 0..100. */
  readonly score: number;
}

/** A newly published project passed the investor's saved search and scored at least its minimum. */
export function savedSearchMatch(facts: SavedSearchMatchFacts): NotificationDraft {
  const where = provinceName(facts.provinceCode);
  const score = Math.round(facts.score);
  return {
    recipientId: facts.investorId,
    kind: 'saved_search_match',
    subject: `saved_search:${facts.savedSearchId}:project:${facts.projectId}`,
    title: {
      vi: `Dự án mới phù hợp với tìm kiếm «${facts.searchName}»`,
      en: `A new project matches your search «${facts.searchName}»`,
    },
    text: {
      vi: `Dự án «${facts.projectTitle}» (${where.vi}) vừa được công bố, điểm phù hợp ${score}/100.`,
      en: `«${facts.projectTitle}» (${where.en}) was just published; match score ${score}/100.`,
    },
    link: `/projects/${facts.projectId}`,
  };
}

export interface InterestFacts {
  readonly interestId: string;
  readonly projectOwnerId: string;
  readonly projectTitle: string;
  readonly investorId: string;
  readonly investorName: string;
}

const interestLink = (facts: InterestFacts) => `/matching/interests/${facts.interestId}`;

/** An investor expressed interest: the founder is to answer it. */
export function interestExpressed(facts: InterestFacts): NotificationDraft {
  return {
    recipientId: facts.projectOwnerId,
    kind: 'interest_expressed',
    subject: `interest:${facts.interestId}:expressed`,
    title: {
      vi: `Nhà đầu tư quan tâm đến dự án «${facts.projectTitle}»`,
      en: `An investor is interested in «${facts.projectTitle}»`,
    },
    text: {
      vi: `Nhà đầu tư ${facts.investorName} quan tâm đến dự án «${facts.projectTitle}». Hãy đọc lời nhắn rồi chấp nhận hoặc từ chối.`,
      en: `${facts.investorName} is interested in «${facts.projectTitle}». Read their message, then accept or decline.`,
    },
    link: interestLink(facts),
  };
}

/** The founder's answer to an investor's interest, for the investor. */
export function interestAnswered(facts: InterestFacts, accepted: boolean): NotificationDraft {
  return {
    recipientId: facts.investorId,
    kind: accepted ? 'interest_accepted' : 'interest_declined',
    subject: `interest:${facts.interestId}:answered`,
    title: accepted
      ? {
          vi: `Dự án «${facts.projectTitle}» đã chấp nhận quan tâm của bạn`,
          en: `«${facts.projectTitle}» accepted your interest`,
        }
      : {
          vi: `Dự án «${facts.projectTitle}» đã từ chối quan tâm của bạn`,
          en: `«${facts.projectTitle}» declined your interest`,
        },
    text: accepted
      ? {
          vi: `Nhà sáng lập dự án «${facts.projectTitle}» đã chấp nhận; hai bên được giới thiệu với nhau.`,
          en: `The founder of «${facts.projectTitle}» accepted; you have been introduced to each other.`,
        }
      : {
          vi: `Nhà sáng lập dự án «${facts.projectTitle}» đã từ chối quan tâm của bạn.`,
          en: `The founder of «${facts.projectTitle}» declined your interest.`,
        },
    link: interestLink(facts),
  };
}

export interface IntroductionFacts {
  readonly introductionId: string;
  readonly projectOwnerId: string;
  readonly projectTitle: string;
  readonly investorId: string;
  readonly investorName: string;
}

/** Founder and investor were introduced: each may now read the contact fields the other shares. */
export function introductionMade(facts: IntroductionFacts): NotificationDraft[] {
  const about = {
    kind: 'introduction_made',
    subject: `introduction:${facts.introductionId}`,
    link: `/matching/introductions/${facts.introductionId}`,
  } as const;
  return [
    {
      ...about,
      recipientId: facts.projectOwnerId,
      title: {
        vi: `Bạn đã được giới thiệu với nhà đầu tư ${facts.investorName}`,
        en: `You have been introduced to ${facts.investorName}`,
      },
      text: {
        vi: `Bạn và ${facts.investorName} giờ xem được thông tin liên hệ mà mỗi bên chia sẻ, về dự án «${facts.projectTitle}».`,
        en: `You and ${facts.investorName} can now read the contact details each of you shares, about «${facts.projectTitle}».`,
      },
    },
    {
      ...about,
      recipientId: facts.investorId,
      title: {
        vi: `Bạn đã được giới thiệu với dự án «${facts.projectTitle}»`,
        en: `You have been introduced to «${facts.projectTitle}»`,
      },
      text: {
        vi: `Bạn và nhà sáng lập dự án «${facts.projectTitle}» giờ xem được thông tin liên hệ mà mỗi bên chia sẻ.`,
        en: `You and the founder of «${facts.projectTitle}» can now read the contact details each of you shares.`,
      },
    },
  ];
}

export interface FundingDecisionFacts {
  readonly applicationId: string;
  readonly applicantId: string;
  /** From matching's catalogue; null when matching never learnt the project. */
  readonly projectTitle: string | null;
  /** The approved amount (whole đồng); null for a rejection. */
  readonly approvedAmount: string | null;
}

/** A fund approved or rejected the founder's application. */
export function fundingDecision(facts: FundingDecisionFacts): NotificationDraft {
  const project = facts.projectTitle
    ? { vi: `dự án «${facts.projectTitle}»`, en: `«${facts.projectTitle}»` }
    : { vi: 'dự án của bạn', en: 'your project' };
  return {
    recipientId: facts.applicantId,
    kind: 'funding_decision',
    subject: `application:${facts.applicationId}:decision`,
    title:
      facts.approvedAmount !== null
        ? { vi: 'Đề án của bạn đã được phê duyệt', en: 'Your application was approved' }
        : { vi: 'Đề án của bạn không được phê duyệt', en: 'Your application was not approved' },
    text:
      facts.approvedAmount !== null
        ? {
            vi: `Đề án cho ${project.vi} được phê duyệt ${exactDong(facts.approvedAmount).vi}.`,
            en: `The application for ${project.en} was approved for ${exactDong(facts.approvedAmount).en}.`,
          }
        : {
            vi: `Đề án cho ${project.vi} không được phê duyệt; lý do ghi trong đề án.`,
            en: `The application for ${project.en} was not approved; the reason is on the application.`,
          },
    link: `/funding/applications/${facts.applicationId}`,
  };
}
