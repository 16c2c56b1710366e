// The office's steering-group pages (seats, votes, meetings, the Votum), loaded together as one chunk (main.tsx).

export { MeetingNew } from '../admin/MeetingNew.tsx';
export { Meetings } from '../admin/Meetings.tsx';
export { Seats } from '../admin/Seats.tsx';
export { Vote } from '../admin/Vote.tsx';
export { Votes } from '../admin/Votes.tsx';
export { Votum } from '../admin/Votum.tsx';
