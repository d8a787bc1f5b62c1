import { isEditable, transition } from './application-state-machine.js';

describe('the life of an application', () => {
  it('submits only a draft and withdraws a draft or a submitted one', () => {
    expect(transition('draft', 'submit')).toEqual({ allowed: true, to: 'submitted' });
    expect(transition('submitted', 'submit')).toEqual({
      allowed: false,
      from: 'submitted',
      allowedFrom: ['draft'],
    });
    expect(transition('draft', 'withdraw')).toEqual({ allowed: true, to: 'withdrawn' });
    expect(transition('submitted', 'withdraw')).toEqual({ allowed: true, to: 'withdrawn' });
    expect(transition('approved', 'withdraw')).toMatchObject({ allowed: false });
    expect(transition('withdrawn', 'withdraw')).toMatchObject({ allowed: false });
  });

  it('edits only drafts', () => {
    expect(isEditable('draft')).toBe(true);
    expect(isEditable('submitted')).toBe(false);
  });
});
