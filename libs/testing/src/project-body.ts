/** A valid body for `POST /projects`; override what a test is about. */
export function projectBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Cà phê đặc sản Buôn Ma Thuột',
    summary: 'Rang xay cà phê Robusta đặc sản theo chuẩn truy xuất nguồn gốc, bán trực tuyến.',
    description:
      'Hợp tác xã 40 hộ trồng cà phê, chế biến ướt, rang mộc, đóng gói và xuất khẩu sang Hàn Quốc.',
    kind: 'innovative_startup',
    sector: 'agriculture_food',
    stage: 'early_revenue',
    provinceCode: '66',
    commune: 'Phường Buôn Ma Thuột',
    fundingAsk: '1500000000',
    teamSize: 6,
    targetGroups: ['women_led', 'youth'],
    ocopStars: 4,
    certificationLevel: 'province',
    website: 'https://caphe.example.vn',
    sharedContactFields: ['email', 'phone'],
    ...overrides,
  };
}
