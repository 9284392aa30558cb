/**
 * HTTP conditional GET (RFC 9110 §13): `If-None-Match` decides when sent (a list, weak or
 * strong, or `*`); otherwise `If-Modified-Since` at one-second precision, as HTTP dates have.
 */
export function isNotModified(headers: Headers, etag: string, lastModified: Date): boolean {
  const ifNoneMatch = headers.get('if-none-match');
  if (ifNoneMatch !== null) {
    const tags = ifNoneMatch.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
    return tags.includes('*') || tags.includes(etag);
  }
  const ifModifiedSince = Date.parse(headers.get('if-modified-since') ?? '');
  return Number.isFinite(ifModifiedSince) && Math.floor(lastModified.getTime() / 1000) * 1000 <= ifModifiedSince;
}
