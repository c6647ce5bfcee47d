/**
 * IAM OpenID Connect providers on the wire: Create/Get/List/DeleteOpenIDConnectProvider,
 * UpdateOpenIDConnectProviderThumbprint, Add/RemoveClientIDFrom…Provider, and the
 * provider's tags. Shapes as IAM's API model (2010-05-08) writes them.
 */
import { list, string, structure, type Infer } from '../schema.js';
import type { QueryOperation } from '../operation.js';
import { arnType, booleanType, dateType, markerType, maxItemsType, responseMarkerType, tagKeyListType, tagListType } from './common.js';

const urlType = string({ min: 1, max: 255 });
const clientIdType = string({ min: 1, max: 255 });
const clientIdListType = list(clientIdType);
const thumbprintType = string({ min: 40, max: 40 });
const thumbprintListType = list(thumbprintType);

export const CreateOpenIDConnectProviderInput = structure(
  { Url: urlType, ClientIDList: clientIdListType, ThumbprintList: thumbprintListType, Tags: tagListType },
  { required: ['Url', 'ThumbprintList'] },
);
export type CreateOpenIDConnectProviderInput = Infer<typeof CreateOpenIDConnectProviderInput>;
export const CreateOpenIDConnectProviderOutput = structure({ OpenIDConnectProviderArn: arnType, Tags: tagListType });

export const ProviderArnInput = structure({ OpenIDConnectProviderArn: arnType }, { required: ['OpenIDConnectProviderArn'] });
export type ProviderArnInput = Infer<typeof ProviderArnInput>;
export const GetOpenIDConnectProviderOutput = structure({
  Url: urlType,
  ClientIDList: clientIdListType,
  ThumbprintList: thumbprintListType,
  CreateDate: dateType,
  Tags: tagListType,
});

export const ListOpenIDConnectProvidersOutput = structure({ OpenIDConnectProviderList: list(structure({ Arn: arnType })) });

export const UpdateThumbprintInput = structure(
  { OpenIDConnectProviderArn: arnType, ThumbprintList: thumbprintListType },
  { required: ['OpenIDConnectProviderArn', 'ThumbprintList'] },
);
export type UpdateThumbprintInput = Infer<typeof UpdateThumbprintInput>;

export const ClientIdInput = structure({ OpenIDConnectProviderArn: arnType, ClientID: clientIdType }, { required: ['OpenIDConnectProviderArn', 'ClientID'] });
export type ClientIdInput = Infer<typeof ClientIdInput>;

export const TagProviderInput = structure({ OpenIDConnectProviderArn: arnType, Tags: tagListType }, { required: ['OpenIDConnectProviderArn', 'Tags'] });
export type TagProviderInput = Infer<typeof TagProviderInput>;
export const UntagProviderInput = structure(
  { OpenIDConnectProviderArn: arnType, TagKeys: tagKeyListType },
  { required: ['OpenIDConnectProviderArn', 'TagKeys'] },
);
export type UntagProviderInput = Infer<typeof UntagProviderInput>;
export const ListProviderTagsInput = structure(
  { OpenIDConnectProviderArn: arnType, Marker: markerType, MaxItems: maxItemsType },
  { required: ['OpenIDConnectProviderArn'] },
);
export type ListProviderTagsInput = Infer<typeof ListProviderTagsInput>;
export const ListProviderTagsOutput = structure({ Tags: tagListType, IsTruncated: booleanType, Marker: responseMarkerType });

export const oidcProviderOperations = {
  CreateOpenIDConnectProvider: { name: 'CreateOpenIDConnectProvider', input: CreateOpenIDConnectProviderInput, output: CreateOpenIDConnectProviderOutput },
  GetOpenIDConnectProvider: { name: 'GetOpenIDConnectProvider', input: ProviderArnInput, output: GetOpenIDConnectProviderOutput },
  ListOpenIDConnectProviders: { name: 'ListOpenIDConnectProviders', output: ListOpenIDConnectProvidersOutput },
  DeleteOpenIDConnectProvider: { name: 'DeleteOpenIDConnectProvider', input: ProviderArnInput },
  UpdateOpenIDConnectProviderThumbprint: { name: 'UpdateOpenIDConnectProviderThumbprint', input: UpdateThumbprintInput },
  AddClientIDToOpenIDConnectProvider: { name: 'AddClientIDToOpenIDConnectProvider', input: ClientIdInput },
  RemoveClientIDFromOpenIDConnectProvider: { name: 'RemoveClientIDFromOpenIDConnectProvider', input: ClientIdInput },
  TagOpenIDConnectProvider: { name: 'TagOpenIDConnectProvider', input: TagProviderInput },
  UntagOpenIDConnectProvider: { name: 'UntagOpenIDConnectProvider', input: UntagProviderInput },
  ListOpenIDConnectProviderTags: { name: 'ListOpenIDConnectProviderTags', input: ListProviderTagsInput, output: ListProviderTagsOutput },
} as const satisfies Readonly<Record<string, QueryOperation>>;
