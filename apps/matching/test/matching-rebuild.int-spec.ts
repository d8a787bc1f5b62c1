import 'reflect-metadata';
import { expect, jest } from '@jest/globals';
import { InvestorProfilePublished, ProjectApproved, ProjectUnpublished, TOPICS } from '@khoinghiep/contracts';
import { envelopeOf, eventually, freshDatabase, sendEvent } from '@khoinghiep/testing';
import type { INestApplication } from '@nestjs/common';
import { type Admin, Kafka, logLevel, type Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { IndexState } from '../src/match-index/index-state.js';
import { rebuildFromTopic } from '../src/rebuild/rebuild-from-topic.js';
import type { ProjectFacts } from '../src/scoring/match-inputs.js';
import { randomInvestor, randomProject, seededRandom } from '../src/scoring/random-fixtures.js';
import { MATCH_LIST_SIZE } from '../src/scoring/ranking.js';
import {
  approvedPayload,
  bruteForceLists,
  profilePayload,
  storedLists,
  writeProfile,
} from './support/match-index-fixtures.js';
import { startMatchingApp } from './support/matching-app.js';

// `npm run matching:rebuild` (ADR 0025) while the matching service runs beside it: projects published, unpublished
// and published again through real `projects.events`, profiles through `matching.events`, the lists recorded, the
// rebuild replays the topic into an emptied model, and the catalogue and every list come out the same. The topic
// also holds events of earlier tests: a first rebuild brings the model up to all of them, so that "before" is the
// state of everything on the topic.

jest.setTimeout(180_000);

const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

describe('rebuilding the catalogue and the lists from projects.events', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let producer: Producer;
  let admin: Admin;
  const random = seededRandom(25);

  beforeAll(async () => {
    app = await startMatchingApp(await freshDatabase('matching_rebuild_int'), { consumeEvents: true });
    dataSource = app.get(DataSource);
    const kafka = new Kafka({
      clientId: 'matching-rebuild-itest',
      brokers: BROKERS,
      logLevel: logLevel.NOTHING,
    });
    producer = kafka.producer();
    admin = kafka.admin();
    await Promise.all([producer.connect(), admin.connect()]);
  }, 90_000);

  afterAll(async () => {
    await producer?.disconnect();
    await admin?.disconnect();
    await app?.close();
  });

  const send = (topic: string, type: string, aggregateId: string, payload: object) =>
    sendEvent(
      producer,
      topic,
      envelopeOf(type, { type: type.split('.')[1] as string, id: aggregateId }, payload, {
        userId: uuidv7(),
        roles: ['programme_officer'],
      }),
    );

  /** Whether the service's consumer has applied (and committed) everything on the topic. */
  const caughtUp = async (topic: string) => {
    const ends = await admin.fetchTopicOffsets(topic);
    const [committed] = await admin.fetchOffsets({ groupId: 'matching', topics: [topic] });
    return ends.every(({ partition, high, low }) => {
      const offset = committed?.partitions.find((entry) => entry.partition === partition)?.offset ?? '-1';
      return high === low || offset === high;
    });
  };

  const catalogue = () =>
    dataSource.query(
      `SELECT project_id, owner_id, published, title, sector, stage, province_code, funding_ask, terms, last_version,
         last_event_type, list_entries, list_floor_score, list_floor_investor_id
       FROM catalogued_projects ORDER BY project_id`,
    );

  it('ends with the same catalogue and the same lists as before', async () => {
    const index = app.get(IndexState);
    await rebuildFromTopic(dataSource, { brokers: BROKERS, index });

    for (let n = 0; n < 8; n++) {
      const investor = randomInvestor(random);
      await writeProfile(dataSource.manager, investor);
      await send(
        TOPICS.matching.name,
        InvestorProfilePublished.type,
        investor.investorId,
        profilePayload(investor),
      );
    }
    const projects: { facts: ProjectFacts; ownerId: string }[] = Array.from({ length: 14 }, () => ({
      facts: randomProject(random, { projectId: uuidv7(), trainingCompleted: false }),
      ownerId: uuidv7(),
    }));
    for (const { facts, ownerId } of projects) {
      await send(
        TOPICS.projects.name,
        ProjectApproved.type,
        facts.projectId,
        approvedPayload(facts, ownerId, 1),
      );
    }
    for (const { facts, ownerId } of projects.slice(0, 3)) {
      await send(TOPICS.projects.name, ProjectUnpublished.type, facts.projectId, {
        projectId: facts.projectId,
        ownerId,
        version: 2,
        officerId: uuidv7(),
        reason: 'Hồ sơ chưa đầy đủ',
      });
    }
    const [again] = projects;
    if (!again) throw new Error('no project');
    const changed = randomProject(random, { projectId: again.facts.projectId, trainingCompleted: false });
    await send(
      TOPICS.projects.name,
      ProjectApproved.type,
      changed.projectId,
      approvedPayload(changed, again.ownerId, 3),
    );

    // The shared test topics also hold what earlier test files produced (poison events included, each retried before
    // its dead letter), which the service reads first: on a loaded machine that takes longer than the usual wait.
    await eventually(
      'the service to apply every event',
      async () => {
        const [{ queued }] = await dataSource.query('SELECT count(*)::int AS queued FROM match_refills');
        return (
          queued === 0 && (await caughtUp(TOPICS.projects.name)) && (await caughtUp(TOPICS.matching.name))
        );
      },
      90_000,
      100,
    );
    const before = { catalogue: await catalogue(), lists: await storedLists(dataSource) };
    expect(before.catalogue.length).toBeGreaterThanOrEqual(projects.length);
    expect(before.lists).toEqual(await bruteForceLists(dataSource, MATCH_LIST_SIZE));

    const report = await rebuildFromTopic(dataSource, { brokers: BROKERS, index });

    expect(report.read).toBeGreaterThanOrEqual(projects.length + 4);
    expect(report.projects).toBe(
      before.catalogue.filter((row: { published: boolean }) => row.published).length,
    );
    expect(await catalogue()).toEqual(before.catalogue);
    expect(await storedLists(dataSource)).toEqual(before.lists);
    // The unpublished projects are in no list, the one published again is there with its new facts.
    const [republished] = await dataSource.query(
      'SELECT published, sector, last_version FROM catalogued_projects WHERE project_id = $1',
      [again.facts.projectId],
    );
    expect(republished).toEqual({ published: true, sector: changed.sector, last_version: 3 });
    for (const { facts } of projects.slice(1, 3)) {
      expect(before.lists.projects[facts.projectId]).toBeUndefined();
    }
  });
});
