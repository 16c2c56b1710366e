import * as z from 'zod/mini';
import { id, sketchParams } from './common.ts';
import { route } from './route.ts';

// TODO(contract): request and answer schemas.
const unchecked = z.unknown();

export const createSketch = route({
  method: 'POST',
  path: '/api/sketches',
  summary: '',
  access: ['applicant'],
  group: 'applicant',
  entry: 'functions/http/handlers/create-sketch.ts',
  sendsMail: true,
  answers: { 201: unchecked },
});

export const getSketch = route({
  method: 'GET',
  path: '/api/sketches/{id}',
  summary: '',
  access: ['applicant', 'admin', 'member'],
  group: 'applicant',
  entry: 'functions/http/handlers/get-sketch.ts',
  params: sketchParams,
  answers: { 200: unchecked },
});

export const saveDraft = route({
  method: 'PUT',
  path: '/api/sketches/{id}/draft',
  summary: '',
  access: ['applicant'],
  group: 'applicant',
  entry: 'functions/http/handlers/save-draft.ts',
  params: sketchParams,
  answers: { 200: unchecked },
});

export const submitSketch = route({
  method: 'POST',
  path: '/api/sketches/{id}/submit',
  summary: '',
  access: ['applicant'],
  group: 'applicant',
  entry: 'functions/http/handlers/submit-sketch.ts',
  params: sketchParams,
  sendsMail: true,
  answers: { 200: unchecked },
});

export const withdrawSketch = route({
  method: 'POST',
  path: '/api/sketches/{id}/withdraw',
  summary: '',
  access: ['applicant', 'admin'],
  group: 'applicant',
  entry: 'functions/http/handlers/withdraw-sketch.ts',
  params: sketchParams,
  sendsMail: true,
  answers: { 200: unchecked },
});

export const getVersion = route({
  method: 'GET',
  path: '/api/sketches/{id}/versions/{n}',
  summary: '',
  access: ['applicant', 'admin'],
  group: 'applicant',
  entry: 'functions/http/handlers/get-version.ts',
  params: z.strictObject({ id: id('Skizze'), n: z.coerce.number().check(z.int(), z.gte(1), z.lte(9999)) }),
  answers: { 200: unchecked },
});

export const mySketches = route({
  method: 'GET',
  path: '/api/my/sketches',
  summary: '',
  access: ['applicant'],
  group: 'applicant',
  entry: 'functions/http/handlers/my-sketches.ts',
  answers: { 200: unchecked },
});

export const listSketches = route({
  method: 'GET',
  path: '/api/admin/sketches',
  summary: '',
  access: ['admin'],
  group: 'office',
  entry: 'functions/http/handlers/list-sketches.ts',
  answers: { 200: unchecked },
});

export const returnSketch = route({
  method: 'POST',
  path: '/api/admin/sketches/{id}/return',
  summary: '',
  access: ['admin'],
  group: 'office',
  entry: 'functions/http/handlers/return-sketch.ts',
  params: sketchParams,
  sendsMail: true,
  answers: { 200: unchecked },
});

export const confirmEndorsement = route({
  method: 'POST',
  path: '/api/admin/sketches/{id}/endorsement',
  summary: '',
  access: ['admin'],
  group: 'office',
  entry: 'functions/http/handlers/confirm-endorsement.ts',
  params: sketchParams,
  answers: { 200: unchecked },
});

export const acceptSketch = route({
  method: 'POST',
  path: '/api/admin/sketches/{id}/accept',
  summary: '',
  access: ['admin'],
  group: 'office',
  entry: 'functions/http/handlers/accept-sketch.ts',
  params: sketchParams,
  sendsMail: true,
  answers: { 200: unchecked },
});
