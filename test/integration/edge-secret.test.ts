import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { edgeHeader } from '../../functions/http/edge.ts';
import { resetConfig } from '../../functions/platform/config.ts';
import { startApi } from '../support/api.ts';

/*
 * In AWS the API answers only what came through CloudFront (ASVS 13.x, no bypass of the edge's
 * headers, WAF and rate rules): CloudFront adds a secret header (infra/aws/web.ts), the execute-api
 * address reached directly lacks it. Here the same handlers run with EDGE_SECRET set, as in AWS.
 */

const secret = 'edge-'.repeat(10);
let api: Awaited<ReturnType<typeof startApi>>;

beforeAll(async () => {
  process.env.EDGE_SECRET = secret;
  resetConfig();
  api = await startApi();
});

afterAll(async () => {
  await api.stop();
  delete process.env.EDGE_SECRET;
  resetConfig();
});

const profile = (headers: Record<string, string>) => fetch(`${api.url}/api/profile`, { headers });

describe('an API request', () => {
  it('without the edge header (the execute-api address called directly) is refused with 403', async () => {
    // Act
    const answer = await profile({});

    // Assess
    expect(answer.status).toBe(403);
    expect(((await answer.json()) as { message: string }).message).toBeTruthy();
  });

  it('with another value, or the right one plus a character, is refused with 403', async () => {
    // Act
    const answers = await Promise.all([
      profile({ [edgeHeader]: 'edge-' }),
      profile({ [edgeHeader]: `${secret}x` }),
      profile({ [edgeHeader]: '' }),
    ]);

    // Assess
    expect(answers.map((answer) => answer.status)).toEqual([403, 403, 403]);
  });

  it('with the header CloudFront adds is answered', async () => {
    // Act
    const answer = await profile({ [edgeHeader]: secret });

    // Assess
    expect(answer.status).toBe(200);
  });
});
