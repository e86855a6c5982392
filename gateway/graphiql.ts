/**
 * GraphiQL, served by the gateway itself from files in node_modules (graphiql 3 UMD build,
 * React 18 UMD), so that it works on a machine with no internet: Apollo's own landing page
 * loads from a CDN and is disabled. The page references no external URL.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const GRAPHIQL_PATH = '/graphiql';
const ASSET_PREFIX = `${GRAPHIQL_PATH}/assets/`;

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** The files the page loads, by the name it loads them under. */
const ASSETS: Record<string, { file: () => string; type: string }> = {
  'react.production.min.js': { file: () => join(packageDir('react'), 'umd/react.production.min.js'), type: 'text/javascript' },
  'react-dom.production.min.js': {
    file: () => join(packageDir('react-dom'), 'umd/react-dom.production.min.js'),
    type: 'text/javascript',
  },
  'graphiql.min.js': { file: () => join(packageDir('graphiql'), 'dist/index.umd.js'), type: 'text/javascript' },
  'graphiql.min.css': { file: () => join(packageDir('graphiql'), 'dist/style.css'), type: 'text/css' },
};

/**
 * The query the page opens with. It is one of the trusted documents (codegen/codegen.ts takes
 * it into the manifest), so the public can run it where the gateway enforces them.
 */
export const GRAPHIQL_EXAMPLE = readFileSync(new URL('./graphiql-example.graphql', import.meta.url), 'utf8');

/** A string as a JavaScript literal inside a <script> element, which `</` would end. */
const scriptLiteral = (text: string) => JSON.stringify(text).replaceAll('<', '\\u003c');

const cache = new Map<string, Buffer>();

function asset(name: string): Buffer {
  let content = cache.get(name);
  if (!content) {
    // The bundle's trailing source-map comment would make browsers ask for a file we do not serve.
    const text = readFileSync(ASSETS[name]!.file(), 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
    content = Buffer.from(text, 'utf8');
    cache.set(name, content);
  }
  return content;
}

export function graphiqlPage(graphqlPath: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>兰台 Lantai — GraphiQL</title>
  <link rel="stylesheet" href="${ASSET_PREFIX}graphiql.min.css">
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="${ASSET_PREFIX}react.production.min.js"></script>
  <script src="${ASSET_PREFIX}react-dom.production.min.js"></script>
  <script src="${ASSET_PREFIX}graphiql.min.js"></script>
  <script>
    const token = new URLSearchParams(location.search).get('token');
    const fetcher = GraphiQL.createFetcher({
      url: new URL(${JSON.stringify(graphqlPath)}, location.href).toString(),
      headers: token ? { Authorization: 'Bearer ' + token } : {},
    });
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, {
        fetcher,
        defaultQuery: ${scriptLiteral(GRAPHIQL_EXAMPLE)},
      }),
    );
  </script>
</body>
</html>
`;
}

/** Whether a GET for `path` with this Accept header is a browser asking for the page. */
export function wantsGraphiQL(request: IncomingMessage, path: string, graphqlPath: string): boolean {
  if (request.method !== 'GET') return false;
  if (path === GRAPHIQL_PATH || path === `${GRAPHIQL_PATH}/`) return true;
  return path === graphqlPath && (request.headers.accept ?? '').includes('text/html') && !new URL(request.url ?? '/', 'http://x').searchParams.has('query');
}

/** Serves the page or one of its assets; returns false when the path is none of them. */
export function serveGraphiQL(request: IncomingMessage, response: ServerResponse, path: string, graphqlPath: string): boolean {
  if (wantsGraphiQL(request, path, graphqlPath)) {
    const page = graphiqlPage(graphqlPath);
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(page) });
    response.end(page);
    return true;
  }
  if (request.method !== 'GET' || !path.startsWith(ASSET_PREFIX)) return false;
  const name = path.slice(ASSET_PREFIX.length);
  if (!Object.hasOwn(ASSETS, name)) return false;
  const content = asset(name);
  response.writeHead(200, {
    'content-type': `${ASSETS[name]!.type}; charset=utf-8`,
    'content-length': content.length,
    'cache-control': 'public, max-age=86400',
  });
  response.end(content);
  return true;
}
