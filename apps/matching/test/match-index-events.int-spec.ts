import 'reflect-metadata';
import { expect, jest } from '@jest/globals';
import {
  dlqTopicOf,
  type EventEnvelope,
  InvestorProfilePublished,
  InvestorProfileWithdrawn,
  MATCH_WEIGHTS_AGGREGATE_ID,
  MatchWeightsRecorded,
  ProjectApproved,
  ProjectUnpublished,
  TOPICS,
} from '@khoinghiep/contracts';
import { EventTap, envelopeOf, eventually, freshDatabase, sendEvent } from '@khoinghiep/testing';
import type { INestApplication } from '@nestjs/common';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import type { InvestorPreferences, ProjectFacts } from '../src/scoring/match-inputs.js';
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

// The catalogue and the match index in the matching app, against real PostgreSQL and the real Kafka broker, its
// consumer running: projects approved on `projects.events` enter the stored lists, equal to a brute-force scoring;
// an unpublished project leaves every list in the transaction that unpublishes it; profile events rescore; a new
// weights version rebuilds every list; a poison event goes to the dead-letter topic and the consumer goes on.

jest.setTimeout(120_000);

const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

describe('the match index fed by real events', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let producer: Producer;
  let dlqTap: EventTap;
  const random = seededRandom(8);
  // A few investors who are sure to fit the projects below (any sector, stage and place; tickets cover the asks).
  const investors: InvestorPreferences[] = Array.from({ length: 6 }, () =>
    randomInvestor(random, {
      excludedSectors: [],
      ticketMin: 0,
      ticketMax: 100_000_000_000,
      provincesOnly: false,
    }),
  );
  const project = (overrides: Partial<ProjectFacts> = {}) =>
    randomProject(random, { projectId: uuidv7(), trainingCompleted: false, ...overrides });

  beforeAll(async () => {
    app = await startMatchingApp(await freshDatabase('matching_index_events_int'), { consumeEvents: true });
    dataSource = app.get(DataSource);
    const kafka = new Kafka({ clientId: 'match-index-itest', brokers: BROKERS, logLevel: logLevel.NOTHING });
    producer = kafka.producer();
    await producer.connect();
    dlqTap = new EventTap(dlqTopicOf(TOPICS.projects.name), BROKERS);
    await dlqTap.start();
    for (const investor of investors) {
      await writeProfile(dataSource.manager, investor);
      await send(
        TOPICS.matching.name,
        envelope(InvestorProfilePublished.type, investor.investorId, profilePayload(investor)),
      );
    }
    await eventually('the profiles in matching', async () => {
      const [{ active }] = await dataSource.query(
        'SELECT count(*)::int AS active FROM investor_match_lists WHERE active AND investor_id = ANY($1)',
        [investors.map((investor) => investor.investorId)],
      );
      return active === investors.length;
    });
  }, 90_000);

  afterAll(async () => {
    await dlqTap?.stop();
    await producer?.disconnect();
    await app?.close();
  });

  const envelope = (type: string, aggregateId: string, payload: object): EventEnvelope =>
    envelopeOf(type, { type: type.split('.')[1] as string, id: aggregateId }, payload, {
      userId: uuidv7(),
      roles: ['programme_officer'],
    });
  const send = (topic: string, event: EventEnvelope) => sendEvent(producer, topic, event);

  const approve = (facts: ProjectFacts, ownerId: string, version = 1) =>
    send(
      TOPICS.projects.name,
      envelope(ProjectApproved.type, facts.projectId, approvedPayload(facts, ownerId, version)),
    );

  const catalogued = async (projectId: string) =>
    (
      await dataSource.query(
        'SELECT published, last_version, list_entries, training_completed FROM catalogued_projects WHERE project_id = $1',
        [projectId],
      )
    )[0] as
      | { published: boolean; last_version: number; list_entries: number; training_completed: boolean }
      | undefined;

  const pairsOf = async (projectId: string) => {
    const [{ pairs }] = await dataSource.query(
      `SELECT (SELECT count(*) FROM investor_matches WHERE project_id = $1)
         + (SELECT count(*) FROM project_matches WHERE project_id = $1) AS pairs`,
      [projectId],
    );
    return Number(pairs);
  };

  /** The stored lists of this file's investors, and of the projects they can meet, against the brute force. */
  async function expectListsEqualBruteForce(): Promise<void> {
    await eventually('the refill queue to drain', async () => {
      const [{ queued }] = await dataSource.query('SELECT count(*)::int AS queued FROM match_refills');
      return queued === 0;
    });
    expect(await storedLists(dataSource)).toEqual(await bruteForceLists(dataSource, MATCH_LIST_SIZE));
  }

  it('puts a project approved on projects.events into the lists it fits, as a brute-force scoring would', async () => {
    const facts = project();
    await approve(facts, uuidv7());
    const entry = await eventually('the project in the catalogue', () => catalogued(facts.projectId));
    expect(entry).toMatchObject({
      published: true,
      list_entries: investors.length,
      training_completed: false,
    });
    const lists = await storedLists(dataSource);
    for (const investor of investors) {
      expect(lists.investors[investor.investorId]?.some((match) => match.startsWith(facts.projectId))).toBe(
        true,
      );
    }
    await expectListsEqualBruteForce();
  });

  it('takes an unpublished project out of every list in the transaction that unpublishes it', async () => {
    const facts = project();
    const ownerId = uuidv7();
    await approve(facts, ownerId);
    await eventually('the project in the lists', async () => (await pairsOf(facts.projectId)) > 0);
    await send(
      TOPICS.projects.name,
      envelope(ProjectUnpublished.type, facts.projectId, {
        projectId: facts.projectId,
        ownerId,
        version: 2,
        officerId: uuidv7(),
        reason: 'Thông tin dự án chưa chính xác',
      }),
    );
    // The moment the catalogue says unpublished, no list holds it: same transaction.
    await eventually(
      'the unpublication',
      async () => (await catalogued(facts.projectId))?.published === false,
    );
    expect(await pairsOf(facts.projectId)).toBe(0);
    // A late approval of an older version changes nothing.
    const late = await approve(facts, ownerId, 1);
    await eventually('the late approval to be handled', async () => {
      const rows = await dataSource.query('SELECT 1 FROM inbox_event WHERE event_id = $1', [late.id]);
      return rows.length === 1;
    });
    expect(await catalogued(facts.projectId)).toMatchObject({ published: false, last_version: 2 });
    expect(await pairsOf(facts.projectId)).toBe(0);
    await expectListsEqualBruteForce();
  });

  it('takes an investor whose profile is withdrawn out of every list', async () => {
    for (let n = 0; n < 3; n++) await approve(project(), uuidv7());
    const [leaving] = investors;
    if (!leaving) throw new Error('no investor');
    await eventually('the projects in the lists', async () => {
      const [{ listed }] = await dataSource.query(
        'SELECT count(*)::int AS listed FROM project_matches WHERE investor_id = $1',
        [leaving.investorId],
      );
      return listed >= 4;
    });
    await writeProfile(dataSource.manager, leaving, false);
    await send(
      TOPICS.matching.name,
      envelope(InvestorProfileWithdrawn.type, leaving.investorId, profilePayload(leaving, 2)),
    );
    await eventually('the investor out of matching', async () => {
      const [{ listed }] = await dataSource.query(
        `SELECT (SELECT count(*) FROM project_matches WHERE investor_id = $1)
           + (SELECT count(*) FROM investor_matches WHERE investor_id = $1) AS listed`,
        [leaving.investorId],
      );
      return Number(listed) === 0;
    });
    await expectListsEqualBruteForce();
  });

  it('rebuilds every list with a new weights version once it is recorded and in force', async () => {
    const versionId = uuidv7();
    const points = {
      sector: 10,
      stage: 10,
      province_region: 10,
      target_groups: 10,
      ocop_certification: 10,
      thesis_text: 40,
      training: 10,
    };
    const effectiveFrom = new Date(Date.now() - 1000).toISOString();
    await dataSource.query(
      `INSERT INTO match_weight_versions (id, weights, effective_from, reason, recorded_by, recorded_at)
       VALUES ($1, $2, $3, 'Đề cao luận điểm đầu tư', NULL, now())`,
      [versionId, JSON.stringify(points), effectiveFrom],
    );
    await send(
      TOPICS.matching.name,
      envelope(MatchWeightsRecorded.type, MATCH_WEIGHTS_AGGREGATE_ID, {
        versionId,
        points,
        effectiveFrom,
        reason: 'Đề cao luận điểm đầu tư',
        recordedAt: new Date().toISOString(),
      }),
    );
    await eventually('every list rebuilt with the new weights', async () => {
      const [{ older }] = await dataSource.query(
        `SELECT (SELECT count(*) FROM investor_matches WHERE weights_version_id <> $1)
           + (SELECT count(*) FROM project_matches WHERE weights_version_id <> $1)
           + (SELECT count(*) FROM match_refills) AS older`,
        [versionId],
      );
      return Number(older) === 0;
    });
    await expectListsEqualBruteForce();
  });

  it('sends a poison event to the dead-letter topic and goes on', async () => {
    const facts = project();
    const poison = await send(
      TOPICS.projects.name,
      envelope(ProjectApproved.type, facts.projectId, {
        ...approvedPayload(facts, uuidv7(), 1),
        fundingAsk: 1_500_000_000,
      }),
    );
    const [letter] = await dlqTap.waitFor(facts.projectId, 1);
    expect(letter?.headers['dlq-reason']).toBe('invalid');
    expect(letter?.envelope.id).toBe(poison.id);
    expect(await catalogued(facts.projectId)).toBeUndefined();
    const next = project();
    await approve(next, uuidv7());
    await eventually(
      'the next project in the catalogue',
      async () => (await catalogued(next.projectId))?.published,
    );
  });

  it('refuses, in the database, a stored list above the list size', async () => {
    const investorId = uuidv7();
    const rows = Array.from({ length: MATCH_LIST_SIZE + 1 }, () => uuidv7());
    await expect(
      dataSource.query(
        `INSERT INTO investor_matches (investor_id, project_id, score, weights_version_id, scored_at)
         SELECT $1, project_id, 50, $1, now() FROM unnest($2::uuid[]) AS project_id`,
        [investorId, rows],
      ),
    ).rejects.toThrow(/at most 50 matches/);
  });
});
