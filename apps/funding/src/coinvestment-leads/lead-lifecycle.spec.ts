import { mayLead } from './lead-lifecycle.js';

describe('the life of a co-investment lead', () => {
  it('is taken on only while open', () => {
    expect(mayLead('take_on', 'open')).toBe(true);
    expect(mayLead('take_on', 'taken')).toBe(false);
    expect(mayLead('take_on', 'closed')).toBe(false);
  });

  it('is closed, by an officer or a proposal, while open or taken, and never again', () => {
    for (const action of ['close', 'open_proposal'] as const) {
      expect(mayLead(action, 'open')).toBe(true);
      expect(mayLead(action, 'taken')).toBe(true);
      expect(mayLead(action, 'closed')).toBe(false);
    }
  });
});
