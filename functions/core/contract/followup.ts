import * as z from 'zod/mini';
import { id, sketchParams } from './common.ts';
import { empty, file, route } from './route.ts';

// TODO(contract): request and answer schemas.
const unchecked = z.unknown();

export const getFollowUp = route({
  method: 'GET',
  path: '/api/sketches/{id}/followup',
  summary: '',
  access: ['applicant', 'admin'],
  group: 'followup',
  entry: 'functions/http/handlers/get-followup.ts',
  params: sketchParams,
  answers: { 200: unchecked },
});

export const reportFunding = route({
  method: 'POST',
  path: '/api/sketches/{id}/funding-decision',
  summary: '',
  access: ['applicant'],
  group: 'followup',
  entry: 'functions/http/handlers/report-funding.ts',
  params: sketchParams,
  sendsMail: true,
  answers: { 200: unchecked },
});

export const confirmFunding = route({
  method: 'POST',
  path: '/api/admin/sketches/{id}/funding-decision/confirm',
  summary: '',
  access: ['admin'],
  group: 'followup',
  entry: 'functions/http/handlers/confirm-funding.ts',
  params: sketchParams,
  sendsMail: true,
  answers: { 200: unchecked },
});

export const changeEnd = route({
  method: 'POST',
  path: '/api/admin/sketches/{id}/end',
  summary: '',
  access: ['admin'],
  group: 'followup',
  entry: 'functions/http/handlers/change-end.ts',
  params: sketchParams,
  sendsMail: true,
  answers: { 200: unchecked },
});

export const addReport = route({
  method: 'POST',
  path: '/api/admin/sketches/{id}/reports',
  summary: '',
  access: ['admin'],
  group: 'followup',
  entry: 'functions/http/handlers/add-report.ts',
  params: sketchParams,
  sendsMail: true,
  answers: { 201: unchecked },
});

export const submitReport = route({
  method: 'POST',
  path: '/api/sketches/{id}/reports/{rid}/submit',
  summary: '',
  access: ['applicant'],
  group: 'followup',
  entry: 'functions/http/handlers/submit-report.ts',
  params: z.strictObject({ id: id('Skizze'), rid: id('Bericht') }),
  sendsMail: true,
  answers: { 200: unchecked },
});

export const reviewReport = route({
  method: 'POST',
  path: '/api/admin/sketches/{id}/reports/{rid}/review',
  summary: '',
  access: ['admin'],
  group: 'followup',
  entry: 'functions/http/handlers/review-report.ts',
  params: z.strictObject({ id: id('Skizze'), rid: id('Bericht') }),
  sendsMail: true,
  answers: { 200: unchecked },
});

export const listDeadlines = route({
  method: 'GET',
  path: '/api/admin/deadlines',
  summary: '',
  access: ['admin'],
  group: 'office',
  entry: 'functions/http/handlers/list-deadlines.ts',
  answers: { 200: unchecked },
});

export const calendarFeedStatus = route({
  method: 'GET',
  path: '/api/admin/calendar',
  summary: '',
  access: ['admin'],
  group: 'office',
  entry: 'functions/http/handlers/calendar-feed-status.ts',
  answers: { 200: unchecked },
});

export const createCalendarFeed = route({
  method: 'POST',
  path: '/api/admin/calendar',
  summary: '',
  access: ['admin'],
  group: 'office',
  entry: 'functions/http/handlers/create-calendar-feed.ts',
  answers: { 201: unchecked },
});

export const revokeCalendarFeed = route({
  method: 'DELETE',
  path: '/api/admin/calendar',
  summary: '',
  access: ['admin'],
  group: 'office',
  entry: 'functions/http/handlers/revoke-calendar-feed.ts',
  answers: { 204: empty },
});

export const calendarFeed = route({
  method: 'GET',
  path: '/api/calendar/{token}/fristen.ics',
  summary: '',
  access: 'public',
  group: 'documents',
  entry: 'functions/http/handlers/calendar-feed.ts',
  params: z.strictObject({ token: id('Kalender') }),
  answers: { 200: file('text/calendar; charset=utf-8') },
});
