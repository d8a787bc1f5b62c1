// `npm run bench:matching`: the match index at national scale (issue 8). It generates 100,000 published projects
// and 10,000 published investor profiles straight into the matching database, builds every stored list in one pass
// (the rebuild's last step), then measures:
// - new project: a project approved (catalogue row) and scored against every investor, its own list written and
//   the investor lists it enters updated, through the index code in this process, in its transaction: p50/p95;
// - profile change: one investor's profile changed and rescored against every published project, its list and
//   every project list it enters, moves in or leaves fixed, beside a plain sequential scan of the same rows with the
//   same scoring in this process (read, prepare, score): medians and their ratio (the refills a change queues run
//   in the background; they are drained before the next change is timed);
// - first page: an investor's first page of matches through the gateway (GET /matching/matches), p50/p99, when the
//   route is in the build;
// - the size of the matching tables (pg_total_relation_size, indexes included).
// The last two lines are `rescore/scan: <ratio>` and `new project p95 ms: <n>`.
//
// Data (the scorer's seeded fixtures, `apps/matching/src/scoring/random-fixtures.ts`): the 34 provinces weighted
// towards Ho Chi Minh City (12), Hanoi (10) and four other big cities (4) over the rest (2); sectors weighted to
// agriculture and food (6) over the others (2) and "other" (1); stages idea 4 : prototype 3 : early revenue 2 :
// growth 1; asks 50 million to 20 billion đồng; tickets from 50 million to 100 billion đồng, 40 % of investors
// nationwide, 30 % of the others restricted to their provinces; theses and project words from one vocabulary.
//
// Settings (environment): BENCH_PROJECTS (100000), BENCH_INVESTORS (10000), BENCH_NEW_PROJECTS (300),
// BENCH_PROFILE_CHANGES (7), BENCH_PAGE_REQUESTS (1000), BENCH_SEED (8). TEST_SLOT moves the broker, the ports and
// the databases aside, as for the tests.
import 'reflect-metadata';
import { availableParallelism } from 'node:os';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { launchApp, platformEnv } from '../scripts/apps.mjs';
import { bringUpInfrastructure, Stopper } from '../scripts/infra/index.mjs';
import { TEST_KAFKA } from '../scripts/infra/kafka.mjs';
import { call } from './gateway-client.mjs';
import { line, measure } from './measure.mjs';

const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 100_000);
const INVESTORS = Number(process.env.BENCH_INVESTORS ?? 10_000);
const NEW_PROJECTS = Number(process.env.BENCH_NEW_PROJECTS ?? 300);
const PROFILE_CHANGES = Number(process.env.BENCH_PROFILE_CHANGES ?? 7);
const PAGE_REQUESTS = Number(process.env.BENCH_PAGE_REQUESTS ?? 1000);
const SEED = Number(process.env.BENCH_SEED ?? 8);
const SLOT = Number(process.env.TEST_SLOT ?? 0);
const PREFIX = `khoinghiep_bench${SLOT || ''}_matching_`;
const PORTS = Object.fromEntries(
  Object.entries({ gateway: 4920, projects: 4921, matching: 4922, funding: 4923, training: 4924 }).map(
    ([app, port]) => [app, port + SLOT * 10],
  ),
);
const PASSWORD = 'Khoinghiep-Bench-2026';
const ROWS_PER_INSERT = 10_000;

const say = (message) => console.error(`[bench] ${message}`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const stopper = new Stopper();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await stopper.stopAll();
    process.exit(130);
  });
}

// The compiled index code (the build is part of bringing up the infrastructure).
const dist = (file) => import(`../apps/matching/dist/${file}`);
const { Clock } = await import('@khoinghiep/clock');
const { dataSourceOptionsFor } = await import('@khoinghiep/persistence');
const { matchingEntities } = await dist('entities.js');
const { IndexState } = await dist('match-index/index-state.js');
const { ProjectIndexing } = await dist('match-index/project-indexing.js');
const { InvestorIndexing } = await dist('match-index/investor-indexing.js');
const { FullBuild } = await dist('match-index/full-build.js');
const { ListRefills } = await dist('match-index/list-refills.js');
const { lockIndex } = await dist('match-index/index-lock.js');
const { PROJECT_FACTS_COLUMNS, projectFactsOf } = await dist('match-index/scoring-rows.js');
const { publishInCatalogue } = await dist('catalogue/catalogue-writes.js');
const { prepareInvestor, prepareProject } = await dist('scoring/prepared.js');
const { scoreMatch } = await dist('scoring/score-match.js');
const { randomInvestor, randomProject, seededRandom } = await dist('scoring/random-fixtures.js');

