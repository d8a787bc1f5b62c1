// The benches' client of the gateway. Its own HTTP client must cost little CPU: on a shared 2-core machine whatever
// it spends is taken from the apps it measures, while a raw baseline's client is the lean `pg`. `fetch` spends about
// as much per call as the gateway itself, so calls go through undici's request API on a keep-alive pool (as wrk or
// autocannon would).
import { Pool } from 'undici';

const clients = new Map();
const clientFor = (origin) => {
  if (!clients.has(origin)) clients.set(origin, new Pool(origin));
  return clients.get(origin);
};

/** One call to `/api/v1<route>`: `{ body, headers }`, or an error naming the status when it is not in `expect`. */
export async function call(gateway, method, route, { token, body, headers = {}, expect = [200, 201] } = {}) {
  const response = await clientFor(gateway).request({
    method,
    path: `/api/v1${route}`,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.body.text();
  if (!expect.includes(response.statusCode))
    throw new Error(`${method} ${route} → ${response.statusCode} ${text}`);
  return { body: text ? JSON.parse(text) : undefined, headers: response.headers };
}
