import { HealthIndicatorService } from '@nestjs/terminus';
import { LivenessIndicator, reportLiveness } from './liveness.js';

describe('LivenessIndicator', () => {
  const indicator = new LivenessIndicator(new HealthIndicatorService());

  it('is up while every reported part is alive, recovering included, and down once one stopped for good', () => {
    let state = 'recovering';
    const stop = reportLiveness('consumer test', () => ({ alive: state !== 'failed', state }));
    try {
      expect(indicator.check('components')).toEqual({
        components: { status: 'up', 'consumer test': { alive: true, state: 'recovering' } },
      });
      state = 'failed';
      expect(indicator.check('components')).toEqual({
        components: { status: 'down', 'consumer test': { alive: false, state: 'failed' } },
      });
    } finally {
      stop();
    }
    expect(indicator.check('components')).toEqual({ components: { status: 'up' } });
  });
});
