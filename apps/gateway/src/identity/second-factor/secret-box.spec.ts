import { newRecoveryCode, normaliseRecoveryCode } from './recovery-codes.js';
import { SecretBox } from './secret-box.js';

describe('SecretBox', () => {
  const box = new SecretBox('a-key-of-the-gateway-0123456789');

  it('opens what it sealed, and never stores the plaintext', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXP');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.open(sealed)).toBe('JBSWY3DPEHPK3PXP');
    expect(box.seal('JBSWY3DPEHPK3PXP')).not.toBe(sealed);
  });

  it('refuses a changed ciphertext or another key', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXP');
    const parts = sealed.split('.');
    const tampered = [...parts.slice(0, 3), Buffer.from('XXXXXXXXXXXXXXXX').toString('base64url')].join('.');
    expect(() => box.open(tampered)).toThrow();
    expect(() => new SecretBox('another-key-of-the-gateway-000').open(sealed)).toThrow();
  });
});

describe('recovery codes', () => {
  it('are xxxxx-xxxxx and read back however they are typed', () => {
    const code = newRecoveryCode();
    expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(normaliseRecoveryCode(code.toUpperCase().replace('-', ' '))).toBe(code);
    expect(normaliseRecoveryCode(code.replace('-', ''))).toBe(code);
    expect(normaliseRecoveryCode('123456')).toBeNull();
    expect(normaliseRecoveryCode('00000-00000')).toBeNull();
  });
});
