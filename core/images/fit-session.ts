/**
 * One search's memory: every draft and final encode made so far (each side and quality is
 * encoded at most once), the draft rate curve per side, and the final/draft ratios sampled
 * by calibration.
 */
import type { Encoder, FitTrial } from './fit-types'
import { QualityCurve } from './rate-model'

/** The entries of a `side:quality` map at one side, as [quality, value], in insertion order. */
function* atSide<T>(map: ReadonlyMap<string, T>, side: number): Generator<[number, T]> {
  for (const [key, value] of map) {
    const [sd, q] = key.split(':').map(Number)
    if (sd === side && q !== undefined) yield [q, value]
  }
}

export class Session {
  readonly trials: FitTrial[] = []
  private readonly drafts = new Map<number, QualityCurve>()
  private readonly finals = new Map<string, Uint8Array>()
  /** Finals being encoded (a speculative step beside the first final, see settle.ts). */
  private readonly pending = new Map<string, Promise<Uint8Array>>()
  /** Compact finals, measured or on their way, by `side:quality`. */
  private readonly compacts = new Map<string, Promise<Uint8Array>>()
  /** Sampled final/draft ratios by `side:quality`. */
  private readonly ratios = new Map<string, number>()

  constructor(private readonly encoder: Encoder) {}

  noteRatio(side: number, quality: number, k: number): void {
    this.ratios.set(`${side}:${quality}`, k)
  }

  /**
   * Final sizes at `side` as known so far: measured finals, and draft × sampled ratio where
   * only a calibration was made. The ratio moves with quality on re-encoded JPEG sources
   * (0.76 at q80 but 0.95 at q90 on one 6 MP photo), so two such points predict the next
   * quality better than one ratio applied to the whole draft curve.
   */
  finalEstimate(side: number): QualityCurve {
    const est = new QualityCurve()
    for (const [q, k] of atSide(this.ratios, side)) {
      const draft = this.curve(side).get(q)
      if (draft !== undefined) est.set(q, draft * k)
    }
    for (const [q, out] of atSide(this.finals, side)) est.set(q, out.length)
    return est
  }

  curve(side: number): QualityCurve {
    let c = this.drafts.get(side)
    if (!c) {
      c = new QualityCurve()
      this.drafts.set(side, c)
    }
    return c
  }

  measuredSides(): Array<{ side: number; curve: QualityCurve }> {
    return [...this.drafts].filter(([, c]) => c.size > 0).map(([side, curve]) => ({ side, curve }))
  }

  async draft(side: number, quality: number): Promise<number> {
    const known = this.curve(side).get(quality)
    if (known !== undefined) return known
    const out = await this.encoder({ longSide: side, quality, draft: true })
    this.trials.push({ longSide: side, quality, draft: true, bytes: out.length })
    this.curve(side).set(quality, out.length)
    return out.length
  }

  /** Lowest quality whose final at `side` came out over `cap` (Infinity when none). */
  lowestFinalOver(side: number, cap: number): number {
    let q = Infinity
    for (const [ql, out] of atSide(this.finals, side)) if (out.length > cap) q = Math.min(q, ql)
    return q
  }

  /** Highest quality whose final at `side` came out at or under `cap` (-Infinity when none). */
  highestFinalWithin(side: number, cap: number): number {
    let q = -Infinity
    for (const [ql, out] of atSide(this.finals, side)) if (out.length <= cap) q = Math.max(q, ql)
    return q
  }

  /** True when a final at this side and quality is measured or on its way. */
  hasFinal(side: number, quality: number): boolean {
    const key = `${side}:${quality}`
    return this.finals.has(key) || this.pending.has(key)
  }

  /** Bytes of the usual final at this side and quality, when measured. */
  finalBytes(side: number, quality: number): number | undefined {
    return this.finals.get(`${side}:${quality}`)?.length
  }

  /** A final encoded compactly (EncodeTrial.compact); kept apart from the usual finals, encoded once. */
  compactFinal(side: number, quality: number): Promise<Uint8Array> {
    const key = `${side}:${quality}`
    const known = this.compacts.get(key)
    if (known) return known
    const running = this.encoder({ longSide: side, quality, draft: false, compact: true }).then((out) => {
      this.trials.push({ longSide: side, quality, draft: false, compact: true, bytes: out.length })
      return out
    })
    this.compacts.set(key, running)
    // A failed encode is not remembered: whoever asks again encodes again.
    running.catch(() => this.compacts.delete(key))
    return running
  }

  /** True when a compact final at this side and quality is measured or on its way. */
  hasCompact(side: number, quality: number): boolean {
    return this.compacts.has(`${side}:${quality}`)
  }

  /** Qualities at which the final/draft ratio was sampled at `side`. */
  sampledQualities(side: number): number[] {
    return [...atSide(this.ratios, side)].map(([q]) => q)
  }

  /** The latest final/draft ratio sampled at `side` by calibration (undefined when none). */
  sampledRatio(side: number): number | undefined {
    let k: number | undefined
    for (const [, r] of atSide(this.ratios, side)) k = r
    return k
  }

  async final(side: number, quality: number): Promise<Uint8Array> {
    const key = `${side}:${quality}`
    const known = this.finals.get(key) ?? this.pending.get(key)
    if (known) return known
    const running = this.encoder({ longSide: side, quality, draft: false }).then((out) => {
      this.trials.push({ longSide: side, quality, draft: false, bytes: out.length })
      this.finals.set(key, out)
      return out
    })
    this.pending.set(key, running)
    try {
      return await running
    } finally {
      this.pending.delete(key)
    }
  }

  /**
   * Waits for the usual finals still on their way. The search decides on measured finals only,
   * so one started beside another must be in before the next decision: otherwise the decision
   * depends on which encode happened to finish first (on a 2560 px photo, one run in four made a
   * third final for a step already encoded beside the first).
   */
  async finalsIn(): Promise<void> {
    await Promise.allSettled([...this.pending.values()])
  }

  /** Waits for every final still on its way (none may outlive the search). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.pending.values(), ...this.compacts.values()])
  }
}
