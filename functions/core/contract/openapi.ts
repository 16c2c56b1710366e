import * as z from 'zod/mini';
import type { ConflictCode } from './conflicts.ts';
import { groups } from './groups.ts';
import { problem, problemStatuses } from './problem.ts';
import type { AnswerSpec, Route } from './route.ts';
import { pathParams } from './route.ts';

/*
 * The route table as an OpenAPI 3.1 document: the reference that docs/api.md links to, written to
 * docs/openapi.json and served by the portal at /openapi.json. Pure: the caller passes the table and
 * the version. Everything a route declares is here; what it cannot declare (flows, meanings of
 * conflict codes, idempotency) is docs/api.md's prose. The output is deterministic (paths and
 * components sorted, the rest in the table's order), so the written file changes only with the table.
 */

type Json = Record<string, unknown>;

export interface OpenApiInfo {
  title: string;
  version: string;
  description?: string;
}

/** Title and description of votum's document; the version is package.json's. */
export const votumApi = {
  title: 'votum API',
  description:
    'The HTTP API of the votum portal, generated from its route table (functions/core/contract). ' +
    'The flows, the meaning of each conflict code, idempotency, pagination and roles are described in docs/api.md.',
} as const;

/** The session cookie's name over https (`__Host-` prefix); a local portal over http uses `votum_session`. */
export const sessionCookie = '__Host-votum_session';

const methods = ['get', 'put', 'post', 'delete'] as const;

const reasons: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  302: 'Found',
};

const problemRef = { $ref: '#/components/schemas/Problem' };

/** Code-unit order, the same on every machine (unlike `localeCompare`). */
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Names given for this document, then those a schema carries in zod's global registry (`.register`, `.meta`). */
class SharedNames extends z.core.$ZodRegistry<{ id?: string | undefined }> {
  override get<S extends z.core.$ZodType>(schema: S) {
    return super.get(schema) ?? z.globalRegistry.get(schema);
  }
}

/**
 * Collects the schemas the document shares (components.schemas): zod's `$defs` (schemas with an `id`
 * in their metadata, and recursive ones) are lifted out of each schema, because inside an OpenAPI
 * document `#/$defs/…` would point at the document's root, not at the schema's own definitions.
 */
class Components {
  readonly schemas = new Map<string, Json>();
  /** The schemas named in `shared` or in zod's global registry: each becomes one component the operations refer to. */
  private readonly names = new SharedNames();

  constructor(shared: Readonly<Record<string, z.ZodMiniType>>) {
    for (const [id, schema] of Object.entries(shared)) this.names.add(schema, { id });
  }

  /** A zod schema as a JSON Schema (2020-12) for this document; `context` names what it is, for lifted definitions. */
  schema(schema: z.ZodMiniType, io: 'input' | 'output', context: string): Json {
    const {
      $schema: _,
      $defs,
      ...root
    } = z.toJSONSchema(schema, {
      target: 'draft-2020-12',
      io,
      unrepresentable: 'any',
      metadata: this.names,
    }) as Json;
    const defs = ($defs ?? {}) as Record<string, Json>;
    // A schema that refers to itself (`$ref: "#"`) becomes a component of its own.
    const selfRef = JSON.stringify(root).includes('"$ref":"#"');
    const all: Record<string, Json> = selfRef ? { ...defs, '#': root } : defs;
    const names = new Map<string, string>();
    const wanted = (key: string) =>
      key === '#'
        ? context
        : /^__schema\d+$/.test(key)
          ? `${context}.${key.slice(2)}`
          : key.replace(/[^\w.-]/g, '_');
    for (const key of Object.keys(all).sort()) names.set(key, wanted(key));
    // Rename on a clash with a different schema of the same name (input and output may differ).
    for (let round = 0; ; round++) {
      const rewritten = Object.fromEntries(
        [...names].map(([key, name]) => [name, rewriteRefs(all[key] as Json, names) as Json]),
      );
      const clash = [...names].find(([, name]) => {
        const known = this.schemas.get(name);
        return known !== undefined && JSON.stringify(known) !== JSON.stringify(rewritten[name]);
      });
      if (!clash) {
        for (const [name, value] of Object.entries(rewritten)) this.schemas.set(name, value);
        break;
      }
      if (round > 100) throw new Error(`openapi: cannot name the schema ${clash[1]} (${context})`);
      const [key] = clash;
      const taken = new Set([...this.schemas.keys(), ...names.values()]);
      let n = 2;
      while (taken.has(`${wanted(key)}_${n}`)) n++;
      names.set(key, `${wanted(key)}_${n}`);
    }
    return selfRef ? { $ref: `#/components/schemas/${names.get('#')}` } : (rewriteRefs(root, names) as Json);
  }

