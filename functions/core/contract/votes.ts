import * as z from 'zod/mini';
import { id, sketchParams } from './common.ts';
import { file, route } from './route.ts';

// TODO(contract): request and answer schemas.
const unchecked = z.unknown();

export const listSeats = route({
  method: 'GET',
  path: '/api/admin/seats',
  summary: '',
  access: ['admin'],
  group: 'office',
  entry: 'functions/http/handlers/list-seats.ts',
  answers: { 200: unchecked },
});

export const putSeat = route({
  method: 'PUT',
  path: '/api/admin/seats/{id}',
  summary: '',
  access: ['admin'],
  group: 'office',
  entry: 'functions/http/handlers/put-seat.ts',
  params: z.strictObject({ id: id('Sitz') }),
  answers: { 200: unchecked },
});

export const openVote = route({
  method: 'POST',
  path: '/api/admin/votes',
  summary: '',
  access: ['admin'],
  group: 'office',
  entry: 'functions/http/handlers/open-vote.ts',
  sendsMail: true,
  answers: { 201: unchecked },
});

export const listVotes = route({
  method: 'GET',
  path: '/api/admin/votes',
  summary: '',
  access: ['admin'],
  group: 'office',
  entry: 'functions/http/handlers/list-votes.ts',
  answers: { 200: unchecked },
});

export const getVote = route({
  method: 'GET',
  path: '/api/votes/{id}',
  summary: '',
  access: ['admin', 'member'],
  group: 'steering',
  entry: 'functions/http/handlers/get-vote.ts',
  params: z.strictObject({ id: id('Abstimmung') }),
  answers: { 200: unchecked },
});

export const myVotes = route({
  method: 'GET',
  path: '/api/my/votes',
  summary: '',
  access: ['member'],
  group: 'steering',
  entry: 'functions/http/handlers/my-votes.ts',
  answers: { 200: unchecked },
});

export const castBallot = route({
  method: 'POST',
  path: '/api/votes/{id}/ballots',
  summary: '',
  access: ['member'],
  group: 'steering',
  entry: 'functions/http/handlers/cast-ballot.ts',
  params: z.strictObject({ id: id('Abstimmung') }),
  sendsMail: true,
  answers: { 200: unchecked },
});

export const handOver = route({
  method: 'POST',
  path: '/api/votes/{id}/seats/{seatId}/handover',
  summary: '',
  access: ['member'],
  group: 'steering',
  entry: 'functions/http/handlers/hand-over.ts',
  params: z.strictObject({ id: id('Abstimmung'), seatId: id('Sitz') }),
  sendsMail: true,
  answers: { 200: unchecked },
});

export const takeBack = route({
  method: 'DELETE',
  path: '/api/votes/{id}/seats/{seatId}/handover',
  summary: '',
  access: ['member'],
  group: 'steering',
  entry: 'functions/http/handlers/take-back.ts',
  params: z.strictObject({ id: id('Abstimmung'), seatId: id('Sitz') }),
  answers: { 200: unchecked },
});

export const recuseSeat = route({
  method: 'POST',
  path: '/api/votes/{id}/recusals',
  summary: '',
  access: ['member', 'admin'],
  group: 'steering',
  entry: 'functions/http/handlers/recuse-seat.ts',
  params: z.strictObject({ id: id('Abstimmung') }),
  answers: { 200: unchecked },
});

export const closeVote = route({
  method: 'POST',
  path: '/api/admin/votes/{id}/close',
  summary: '',
  access: ['admin'],
  group: 'office',
  entry: 'functions/http/handlers/close-vote.ts',
  params: z.strictObject({ id: id('Abstimmung') }),
  sendsMail: true,
  answers: { 200: unchecked },
});

export const extendVote = route({
  method: 'POST',
  path: '/api/admin/votes/{id}/extend',
  summary: '',
  access: ['admin'],
  group: 'office',
  entry: 'functions/http/handlers/extend-vote.ts',
  params: z.strictObject({ id: id('Abstimmung') }),
  sendsMail: true,
  answers: { 200: unchecked },
});

export const remindVote = route({
  method: 'POST',
  path: '/api/admin/votes/{id}/remind',
  summary: '',
  access: ['admin'],
  group: 'office',
  entry: 'functions/http/handlers/remind-vote.ts',
  params: z.strictObject({ id: id('Abstimmung') }),
  sendsMail: true,
  answers: { 200: unchecked },
});

export const recordMeeting = route({
  method: 'POST',
  path: '/api/admin/meetings',
  summary: '',
  access: ['admin'],
  group: 'office',
  entry: 'functions/http/handlers/record-meeting.ts',
  answers: { 201: unchecked },
});

export const listMeetings = route({
  method: 'GET',
  path: '/api/admin/meetings',
  summary: '',
  access: ['admin'],
  group: 'office',
  entry: 'functions/http/handlers/list-meetings.ts',
  answers: { 200: unchecked },
});

export const meetingMinutes = route({
  method: 'GET',
  path: '/api/admin/meetings/{id}/minutes',
  summary: '',
  access: ['admin'],
  group: 'documents',
  entry: 'functions/http/handlers/meeting-minutes.ts',
  params: z.strictObject({ id: id('Sitzung') }),
  answers: { 200: file('application/pdf') },
});

export const writeVotum = route({
  method: 'POST',
  path: '/api/admin/sketches/{id}/votum',
  summary: '',
  access: ['admin'],
  group: 'office',
  entry: 'functions/http/handlers/write-votum.ts',
  params: sketchParams,
  sendsMail: true,
  answers: { 200: unchecked },
});

export const votumLetter = route({
  method: 'GET',
  path: '/api/sketches/{id}/votum/letter',
  summary: '',
  access: ['applicant', 'admin'],
  group: 'documents',
  entry: 'functions/http/handlers/votum-letter.ts',
  params: sketchParams,
  answers: { 200: file('application/pdf') },
});
