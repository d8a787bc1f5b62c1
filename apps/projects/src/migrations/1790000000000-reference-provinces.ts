import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reference table of the 34 provinces and centrally-run cities in force since 1 July 2025 (Resolution
 * 202/2025/QH15), with the codes of Decision 19/2025/QĐ-TTg. Projects point at it, so a project can only name a
 * province that exists. The rows are written out here (not read from code) so this migration never changes.
 */
export class ReferenceProvinces1790000000000 implements MigrationInterface {
  name = 'ReferenceProvinces1790000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "provinces" (
        "code" character varying(2) NOT NULL,
        "name" character varying(100) NOT NULL,
        "name_en" character varying(100) NOT NULL,
        "kind" character varying(16) NOT NULL,
        "formerly" text array NOT NULL,
        "effective_from" date NOT NULL,
        "source" character varying(200) NOT NULL,
        CONSTRAINT "PK_provinces" PRIMARY KEY ("code")
      )`);
    await queryRunner.query(`
      INSERT INTO "provinces" ("code", "name", "name_en", "kind", "formerly", "effective_from", "source")
      SELECT v.code, v.name, v.name_en, v.kind, v.formerly, DATE '2025-07-01',
             'Nghị quyết 202/2025/QH15; Quyết định 19/2025/QĐ-TTg'
      FROM (VALUES
      ('01', 'Thành phố Hà Nội', 'Hanoi', 'city', ARRAY[]::text[]),
      ('04', 'Tỉnh Cao Bằng', 'Cao Bang', 'province', ARRAY[]::text[]),
      ('08', 'Tỉnh Tuyên Quang', 'Tuyen Quang', 'province', ARRAY['Hà Giang', 'Tuyên Quang']::text[]),
      ('11', 'Tỉnh Điện Biên', 'Dien Bien', 'province', ARRAY[]::text[]),
      ('12', 'Tỉnh Lai Châu', 'Lai Chau', 'province', ARRAY[]::text[]),
      ('14', 'Tỉnh Sơn La', 'Son La', 'province', ARRAY[]::text[]),
      ('15', 'Tỉnh Lào Cai', 'Lao Cai', 'province', ARRAY['Lào Cai', 'Yên Bái']::text[]),
      ('19', 'Tỉnh Thái Nguyên', 'Thai Nguyen', 'province', ARRAY['Bắc Kạn', 'Thái Nguyên']::text[]),
      ('20', 'Tỉnh Lạng Sơn', 'Lang Son', 'province', ARRAY[]::text[]),
      ('22', 'Tỉnh Quảng Ninh', 'Quang Ninh', 'province', ARRAY[]::text[]),
      ('24', 'Tỉnh Bắc Ninh', 'Bac Ninh', 'province', ARRAY['Bắc Giang', 'Bắc Ninh']::text[]),
      ('25', 'Tỉnh Phú Thọ', 'Phu Tho', 'province', ARRAY['Vĩnh Phúc', 'Hòa Bình', 'Phú Thọ']::text[]),
      ('31', 'Thành phố Hải Phòng', 'Hai Phong', 'city', ARRAY['Hải Dương', 'Hải Phòng']::text[]),
      ('33', 'Tỉnh Hưng Yên', 'Hung Yen', 'province', ARRAY['Thái Bình', 'Hưng Yên']::text[]),
      ('37', 'Tỉnh Ninh Bình', 'Ninh Binh', 'province', ARRAY['Hà Nam', 'Nam Định', 'Ninh Bình']::text[]),
      ('38', 'Tỉnh Thanh Hóa', 'Thanh Hoa', 'province', ARRAY[]::text[]),
      ('40', 'Tỉnh Nghệ An', 'Nghe An', 'province', ARRAY[]::text[]),
      ('42', 'Tỉnh Hà Tĩnh', 'Ha Tinh', 'province', ARRAY[]::text[]),
      ('44', 'Tỉnh Quảng Trị', 'Quang Tri', 'province', ARRAY['Quảng Bình', 'Quảng Trị']::text[]),
      ('46', 'Thành phố Huế', 'Hue', 'city', ARRAY[]::text[]),
      ('48', 'Thành phố Đà Nẵng', 'Da Nang', 'city', ARRAY['Quảng Nam', 'Đà Nẵng']::text[]),
      ('51', 'Tỉnh Quảng Ngãi', 'Quang Ngai', 'province', ARRAY['Kon Tum', 'Quảng Ngãi']::text[]),
      ('52', 'Tỉnh Gia Lai', 'Gia Lai', 'province', ARRAY['Bình Định', 'Gia Lai']::text[]),
      ('56', 'Tỉnh Khánh Hòa', 'Khanh Hoa', 'province', ARRAY['Ninh Thuận', 'Khánh Hòa']::text[]),
      ('66', 'Tỉnh Đắk Lắk', 'Dak Lak', 'province', ARRAY['Phú Yên', 'Đắk Lắk']::text[]),
      ('68', 'Tỉnh Lâm Đồng', 'Lam Dong', 'province', ARRAY['Đắk Nông', 'Bình Thuận', 'Lâm Đồng']::text[]),
      ('75', 'Tỉnh Đồng Nai', 'Dong Nai', 'province', ARRAY['Bình Phước', 'Đồng Nai']::text[]),
      ('79', 'Thành phố Hồ Chí Minh', 'Ho Chi Minh City', 'city', ARRAY['Bình Dương', 'Bà Rịa - Vũng Tàu', 'Thành phố Hồ Chí Minh']::text[]),
      ('80', 'Tỉnh Tây Ninh', 'Tay Ninh', 'province', ARRAY['Long An', 'Tây Ninh']::text[]),
      ('82', 'Tỉnh Đồng Tháp', 'Dong Thap', 'province', ARRAY['Tiền Giang', 'Đồng Tháp']::text[]),
      ('86', 'Tỉnh Vĩnh Long', 'Vinh Long', 'province', ARRAY['Bến Tre', 'Trà Vinh', 'Vĩnh Long']::text[]),
      ('91', 'Tỉnh An Giang', 'An Giang', 'province', ARRAY['Kiên Giang', 'An Giang']::text[]),
      ('92', 'Thành phố Cần Thơ', 'Can Tho', 'city', ARRAY['Sóc Trăng', 'Hậu Giang', 'Cần Thơ']::text[]),
      ('96', 'Tỉnh Cà Mau', 'Ca Mau', 'province', ARRAY['Bạc Liêu', 'Cà Mau']::text[])
      ) AS v(code, name, name_en, kind, formerly)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "provinces"');
  }
}
