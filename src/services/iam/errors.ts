/** IAM's error texts, each in one place. */
import { AwsError } from '../../errors.js';

export const noSuchUser = (name: string): AwsError => new AwsError('NoSuchEntity', `The user with name ${name} cannot be found.`);
export const noSuchRole = (name: string): AwsError => new AwsError('NoSuchEntity', `The role with name ${name} cannot be found.`);
export const userExists = (name: string): AwsError => new AwsError('EntityAlreadyExists', `User with name ${name} already exists.`);
export const roleExists = (name: string): AwsError => new AwsError('EntityAlreadyExists', `Role with name ${name} already exists.`);
export const deleteConflict = (what: string): AwsError => new AwsError('DeleteConflict', `Cannot delete entity, must ${what} first.`);
