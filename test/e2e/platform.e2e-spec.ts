import { APP_NAMES, e2eGatewayUrl, TEST_PORTS } from '@khoinghiep/testing';
import request from 'supertest';

// The e2e global setup starts every app as a real process; each answers its probes on its test port.
describe('the platform under test', () => {
  it.each(APP_NAMES)('%s is ready', async (app) => {
    await request(`http://127.0.0.1:${TEST_PORTS[app]}`).get('/health/ready').expect(200);
  });

  it('serves the API through the gateway', async () => {
    const response = await request(e2eGatewayUrl()).get('/health/live');
    expect(response.status).toBe(200);
  });
});
