// Writes libs/contracts/event-contracts.json, the record of published event contracts that the unit tests hold
// every later change to (see breakingChanges in libs/contracts). Run after adding a contract or a version:
// `npm run contracts:snapshot`. Its diff is what a reviewer reads.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './infra/common.mjs';

const { eventCatalogue, shapesOf } = await import('@khoinghiep/contracts');
const file = path.join(ROOT, 'libs/contracts/event-contracts.json');
const shapes = shapesOf(eventCatalogue.all());
writeFileSync(file, `${JSON.stringify(shapes, null, 2)}\n`);
console.error(`[contracts] ${Object.keys(shapes).length} contracts written to ${path.relative(ROOT, file)}`);
