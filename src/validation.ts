/** zod building blocks shared by the CLI, the API and the exporters. */
import { z } from 'zod';

/**
 * A list parameter given as `a,b` or repeated (`x=a&x=b`, which query parsers turn into an array):
 * split on commas, trimmed, empties dropped, then each item checked by `item`.
 */
export function commaSeparatedList<T extends z.ZodType<unknown, string>>(
  raw: z.ZodType<string | string[] | undefined>,
  item: T,
  maxItems: number,
) {
  return raw
    .transform((v) =>
      v === undefined
        ? undefined
        : (Array.isArray(v) ? v : [v])
            .flatMap((s) => s.split(','))
            .map((s) => s.trim())
            .filter((s) => s.length > 0),
    )
    .pipe(z.array(item).max(maxItems).optional());
}
