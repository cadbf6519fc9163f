import { BankOutlined, GlobalOutlined, PlusOutlined, SearchOutlined, UserOutlined } from '@ant-design/icons'
import { Button, Empty, Input, Tooltip, Tree, Typography } from 'antd'
import type { TreeDataNode } from 'antd'
import { useLayoutEffect, useMemo, useRef, useState, type Key, type RefObject } from 'react'
import type { Site, Subject, Workspace } from '../../../../core/model'
import { materialReadiness } from '../../../../core/packet/readiness'
import { useT, type Translate } from '../../i18n'
import { navigate, useWorkspaceStore, type Selection } from '../workspace/store'
import { ClientImportButton } from '../client-import/ClientImportButton'
import { DashboardNavButton } from '../dashboard/DashboardNavButton'
import { filterTree, type TreeFilter } from './tree-filter'

type NodeKey = `subject:${string}` | `site:${string}`

function siteTitle(site: Site, subject: Subject, workspace: Workspace, t: Translate) {
  const { ready: done, total } = materialReadiness(subject, site, workspace.materials)
  return (
    <span className="tree-title" data-testid={`tree-site-${site.id}`}>
      <span className="tree-title-text">{site.name || t('tree.unnamedSite')}</span>
      <span
        className={done === total ? 'tree-count tree-count-done' : 'tree-count'}
        data-testid={`tree-count-${site.id}`}
      >
        {done}/{total}
      </span>
    </span>
  )
}

function subjectTitle(subject: Subject, t: Translate) {
  return (
    <span className="tree-title" data-testid={`tree-subject-${subject.id}`}>
      <span className="tree-title-text">{subject.name || t('tree.unnamedSubject')}</span>
    </span>
  )
}

/** A tree node with its record: the title is drawn (and a site's readiness counted) only when shown. */
type TreeNode = TreeDataNode & { subject: Subject; site?: Site }

function buildTree(filter: TreeFilter): TreeNode[] {
  return filter.subjects.map((subject) => ({
    key: `subject:${subject.id}`,
    subject,
    icon: subject.nature === 'individual' ? <UserOutlined /> : <BankOutlined />,
    children: filter.sitesOf(subject.id).map((site): TreeNode => ({
      key: `site:${site.id}`,
      subject,
      site,
      icon: <GlobalOutlined />,
      isLeaf: true,
    })),
  }))
}

/** An element's content height: measured before the first paint, then followed as the window resizes. */
function contentHeight(el: HTMLElement): number {
  const style = getComputedStyle(el)
  return Math.floor(el.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom))
}

/**
 * The content height of the element `ref` is put on; null until measured. Where ResizeObserver
 * is missing (jsdom) it stays 0: the caller then draws without a height.
 */
function useLaidOutHeight<T extends HTMLElement>(): [RefObject<T | null>, number | null] {
  const ref = useRef<T>(null)
  const canMeasure = typeof ResizeObserver !== 'undefined'
  const [height, setHeight] = useState<number | null>(canMeasure ? null : 0)
  useLayoutEffect(() => {
    const el = ref.current
    if (!el || !canMeasure) return
    setHeight(contentHeight(el))
    const observer = new ResizeObserver(() => setHeight(contentHeight(el)))
    observer.observe(el)
    return () => observer.disconnect()
  }, [canMeasure])
  return [ref, height]
}

function selectedKey(selection: Selection): NodeKey | undefined {
  if (selection.kind === 'subject') return `subject:${selection.id}`
  if (selection.kind === 'site') return `site:${selection.id}`
  return undefined
}

/** The subject the 新建网站 button would add to: the selected subject or the selected site's. */
export function currentSubjectId(selection: Selection, workspace: Workspace): string | undefined {
  if (selection.kind === 'subject') return selection.id
  if (selection.kind === 'new-site') return selection.subjectId
  if (selection.kind === 'site') return workspace.sites.find((s) => s.id === selection.id)?.subjectId
  return workspace.subjects.length === 1 ? workspace.subjects[0]?.id : undefined
}

/** Left pane: subjects (开办主体) with their sites, and the two "new" buttons. */
export function SubjectTree({ workspace }: { workspace: Workspace }) {
  const t = useT()
  const selection = useWorkspaceStore((s) => s.selection)
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set())
  const [query, setQuery] = useState('')
  const filter = useMemo(() => filterTree(workspace, query), [workspace, query])
  const treeData = useMemo(() => buildTree(filter), [filter])
  // With a height the tree draws only the rows in view: an agency's 1,000 sites open at once.
  const [scrollRef, scrollHeight] = useLaidOutHeight<HTMLDivElement>()
  // While searching every match is shown open.
  const expanded = filter.subjects
    .map((s) => `subject:${s.id}`)
    .filter((k) => query.trim() !== '' || !collapsed.has(k))
  const key = selectedKey(selection)
  const subjectId = currentSubjectId(selection, workspace)

  const onSelect = (keys: Key[]) => {
    const [kind, id] = String(keys[0] ?? '').split(':')
    if (!id) return // a click on the selected node deselects it in antd; keep the selection
    void navigate(kind === 'site' ? { kind: 'site', id } : { kind: 'subject', id })
  }
  const onExpand = (keys: Key[]) => {
    const open = new Set(keys.map(String))
    setCollapsed(new Set(workspace.subjects.map((s) => `subject:${s.id}`).filter((k) => !open.has(k))))
  }

  return (
    <div className="sider-inner">
      <div className="sider-actions">
        <DashboardNavButton />
        <ClientImportButton />
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => void navigate({ kind: 'new-subject' })}
          data-testid="new-subject"
        >
          {t('tree.newSubject')}
        </Button>
        <Tooltip title={subjectId ? undefined : t('tree.newSiteNeedsSubject')}>
          <Button
            icon={<PlusOutlined />}
            disabled={!subjectId}
            onClick={() => subjectId && void navigate({ kind: 'new-site', subjectId })}
            data-testid="new-site"
          >
            {t('tree.newSite')}
          </Button>
        </Tooltip>
      </div>
      {workspace.subjects.length > 0 && (
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('tree.search')}
          aria-label={t('tree.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          className="sider-search"
          data-testid="tree-search"
        />
      )}
      <Typography.Text type="secondary" className="sider-caption">
        {t('tree.title')}
      </Typography.Text>
      <div className="sider-scroll" data-testid="tree-scroll" ref={scrollRef}>
        {workspace.subjects.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tree.empty')} />
        ) : filter.subjects.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tree.noMatch')} />
        ) : scrollHeight === null ? null : (
          <Tree
            showIcon
            blockNode
            treeData={treeData}
            titleRender={(node) => {
              const { subject, site } = node as TreeNode
              return site ? siteTitle(site, subject, workspace, t) : subjectTitle(subject, t)
            }}
            {...(scrollHeight > 0 ? { height: scrollHeight } : {})}
            selectedKeys={key ? [key] : []}
            expandedKeys={expanded}
            onExpand={onExpand}
            onSelect={onSelect}
            className="subject-tree"
          />
        )}
      </div>
    </div>
  )
}
