import { readFileSync } from 'node:fs';
import {
  breakingChanges,
  type ContractShapes,
  EventCatalogue,
  eventCatalogue,
  shapeOf,
  shapesOf,
} from '@khoinghiep/contracts';
import { IsInt, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';

const published = JSON.parse(
  readFileSync(new URL('../event-contracts.json', import.meta.url), 'utf8'),
) as ContractShapes;

describe('published event contracts', () => {
  const current = shapesOf(eventCatalogue.all());

  it('keep every published contract compatible (a breaking change needs a new version)', () => {
    expect(breakingChanges(published, current)).toEqual([]);
  });

  it('are all recorded in event-contracts.json (run `npm run contracts:snapshot` after adding one)', () => {
    expect(Object.keys(published).sort()).toEqual(Object.keys(current).sort());
  });
});

class NoteV1 {
  @IsUUID() noteId!: string;
  @IsString() @MaxLength(200) text!: string;
}

describe('breakingChanges', () => {
  const shape = (payload: new () => object, topic = 'notes.events') =>
    shapeOf({ topic, type: 'notes.note.written', version: 1, aggregateType: 'note', payload });
  const before: ContractShapes = { 'notes.note.written@v1': shape(NoteV1) };

  it('accepts a new optional field', () => {
    class WithOptional extends NoteV1 {
      @IsOptional() @IsInt() pages?: number;
    }
    expect(breakingChanges(before, { 'notes.note.written@v1': shape(WithOptional) })).toEqual([]);
  });

  it('reports a new required field, a tightened rule, a removed field and a moved topic', () => {
    class Changed {
      @IsUUID() noteId!: string;
      @IsInt() pages!: number;
    }
    class Tightened {
      @IsUUID() noteId!: string;
      @IsString() @MaxLength(100) text!: string;
    }
    expect(breakingChanges(before, { 'notes.note.written@v1': shape(Changed) })).toEqual([
      'notes.note.written@v1: required field text removed',
      'notes.note.written@v1: required field pages added',
    ]);
    expect(breakingChanges(before, { 'notes.note.written@v1': shape(Tightened) })).toEqual([
      'notes.note.written@v1: field text rules [isString, maxLength(200)] → [isString, maxLength(100)]',
    ]);
    expect(breakingChanges(before, { 'notes.note.written@v1': shape(NoteV1, 'other.events') })).toEqual([
      'notes.note.written@v1: topic notes.events → other.events',
    ]);
  });

  it('tells a nullable field (present, maybe null) from an optional one (maybe absent)', () => {
    class Presence {
      @ValidateIf((_object, value) => value !== null) @IsString() nullable!: string | null;
      @IsOptional() @IsString() optional?: string | null;
      @ValidateIf((note: { kind?: string }) => note.kind === 'long') @IsString() dependent!: string;
    }
    expect(shape(Presence).fields).toEqual({
      dependent: { optional: true, nullable: true, rules: ['isString'] },
      nullable: { optional: false, nullable: true, rules: ['isString'] },
      optional: { optional: true, nullable: true, rules: ['isString'] },
    });
  });

  it('reports a field becoming nullable or optional, which old readers reject', () => {
    class NullableText {
      @IsUUID() noteId!: string;
      @ValidateIf((_object, value) => value !== null) @IsString() @MaxLength(200) text!: string | null;
    }
    class NullableNew extends NoteV1 {
      @ValidateIf((_object, value) => value !== null) @IsInt() pages!: number | null;
    }
    expect(breakingChanges(before, { 'notes.note.written@v1': shape(NullableText) })).toEqual([
      'notes.note.written@v1: field text required → nullable',
    ]);
    expect(breakingChanges(before, { 'notes.note.written@v1': shape(NullableNew) })).toEqual([
      'notes.note.written@v1: nullable field pages added',
    ]);
  });

  it('accepts removing an optional field, which old readers do without and new readers ignore', () => {
    class WithOptional extends NoteV1 {
      @IsOptional() @IsInt() pages?: number;
    }
    const published = { 'notes.note.written@v1': shape(WithOptional) };
    expect(breakingChanges(published, { 'notes.note.written@v1': shape(NoteV1) })).toEqual([]);
  });

  it('reports a removed contract', () => {
    expect(breakingChanges(before, {})).toEqual(['notes.note.written@v1: removed']);
  });

  it('lists every contract of a catalogue under its type and version', () => {
    const catalogue = new EventCatalogue();
    const contract = {
      topic: 'notes.events',
      type: 'notes.note.archived',
      version: 2,
      aggregateType: 'note',
      payload: NoteV1,
    };
    catalogue.add(contract);
    expect(Object.keys(shapesOf(catalogue.all()))).toEqual(['notes.note.archived@v2']);
  });
});
