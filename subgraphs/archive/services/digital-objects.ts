/** 数字化副本: attaching digital-copy metadata to records, and finding copies the caller may see. */
import { badUserInput, notFound } from '../../../protocol/errors.js';
import type { ArchiveContext } from '../context.js';
import { DigitalObjectSchema, RecordSchema, type DigitalObjectRow } from '../entities/index.js';
import type { DigitalObjectInput } from '../generated/resolvers-types.js';
import { nonNegativeInt, requiredText } from '../../../protocol/input.js';
import { localKey } from './input.js';
import { requireArchivist } from './visibility.js';

/** A digital copy by id; null when missing or when its record is hidden from the caller (the loader checks). */
export async function findDigitalObject(ctx: ArchiveContext, id: string): Promise<DigitalObjectRow | null> {
  const key = localKey(id, 'DigitalObject', ctx.archive);
  return key === null ? null : ctx.loaders.digitalObject.load(key);
}

export async function attachDigitalObject(ctx: ArchiveContext, recordId: string, input: DigitalObjectInput): Promise<DigitalObjectRow> {
  requireArchivist(ctx.viewer, ctx.archive, 'attach digital copies (数字化副本)');
  const key = localKey(recordId, 'Record', ctx.archive);
  const record = key === null ? null : await ctx.em.findOne(RecordSchema, { id: key });
  if (!record) throw notFound(`Record ${recordId} does not exist in archive ${ctx.archive} (档案不存在).`);
  if (!/^[0-9a-f]{64}$/.test(input.sha256)) {
    throw badUserInput('"sha256" must be 64 lowercase hexadecimal digits.');
  }
  const digitalObject = ctx.em.create(DigitalObjectSchema, {
    recordId: record.id,
    format: requiredText('format', input.format, 20).toUpperCase(),
    pages: nonNegativeInt('pages', input.pages),
    bytes: nonNegativeInt('bytes', input.bytes, Number.MAX_SAFE_INTEGER),
    sha256: input.sha256,
  });
  await ctx.em.flush();
  return digitalObject;
}
