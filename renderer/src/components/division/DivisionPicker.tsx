import { Select } from 'antd'
import { useEffect, useState } from 'react'
import type { DivisionNode } from '../../../../core/api'
import { useT } from '../../i18n'
import { divisionChildren } from './division-cache'

/** The chosen path, province first; names are kept so data survives a division-data update. */
export type DivisionValue = { codes: string[]; names: string[] }

type Props = {
  value?: DivisionValue
  onChange?: (value: DivisionValue) => void
  /** Test id prefix, e.g. `person-address` → `person-address-province`, `-city`, … */
  testPrefix: string
  status?: 'error' | 'warning'
}

const LEVELS = ['province', 'city', 'county', 'town', 'village'] as const
const EMPTY: DivisionValue = { codes: [], names: [] }

/** Options of each visible level: level 0 always, level i once level i-1 is chosen and has children. */
function useLevelOptions(codes: readonly string[]): (DivisionNode[] | undefined)[] {
  const [loaded, setLoaded] = useState<Record<string, DivisionNode[]>>({})
  const parents = [null, ...codes].slice(0, LEVELS.length)
  const key = (parent: string | null) => parent ?? 'root'
  const missing = parents
    .filter((p) => !(key(p) in loaded))
    .map(key)
    .join(',')
  useEffect(() => {
    let alive = true
    for (const parent of missing ? missing.split(',') : []) {
      void divisionChildren(parent === 'root' ? null : parent).then((nodes) => {
        if (alive) setLoaded((prev) => ({ ...prev, [parent]: nodes }))
      })
    }
    return () => {
      alive = false
    }
  }, [missing])
  return parents.map((p) => loaded[key(p)])
}

/** 省 → 市 → 区县 → 乡镇街道 → 村社区, one select per level, each loaded when its parent is chosen. */
export function DivisionPicker({ value = EMPTY, onChange, testPrefix, status }: Props) {
  const t = useT()
  const levels = useLevelOptions(value.codes)
  const choose = (level: number, code: string | undefined, options: DivisionNode[]) => {
    const node = options.find((o) => o.code === code)
    const codes = value.codes.slice(0, level)
    const names = value.names.slice(0, level)
    if (node) {
      codes.push(node.code)
      names.push(node.name)
    }
    onChange?.({ codes, names })
  }
  return (
    <div className="division-picker">
      {levels.map((options, level) => {
        const name = LEVELS[level] ?? 'village'
        if (level > 0 && (!options || options.length === 0)) return null
        return (
          <Select
            key={name}
            data-testid={`${testPrefix}-${name}`}
            className={`division-select division-${name}`}
            value={value.codes[level]}
            loading={!options}
            status={status}
            allowClear={level > 0}
            placeholder={t(`division.${name}`)}
            options={(options ?? []).map((o) => ({ value: o.code, label: o.name }))}
            showSearch={{ optionFilterProp: 'label' }}
            onChange={(code: string | undefined) => choose(level, code, options ?? [])}
            popupMatchSelectWidth={false}
          />
        )
      })}
    </div>
  )
}
