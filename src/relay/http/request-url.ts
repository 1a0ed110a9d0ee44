/**
 * The path and query of a request target, or null when it cannot be parsed. Node's HTTP parser
 * accepts targets that `new URL()` rejects (`http://[/`, `http://%zz/`, `http://h:99999/`): they
 * must become a 400 for that request, never an exception outside its handler.
 * The host part of an absolute-form target is the client's to choose and is ignored.
 */
export function requestUrl(target: string | undefined): URL | null {
  try {
    const parsed = new URL(target ?? '/', 'http://relay');
    return new URL(parsed.pathname + parsed.search, 'http://relay');
  } catch {
    return null;
  }
}
