/**
 * Secrets never print: an answer that carries one (CreateAccessKey's secret key, a
 * service-specific credential's password) shows the secret only on the wire, where the
 * serializer reads the property; JSON and util.inspect show it as `[redacted]`.
 */
import { inspect } from 'node:util';

export function redactedWhenShown<T extends object>(value: T, secret: keyof T): T {
  const redacted = (): object => ({ ...value, [secret]: '[redacted]' });
  return Object.defineProperties({ ...value }, {
    toJSON: { value: redacted, enumerable: false },
    [inspect.custom]: { value: redacted, enumerable: false },
  });
}
