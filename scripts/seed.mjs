// Demo data for a newcomer: `npm start -- --seed` runs this against the running platform (or run it yourself:
// `GATEWAY_URL=http://localhost:3000 node scripts/seed.mjs`). Everything goes through the public API, as a user
// would, so the services' events flow too. Safe to run again: existing accounts and projects are reused.
import { seedFunding } from './seed/funding.mjs';
import { seedMatching } from './seed/matching.mjs';
import { seedProjects } from './seed/projects.mjs';

const gateway = (process.env.GATEWAY_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
const admin = {
  email: process.env.ADMIN_EMAIL ?? 'admin@khoinghiep.local',
  password: process.env.ADMIN_PASSWORD ?? 'Khoinghiep-Admin-2026!',
};

const SEEDERS = [
  ['projects', seedProjects],
  ['funding', seedFunding],
  ['matching', seedMatching],
];

try {
  for (const [name, seed] of SEEDERS) {
    console.error(`[seed] ${name}…`);
    const summary = await seed({ gateway, admin, log: (line) => console.error(`[seed] ${line}`) });
    console.error(`[seed] ${name}: ${summary}`);
  }
} catch (error) {
  console.error(`[seed] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
