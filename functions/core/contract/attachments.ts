import * as z from 'zod/mini';
import { id, sketchParams } from './common.ts';
import { empty, redirect, route } from './route.ts';

// TODO(contract): request and answer schemas.
const unchecked = z.unknown();

export const createAttachment = route({
  method: 'POST',
  path: '/api/sketches/{id}/attachments',
  summary: '',
  access: ['applicant'],
  group: 'applicant',
  entry: 'functions/http/handlers/create-attachment.ts',
  params: sketchParams,
  attachments: 'write',
  answers: { 201: unchecked },
});

export const checkAttachment = route({
  method: 'POST',
  path: '/api/sketches/{id}/attachments/{aid}/check',
  summary: '',
  access: ['applicant'],
  group: 'applicant',
  entry: 'functions/http/handlers/check-attachment.ts',
  params: z.strictObject({ id: id('Skizze'), aid: id('Anhang') }),
  attachments: 'write',
  answers: { 200: unchecked },
});

export const listAttachments = route({
  method: 'GET',
  path: '/api/sketches/{id}/attachments',
  summary: '',
  access: ['applicant', 'admin'],
  group: 'applicant',
  entry: 'functions/http/handlers/list-attachments.ts',
  params: sketchParams,
  answers: { 200: unchecked },
});

export const downloadAttachment = route({
  method: 'GET',
  path: '/api/sketches/{id}/attachments/{aid}',
  summary: '',
  access: ['applicant', 'admin'],
  group: 'applicant',
  entry: 'functions/http/handlers/download-attachment.ts',
  params: z.strictObject({ id: id('Skizze'), aid: id('Anhang') }),
  attachments: 'read',
  answers: { 302: redirect },
});

export const deleteAttachment = route({
  method: 'DELETE',
  path: '/api/sketches/{id}/attachments/{aid}',
  summary: '',
  access: ['applicant'],
  group: 'applicant',
  entry: 'functions/http/handlers/delete-attachment.ts',
  params: z.strictObject({ id: id('Skizze'), aid: id('Anhang') }),
  attachments: 'write',
  answers: { 204: empty },
});
