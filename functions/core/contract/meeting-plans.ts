import * as z from 'zod/mini';
import { isValidDate } from '../dates.ts';
import { meetingPlanLabels as l, meetingPlanMessages as m } from '../meetings.de.ts';
import { id, isoDate, list } from './common.ts';
import { builtOnce, route, unchecked } from './route.ts';

/*
 * The meeting cycle (issue 15, item 5): the office plans meetings with a submission deadline
 * before each, and sends the invitation with the agenda and the dossier to every seat's member and
 * deputies. The record of a meeting held stays recordMeeting's (votes.ts). What a route takes and
 * answers is built on its first read (route.ts).
 */

const day = (name: string) =>
  z.string({ error: m.date(name) }).check(z.refine(isValidDate, m.validDate(name)));

const planBody = () =>
  z.object({
    meetings: z
      .array(
        z.object({
          date: day(l.date),
          submissionDeadline: day(l.deadline),
          place: z.optional(
            z.string({ error: m.placeNotText() }).check(z.trim(), z.maxLength(200, m.placeTooLong())),
          ),
        }),
        { error: m.meetings() },
      )
      .check(z.minLength(1, m.meetings()), z.maxLength(12, m.meetings())),
  });

/** Only what a deployed bundle's esbuild defines (see route.ts `unchecked`); the browser never loads this module. */
declare const process: { readonly env: { readonly VOTUM_BUNDLED_ALLIANCE?: string } };

/** The answers' shapes: built on first use; in a deployed bundle never (see route.ts `unchecked`). */
function build() {
  const agendaSketch = () =>
    z.strictObject({ sketchId: z.string(), title: z.string(), organisation: z.string() });

  const plan = () =>
    z.strictObject({
      id: z.string(),
      date: isoDate,
      place: z.optional(z.string()),
      submissionDeadline: isoDate,
      plannedBy: z.string(),
      plannedAt: z.string(),
      invitation: z.optional(
        z.strictObject({
          sentAt: z.string(),
          sentBy: z.string(),
          agenda: z.array(agendaSketch()),
          dossierId: z.string(),
          recipients: z.int(),
        }),
      ),
    });

  /** A plan in the office's list: before the invitation, the agenda it would have now. */
  const listedPlan = () => z.extend(plan(), { agendaNow: z.array(agendaSketch()) });

  return { plan, listedPlan };
}

const schemas = process.env.VOTUM_BUNDLED_ALLIANCE === undefined ? builtOnce(build) : unchecked;
const plan = () => schemas().plan();
const listedPlan = () => schemas().listedPlan();

export const listMeetingPlans = /* @__PURE__ */ route(() => ({
  method: 'GET',
  path: '/api/admin/meeting-plans',
  summary: 'The planned meetings by date, each with its submission deadline and (upcoming) agenda',
  access: ['admin'],
  group: 'decisions',
  entry: 'functions/http/handlers/list-meeting-plans.ts',
  get answers() {
    return { 200: z.lazy(() => list(listedPlan())) };
  },
}));

export const planMeetings = /* @__PURE__ */ route(() => ({
  method: 'POST',
  path: '/api/admin/meeting-plans',
  summary: 'Plans meetings of the decision body, each with the submission deadline before it',
  access: ['admin'],
  group: 'decisions',
  entry: 'functions/http/handlers/plan-meetings.ts',
  get body() {
    return planBody();
  },
  get answers() {
    return { 201: z.lazy(() => list(plan())) };
  },
}));

export const inviteToMeeting = /* @__PURE__ */ route(() => ({
  method: 'POST',
  path: '/api/admin/meeting-plans/{id}/invitation',
  summary:
    "Sends the invitation with the agenda and the dossier (one PDF) to every seat's member and deputies",
  access: ['admin'],
  group: 'decisions',
  entry: 'functions/http/handlers/invite-to-meeting.ts',
  get params() {
    return z.strictObject({ id: id(l.plan) });
  },
  sendsMail: true,
  get answers() {
    return { 200: z.lazy(plan) };
  },
  conflicts: ['already', 'no_seats'],
}));
