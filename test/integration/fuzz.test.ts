import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Route, routes } from '../../functions/core/contract/index.ts';
import { addAdmin } from '../../functions/store/auth.ts';
import { type Caller, signIn, startApi, uniqueEmail } from '../support/api.ts';
import { passSecondFactor } from '../support/second-factor.ts';

/*
 * Bad input is a 4xx, never a 5xx (ASVS 1.x, 2.2.x): at least 10,000 malformed requests across
 * every route of the contract — odd path parameters (long, percent-encoded badly, unicode), junk
 * queries and cursors, bodies of the wrong shape, with numbers at the edges of what JSON can hold —
 * as the office (who may call nearly every route) and as nobody. Seeded, so a failure repeats.
 */

/** Percent-encodes like a browser; a lone surrogate (which encodeURIComponent refuses) as its raw UTF-8 bytes. */
const encode = (value: string) => {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
};

const requestsPerRoute = Math.ceil(10_000 / Object.keys(routes).length);
const concurrency = 16;

let api: Awaited<ReturnType<typeof startApi>>;
let office: Caller;
beforeAll(async () => {
  api = await startApi();
  const email = uniqueEmail('fuzz');
  await addAdmin(email, 'Fuzz', new Date());
  office = await passSecondFactor(await signIn(api.url, email));
});
afterAll(() => api.stop());

const edgeNumbers = fc.constantFrom(
  -1e308,
  1e308,
  -1,
  0,
  -0,
  0.5,
  2 ** 53,
  -(2 ** 53),
  1e21,
  123456789012345,
);
const edgeStrings = fc.constantFrom(
  '',
  ' ',
  '%',
  '%zz',
  '%E0%A4%A',
  '%00',
  '../../etc/passwd',
  '\u0000',
  '\ud800',
  '🙂'.repeat(40),
  'x'.repeat(3000),
  '{"pk":"SESSION#x","sk":"y"}',
  'eyJwayI6IlNLRVRDSCN4Iiwic2siOjF9', // base64url of a crafted start key
  '__proto__',
  'constructor',
);
const junkString = fc.oneof(
  edgeStrings,
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);
const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  { depthSize: 'small' },
  junkString,
  edgeNumbers,
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }),
);

/** A body's top-level field names, so junk reaches the fields' own checks, not only the shape. */
function fieldsOf(route: Route): string[] {
  let def = (
    route.body as { _zod?: { def: { type: string; getter?: () => unknown; shape?: object } } } | undefined
  )?._zod?.def;
  if (def?.type === 'lazy' && def.getter) def = (def.getter() as { _zod: { def: typeof def } })._zod.def;
  if (def?.type === 'pipe') return [];
  return def?.shape ? Object.keys(def.shape) : [];
}

const body = (route: Route): fc.Arbitrary<string | undefined> => {
  const fields = fieldsOf(route);
  return fc.oneof(
    fc.constant(undefined),
    fc.constantFrom('{', 'null', '[]', '"text"', '{"a":', '\u0000'),
    junkValue.map((value) => JSON.stringify(value) ?? 'null'),
    fields.length
      ? fc
          .record(Object.fromEntries(fields.map((field) => [field, junkValue])), { requiredKeys: [] })
          .map((value) => JSON.stringify(value))
      : fc.constant('{}'),
  );
};

const query = fc
  .array(
    fc.tuple(fc.constantFrom('cursor', 'status', 'limit', 'subRegion', 'vote', 'priority', 'x'), junkString),
    {
      maxLength: 3,
    },
  )
  .map((pairs) => pairs.map(([k, v]) => `${k}=${encode(v)}`).join('&'));

/** A path parameter as it may arrive: raw (possibly broken percent-encoding) or encoded junk. */
const pathValue = fc.oneof(
  edgeStrings.map((s) => (s.startsWith('%') ? s : encode(s))),
  junkString.map(encode),
  fc.constant('a'.repeat(64)),
);

const requestFor = (route: Route) =>
  fc.record({
    path: fc.array(pathValue, { minLength: 5, maxLength: 5 }).map((values) => {
      let i = 0;
      return route.path.replace(/\{\w+\}/g, () => values[i++] ?? 'x');
    }),
    query,
    body: route.method === 'GET' ? fc.constant(undefined) : body(route),
    // Signing out would end the office's session for every request after it.
    signedIn:
      route.method === 'DELETE' && route.path === '/api/auth/session' ? fc.constant(false) : fc.boolean(),
  });

describe('malformed requests', () => {
  it('never get a 5xx or a stack trace, on any route', async () => {
    // Prepare
    const requests = Object.values(routes as Record<string, Route>).flatMap((route, n) =>
      fc
        .sample(requestFor(route), { numRuns: requestsPerRoute, seed: 4242 + n })
        .map((r) => ({ route, ...r })),
    );
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    // Act
    for (let i = 0; i < requests.length; i += concurrency) {
      await Promise.all(
        requests.slice(i, i + concurrency).map(async ({ route, path, query: q, body: sent, signedIn }) => {
          const answer = await fetch(`${api.url}${path}${q ? `?${q}` : ''}`, {
            method: route.method,
            headers: {
              'content-type': 'application/json',
              'sec-fetch-site': 'same-origin',
              'idempotency-key': 'fuzz-key-0001',
              ...(signedIn && office.cookie ? { cookie: office.cookie } : {}),
            },
            ...(sent === undefined ? {} : { body: sent }),
            redirect: 'manual',
          });
          const text = await answer.text();
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          if (answer.status >= 500 || /\bat \S+ \(|Error:|node_modules/.test(text))
            failures.push(
              `${route.method} ${path}?${q} ${sent?.slice(0, 120)} → ${answer.status} ${text.slice(0, 160)}`,
            );
        }),
      );
    }
    // Assess
    // Most requests got past sign-in and access to the schemas' own checks (400), many to the handlers.
    expect(requests.length).toBeGreaterThanOrEqual(10_000);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(requests.length / 4);
    expect(failures.slice(0, 20)).toEqual([]);
  }, 600_000);

  it.each([
    ['a crafted start key as cursor', 'GET', '/api/admin/sketches?cursor=eyJwayI6IlNLRVRDSCN4Iiwic2siOjF9'],
    ['a start key of another index as cursor', 'GET', '/api/admin/sketches?cursor=eyJnc2kxcGsiOiJ4In0'],
    ['a start key with typed values as cursor', 'GET', '/api/admin/sketches?cursor=eyJwayI6eyJTIjoiYSJ9fQ'],
    ['an amount of -1e308', 'GET', '/api/admin/sketches/x/budget-check?amountCents=-1e308'],
    ['a 3,000-character id', 'GET', `/api/sketches/${'a'.repeat(3000)}`],
    ['an invalid percent-encoding in the path', 'GET', '/api/sketches/%E0%A4%A'],
  ])('%s is a 4xx naming the problem, not a 5xx', async (_what, method, path) => {
    // Act
    const answer = await fetch(`${api.url}${path}`, { method, headers: { cookie: office.cookie ?? '' } });
    const text = await answer.text();
    // Assess
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(JSON.parse(text).message).toMatch(/\w/);
  });
});
