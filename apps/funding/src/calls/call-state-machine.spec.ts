import { CALL_STATUSES } from '@khoinghiep/contracts';
import {
  availableTransitions,
  BUDGET_CHANGEABLE_STATUSES,
  EDITABLE_CALL_STATUSES,
  PUBLIC_CALL_STATUSES,
  transition,
} from './call-state-machine.js';

describe('the life of a funding call', () => {
  it('goes draft → open → closed → finalised and nowhere else', () => {
    expect(transition('draft', 'open')).toEqual({ allowed: true, to: 'open' });
    expect(transition('open', 'close')).toEqual({ allowed: true, to: 'closed' });
    expect(transition('closed', 'finalise')).toEqual({ allowed: true, to: 'finalised' });
    expect(
      CALL_STATUSES.flatMap((status) => availableTransitions(status).map((a) => `${status}:${a}`)),
    ).toEqual(['draft:open', 'open:close', 'closed:finalise']);
  });

  it('refuses to reopen, skip a step or leave finalised, naming the states that would allow it', () => {
    expect(transition('closed', 'open')).toEqual({ allowed: false, from: 'closed', allowedFrom: ['draft'] });
    expect(transition('draft', 'close')).toEqual({ allowed: false, from: 'draft', allowedFrom: ['open'] });
    expect(transition('open', 'finalise')).toEqual({ allowed: false, from: 'open', allowedFrom: ['closed'] });
    expect(availableTransitions('finalised')).toEqual([]);
  });

  it('edits only drafts, changes budgets until finalised, and hides only drafts from the public', () => {
    expect(EDITABLE_CALL_STATUSES).toEqual(['draft']);
    expect(BUDGET_CHANGEABLE_STATUSES).not.toContain('finalised');
    expect(PUBLIC_CALL_STATUSES).not.toContain('draft');
  });
});
