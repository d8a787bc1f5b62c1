import fc from 'fast-check';

/** Well-formed ids nothing has: fixed, so a run is reproduced from its seed alone. */
const UNKNOWN_ID = '3f1c9a52-8b7e-4d21-9c0a-6e5f4b3a2d10';

// Malformed input of every kind the fuzz test throws at the public API. Each is an arbitrary, so the test draws a
// seeded, bounded sample of them per operation.

/** JSON written as text: nesting deep enough to overflow a recursive walk overflows `JSON.stringify` too. */
export class JsonText {
  constructor(readonly text: string) {}
}

const nestedArrays = (levels: number) => new JsonText(`${'['.repeat(levels)}${']'.repeat(levels)}`);

/** `value` as JSON, with `JsonText` spliced in as it is. */
export function toJson(value: unknown): string {
  return value instanceof JsonText ? value.text : JSON.stringify(value);
}

/** Any UTF-16 code unit, lone surrogates and controls included. */
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));

const hostileString = fc.oneof(
  fc.constantFrom(
    'Lan\u0000',
    'x\uD800y',
    '\uDFFF',
    'invoice\u202Egpj.exe',
    '\u2066isolate\u2069',
    '\u001B[2J',
    '\u0085',
    '   ',
    '\u200B\u200B',
    '',
    '9'.repeat(400),
    '-1',
    '1e400',
    '2026-02-30T00:00:00.000Z',
    '__proto__',
    "' OR 1=1 --",
    '../../etc/passwd',
    'x'.repeat(20_000),
  ),
  fc.string({ unit: anyCodeUnit, maxLength: 40 }),
);

/** A value of the wrong kind for almost any field, or a string no field should take. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.constantFrom(null, true, false, {}, [], [[]], { $gt: '' }, { constructor: { prototype: {} } }),
  fc.constant(nestedArrays(10_000)),
  fc.array(hostileString, { maxLength: 3 }),
);

const FORBIDDEN_CHARACTERS = ['\u0000', '\uD800', '\uDFFF', '\u202E', '\u2066', '\u001B', '\u0085', '\u007F'];

/** Text no field may hold, however its field is otherwise ruled: some forbidden character somewhere in it. */
const forbiddenText = fc
  .tuple(
    fc.string({ maxLength: 12 }),
    fc.constantFrom(...FORBIDDEN_CHARACTERS),
    fc.string({ unit: anyCodeUnit, maxLength: 12 }),
  )
  .map(([before, forbidden, after]) => `${before}${forbidden}${after}`);

const wrongShape = fc.constantFrom<unknown>({}, [[]], { $gt: '' }, nestedArrays(10_000));

/**
 * A value no field of this JSON-schema type accepts (types are never coerced), so a body carrying it can never be
 * valid and never write anything.
 */
export function invalidFor(type: unknown): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      return fc.oneof(forbiddenText, wrongShape, fc.integer(), fc.boolean());
    case 'integer':
    case 'number':
      return fc.oneof(fc.string({ maxLength: 8 }), forbiddenText, wrongShape, fc.boolean());
    case 'boolean':
      return fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), wrongShape);
    case 'array':
      return fc.oneof(
        forbiddenText,
        fc.integer(),
        fc.constant({}),
        fc.array(forbiddenText, { minLength: 1, maxLength: 3 }),
      );
    default:
      return fc.oneof(forbiddenText, wrongShape);
  }
}

export interface RawBody {
  contentType: string;
  payload: string;
}

const raw = (contentType: string, payload: string): RawBody => ({ contentType, payload });

