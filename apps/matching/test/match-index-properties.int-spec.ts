import 'reflect-metadata';
import { expect, jest } from '@jest/globals';
import {
  InvestorProfilePublished,
  InvestorProfileUpdated,
  InvestorProfileWithdrawn,
  ProjectApproved,
  ProjectUnpublished,
  ProjectWithdrawn,
} from '@khoinghiep/contracts';
import { eventually, freshDatabase } from '@khoinghiep/testing';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { CatalogueProjector } from '../src/catalogue/catalogue.projector.js';
import { InvestorEventsHandler } from '../src/match-index/investor-events.handler.js';
import { ListRefills } from '../src/match-index/list-refills.js';
import { RefillWorker } from '../src/match-index/refill-worker.js';
import { WeightsSwitch } from '../src/match-index/weights-switch.js';
import {
  randomInvestor,
  randomProject,
  randomUuid,
  randomWeights,
  seededRandom,
} from '../src/scoring/random-fixtures.js';
import { MATCH_LIST_SIZE } from '../src/scoring/ranking.js';
import {
  approvedPayload,
  bruteForceLists,
  handle,
  inconsistentBooks,
  profilePayload,
  storedLists,
  writeProfile,
} from './support/match-index-fixtures.js';
import { startMatchingApp } from './support/matching-app.js';

// The property of the match index (ADR 0024): whatever happens, in whatever order, once the refill queue is drained
// every stored list equals what scoring every pair gives. Seeded random profiles and projects (the scorer's fixtures)
// go through the real handlers in random order, a few at a time in separate transactions, with projects unpublished,
// withdrawn and published again with other facts, profiles changed and withdrawn, refills drained in between, and a
// new weights version coming into force midway. Enough of each that lists fill up (k = 50) and floors decide.

jest.setTimeout(300_000);

const SEED = Number(process.env.MATCH_INDEX_SEED ?? 20_261_129);
const PROJECTS = 260;
const INVESTORS = 170;

type Step = () => Promise<void>;

