import {
  exactDong,
  fundingDecision,
  interestAnswered,
  interestExpressed,
  introductionMade,
  savedSearchMatch,
} from './notification-texts.js';

const interest = {
  interestId: '0192f1a4-0000-7000-8000-000000000001',
  projectOwnerId: '0192f1a4-0000-7000-8000-0000000000f0',
  projectTitle: 'Cà phê đặc sản Buôn Ma Thuột',
  investorId: '0192f1a4-0000-7000-8000-0000000000a1',
  investorName: 'Nguyễn Thị Lan (Quỹ Sông Hồng)',
};

describe('notification texts', () => {
  it('tell the investor which search a new project matched, where it is and how well it scored', () => {
    const draft = savedSearchMatch({
      investorId: interest.investorId,
      savedSearchId: '0192f1a4-0000-7000-8000-00000000005e',
      searchName: 'Cà phê Tây Nguyên',
      projectId: '0192f1a4-0000-7000-8000-0000000000b2',
      projectTitle: interest.projectTitle,
      provinceCode: '66',
      score: 71.56,
    });
    expect(draft).toEqual({
      recipientId: interest.investorId,
      kind: 'saved_search_match',
      subject:
        'saved_search:0192f1a4-0000-7000-8000-00000000005e:project:0192f1a4-0000-7000-8000-0000000000b2',
      title: {
        vi: 'Dự án mới phù hợp với tìm kiếm «Cà phê Tây Nguyên»',
        en: 'A new project matches your search «Cà phê Tây Nguyên»',
      },
      text: {
        vi: 'Dự án «Cà phê đặc sản Buôn Ma Thuột» (Tỉnh Đắk Lắk) vừa được công bố, điểm phù hợp 72/100.',
        en: '«Cà phê đặc sản Buôn Ma Thuột» (Dak Lak) was just published; match score 72/100.',
      },
      link: '/projects/0192f1a4-0000-7000-8000-0000000000b2',
    });
  });

  it('send an interest to the founder, naming the investor and the project, linking to the interest', () => {
    expect(interestExpressed(interest)).toMatchObject({
      recipientId: interest.projectOwnerId,
      kind: 'interest_expressed',
      title: { vi: 'Nhà đầu tư quan tâm đến dự án «Cà phê đặc sản Buôn Ma Thuột»' },
      text: {
        vi: expect.stringContaining('Nhà đầu tư Nguyễn Thị Lan (Quỹ Sông Hồng) quan tâm đến dự án «Cà phê'),
      },
      link: `/matching/interests/${interest.interestId}`,
    });
  });

  it("send the founder's answer to the investor, one subject whatever the answer", () => {
    const accepted = interestAnswered(interest, true);
    const declined = interestAnswered(interest, false);
    expect(accepted).toMatchObject({ recipientId: interest.investorId, kind: 'interest_accepted' });
    expect(declined).toMatchObject({ recipientId: interest.investorId, kind: 'interest_declined' });
    expect(accepted.subject).toBe(declined.subject);
    expect(declined.title.en).toBe('«Cà phê đặc sản Buôn Ma Thuột» declined your interest');
  });

  it('tell both sides of an introduction, each naming the other', () => {
    const [founder, investor] = introductionMade({ ...interest, introductionId: interest.interestId });
    expect(founder?.recipientId).toBe(interest.projectOwnerId);
    expect(founder?.title.vi).toContain('Nguyễn Thị Lan');
    expect(investor?.recipientId).toBe(interest.investorId);
    expect(investor?.title.vi).toContain('«Cà phê đặc sản Buôn Ma Thuột»');
    expect(founder?.link).toBe(`/matching/introductions/${interest.interestId}`);
  });

  it('tell the applicant of a decision, with the amount approved, or without the title matching never learnt', () => {
    const approved = fundingDecision({
      applicationId: interest.interestId,
      applicantId: interest.projectOwnerId,
      projectTitle: interest.projectTitle,
      approvedAmount: '1500000000',
    });
    expect(approved.text).toEqual({
      vi: 'Đề án cho dự án «Cà phê đặc sản Buôn Ma Thuột» được phê duyệt 1.500.000.000 ₫.',
      en: 'The application for «Cà phê đặc sản Buôn Ma Thuột» was approved for ₫1,500,000,000.',
    });
    const rejected = fundingDecision({
      applicationId: interest.interestId,
      applicantId: interest.projectOwnerId,
      projectTitle: null,
      approvedAmount: null,
    });
    expect(rejected.title.en).toBe('Your application was not approved');
    expect(rejected.text.en).toContain('your project');
  });

  it('write exact amounts of đồng grouped by thousands, each language its own way, beyond 2^53', () => {
    expect(exactDong('0')).toEqual({ vi: '0 ₫', en: '₫0' });
    expect(exactDong('999')).toEqual({ vi: '999 ₫', en: '₫999' });
    expect(exactDong('1600000')).toEqual({ vi: '1.600.000 ₫', en: '₫1,600,000' });
    expect(exactDong('999999999999999')).toEqual({ vi: '999.999.999.999.999 ₫', en: '₫999,999,999,999,999' });
  });
});