  sorted(): Record<string, Json> {
    return Object.fromEntries([...this.schemas].sort(([a], [b]) => byName(a, b)));
  }
}

function rewriteRefs(value: unknown, names: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(value)) return value.map((item) => rewriteRefs(item, names));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => {
      if (key === '$ref' && typeof inner === 'string') {
        const target = inner === '#' ? '#' : inner.replace(/^#\/\$defs\//, '');
        const name = names.get(target);
        return [key, name === undefined ? inner : `#/components/schemas/${name}`];
      }
      return [key, rewriteRefs(inner, names)];
    }),
  );
}

const isSchema = (spec: AnswerSpec): spec is z.ZodMiniType => '_zod' in spec;

function answer(spec: AnswerSpec, status: number, context: string, components: Components): Json {
  const description = reasons[status] ?? String(status);
  if (isSchema(spec)) {
    return {
      description,
      content: { 'application/json': { schema: components.schema(spec, 'output', context) } },
    };
  }
  switch (spec.kind) {
    case 'file':
      return {
        description: `${description}: a file to download`,
        headers: {
          'Content-Disposition': {
            description: "`attachment; filename*=UTF-8''…`: the file's name",
            schema: { type: 'string' },
          },
        },
        // OpenAPI 3.1 describes binary content by its media type alone, without a schema.
        content: { [spec.contentType]: {} },
      };
    case 'redirect':
      return {
        description: `${description}: the browser fetches the file itself from \`Location\` (a presigned download, valid briefly)`,
        headers: { Location: { required: true, schema: { type: 'string', format: 'uri' } } },
      };
    case 'empty':
      return { description };
  }
}

/** The error answers a route can give, each the shared problem shape. */
function problems(route: Route): Json {
  const writes = route.method === 'POST' || route.method === 'PUT';
  const hasParams = pathParams(route.path).length > 0;
  const signedIn = route.access !== 'public';
  const conflicts: ConflictCode[] = [...(route.conflicts ?? [])];
  if (route.idempotent && !conflicts.includes('in_progress')) conflicts.push('in_progress');
  const applies: Record<keyof typeof problemStatuses, boolean> = {
    400:
      hasParams ||
      route.query !== undefined ||
      route.body !== undefined ||
      writes ||
      route.idempotent === true,
    401: signedIn,
    403: signedIn,
    404: hasParams,
    409: conflicts.length > 0,
    415: writes,
    422: route.idempotent === true,
    429: true,
    500: true,
  };
  const out: Json = {};
  for (const key of Object.keys(problemStatuses)) {
    const status = Number(key) as keyof typeof problemStatuses;
    if (!applies[status]) continue;
    out[key] =
      status === 409
        ? {
            description: `${problemStatuses[409]}: ${conflicts.map((c) => `\`${c}\``).join(', ')}`,
            content: {
              'application/json': {
                schema: { allOf: [problemRef], properties: { code: { enum: conflicts } } },
              },
            },
          }
        : { $ref: `#/components/responses/${problemNames[status]}` };
  }
  return out;
}

/** The shared error answers (all but 409, whose codes differ per route), by name. */
const problemNames = {
  400: 'BadRequest',
  401: 'Unauthenticated',
  403: 'Forbidden',
  404: 'NotFound',
  415: 'UnsupportedMediaType',
  422: 'IdempotencyKeyReused',
  429: 'TooManyRequests',
  500: 'InternalError',
} as const satisfies Record<Exclude<keyof typeof problemStatuses, 409>, string>;

