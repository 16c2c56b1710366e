import * as z from 'zod/mini';
import { empty, route } from './route.ts';

// TODO(contract): request and answer schemas.
const unchecked = z.unknown();

export const requestLink = route({
  method: 'POST',
  path: '/api/auth/link',
  summary: '',
  access: 'public',
  group: 'public',
  entry: 'functions/http/handlers/request-link.ts',
  sendsMail: true,
  answers: { 202: unchecked },
});

export const redeemLink = route({
  method: 'POST',
  path: '/api/auth/session',
  summary: '',
  access: 'public',
  group: 'public',
  entry: 'functions/http/handlers/redeem-link.ts',
  answers: { 201: unchecked },
});

export const signOut = route({
  method: 'DELETE',
  path: '/api/auth/session',
  summary: '',
  access: ['applicant', 'admin', 'member'],
  group: 'public',
  entry: 'functions/http/handlers/sign-out.ts',
  answers: { 204: empty },
});

export const me = route({
  method: 'GET',
  path: '/api/auth/me',
  summary: '',
  access: ['applicant', 'admin', 'member'],
  group: 'public',
  entry: 'functions/http/handlers/me.ts',
  answers: { 200: unchecked },
});

export const getProfile = route({
  method: 'GET',
  path: '/api/profile',
  summary: '',
  access: 'public',
  group: 'public',
  entry: 'functions/http/handlers/get-profile.ts',
  answers: { 200: unchecked },
});
