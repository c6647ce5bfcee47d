/**
 * What the server serves: for each service, its wire description (protocol/) and the
 * handler of each operation (services/). The two halves meet only here.
 */
import type { QueryService } from '../protocol/index.js';
import type { Operation } from '../services/context.js';

export interface ServedService {
  /** The SigV4 signing name, e.g. `sts`. */
  readonly signingName: string;
  readonly protocol: QueryService;
  // Handlers take the input their operation's shape reads; the table pairs them by name.
  readonly handlers: ReadonlyMap<string, Operation<never, unknown>>;
}

export type ApiTable = ReadonlyMap<string, ServedService>;
