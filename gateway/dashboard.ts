/**
 * The provincial dashboard, served by the gateway at /dashboard/ from its static build
 * (dashboard/build.ts), as GraphiQL is: the page and everything it loads come from this
 * origin, and its Content-Security-Policy lets it talk to nothing else. The build is made on
 * the first request when the sources changed since the last one (npm start makes it before
 * the gateway starts), then held in memory.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ensureDashboard, type DashboardBuild } from '../dashboard/build.js';

export const DASHBOARD_PATH = '/dashboard';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Only this origin: scripts and styles from its files (ECharts sets inline styles on the
 * elements it draws), data from its /graphql, downloads made in the page (blob:).
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface DashboardPages {
  /** Serves the page or one of its files; false when `path` is none of them. */
  serve(request: IncomingMessage, response: ServerResponse, path: string): Promise<boolean>;
}

/** @param load Where the build comes from. @default ensureDashboard() */
export function dashboardPages(load: () => Promise<DashboardBuild> = () => ensureDashboard()): DashboardPages {
  let build: Promise<DashboardBuild> | undefined;
  const current = () => {
    // A failed build is tried again on the next request rather than remembered.
    build ??= load().catch((error: unknown) => {
      build = undefined;
      throw error;
    });
    return build;
  };
  return {
    async serve(request, response, path) {
      if (path !== DASHBOARD_PATH && !path.startsWith(`${DASHBOARD_PATH}/`)) return false;
      if (request.method !== 'GET' && request.method !== 'HEAD') return false;
      if (path === DASHBOARD_PATH) {
        const query = (request.url ?? '').includes('?') ? (request.url ?? '').slice((request.url ?? '').indexOf('?')) : '';
        response.writeHead(301, { location: `${DASHBOARD_PATH}/${query}` });
        response.end();
        return true;
      }
      const name = path.slice(DASHBOARD_PATH.length + 1) || 'index.html';
      const { files, hash } = await current();
      // Only names of the build's own files: nothing else on disk can be reached.
      const content = files.get(name);
      if (!content) return false;
      const type = TYPES[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream';
      response.writeHead(200, {
        'content-type': type,
        'content-length': content.length,
        'cache-control': name.startsWith('chunks/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        etag: `"${hash}"`,
        'x-content-type-options': 'nosniff',
        'content-security-policy': DASHBOARD_CSP,
        'x-lantai-dashboard-build': hash,
      });
      response.end(request.method === 'HEAD' ? undefined : content);
      return true;
    },
  };
}
