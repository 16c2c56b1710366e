/**
 * The sketch form's page, `/skizzen/<id>/bearbeiten` (an id is a UUID, so no other character can
 * reach a header): its answer preloads the sketch (infra/page-preload.ts, CloudFront's function), and
 * its first render waits briefly for that answer (web/src/main.tsx).
 */
export const sketchFormPage = /^\/skizzen\/([0-9A-Za-z-]{1,64})\/bearbeiten\/?$/;
