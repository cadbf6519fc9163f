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

const STAGE_KEYS =
  'preparing 准备中、submitted 已提交、reviewing 审核中、returned 退回、interview 待面审/实地检查、filed 已备案、badged 已挂标、changing 变更中、cancelled 已注销'
const EVENT_KEYS =
  'submitted 已提交、reviewing 审核中、returned 退回、interview 面审/实地检查通知、filed 已备案、badged 已挂标、change 申请变更、cancelled 注销'

const SITE_REF = '网站：网站编号、主域名或完整的网站名称（用 list 查看）'

export const zh = {
  kinds: KINDS,
  usage: (kinds: string) => `beian-desk：公安备案材料助手的命令行工具

用法：
  beian-desk list --data-dir 目录 [--json]                   列出主体和网站（编号、域名、材料、问题数）
  beian-desk validate --data-dir 目录 [--site 网站] [--json]   检查能否导出，末行为汇总
  beian-desk export --data-dir 目录 --site 网站 --out 路径 [--zip] [--force] [--json]
  beian-desk export --data-dir 目录 (--site 网站 … | --all) [--stage 阶段] --out-dir 目录 [--zip] [--force] [--json]
  beian-desk compress <文件…> --out-dir 目录 [--max-bytes N] [--page N] [--deskew] [--overwrite] [--json]
  beian-desk compress <文件> --out 文件 [--max-bytes N] [--page N] [--deskew] [--overwrite] [--json]
  beian-desk check <类型> <值> [--json]
  beian-desk check <类型> --stdin
  beian-desk status --data-dir 目录 [--stage 阶段] [--overdue] [--due-within N] [--json]
  beian-desk import <表格> --data-dir 目录 [--dry-run] [--confirm-updates] [--json]
  beian-desk event --data-dir 目录 --site 网站 --stage 事件 [--date 日期] [--note 说明] …
  beian-desk event --data-dir 目录 --site 网站 --undo
  beian-desk backups list --data-dir 目录 [--json]
  beian-desk backups restore <备份编号> --data-dir 目录
  beian-desk archive export --data-dir 目录 --out 文件.bdxa [--json]   导出整个工作区为加密迁移包
  beian-desk archive import <文件.bdxa> --data-dir 新的空目录 [--json]  从迁移包导入（只写入空文件夹）
  beian-desk retention list --data-dir 目录 [--days N] [--json]       列出已到保留期限的身份证照片
  beian-desk retention apply --yes --data-dir 目录 [--days N] [--json] 删除这些照片

check 的类型：
${kinds}

${SITE_REF}。
数据目录：应用的数据文件夹（包含 config.json）。
每个命令都有 --help，例如 beian-desk export --help。
--lang zh|en：输出语言（默认中文；LANG 等环境变量为英文时用英文）。
--passphrase-file 文件：加密工作区的口令或恢复密钥所在的文件（也可用环境变量 BEIAN_DESK_PASSPHRASE，或在终端中输入）。
--accept-recovered：数据文件损坏并已恢复时继续执行（否则输出恢复情况后以退出码 3 结束）。
退出码：0 成功；1 有问题（检查未通过、不能导出、有文件失败）；2 用法错误；3 数据文件损坏已恢复、需要确认。
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
    export: `用法：beian-desk export --data-dir 目录 --site 网站 --out 路径 [--zip] [--force] [--json]
      beian-desk export --data-dir 目录 (--site 网站 --site 网站 … | --all) [--stage 阶段] --out-dir 目录 [--zip] [--force] [--json]
把网站的材料包写入 --out 文件夹中的新文件夹，或配合 --zip 写成 .zip 文件。
已有同名文件或文件夹时不会覆盖，而是另取名称（如 名称(2)），并输出实际路径。
多个网站（多个 --site，或 --all 表示全部网站）写入 --out-dir 文件夹，每个网站一个文件夹或一个 .zip；
同时处理两个网站，逐个显示进度，最后列出导出成功的和不能导出的网站及原因。
  --stage 阶段     只导出这些阶段的网站（可重复，或用逗号分隔）：${STAGE_KEYS}
  --force          缺少材料或有错误时仍然导出，文件标注“草稿”
按 Ctrl+C 取消：正在写入的材料包会被丢弃，不会留下写了一半的文件。
${SITE_REF}。
退出码：1 表示有网站没有导出。
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
  --deskew        找出照片中证件或纸页的四个角并拉正、裁到边缘（找不到时保持原样）
  --overwrite     允许替换已有的输出文件（永远不会替换输入文件）
  --json          以 JSON 输出结果
原文件不会被修改；输出文件名已被占用时改用 名称_${Math.round(def / 1000)}k.jpg、名称_${Math.round(def / 1000)}k(2).jpg …（k 前为上限的千字节数），并输出实际路径。
`,
    status: `用法：beian-desk status --data-dir 目录 [--stage 阶段] [--overdue] [--due-within N] [--json]
列出所有网站的备案进度（与应用的工作台相同）：客户、网站、域名、ICP 备案号、阶段、下一个期限、剩余天数、材料就绪数和问题数，最紧急的在前；末行为汇总。
  --stage 阶段     只看这些阶段（可重复，或用逗号分隔）：${STAGE_KEYS}
  --overdue        只看已逾期的
  --due-within N   只看 N 天内到期的（含已逾期）
`,
    import: `用法：beian-desk import <表格> --data-dir 目录 [--dry-run] [--confirm-updates] [--json]
从 CSV 或 XLSX 表格导入客户和网站（与应用的“导入客户”相同：自动识别编码和列）。先输出每一行的处理方式和检查结果。
  --dry-run          只检查和预览，不写入
  --confirm-updates  更新证件号码相同的已有主体（不加时这些行不会导入）
有需要改正的行时什么也不导入，退出码为 1。应用正在运行时不能写入，请先关闭应用。
`,
    event: `用法：beian-desk event --data-dir 目录 --site 网站 --stage 事件 [选项]
      beian-desk event --data-dir 目录 --site 网站 --undo
记录网站的一条备案事件（与应用相同的检查：不能发生的事件会说明原因并以退出码 1 结束）；--undo 撤销最后一条。
事件：${EVENT_KEYS}
  --date 日期             事情发生的日期，YYYY-MM-DD（默认今天）
  --note 说明             说明（退回时填写原因）
  --operator 姓名         记录人
  --filing-number 号码    公安备案号（filed 必填）
  --police 机关           备案地公安机关（filed 必填）
  --interview-date 日期   面审/实地检查的日期（interview 必填）
  --interview-time 时间   时间，如 09:30
  --place 地点            地点
  --bring 原件            要带的原件（可重复）
  --inspection            是实地检查（默认面审）
  --assessment-submitted  已提交安全评估报告
${SITE_REF}。应用正在运行时不能写入，请先关闭应用。
`,
    retention: `用法：beian-desk retention list --data-dir 目录 [--days N] [--json]
      beian-desk retention apply --yes --data-dir 目录 [--days N] [--json]
保留期限：网站挂标（已挂标）满 N 天后，身份证正反面和手持照片可以删除；多个网站共用的照片，要所有网站都已挂标满期限。
营业执照、域名证书等其他材料不会删除。期限默认用应用里的设置（数据加密 → 身份证照片保留期限），
--days 30|90|180|365 只对这一次生效。
list 只列出（只读）；apply --yes 删除：原件、压缩件和所有备份中的记录，与在应用中删除材料相同。
apply 需要先关闭应用：应用运行时占用数据文件夹。
`,
    backups: `用法：beian-desk backups list --data-dir 目录 [--json]
      beian-desk backups restore <备份编号> --data-dir 目录
list 列出数据的备份（编号、时间、主体/网站/材料数量）；restore 恢复到其中一个备份。
恢复前的数据会另存为一个新的备份，因此恢复可以撤销。应用正在运行时不能恢复，请先关闭应用。
`,
    archive: `用法：beian-desk archive export --data-dir 目录 --out 文件.bdxa [--json]
      beian-desk archive import <文件.bdxa> --data-dir 新的空目录 [--json]
工作区迁移包（换电脑时用）：一个加密文件，包含数据文件、备份和全部材料文件（材料保持加密，不会解密到磁盘），
以及用迁移包口令保护的数据密钥。导入时只需要迁移包口令。
export：加密的工作区需要先解锁（口令或恢复密钥：--passphrase-file、BEIAN_DESK_PASSPHRASE 或终端输入）。
import：只写入不存在或空的文件夹，绝不覆盖现有工作区；先完整校验再写入，中途中断不会留下半个工作区。
迁移包口令（至少 8 个字符）：--archive-passphrase-file 文件（第一行）、环境变量 BEIAN_DESK_ARCHIVE_PASSPHRASE，或在终端中输入（导出时输入两次）。
请把口令与迁移包分开保存：没有口令，迁移包无法打开。
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
    needOutDir: '导出多个网站时需要 --out-dir 目录（一个文件夹，每个网站在里面生成一个文件夹或 .zip）。',
    outWithMany: '导出多个网站时请用 --out-dir 目录，而不是 --out。',
    allWithSite: '--all 表示全部网站，不能再同时给 --site；请二选一。',
    stageNeedsMany: '--stage 只能与 --all 或多个 --site 一起使用（配合 --out-dir）。',
    outDirNotFolder: (path: string) => `${path} 是一个文件，不是文件夹：请给 --out-dir 一个文件夹。`,
    noneSelected: '没有符合条件的网站，什么也没有导出。请检查 --site 或 --stage。',
    cancelling: '正在取消：等正在写入的网站结束后丢弃它们，不再开始新的网站…',
    progress: (done: number, total: number, site: string, ok: boolean) =>
      `[${done}/${total}] ${ok ? '✓' : '✗'} ${site}`,
    siteDone: (site: string, target: string, draft: boolean) =>
      `✓ ${site} → ${target}${draft ? '（草稿：缺少材料或有错误）' : ''}`,
    siteRefused: (site: string, reason: string) => `✗ ${site}：${reason}`,
    detail: (line: string) => `    - ${line}`,
    total: (ok: number, refused: number, outDir: string, cancelled: boolean) =>
      `合计：导出 ${ok} 个网站到 ${outDir}，${refused} 个没有导出${cancelled ? '（已取消）' : ''}。`,
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
  recovery: {
    found: (outcome: string): string =>
      outcome === 'started-empty' ? '✗ 数据文件已损坏，且无法恢复：' : '! 数据文件有损坏，已自动恢复：',
    refused: (onDisk: boolean) =>
      `${onDisk ? '' : '数据目录中的文件没有改动。'}请核对以上情况；确认后加 --accept-recovered 重新运行，命令将使用恢复后的数据继续执行。`,
    accepted: '已按 --accept-recovered 使用恢复后的数据继续。',
  },
  stages: {
    preparing: '准备中',
    submitted: '已提交',
    reviewing: '审核中',
    returned: '退回',
    interview: '待面审/实地检查',
    filed: '已备案',
    badged: '已挂标',
    changing: '变更中',
    cancelled: '已注销',
  },
  status: {
    badStage: (value: string, keys: string) => `不认识的阶段 “${value}”。可用的阶段：${keys}`,
    badDays: (value: string) => `--due-within 必须是 0 或更大的整数（天数），不能是 “${value}”。`,
    headers: ['客户', '网站', '域名', 'ICP 备案号', '阶段', '下一个期限', '剩余', '材料', '问题'],
    deadline: (_kind: string, label: string, date: string) => `${label} ${date}`,
    daysLeft: (n: number) => (n < 0 ? `已逾期 ${-n} 天` : n === 0 ? '今天到期' : `还剩 ${n} 天`),
    findings: (errors: number, warnings: number) => `${errors} 错误 ${warnings} 提示`,
    none: '—',
    empty: '没有符合条件的网站。',
    summary: (shown: number, total: number, overdue: number, week: number, stages: string) =>
      `合计：显示 ${shown} 个网站（共 ${total} 个）；已逾期 ${overdue} 个，7 天内到期 ${week} 个。按阶段：${stages}`,
    stageCount: (label: string, n: number) => `${label} ${n}`,
  },
  import: {
    needFile: '请给出要导入的表格文件（CSV 或 XLSX）。',
    oneFile: '一次只能导入一个表格文件。',
    file: (name: string, encoding: string, rows: number) => `文件 ${name}（${encoding}），${rows} 行数据`,
    row: (line: number, subject: string, site: string, action: string) =>
      `第 ${line} 行  ${subject || '（无主体名称）'}${site ? ` / ${site}` : ''}：${action}`,
    actions: {
      new: '新建主体',
      update: '更新已有主体',
      'same-as-above': '同上一主体',
      skip: '跳过（已有主体，未确认更新）',
      invalid: '无法导入',
    },
    siteActions: { new: '，新建网站', update: '，更新网站', none: '', skip: '，跳过网站' },
    notConfirmed: '不会导入：已有主体，未加 --confirm-updates',
    problem: (text: string) => `    ✗ 需改正：${text}`,
    note: (text: string) => `    说明：${text}`,
    finding: (error: boolean, message: string) => `    ${error ? '! 资料错误' : '! 提示'}：${message}`,
    matches: (n: number) =>
      `有 ${n} 个已有主体与表格中的行证件号码相同。没有加 --confirm-updates，这些行不会导入；核对后加 --confirm-updates 再运行即可更新：`,
    match: (name: string, cert: string, lines: string) => `  ${name}（${cert}）：第 ${lines} 行`,
    blocking: (n: number) => `有 ${n} 行需要先改正，本次没有导入任何内容。请修改表格后重新导入。`,
    dryRun: (subjects: number, sites: number) =>
      `试运行，没有写入：可以导入 ${subjects} 个新主体、${sites} 个新网站（更新已有主体需 --confirm-updates）。`,
    done: (c: {
      newSubjects: number
      updatedSubjects: number
      newSites: number
      updatedSites: number
      skippedRows: number
    }) =>
      `已导入：新建主体 ${c.newSubjects} 个，更新主体 ${c.updatedSubjects} 个；新建网站 ${c.newSites} 个，更新网站 ${c.updatedSites} 个；跳过 ${c.skippedRows} 行。`,
  },
  event: {
    needSite: '需要 --site 网站（网站编号、主域名或完整的网站名称，用 beian-desk list 查看）。',
    needStage: (keys: string) => `需要 --stage 事件，可用的事件：${keys}`,
    badStage: (value: string, keys: string) => `不认识的事件 “${value}”。可用的事件：${keys}`,
    undoWithStage: '--undo 撤销最后一条记录，不能与 --stage 同时使用。',
    recorded: (site: string, label: string, date: string) => `已记录：${site} ${label}（${date}）`,
    undone: (site: string, label: string, date: string) =>
      `已撤销 ${site} 的最后一条记录：${label}（${date}）`,
    stageNow: (label: string) => `当前阶段：${label}`,
    warning: (text: string) => `  提示：${text}`,
    refused: (text: string) => `✗ ${text}`,
  },
  retention: {
    needAction: '请给出 list 或 apply --yes。',
    badAction: (value: string) => `retention 后面只能是 list 或 apply，不能是 “${value}”。`,
    needYes: '删除不能撤销：请先用 retention list 查看，确认后加 --yes 再运行 retention apply。',
    badDays: (value: string, choices: string) => `--days 只能是 ${choices}，不能是 “${value}”。`,
    off: '保留期限没有开启（在应用的“数据加密”中设置，或用 --days 指定）。',
    none: (days: number) => `没有到期的身份证照片（挂标后 ${days} 天）。`,
    line: (sites: string, person: string, photo: string, badged: string, due: string) =>
      `${due} 到期  ${sites}  ${person}  ${photo}  挂标 ${badged}`,
    summary: (n: number, days: number) => `共 ${n} 张身份证照片已到保留期限（挂标后 ${days} 天）。`,
    removed: (n: number) => `已按保留期限删除 ${n} 张身份证照片。`,
    sep: '、',
  },
  backups: {
    needAction: '请给出 list 或 restore <备份编号>。',
    badAction: (value: string) => `backups 后面只能是 list 或 restore，不能是 “${value}”。`,
    needId: '请给出要恢复的备份编号（用 beian-desk backups list 查看）。',
    empty: '还没有备份。',
    line: (id: string, takenAt: string, subjects: number, sites: number, materials: number) =>
      `${id}  ${takenAt}  主体 ${subjects} 个，网站 ${sites} 个，材料 ${materials} 份`,
    damaged: (id: string, takenAt: string) => `${id}  ${takenAt}  已损坏，不能恢复`,
    restored: (id: string, takenAt: string, subjects: number, sites: number, materials: number) =>
      `已恢复到备份 ${id}（${takenAt}）：主体 ${subjects} 个，网站 ${sites} 个，材料 ${materials} 份。`,
    keptAs: (id: string) => `恢复前的数据已另存为备份 ${id}，需要时可以用它恢复回来。`,
  },
  archive: {
    needAction: '请给出 export 或 import。',
    badAction: (value: string) => `archive 后面只能是 export 或 import，不能是 “${value}”。`,
    needOut: '请用 --out 文件.bdxa 给出迁移包的保存位置。',
    needFile: '请给出要导入的迁移包文件（.bdxa）。',
    prompt: '请输入迁移包口令（输入时不显示）：',
    promptAgain: '请再输入一次迁移包口令：',
    mismatch: '两次输入的迁移包口令不一致，没有导出。',
    missing:
      '需要迁移包口令：请用 --archive-passphrase-file 文件、环境变量 BEIAN_DESK_ARCHIVE_PASSPHRASE 提供，或在终端中运行以便输入。',
    exported: (path: string, files: number, mb: string) =>
      `已导出工作区迁移包：${path}（${files} 个文件，${mb} MB）。`,
    exportedEncrypted: '材料文件保持加密；数据密钥由迁移包口令保护，在新电脑上导入时只需要这个口令。',
    exportedPlain: '注意：这个工作区没有加密（没有数据密钥），迁移包本身仍由口令加密。',
    imported: (dir: string, files: number, mb: string) =>
      `已导入工作区到 ${dir}（${files} 个文件，${mb} MB）。`,
    unlockKeychain: '数据密钥已由这台电脑的系统钥匙串保护，应用启动时会自动解锁。',
    unlockPassphrase: '这个工作区使用原来的口令：在应用中输入原来的工作区口令（或恢复密钥）解锁。',
    unlockArchive:
      '这里没有可用的系统钥匙串，因此工作区口令现在就是迁移包口令：用它解锁（或用原来的恢复密钥）。可在应用的“数据加密”中更改。',
    unlockNone: '这个工作区没有加密。可在应用的“数据加密”中设置口令。',
    progress: (
      what: 'key' | 'checking' | 'export' | 'import',
      percent: number,
      done: string,
      total: string,
    ) =>
      what === 'key'
        ? '正在由迁移包口令生成密钥…'
        : `${{ checking: '正在校验迁移包', export: '正在写入迁移包', import: '正在写入工作区' }[what]}：${percent}%（${done} / ${total} MB）`,
  },
  unlock: {
    prompt: '这个工作区已加密。请输入口令或恢复密钥（输入时不显示）：',
    cancelled: '已取消输入口令，命令没有执行。',
    keychainOnly:
      '这个工作区的密钥由系统钥匙串保护，而钥匙串只有 Beian Desk 应用能使用，命令行无法解锁。请提供恢复密钥（打印的那串 XXXX-XXXX-… 字符）：用 --passphrase-file 文件、环境变量 BEIAN_DESK_PASSPHRASE，或在终端中运行以便输入；也可以在应用的“设置 → 数据加密”中设置口令后再用口令。',
    needSecret:
      '这个工作区已加密，需要口令或恢复密钥才能读取其中的资料和材料：请用 --passphrase-file 文件、环境变量 BEIAN_DESK_PASSPHRASE 提供，或在终端中运行以便输入。',
    fileUnreadable: (path: string) => `读不到口令文件“${path}”：请检查路径和读取权限。`,
    fileEmpty: (path: string) => `口令文件“${path}”是空的：请在第一行写入口令或恢复密钥。`,
  },
  internal: '出错了：',
}

export type CliMessages = typeof zh
