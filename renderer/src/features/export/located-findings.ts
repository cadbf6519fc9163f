import type { Site, Workspace } from '../../../../core/model'
import { localToday, siteFindings } from '../../../../core/packet/readiness'
import type { Located } from './FindingsList'

/** The subject's and the site's findings, cross-record ones included, exactly as main checks them before export. */
export function locatedFindings(site: Site, workspace: Workspace, today = localToday()): Located[] {
  return siteFindings(workspace, site.id, today).map(({ scope, ...finding }) => ({
    ...finding,
    where: scope,
  }))
}
