import { readFileSync } from 'node:fs';
import { IsInt, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { readerClassOf, samplesOf, UNKNOWN_FIELD } from '../test/contract-samples.js';
import { type ContractShapes, shapeOf } from './contract-shape.js';
import { type EventContract, eventCatalogue } from './define-event.js';
import { validatePayload } from './event-validation.js';
// Every contract of the platform, so the catalogue holds them all.
import './index.js';

const recorded = JSON.parse(
  readFileSync(new URL('../event-contracts.json', import.meta.url), 'utf8'),
) as ContractShapes;

const readAs = (contract: EventContract, payload: unknown) => validatePayload(contract, payload, 'reader');

const recordedVersions = Object.entries(recorded).map(([key, shape]) => {
  const [type, version] = key.split('@v') as [string, string];
  return { key, shape, current: eventCatalogue.find(type, Number(version)) };
});

describe.each(recordedVersions)('$key', ({ shape, current }) => {
  it('is still defined', () => {
    expect(current).toBeDefined();
  });

  const contract = current as EventContract;

  it.each(samplesOf(shape))('an old event ($name) is read by the current consumer', ({ payload }) => {
    const read = readAs(contract, payload);
    expect(read).toMatchObject({ ok: true });
    expect(read.ok && read.value).not.toHaveProperty(UNKNOWN_FIELD);
  });

  it('every new event is read by a consumer built on the recorded version', () => {
    const oldReader = { ...contract, payload: readerClassOf(shape) };
    const problems = samplesOf(shapeOf(contract)).flatMap(({ name, payload }) => {
      const read = readAs(oldReader, payload);
      return read.ok ? [] : [`${name}: ${read.problems.join('; ')}`];
    });
    expect(problems).toEqual([]);
  });
});

// The check above must be able to fail: contracts changed in ways breakingChanges reports, read both ways.
describe('the samples catch an incompatible change', () => {
  class NoteV1 {
    @IsUUID() noteId!: string;
    @IsString() @MaxLength(200) text!: string;
  }
  const note = (payload: new () => object): EventContract => ({
    topic: 'notes.events',
    type: 'notes.note.written',
    version: 1,
    aggregateType: 'note',
    payload,
  });
  const unreadable = (writer: new () => object, reader: new () => object) =>
    samplesOf(shapeOf(note(writer))).filter(
      ({ payload }) =>
        !readAs({ ...note(reader), payload: readerClassOf(shapeOf(note(reader))) }, payload).ok,
    );

  it('a new required field: old events fail the new reader', () => {
    class WithPages extends NoteV1 {
      @IsInt() pages!: number;
    }
    expect(unreadable(NoteV1, WithPages)).not.toEqual([]);
    expect(unreadable(WithPages, NoteV1)).toEqual([]);
  });

  it('a field becoming nullable: new events with null fail the old reader', () => {
    class NullableText {
      @IsUUID() noteId!: string;
      @ValidateIf((_object, value) => value !== null) @IsString() @MaxLength(200) text!: string | null;
    }
    expect(unreadable(NullableText, NoteV1).map(({ name }) => name)).toEqual(['text null']);
  });
});
