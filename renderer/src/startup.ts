/**
 * The two answers every start waits for (settings, then the workspace), asked for before React
 * draws its first frame: main reads the store while the page builds its first frame, instead of
 * after it. Raw Results: an error is shown once the app's notifications exist (useStartup).
 */
import type { Result, Settings } from '../../core/api'
import type { Workspace } from '../../core/model'
import { request } from './api'

export type StartupAnswers = {
  settings: Promise<Result<Settings>>
  workspace: Promise<Result<Workspace>>
}

let early: StartupAnswers | undefined

const ask = (): StartupAnswers => ({
  settings: request('settings:get'),
  workspace: request('workspace:load'),
})

/** Sends both requests now (main.tsx, before the first render). */
export function askEarly(): void {
  early ??= ask()
}

/** The early answers the first time (a second mount, as in StrictMode, asks main again). */
export function startupAnswers(): StartupAnswers {
  const answers = early ?? ask()
  early = undefined
  return answers
}
