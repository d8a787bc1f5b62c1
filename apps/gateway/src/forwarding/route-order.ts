import type { RouteDefinition } from '@khoinghiep/contracts';

const segments = (path: string) => path.split('/').filter(Boolean);

/**
 * Fixed segments before parameters (`/projects/review-queue` before `/projects/:id`), so that routes can be
 * declared in any order and still reach their handler: Express tries routes in registration order.
 */
export function byMatchPrecedence(a: RouteDefinition, b: RouteDefinition): number {
  const left = segments(a.path);
  const right = segments(b.path);
  for (let i = 0; i < Math.min(left.length, right.length); i += 1) {
    const leftParam = (left[i] as string).startsWith(':');
    const rightParam = (right[i] as string).startsWith(':');
    if (leftParam !== rightParam) return leftParam ? 1 : -1;
  }
  return 0;
}
