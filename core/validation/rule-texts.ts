/**
 * The portal's own wording of the rules the messages cite as 规则①–⑦: the 填写注意事项 under
 * 开办主体管理 in the portal's guide 《全国公安机关互联网站安全服务平台备案流程》 (帮助中心,
 * 2018-07-18), converted to Simplified Chinese. The seed's text is in /work/shared/seed.
 */

export const RULE_NUMBERS = ['①', '②', '③', '④', '⑤', '⑥', '⑦'] as const
export type RuleNumber = (typeof RULE_NUMBERS)[number]

/** Where the rule texts come from, for the tooltip's last line. */
export const RULE_SOURCE = '公安联网备案平台《备案流程》帮助页（2018-07-18），开办主体管理 · 填写注意事项'

export const RULE_TEXTS: Record<RuleNumber, string> = {
  '①': '上传的证件图片需要清晰，图片大小在512K以内。',
  '②': '单位名称：形式上应完整填写网站主办者全称，如个人应填写个人姓名，企业应填写工商营业执照注册公司名称。内容应真实准确，不得以域名或数字等符号或以网站名称信息代替网站主办者信息。',
  '③': '单位性质：应与主办单位名称等信息对应一致，如主办单位名称为某某公司，则单位性质应为企业；如主办单位为张三，则单位性质应为个人。',
  '④': '证件号码：应符合相应的格式要求，且与主办单位性质等信息（企业、事业单位、政府机关、军队、社会团体、个人等）对应一致。如主办单位性质为企业，不应填写军队代号或个人身份证等号码等非工商营业执照号码或非组织机构代码证号码。',
  '⑤': '投资或主管单位：网站所属者为企业、事业单位、社会团体、政府机关、军队填写法人姓名或单位最高负责人姓名。',
  '⑥': '负责人常住地：内容真实准确，格式标准完整。例如，农村单位应详细填写到村，城镇单位应填写到街道门牌号或信箱号。',
  '⑦': '办公电话：务必填写。号码应格式标准、内容真实准确，不得出现“010-00000000”等明显不真实的联系方式。',
}

/** A piece of a message: plain text, or a citation such as 规则④ or 规则③④ with its rules. */
export type MessagePart = { text: string; rules?: RuleNumber[] }

const CITATION = /规则([①②③④⑤⑥⑦]+)/g

const isRuleNumber = (ch: string): ch is RuleNumber => (RULE_NUMBERS as readonly string[]).includes(ch)

/** Splits a message into text and rule citations, in order; joining the texts gives the message back. */
export function splitRuleCitations(message: string): MessagePart[] {
  const parts: MessagePart[] = []
  let last = 0
  for (const match of message.matchAll(CITATION)) {
    const start = match.index
    if (start > last) parts.push({ text: message.slice(last, start) })
    parts.push({ text: match[0], rules: [...(match[1] ?? '')].filter(isRuleNumber) })
    last = start + match[0].length
  }
  if (last < message.length) parts.push({ text: message.slice(last) })
  return parts
}
