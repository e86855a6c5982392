/**
 * Validation of XML against an XML Schema with libxml2's xmllint (Debian's libxml2-utils),
 * installed by requireDebianCommand where it is missing. The schemas are the files in
 * schema/xml/, whose imports name each other: nothing is fetched from the network.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { requireDebianCommand } from './debian-package.js';

export const XML_SCHEMAS = fileURLToPath(new URL('../../schema/xml/', import.meta.url));

/** xmllint's complaints about `xml` under the schema file (in schema/xml/); empty when it validates. */
export async function schemaErrors(schemaFile: string, xml: string): Promise<string> {
  const xmllint = await requireDebianCommand({ package: 'libxml2-utils', command: 'xmllint' });
  return new Promise((resolve, reject) => {
    const child = execFile(
      xmllint,
      ['--noout', '--nonet', '--schema', `${XML_SCHEMAS}${schemaFile}`, '-'],
      { maxBuffer: 64 << 20 },
      (error, _stdout, stderr) => {
        if (error && typeof error.code !== 'number') return reject(error);
        resolve(error ? stderr.trim() || `xmllint exited with ${String(error.code)}` : '');
      },
    );
    child.stdin!.end(xml);
  });
}
