import { IsInt, IsString, IsUUID, Min } from 'class-validator';
import { defineEvent } from './define-event.js';
import { parseEnvelope, validatePayload } from './event-validation.js';

class ProjectScoredPayload {
  @IsUUID()
  projectId!: string;

  @IsInt()
  @Min(0)
  score!: number;

  @IsString()
  reason!: string;
}

const ProjectScored = defineEvent({
  topic: 'projects.events',
  type: 'projects.project.scored-for-test',
  version: 1,
  aggregateType: 'project',
  payload: ProjectScoredPayload,
});

const validEnvelope = () => ({
  id: '0194a9d2-3c6e-7a3b-8f1e-2b3c4d5e6f70',
  type: 'projects.project.scored-for-test',
  version: 1,
  occurredAt: '2026-01-02T03:04:05.678Z',
  aggregateType: 'project',
  aggregateId: '0194a9d2-3c6e-7a3b-8f1e-000000000001',
  actor: { userId: '0194a9d2-3c6e-7a3b-8f1e-000000000002', roles: ['founder'] },
  correlationId: 'req-42',
  causationId: null,
  payload: { projectId: '0194a9d2-3c6e-7a3b-8f1e-000000000001', score: 7, reason: 'good' },
});

const problemsOf = (value: unknown): string[] => {
  const result = parseEnvelope(JSON.stringify(value));
  return result.ok ? [] : result.problems;
};

describe('parseEnvelope', () => {
  it('accepts a complete envelope and keeps the payload unchecked', () => {
    const result = parseEnvelope(Buffer.from(JSON.stringify(validEnvelope())));
    expect(result).toEqual({ ok: true, value: validEnvelope() });
  });

  it('accepts the system as actor', () => {
    expect(problemsOf({ ...validEnvelope(), actor: { userId: null, roles: [] } })).toEqual([]);
  });

  it('rejects a value that is not JSON or not an object', () => {
    expect(parseEnvelope('{not json').ok).toBe(false);
    expect(parseEnvelope('[1,2]')).toEqual({ ok: false, problems: ['value is not a JSON object'] });
    expect(parseEnvelope(null)).toEqual({ ok: false, problems: ['message has no value'] });
  });

  it('names the fields that are missing or wrong', () => {
    const { id: _id, ...withoutId } = validEnvelope();
    expect(problemsOf(withoutId)).toEqual([expect.stringMatching(/^id: /)]);
    expect(problemsOf({ ...validEnvelope(), version: '1' })).toEqual(
      expect.arrayContaining([expect.stringMatching(/^version: /)]),
    );
    expect(problemsOf({ ...validEnvelope(), occurredAt: 'yesterday' })).toEqual([
      expect.stringMatching(/^occurredAt: /),
    ]);
  });

  it('reads a role it does not know as a plain string (a newer writer may have added it)', () => {
    const envelope = { ...validEnvelope(), actor: { userId: 'u1', roles: ['founder', 'auditor'] } };
    const result = parseEnvelope(JSON.stringify(envelope));
    expect(result.ok && result.value.actor.roles).toEqual(['founder', 'auditor']);
    expect(problemsOf({ ...validEnvelope(), actor: { userId: 'u1', roles: [7] } })).toEqual(
      expect.arrayContaining([expect.stringMatching(/^actor\.roles: /)]),
    );
  });

  it('ignores and drops envelope fields it does not know, at the top and in the actor', () => {
    const result = parseEnvelope(
      JSON.stringify({
        ...validEnvelope(),
        priority: 'high',
        actor: { userId: null, roles: [], tenant: 't1' },
      }),
    );
    expect(result.ok).toBe(true);
    expect(result.ok && result.value).not.toHaveProperty('priority');
    expect(result.ok && result.value.actor).toEqual({ userId: null, roles: [] });
  });

  it('requires causationId to be present, even when null', () => {
    const { causationId: _causationId, ...withoutCausation } = validEnvelope();
    expect(problemsOf(withoutCausation)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^causationId: /)]),
    );
  });
});

describe('validatePayload', () => {
  it('returns an instance of the contract class for a valid payload', () => {
    const result = validatePayload(ProjectScored, validEnvelope().payload);
    expect(result.ok && result.value).toBeInstanceOf(ProjectScoredPayload);
  });

  it('as a writer (the default), names wrong and unknown payload fields under payload.', () => {
    const result = validatePayload(ProjectScored, { projectId: 'x', score: -1, reason: 'r', extra: 1 });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((problem) => problem.split(':')[0]).sort()).toEqual([
      'payload.extra',
      'payload.projectId',
      'payload.score',
    ]);
  });

  it('as a reader, strips unknown payload fields and still names wrong ones', () => {
    const read = validatePayload(ProjectScored, { ...validEnvelope().payload, stars: 4 }, 'reader');
    expect(read.ok).toBe(true);
    expect(read.ok && read.value).not.toHaveProperty('stars');
    const wrong = validatePayload(
      ProjectScored,
      { projectId: 'x', score: 1, reason: 'r', stars: 4 },
      'reader',
    );
    expect(!wrong.ok && wrong.problems.map((problem) => problem.split(':')[0])).toEqual([
      'payload.projectId',
    ]);
  });

  it('rejects a payload that is not an object', () => {
    expect(validatePayload(ProjectScored, 'text')).toEqual({
      ok: false,
      problems: ['payload is not an object'],
    });
    expect(validatePayload(ProjectScored, [1])).toEqual({
      ok: false,
      problems: ['payload is not an object'],
    });
  });

  it('checks class instances the way a consumer will read them, through JSON', () => {
    const payload = Object.assign(new ProjectScoredPayload(), {
      projectId: '0194a9d2-3c6e-7a3b-8f1e-000000000001',
      score: 3,
      reason: 'ok',
    });
    expect(validatePayload(ProjectScored, payload).ok).toBe(true);
  });
});
