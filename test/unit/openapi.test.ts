import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { conflictCodes } from '../../functions/core/contract/conflicts.ts';
import { type Route, routes } from '../../functions/core/contract/index.ts';
import { openApiDocument } from '../../functions/core/contract/openapi.ts';
import { empty, file, redirect, route } from '../../functions/core/contract/route.ts';
import { votumOpenApi } from '../../infra/openapi.ts';

/*
 * The OpenAPI document (docs/openapi.json, /openapi.json on the portal) is the route table's: every
 * route is in it, it is valid OpenAPI 3.1 with every reference resolving, and the written file is
 * the one the table gives today.
 */

// biome-ignore lint/suspicious/noExplicitAny: the assertions walk the JSON document by its known keys
type Json = Record<string, any>;
const written = join(import.meta.dirname, '../../docs/openapi.json');

async function validate(document: Json) {
  const validator = new Validator();
  // A copy: resolving the references replaces them in place.
  const result = await validator.validate(structuredClone(document));
  // Dereferencing throws on a reference that points nowhere.
  const resolved = result.valid ? validator.resolveRefs() : undefined;
  return { valid: result.valid, errors: result.errors, version: validator.version, resolved };
}

describe('the OpenAPI document', () => {
  it('is written to docs/openapi.json as the route table gives it today', () => {
    // Act
    const fresh = votumOpenApi();
    const file = existsSync(written) ? JSON.parse(readFileSync(written, 'utf8')) : undefined;
    // Assess
    expect(file, 'docs/openapi.json is not the route table’s document: run `npm run openapi`').toEqual(fresh);
  });

  it('lists every route of the table with its method, path and name', () => {
    // Act
    const document = votumOpenApi() as Json;
    const listed = Object.entries(document.paths as Json).flatMap(([path, item]) =>
      Object.entries(item as Json).map(([method, operation]) => [
        (operation as Json).operationId,
        method.toUpperCase(),
        path,
      ]),
    );
    // Assess
    const table = Object.entries(routes as Record<string, Route>).map(([id, r]) => [id, r.method, r.path]);
    expect(listed.sort()).toEqual(table.sort());
  });

  it('leaves to docs/api.md what it cannot say: the meaning of every conflict code', () => {
    // Act
    const prose = readFileSync(join(import.meta.dirname, '../../docs/api.md'), 'utf8');
    // Assess
    expect(conflictCodes.filter((code) => !prose.includes(`| \`${code}\``))).toEqual([]);
  });

  it('is valid OpenAPI 3.1 and every reference in it resolves', async () => {
    // Act
    const result = await validate(votumOpenApi());
    // Assess
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(result.version).toBe('3.1');
    expect(result.resolved).toBeDefined();
  });

  it('writes the answers several routes give once, as components the operations refer to', () => {
    // Act
    const document = votumOpenApi() as Json;
    const text = JSON.stringify(document);
    const refs = (name: string) => text.split(`"$ref":"#/components/schemas/${name}"`).length - 1;
    // Assess: the sketch, the vote and the follow-up are each one schema, referred to by every route that answers them
    for (const [name, answeredBy] of [
      ['SketchDoc', 7],
      ['VoteDoc', 10],
      ['FollowUpDoc', 7],
    ] as const) {
      expect(document.components.schemas[name], name).toBeDefined();
      expect(refs(name), name).toBeGreaterThanOrEqual(answeredBy);
    }
  });

  describe('from a table that uses every kind of answer', () => {
    const person = z.strictObject({ name: z.string(), email: z.string() });
    // Differs as sent (size optional) and as answered (size always there).
    const settings = z
      .strictObject({ size: z._default(z.number(), 1) })
      .register(z.globalRegistry, { id: 'SettingsT' });
    interface Step {
      name: string;
      next?: Step;
    }
    const step: z.ZodMiniType<Step> = z.strictObject({
      name: z.string(),
      get next() {
        return z.optional(step);
      },
    });
    const table = {
      startThing: route(() => ({
        method: 'POST',
        path: '/api/things',
        summary: 'Starts a thing',
        access: ['applicant'],
        group: 'applicant',
        entry: 'functions/http/handlers/start-thing.ts',
        body: z.strictObject({
          title: z.string(),
          by: z.optional(person.register(z.globalRegistry, { id: 'PersonT' })),
          settings,
        }),
        idempotent: true,
        conflicts: ['version_conflict'],
        answers: { 201: z.strictObject({ id: z.string(), steps: z.array(step), settings }) },
      })),
      listThings: route(() => ({
        method: 'GET',
        path: '/api/things',
        summary: 'Lists things',
        access: 'public',
        group: 'public',
        entry: 'functions/http/handlers/list-things.ts',
        query: z.strictObject({ cursor: z.optional(z.string()), limit: z._default(z.coerce.number(), 20) }),
        answers: { 200: z.strictObject({ items: z.array(z.string()), cursor: z.optional(z.string()) }) },
      })),
      thingFile: route(() => ({
        method: 'GET',
        path: '/api/things/{id}/file',
        summary: 'The thing as a PDF',
        access: ['admin'],
        group: 'documents',
        entry: 'functions/http/handlers/thing-file.ts',
        params: z.strictObject({ id: z.string() }),
        answers: { 200: file('application/pdf') },
      })),
      fetchThing: route(() => ({
        method: 'GET',
        path: '/api/things/{id}',
        summary: '',
        access: ['admin', 'applicant'],
        group: 'applicant',
        entry: 'functions/http/handlers/fetch-thing.ts',
        params: z.strictObject({ id: z.string() }),
        answers: { 302: redirect },
      })),
      dropThing: route(() => ({
        method: 'DELETE',
        path: '/api/things/{id}',
        summary: 'Removes a thing',
        access: ['applicant'],
        group: 'applicant',
        entry: 'functions/http/handlers/drop-thing.ts',
        params: z.strictObject({ id: z.string() }),
        answers: { 204: empty },
      })),
    } satisfies Record<string, Route>;
    const document = openApiDocument(table, { title: 'test', version: '1.2.3' }) as Json;
    const operation = (path: string, method: string) => document.paths[path][method] as Json;

    it('is valid OpenAPI 3.1 and every reference in it resolves', async () => {
      // Act
      const result = await validate(document);
      // Assess
      expect(result.errors).toBeUndefined();
      expect(result.resolved).toBeDefined();
    });

    it('asks for the session and the Idempotency-Key where the route needs them', () => {
      // Act
      const start = operation('/api/things', 'post');
      const list = operation('/api/things', 'get');
      // Assess
      expect(start.security).toEqual([{ session: [] }]);
      expect(start.parameters).toEqual([{ $ref: '#/components/parameters/IdempotencyKey' }]);
      expect(Object.keys(start.responses)).toEqual([
        '201',
        '400',
        '401',
        '403',
        '409',
        '415',
        '422',
        '429',
        '500',
      ]);
      expect(start.responses['409'].content['application/json'].schema.properties.code.enum).toEqual([
        'version_conflict',
        'in_progress',
      ]);
      expect(list.security).toBeUndefined();
      expect(Object.keys(list.responses)).toEqual(['200', '400', '429', '500']);
      expect(document.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie' });
      expect(start['x-votum-access']).toEqual(['applicant']);
      expect(start['x-votum-group']).toBe('applicant');
    });

    it('takes path and query parameters from the schemas, as a client sends them', () => {
      // Act
      const list = operation('/api/things', 'get');
      const thing = operation('/api/things/{id}/file', 'get');
      // Assess
      expect(list.parameters).toEqual([
        { name: 'cursor', in: 'query', required: false, schema: { type: 'string' } },
        { name: 'limit', in: 'query', required: false, schema: { type: 'number', default: 20 } },
      ]);
      expect(thing.parameters).toEqual([
        { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
      ]);
    });

    it('answers files, redirects and nothing as such', () => {
      // Act
      const pdf = operation('/api/things/{id}/file', 'get').responses['200'];
      const redirected = operation('/api/things/{id}', 'get').responses['302'];
      const dropped = operation('/api/things/{id}', 'delete').responses['204'];
      // Assess
      expect(Object.keys(pdf.content)).toEqual(['application/pdf']);
      expect(pdf.headers['Content-Disposition']).toBeDefined();
      expect(redirected.headers.Location.required).toBe(true);
      expect(redirected.content).toBeUndefined();
      expect(dropped).toEqual({ description: 'No Content' });
    });

    it('shares named and recursive schemas as components', () => {
      // Act
      const body = operation('/api/things', 'post').requestBody.content['application/json'].schema;
      const answer = operation('/api/things', 'post').responses['201'].content['application/json'].schema;
      // Assess
      expect(body.properties.by).toEqual({ $ref: '#/components/schemas/PersonT' });
      expect(document.components.schemas.PersonT.properties.name).toEqual({ type: 'string' });
      expect(answer.properties.steps.items).toEqual({ $ref: '#/components/schemas/startThing.201.schema0' });
      expect(document.components.schemas['startThing.201.schema0'].properties.next).toEqual({
        $ref: '#/components/schemas/startThing.201.schema0',
      });
      expect(answer.properties.settings).toEqual({ $ref: '#/components/schemas/SettingsT' });
      expect(document.components.schemas.SettingsT.required).toEqual(['size']);
      expect(body.properties.settings).toEqual({ $ref: '#/components/schemas/SettingsT_2' });
      expect(document.components.schemas.SettingsT_2.required).toBeUndefined();
      expect(JSON.stringify(document)).not.toContain('$defs');
    });
  });
});
