/**
 * Materials and findings of every site, computed in short time slices after the table shows:
 * the field rules cost milliseconds per site, so an agency's 1,000 sites would otherwise block
 * the window for seconds. Old values stay on screen until their new ones arrive. Recording an
 * event does not change sites, subjects or materials, so it recomputes nothing; an edit
 * recomputes only the sites it touched (cachedReadiness caches each part by record identity).
 */
import { useEffect, useRef, useState } from 'react'
import { cachedReadiness } from '../../../../core/filing/dashboard-readiness'
import type { Readiness } from '../../../../core/filing/dashboard'
import type { Workspace } from '../../../../core/model'
import { localToday } from '../../../../core/packet/readiness'

/** Work per slice, so typing and scrolling stay smooth while the rest is computed. */
const SLICE_MS = 12
/**
 * How often the values computed so far are shown: each showing re-renders the whole table, so
 * one per slice would spend more time drawing than computing.
 */
const PUBLISH_MS = 250

/** Runs `fn` after the next paint (where frames exist), else on the next task. */
function afterPaint(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  if (typeof requestAnimationFrame !== 'function') {
    timer = setTimeout(fn, 0)
    return () => clearTimeout(timer)
  }
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(fn, 0)
  })
  return () => {
    cancelAnimationFrame(frame)
    clearTimeout(timer)
  }
}

export function useReadiness(workspace: Workspace): ReadonlyMap<string, Readiness> {
  const { sites, subjects, materials } = workspace
  const [map, setMap] = useState<ReadonlyMap<string, Readiness>>(() => new Map())
  const latest = useRef(map)
  latest.current = map
  useEffect(() => {
    const ws: Workspace = { subjects, sites, materials }
    const readinessOf = cachedReadiness(ws, localToday())
    const subjectById = new Map(subjects.map((s) => [s.id, s]))
    const live = new Set(sites.map((s) => s.id))
    const acc = new Map([...latest.current].filter(([id]) => live.has(id)))
    let index = 0
    let lastShown = performance.now()
    let timer: ReturnType<typeof setTimeout> | undefined
    const step = () => {
      const start = performance.now()
      for (; index < sites.length && performance.now() - start < SLICE_MS; index++) {
        const site = sites[index]
        const subject = site && subjectById.get(site.subjectId)
        if (site && subject) acc.set(site.id, readinessOf(ws, site, subject))
      }
      const done = index >= sites.length
      if (done || performance.now() - lastShown >= PUBLISH_MS) {
        setMap(new Map(acc))
        lastShown = performance.now()
      }
      if (!done) timer = setTimeout(step, 0)
    }
    // The first slice waits for the first paint: the table shows before any rule runs.
    const cancelFirst = afterPaint(step)
    return () => {
      cancelFirst()
      clearTimeout(timer)
    }
  }, [sites, subjects, materials])
  return map
}
