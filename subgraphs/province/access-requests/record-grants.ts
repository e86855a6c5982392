/**
 * Asks a holding archive to store a read grant (查阅授权) when a cross-region request is
 * fulfilled: the archive contract's internal grantRecordAccess, called on the archive's shard
 * through the one shard client, signed as the fulfilling archivist, so that the archive itself
 * decides that the caller may grant (DESIGN.md: access is enforced where the data lives).
 * The call goes through its host's circuit breaker, as the scatter's do: a host cut off after
 * repeated failures is refused at once instead of the archivist waiting out the timeout.
 */
import { readFileSync } from 'node:fs';
import { archiveUnavailable, badUserInput, ErrorCode, forbidden, notFound } from '../../../protocol/errors.js';
import { callThrough, CUT_OFF, type CircuitBreakers } from '../../../protocol/circuit-breaker.js';
import type { Identity } from '../../../protocol/identity.js';
import { ShardUnreachableError, type ShardClient } from '../../../protocol/shard-client.js';
import type { DirectoryEntryRow } from '../entities/index.js';
import type { GrantRecordAccessMutation, GrantRecordAccessMutationVariables } from '../generated/shard-operations.js';
import type { RecordGrant, RecordGrantor } from './access-requests.js';

const GRANT_MUTATION = readFileSync(new URL('./grant-record-access.graphql', import.meta.url), 'utf8');

export class ShardRecordGrantor implements RecordGrantor {
  constructor(
    private readonly client: ShardClient,
    private readonly log: (message: string) => void = (message) => console.error(message),
    private readonly breakers?: CircuitBreakers,
  ) {}

  async grant(actor: Identity, archive: DirectoryEntryRow, grant: RecordGrant): Promise<void> {
    if (archive.retiredAt != null) throw archiveUnavailable(archive.id, 'has been retired from the network');
    let body;
    try {
      body = await callThrough(this.breakers?.for(archive.endpoint), archive.endpoint, () =>
        this.client.request<Partial<GrantRecordAccessMutation>>(
          archive.endpoint,
          { query: GRANT_MUTATION, variables: { archive: archive.id, input: grant } satisfies GrantRecordAccessMutationVariables, operationName: 'GrantRecordAccess' },
          actor,
          { archive: archive.id },
        ),
      );
    } catch (error) {
      if (!(error instanceof ShardUnreachableError)) throw error;
      this.log(`province: archive ${archive.id} did not store a grant: ${error.reason}`);
      throw archiveUnavailable(archive.id, 'did not answer; the grant was not stored and the request stays ACCEPTED');
    }
    if (body === CUT_OFF) {
      throw archiveUnavailable(archive.id, 'is cut off after repeated failures of its host; the grant was not stored and the request stays ACCEPTED');
    }
    const refusal = body.errors?.[0];
    if (refusal) {
      const message = `Archive ${archive.id} refused the grant (查阅授权): ${refusal.message}`;
      switch (refusal.extensions?.code) {
        case ErrorCode.FORBIDDEN: throw forbidden(message);
        case ErrorCode.NOT_FOUND: throw notFound(message, { archive: archive.id });
        case ErrorCode.BAD_USER_INPUT: throw badUserInput(message);
        default:
          this.log(`province: archive ${archive.id} failed to store a grant: ${String(refusal.extensions?.code)}`);
          throw archiveUnavailable(archive.id, 'could not store the grant; the request stays ACCEPTED');
      }
    }
    if (body.data?.grantRecordAccess !== true) throw archiveUnavailable(archive.id, 'did not confirm the grant; the request stays ACCEPTED');
  }
}
