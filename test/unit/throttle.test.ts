import { describe, expect, it } from 'vitest';
import { apiThrottle } from '../../infra/aws/throttle.ts';
import { tokenBucket } from '../../infra/local/adapter.ts';
import { retryDelay } from '../../web/src/lib/retry.ts';

describe("the local adapter's throttle, as API Gateway's stage throttle", () => {
  it('takes a burst up to the burst limit, then refuses until the rate refills it', () => {
    // Prepare
    let now = 0;
    const bucket = tokenBucket(apiThrottle, () => now);
    // Act
    const burst = Array.from({ length: apiThrottle.burstLimit + 5 }, () => bucket.take());
    now += 1000 / apiThrottle.rateLimit;
    const afterOneToken = [bucket.take(), bucket.take()];
    // Assess
    expect(burst.filter(Boolean)).toHaveLength(apiThrottle.burstLimit);
    expect(burst.slice(apiThrottle.burstLimit)).toEqual([false, false, false, false, false]);
    expect(afterOneToken).toEqual([true, false]);
  });
});

describe("the web client's wait before retrying a 429", () => {
  it("honours the server's Retry-After", () => {
    // Act
    const delay = retryDelay('2', 0, () => 0.5);
    // Assess
    expect(delay).toBe(2000);
  });

  it('backs off exponentially with jitter when the server gives no Retry-After', () => {
    // Act
    const delays = [0, 1, 2, 3].map((attempt) => retryDelay(null, attempt, () => 0.5));
    const spread = [retryDelay(null, 2, () => 0), retryDelay(null, 2, () => 1)];
    // Assess
    expect(delays).toEqual([250, 500, 1000, 2000]);
    expect(spread).toEqual([500, 1500]);
  });
});
