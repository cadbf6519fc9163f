import { CompressOutlined, SafetyCertificateOutlined, TranslationOutlined } from '@ant-design/icons'
import { Button, Layout, Spin, Typography } from 'antd'
import { Suspense, useEffect, useState } from 'react'
import { onEvent, unwrap } from './api'
import { applyLanguage, setLanguage, useLanguage, useT } from './i18n'
import { MainPane, preloadPages } from './MainPane'
import { whenIdle } from './components/when-idle'
import { buildDeskRowsWhenIdle } from './features/dashboard/desk-rows'
import { seedHolidayYears } from './features/filing/holiday-store'
import { EncryptionButton } from './features/settings/EncryptionButton'
import { LockedWorkspace } from './features/settings/LockedWorkspace'
import { StartupUnlock } from './features/settings/StartupUnlock'
import { setAutoLockMinutes } from './features/settings/lock-store'
import { useAutoLock } from './features/settings/useAutoLock'
import { SubjectTree } from './features/tree/SubjectTree'
import { startupAnswers } from './startup'
import {
  loadWorkspace,
  navigate,
  setImportStage,
  slotStateKey,
  useWorkspaceStore,
} from './features/workspace/store'

function LanguageSwitch() {
  const t = useT()
  const language = useLanguage()
  return (
    <Button
      type="text"
      className="lang-switch"
      icon={<TranslationOutlined />}
      onClick={() => void setLanguage(language === 'zh-CN' ? 'en' : 'zh-CN')}
      data-testid="lang-switch"
    >
      {t('lang.switch')}
    </Button>
  )
}

function BatchNav() {
  const t = useT()
  const active = useWorkspaceStore((s) => s.selection.kind === 'batch')
  return (
    <Button
      type="text"
      className={active ? 'header-nav header-nav-active' : 'header-nav'}
      icon={<CompressOutlined />}
      onClick={() => void navigate({ kind: 'batch' })}
      data-testid="nav-batch"
    >
      {t('batch.nav')}
    </Button>
  )
}

function useStartup(): boolean {
  const [ready, setReady] = useState(false)
  useEffect(() => {
    let alive = true
    const answers = startupAnswers()
    void (async () => {
      const settings = unwrap(await answers.settings)
      if (settings && alive) {
        applyLanguage(settings.language)
        setAutoLockMinutes(settings.autoLockMinutes ?? 0)
        seedHolidayYears(settings.holidayYears)
      }
      await loadWorkspace(answers.workspace)
      if (alive) setReady(true)
    })()
    const off = onEvent('materials:progress', (p) => {
      setImportStage(slotStateKey({ ownerId: p.ownerId, slot: p.slot }), p.stage)
    })
    // A file dropped outside a material card must not navigate the window.
    const block = (e: DragEvent) => e.preventDefault()
    window.addEventListener('dragover', block)
    window.addEventListener('drop', block)
    return () => {
      alive = false
      off()
      window.removeEventListener('dragover', block)
      window.removeEventListener('drop', block)
    }
  }, [])
  return ready
}

/** The window: header, subjects-and-sites tree on the left, the selected item on the right. */
export function App() {
  const t = useT()
  const ready = useStartup()
  useAutoLock()
  const workspace = useWorkspaceStore((s) => s.workspace)
  const locked = useWorkspaceStore((s) => s.locked)
  useEffect(() => (ready && workspace ? buildDeskRowsWhenIdle(workspace) : undefined), [ready, workspace])
  useEffect(() => (ready ? whenIdle(preloadPages) : undefined), [ready])
  return (
    <Layout className="app-layout">
      <Layout.Header className="app-header">
        <div className="app-brand">
          <SafetyCertificateOutlined className="app-logo" />
          <Typography.Title level={1} className="app-title">
            {t('app.name')}
          </Typography.Title>
          <span className="app-tagline">{t('app.tagline')}</span>
        </div>
        <div className="header-actions">
          <BatchNav />
          <EncryptionButton />
          <LanguageSwitch />
        </div>
      </Layout.Header>
      {ready && !workspace && locked ? (
        <LockedWorkspace />
      ) : !ready || !workspace ? (
        <div className="full-screen-center">
          <Spin size="large" description={t('app.loading')} />
        </div>
      ) : (
        <Layout>
          <StartupUnlock />
          <Layout.Sider width={300} className="app-sider" theme="light">
            <SubjectTree workspace={workspace} />
          </Layout.Sider>
          <Layout.Content className="app-content">
            <Suspense fallback={null}>
              <MainPane workspace={workspace} />
            </Suspense>
          </Layout.Content>
        </Layout>
      )}
    </Layout>
  )
}
