/** Batches: how many pictures are compressed at once, and a runner that keeps to a limit. */
import { availableParallelism, totalmem } from 'node:os'

/**
 * Two at a time: the decode worker pool (HEIC, PDF) and the packet export of many sites, whose
 * memory is bounded per task, and the least any image batch runs.
 */
export const BATCH_CONCURRENCY = 2

/** Most pictures an image batch keeps in flight, whatever the machine. */
const MAX_IMAGE_BATCH = 6
/**
 * A batch's pictures may hold up to a quarter of the machine's memory, counted at this much each
 * (a 20 MP photo holds about 120 MB while it is searched; the rest is headroom): 2 on 4 GB, 4 on
 * 8 GB.
 */
const MEMORY_PER_PICTURE = 512 * 1024 ** 2
const MEMORY_SHARE = 1 / 4

/**
 * Pictures compressed at once in an image batch: one more than the cores, because a picture's
 * search leaves its core idle between steps (JavaScript on the one main thread, reads and
 * writes); at most MAX_IMAGE_BATCH and what memory allows, never fewer than BATCH_CONCURRENCY. Measured on 2 cores (issue 13,
 * sixth round): 3 in flight used 196 % CPU against 189 % with 2, and compressed 191.4 corpus
 * pictures per minute against 178.5. Before, a batch ran 2 at a time on any machine, so an
 * 8-core machine compressed at about a quarter of what it can.
 */
export function imageBatchConcurrency(cores = availableParallelism(), memoryBytes = totalmem()): number {
  const byMemory = Math.floor((memoryBytes * MEMORY_SHARE) / MEMORY_PER_PICTURE)
  return Math.max(BATCH_CONCURRENCY, Math.min(cores + 1, MAX_IMAGE_BATCH, byMemory))
}

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
