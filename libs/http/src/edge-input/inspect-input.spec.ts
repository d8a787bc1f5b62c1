import { EDGE_INPUT_RULES, inspectInput } from './inspect-input.js';

function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level++) value = [value];
  return value;
}

describe('inspectInput', () => {
  it('normalises every text in place, at any depth, and leaves other values alone', () => {
    const body = {
      title: '\u200B Cà phê ',
      teamSize: 3,
      open: true,
      nothing: null,
      members: [{ name: ' Lan ' }, '  Minh\u00A0'],
    };
    const { value, violations } = inspectInput(body);
    expect(violations).toEqual([]);
    expect(value).toEqual({
      title: 'Cà phê',
      teamSize: 3,
      open: true,
      nothing: null,
      members: [{ name: 'Lan' }, 'Minh'],
    });
  });

  it('never alters a secret, even nested, but still checks its characters', () => {
    const password = '  Mật khẩu\u200B ';
    expect(inspectInput({ password, account: { newPassword: password } }).value).toEqual({
      password,
      account: { newPassword: password },
    });
    expect(inspectInput({ password: 'abc\u0000def' }).violations).toEqual([
      { field: 'password', constraint: 'controlCharacter', args: [], each: false },
    ]);
  });

  it('names each field holding a forbidden character by its full path', () => {
    const { violations } = inspectInput({
      fullName: 'Lan\u0000',
      team: { members: [{ name: 'ok' }, { name: 'a\u202Eb' }] },
      note: '\uD83D',
    });
    expect(violations.map((v) => [v.field, v.constraint])).toEqual([
      ['fullName', 'controlCharacter'],
      ['team.members[1].name', 'bidiControl'],
      ['note', 'loneSurrogate'],
    ]);
  });

  it('refuses a field name with a forbidden character, printed safely', () => {
    const { violations } = inspectInput({ 'title\u0000': 'x' });
    expect(violations).toEqual([
      { field: 'title\uFFFD', constraint: 'forbiddenFieldName', args: [], each: false },
    ]);
  });

  it('accepts nesting up to the limit and refuses one level more, naming where', () => {
    expect(inspectInput(nested(EDGE_INPUT_RULES.maxDepth)).violations).toEqual([]);
    const [violation] = inspectInput({ data: nested(EDGE_INPUT_RULES.maxDepth) }).violations;
    expect(violation?.constraint).toBe('maxDepth');
    expect(violation?.args).toEqual([EDGE_INPUT_RULES.maxDepth]);
    expect(violation?.field).toMatch(/^data(\[0\])+$/);
  });

  it('walks a hundred thousand levels without overflowing the stack', () => {
    const { violations } = inspectInput(nested(100_000));
    expect(violations).toHaveLength(1);
    expect(violations[0]?.constraint).toBe('maxDepth');
  });

  it('stops after a bounded number of violations', () => {
    const body = Array.from({ length: 5000 }, () => 'a\u0000');
    expect(inspectInput(body).violations).toHaveLength(EDGE_INPUT_RULES.maxViolations);
  });

  it('normalises a bare string body and passes undefined through', () => {
    expect(inspectInput(' x ').value).toBe('x');
    expect(inspectInput(undefined)).toEqual({ value: undefined, violations: [] });
  });
});
