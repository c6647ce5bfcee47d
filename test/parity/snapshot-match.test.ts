/**
 * The snapshot matcher on hand-made steps: what it accepts, and that every kind of
 * difference — a value, a shape, a placeholder bound twice, a field on one side only —
 * is reported with its path.
 */
import { describe, expect, it } from 'vitest';
import { Bindings, matchTemplate } from './placeholders.js';
import { compareStep, type SdkOutcome } from './snapshot-match.js';

const env = { accountId: '000000000042', region: 'eu-west-1' };
const ROLE_ID = 'AROAABCDEFGHIJKLMNOPQ';
const OTHER_ROLE_ID = 'AROAQPONMLKJIHGFEDCBA';
const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '111111111111' }, Action: 'sts:AssumeRole' }] };

const recordedRole = {
  Role: {
    Arn: 'arn:<partition>:iam::111111111111:role/<path-prefix>/<role-name:1>',
    AssumeRolePolicyDocument: trust,
    CreateDate: '<datetime>',
    Path: '/<path-prefix>/',
    RoleId: '<role-id:1>',
    RoleName: '<role-name:1>',
  },
  ResponseMetadata: { HTTPHeaders: {}, HTTPStatusCode: 200 },
};

function sdkRole(overrides: Record<string, unknown> = {}): SdkOutcome {
  const doc = encodeURIComponent(JSON.stringify({ ...trust, Statement: [{ ...trust.Statement[0], Principal: { AWS: '000000000042' } }] }));
  return {
    ok: true,
    output: {
      Role: { Path: '/team/', RoleName: 'builder', RoleId: ROLE_ID, Arn: 'arn:aws:iam::000000000042:role/team/builder', CreateDate: new Date(), AssumeRolePolicyDocument: doc, ...overrides },
      $metadata: { httpStatusCode: 200, requestId: 'r-1', attempts: 1 },
    },
  };
}

function sdkError(code: string, message: string, status: number, name = `${code}Exception`): SdkOutcome {
  const error = Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: status }, Error: { Code: code, Message: message, Type: 'Sender' } });
  return { ok: false, error };
}

describe('compareStep', () => {
  it('accepts an SDK response that matches the recording: account mapped, date, decoded policy, status code', () => {
    expect(compareStep(recordedRole, sdkRole(), new Bindings(env))).toEqual([]);
  });

  it('binds a placeholder on first sight and holds the next step to the same value', () => {
    const bindings = new Bindings(env);
    expect(compareStep(recordedRole, sdkRole(), bindings)).toEqual([]);
    expect(compareStep(recordedRole, sdkRole({ RoleId: OTHER_ROLE_ID }), bindings)).toEqual([`Role.RoleId: expected "${ROLE_ID}" (recorded "<role-id:1>"), got "${OTHER_ROLE_ID}"`]);
  });

  it('refuses one value for two numbers of the same placeholder', () => {
    const bindings = new Bindings(env);
    const two = { A: '<role-id:1>', B: '<role-id:2>' };
    expect(compareStep(two, { ok: true, output: { A: ROLE_ID, B: ROLE_ID } }, bindings)).toEqual([`B: <role-id:2> and <role-id:1> are both "${ROLE_ID}"`]);
    expect(compareStep(two, { ok: true, output: { A: ROLE_ID, B: OTHER_ROLE_ID } }, new Bindings(env))).toEqual([]);
  });

  it('refuses a value of the wrong shape for its placeholder', () => {
    expect(compareStep(recordedRole, sdkRole({ RoleId: 'AIDAABCDEFGHIJKLMNOPQ' }), new Bindings(env))).toEqual(['Role.RoleId: expected "<role-id:1>", got "AIDAABCDEFGHIJKLMNOPQ"']);
    expect(compareStep({ K: '<access-key-id:1>' }, { ok: true, output: { K: 'AKIA123' } }, new Bindings(env))).toHaveLength(1);
  });

  it('reports a field on either side only, and a value that differs, each with its path', () => {
    const { Role } = (sdkRole() as { output: { Role: Record<string, unknown> } }).output;
    const { Path: _dropped, ...withoutPath } = Role;
    const outcome: SdkOutcome = { ok: true, output: { Role: { ...withoutPath, MaxSessionDuration: 3600 }, $metadata: { httpStatusCode: 201 } } };
    expect(compareStep(recordedRole, outcome, new Bindings(env))).toEqual([
      'Role.Path: missing (recorded "/<path-prefix>/")',
      'Role.MaxSessionDuration: unexpected 3600',
      'ResponseMetadata.HTTPStatusCode: expected 200, got 201',
    ]);
  });

  it('walks into the policy document and into lists', () => {
    const doc = encodeURIComponent(JSON.stringify({ ...trust, Statement: [{ ...trust.Statement[0], Action: ['sts:AssumeRole'] }] }));
    expect(compareStep(recordedRole, sdkRole({ AssumeRolePolicyDocument: doc }), new Bindings(env))).toEqual([
      'Role.AssumeRolePolicyDocument.Statement[0].Principal.AWS: expected "000000000042" (recorded "111111111111"), got "111111111111"',
      'Role.AssumeRolePolicyDocument.Statement[0].Action: expected "sts:AssumeRole", got ["sts:AssumeRole"]',
    ]);
    expect(compareStep({ L: ['a', 'b'] }, { ok: true, output: { L: ['a'] } }, new Bindings(env))).toEqual(['L: expected 2 items, got 1']);
  });

  it('says so when a policy document is not URL-encoded JSON', () => {
    expect(compareStep(recordedRole, sdkRole({ AssumeRolePolicyDocument: '{not json' }), new Bindings(env))).toEqual(['Role.AssumeRolePolicyDocument: not URL-encoded JSON: "{not json"']);
  });

  it('compares an error by wire code, message, Sender/Receiver and status', () => {
    const recorded = { Error: { Code: 'NoSuchEntity', Message: 'Policy arn:<partition>:iam::111111111111:policy/x was not found.', Type: 'Sender' }, ResponseMetadata: { HTTPHeaders: {}, HTTPStatusCode: 404 } };
    expect(compareStep(recorded, sdkError('NoSuchEntity', 'Policy arn:aws:iam::000000000042:policy/x was not found.', 404), new Bindings(env))).toEqual([]);
    expect(compareStep(recorded, sdkError('NoSuchEntity', 'Policy x was not found.', 400), new Bindings(env))).toEqual([
      'Error.Message: expected "Policy arn:<partition>:iam::000000000042:policy/x was not found." (recorded "Policy arn:<partition>:iam::111111111111:policy/x was not found."), got "Policy x was not found."',
      'ResponseMetadata.HTTPStatusCode: expected 404, got 400',
    ]);
  });

  it('reports a success where AWS answered with an error, and the other way round', () => {
    const recorded = { Error: { Code: 'ValidationError', Message: 'm', Type: 'Sender' }, ResponseMetadata: { HTTPHeaders: {}, HTTPStatusCode: 400 } };
    expect(compareStep(recorded, { ok: true, output: { $metadata: { httpStatusCode: 200 } } }, new Bindings(env))).toEqual([
      'Error: missing (recorded {"Code":"ValidationError","Message":"m","Type":"Sender"})',
      'ResponseMetadata.HTTPStatusCode: expected 400, got 200',
    ]);
    expect(compareStep(recordedRole, sdkError('NoSuchEntity', 'gone', 404), new Bindings(env))).toContain('Error: unexpected {"Code":"NoSuchEntity","Message":"gone","Type":"Sender"}');
  });

  it('wants a Date where AWS gave a timestamp, and no Date elsewhere', () => {
    expect(compareStep({ D: '<datetime>' }, { ok: true, output: { D: '2024-01-01T00:00:00Z' } }, new Bindings(env))).toEqual(['D: expected a date, got "2024-01-01T00:00:00Z"']);
    expect(compareStep({ D: 'x' }, { ok: true, output: { D: new Date(0) } }, new Bindings(env))).toEqual(['D: expected "x", got the date 1970-01-01T00:00:00.000Z']);
  });
});

