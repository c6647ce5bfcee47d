/**
 * The account on the wire: CreateAccountAlias, DeleteAccountAlias, ListAccountAliases
 * and GetAccountSummary.
 */
import { integer, list, map, string, structure, type Infer } from '../schema.js';
import type { QueryOperation } from '../operation.js';
import { booleanType, markerType, maxItemsType, responseMarkerType } from './common.js';

/**
 * The model's pattern. AWS's API reference now prints `^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$`,
 * which accepts the same aliases once the 3–63 length is checked.
 */
export const accountAliasType = string({ min: 3, max: 63, pattern: /^[a-z0-9](([a-z0-9]|-(?!-))*[a-z0-9])?$/u });

export const CreateAccountAliasInput = structure({ AccountAlias: accountAliasType }, { required: ['AccountAlias'] });
export type CreateAccountAliasInput = Infer<typeof CreateAccountAliasInput>;

export const DeleteAccountAliasInput = structure({ AccountAlias: accountAliasType }, { required: ['AccountAlias'] });
export type DeleteAccountAliasInput = Infer<typeof DeleteAccountAliasInput>;

export const ListAccountAliasesInput = structure({ Marker: markerType, MaxItems: maxItemsType });
export type ListAccountAliasesInput = Infer<typeof ListAccountAliasesInput>;
export const ListAccountAliasesOutput = structure({ AccountAliases: list(accountAliasType), IsTruncated: booleanType, Marker: responseMarkerType });

// The model's summaryKeyType enum dates from before Roles, InstanceProfiles, Providers and
// the role and trust policy size quotas, which IAM returns today; keys are plain strings.
export const GetAccountSummaryOutput = structure({ SummaryMap: map(integer(), { key: string() }) });

export const accountOperations = {
  CreateAccountAlias: { name: 'CreateAccountAlias', input: CreateAccountAliasInput },
  DeleteAccountAlias: { name: 'DeleteAccountAlias', input: DeleteAccountAliasInput },
  ListAccountAliases: { name: 'ListAccountAliases', input: ListAccountAliasesInput, output: ListAccountAliasesOutput },
  GetAccountSummary: { name: 'GetAccountSummary', output: GetAccountSummaryOutput },
} as const satisfies Readonly<Record<string, QueryOperation>>;
