/**
 * The role credentials a metadata endpoint hands out, kept fresh the way EC2 keeps an
 * instance's: a set is replaced once it is an hour old, and always while more than
 * fifteen minutes of it remain, so a program never receives credentials closer to expiry
 * than AWS's promise ("new credentials at least five minutes before the old expire")
 * and SDKs, which refresh five minutes ahead, never see them run out. When a refresh
 * fails, the set in hand is served until it expires; after that there is nothing to serve.
 */

export interface RoleCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
  readonly roleArn: string;
  readonly roleName: string;
  /** For an instance: the profile that holds the role, which `iam/info` shows. */
  readonly instanceProfileArn?: string | undefined;
  readonly instanceProfileId?: string | undefined;
}

export interface FetchedCredentials extends RoleCredentials {
  /** Epoch milliseconds of the fetch: the endpoints' `LastUpdated`. */
  readonly fetchedAt: number;
}

const ROTATE_AFTER_MS = 60 * 60 * 1000;
const MIN_REMAINING_MS = 15 * 60 * 1000;

export class CredentialFeed {
  readonly #fetch: () => Promise<RoleCredentials>;
  readonly #now: () => number;
  #held: FetchedCredentials | undefined;
  readonly #report: (error: unknown) => void;
  #inFlight: Promise<FetchedCredentials | undefined> | undefined;

  /** `report` hears why a refresh failed (the server's AWS error, never a secret). */
  constructor(fetch: () => Promise<RoleCredentials>, now: () => number, report: (error: unknown) => void) {
    this.#fetch = fetch;
    this.#now = now;
    this.#report = report;
  }

  /** Fresh credentials, or undefined when none could be had and none in hand are still valid. */
  async current(): Promise<FetchedCredentials | undefined> {
    const held = this.#held;
    const now = this.#now();
    if (held !== undefined && now - held.fetchedAt < ROTATE_AFTER_MS && held.expiresAt - now > MIN_REMAINING_MS) return held;
    // Requests that arrive together share one fetch.
    this.#inFlight ??= this.#refresh().finally(() => {
      this.#inFlight = undefined;
    });
    return this.#inFlight;
  }

  async #refresh(): Promise<FetchedCredentials | undefined> {
    const fetchedAt = this.#now();
    try {
      this.#held = { ...(await this.#fetch()), fetchedAt };
    } catch (error) {
      this.#report(error);
    }
    const held = this.#held;
    return held !== undefined && held.expiresAt > this.#now() ? held : undefined;
  }
}
