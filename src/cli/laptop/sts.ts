/** AssumeRole through the AWS SDK's STS client, so rolegate's own tool speaks the wire as AWS clients do. */
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { CachedResponse } from './cache.js';
import type { AssumeRoleCall, Credentials } from './chain.js';
import type { StsTarget } from './endpoint.js';

export function stsAssumeRole(target: StsTarget): (source: Credentials, call: AssumeRoleCall) => Promise<CachedResponse> {
  return async (source, call) => {
    const client = new STSClient({
      endpoint: target.endpoint,
      region: target.region,
      credentials: {
        accessKeyId: source.AccessKeyId,
        secretAccessKey: source.SecretAccessKey,
        ...(source.SessionToken === undefined ? {} : { sessionToken: source.SessionToken }),
      },
    });
    try {
      const out = await client.send(new AssumeRoleCommand(call));
      const c = out.Credentials;
      if (c?.AccessKeyId === undefined || c.SecretAccessKey === undefined || c.SessionToken === undefined || c.Expiration === undefined) {
        throw new Error(`AssumeRole of ${call.RoleArn} returned no credentials`);
      }
      return {
        Credentials: { AccessKeyId: c.AccessKeyId, SecretAccessKey: c.SecretAccessKey, SessionToken: c.SessionToken, Expiration: c.Expiration.toISOString() },
        AssumedRoleUser: { AssumedRoleId: out.AssumedRoleUser?.AssumedRoleId, Arn: out.AssumedRoleUser?.Arn },
      };
    } catch (e) {
      // The SDK's messages are AWS's (AccessDenied …) and carry no secret; say which role failed.
      const err = e as { name?: string; message?: string };
      throw new Error(`AssumeRole of ${call.RoleArn} failed: ${err.name ?? 'Error'}: ${err.message ?? String(e)}`);
    } finally {
      client.destroy();
    }
  };
}
