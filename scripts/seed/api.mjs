// The seeders' client of the public API: JSON over `/api/v1`, a 429 (sign-in and registration are rate-limited)
// waited out with Retry-After, and cursor pages followed to the end.
const RATE_LIMITED = Symbol('rate limited');

export class Api {
  /** @param {string} base the gateway's URL; @param {(line: string) => void} log */
  constructor(base, log) {
    this.base = base;
    this.log = log;
  }

  /** One request, retried after a 429. Answers `{ status, body, headers }`; a status not in `ok` throws. */
  async call(method, pathname, { auth, body, headers = {}, ok = [200, 201] } = {}) {
    for (;;) {
      const answer = await this.once(method, pathname, { auth, body, headers, ok });
      if (answer !== RATE_LIMITED) return answer;
    }
  }

  async once(method, pathname, { auth, body, headers, ok }) {
    const response = await fetch(`${this.base}/api/v1${pathname}`, {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(auth ? { authorization: `Bearer ${auth}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    if (response.status === 429) {
      const seconds = Number(response.headers.get('retry-after') ?? 5);
      this.log(`rate-limited; waiting ${seconds} s…`);
      await new Promise((resolve) => setTimeout(resolve, Math.max(1, seconds) * 1000));
      return RATE_LIMITED;
    }
    const json = text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
    if (!ok.includes(response.status)) {
      const fields = json?.errors ? ` ${JSON.stringify(json.errors)}` : '';
      throw new Error(`${method} ${pathname} → ${response.status}: ${json?.detail ?? text}${fields}`);
    }
    return { status: response.status, body: json, headers: response.headers };
  }

  /** Every item of a cursor-paged list. */
  async all(pathname, auth, query = {}) {
    const items = [];
    let cursor;
    do {
      const params = new URLSearchParams({ limit: '100', ...query, ...(cursor ? { cursor } : {}) });
      const { body } = await this.call('GET', `${pathname}?${params}`, { auth });
      items.push(...body.items);
      cursor = body.nextCursor;
    } while (cursor);
    return items;
  }

  /** Signs in an account without a second factor: `{ id, token }`. */
  async login(email, password) {
    const { body } = await this.call('POST', '/auth/login', { body: { email, password } });
    if (body.secondFactorRequired) throw new Error(`${email} unexpectedly has a second factor`);
    return { id: body.user.id, token: body.accessToken };
  }
}
