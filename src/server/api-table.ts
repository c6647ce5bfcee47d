/**
 * What the server serves: for each service, its wire description (protocol/) and the
 * handler of each operation (services/). The two halves meet only here.
 */
import type { QueryService } from '../protocol/index.js';
import type { Operation, UnsignedOperation } from '../services/context.js';

export interface ServedService {
  /** The SigV4 signing name, e.g. `sts`. */
  readonly signingName: string;
  readonly protocol: QueryService;
  // Handlers take the input their operation's shape reads; the table pairs them by name.
  readonly handlers: ReadonlyMap<string, Operation<never, unknown>>;
  /**
   * The operations AWS serves without a signature (STS AssumeRoleWithWebIdentity), by
   * name; only these may be reached by a request that carries no SigV4 authentication.
   */
  readonly unsigned: ReadonlyMap<string, UnsignedOperation<never, unknown>>;
}

export type ApiTable = ReadonlyMap<string, ServedService>;