/** Bodies that are not the JSON object a route takes, or not JSON at all. */
export const malformedRawBody: fc.Arbitrary<RawBody> = fc.constantFrom(
  raw('application/json', '{"title": '),
  raw('application/json', 'not json'),
  raw('application/json', ''),
  raw('application/json', 'null'),
  raw('application/json', '"just a string"'),
  raw('application/json', '[1, 2, 3]'),
  raw('application/json', '{"__proto__": {"isAdmin": true}, "constructor": {"prototype": {"x": 1}}}'),
  raw('application/json', `{"a":${'['.repeat(10_000)}${']'.repeat(10_000)}}`),
  raw('application/json', `{"title":"${'x'.repeat(300_000)}"}`),
  raw('application/json; charset=utf-16', '{"title": "x"}'),
  raw('application/json; charset=klingon', '{"title": "x"}'),
  raw('application/merge-patch+json', '{"title": "\\u0000"}'),
  raw('application/x-www-form-urlencoded', 'title=%00&teamSize=a&a[b][c][d][e][f][g]=1'),
  raw('text/plain', '{"title": "x"}'),
  raw('application/xml', '<project><title>x</title></project>'),
  raw(
    'multipart/form-data; boundary=x',
    '--x\r\nContent-Disposition: form-data; name="title"\r\n\r\nx\r\n--x--',
  ),
);

const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** Page cursors: random bytes, impossible or foreign dates, other lists' kinds, tampered ids. */
export const hostileCursor: fc.Arbitrary<string> = fc.oneof(
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString('base64url')),
  fc
    .record({
      kind: fc.constantFrom('catalogue', 'review-queue', 'mine', 'history', 'other', 42),
      time: fc.constantFrom(
        '2026-02-30T00:00:00.000Z',
        '2026-13-01T00:00:00.000Z',
        '2025-09-01T24:00:00.000Z',
        '+275760-09-13T00:00:00.001Z',
        '2025-09-01',
        'yesterday',
        1e21,
        null,
      ),
      id: fc.constantFrom(UNKNOWN_ID, "' OR 1=1 --", '../..', '', 7),
    })
    .map(({ kind, time, id }) => base64url(JSON.stringify([kind, time, id]))),
  fc.constantFrom('', '%00', 'W10', base64url('[]'), base64url('{"a":1}'), 'x'.repeat(5000)),
);

/** Query-string values as sent on the wire (already percent-encoded where it matters). */
export const hostileQueryValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '%00',
    'a%00b',
    '%E2%80%AE',
    '%ED%A0%80',
    '%FF%FE',
    '%',
    '-1',
    '0',
    '1.5',
    '1e9',
    '99999999999999999999',
    'abc',
    '',
    '%20%20',
    'published,bogus',
  ),
  hostileCursor.map(encodeURIComponent),
);

/** Path segments in place of an id: traversal, non-uuids, very long, controls, a real-looking unknown uuid. */
export const hostileId: fc.Arbitrary<string> = fc.constantFrom(
  '..',
  '.',
  '%2e%2e',
  '%2E%2E%2Freview-queue',
  '..%2F..%2Fhealth%2Flive',
  'not-a-uuid',
  'x'.repeat(3000),
  '%00',
  '%ED%A0%80',
  '%E2%80%AE',
  "'%20OR%201=1--",
  '0',
  UNKNOWN_ID,
  UNKNOWN_ID.toUpperCase(),
);

export interface HostileHeaders {
  [name: string]: string;
}

/** Header values clients get wrong or forge. */
export const hostileHeaders: fc.Arbitrary<HostileHeaders> = fc.oneof(
  fc
    .constantFrom('garbage', '"', 'W/"x"', '"-1"', '"0"', '"99999999999999999999"', '"1", "2"', 'W/')
    .map((value) => ({ 'if-match': value })),
  fc.constantFrom('xx', '*;q=foo', 'vi;q=2', ',,,;;;', 'a'.repeat(4000), 'en-US;q=0.9, *').map((value) => ({
    'accept-language': value,
  })),
  fc
    .constantFrom(
      'Bearer',
      'Bearer ',
      'Bearer x.y.z',
      'Basic Zm9vOmJhcg==',
      `Bearer ${'a'.repeat(5000)}`,
      'Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJ4Iiwicm9sZXMiOlsiYWRtaW4iXX0.',
      'bearer eyJhbGciOiJIUzI1NiJ9.e30.',
    )
    .map((value) => ({ authorization: value })),
  fc.constantFrom('text/html', 'application/xml', '*/*;q=x').map((value) => ({ accept: value })),
);
