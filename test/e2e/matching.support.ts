import { eventually } from '@khoinghiep/testing';
import { type Actor, api, expectStatus, signUp } from './projects.support.js';

/** A valid investor profile body; overrides replace whole fields. */
export function profileBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'angel',
    displayName: 'Quỹ thiên thần Cao nguyên',
    organisation: 'Mạng lưới nhà đầu tư thiên thần Tây Nguyên',
    sectors: ['agriculture_food'],
    excludedSectors: ['tourism'],
    stages: ['early_revenue'],
    ticketMin: '500000000',
    ticketMax: '2000000000',
    provinceCodes: ['66'],
    provincesOnly: false,
    targetGroups: ['women_led'],
    thesis: 'Đầu tư cà phê đặc sản và nông sản chế biến sâu cho xuất khẩu, ưu tiên phụ nữ khởi nghiệp.',
    coinvestWithState: true,
    contact: { email: 'dautu@caonguyen.example.vn', phone: '0912 345 678' },
    sharedContactFields: ['email', 'phone'],
    ...overrides,
  };
}

/** An investor who registered and published a profile. */
export async function investorWithProfile(
  fullName: string,
  overrides: Record<string, unknown> = {},
): Promise<Actor> {
  const investor = await signUp('investor', fullName);
  await expectStatus(
    api()
      .put('/api/v1/matching/investors/me/profile')
      .set('authorization', investor.auth)
      .send(profileBody({ displayName: fullName, ...overrides })),
    201,
  );
  return investor;
}

interface MatchItem {
  project: { id: string; title: string };
  score: number;
  criteria: { criterion: string; weight: number; points: number; explanation: { vi: string; en: string } }[];
}

/** The investor's ranked matches, every page. */
export async function allMatches(investor: Actor, query: Record<string, string> = {}): Promise<MatchItem[]> {
  const items: MatchItem[] = [];
  let cursor: string | undefined;
  do {
    const answer = await expectStatus(
      api()
        .get('/api/v1/matching/matches')
        .query({ limit: 100, ...query, ...(cursor ? { cursor } : {}) })
        .set('authorization', investor.auth),
      200,
    );
    items.push(...answer.body.items);
    cursor = answer.body.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/** Waits until the investor's matches include the project, and answers that match. */
export function matchOf(investor: Actor, projectId: string): Promise<MatchItem> {
  return eventually(
    `project ${projectId} in the investor's matches`,
    async () => (await allMatches(investor)).find((item) => item.project.id === projectId),
    20_000,
    200,
  );
}

/** Expresses interest once the matching catalogue knows the project as published. */
export function expressInterest(investor: Actor, projectId: string, message: string) {
  return eventually(
    `interest in ${projectId}`,
    async () => {
      const answer = await api()
        .post('/api/v1/matching/interests')
        .set('authorization', investor.auth)
        .send({ projectId, message });
      // Matching learns of the publication from projects.events: until then the project is not published there.
      return answer.body?.code === 'INTEREST_PROJECT_NOT_PUBLISHED' ? undefined : answer;
    },
    20_000,
    200,
  );
}

/** The user's notifications, newest first (first page). */
export async function notificationsOf(
  actor: Actor,
): Promise<{ kind: string; link: string; title: { vi: string } }[]> {
  const answer = await expectStatus(
    api().get('/api/v1/me/notifications').query({ limit: 100 }).set('authorization', actor.auth),
    200,
  );
  return answer.body.items;
}
