// The pages that show a sketch (review, print, status), loaded together as one chunk (main.tsx).
export { PrintSketch } from './PrintSketch.tsx';
export { ReviewSketch } from './ReviewSketch.tsx';
export { Sketch } from './Sketch.tsx';
