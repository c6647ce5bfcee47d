/**
 * The part of autocannon's programmatic API that bench/server.ts uses (autocannon ships
 * no types; this avoids a dependency on @types/autocannon for a handful of fields).
 */
declare module 'autocannon' {
  namespace autocannon {
    interface Request {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string | Buffer;
    }
    interface Options {
      url: string;
      connections?: number;
      pipelining?: number;
      /** Seconds. */
      duration?: number;
      requests?: Request[];
    }
    interface Result {
      /** Seconds actually run. */
      duration: number;
      errors: number;
      timeouts: number;
      non2xx: number;
    }
    interface Instance {
      /** Every response, with its status, size and time in milliseconds (fractional). */
      on(event: 'response', listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): this;
    }
  }
  function autocannon(options: autocannon.Options, callback: (error: Error | null | undefined, result: autocannon.Result) => void): autocannon.Instance;
  export = autocannon;
}
