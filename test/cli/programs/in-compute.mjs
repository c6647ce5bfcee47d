// A program as it would run on an EC2 instance or in an ECS task: no credentials in its
// code or environment; the AWS SDK's default chain finds them. It prints, as JSON, who it
// is, what its role lets it do, and (argv[2]: imds | container) how the metadata
// endpoint answers raw requests, so the test can check both from outside.
import { GetRoleCommand, IAMClient, ListUsersCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';

const out = {};
const sts = new STSClient({});
out.arn = (await sts.send(new GetCallerIdentityCommand({}))).Arn;
const iam = new IAMClient({});
out.getRole = await iam.send(new GetRoleCommand({ RoleName: process.argv[3] })).then(
  (r) => r.Role.RoleName,
  (e) => e.name,
);
out.listUsers = await iam.send(new ListUsersCommand({})).then(
  () => 'allowed',
  (e) => e.name,
);

const status = async (url, init) => (await fetch(url, init)).status;
if (process.argv[2] === 'imds') {
  const base = process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT.replace(/\/$/, '');
  const tokenUrl = `${base}/latest/api/token`;
  const ttl = (seconds) => ({ method: 'PUT', headers: { 'x-aws-ec2-metadata-token-ttl-seconds': String(seconds) } });
  const tokenResponse = await fetch(tokenUrl, ttl(60));
  const token = await tokenResponse.text();
  // `t` null: no token header at all.
  const get = async (path, t = token) => {
    const r = await fetch(`${base}${path}`, { headers: t === null ? {} : { 'x-aws-ec2-metadata-token': t } });
    return { status: r.status, body: await r.text() };
  };
  const roleName = (await get('/latest/meta-data/iam/security-credentials/')).body;
  out.imds = {
    tokenTtlHeader: tokenResponse.headers.get('x-aws-ec2-metadata-token-ttl-seconds'),
    withoutToken: (await get('/latest/meta-data/instance-id', null)).status,
    // One character changed, always to another one (ending the token in "AA" left it as it was 1 time in 256).
    forgedToken: (await get('/latest/meta-data/instance-id', `${token[0] === 'A' ? 'B' : 'A'}${token.slice(1)}`)).status,
    forwardedPut: await status(tokenUrl, { method: 'PUT', headers: { 'x-aws-ec2-metadata-token-ttl-seconds': '60', 'x-forwarded-for': '10.0.0.1' } }),
    ttlZero: await status(tokenUrl, ttl(0)),
    ttlTooLong: await status(tokenUrl, ttl(21601)),
    ttlMissing: await status(tokenUrl, { method: 'PUT' }),
    getToken: await status(tokenUrl),
    roleName,
    credentials: JSON.parse((await get(`/latest/meta-data/iam/security-credentials/${roleName}`)).body),
    otherRole: (await get('/latest/meta-data/iam/security-credentials/someone-else')).status,
    info: JSON.parse((await get('/latest/meta-data/iam/info')).body),
    instanceId: (await get('/latest/meta-data/instance-id')).body,
    region: (await get('/latest/meta-data/placement/region')).body,
    zone: (await get('/latest/meta-data/placement/availability-zone')).body,
    document: JSON.parse((await get('/latest/dynamic/instance-identity/document')).body),
    unknown: (await get('/latest/meta-data/no-such-item')).status,
  };
}
if (process.argv[2] === 'container') {
  const uri = process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI;
  const token = process.env.AWS_CONTAINER_AUTHORIZATION_TOKEN;
  const read = await fetch(uri, { headers: { authorization: token } });
  out.container = {
    status: read.status,
    body: await read.json(),
    withoutToken: await status(uri),
    wrongToken: await status(uri, { headers: { authorization: `${token}x` } }),
    otherPath: await status(new URL('/v2/credentials/other', uri), { headers: { authorization: token } }),
  };
}
process.stdout.write(`${JSON.stringify(out)}\n`);
process.exitCode = Number(process.env.EXIT_WITH ?? 0);
