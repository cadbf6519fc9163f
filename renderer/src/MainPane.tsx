import type { Workspace } from '../../core/model'
import { lazy } from 'react'
import { DashboardPage } from './features/dashboard/DashboardPage'
import { Welcome } from './features/welcome/Welcome'
import { useWorkspaceStore } from './features/workspace/store'

// The editing pages load as their own chunks: the start evaluates only the tree and the desk.
// preloadPages fetches them once the window is idle, so the first click does not wait.
const loadBatch = () => import('./features/batch/BatchPage')
const loadSite = () => import('./features/site/SitePage')
const loadNewSite = () => import('./features/site/NewSitePage')
const loadSubject = () => import('./features/subject/SubjectPage')
const BatchPage = lazy(() => loadBatch().then((m) => ({ default: m.BatchPage })))
const SitePage = lazy(() => loadSite().then((m) => ({ default: m.SitePage })))
const NewSitePage = lazy(() => loadNewSite().then((m) => ({ default: m.NewSitePage })))
const SubjectPage = lazy(() => loadSubject().then((m) => ({ default: m.SubjectPage })))

export function preloadPages(): void {
  for (const load of [loadSite, loadSubject, loadNewSite, loadBatch]) void load()
}

/** Right pane: whatever the tree (or a "new" button) selected. */
export function MainPane({ workspace }: { workspace: Workspace }) {
  const selection = useWorkspaceStore((s) => s.selection)
  const welcome = <Welcome hasSubjects={workspace.subjects.length > 0} />
  switch (selection.kind) {
    case 'new-subject':
      return <SubjectPage key="new" />
    case 'subject': {
      const subject = workspace.subjects.find((s) => s.id === selection.id)
      return subject ? <SubjectPage key={subject.id} subject={subject} workspace={workspace} /> : welcome
    }
    case 'new-site': {
      const subject = workspace.subjects.find((s) => s.id === selection.subjectId)
      return subject ? <NewSitePage key={`new-${subject.id}`} subject={subject} /> : welcome
    }
    case 'site': {
      const site = workspace.sites.find((s) => s.id === selection.id)
      const subject = site && workspace.subjects.find((s) => s.id === site.subjectId)
      return site && subject ? (
        <SitePage key={site.id} site={site} subject={subject} workspace={workspace} />
      ) : (
        welcome
      )
    }
    case 'batch':
      return <BatchPage />
    case 'dashboard':
      return <DashboardPage workspace={workspace} />
    default:
      return welcome
  }
}
