import type { Workspace } from '../../core/model'
import { BatchPage } from './features/batch/BatchPage'
import { DashboardPage } from './features/dashboard/DashboardPage'
import { SitePage } from './features/site/SitePage'
import { NewSitePage } from './features/site/NewSitePage'
import { SubjectPage } from './features/subject/SubjectPage'
import { Welcome } from './features/welcome/Welcome'
import { useWorkspaceStore } from './features/workspace/store'

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
