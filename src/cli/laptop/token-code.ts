/**
 * MFA codes for roles with `mfa_serial`: the --token-code flag for the first role that
 * asks (a code is accepted once, so it cannot serve two roles), then a prompt on the
 * terminal. Without a terminal there is nobody to ask, so that is an error.
 */
import { createInterface } from 'node:readline/promises';

export function tokenCodes(flag: string | undefined): (serial: string) => Promise<string> {
  let given = flag;
  return async (serial) => {
    if (given !== undefined) {
      const code = given;
      given = undefined;
      return code;
    }
    if (process.stdin.isTTY !== true) {
      throw new Error(`role needs an MFA code from ${serial}: give --token-code (stdin is not a terminal to ask on)`);
    }
    // The prompt goes to stderr: stdout carries only the credentials JSON.
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      return (await rl.question(`Enter MFA code for ${serial}: `)).trim();
    } finally {
      rl.close();
    }
  };
}
