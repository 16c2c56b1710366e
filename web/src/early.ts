/*
 * The portal's first script to run, before the frame (main.tsx) has even downloaded: the HTML
 * preloads what every page asks for first (the session, the profile), and this adds what only the
 * address names, the sketch form's sketch. So its request runs beside the scripts' download instead
 * of after the frame ran (the CSP allows no inline script, so this is a file of its own). It imports
 * nothing: the page's own request (useLoad) takes the preloaded answer.
 */

/** The address of the route getSketch (/api/sketches/{id}), from the route table (web/vite.config.ts). */
declare const __SKETCH_ADDRESS__: string;

const editing = /^\/skizzen\/([^/]+)\/bearbeiten\/?$/.exec(location.pathname);
if (editing?.[1]) {
  const link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'fetch';
  link.crossOrigin = '';
  link.href = __SKETCH_ADDRESS__.replace('{id}', encodeURIComponent(decodeURIComponent(editing[1])));
  document.head.append(link);
}
