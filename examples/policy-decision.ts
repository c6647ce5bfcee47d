/**
 * The policy engine on its own: may a role session read an object, given the role's
 * permissions policy and a permissions boundary? Run with `npx tsx examples/policy-decision.ts`.
 */
import {
  accessDeniedMessage,
  authorize,
  compilePolicy,
  parsePolicy,
  RequestContext,
  requestPrincipal,
} from '../src/policy/index.js';

const permissions = compilePolicy(
  parsePolicy(
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'ReadTeamBucket',
          Effect: 'Allow',
          Action: ['s3:Get*', 's3:List*'],
          Resource: 'arn:aws:s3:::reports-${aws:PrincipalTag/team}/*',
          Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
        },
      ],
    }),
    'identity',
  ),
  { id: 'arn:aws:iam::111122223333:policy/reports-read', type: 'identity' },
);
const boundary = compilePolicy(
  parsePolicy('{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}', 'identity'),
  { id: 'arn:aws:iam::111122223333:policy/s3-only', type: 'boundary' },
);

const principal = requestPrincipal({
  type: 'AssumedRole',
  arn: 'arn:aws:sts::111122223333:assumed-role/analyst/alice',
  accountId: '111122223333',
  roleArn: 'arn:aws:iam::111122223333:role/analyst',
  uniqueId: 'AROAEXAMPLEROLEID0001',
});

for (const [sourceIp, key] of [
  ['10.1.2.3', 'arn:aws:s3:::reports-blue/2026/q3.csv'],
  ['192.0.2.7', 'arn:aws:s3:::reports-blue/2026/q3.csv'],
  ['10.1.2.3', 'arn:aws:s3:::reports-red/2026/q3.csv'],
] as const) {
  const request = {
    principal,
    action: 's3:GetObject',
    resource: key,
    context: new RequestContext({ 'aws:SourceIp': sourceIp, 'aws:PrincipalTag/team': 'blue' }),
  };
  const decision = authorize(request, { identity: [permissions], boundary });
  const why =
    decision.effect === 'Allow'
      ? `allowed by ${decision.statements.map((m) => `${m.policy.id}#${m.statement.sid ?? m.statement.index}`).join(', ')}`
      : accessDeniedMessage(decision, { principalArn: principal.arn, action: request.action, resource: key });
  console.log(`${sourceIp} ${key}: ${decision.effect} (${why})`);
}
