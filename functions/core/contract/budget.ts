import * as z from 'zod/mini';
import { id, sketchParams } from './common.ts';
import { file, route } from './route.ts';

// TODO(contract): request and answer schemas.
const unchecked = z.unknown();

export const getBudget = route({
  method: 'GET',
  path: '/api/admin/budget',
  summary: '',
  access: ['admin'],
  group: 'office',
  entry: 'functions/http/handlers/get-budget.ts',
  answers: { 200: unchecked },
});

export const budgetCheck = route({
  method: 'GET',
  path: '/api/admin/sketches/{id}/budget-check',
  summary: '',
  access: ['admin'],
  group: 'office',
  entry: 'functions/http/handlers/budget-check.ts',
  params: sketchParams,
  answers: { 200: unchecked },
});

export const exportCsv = route({
  method: 'GET',
  path: '/api/admin/exports/{file}',
  summary: '',
  access: ['admin'],
  group: 'documents',
  entry: 'functions/http/handlers/export-csv.ts',
  params: z.strictObject({ file: z.string().check(z.maxLength(40)) }),
  answers: { 200: file('text/csv; charset=utf-8') },
});
