/**
 * `npm run gateway`: the provincial gateway on PORT (default 4000) over the committed
 * schema/supergraph.graphql. See gateway/config.ts for the environment it reads.
 */
import { readFileSync } from 'node:fs';
import { close, listen } from '../protocol/http.js';
import { RequestLog, createServiceLogger } from '../protocol/logging.js';
import { metricsPortOf, startMetricsServer } from '../protocol/operations.js';
import { redactUrl } from '../protocol/redaction.js';
import { announceListening, settingsOrExit, stopOnSignals } from '../protocol/service-lifecycle.js';
import { startTracing } from '../protocol/tracing.js';
import { ensureDashboard } from '../dashboard/build.js';
import { SUPERGRAPH_FILE } from './composition.js';
import { gatewayEnvironment } from './config.js';
import { dashboardPages } from './dashboard.js';
import { GRAPHQL_PATH, buildGateway } from './server.js';

const environment = settingsOrExit('gateway', (warn) => gatewayEnvironment(process.env, warn));
const { port, host, ...options } = environment;
const tracing = startTracing('gateway');
// The dashboard is built (when its sources changed) while the gateway starts, not on its first visit.
const dashboardBuild = ensureDashboard();
dashboardBuild.catch((error: unknown) => console.error(`gateway: the dashboard could not be built: ${String(error)}`));
const metricsPort = metricsPortOf();
const logger = createServiceLogger('gateway');
const gateway = buildGateway({
  ...options,
  supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8'),
  dashboard: dashboardPages(() => dashboardBuild),
  metricsOnServicePort: metricsPort === undefined,
  log: (message) => logger.error(message),
  requestLog: new RequestLog(logger),
});
const bound = await listen(gateway.httpServer, port, host);
const metrics = metricsPort === undefined ? null : await startMetricsServer(gateway.metrics, metricsPort, host);
stopOnSignals('gateway', async () => {
  if (metrics) await close(metrics.server);
  await close(gateway.httpServer);
  await gateway.stop();
  await tracing.shutdown();
});
await gateway.start();
if (!gateway.directory.loaded) {
  console.error(`gateway: the province directory at ${redactUrl(options.provinceUrl)} did not answer yet; retrying every second`);
}
const base = `http://${host}:${bound}`;
announceListening('gateway', bound, [`${base}${GRAPHQL_PATH}`, `${base}/graphiql`, `${base}/dashboard/`]);
