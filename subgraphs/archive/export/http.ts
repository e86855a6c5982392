/**
 * The archive host's export endpoint, /archives/<code>/export?format=csv|ead3[&fonds=<全宗号>]
 * [&encoding=gb18030]: signed by the gateway like every other call, exporting what that caller
 * may see. EAD3 is one finding aid per fonds, so it needs `fonds`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../../../protocol/errors.js';
import { sendError } from '../../../protocol/http.js';
import { verifyIdentity } from '../../../protocol/identity.js';
import type { ExportScope } from './catalogue-reader.js';
import { CSV_ENCODINGS, EXPORT_FORMATS, ExportAbandoned, exportedFonds, writeCsv, writeFindingAid, type ArchiveName, type CsvEncoding, type ExportFormat } from './export.js';

function badRequest(response: ServerResponse, message: string, status = 400, code: ErrorCode = ErrorCode.BAD_USER_INPUT): void {
  sendError(response, status, code, message);
}

/** An ASCII file name for Content-Disposition, with the UTF-8 one beside it (RFC 6266). */
function attachment(name: string): string {
  return `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function serveExport(
  request: IncomingMessage,
  response: ServerResponse,
  scopeFor: (viewer: ExportScope['viewer']) => ExportScope,
  archive: () => Promise<ArchiveName>,
  secret: string,
): Promise<void> {
  if (request.method !== 'GET') {
    response.writeHead(405, { allow: 'GET' }).end();
    return;
  }
  let scope: ExportScope;
  try {
    scope = scopeFor(verifyIdentity(request.headers, secret));
  } catch (error) {
    if (error instanceof GraphQLError) return badRequest(response, error.message, 401, ErrorCode.UNAUTHENTICATED);
    throw error;
  }
  const query = new URL(request.url ?? '/', 'http://localhost').searchParams;
  const format = query.get('format') ?? 'csv';
  const encoding = query.get('encoding') ?? 'utf-8';
  const fondsCode = query.get('fonds') ?? undefined;
  if (!EXPORT_FORMATS.includes(format as ExportFormat)) return badRequest(response, `"format" must be one of ${EXPORT_FORMATS.join(', ')}.`);
  if (!CSV_ENCODINGS.includes(encoding as CsvEncoding)) return badRequest(response, `"encoding" must be one of ${CSV_ENCODINGS.join(', ')}.`);
  if (format === 'ead3' && fondsCode === undefined) return badRequest(response, 'An EAD3 finding aid describes one fonds: give "fonds" (全宗号).');
  const fonds = fondsCode === undefined ? undefined : (await exportedFonds(scope, fondsCode))[0];
  if (fondsCode !== undefined && !fonds) return badRequest(response, `Archive ${scope.archive} has no fonds ${fondsCode.slice(0, 50)} (全宗不存在).`, 404, ErrorCode.NOT_FOUND);
  const name = `${scope.archive}${fonds ? `-${fonds.fondsCode}` : ''}`;
  try {
    if (format === 'csv') {
      response.writeHead(200, {
        'content-type': `text/csv; charset=${encoding}`,
        'content-disposition': attachment(`${name}.csv`),
        'cache-control': 'no-store',
      });
      await writeCsv(scope, response, { fonds, encoding: encoding as CsvEncoding });
    } else {
      response.writeHead(200, {
        'content-type': 'application/xml; charset=utf-8',
        'content-disposition': attachment(`${name}.ead3.xml`),
        'cache-control': 'no-store',
      });
      await writeFindingAid(scope, await archive(), fonds!, response);
    }
  } catch (error) {
    // A reader that hangs up ends its export; nothing is left to answer.
    if (error instanceof ExportAbandoned) return;
    throw error;
  }
  response.end();
}
