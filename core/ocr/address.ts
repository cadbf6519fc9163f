/**
 * Splitting an address read from an ID card into divisions (行政区划) for the address picker:
 * at each level, the child whose name (or its short form without 省/市/区/县…) begins the rest
 * of the text. Pure: the caller loads each level's children.
 */
import type { DivisionNode } from '../api'

const SUFFIX =
  /(?:特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|地区|盟|省|市|区|县|旗)$/

/** The names a division may be written with at the start of an address (full first). */
export function divisionAliases(name: string): string[] {
  const short = name.replace(SUFFIX, '')
  return short.length >= 2 && short !== name ? [name, short] : [name]
}

/** The child that begins `text`, and the text after it; null when none does. */
export function matchDivision(
  text: string,
  children: readonly DivisionNode[],
): { node: DivisionNode; rest: string } | null {
  let best: { node: DivisionNode; rest: string; length: number } | null = null
  for (const node of children) {
    for (const alias of divisionAliases(node.name)) {
      if (text.startsWith(alias) && (!best || alias.length > best.length))
        best = { node, rest: text.slice(alias.length), length: alias.length }
    }
  }
  return best && { node: best.node, rest: best.rest }
}

/** Municipal districts (市辖区) and similar placeholder levels skipped when the text names the county directly. */
export const isPlaceholderDivision = (name: string): boolean =>
  /^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(name)

export type AddressSplit = { codes: string[]; names: string[]; detail: string }

/**
 * The address split top-down (province, city, county, then town when it matches): `load`
 * answers a level's children (null: the provinces). A placeholder level (北京市 → 市辖区) is
 * taken without consuming text. Stops at the first level that does not match; the rest is the
 * detail (街道门牌).
 */
export async function splitAddress(
  text: string,
  load: (code: string | null) => Promise<readonly DivisionNode[]>,
  maxLevels = 4,
): Promise<AddressSplit> {
  const codes: string[] = []
  const names: string[] = []
  let rest = text.replace(/\s+/g, '')
  let parent: string | null = null
  while (codes.length < maxLevels) {
    const children = await load(parent)
    const match = matchDivision(rest, children)
    const only = children.length === 1 ? children[0] : undefined
    const node = match?.node ?? (only && isPlaceholderDivision(only.name) ? only : undefined)
    if (!node) break
    codes.push(node.code)
    names.push(node.name)
    if (match) rest = match.rest
    if (!node.hasChildren) break
    parent = node.code
  }
  return { codes, names, detail: rest }
}
