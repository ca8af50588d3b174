/** A fixed-window counter per key (e.g. client IP), in memory: enough for one server process. */
export function createRateLimiter(options: { limit: number; windowMs: number }) {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    hit(key: string, now: number): { allowed: boolean; retryAfterSeconds: number } {
      let window = windows.get(key);
      if (!window || now - window.start >= options.windowMs) {
        window = { start: now, count: 0 };
        windows.set(key, window);
        if (windows.size > 10_000) for (const [k, w] of windows) if (now - w.start >= options.windowMs) windows.delete(k);
      }
      window.count++;
      return { allowed: window.count <= options.limit, retryAfterSeconds: Math.ceil((window.start + options.windowMs - now) / 1000) };
    },
  };
}
