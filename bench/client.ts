/**
 * The benchmark's GraphQL client: one keep-alive connection pool for every call it makes, to
 * the gateway as a client would (no identity headers: the anonymous public) and straight to a
 * shard as the gateway would (the same caller, signed), so both paths pay the same HTTP costs.
 */
import { Agent, fetch } from 'undici';
import { ANONYMOUS, signIdentity, type Identity } from '../protocol/identity.js';

export interface GraphQLAnswer {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export class BenchClient {
  readonly #agent = new Agent({ connections: 64, keepAliveTimeout: 30_000 });
  readonly #secret: string;

  constructor(subgraphSecret: string) {
    this.#secret = subgraphSecret;
  }

  /** POSTs a query; resolves with the data, throws on a transport error or any GraphQL error. */
  async post(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Record<string, any>> {
    const response = await fetch(url, {
      method: 'POST',
      dispatcher: this.#agent,
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const answer = (await response.json()) as GraphQLAnswer;
    if (answer.errors?.length) throw new Error(`HTTP ${response.status}: ${answer.errors.map((e) => e.message).join('; ')}`);
    if (!answer.data) throw new Error(`HTTP ${response.status}: no data`);
    return answer.data;
  }

  /** A call to one shard, signed as `identity` (the anonymous public unless given). */
  shard(endpoint: string, query: string, variables: Record<string, unknown> = {}, identity: Identity = ANONYMOUS): Promise<Record<string, any>> {
    return this.post(endpoint, query, variables, signIdentity(identity, this.#secret));
  }

  close(): Promise<void> {
    return this.#agent.close();
  }
}
