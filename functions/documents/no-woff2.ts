/*
 * Stands in for `brotli/decompress.js` in the bundles (infra/aws/functions.ts aliases it): fontkit
 * needs Brotli only to open WOFF2 fonts, and the documents embed TrueType (fonts/fonts.ts). The real
 * module carries Brotli's 120 KB dictionary as code, about 475 KB of the render job's bundle.
 */
export default function decompress(): never {
  throw new Error('WOFF2 fonts are not supported in this bundle: the documents embed TrueType fonts');
}