describe('matchTemplate', () => {
  it('takes <partition> as aws and <region> as the clients’ region', () => {
    expect(matchTemplate('arn:<partition>:apigateway:<region>::/x', 'arn:aws:apigateway:eu-west-1::/x', new Bindings(env))).toEqual([]);
    expect(matchTemplate('arn:<partition>:apigateway:<region>::/x', 'arn:aws-cn:apigateway:eu-west-1::/x', new Bindings(env))).toHaveLength(1);
    expect(matchTemplate('arn:<partition>:apigateway:<region>::/x', 'arn:aws:apigateway:us-east-1::/x', new Bindings(env))).toHaveLength(1);
  });

  it('splits placeholders that touch by their shapes: a path ends at its last slash', () => {
    const b = new Bindings(env);
    expect(matchTemplate('role<path:1><role-name:1>', 'role/a/b/r1', b)).toEqual([]);
    expect([b.get('<path:1>'), b.get('<role-name:1>')]).toEqual(['/a/b/', 'r1']);
  });

  it('holds a placeholder seen twice in one string to one value', () => {
    expect(matchTemplate('<resource:1>/<resource:1>', 'a/a', new Bindings(env))).toEqual([]);
    expect(matchTemplate('<resource:1>/<resource:1>', 'a/b', new Bindings(env))).toHaveLength(1);
  });

  it('binds a value given by the scenario only when it has the placeholder’s shape', () => {
    const b = new Bindings(env);
    expect(b.bind('<role-session-name:1>', 'x')).toBe('"x" does not look like <role-session-name:1>');
    expect(b.bind('<role-session-name:1>', 'session-1')).toBeUndefined();
    expect(b.bind('<role-session-name:1>', 'session-2')).toBe('<role-session-name:1> is "session-1", not "session-2"');
  });

  it('refuses a placeholder it has no shape for, rather than accepting anything', () => {
    expect(matchTemplate('<mystery:1>', 'x', new Bindings(env))).toEqual(['unknown placeholder <mystery:1> in "<mystery:1>"']);
  });

  it('maps the recording account only where the snapshot shows it', () => {
    expect(matchTemplate('111111111111', '000000000042', new Bindings(env))).toEqual([]);
    expect(matchTemplate('111111111111', '111111111111', new Bindings(env))).toHaveLength(1);
  });
});
