import { founderContactOf, investorContactOf, investorNameOf } from './parties.js';

describe("the two sides' contacts in an introduction", () => {
  it("shares only the investor's chosen fields that have a value", () => {
    expect(
      investorContactOf({
        contact: { email: 'quy@songhong.vn', phone: '0912 345 678', address: '1 Tràng Tiền, Hà Nội' },
        sharedContactFields: ['email', 'website', 'phone'],
      }),
    ).toEqual({ email: 'quy@songhong.vn', phone: '0912 345 678' });
  });

  it("defaults the founder's email to the sign-in email and takes the values given", () => {
    expect(founderContactOf(['email', 'phone'], { phone: '0905 111 222' }, 'an@caphe.vn')).toEqual({
      ok: true,
      contact: { email: 'an@caphe.vn', phone: '0905 111 222' },
    });
    expect(founderContactOf(['email'], { email: 'lienhe@caphe.vn' }, 'an@caphe.vn')).toEqual({
      ok: true,
      contact: { email: 'lienhe@caphe.vn' },
    });
  });

  it('shares nothing of the founder when the project shares nothing', () => {
    expect(founderContactOf([], {}, 'an@caphe.vn')).toEqual({ ok: true, contact: {} });
  });

  it('refuses a field the project does not share, naming it', () => {
    const result = founderContactOf(['email'], { phone: '0905 111 222' }, 'an@caphe.vn');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((problem) => problem.field)).toEqual(['contact.phone']);
  });

  it('refuses a shared field left without a value, naming it', () => {
    const result = founderContactOf(['email', 'phone'], {}, 'an@caphe.vn');
    expect(!result.ok && result.problems.map((problem) => problem.field)).toEqual(['contact.phone']);
  });
});

describe('the name an investor goes by', () => {
  it('adds the organisation when there is one', () => {
    expect(investorNameOf({ displayName: 'Trần Minh', organisation: 'Quỹ Sông Hồng' })).toBe(
      'Trần Minh (Quỹ Sông Hồng)',
    );
    expect(investorNameOf({ displayName: 'Trần Minh', organisation: null })).toBe('Trần Minh');
  });
});
