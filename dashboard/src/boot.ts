/**
 * boot.js: runs before the bundle, to send the first view's query at once (first-view.ts).
 */
import { sendFirstView } from './first-view.js';

sendFirstView();
