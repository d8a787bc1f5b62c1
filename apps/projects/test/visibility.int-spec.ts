import 'reflect-metadata';
import { jest } from '@jest/globals';
import { PROJECT_STATUSES, Role } from '@khoinghiep/contracts';
import { freshDatabase, projectBody, userFactory } from '@khoinghiep/testing';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource, In } from 'typeorm';
import { Project } from '../src/projects/project.entity.js';
import {
  type Caller,
  maySee,
  visibilityCondition,
  visibilityFor,
} from '../src/projects/project-access.policy.js';
import { startProjectsApp } from './support/projects-app.js';

// The visibility rule is evaluated in code for single reads and rendered as SQL for lists: on every combination
// of owner, status and "ever submitted" in a real database, both must pick exactly the same projects.

jest.setTimeout(60_000);

describe('one visibility rule for single reads and lists', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let as: ReturnType<typeof userFactory>;
  let http: () => ReturnType<typeof request>;
  const callers: Record<string, { caller: Caller; auth: string }> = {};
  const ids: string[] = [];
  let withdrawnUnseenId = '';
  let withdrawnAfterReviewId = '';

  beforeAll(async () => {
    const url = await freshDatabase('projects_visibility');
    app = await startProjectsApp(url);
    dataSource = app.get(DataSource);
    as = userFactory(app);
    http = () => request(app.getHttpServer());
    for (const [name, role] of [
      ['owner', Role.Founder],
      ['otherFounder', Role.Founder],
      ['investor', Role.Investor],
      ['officer', Role.ProgrammeOfficer],
      ['admin', Role.Admin],
    ] as const) {
      const { user, auth } = as(role, name);
      callers[name] = { caller: { userId: user.id, roles: user.roles }, auth };
    }
    const owner = callers.owner as { auth: string };
    // Every status, once never submitted and once submitted: 14 projects of one founder.
    for (const status of PROJECT_STATUSES) {
      for (const everSubmitted of [false, true]) {
        const response = await http()
          .post('/api/v1/projects')
          .set('authorization', owner.auth)
          .send(projectBody({ title: `Dự án ${status} ${everSubmitted ? 'đã nộp' : 'chưa nộp'}` }));
        expect(response.status).toBe(201);
        const id = response.body.id as string;
        await dataSource.query(
          `UPDATE projects SET status = $2, first_submitted_at = $3, submitted_at = $3, published_at = $4
           WHERE id = $1`,
          [id, status, everSubmitted ? new Date() : null, status === 'published' ? new Date() : null],
        );
        ids.push(id);
        if (status === 'withdrawn') {
          if (everSubmitted) withdrawnAfterReviewId = id;
          else withdrawnUnseenId = id;
        }
      }
    }
  }, 90_000);

  afterAll(async () => {
    await app?.close();
  });

  it.each(['owner', 'otherFounder', 'investor', 'officer', 'admin'])(
    'the SQL condition selects exactly the projects maySee shows to the %s',
    async (name) => {
      const { caller } = callers[name] as { caller: Caller };
      const projects = await dataSource.getRepository(Project).findBy({ id: In(ids) });
      const expected = projects.filter((project) => maySee(caller, project)).map((p) => p.id);
      const visible = visibilityCondition(visibilityFor(caller), 'p');
      const selected = await dataSource
        .getRepository(Project)
        .createQueryBuilder('p')
        .select('p.id')
        .where('p.id IN (:...ids)', { ids })
        .andWhere(visible.sql, visible.params)
        .getMany();
      expect(selected.map((p) => p.id).sort()).toEqual(expected.sort());
      expect(expected.length).toBeGreaterThan(0);
    },
  );

  it('never lists to officers a project withdrawn before it was submitted, which a single read hides too', async () => {
    const officer = callers.officer as { auth: string };
    const list = await http()
      .get('/api/v1/projects')
      .query({ status: 'withdrawn', limit: 50 })
      .set('authorization', officer.auth)
      .expect(200);
    const listed = (list.body.items as { id: string }[]).map((item) => item.id);
    expect(listed).toContain(withdrawnAfterReviewId);
    expect(listed).not.toContain(withdrawnUnseenId);
    await http().get(`/api/v1/projects/${withdrawnUnseenId}`).set('authorization', officer.auth).expect(404);
    await http()
      .get(`/api/v1/projects/${withdrawnAfterReviewId}`)
      .set('authorization', officer.auth)
      .expect(200);
  });
});