const problemResponses = () =>
  Object.fromEntries(
    Object.entries(problemNames)
      .sort(([, a], [, b]) => byName(a, b))
      .map(([status, name]) => [
        name,
        {
          description: problemStatuses[Number(status) as keyof typeof problemNames],
          content: { 'application/json': { schema: problemRef } },
        },
      ]),
  );

function parameters(id: string, route: Route, components: Components): Json[] {
  const out: Json[] = [];
  if (route.params) {
    const json = components.schema(route.params, 'input', `${id}.params`);
    const properties = (json.properties ?? {}) as Record<string, Json>;
    for (const name of pathParams(route.path)) {
      out.push({ name, in: 'path', required: true, schema: properties[name] ?? {} });
    }
  }
  if (route.query) {
    const json = components.schema(route.query, 'input', `${id}.query`);
    const properties = (json.properties ?? {}) as Record<string, Json>;
    const required = (json.required ?? []) as string[];
    for (const [name, schema] of Object.entries(properties)) {
      out.push({ name, in: 'query', required: required.includes(name), schema });
    }
  }
  if (route.idempotent) out.push({ $ref: '#/components/parameters/IdempotencyKey' });
  return out;
}

function operation(id: string, route: Route, components: Components): Json {
  const who = route.access === 'public' ? 'anyone' : route.access.join(', ');
  const responses: Json = {};
  for (const [status, spec] of Object.entries(route.answers)) {
    responses[status] = answer(spec, Number(status), `${id}.${status}`, components);
  }
  Object.assign(responses, problems(route));
  const params = parameters(id, route, components);
  return {
    operationId: id,
    ...(route.summary ? { summary: route.summary } : {}),
    description: [
      `Who may call it: ${who}.`,
      ...(route.sendsMail ? ['Sends mail.'] : []),
      ...(route.idempotent
        ? ['Idempotent: a repeat with the same `Idempotency-Key` gets the first answer.']
        : []),
    ].join(' '),
    tags: [route.group],
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: components.schema(route.body, 'input', `${id}.body`) } },
          },
        }
      : {}),
    responses,
    ...(route.access === 'public' ? {} : { security: [{ session: [] }] }),
    'x-votum-access': route.access,
    'x-votum-group': route.group,
  };
}

/**
 * The OpenAPI 3.1 document of a route table. `shared` names schemas that several routes answer (the
 * sketch, the vote, the follow-up): each is written once under components.schemas and referred to.
 */
export function openApiDocument(
  routes: Readonly<Record<string, Route>>,
  info: OpenApiInfo,
  shared: Readonly<Record<string, z.ZodMiniType>> = {},
): Json {
  const components = new Components(shared);
  components.schemas.set('Problem', components.schema(problem, 'output', 'Problem'));
  const paths = new Map<string, Json>();
  for (const [id, route] of Object.entries(routes)) {
    const item = paths.get(route.path) ?? {};
    item[route.method.toLowerCase()] = operation(id, route, components);
    paths.set(route.path, item);
  }
  const sortedPaths = [...paths.keys()].sort(byName).map((path) => {
    const item = paths.get(path) as Json;
    return [path, Object.fromEntries(methods.filter((m) => m in item).map((m) => [m, item[m]]))] as const;
  });
  return {
    openapi: '3.1.0',
    info: {
      title: info.title,
      version: info.version,
      ...(info.description ? { description: info.description } : {}),
    },
    servers: [{ url: '/' }],
    tags: Object.entries(groups).map(([name, group]) => ({ name, description: group.description })),
    paths: Object.fromEntries(sortedPaths),
    components: {
      schemas: components.sorted(),
      responses: problemResponses(),
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: true,
          description: 'Chosen by the client for each new request (a UUID); the same key again repeats it.',
          schema: { type: 'string', minLength: 8, maxLength: 100 },
        },
      },
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: sessionCookie,
          description: `Set by \`POST /api/auth/session\` (HttpOnly, SameSite=Lax). A local portal over http calls it \`votum_session\`.`,
        },
      },
    },
  };
}
