const DAY = 24 * 60 * 60 * 1000;

/** A valid body of `POST /funding/calls` for `fundId`, open from yesterday for a month; `overrides` replace fields. */
export function callBody(fundId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Date.now();
  return {
    fundId,
    fiscalYear: 2027,
    title: 'Đợt hỗ trợ khuyến công địa phương năm 2027',
    description: 'Hỗ trợ cơ sở công nghiệp nông thôn đổi mới máy móc, thiết bị.',
    budget: '5000000000',
    supportCategories: ['kc_machinery', 'kc_training'],
    eligibility: {
      applicantKinds: ['rural_industry', 'household_business'],
      provinceCodes: ['66'],
      targetGroups: [],
      publishedProjectRequired: true,
      requiredTrainingTopic: 'Khởi sự kinh doanh',
      maxBusinessAgeYears: 5,
    },
    allocationRule: 'score',
    appraisalRubric: {
      criteria: [
        { code: 'innovation', label: 'Tính đổi mới sáng tạo', weight: 40 },
        { code: 'feasibility', label: 'Tính khả thi', weight: 35 },
        { code: 'impact', label: 'Hiệu quả kinh tế – xã hội', weight: 25 },
      ],
      scale: { min: 0, max: 10 },
    },
    opensAt: new Date(now - DAY).toISOString(),
    closesAt: new Date(now + 30 * DAY).toISOString(),
    ...overrides,
  };
}

/** A valid body of `POST /funding/funds`: a local khuyến công fund of Đắk Lắk. */
export function localFundBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'khuyen_cong_local',
    name: 'Kinh phí khuyến công tỉnh Đắk Lắk',
    ownerAgency: 'Sở Công Thương tỉnh Đắk Lắk',
    provinceCode: '66',
    capital: [{ source: 'provincial_budget', amount: '20000000000' }],
    ...overrides,
  };
}