// ---- data, straight into the matching database ------------------------------------------------------------------

const MATCHING_TABLES = [
  'catalogued_projects',
  'investor_profiles',
  'investor_matches',
  'project_matches',
  'investor_match_lists',
  'match_refills',
];

async function insertProfiles(dataSource, investors) {
  for (let start = 0; start < investors.length; start += ROWS_PER_INSERT) {
    const chunk = investors.slice(start, start + ROWS_PER_INSERT);
    const column = (pick) => chunk.map(pick);
    const list = (pick) => chunk.map((investor) => pick(investor).join(','));
    await dataSource.query(
      `INSERT INTO investor_profiles (investor_id, kind, display_name, organisation, sectors, excluded_sectors, stages,
         ticket_min, ticket_max, province_codes, provinces_only, target_groups, thesis, thesis_terms,
         coinvest_with_state, contact, shared_contact_fields, published, version, created_at, updated_at)
       SELECT id, kind, 'Nhà đầu tư ' || left(id::text, 8), NULL, string_to_array(sectors, ','),
         string_to_array(excluded, ','), string_to_array(stages, ','), ticket_min, ticket_max,
         string_to_array(provinces, ','), provinces_only, string_to_array(groups, ','), thesis,
         string_to_array(thesis, ' '), false, '{"email":"ndt@example.vn"}', '{email}', true, 1, now(), now()
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::bigint[],
         $8::text[], $9::bool[], $10::text[], $11::text[])
         AS i(id, kind, sectors, excluded, stages, ticket_min, ticket_max, provinces, provinces_only, groups, thesis)`,
      [
        column((i) => i.investorId),
        column((i) => i.kind),
        list((i) => i.sectors),
        list((i) => i.excludedSectors),
        list((i) => i.stages),
        column((i) => i.ticketMin),
        column((i) => i.ticketMax),
        list((i) => i.provinceCodes),
        column((i) => i.provincesOnly),
        list((i) => i.targetGroups),
        column((i) => i.thesisTerms.join(' ')),
      ],
    );
  }
}

async function insertProjects(dataSource, projects) {
  for (let start = 0; start < projects.length; start += ROWS_PER_INSERT) {
    const chunk = projects.slice(start, start + ROWS_PER_INSERT);
    const column = (pick) => chunk.map(pick);
    await dataSource.query(
      `INSERT INTO catalogued_projects (project_id, owner_id, published, title, summary, kind, sector, stage,
         province_code, commune, funding_ask, team_size, target_groups, ocop_stars, certification_level,
         shared_contact_fields, terms, training_completed, published_at, last_version, last_event_type, updated_at)
       SELECT id, gen_random_uuid(), true, left(words, 200), words, 'innovative_startup', sector, stage, province,
         'Xã ' || province, ask, 4, string_to_array(groups, ','), ocop, certification, '{}',
         string_to_array(words, ' '), false, now(), 1, 'projects.project.approved', now()
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[], $7::int[], $8::text[],
         $9::text[]) AS p(id, sector, stage, province, ask, groups, ocop, certification, words)`,
      [
        column((p) => p.projectId),
        column((p) => p.sector),
        column((p) => p.stage),
        column((p) => p.provinceCode),
        column((p) => p.fundingAsk),
        column((p) => p.targetGroups.join(',')),
        column((p) => p.ocopStars),
        column((p) => p.certificationLevel),
        column((p) => p.terms.join(' ')),
      ],
    );
  }
}

// ---- through the gateway --------------------------------------------------------------------------------------

// ---- the run ---------------------------------------------------------------------------------------------------

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => value.toFixed(1);

