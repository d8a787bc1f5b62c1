import 'reflect-metadata';
import { jest } from '@jest/globals';
import { Role, TOPICS } from '@khoinghiep/contracts';
import { EventTap, freshDatabase, userFactory } from '@khoinghiep/testing';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { startMatchingApp } from './support/matching-app.js';

// Interest → consent → introduction → pipeline against real PostgreSQL and Kafka, through the routes: contacts are
// reachable only through an introduction, which only the founder's acceptance makes; every forbidden action is
// refused; invalid bodies write nothing; the limits that stop spam hold under concurrent requests (the database
// decides); two answers at once give one winner. No event carries contact data.

jest.setTimeout(120_000);

type SignedIn = ReturnType<ReturnType<typeof userFactory>>;

describe('interests and introductions against PostgreSQL and Kafka', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let tap: EventTap;
  let signIn: ReturnType<typeof userFactory>;
  const http = () => request(app.getHttpServer());
  /** Contact values that must never appear in an event. */
  const secrets: string[] = [];

  beforeAll(async () => {
    app = await startMatchingApp(await freshDatabase('matching_interests_int'));
    dataSource = app.get(DataSource);
    signIn = userFactory(app);
    tap = new EventTap(TOPICS.matching.name);
    await tap.start();
  }, 90_000);

  afterAll(async () => {
    await tap?.stop();
    await app?.close();
  });

  /** An investor with a published profile sharing email and phone (not the address) in introductions. */
  const investor = async (options: { coinvest?: boolean } = {}) => {
    const signedIn = signIn(Role.Investor, 'nha-dau-tu');
    const contact = {
      email: `quy-${uuidv7()}@songhong.vn`,
      phone: `09${Math.floor(Math.random() * 1e8)
        .toString()
        .padStart(8, '0')}`,
      address: `Số ${uuidv7()} Tràng Tiền, Hà Nội`,
    };
    secrets.push(contact.email, contact.phone, contact.address);
    await dataSource.query(
      `INSERT INTO investor_profiles (investor_id, kind, display_name, organisation, sectors, excluded_sectors, stages,
         ticket_min, ticket_max, province_codes, provinces_only, target_groups, thesis, thesis_terms,
         coinvest_with_state, contact, shared_contact_fields, published, version, created_at, updated_at)
       VALUES ($1, 'venture_fund', 'Trần Minh', 'Quỹ Sông Hồng', '{agriculture_food}', '{}', '{}', 500000000,
         5000000000, '{}', false, '{}', 'Nông nghiệp công nghệ cao', '{nong,nghiep}', $2, $3,
         '{email,phone}', true, 1, now(), now())`,
      [signedIn.user.id, options.coinvest ?? true, contact],
    );
    return { ...signedIn, contact };
  };

  /** A published project of `founder` sharing `shared` of the founder's contacts in introductions. */
  const publishedProject = async (founder: SignedIn, shared: string[] = ['email', 'phone']) => {
    const projectId = uuidv7();
    await dataSource.query(
      `INSERT INTO catalogued_projects (project_id, owner_id, published, title, summary, kind, sector, stage,
         province_code, commune, funding_ask, team_size, target_groups, shared_contact_fields, terms, published_at,
         last_version, last_event_type, updated_at)
       VALUES ($1, $2, true, 'Cà phê đặc sản Buôn Ma Thuột', 'Rang xay cà phê', 'innovative_startup',
         'agriculture_food', 'early_revenue', '66', 'Phường Buôn Ma Thuột', 1500000000, 6, '{}', $3, '{ca,phe}',
         now(), 3, 'projects.project.approved', now())`,
      [projectId, founder.user.id, shared],
    );
    return projectId;
  };

  const MESSAGE = 'Quỹ chúng tôi quan tâm tới cà phê đặc sản; xin được trao đổi thêm.';
  const express = (who: SignedIn, projectId: string, message = MESSAGE) =>
    http().post('/api/v1/matching/interests').set('Authorization', who.auth).send({ projectId, message });
  const answer = (who: SignedIn, interestId: string, action: string, body: object = {}) =>
    http()
      .post(`/api/v1/matching/interests/${interestId}/${action}`)
      .set('Authorization', who.auth)
      .send(body);
  const read = (who: SignedIn, path: string) =>
    http().get(`/api/v1/matching${path}`).set('Authorization', who.auth);
  const pipeline = (who: SignedIn, introductionId: string, body: object) =>
    http()
      .put(`/api/v1/matching/introductions/${introductionId}/pipeline`)
      .set('Authorization', who.auth)
      .send(body);
  const count = async (table: string, where = 'true', params: unknown[] = []) =>
    Number((await dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params))[0].n);
  const fieldsOf = (body: { errors?: { field: string }[] }) =>
    (body.errors ?? []).map((error) => error.field);

  /** An open interest of a new investor in a new project of a new founder. */
  const openInterest = async () => {
    const founder = signIn(Role.Founder, 'nha-sang-lap');
    const projectId = await publishedProject(founder);
    const sender = await investor();
    const expressed = await express(sender, projectId);
    expect(expressed.status).toBe(201);
    return { founder, investor: sender, projectId, interestId: expressed.body.id as string };
  };

  it('goes from interest to introduction to a commitment, sharing contacts only after the founder accepts', async () => {
    const founder = signIn(Role.Founder, 'nha-sang-lap');
    const projectId = await publishedProject(founder);
    const sender = await investor({ coinvest: true });

    const expressed = await express(sender, projectId);
    expect(expressed.status).toBe(201);
    const interestId = expressed.body.id as string;
    expect(expressed.headers.location).toBe(`/api/v1/matching/interests/${interestId}`);
    expect(expressed.body).toMatchObject({
      projectId,
      projectTitle: 'Cà phê đặc sản Buôn Ma Thuột',
      projectOwnerId: founder.user.id,
      investorId: sender.user.id,
      investorName: 'Trần Minh (Quỹ Sông Hồng)',
      message: MESSAGE,
      status: 'open',
      introductionId: null,
      closedAt: null,
    });

    // Before consent: the founder reads the interest, with no contact of the investor; the investor has no
    // introduction, so no way to the founder's contacts.
    const received = await read(founder, '/interests?status=open');
    expect(received.status).toBe(200);
    expect(received.body.items.map((item: { id: string }) => item.id)).toEqual([interestId]);
    const seenByFounder = await read(founder, `/interests/${interestId}`);
    expect(seenByFounder.status).toBe(200);
    expect(JSON.stringify(seenByFounder.body)).not.toContain(sender.contact.email);
    expect(JSON.stringify(seenByFounder.body)).not.toContain(sender.contact.phone);
    expect((await read(sender, '/interests')).body.items).toHaveLength(1);
    expect((await read(sender, '/introductions')).body).toEqual({ items: [], nextCursor: null });

    const accepted = await answer(founder, interestId, 'accept', { contact: { phone: '0905 111 222' } });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', closedAt: expect.any(String) });
    const introductionId = accepted.body.introductionId as string;
    expect(introductionId).toEqual(expect.any(String));
    secrets.push(founder.user.email, '0905 111 222');

    // After consent: both parties read each other's shared contacts, and nobody else reads anything.
    for (const party of [sender, founder]) {
      const introduction = await read(party, `/introductions/${introductionId}`);
      expect(introduction.status).toBe(200);
      expect(introduction.body).toMatchObject({
        interestId,
        projectId,
        founderContact: { email: founder.user.email, phone: '0905 111 222', website: null, address: null },
        investorContact: {
          email: sender.contact.email,
          phone: sender.contact.phone,
          website: null,
          address: null,
        },
        pipelineStatus: null,
        pipeline: [],
      });
    }
    const listed = await read(sender, '/introductions');
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([introductionId]);
    const stranger = await investor();
    const otherFounder = signIn(Role.Founder, 'nha-sang-lap-khac');
    for (const outsider of [stranger, otherFounder]) {
      expect((await read(outsider, `/introductions/${introductionId}`)).body.code).toBe(
        'INTRODUCTION_NOT_FOUND',
      );
      expect((await read(outsider, `/interests/${interestId}`)).status).toBe(404);
      expect((await read(outsider, '/introductions')).body.items).toEqual([]);
    }

    expect(
      (await pipeline(sender, introductionId, { status: 'considering', note: 'Đã gặp đội ngũ' })).status,
    ).toBe(200);
    const committed = await pipeline(sender, introductionId, { status: 'committed', amount: '2000000000' });
    expect(committed.status).toBe(200);
    expect(committed.body).toMatchObject({ pipelineStatus: 'committed', pipelineAmount: '2000000000' });
    expect(committed.body.pipeline).toEqual([
      { status: 'considering', amount: null, note: 'Đã gặp đội ngũ', recordedAt: expect.any(String) },
      { status: 'committed', amount: '2000000000', note: null, recordedAt: expect.any(String) },
    ]);
    // The founder sees the history, but the investor's notes are the investor's own.
    const historyForFounder = (await read(founder, `/introductions/${introductionId}`)).body.pipeline;
    expect(historyForFounder.map((entry: { note: string | null }) => entry.note)).toEqual([null, null]);

    const interestEvents = await tap.waitFor(interestId, 2);
    expect(interestEvents.map((event) => event.envelope.type)).toEqual([
      'matching.interest.expressed',
      'matching.interest.accepted',
    ]);
    expect(interestEvents.every((event) => event.key === interestId)).toBe(true);
    expect(interestEvents[0]?.envelope.payload).toEqual({
      interestId,
      projectId,
      projectOwnerId: founder.user.id,
      projectTitle: 'Cà phê đặc sản Buôn Ma Thuột',
      investorId: sender.user.id,
      investorName: 'Trần Minh (Quỹ Sông Hồng)',
      message: MESSAGE,
      expressedAt: expressed.body.expressedAt,
    });
    expect(interestEvents[1]?.envelope.payload).toMatchObject({ introductionId });
    expect(interestEvents[1]?.envelope.actor).toMatchObject({ userId: founder.user.id });

    const introductionEvents = await tap.waitFor(introductionId, 4);
    expect(introductionEvents.map((event) => event.envelope.type)).toEqual([
      'matching.introduction.made',
      'matching.pipeline_status.recorded',
      'matching.pipeline_status.recorded',
      'matching.commitment.recorded',
    ]);
    expect(introductionEvents.every((event) => event.key === introductionId)).toBe(true);
    expect(introductionEvents[3]?.envelope.payload).toEqual({
      introductionId,
      projectId,
      projectOwnerId: founder.user.id,
      investorId: sender.user.id,
      investorKind: 'venture_fund',
      investorName: 'Trần Minh (Quỹ Sông Hồng)',
      coinvestWithState: true,
      amount: '2000000000',
      stage: 'committed',
      recordedAt: expect.any(String),
    });
  });

  it('declines with a reason the investor reads, after which the interest cannot be answered again', async () => {
    const { founder, investor: sender, interestId } = await openInterest();
    const declined = await answer(founder, interestId, 'decline', { reason: 'Chưa gọi vốn năm nay.' });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ status: 'declined', declineReason: 'Chưa gọi vốn năm nay.' });
    expect((await read(sender, `/interests/${interestId}`)).body.declineReason).toBe('Chưa gọi vốn năm nay.');

    for (const action of ['accept', 'decline']) {
      const again = await answer(founder, interestId, action);
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'INTEREST_NOT_OPEN', currentStatus: 'declined' });
    }
    expect(await count('introductions', 'interest_id = $1', [interestId])).toBe(0);
    expect((await read(sender, '/introductions')).body.items).toEqual([]);
    const events = await tap.waitFor(interestId, 2);
    expect(events.map((event) => event.envelope.type)).toEqual([
      'matching.interest.expressed',
      'matching.interest.declined',
    ]);
    expect(events[1]?.envelope.payload).toMatchObject({ reason: 'Chưa gọi vốn năm nay.' });
  });

  it('lets the investor withdraw an open interest, then approach the project again', async () => {
    const { founder, investor: sender, projectId, interestId } = await openInterest();
    const withdrawn = await answer(sender, interestId, 'withdraw');
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    expect((await answer(founder, interestId, 'accept')).body.code).toBe('INTEREST_NOT_OPEN');
    expect((await answer(sender, interestId, 'withdraw')).status).toBe(409);
    expect((await read(founder, '/interests?status=withdrawn')).body.items).toHaveLength(1);

    const again = await express(sender, projectId);
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(interestId);
    const events = await tap.waitFor(interestId, 2);
    expect(events.map((event) => event.envelope.type)).toEqual([
      'matching.interest.expressed',
      'matching.interest.withdrawn',
    ]);
  });

  it('refuses every forbidden action with a problem, and changes nothing', async () => {
    const { founder, investor: sender, projectId, interestId } = await openInterest();
    const otherFounder = signIn(Role.Founder, 'nha-sang-lap-khac');
    const officer = signIn(Role.ProgrammeOfficer, 'can-bo');
    const before = await count('interests');

    const founderExpressing = await express(founder, projectId);
    expect(founderExpressing.status).toBe(403);
    expect(founderExpressing.body.code).toBe('FORBIDDEN_ROLE');
    expect((await read(officer, '/interests')).status).toBe(403);
    expect((await read(officer, `/interests/${interestId}`)).status).toBe(403);

    // Another founder cannot learn the interest exists; the investor cannot answer their own interest.
    const otherAnswering = await answer(otherFounder, interestId, 'accept');
    expect(otherAnswering.status).toBe(404);
    expect(otherAnswering.body.code).toBe('INTEREST_NOT_FOUND');
    expect((await answer(otherFounder, interestId, 'decline')).status).toBe(404);
    expect((await answer(sender, interestId, 'accept')).status).toBe(403);
    expect((await answer(founder, interestId, 'withdraw')).status).toBe(403);
    expect((await read(otherFounder, '/interests')).body.items).toEqual([]);

    // The investor cannot reach the founder's contacts before consent: there is no introduction to read.
    expect((await read(sender, `/introductions/${uuidv7()}`)).status).toBe(404);
    expect((await read(sender, '/introductions')).body.items).toEqual([]);
    expect(JSON.stringify((await read(sender, `/interests/${interestId}`)).body)).not.toContain(
      founder.user.email,
    );

    // An investor without a published profile, a project not published, or one's own project.
    const unprofiled = signIn(Role.Investor, 'chua-co-ho-so');
    expect((await express(unprofiled, projectId)).body.code).toBe('INTEREST_PROFILE_REQUIRED');
    const unpublished = uuidv7();
    await dataSource.query(
      `INSERT INTO catalogued_projects (project_id, owner_id, published, target_groups, shared_contact_fields, terms,
         last_version, last_event_type, updated_at)
       VALUES ($1, $2, false, '{}', '{}', '{}', 4, 'projects.project.unpublished', now())`,
      [unpublished, founder.user.id],
    );
    const notPublished = await express(sender, unpublished);
    expect(notPublished.status).toBe(409);
    expect(notPublished.body.code).toBe('INTEREST_PROJECT_NOT_PUBLISHED');
    expect((await express(sender, uuidv7())).body.code).toBe('INTEREST_PROJECT_NOT_PUBLISHED');
    const again = await express(sender, projectId);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'INTEREST_ALREADY_OPEN', interestId });

    expect(await count('interests')).toBe(before);
    expect((await read(sender, `/interests/${interestId}`)).body.status).toBe('open');
    // Nothing was published for any refused command: only the interest's own first event is on the topic.
    await tap.readToEnd();
    expect(tap.of(interestId).map((event) => event.envelope.type)).toEqual(['matching.interest.expressed']);
  });

  it('refuses invalid bodies with 400 naming the field, writing nothing', async () => {
    const { founder, investor: sender, interestId } = await openInterest();
    const emailOnly = await publishedProject(founder, ['email']);
    const counts = async () => ({
      interests: await count('interests', 'investor_id = $1', [sender.user.id]),
      introductions: await count('introductions', 'investor_id = $1', [sender.user.id]),
      entries: await count('pipeline_entries', 'recorded_by = $1', [sender.user.id]),
      expressedToday: await count('interest_daily_counts', 'investor_id = $1 AND expressed = 1', [
        sender.user.id,
      ]),
    });
    const before = await counts();
    const refusals: [Promise<request.Response>, string][] = [
      [express(sender, emailOnly, 'ngắn quá'), 'message'],
      [express(sender, emailOnly, 'x'.repeat(2001)), 'message'],
      [express(sender, 'not-an-id'), 'projectId'],
      [
        http()
          .post('/api/v1/matching/interests')
          .set('Authorization', sender.auth)
          .send({ projectId: emailOnly, message: MESSAGE, contact: 'x' }),
        'contact',
      ],
      [answer(founder, interestId, 'accept', { contact: { email: 'not-an-email' } }), 'contact.email'],
      [answer(founder, interestId, 'accept', { contact: { phone: 'gọi tôi' } }), 'contact.phone'],
      [answer(founder, interestId, 'decline', { reason: '   ' }), 'reason'],
    ];
    for (const [response, field] of refusals) {
      const refused = await response;
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('VALIDATION_FAILED');
      expect(fieldsOf(refused.body)).toContain(field);
    }
    expect(await counts()).toEqual(before);

    // This project shares the phone: accepting without one is refused, naming it.
    const noPhone = await answer(founder, interestId, 'accept', { contact: { email: 'lienhe@caphe.vn' } });
    expect(noPhone.status).toBe(400);
    expect(fieldsOf(noPhone.body)).toEqual(['contact.phone']);
    // This one shares only the email: a phone is refused, naming it.
    const second = await express(sender, emailOnly);
    expect(second.status).toBe(201);
    const notShared = await answer(founder, second.body.id, 'accept', { contact: { phone: '0905 111 222' } });
    expect(notShared.status).toBe(400);
    expect(fieldsOf(notShared.body)).toEqual(['contact.phone']);
    expect((await read(founder, `/interests/${interestId}`)).body.status).toBe('open');
    expect((await read(founder, `/interests/${second.body.id}`)).body.status).toBe('open');
    expect(await count('introductions', 'investor_id = $1', [sender.user.id])).toBe(0);

    const accepted = await answer(founder, interestId, 'accept', { contact: { phone: '0905 111 222' } });
    expect(accepted.status).toBe(200);
    const introductionId = accepted.body.introductionId as string;
    for (const [body, field] of [
      [{ status: 'committed' }, 'amount'],
      [{ status: 'invested', amount: '0' }, 'amount'],
      [{ status: 'considering', amount: '1000' }, 'amount'],
      [{ status: 'committed', amount: 2000000000 }, 'amount'],
      [{ status: 'maybe' }, 'status'],
      [{ status: 'considering', note: 'x'.repeat(1001) }, 'note'],
    ] as const) {
      const refused = await pipeline(sender, introductionId, body);
      expect(refused.status).toBe(400);
      expect(fieldsOf(refused.body)).toContain(field);
    }
    expect(await count('pipeline_entries', 'introduction_id = $1', [introductionId])).toBe(0);
    expect((await read(sender, `/introductions/${introductionId}`)).body.pipelineStatus).toBeNull();

    // Founders do not record the investor's pipeline; a status without news is refused.
    expect((await pipeline(founder, introductionId, { status: 'considering' })).status).toBe(403);
    expect((await pipeline(sender, introductionId, { status: 'passed' })).status).toBe(200);
    const repeated = await pipeline(sender, introductionId, { status: 'passed' });
    expect(repeated.status).toBe(409);
    expect(repeated.body).toMatchObject({
      code: 'PIPELINE_ILLEGAL_TRANSITION',
      currentStatus: 'passed',
      requestedStatus: 'passed',
    });
    await tap.readToEnd();
    expect(tap.of(introductionId).map((event) => event.envelope.type)).toEqual([
      'matching.introduction.made',
      'matching.pipeline_status.recorded',
    ]);
  });

  it('keeps one open interest per investor and project under 20 concurrent requests', async () => {
    const founder = signIn(Role.Founder, 'nha-sang-lap');
    const projectId = await publishedProject(founder);
    const sender = await investor();
    const answers = await Promise.all(Array.from({ length: 20 }, () => express(sender, projectId)));
    const statuses = answers.map((response) => response.status).sort();
    expect(statuses).toEqual([201, ...Array(19).fill(409)]);
    expect(
      answers
        .filter((response) => response.status === 409)
        .every((r) => r.body.code === 'INTEREST_ALREADY_OPEN'),
    ).toBe(true);
    expect(
      await count('interests', 'investor_id = $1 AND project_id = $2', [sender.user.id, projectId]),
    ).toBe(1);
    // The database holds the rule whatever the code does: a second open row for the pair is refused.
    await expect(
      dataSource.query(
        `INSERT INTO interests (id, project_id, project_owner_id, project_title, investor_id, investor_name, message,
           status, expressed_at)
         VALUES ($1, $2, $3, 'x', $4, 'x', $5, 'open', now())`,
        [uuidv7(), projectId, founder.user.id, sender.user.id, MESSAGE],
      ),
    ).rejects.toThrow(/UQ_interests_open_pair/);
    // The refused requests rolled their count back with them.
    expect(await count('interest_daily_counts', 'investor_id = $1 AND expressed = 1', [sender.user.id])).toBe(
      1,
    );
  });

  it('lets exactly the daily cap through under concurrent requests, then answers 429 until the next day', async () => {
    const founder = signIn(Role.Founder, 'nha-sang-lap');
    const sender = await investor();
    const projects = [];
    for (let index = 0; index < 25; index += 1) projects.push(await publishedProject(founder));
    const answers = await Promise.all(projects.map((projectId) => express(sender, projectId)));
    const created = answers.filter((response) => response.status === 201);
    const refused = answers.filter((response) => response.status === 429);
    expect(created).toHaveLength(20);
    expect(refused).toHaveLength(5);
    for (const response of refused) {
      expect(response.body).toMatchObject({ code: 'INTEREST_DAILY_CAP_REACHED', cap: 20 });
      const retryAfter = Number(response.headers['retry-after']);
      expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 86_400).toBe(true);
    }
    expect(await count('interests', 'investor_id = $1', [sender.user.id])).toBe(20);
    expect(
      await count('interest_daily_counts', 'investor_id = $1 AND expressed = 20', [sender.user.id]),
    ).toBe(1);
    // Another investor has a cap of their own.
    expect((await express(await investor(), projects[0] as string)).status).toBe(201);
  });

  it('gives one winner when the founder answers twice at once', async () => {
    for (const [first, second] of [
      ['accept', 'decline'],
      ['accept', 'accept'],
    ]) {
      const { founder, interestId } = await openInterest();
      const bodyOf = (action: string) => (action === 'accept' ? { contact: { phone: '0905 111 222' } } : {});
      const answers = await Promise.all([
        answer(founder, interestId, first as string, bodyOf(first as string)),
        answer(founder, interestId, second as string, bodyOf(second as string)),
      ]);
      expect(answers.map((response) => response.status).sort()).toEqual([200, 409]);
      const loser = answers.find((response) => response.status === 409);
      expect(loser?.body.code).toBe('INTEREST_NOT_OPEN');
      const winner = answers.find((response) => response.status === 200);
      const introductions = await count('introductions', 'interest_id = $1', [interestId]);
      expect(introductions).toBe(winner?.body.status === 'accepted' ? 1 : 0);
      const events = await tap.waitFor(interestId, 2);
      expect(events).toHaveLength(2);
    }
  });

  it('never puts contact data in an event', async () => {
    await tap.readToEnd();
    const published = tap.events.map((event) => JSON.stringify(event.envelope));
    expect(published.length).toBeGreaterThan(10);
    for (const secret of secrets) {
      expect(published.filter((event) => event.includes(secret))).toEqual([]);
    }
  });
});
