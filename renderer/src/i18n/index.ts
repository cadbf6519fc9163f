/**
 * A tiny typed dictionary: zh-CN is the default and defines the keys, `en` must define all
 * of them (checked by the compiler). `useT()` gives the translate function of the current
 * language; the language is persisted through `settings:set`.
 */
import { useCallback } from 'react'
import { create } from 'zustand'
import type { Settings } from '../../../core/api'
import { api } from '../api'
import { en } from './en'
import { zhCN, type MessageKey, type Messages } from './zh-CN'

export type Language = Settings['language']
export type { MessageKey, Messages }
export type Vars = Record<string, string | number>
export type Translate = (key: MessageKey, vars?: Vars) => string

export const DICTIONARIES: Record<Language, Messages> = { 'zh-CN': zhCN, en }

type LanguageState = { language: Language }
export const useLanguageStore = create<LanguageState>(() => ({ language: 'zh-CN' }))

/** `{name}` placeholders filled from `vars`; a name `vars` lacks is left as written. */
export function fillTemplate(template: string, vars?: Vars): string {
  if (!vars) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole))
}

export function translate(language: Language, key: MessageKey, vars?: Vars): string {
  return fillTemplate(DICTIONARIES[language][key], vars)
}

/**
 * The translate function of a feature's own dictionary (kept beside the feature) in the current
 * language; `dict` must be a module constant.
 */
export function useDictionary<K extends string>(
  dict: Readonly<Record<Language, Readonly<Record<K, string>>>>,
): (key: K, vars?: Vars) => string {
  const language = useLanguage()
  return useCallback((key: K, vars?: Vars) => fillTemplate(dict[language][key], vars), [language, dict])
}

export function useLanguage(): Language {
  return useLanguageStore((s) => s.language)
}

export function useT(): Translate {
  const language = useLanguage()
  return useCallback<Translate>((key, vars) => translate(language, key, vars), [language])
}

/** Applies a language without persisting it (used when settings are loaded). */
export function applyLanguage(language: Language): void {
  useLanguageStore.setState({ language })
  document.documentElement.lang = language
  document.title = translate(language, 'app.name')
}

/** Switches language and persists the choice. */
export async function setLanguage(language: Language): Promise<void> {
  applyLanguage(language)
  await api.setSettings({ language })
}
