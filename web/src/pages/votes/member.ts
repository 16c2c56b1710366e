// The steering group members' pages, loaded together as one chunk (main.tsx): applicants never load them.
export { MyVote } from './MyVote.tsx';
export { MyVotes } from './MyVotes.tsx';
