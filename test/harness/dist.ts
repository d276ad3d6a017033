// Where `npm run build` puts each browser's extension: what the harness loads and the bench weighs.
import { fileURLToPath } from 'node:url';

export const CHROME_DIST = fileURLToPath(new URL('../../dist/chrome', import.meta.url));
export const FIREFOX_DIST = fileURLToPath(new URL('../../dist/firefox', import.meta.url));
