/**
 * The CLI's language: Chinese by default; English with `--lang en` or when LC_ALL, LC_MESSAGES
 * or LANG (first one set, as POSIX orders them) names an English locale.
 */
import { en } from './en'
import { zh, type CliMessages } from './zh'

export type Lang = 'zh' | 'en'
export type { CliMessages }

export const messagesFor = (lang: Lang): CliMessages => (lang === 'en' ? en : zh)

export function envLang(env: Readonly<Record<string, string | undefined>>): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || ''
  return /^en([_.@-]|$)/i.test(locale) ? 'en' : 'zh'
}

/** Takes `--lang X` / `--lang=X` out of argv; `bad` is a value that is neither zh nor en. */
export function takeLang(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): { lang: Lang; argv: string[]; bad?: string } {
  let lang = envLang(env)
  let bad: string | undefined
  const rest: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--') {
      rest.push(...argv.slice(i))
      break
    }
    const value = arg === '--lang' ? argv[++i] : arg.startsWith('--lang=') ? arg.slice(7) : undefined
    if (value === undefined && arg !== '--lang') {
      rest.push(arg)
      continue
    }
    const v = (value ?? '').toLowerCase()
    if (v === 'en' || v.startsWith('en-') || v.startsWith('en_')) lang = 'en'
    else if (v === 'zh' || v.startsWith('zh-') || v.startsWith('zh_')) lang = 'zh'
    else bad = value ?? ''
  }
  return bad === undefined ? { lang, argv: rest } : { lang, argv: rest, bad }
}
