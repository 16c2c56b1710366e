/**
 * The HTTP API stage's throttle: requests per second it takes on average, and in a burst (API
 * Gateway's token bucket: `burstLimit` tokens, refilled at `rateLimit` per second; a request finding
 * the bucket empty is answered 429 before any function runs). A portal for a few dozen people.
 * Kept apart from stack.ts so the local adapter and the bench read the same figures without CDK.
 */
export const apiThrottle = { rateLimit: 25, burstLimit: 50 } as const;
