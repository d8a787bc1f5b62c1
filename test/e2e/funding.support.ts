import { eventually } from '@khoinghiep/testing';
import type request from 'supertest';
import { type Actor, api } from './projects.support.js';

/**
 * Drafts an application as `founder` once funding has learnt the project from `projects.events` (until then it
 * answers 409 APPLICATION_PROJECT_UNKNOWN); answers the first other response.
 */
export function applyWhenKnown(founder: Actor, payload: object): Promise<request.Response> {
  return eventually(
    'funding to learn the project from projects.events',
    async () => {
      const response = await api()
        .post('/api/v1/funding/applications')
        .set('authorization', founder.auth)
        .send(payload);
      return response.body?.code !== 'APPLICATION_PROJECT_UNKNOWN' && response;
    },
    30_000,
    100,
  );
}
