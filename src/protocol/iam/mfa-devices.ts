/**
 * IAM's MFA device operations on the wire: CreateVirtualMFADevice, EnableMFADevice,
 * DeactivateMFADevice, ListMFADevices, ListVirtualMFADevices, DeleteVirtualMFADevice.
 */
import { blob, list, string, structure, type Infer } from '../schema.js';
import type { QueryOperation } from '../operation.js';
import { booleanType, dateType, existingUserNameType, markerType, maxItemsType, pathType, responseMarkerType, tagListType, userNameType } from './common.js';
import { User } from './users.js';

const virtualMFADeviceName = string({ min: 1, pattern: /[\w+=,.@-]+/u });
export const serialNumberType = string({ min: 9, max: 256, pattern: /[\w+=/:,.@-]+/u });
const authenticationCodeType = string({ min: 6, max: 6, pattern: /[\d]+/u, sensitive: true });
const assignmentStatusType = string({ enum: ['Assigned', 'Unassigned', 'Any'] });

/** Base32StringSeed and QRCodePNG are only in CreateVirtualMFADevice's answer. */
const VirtualMFADevice = structure({
  SerialNumber: serialNumberType,
  Base32StringSeed: blob({ sensitive: true }),
  QRCodePNG: blob({ sensitive: true }),
  User,
  EnableDate: dateType,
  Tags: tagListType,
});

const MFADevice = structure({ UserName: userNameType, SerialNumber: serialNumberType, EnableDate: dateType });

export const CreateVirtualMFADeviceInput = structure(
  { Path: pathType, VirtualMFADeviceName: virtualMFADeviceName, Tags: tagListType },
  { required: ['VirtualMFADeviceName'] },
);
export type CreateVirtualMFADeviceInput = Infer<typeof CreateVirtualMFADeviceInput>;
export const CreateVirtualMFADeviceOutput = structure({ VirtualMFADevice });

export const EnableMFADeviceInput = structure(
  { UserName: existingUserNameType, SerialNumber: serialNumberType, AuthenticationCode1: authenticationCodeType, AuthenticationCode2: authenticationCodeType },
  { required: ['UserName', 'SerialNumber', 'AuthenticationCode1', 'AuthenticationCode2'] },
);
export type EnableMFADeviceInput = Infer<typeof EnableMFADeviceInput>;

export const DeactivateMFADeviceInput = structure(
  { UserName: existingUserNameType, SerialNumber: serialNumberType },
  { required: ['UserName', 'SerialNumber'] },
);
export type DeactivateMFADeviceInput = Infer<typeof DeactivateMFADeviceInput>;

export const ListMFADevicesInput = structure({ UserName: existingUserNameType, Marker: markerType, MaxItems: maxItemsType });
export type ListMFADevicesInput = Infer<typeof ListMFADevicesInput>;
export const ListMFADevicesOutput = structure({ MFADevices: list(MFADevice), IsTruncated: booleanType, Marker: responseMarkerType });

export const ListVirtualMFADevicesInput = structure({ AssignmentStatus: assignmentStatusType, Marker: markerType, MaxItems: maxItemsType });
export type ListVirtualMFADevicesInput = Infer<typeof ListVirtualMFADevicesInput>;
export const ListVirtualMFADevicesOutput = structure({ VirtualMFADevices: list(VirtualMFADevice), IsTruncated: booleanType, Marker: responseMarkerType });

export const DeleteVirtualMFADeviceInput = structure({ SerialNumber: serialNumberType }, { required: ['SerialNumber'] });
export type DeleteVirtualMFADeviceInput = Infer<typeof DeleteVirtualMFADeviceInput>;

export const mfaDeviceOperations = {
  CreateVirtualMFADevice: { name: 'CreateVirtualMFADevice', input: CreateVirtualMFADeviceInput, output: CreateVirtualMFADeviceOutput },
  EnableMFADevice: { name: 'EnableMFADevice', input: EnableMFADeviceInput },
  DeactivateMFADevice: { name: 'DeactivateMFADevice', input: DeactivateMFADeviceInput },
  ListMFADevices: { name: 'ListMFADevices', input: ListMFADevicesInput, output: ListMFADevicesOutput },
  ListVirtualMFADevices: { name: 'ListVirtualMFADevices', input: ListVirtualMFADevicesInput, output: ListVirtualMFADevicesOutput },
  DeleteVirtualMFADevice: { name: 'DeleteVirtualMFADevice', input: DeleteVirtualMFADeviceInput },
} as const satisfies Readonly<Record<string, QueryOperation>>;
