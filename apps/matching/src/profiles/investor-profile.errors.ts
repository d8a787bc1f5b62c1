import { DomainError, type LocalisedText } from '@khoinghiep/http';

const DETAIL: Readonly<Record<'own' | 'card', LocalisedText>> = {
  own: {
    vi: 'Bạn chưa có hồ sơ nhà đầu tư; hãy tạo bằng PUT /matching/investors/me/profile.',
    en: 'You have no investor profile yet; create it with PUT /matching/investors/me/profile.',
  },
  card: {
    vi: 'Nhà đầu tư {investorId} không có hồ sơ công khai.',
    en: 'Investor {investorId} has no published profile.',
  },
};

/** No profile (your own), or no published one (a public card): `404`. */
export class InvestorProfileNotFoundError extends DomainError {
  constructor(investorId: string, which: 'own' | 'card') {
    super({
      code: 'INVESTOR_PROFILE_NOT_FOUND',
      status: 404,
      params: { investorId },
      extensions: { investorId },
      messages: {
        title: { vi: 'Không tìm thấy hồ sơ nhà đầu tư', en: 'Investor profile not found' },
        detail: DETAIL[which],
      },
    });
  }
}
