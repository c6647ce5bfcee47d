/**
 * `credential_source = Ec2InstanceMetadata | EcsContainer`: the source credentials of a
 * role profile read from the instance metadata service or the container credentials
 * endpoint, with the SDK's own readers (IMDSv2 with its token; the container endpoint with
 * AWS_CONTAINER_AUTHORIZATION_TOKEN), honouring the same variables the SDKs do
 * (AWS_EC2_METADATA_SERVICE_ENDPOINT, AWS_CONTAINER_CREDENTIALS_FULL_URI …). Inside
 * `rolegate run` they find its endpoints; on EC2 or ECS, AWS's.
 */
import { fromContainerMetadata, fromInstanceMetadata } from '@smithy/credential-provider-imds';
import type { Credentials, MetadataSource } from './chain.js';

export async function metadataCredentials(source: MetadataSource, env: NodeJS.ProcessEnv): Promise<Credentials> {
  // The SDKs' switch for machines where no metadata service is to be asked.
  if (source === 'Ec2InstanceMetadata' && env['AWS_EC2_METADATA_DISABLED']?.toLowerCase() === 'true') {
    throw new Error('credential_source Ec2InstanceMetadata: the instance metadata service is disabled by AWS_EC2_METADATA_DISABLED');
  }
  const provider = source === 'Ec2InstanceMetadata' ? fromInstanceMetadata({ maxRetries: 1 }) : fromContainerMetadata({ maxRetries: 1 });
  try {
    const c = await provider();
    return { AccessKeyId: c.accessKeyId, SecretAccessKey: c.secretAccessKey, SessionToken: c.sessionToken, Expiration: c.expiration?.toISOString() };
  } catch (e) {
    throw new Error(`credential_source ${source}: no credentials from ${source === 'Ec2InstanceMetadata' ? 'the instance metadata service' : 'the container credentials endpoint'} (${e instanceof Error ? e.message : String(e)})`);
  }
}
