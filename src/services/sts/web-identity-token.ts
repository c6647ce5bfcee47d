/**
 * Verifying a web identity token (an OpenID Connect ID token, a JWT) for
 * AssumeRoleWithWebIdentity: its issuer must be a provider registered in the role's
 * account, its audience one of the provider's client ids, its signature made with an
 * asymmetric algorithm by a key of the issuer's JWKS (never a key or algorithm the
 * token names for itself), and it must be within its validity period. Failures are
 * AWS's errors; none of them repeats the token.
 */
import { createLocalJWKSet, decodeJwt, errors, jwtVerify, type JSONWebKeySet, type JWTPayload, type JWTHeaderParameters, type FlattenedJWSInput, type CryptoKey } from 'jose';
import { OidcFetchError } from '../../auth/oidc-fetch.js';
import type { OidcKeySource } from '../../auth/oidc-keys.js';
import { AwsError } from '../../errors.js';
import { oidcProviders, type OidcProviderRecord, type Queryable } from '../../store/index.js';
import { oidcProviderArn } from '../iam/oidc-providers.js';

/** Asymmetric only: an HMAC "signature" would be keyed by something public (algorithm confusion). */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'];
/** How far in the future `iat` may lie (clocks differ a little). */
const IAT_LEEWAY_SECONDS = 300;

export interface VerifiedToken {
  readonly provider: OidcProviderRecord;
  readonly claims: JWTPayload;
  /** The audience that matched a client id. */
  readonly audience: string;
  readonly subject: string;
}

/** The model's description of InvalidIdentityToken; AWS's wire text for these cases not seen. */
const invalidToken = (): AwsError =>
  new AwsError(
    'InvalidIdentityToken',
    'The web identity token that was passed could not be validated by Amazon Web Services. Get a new identity token from the identity provider and then retry the request.',
  );
/** seen */
const noProvider = (issuer: string): AwsError => new AwsError('InvalidIdentityToken', `No OpenIDConnect provider found in your account for ${issuer}`);
/** seen (as given in the issue; AWS's own text) */
const wrongAudience = (): AwsError => new AwsError('InvalidIdentityToken', 'Incorrect token audience');
/** seen, with its two spaces */
const noVerificationKey = (): AwsError =>
  new AwsError('InvalidIdentityToken', "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements");
/** AWS's text not seen: the model's description of IDPCommunicationError. */
const unreachable = (): AwsError =>
  new AwsError('IDPCommunicationError', 'The request could not be fulfilled because the identity provider (IDP) that was asked to verify the incoming identity token could not be reached.');
/** seen: seconds since the epoch, the second number without a space before it in older answers, with one in newer. */
const expired = (now: number, exp: number): AwsError =>
  new AwsError('ExpiredTokenException', `Token expired: current date/time ${Math.floor(now / 1000)} must be before the expiration date/time ${exp}`);

export async function verifyWebIdentityToken(token: string, accountId: string, q: Queryable, keys: OidcKeySource, now: number): Promise<VerifiedToken> {
  // Unverified claims choose only which provider to check against; nothing else is read before the signature is.
  const unverified = decodeClaims(token);
  const issuer = unverified.iss;
  if (typeof issuer !== 'string' || !issuer.startsWith('https://')) throw invalidToken();
  const provider = await oidcProviders.byArn(q, oidcProviderArn(accountId, issuer.slice('https://'.length)));
  if (provider === undefined || provider.accountId !== accountId) throw noProvider(issuer);
  if (matchingAudience(unverified.aud, provider) === undefined) throw wrongAudience();

  const getKey = async (header: JWTHeaderParameters, input: FlattenedJWSInput): Promise<CryptoKey> => {
    const pick = async (set: JSONWebKeySet): Promise<CryptoKey> => (await createLocalJWKSet(set)(header, input)) as CryptoKey;
    try {
      return await pick(await keys.keys(issuer, provider.thumbprints));
    } catch (e) {
      if (!(e instanceof errors.JWKSNoMatchingKey)) throw e;
      return pick(await keys.keys(issuer, provider.thumbprints, true));
    }
  };
  let claims: JWTPayload;
  try {
    ({ payload: claims } = await jwtVerify(token, getKey, {
      algorithms: ALGORITHMS,
      issuer,
      currentDate: new Date(now),
      requiredClaims: ['iss', 'sub', 'aud', 'exp'],
    }));
  } catch (e) {
    throw translate(e, now);
  }
  const audience = matchingAudience(claims.aud, provider);
  if (audience === undefined) throw wrongAudience();
  if (typeof claims.iat === 'number' && claims.iat > now / 1000 + IAT_LEEWAY_SECONDS) throw invalidToken();
  if (typeof claims.sub !== 'string' || claims.sub === '') throw invalidToken();
  return { provider, claims, audience, subject: claims.sub };
}

function decodeClaims(token: string): JWTPayload {
  try {
    return decodeJwt(token);
  } catch {
    throw invalidToken();
  }
}

function matchingAudience(aud: unknown, provider: OidcProviderRecord): string | undefined {
  const list = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud.filter((a): a is string => typeof a === 'string') : [];
  return list.find((a) => provider.clientIds.includes(a));
}

function translate(e: unknown, now: number): AwsError {
  if (e instanceof AwsError) return e;
  if (e instanceof OidcFetchError) return e.reason === 'unreachable' ? unreachable() : noVerificationKey();
  if (e instanceof errors.JWKSNoMatchingKey || e instanceof errors.JWKSMultipleMatchingKeys) return noVerificationKey();
  if (e instanceof errors.JWTExpired) return expired(now, typeof e.payload.exp === 'number' ? e.payload.exp : 0);
  if (e instanceof errors.JOSEError) return invalidToken();
  if (e instanceof TypeError) return invalidToken();
  // Anything else is rolegate's fault, not the token's: let it be an internal failure.
  throw e;
}
