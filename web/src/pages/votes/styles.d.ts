// Vite bundles a stylesheet imported by a chunk's module with that chunk (the vote pages' votes.css).
declare module '*.css';
