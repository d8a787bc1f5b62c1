/**
 * The 34 provincial-level administrative units in force since 1 July 2025 (Resolution 202/2025/QH15), with the
 * codes of the national list of administrative units (Decision 19/2025/QĐ-TTg): 6 centrally-run cities and 28
 * provinces. A merged unit kept the code of the unit whose name it kept. `formerly` lists the pre-2025 provinces
 * it absorbed, as free text for older documents (the seeds still speak of districts and old provinces).
 *
 * The projects database holds the same rows (reference table `provinces`, seeded by a migration); a unit test
 * keeps both in step.
 */
export interface Province {
  /** Two-digit code of the national statistics list. */
  code: string;
  /** Official Vietnamese name. */
  name: string;
  /** English name. */
  nameEn: string;
  kind: 'city' | 'province';
  /** Provinces merged into this one on 1 July 2025 (itself included), empty when unchanged. */
  formerly: readonly string[];
}

export const PROVINCES_EFFECTIVE_FROM = '2025-07-01';
export const PROVINCES_SOURCE = 'Nghị quyết 202/2025/QH15; Quyết định 19/2025/QĐ-TTg';

export const PROVINCES: readonly Province[] = [
  { code: '01', name: 'Thành phố Hà Nội', nameEn: 'Hanoi', kind: 'city', formerly: [] },
  { code: '04', name: 'Tỉnh Cao Bằng', nameEn: 'Cao Bang', kind: 'province', formerly: [] },
  {
    code: '08',
    name: 'Tỉnh Tuyên Quang',
    nameEn: 'Tuyen Quang',
    kind: 'province',
    formerly: ['Hà Giang', 'Tuyên Quang'],
  },
  { code: '11', name: 'Tỉnh Điện Biên', nameEn: 'Dien Bien', kind: 'province', formerly: [] },
  { code: '12', name: 'Tỉnh Lai Châu', nameEn: 'Lai Chau', kind: 'province', formerly: [] },
  { code: '14', name: 'Tỉnh Sơn La', nameEn: 'Son La', kind: 'province', formerly: [] },
  { code: '15', name: 'Tỉnh Lào Cai', nameEn: 'Lao Cai', kind: 'province', formerly: ['Lào Cai', 'Yên Bái'] },
  {
    code: '19',
    name: 'Tỉnh Thái Nguyên',
    nameEn: 'Thai Nguyen',
    kind: 'province',
    formerly: ['Bắc Kạn', 'Thái Nguyên'],
  },
  { code: '20', name: 'Tỉnh Lạng Sơn', nameEn: 'Lang Son', kind: 'province', formerly: [] },
  { code: '22', name: 'Tỉnh Quảng Ninh', nameEn: 'Quang Ninh', kind: 'province', formerly: [] },
  {
    code: '24',
    name: 'Tỉnh Bắc Ninh',
    nameEn: 'Bac Ninh',
    kind: 'province',
    formerly: ['Bắc Giang', 'Bắc Ninh'],
  },
  {
    code: '25',
    name: 'Tỉnh Phú Thọ',
    nameEn: 'Phu Tho',
    kind: 'province',
    formerly: ['Vĩnh Phúc', 'Hòa Bình', 'Phú Thọ'],
  },
  {
    code: '31',
    name: 'Thành phố Hải Phòng',
    nameEn: 'Hai Phong',
    kind: 'city',
    formerly: ['Hải Dương', 'Hải Phòng'],
  },
  {
    code: '33',
    name: 'Tỉnh Hưng Yên',
    nameEn: 'Hung Yen',
    kind: 'province',
    formerly: ['Thái Bình', 'Hưng Yên'],
  },
  {
    code: '37',
    name: 'Tỉnh Ninh Bình',
    nameEn: 'Ninh Binh',
    kind: 'province',
    formerly: ['Hà Nam', 'Nam Định', 'Ninh Bình'],
  },
  { code: '38', name: 'Tỉnh Thanh Hóa', nameEn: 'Thanh Hoa', kind: 'province', formerly: [] },
  { code: '40', name: 'Tỉnh Nghệ An', nameEn: 'Nghe An', kind: 'province', formerly: [] },
  { code: '42', name: 'Tỉnh Hà Tĩnh', nameEn: 'Ha Tinh', kind: 'province', formerly: [] },
  {
    code: '44',
    name: 'Tỉnh Quảng Trị',
    nameEn: 'Quang Tri',
    kind: 'province',
    formerly: ['Quảng Bình', 'Quảng Trị'],
  },
  { code: '46', name: 'Thành phố Huế', nameEn: 'Hue', kind: 'city', formerly: [] },
  {
    code: '48',
    name: 'Thành phố Đà Nẵng',
    nameEn: 'Da Nang',
    kind: 'city',
    formerly: ['Quảng Nam', 'Đà Nẵng'],
  },
  {
    code: '51',
    name: 'Tỉnh Quảng Ngãi',
    nameEn: 'Quang Ngai',
    kind: 'province',
    formerly: ['Kon Tum', 'Quảng Ngãi'],
  },
  {
    code: '52',
    name: 'Tỉnh Gia Lai',
    nameEn: 'Gia Lai',
    kind: 'province',
    formerly: ['Bình Định', 'Gia Lai'],
  },
  {
    code: '56',
    name: 'Tỉnh Khánh Hòa',
    nameEn: 'Khanh Hoa',
    kind: 'province',
    formerly: ['Ninh Thuận', 'Khánh Hòa'],
  },
  { code: '66', name: 'Tỉnh Đắk Lắk', nameEn: 'Dak Lak', kind: 'province', formerly: ['Phú Yên', 'Đắk Lắk'] },
  {
    code: '68',
    name: 'Tỉnh Lâm Đồng',
    nameEn: 'Lam Dong',
    kind: 'province',
    formerly: ['Đắk Nông', 'Bình Thuận', 'Lâm Đồng'],
  },
  {
    code: '75',
    name: 'Tỉnh Đồng Nai',
    nameEn: 'Dong Nai',
    kind: 'province',
    formerly: ['Bình Phước', 'Đồng Nai'],
  },
  {
    code: '79',
    name: 'Thành phố Hồ Chí Minh',
    nameEn: 'Ho Chi Minh City',
    kind: 'city',
    formerly: ['Bình Dương', 'Bà Rịa - Vũng Tàu', 'Thành phố Hồ Chí Minh'],
  },
  {
    code: '80',
    name: 'Tỉnh Tây Ninh',
    nameEn: 'Tay Ninh',
    kind: 'province',
    formerly: ['Long An', 'Tây Ninh'],
  },
  {
    code: '82',
    name: 'Tỉnh Đồng Tháp',
    nameEn: 'Dong Thap',
    kind: 'province',
    formerly: ['Tiền Giang', 'Đồng Tháp'],
  },
  {
    code: '86',
    name: 'Tỉnh Vĩnh Long',
    nameEn: 'Vinh Long',
    kind: 'province',
    formerly: ['Bến Tre', 'Trà Vinh', 'Vĩnh Long'],
  },
  {
    code: '91',
    name: 'Tỉnh An Giang',
    nameEn: 'An Giang',
    kind: 'province',
    formerly: ['Kiên Giang', 'An Giang'],
  },
  {
    code: '92',
    name: 'Thành phố Cần Thơ',
    nameEn: 'Can Tho',
    kind: 'city',
    formerly: ['Sóc Trăng', 'Hậu Giang', 'Cần Thơ'],
  },
  { code: '96', name: 'Tỉnh Cà Mau', nameEn: 'Ca Mau', kind: 'province', formerly: ['Bạc Liêu', 'Cà Mau'] },
];

/** Codes of the provinces in force, for validators. */
export const PROVINCE_CODES: readonly string[] = PROVINCES.map((province) => province.code);
