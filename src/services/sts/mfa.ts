/**
 * MFA for AssumeRole and GetSessionToken: the caller names an MFA device enabled for its
 * own IAM user (SerialNumber) and gives the code it shows (TokenCode). A code is
 * accepted once: its time step must be newer than every step the device accepted
 * before, which is checked and recorded in one statement. The answer is the time of the
 * check, which the session carries for aws:MultiFactorAuthPresent and aws:MultiFactorAuthAge.
 */
import { AwsError } from '../../errors.js';
import { mfaDevices } from '../../store/index.js';
import type { ServiceContext } from '../context.js';
import { mfaSeed } from '../iam/mfa-devices.js';
import { matchingStep } from '../mfa-codes.js';

/** seen (y13i/sgviz#9): one of SerialNumber and TokenCode without the other. */
const bothRequired = (): AwsError => new AwsError('AccessDenied', 'MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code.');
/** seen (aws/aws-cli#6325, 99designs/aws-vault#676), with its two spaces: a device that is not the caller's. */
const unableToValidate = (): AwsError =>
  new AwsError('AccessDenied', 'MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.');
/** seen (aws/aws-cli#2279, for codes reused by calls in a loop): a wrong or already used code. */
const invalidCode = (): AwsError => new AwsError('AccessDenied', 'MultiFactorAuthentication failed with invalid MFA one time pass code.');

/** Undefined when the request names no MFA; the check's time when it passes; throws otherwise. */
export async function checkMfa(
  input: { readonly SerialNumber?: string | undefined; readonly TokenCode?: string | undefined },
  ctx: ServiceContext,
): Promise<number | undefined> {
  const { SerialNumber: serial, TokenCode: code } = input;
  if (serial === undefined && code === undefined) return undefined;
  if (serial === undefined || code === undefined) throw bothRequired();
  const userId = callerUserId(ctx);
  const device = await mfaDevices.bySerial(ctx.deps.db, serial);
  if (userId === undefined || device === undefined || device.userId !== userId) throw unableToValidate();
  const now = ctx.deps.clock.now();
  const step = matchingStep(mfaSeed(ctx, device), code, now);
  if (step === undefined || !(await mfaDevices.acceptStep(ctx.deps.db, device.serial, userId, step))) throw invalidCode();
  return now;
}

/**
 * The IAM user whose devices count: the caller on its long-term keys, or on a
 * GetSessionToken session of its own. A role or federated session has no MFA device.
 */
function callerUserId(ctx: ServiceContext): string | undefined {
  const { caller } = ctx;
  if (caller.kind === 'user') return caller.user.id;
  if (caller.kind === 'session' && caller.session.kind === 'SessionToken') return caller.user?.id;
  return undefined;
}
