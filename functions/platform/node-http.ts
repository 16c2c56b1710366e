import type * as http from 'node:http';
import { createRequire } from 'node:module';

/*
 * `node:http` as the bundles see it (an esbuild alias, infra/aws/functions.ts). A static ESM import
 * of a Node builtin builds its ESM facade, which reads every export; node:http's WebSocket,
 * MessageEvent and CloseEvent getters then load Node's undici, about 15 ms of every cold start,
 * for the STATUS_CODES table @middy/util imports. Required as CommonJS, only what is read is read.
 * The AWS SDK imports node:http lazily for the same reason and reads `default`.
 */
const nodeHttp = createRequire(import.meta.url)('node:http') as typeof http;

export default nodeHttp;
export const {
  Agent,
  ClientRequest,
  IncomingMessage,
  METHODS,
  OutgoingMessage,
  STATUS_CODES,
  Server,
  ServerResponse,
  createServer,
  get,
  request,
  validateHeaderName,
  validateHeaderValue,
} = nodeHttp;
