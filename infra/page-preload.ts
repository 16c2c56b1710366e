import type { IncomingMessage, ServerResponse } from 'node:http';
import { routeAddresses } from '../functions/core/contract/index.ts';
import { sketchFormPage } from '../functions/core/page-addresses.ts';

/*
 * The sketch form's page (/skizzen/<id>/bearbeiten) names its sketch in its address, so the answer
 * that carries the page can tell the browser to fetch the sketch (a `Link: rel=preload` header): that
 * request then runs beside the scripts' download, not after the frame has run. The page's own request
 * (useLoad, web/src/lib/loaded.ts) takes the preloaded answer. One piece of code does it in both
 * places: CloudFront runs it on the answer (infra/aws/web.ts) and the local servers run the same
 * text (infra/local/portal.ts, the bench's server).
 */

/**
 * The part of the default behaviour's CloudFront Function (runtime cloudfront-js-2.0,
 * infra/aws/web.ts) that runs on the answer. `event.request` is the request as the viewer sent it,
 * before the viewer-request part rewrote its path to /index.html.
 */
export const pagePreloadCode = (): string => {
  const [before, after] = routeAddresses().getSketch[1].split('{id}');
  return `function preload(event) {
  var response = event.response;
  var page = ${sketchFormPage}.exec(event.request.uri);
  if (page) {
    response.headers.link = { value: '<' + ${JSON.stringify(before)} + page[1] + ${JSON.stringify(after ?? '')} + '>; rel=preload; as=fetch; crossorigin' };
  }
  return response;
}`;
};

type ViewerResponse = (event: {
  request: { uri: string };
  response: { headers: Record<string, { value: string }> };
}) => { headers: Record<string, { value: string }> };

let compiled: ViewerResponse | undefined;

/** The `Link` header the function adds to the answer for `path` (no query), or undefined. */
export function pagePreload(path: string): string | undefined {
  // The function's own text, run as CloudFront runs it: what is tested locally is what is deployed.
  compiled ??= new Function(`${pagePreloadCode()}\nreturn preload;`)() as ViewerResponse;
  return compiled({ request: { uri: path }, response: { headers: {} } }).headers.link?.value;
}

/** A local server's answer for `request` gets the header CloudFront would add (the local portal, the bench's). */
export function addPagePreload(request: IncomingMessage, response: ServerResponse): void {
  const link = pagePreload(new URL(request.url ?? '/', 'http://local').pathname);
  if (link) response.setHeader('link', link);
}
