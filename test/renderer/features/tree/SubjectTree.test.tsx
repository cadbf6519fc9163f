import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { App as AntApp } from 'antd'
import { afterEach, describe, expect, it } from 'vitest'
import type { Workspace } from '../../../../core/model'
import { SubjectTree } from '../../../../renderer/src/features/tree/SubjectTree'
import { filterTree } from '../../../../renderer/src/features/tree/tree-filter'
import { makeIndividual, makePerson, makeSite } from '../../../support/factories'

afterEach(cleanup)

const wang = makeIndividual({ name: '王小红', principal: makePerson({ name: '王小红' }) })
const li = makeIndividual()
const ws: Workspace = {
  subjects: [wang, li],
  sites: [
    makeSite(wang.id, { name: '小红的相册', mainDomain: 'photos-wang.cn' }),
    makeSite(wang.id, {
      name: '小红的笔记',
      mainDomain: 'notes-wang.cn',
      extraDomains: ['Notes.Example.com'],
    }),
    makeSite(li.id, { name: '小明的博客', mainDomain: 'example-blog.cn', icpNumber: '京ICP备87654321号-1' }),
  ],
  materials: [],
}

describe('filterTree', () => {
  const names = (q: string) => {
    const f = filterTree(ws, q)
    return f.subjects.map(
      (s) =>
        `${s.name}:${f
          .sitesOf(s.id)
          .map((x) => x.name)
          .join(',')}`,
    )
  }

  it('keeps everything for an empty query', () => {
    expect(names('  ')).toEqual(['王小红:小红的相册,小红的笔记', '李小明:小明的博客'])
  })

  it('matches subjects by name (with all their sites) and sites by name, domain or ICP number', () => {
    expect(names('王小红')).toEqual(['王小红:小红的相册,小红的笔记'])
    expect(names('相册')).toEqual(['王小红:小红的相册'])
    expect(names('NOTES.example')).toEqual(['王小红:小红的笔记'])
    expect(names('example-blog')).toEqual(['李小明:小明的博客'])
    expect(names('京ICP备8765')).toEqual(['李小明:小明的博客'])
    expect(names('不存在')).toEqual([])
  })
})

describe('SubjectTree', () => {
  it('filters the tree from the search box and says when nothing matches', () => {
    render(
      <AntApp>
        <SubjectTree workspace={ws} />
      </AntApp>,
    )
    const search =
      screen.getByTestId('tree-search').querySelector('input') ?? screen.getByTestId('tree-search')
    fireEvent.change(search, { target: { value: '相册' } })
    expect(screen.queryByText('小红的相册')).not.toBeNull()
    expect(screen.queryByText('小红的笔记')).toBeNull()
    expect(screen.queryByText('小明的博客')).toBeNull()
    fireEvent.change(search, { target: { value: 'zzz' } })
    expect(screen.getByText('没有匹配的主体或网站')).toBeTruthy()
  })

  it('keeps the actions and the search outside the scrolling tree', () => {
    render(
      <AntApp>
        <SubjectTree workspace={ws} />
      </AntApp>,
    )
    const scroll = screen.getByTestId('tree-scroll')
    expect(scroll.contains(screen.getByTestId('new-subject'))).toBe(false)
    expect(scroll.contains(screen.getByTestId('tree-search'))).toBe(false)
    expect(scroll.contains(screen.getByTestId(`tree-subject-${wang.id}`))).toBe(true)
  })
})
