/** Batches: at most two images at a time (2 cores; each pipeline also uses libvips threads). */

export const BATCH_CONCURRENCY = 2

/** Runs `worker` over `items` with at most `limit` in flight; results keep the input order. */
export async function runLimited<T, R>(
  items: readonly T[],
  limit: number,
  worker: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++
      results[index] = await worker(items[index] as T, index)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane))
  return results
}
