/**
 * 填写清单.txt: the portal's fields as plain "label: value" lines for copy-paste, grouped by
 * step. UTF-8 with a BOM and CRLF line ends so Windows Notepad (including versions before
 * 2018, which need both) opens it correctly; the caller encodes the string as UTF-8.
 */
import { EMPTY_VALUE, type PortalStep } from './portal-fields'

export const FILL_LIST_NAME = '填写清单.txt'
const BOM = '\uFEFF'
const CRLF = '\r\n'

export type FillListHeader = { siteName: string; date: string; draft: boolean }

/** Line breaks or tabs inside a value would break the one-line-per-field layout. */
const oneLine = (s: string): string => s.replace(/[\r\n\t\u2028\u2029]+/g, ' ').trim()

export function fillListText(steps: readonly PortalStep[], header: FillListHeader): string {
  const lines: string[] = [
    `公安联网备案填写清单：${oneLine(header.siteName) || '（未命名网站）'}`,
    `生成日期：${header.date}`,
  ]
  if (header.draft) lines.push('【草稿】还有未补齐或未改正的项目，请改正后重新导出再提交。')
  lines.push('按门户网站（beian.mps.gov.cn）的填写顺序排列，每行“项目: 内容”。')
  steps.forEach((step, i) => {
    lines.push('', `== ${i + 1}. ${step.step} ==`)
    let block: string | undefined
    for (const f of step.fields) {
      if (f.block && f.block !== block) lines.push(`-- ${f.block} --`)
      block = f.block
      lines.push(`${f.label}: ${oneLine(f.value) || EMPTY_VALUE}`)
    }
  })
  return BOM + lines.join(CRLF) + CRLF
}
