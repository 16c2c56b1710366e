import * as z from 'zod/mini';
import { sketchParams, voteParams } from './common.ts';
import { file, route } from './route.ts';
import { trailCheckSchema } from './trail-answers.ts';

/*
 * The office's check of the tamper-evident audit trails (core/trail.ts): a sketch's and a vote's,
 * as an answer (unchanged, or the first broken event) and as a CSV an auditor can recompute. The
 * answer is built on its first read (route.ts). Every export is a route.
 */

export const checkSketchTrail = /* @__PURE__ */ route(() => ({
  method: 'GET',
  path: '/api/admin/sketches/{id}/trail',
  summary: "Recomputes a sketch's audit trail hash chain: unchanged, or the first broken event",
  access: ['admin'],
  group: 'decisions',
  entry: 'functions/http/handlers/check-sketch-trail.ts',
  get params() {
    return sketchParams();
  },
  get answers() {
    return { 200: z.lazy(trailCheckSchema) };
  },
}));

export const checkVoteTrail = /* @__PURE__ */ route(() => ({
  method: 'GET',
  path: '/api/admin/votes/{id}/trail',
  summary: "Recomputes a vote's audit trail hash chain: unchanged, or the first broken entry",
  access: ['admin'],
  group: 'decisions',
  entry: 'functions/http/handlers/check-vote-trail.ts',
  get params() {
    return voteParams();
  },
  get answers() {
    return { 200: z.lazy(trailCheckSchema) };
  },
}));

export const exportSketchTrail = /* @__PURE__ */ route(() => ({
  method: 'GET',
  path: '/api/admin/sketches/{id}/trail.csv',
  summary: "A sketch's audit trail as CSV: per event its hashed form, its hash and its predecessor's",
  access: ['admin'],
  group: 'documents',
  entry: 'functions/http/handlers/export-sketch-trail.ts',
  get params() {
    return sketchParams();
  },
  answers: { 200: file('text/csv; charset=utf-8') },
}));

export const exportVoteTrail = /* @__PURE__ */ route(() => ({
  method: 'GET',
  path: '/api/admin/votes/{id}/trail.csv',
  summary: "A vote's audit trail as CSV: per entry its hashed form, its hash and its predecessor's",
  access: ['admin'],
  group: 'documents',
  entry: 'functions/http/handlers/export-vote-trail.ts',
  get params() {
    return voteParams();
  },
  answers: { 200: file('text/csv; charset=utf-8') },
}));
