import { ruleIdOf } from './rule-identity.js';

const subject = {
  kind: 'support_ceiling',
  programme: 'khuyen_cong',
  category: 'kc_demonstration_model',
  fundKind: null,
  capitalSource: null,
} as const;

describe('rule ids', () => {
  it('are the same for the same kind and subject, whatever the scope or version', () => {
    expect(ruleIdOf(subject)).toBe(ruleIdOf({ ...subject }));
  });

  it('differ between subjects', () => {
    expect(ruleIdOf(subject)).not.toBe(ruleIdOf({ ...subject, category: 'kc_machinery' }));
    expect(ruleIdOf(subject)).not.toBe(ruleIdOf({ ...subject, kind: 'advance_rate' }));
  });

  it('never change, since seeded rows and stored decisions carry them', () => {
    expect(ruleIdOf(subject)).toMatchInlineSnapshot(`"0b02a0c9-1ab8-5a3c-8447-b4693c79e5c3"`);
  });
});
