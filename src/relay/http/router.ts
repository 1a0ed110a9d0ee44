import type { IncomingMessage } from 'node:http';
import type { Principal } from '../tokens';

export interface RouteContext {
  req: IncomingMessage;
  url: URL;
  params: Record<string, string>;
  /** The parsed JSON body (read once, at most MAX_BODY_BYTES). */
  body(): Promise<unknown>;
  /** The verified bearer token, or a 401. */
  principal(): Promise<Principal>;
  /** Origin for links shown to people (PATHBOOK_PUBLIC_URL, else the Host the request came to). */
  origin: string;
}

export interface Reply {
  status?: number;
  body: unknown;
}

export type Handler = (ctx: RouteContext) => Promise<Reply> | Reply;

interface Route {
  method: string;
  segments: string[];
  handler: Handler;
}

export type Match = { handler: Handler; params: Record<string, string> } | { allowed: string[] } | null;

/** Paths like `/api/classes/:id/devices`; a `:name` segment matches one URL segment. */
export class Router {
  private readonly routes: Route[] = [];

  on(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method, segments: pattern.split('/').filter(Boolean), handler });
    return this;
  }

  match(method: string, pathname: string): Match {
    let parts: string[];
    try {
      parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
    } catch {
      return null;
    }
    const allowed: string[] = [];
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      if (route.method === method) return { handler: route.handler, params };
      allowed.push(route.method);
    }
    return allowed.length ? { allowed } : null;
  }
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | null {
  if (pattern.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    const part = parts[i]!;
    if (p.startsWith(':')) params[p.slice(1)] = part;
    else if (p !== part) return null;
  }
  return params;
}
