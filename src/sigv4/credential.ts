/**
 * The `Credential` of a signature: `AKID/YYYYMMDD/region/service/aws4_request`, read
 * strictly. Only its shape is checked here; whether its date, region and service are
 * the right ones is the verifier's business.
 */
import { incomplete, invalidAccessKeyId, malformedCredential, wrongRegion, wrongService, wrongTerminator } from './messages.js';
import { SCOPE_TERMINATOR, type CredentialScope } from './string-to-sign.js';

export interface Credential {
  readonly accessKeyId: string;
  readonly scope: CredentialScope;
}

/** IAM's access key id type is `[\w]+`, 16 to 128 long; the test suite uses `AKIDEXAMPLE`. */
const ACCESS_KEY_ID = /^[A-Za-z0-9]{1,128}$/;
const SCOPE_DATE = /^\d{8}$/;
const NAME = /^[a-z0-9-]{1,64}$/;

/**
 * @example
 *   parseCredential('AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request')
 *   // { accessKeyId: 'AKIDEXAMPLE', scope: { date: '20150830', region: 'us-east-1', service: 'iam' } }
 */
export function parseCredential(value: string): Credential {
  const parts = value.split('/');
  if (parts.length !== 5) throw malformedCredential(value);
  const [accessKeyId, date, region, service, terminator] = parts as [string, string, string, string, string];
  if (!ACCESS_KEY_ID.test(accessKeyId)) throw invalidAccessKeyId();
  if (!SCOPE_DATE.test(date)) throw incomplete(`Credential scope date must be YYYYMMDD, got '${date}'.`);
  if (!NAME.test(region)) throw wrongRegion(region);
  if (!NAME.test(service)) throw wrongService(service);
  if (terminator !== SCOPE_TERMINATOR) throw wrongTerminator(terminator);
  return { accessKeyId, scope: { date, region, service } };
}
