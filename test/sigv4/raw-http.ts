/**
 * Reads the AWS test suite's raw HTTP/1.1 text into the verifier's request value, the
 * way a server's parser would: the request target split at the first `?`, header values
 * with surrounding whitespace trimmed, obsolete line folding joined with a space, and the
 * body taken byte for byte after the blank line.
 */
import type { HttpRequest } from '../../src/sigv4/index.js';

export function parseRawHttp(text: string): HttpRequest {
  const split = text.indexOf('\n\n');
  const head = split === -1 ? text.replace(/\n$/, '') : text.slice(0, split);
  const body = split === -1 ? '' : text.slice(split + 2);
  const [requestLine = '', ...lines] = head.split('\n');
  const method = requestLine.slice(0, requestLine.indexOf(' '));
  const target = requestLine.slice(method.length + 1, requestLine.lastIndexOf(' '));
  const q = target.indexOf('?');
  const headers: [string, string][] = [];
  for (const line of lines) {
    if (/^[ \t]/.test(line) && headers.length > 0) {
      const last = headers[headers.length - 1]!;
      last[1] = `${last[1]} ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    headers.push([line.slice(0, colon), line.slice(colon + 1).trim()]);
  }
  return {
    method,
    path: q === -1 ? target : target.slice(0, q),
    query: q === -1 ? '' : target.slice(q + 1),
    headers,
    body: Buffer.from(body, 'utf8'),
  };
}

export function header(request: HttpRequest, name: string): string | undefined {
  return request.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
}

export function withHeader(request: HttpRequest, name: string, value: string): HttpRequest {
  return { ...request, headers: [...request.headers.filter(([n]) => n.toLowerCase() !== name.toLowerCase()), [name, value]] };
}
