import { App as AntApp, ConfigProvider, theme as antdTheme } from 'antd'
import type { ThemeConfig } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import dayjs from 'dayjs'
import { useEffect } from 'react'
import { setErrorPresenter } from './api'
import { App } from './App'
import { useLanguage, useLanguageStore, useT } from './i18n'
import { errorText } from './i18n/errors'
import { setLeaveConfirmer } from './features/workspace/store'

export const FONT_STACK =
  '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", -apple-system, "Segoe UI", sans-serif'

const THEME: ThemeConfig = {
  // antd's components take their rules from antd/dist/antd.css (main.tsx) instead of building
  // them in the page on first use: that cost ~0.2 s at start and ~0.1 s on opening the desk.
  // The theme's tokens below still apply, as the CSS variables that stylesheet reads.
  zeroRuntime: true,
  algorithm: antdTheme.defaultAlgorithm,
  token: {
    colorPrimary: '#1f5fa8',
    colorInfo: '#1f5fa8',
    borderRadius: 6,
    fontFamily: FONT_STACK,
    fontSize: 14,
    colorBgLayout: '#f3f5f8',
  },
  components: {
    Layout: { headerBg: '#17365d', headerHeight: 56, headerPadding: '0 24px', siderBg: '#ffffff' },
    Tree: { titleHeight: 32, nodeSelectedBg: '#e6eef8' },
    Card: { headerFontSize: 15 },
  },
}

/**
 * antd puts a space between two Chinese characters in a button (“确 定”); the app's buttons
 * read as written.
 */
export const BUTTON_CONFIG = { autoInsertSpace: false } as const

/** Asks before leaving a form with unsaved edits. */
function LeaveConfirmer() {
  const { modal } = AntApp.useApp()
  const t = useT()
  useEffect(() => {
    setLeaveConfirmer(
      () =>
        new Promise<boolean>((resolve) => {
          void modal.confirm({
            title: t('leave.title'),
            content: t('leave.body'),
            okText: t('leave.ok'),
            cancelText: t('leave.cancel'),
            okButtonProps: { danger: true },
            onOk: () => resolve(true),
            onCancel: () => resolve(false),
          })
        }),
    )
  }, [modal, t])
  return null
}

/** Shows main's Chinese error (and its detail lines) in a notification. */
function ErrorPresenter() {
  const { notification } = AntApp.useApp()
  useEffect(() => {
    setErrorPresenter((error) => {
      notification.error({
        title: errorText(error, useLanguageStore.getState().language),
        description: error.details?.length ? (
          <ul className="error-details">
            {error.details.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : undefined,
        duration: 8,
        placement: 'topRight',
      })
    })
  }, [notification])
  return null
}

/** Providers: antd theme and locale follow the chosen language. */
export function Root() {
  const language = useLanguage()
  useEffect(() => {
    dayjs.locale(language === 'en' ? 'en' : 'zh-cn')
  }, [language])
  return (
    <ConfigProvider locale={language === 'en' ? enUS : zhCN} theme={THEME} button={BUTTON_CONFIG}>
      <AntApp>
        <ErrorPresenter />
        <LeaveConfirmer />
        <App />
      </AntApp>
    </ConfigProvider>
  )
}
