import { normaliseEmail } from './email.js';

describe('normaliseEmail', () => {
  it('keeps one account per address whatever its case, spaces or invisible padding', () => {
    expect(normaliseEmail('  Lan@Example.VN ')).toBe('lan@example.vn');
    expect(normaliseEmail('\u200B\uFEFFadmin@khoinghiep.local\u00A0')).toBe('admin@khoinghiep.local');
  });
});