describe(`the stored best matches (seed ${SEED})`, () => {
  let app: INestApplication;
  let dataSource: DataSource;

  beforeAll(async () => {
    app = await startMatchingApp(await freshDatabase('matching_index_properties_int'));
    dataSource = app.get(DataSource);
  }, 90_000);

  afterAll(async () => {
    await app?.close();
  });

  it('equal a brute-force scoring of every pair after random publications, changes and removals', async () => {
    const random = seededRandom(SEED);
    const chance = (probability: number) => random() < probability;
    const catalogue = app.get(CatalogueProjector);
    const investorEvents = app.get(InvestorEventsHandler);
    const worker = app.get(RefillWorker);
    const steps = new Map<string, Step[]>();
    // Every list refilled, by the background worker or by the drains below.
    let refilled = 0;
    const refills = app.get(ListRefills);
    for (const method of ['refillInvestors', 'refillProjects'] as const) {
      const refill = refills[method].bind(refills);
      jest.spyOn(refills, method).mockImplementation((manager, ids) => {
        refilled += ids.length;
        return refill(manager, ids);
      });
    }

    for (let n = 0; n < PROJECTS; n++) {
      const facts = randomProject(random);
      const { projectId } = facts;
      const ownerId = randomUuid(random);
      let version = 0;
      const publish = (shown = facts): Step => {
        const at = ++version;
        return () =>
          handle(dataSource, ProjectApproved.type, projectId, approvedPayload(shown, ownerId, at), (p, c) =>
            catalogue.onApproved(p, c),
          );
      };
      const unpublish = (): Step => {
        const at = ++version;
        return () =>
          handle(
            dataSource,
            ProjectUnpublished.type,
            projectId,
            { projectId, ownerId, version: at, officerId: ownerId, reason: 'Thông tin chưa chính xác' },
            (p, c) => catalogue.onUnpublished(p, c),
          );
      };
      const withdraw = (): Step => {
        const at = ++version;
        return () =>
          handle(
            dataSource,
            ProjectWithdrawn.type,
            projectId,
            { projectId, ownerId, version: at, previousStatus: 'published' as const, reason: null },
            (p, c) => catalogue.onWithdrawn(p, c),
          );
      };
      const life = [publish()];
      if (chance(0.15)) life.push(publish(randomProject(random, { projectId })));
      if (chance(0.25)) {
        life.push(chance(0.5) ? unpublish() : withdraw());
        if (chance(0.3)) life.push(publish(randomProject(random, { projectId })));
      }
      steps.set(`project ${projectId}`, life);
    }

    for (let n = 0; n < INVESTORS; n++) {
      let preferences = randomInvestor(random);
      const { investorId } = preferences;
      const profile = (published: boolean, changed = preferences): Step => {
        preferences = changed;
        const shown = changed;
        return async () => {
          await writeProfile(dataSource.manager, shown, published);
          const [contract, handler] = published
            ? ([InvestorProfileUpdated, investorEvents.onUpdated] as const)
            : ([InvestorProfileWithdrawn, investorEvents.onWithdrawn] as const);
          await handle(dataSource, contract.type, investorId, profilePayload(shown), (p, c) =>
            handler.call(investorEvents, p, c),
          );
        };
      };
      const life: Step[] = [
        async () => {
          await writeProfile(dataSource.manager, preferences, true);
          await handle(
            dataSource,
            InvestorProfilePublished.type,
            investorId,
            profilePayload(preferences),
            (p, c) => investorEvents.onPublished(p, c),
          );
        },
      ];
      if (chance(0.3)) life.push(profile(true, randomInvestor(random, { investorId })));
      if (chance(0.15)) {
        life.push(profile(false));
        if (chance(0.3)) life.push(profile(true, randomInvestor(random, { investorId })));
      }
      steps.set(`investor ${investorId}`, life);
    }

    const total = [...steps.values()].reduce((sum, life) => sum + life.length, 0);
    let done = 0;
    let weightsChanged = false;
    while (steps.size > 0) {
      // A few entities at once, each its next step, in separate transactions (as several partitions would).
      const keys = [...steps.keys()];
      const batch = new Set<string>();
      const size = 1 + Math.floor(random() * 4);
      for (let i = 0; i < size; i++) batch.add(keys[Math.floor(random() * keys.length)] as string);
      const running: Promise<unknown>[] = [...batch].map((key) => {
        const life = steps.get(key) as Step[];
        const step = life.shift() as Step;
        if (life.length === 0) steps.delete(key);
        return step();
      });
      if (chance(0.05)) running.push(worker.drain());
      await Promise.all(running);
      done += batch.size;
      if (!weightsChanged && done >= total / 2) {
        weightsChanged = true;
        await recordWeightsInForce(random);
      }
    }
    await eventually('the refill queue to drain', async () => {
      await worker.drain();
      const [{ queued }] = await dataSource.query('SELECT count(*)::int AS queued FROM match_refills');
      return queued === 0;
    });

    const stored = await storedLists(dataSource);
    const expected = await bruteForceLists(dataSource, MATCH_LIST_SIZE);
    expect(Object.keys(stored.investors).length).toBe(Object.keys(expected.investors).length);
    expect(stored.investors).toEqual(expected.investors);
    expect(Object.keys(stored.projects).length).toBe(Object.keys(expected.projects).length);
    expect(stored.projects).toEqual(expected.projects);
    expect(await inconsistentBooks(dataSource)).toEqual([]);
    // The run did what it is meant to test: full lists (floors deciding), refills, a rebuild for new weights.
    const full = (lists: Record<string, string[]>) =>
      Object.values(lists).filter((list) => list.length === MATCH_LIST_SIZE).length;
    expect(full(stored.investors)).toBeGreaterThan(INVESTORS / 4);
    expect(full(stored.projects)).toBeGreaterThan(PROJECTS / 4);
    expect(refilled).toBeGreaterThan(0);
    const versions: { version: string }[] = await dataSource.query(`
      SELECT DISTINCT weights_version_id AS version FROM investor_matches
      UNION SELECT DISTINCT weights_version_id FROM project_matches`);
    const [state] = await dataSource.query('SELECT weights_version_id FROM match_index_state');
    expect(versions.map((row) => row.version)).toEqual([state.weights_version_id]);
  });

  /** A new weights version in force from now on, as an admin records it, and the index moved to it. */
  async function recordWeightsInForce(random: () => number): Promise<void> {
    const weights = randomWeights(random, uuidv7());
    await dataSource.query(
      `INSERT INTO match_weight_versions (id, weights, effective_from, reason, recorded_by, recorded_at)
       VALUES ($1, $2, $3, 'Trọng số thử', NULL, $3)`,
      [weights.versionId, JSON.stringify(weights.points), new Date(Date.now() - 1000)],
    );
    const moved = await dataSource.transaction((manager) => app.get(WeightsSwitch).switchIfDue(manager));
    expect(moved).toBe(true);
  }
});