async function main() {
  say('PostgreSQL, Kafka and the build…');
  process.env.DATABASE_PREFIX = PREFIX;
  const { postgres, kafka } = await bringUpInfrastructure({ prefix: PREFIX, stopper, kafka: TEST_KAFKA });
  const admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
  for (const app of ['gateway', 'matching'])
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(`${PREFIX}${app}`)} WITH (FORCE)`);
  await admin.end();

  const env = {
    ...platformEnv({ databaseUrl: postgres.url, kafkaBrokers: kafka.brokers, ports: PORTS }),
    DATABASE_PREFIX: PREFIX,
    LOG_LEVEL: 'warn',
    AUTH_RATE_LIMIT: '100000',
  };
  // The matching app migrates its database; the gateway signs the investor in for the page reads.
  const apps = ['gateway', 'matching'].map((app) => launchApp(app, { env, port: PORTS[app], colour: false }));
  stopper.add(() => Promise.all(apps.map((app) => app.stop())));
  stopper.add(() => Promise.all([...clients.values()].map((client) => client.close())));
  await Promise.all(apps.map((app) => app.ready()));
  const gateway = `http://127.0.0.1:${PORTS.gateway}`;
  const email = `bench-investor-${uuidv7().slice(-8)}@bench.khoinghiep.vn`;
  await call(gateway, 'POST', '/auth/register', {
    body: { email, password: PASSWORD, fullName: 'Bench Investor', role: 'investor' },
  });
  const { body: login } = await call(gateway, 'POST', '/auth/login', { body: { email, password: PASSWORD } });

  const dataSource = new DataSource({
    ...dataSourceOptionsFor(
      { app: 'matching', entities: matchingEntities, migrations: [] },
      { ...process.env, DATABASE_URL: postgres.url },
    ),
    migrationsRun: false,
  });
  await dataSource.initialize();
  stopper.add(() => dataSource.destroy());
  const index = new IndexState(new Clock());
  const projectIndexing = new ProjectIndexing(index);
  const investorIndexing = new InvestorIndexing(index);

  const random = seededRandom(SEED);
  say(`generating ${INVESTORS} investor profiles and ${PROJECTS} published projects…`);
  const investors = Array.from({ length: INVESTORS }, (_, i) =>
    randomInvestor(random, i === 0 ? { investorId: login.user.id } : {}),
  );
  const projects = Array.from({ length: PROJECTS }, () =>
    randomProject(random, { trainingCompleted: false }),
  );
  let started = performance.now();
  await insertProfiles(dataSource, investors);
  await insertProjects(dataSource, projects);
  await dataSource.query(`ANALYZE ${MATCHING_TABLES.join(', ')}`);
  const generated = performance.now() - started;

  say('building every list (one pass over all pairs)…');
  started = performance.now();
  const built = await dataSource.transaction(async (manager) => {
    await lockIndex(manager, 'exclusive');
    // Scoring threads beside this one, which keeps the database writing one batch while the next is scored.
    return new FullBuild(index).buildAll(manager, { threads: Math.max(1, availableParallelism() - 1) });
  });
  const buildSeconds = (performance.now() - started) / 1000;
  await dataSource.query(`ANALYZE ${MATCHING_TABLES.join(', ')}`);

  say(`new projects: ${NEW_PROJECTS} published one after another…`);
  const publish = async () => {
    const facts = randomProject(random, { projectId: uuidv7(), trainingCompleted: false });
    await dataSource.transaction(async (manager) => {
      await projectIndexing.lockForProject(manager, facts.projectId);
      const published = await publishInCatalogue(manager, approvedPayload(facts), new Date());
      await projectIndexing.addProject(manager, published.facts);
    });
  };
  await measure(Math.ceil(NEW_PROJECTS / 10), 1, publish);
  const newProject = await measure(NEW_PROJECTS, 1, publish);

  say(`profile changes: ${PROFILE_CHANGES}, each beside a plain scan…`);
  const rescores = [];
  const scans = [];
  const refills = new ListRefills(index);
  for (let n = 0; n < PROFILE_CHANGES; n++) {
    // The refills the previous change queued are background work: done (here or by the service's worker) before,
    // not timed with, the next change.
    while ((await dataSource.transaction((manager) => refills.refillBatch(manager))) > 0);
    while ((await dataSource.query('SELECT 1 FROM match_refills LIMIT 1')).length > 0) await sleep(100);
    const { investorId } = investors[1 + n];
    const changed = randomInvestor(random, { investorId });
    await dataSource.query(
      `UPDATE investor_profiles SET sectors = $2, excluded_sectors = $3, stages = $4, ticket_min = $5,
         ticket_max = $6, province_codes = $7, provinces_only = $8, target_groups = $9, thesis = $10,
         thesis_terms = $11, version = version + 1, revision = nextval('investor_profile_revisions')
       WHERE investor_id = $1`,
      [
        investorId,
        changed.sectors,
        changed.excludedSectors,
        changed.stages,
        changed.ticketMin,
        changed.ticketMax,
        changed.provinceCodes,
        changed.provincesOnly,
        changed.targetGroups,
        changed.thesisTerms.join(' '),
        changed.thesisTerms,
      ],
    );
    started = performance.now();
    await dataSource.transaction(async (manager) => {
      await lockIndex(manager, 'exclusive');
      await investorIndexing.refreshInvestor(manager, investorId);
    });
    rescores.push(performance.now() - started);
    scans.push(await plainScan(dataSource, index, changed));
  }

  say(`first page of matches: ${PAGE_REQUESTS} requests through the gateway…`);
  const read = () => call(gateway, 'GET', '/matching/matches', { token: login.accessToken });
  await measure(Math.ceil(PAGE_REQUESTS / 10), 4, read);
  const page = line('first page', await measure(PAGE_REQUESTS, 4, read));

  const sizes = await dataSource.query(
    `SELECT relname AS table, pg_total_relation_size(c.oid) AS bytes FROM pg_class c
     WHERE relname = ANY($1) ORDER BY bytes DESC`,
    [MATCHING_TABLES],
  );
  const [{ pairs }] = await dataSource.query(
    `SELECT (SELECT count(*) FROM investor_matches) + (SELECT count(*) FROM project_matches) AS pairs`,
  );
  await stopper.stopAll();

  const mb = (bytes) => `${(Number(bytes) / 1024 / 1024).toFixed(0)} MB`;
  const rescore = median(rescores);
  const scan = median(scans);
  console.log(
    `matching bench: ${built.projects} published projects, ${built.investors} investors, lists of ${index.listSize} ` +
      `(data generated in ${ms(generated / 1000)} s, every list built in ${ms(buildSeconds)} s)`,
  );
  console.log(
    `new project      p50 ${ms(newProject.p50).padStart(7)} ms   p95 ${ms(newProject.p95).padStart(7)} ms   (${NEW_PROJECTS} projects, one at a time)`,
  );
  console.log(
    `profile change   median ${ms(rescore)} ms (all ${rescores.map(ms).join(', ')}); plain scan median ${ms(scan)} ms`,
  );
  console.log(typeof page === 'string' && !page.startsWith('first page') ? `first page       ${page}` : page);
  console.log(
    `matching tables  ${mb(sizes.reduce((sum, row) => sum + Number(row.bytes), 0))} in all, ${pairs} stored pairs: ` +
      sizes.map((row) => `${row.table} ${mb(row.bytes)}`).join(', '),
  );
  console.log(`rescore/scan: ${(rescore / scan).toFixed(2)}`);
  console.log(`new project p95 ms: ${ms(newProject.p95)}`);
}

