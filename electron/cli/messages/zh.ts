/** The CLI's own words in Chinese (the default). en.ts must define every key (checked by the compiler). */
import type { CheckKind } from '../../../core/validation/types'

const KINDS: Record<CheckKind, string> = {
  'resident-id': '居民身份证号码',
  uscc: '统一社会信用代码',
  'org-code': '组织机构代码',
  'business-reg-no': '工商注册号（15 位）',
  phone: '电话（手机或固定电话）',
  mobile: '手机号码',
  landline: '固定电话',
  email: '电子邮箱',
  domain: '域名',
  'icp-number': 'ICP 备案号',
  'filing-number': '公安备案号',
  ip: 'IP 地址',
}

const SITE_REF = '网站：网站编号、主域名或完整的网站名称（用 list 查看）'

export const zh = {
  kinds: KINDS,
  usage: (kinds: string) => `beian-desk：公安备案材料助手的命令行工具

用法：
  beian-desk list --data-dir 目录 [--json]                   列出主体和网站（编号、域名、材料、问题数）
  beian-desk validate --data-dir 目录 [--site 网站] [--json]   检查能否导出，末行为汇总
  beian-desk export --data-dir 目录 --site 网站 --out 路径 [--zip] [--json]
  beian-desk compress <文件…> --out-dir 目录 [--max-bytes N] [--page N] [--overwrite] [--json]
  beian-desk compress <文件> --out 文件 [--max-bytes N] [--page N] [--overwrite] [--json]
  beian-desk check <类型> <值> [--json]
  beian-desk check <类型> --stdin

check 的类型：
${kinds}

${SITE_REF}。
数据目录：应用的数据文件夹（包含 config.json）。
每个命令都有 --help，例如 beian-desk export --help。
--lang zh|en：输出语言（默认中文；LANG 等环境变量为英文时用英文）。
退出码：0 成功；1 有问题（检查未通过、不能导出、有文件失败）；2 用法错误。
`,
  help: {
    list: `用法：beian-desk list --data-dir 目录 [--json]
列出每个开办主体和它的网站：编号、名称、域名、材料就绪数（x/y）和问题数。
网站编号、主域名或网站名称可用于 export --site 和 validate --site。
`,
    validate: `用法：beian-desk validate --data-dir 目录 [--site 网站] [--json]
检查每个网站能否导出：缺少或不能使用的材料、必须改正的错误和提示；末行汇总主体、网站、可导出和不能导出的数量。
${SITE_REF}。
退出码：1 表示有网站不能导出（与 export 的判断完全一致），或没有网站的主体有错误。
`,
    export: `用法：beian-desk export --data-dir 目录 --site 网站 --out 路径 [--zip] [--json]
把网站的材料包写入 --out 文件夹中的新文件夹，或配合 --zip 写成 .zip 文件。
已有同名文件或文件夹时不会覆盖，而是另取名称（如 名称(2)），并输出实际路径。
${SITE_REF}。
`,
    compress: (
      min: number,
      max: number,
      def: number,
    ) => `用法：beian-desk compress <文件…> --out-dir 目录 [选项]
      beian-desk compress <文件> --out 文件 [选项]
把图片或 PDF 压缩为不超过上限的 JPEG（自动转正、去除 EXIF）。
  --max-bytes N   大小上限（字节），${min} 到 ${max}，默认 ${def}
  --page N        PDF 的页码（默认第 1 页）
  --overwrite     允许替换已有的输出文件（永远不会替换输入文件）
  --json          以 JSON 输出结果
原文件不会被修改；输出文件名已被占用时改用 名称_${Math.round(def / 1000)}k.jpg、名称_${Math.round(def / 1000)}k(2).jpg …（k 前为上限的千字节数），并输出实际路径。
`,
    check: (kinds: string) => `用法：beian-desk check <类型> <值> [--json]
      beian-desk check <类型> --stdin      （逐行读取，每行输出一个 JSON）
类型：
${kinds}
退出码：0 有效；1 无效。
`,
  },
  usageHint: '用 beian-desk --help 查看用法。',
  commandHelpHint: (command: string) => `用 beian-desk ${command} --help 查看这个命令的用法。`,
  unknownCommand: (name: string) => `没有 “${name}” 这个命令。`,
  noCommand: '请给出一个命令。',
  badLang: (value: string) => `--lang 只能是 zh 或 en，不能是 “${value}”。`,
  unknownOption: (option: string) => `不认识的选项 ${option}。`,
  optionNeedsValue: (option: string) => `选项 ${option} 需要一个值。`,
  optionTakesNoValue: (option: string) => `选项 ${option} 不接受值。`,
  unexpectedArgument: (arg: string) => `多余的参数 “${arg}”。`,
  needDataDir: '需要 --data-dir 目录（应用的数据文件夹，即包含 config.json 的文件夹）。',
  noConfig: (dir: string) =>
    `在 ${dir} 中找不到 config.json：请确认 --data-dir 指向 Beian Desk 的数据文件夹。`,
  siteNotFound: (ref: string) =>
    `找不到网站 “${ref}”：请用网站编号、主域名或完整的网站名称（用 beian-desk list 查看）。`,
  siteAmbiguous: (ref: string, n: number) => `“${ref}” 对应 ${n} 个网站，请改用下面的网站编号：`,
  check: {
    badKind: (kinds: string) => `check 的类型必须是：${kinds}`,
    needValue: '请给出要检查的值，或使用 --stdin 逐行读取。',
    valid: (normalized: string) => `✓ 有效：${normalized}`,
    invalid: '✗ 无效',
    finding: (error: boolean, message: string) => `  ${error ? '错误' : '提示'}：${message}`,
  },
  compress: {
    needInput: '请给出至少一个输入文件。',
    outChoice: '需要 --out-dir 目录 或 --out 文件（二选一）。',
    outSingle: '--out 只能用于单个输入文件；多个文件请用 --out-dir。',
    outIsFolder: (path: string) => `--out 是文件路径，而 ${path} 是一个文件夹：输出到文件夹请用 --out-dir。`,
    outDirNotFolder: (path: string) => `${path} 已存在，但不是文件夹：请给 --out-dir 一个文件夹。`,
    maxBytes: (min: number, max: number) => `--max-bytes 必须是 ${min} 到 ${max} 之间的整数（字节）。`,
    page: (max: number) => `--page 是 PDF 的页码，必须是 1 到 ${max} 的整数。`,
    ok: (input: string, output: string, bytes: number, w: number, h: number, q: number) =>
      `✓ ${input} → ${output}（${bytes} 字节，${w}×${h}，质量 ${q}）`,
    failed: (input: string, message: string) => `✗ ${input}：${message}`,
    progress: (done: number, total: number, ok: boolean, input: string, message?: string) =>
      `[${done}/${total}] ${ok ? '✓' : '✗'} ${input}${message ? `：${message}` : ''}`,
    renamed: (wanted: string) => `  说明：${wanted} 已存在，没有覆盖，已另取文件名。`,
    notes: {
      'first-frame-only': '这是动图，只使用了第一帧。如需其他画面，请先截图或另存为静态图片。',
      'first-page-only': '文件有多页，只使用了第一页。如需其他页，请先单独导出该页。',
    },
    note: (text: string) => `  说明：${text}`,
  },
  export: {
    outNotFolder: (path: string) =>
      `${path} 是一个文件，不是文件夹：请给 --out 一个文件夹，或加 --zip 导出为 .zip 文件。`,
    needSite: '需要 --site 网站（网站编号、主域名或完整的网站名称，用 beian-desk list 查看）。',
    needOut: '需要 --out 路径（一个文件夹；配合 --zip 时为 .zip 文件）。',
    done: (target: string) => `已导出到 ${target}`,
    file: (file: string, bytes: number, w: number, h: number) => `  ${file}  ${bytes} 字节  ${w}×${h}`,
  },
  validate: {
    site: (name: string, id: string, domain: string, ready: number, total: number) =>
      `网站 ${name} [${id}] ${domain || '（无域名）'} — 材料 ${ready}/${total}`,
    canExport: '  ✓ 可以导出',
    cannotExport: (n: number) => `  ✗ 不能导出：有 ${n} 项需要先补齐或改正`,
    blocker: (line: string) => `    - ${line}`,
    warning: (where: string, message: string) => `  ! 提示 [${where}] ${message}`,
    subject: (name: string, id: string) => `主体 ${name} [${id}]（还没有网站）`,
    finding: (error: boolean, where: string, message: string) =>
      `  ${error ? '✗ 错误' : '! 提示'} [${where}] ${message}`,
    scopeSubject: '开办主体',
    scopeSite: '网站',
    summary: (subjects: number, sites: number, ready: number, blocked: number, missing: number) =>
      `合计：主体 ${subjects} 个，网站 ${sites} 个；可以导出 ${ready} 个，不能导出 ${blocked} 个；缺少材料 ${missing} 项`,
  },
  list: {
    subject: (name: string, id: string, nature: string, errors: number, warnings: number) =>
      `${name} [${id}] ${nature}  问题：${errors} 个错误，${warnings} 个提示`,
    site: (
      name: string,
      id: string,
      domains: string,
      ready: number,
      total: number,
      errors: number,
      warnings: number,
    ) =>
      `  网站 ${name} [${id}] ${domains || '（无域名）'}  材料 ${ready}/${total}  问题：${errors} 个错误，${warnings} 个提示`,
    noSites: '  （还没有网站）',
    empty: '数据目录中还没有主体。',
    individual: '个人',
    organization: '单位',
    unnamed: '（未填写名称）',
  },
  internal: '出错了：',
}

export type CliMessages = typeof zh
