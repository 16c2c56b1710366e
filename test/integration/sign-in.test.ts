import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signInPolicy } from '../../functions/core/auth.ts';
import { publicProfileKeys } from '../../functions/core/profile.ts';
import { sessionCookie } from '../../functions/http/cookies.ts';
import { documents } from '../../functions/platform/clients.ts';
import { clock } from '../../functions/platform/clock.ts';
import { config, resetConfig } from '../../functions/platform/config.ts';
import { addAdmin } from '../../functions/store/auth.ts';
import * as keys from '../../functions/store/keys.ts';
import { Caller, linkToken, type Mail, mailsTo, signIn, startApi, uniqueEmail } from '../support/api.ts';
import { passSecondFactor } from '../support/second-factor.ts';

let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.stop());
afterEach(() => clock.reset());

async function requestLink(email: string) {
  const caller = new Caller(api.url);
  const answer = await caller.call('POST', '/api/auth/link', { email });
  const mails = await mailsTo(email.toLowerCase());
  return { caller, answer, token: linkToken(mails.at(-1) ?? ({ body: {} } as Mail)) ?? '' };
}

describe('requesting a sign-in link', () => {
  it('answers 202 for any valid address and mails a link valid for 15 minutes', async () => {
    // Prepare
    const email = uniqueEmail();
    // Act
    const { answer, token } = await requestLink(email);
    // Assess
    expect(answer.status).toBe(202);
    const [mail] = await mailsTo(email);
    expect(mail?.subject).toBe('Ihr Anmeldelink für das Portal des Fachkräftebündnisses Leine-Weser');
    expect(mail?.body.text).toContain(`http://votum.test/anmelden#token=${token}`);
    expect(mail?.body.text).toMatch(/gilt bis \d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr/);
    expect(token?.length).toBeGreaterThanOrEqual(43); // 32 random bytes, base64url
  });

  it('answers the same for an unknown and a known address, so nobody learns who has an account', async () => {
    // Prepare
    const known = uniqueEmail('bekannt');
    await signIn(api.url, known);
    // Act
    const forKnown = await requestLink(known);
    const forUnknown = await requestLink(uniqueEmail('unbekannt'));
    // Assess
    expect(forKnown.answer.status).toBe(202);
    expect(forUnknown.answer).toMatchObject({ status: 202, body: forKnown.answer.body });
  });

  it('mails one address at most 10 links an hour, answering 202 all the same, and again in the next hour', async () => {
    // Prepare
    const email = uniqueEmail('flut');
    const other = uniqueEmail('andere');
    // Act
    const answers: { status: number; body: Record<string, unknown> }[] = [];
    for (let i = 0; i < signInPolicy.linksPerWindow + 2; i++) answers.push((await requestLink(email)).answer);
    const forOther = await requestLink(other);
    clock.advance(signInPolicy.linkWindowMs);
    const nextHour = await requestLink(email);
    // Assess
    expect(answers.every((a) => a.status === 202 && a.body.message === answers[0]?.body.message)).toBe(true);
    expect(forOther.answer.status).toBe(202);
    expect(await mailsTo(other)).toHaveLength(1);
    expect(nextHour.answer.status).toBe(202);
    expect(await mailsTo(email)).toHaveLength(signInPolicy.linksPerWindow + 1);
  });

  it('refuses an invalid address with a German message naming the field', async () => {
    // Act
    const answer = await new Caller(api.url).call('POST', '/api/auth/link', { email: 'kein-at-zeichen' });
    // Assess
    expect(answer.status).toBe(400);
    expect(answer.body.fields).toEqual([
      {
        field: 'email',
        message: 'E-Mail-Adresse: Bitte eine gültige E-Mail-Adresse eingeben (z. B. name@example.org).',
      },
    ]);
  });

  it('refuses a request without an address, naming the field', async () => {
    // Act
    const answer = await new Caller(api.url).call('POST', '/api/auth/link', { next: '/meine-skizzen' });
    // Assess
    expect(answer.status).toBe(400);
    expect(answer.body.fields).toEqual([{ field: 'email', message: 'E-Mail-Adresse: Bitte ausfüllen.' }]);
  });

  it('answers a known and an unknown address alike when `next` points away from the portal, dropping it', async () => {
    // Prepare
    const known = uniqueEmail('bekannt');
    await signIn(api.url, known);
    const unknown = uniqueEmail('unbekannt');
    const next = '//evil.example.org/anmelden';
    // Act
    const forKnown = await new Caller(api.url).call('POST', '/api/auth/link', { email: known, next });
    const forUnknown = await new Caller(api.url).call('POST', '/api/auth/link', { email: unknown, next });
    // Assess
    expect(forKnown).toMatchObject({ status: 202, body: forUnknown.body });
    expect(forUnknown.status).toBe(202);
    const mail = (await mailsTo(unknown)).at(-1);
    expect(mail?.body.text).toMatch(/anmelden#token=[\w-]{43}\s/);
    expect(mail?.body.text).not.toContain('evil');
  });

  it('stores only a keyed hash of the token, never the token itself', async () => {
    // Prepare
    const { token } = await requestLink(uniqueEmail());
    // Act
    const { Item } = await documents().send(
      new GetCommand({ TableName: config().TABLE_NAME, Key: keys.token(token) }),
    );
    // Assess
    expect(Item).toBeUndefined();
  });
});

describe('redeeming a link', () => {
  it('opens a session with an HttpOnly, SameSite=Lax cookie and the applicant role', async () => {
    // Prepare
    const email = uniqueEmail();
    const { caller, token } = await requestLink(email);
    // Act
    const redeemed = await caller.call('POST', '/api/auth/session', { token });
    const me = await caller.call('GET', '/api/auth/me');
    // Assess
    expect(redeemed.status).toBe(201);
    const cookie = redeemed.headers.getSetCookie()[0] ?? '';
    expect(cookie).toMatch(/^votum_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200$/);
    expect(me).toMatchObject({ status: 200, body: { email, roles: ['applicant'] } });
  });

  it('gives the admin role to addresses on the allow-list', async () => {
    // Prepare
    const email = uniqueEmail('office');
    await addAdmin(email, 'Test', new Date());
    // Act
    const caller = await signIn(api.url, email);
    const pending = (await caller.call('GET', '/api/auth/me')).body;
    await passSecondFactor(caller);
    // Assess: the admin role is usable once the second factor is passed
    expect(pending).toMatchObject({ roles: ['applicant'], secondFactor: 'pending' });
    expect((await caller.call('GET', '/api/auth/me')).body).toMatchObject({
      roles: ['applicant', 'admin'],
      secondFactor: 'passed',
    });
  });

  it('is single use: a replayed token is refused', async () => {
    // Prepare
    const { caller, token } = await requestLink(uniqueEmail());
    await caller.call('POST', '/api/auth/session', { token });
    // Act
    const replay = await new Caller(api.url).call('POST', '/api/auth/session', { token });
    // Assess
    expect(replay.status).toBe(400);
    expect(replay.body.message).toMatch(/ungültig, abgelaufen oder wurde bereits verwendet/);
    expect(replay.headers.getSetCookie()).toEqual([]);
  });

  it('lets exactly one of two concurrent redeems of the same token win', async () => {
    // Prepare
    const { token } = await requestLink(uniqueEmail());
    // Act
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => new Caller(api.url).call('POST', '/api/auth/session', { token })),
    );
    // Assess
    expect(answers.map((a) => a.status).sort()).toEqual([201, 400, 400, 400, 400]);
  });

  it.each([
    ['missing', {}],
    ['too short', { token: 'abc' }],
    ['not base64url', { token: `${'x'.repeat(40)}<b>` }],
    ['not text', { token: ['x'.repeat(43)] }],
  ])('refuses a token that is %s, naming the link, without opening a session', async (_case, body) => {
    // Act
    const answer = await new Caller(api.url).call('POST', '/api/auth/session', body);
    // Assess
    expect(answer.status).toBe(400);
    expect(answer.body.fields).toEqual([
      {
        field: 'token',
        message:
          'Dieser Anmeldelink ist ungültig, abgelaufen oder wurde bereits verwendet. Bitte fordern Sie einen neuen an.',
      },
    ]);
    expect(answer.headers.getSetCookie()).toEqual([]);
  });

  it('refuses a token after 15 minutes', async () => {
    // Prepare
    const { caller, token } = await requestLink(uniqueEmail());
    clock.advance(signInPolicy.linkValidMs + 1000);
    // Act
    const late = await caller.call('POST', '/api/auth/session', { token });
    // Assess
    expect(late.status).toBe(400);
    expect(caller.cookie).toBeUndefined();
  });

  it('refuses a made-up token and a GET on the redeem route', async () => {
    // Act
    const madeUp = await new Caller(api.url).call('POST', '/api/auth/session', { token: 'x'.repeat(43) });
    const get = await new Caller(api.url).call('GET', '/api/auth/session');
    // Assess
    expect(madeUp.status).toBe(400);
    expect(get.status).toBe(405);
  });
});

