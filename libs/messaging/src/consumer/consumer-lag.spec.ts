import { partitionLag } from './consumer-lag.js';

describe('partitionLag', () => {
  it('counts from the committed offset to the high watermark', () => {
    expect(partitionLag({ high: '120', low: '0', committed: '100' })).toBe(20);
    expect(partitionLag({ high: '120', low: '0', committed: '120' })).toBe(0);
  });

  it('counts from the low watermark when the group never committed', () => {
    expect(partitionLag({ high: '120', low: '30', committed: '-1' })).toBe(90);
  });
});
