/**
 * Secrets never print: an answer that carries one (CreateAccessKey's secret key, a
 * service-specific credential's password, a virtual MFA device's seed and QR code) shows the secret only on the wire, where the
 * serializer reads the property; JSON and util.inspect show it as `[redacted]`.
 */
import { inspect } from 'node:util';

export function redactedWhenShown<T extends object>(value: T, ...secrets: (keyof T)[]): T {
  const redacted = (): object => ({ ...value, ...Object.fromEntries(secrets.map((s) => [s, '[redacted]'])) });
  return Object.defineProperties({ ...value }, {
    toJSON: { value: redacted, enumerable: false },
    [inspect.custom]: { value: redacted, enumerable: false },
  });
}