/** An approval of generated facts, as the catalogue learns it from `projects.events`. */
function approvedPayload(facts) {
  return {
    projectId: facts.projectId,
    ownerId: uuidv7(),
    version: 1,
    title: facts.terms.join(' ').slice(0, 200) || 'Dự án',
    summary: facts.terms.join(' '),
    kind: 'innovative_startup',
    sector: facts.sector,
    stage: facts.stage,
    provinceCode: facts.provinceCode,
    commune: `Xã ${facts.provinceCode}`,
    fundingAsk: String(facts.fundingAsk),
    teamSize: 4,
    targetGroups: facts.targetGroups,
    ocopStars: facts.ocopStars,
    certificationLevel: facts.certificationLevel,
    website: null,
    sharedContactFields: [],
    publishedAt: new Date().toISOString(),
    reviewerId: uuidv7(),
    comment: null,
  };
}

/** The baseline: the same rows read in one query, each prepared and scored against the investor. */
async function plainScan(dataSource, index, preferences) {
  const started = performance.now();
  const { weights } = await index.weightsInUse(dataSource.manager);
  const investor = prepareInvestor(preferences);
  const rows = await dataSource.query(
    `SELECT ${PROJECT_FACTS_COLUMNS} FROM catalogued_projects c WHERE c.published`,
  );
  for (const row of rows) scoreMatch(investor, prepareProject(projectFactsOf(row)), weights);
  return performance.now() - started;
}

main().catch(async (error) => {
  console.error(`[bench] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  await stopper.stopAll();
  process.exit(1);
});