describe('sessions', () => {
  it('end on the server at sign-out: the old cookie no longer works', async () => {
    // Prepare
    const caller = await signIn(api.url, uniqueEmail());
    const stolen = caller.cookie;
    // Act
    const out = await caller.call('DELETE', '/api/auth/session');
    const replay = await new Caller(api.url).call('GET', '/api/auth/me', undefined, { cookie: stolen ?? '' });
    // Assess
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie()[0]).toMatch(/^votum_session=; .*Max-Age=0/);
    expect(replay).toMatchObject({ status: 200, body: { signedIn: false } });
    const mine = await new Caller(api.url).call('GET', '/api/my/sketches', undefined, {
      cookie: stolen ?? '',
    });
    expect(mine.status).toBe(401);
    expect(mine.body.message).toBe('Bitte melden Sie sich an.');
  });

  it('end after an hour without a request', async () => {
    // Prepare
    const caller = await signIn(api.url, uniqueEmail());
    clock.advance(signInPolicy.sessionIdleMs + 1000);
    // Act
    const me = await caller.call('GET', '/api/auth/me');
    // Assess
    expect(me).toMatchObject({ status: 200, body: { signedIn: false } });
  });

  it('stay open while used, but end 12 hours after sign-in whatever happens', async () => {
    // Prepare
    const caller = await signIn(api.url, uniqueEmail());
    const statuses: number[] = [];
    // Act: a request every 50 minutes for 13 hours
    for (let minutes = 50; minutes <= 13 * 60; minutes += 50) {
      clock.advance(50 * 60_000);
      statuses.push((await caller.call('GET', '/api/my/sketches')).status);
    }
    // Assess
    const open = statuses.filter((s) => s === 200).length;
    expect(open).toBe(Math.floor((12 * 60 - 1) / 50)); // every request before the 12th hour
    expect(statuses.slice(open).every((s) => s === 401)).toBe(true);
  });

  it('use a Secure __Host- cookie when the portal is served over https', () => {
    // Prepare
    const before = process.env.PUBLIC_URL;
    process.env.PUBLIC_URL = 'https://votum.example.org';
    resetConfig();
    try {
      // Act
      const cookie = sessionCookie('abc');
      // Assess
      expect(cookie).toBe('__Host-votum_session=abc; Path=/; HttpOnly; SameSite=Lax; Max-Age=43200; Secure');
    } finally {
      process.env.PUBLIC_URL = before;
      resetConfig();
    }
  });
});

describe('the public profile', () => {
  it('answers the public fields only: neither the sender address nor the notes on sources', async () => {
    // Act
    const answer = await new Caller(api.url).call('GET', '/api/profile');
    // Assess
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body).sort()).toEqual([...publicProfileKeys].sort());
    expect(answer.body).toMatchObject({ id: config().profile.id, office: config().profile.office });
    expect(answer.headers.get('cache-control')).toBe('public, max-age=300');
  });

  it('answers the same text each time (made once), and the profile the configuration names now', async () => {
    // Prepare
    const caller = new Caller(api.url);
    const alliance = process.env.ALLIANCE;
    const first = await caller.call('GET', '/api/profile');
    // Act
    const again = await caller.call('GET', '/api/profile');
    process.env.ALLIANCE = 'nordostniedersachsen';
    resetConfig();
    const other = await caller.call('GET', '/api/profile').finally(() => {
      process.env.ALLIANCE = alliance;
      resetConfig();
    });
    // Assess
    expect(again.body).toEqual(first.body);
    expect(first.body).toMatchObject({ id: 'leine-weser' });
    expect(other.body).toMatchObject({ id: 'nordostniedersachsen' });
  });
});
