import { describe, expect, it } from 'vitest'
import { inferNatureFromName, isPersonNameShape, looksLikeDomain } from '../../../core/validation'

describe('isPersonNameShape', () => {
  it.each([
    '张三',
    '欧阳娜娜',
    '阿依古丽·买买提',
    '阿依古丽•买买提',
    '爱新觉罗・启星',
    'John Smith',
    "Mary O'Neil",
    'Jean-Luc Picard',
  ])('accepts %s', (n) => {
    expect(isPersonNameShape(n)).toBe(true)
  })

  it.each(['张', '张三1', 'www.example.com', '张 三', '·张三', 'A', '张三@', '一'.repeat(31)])(
    'rejects %s',
    (n) => {
      expect(isPersonNameShape(n)).toBe(false)
    },
  )
})

describe('inferNatureFromName (rule ③)', () => {
  it.each([
    ['北京示例科技有限公司', 'enterprise'],
    ['深圳某某集团股份有限公司', 'enterprise'],
    ['某某市第一服装厂', 'enterprise'],
    ['某某农民专业合作社', 'enterprise'],
    ['某某会计师事务所（特殊普通合伙）', 'enterprise'],
    ['北京市某某律师事务所', 'law-firm'],
    ['某某慈善基金会', 'foundation'],
    ['某某市人民政府办公室', 'government'],
    ['某某市市场监督管理局', 'government'],
    ['某某区教育委员会', 'government'],
    ['某某市第一人民医院', 'public-institution'],
    ['某某大学', 'higher-education'],
    ['某某职业技术学院', 'higher-education'],
    ['某某市实验小学', 'public-institution'],
    ['某某市软件行业协会', 'social-group'],
    ['中国某某学会', 'social-group'],
    ['某某民办培训学校', 'private-non-enterprise'],
    ['中国人民解放军某某部队', 'military'],
    ['某某便利店', 'sole-proprietor'],
    ['某某设计工作室', 'sole-proprietor'],
    ['某某医院管理有限公司', 'enterprise'],
  ])('%s → 单位 / %s', (name, kind) => {
    expect(inferNatureFromName(name)).toMatchObject({ nature: 'organization', orgKind: kind })
  })

  it('knows a 中心 is an organisation without guessing its kind', () => {
    expect(inferNatureFromName('某某数据服务中心')).toMatchObject({ nature: 'organization', orgKind: null })
  })

  it.each(['张三', '李娜', 'John Smith'])('%s → 个人', (name) => {
    expect(inferNatureFromName(name)).toMatchObject({ nature: 'individual', orgKind: null })
  })

  it.each(['', '12345', 'example.com'])('has no opinion on %s', (name) => {
    expect(inferNatureFromName(name)).toBeNull()
  })
})

describe('inferNatureFromName: the word it rests on and how sure it is', () => {
  // Legal forms no one is named after: certain, whatever the length.
  it.each([
    ['北京示例科技有限公司', '有限公司'],
    ['示例科技股份有限公司', '股份有限公司'],
    ['某某市某某区教育委员会', '委员会'],
    ['某某会计师事务所', '事务所'],
    ['王某律师事务所', '律师事务所'],
    ['某某集团', '集团'],
    ['某某市软件行业协会', '协会'],
  ])('%s rests on “%s”, certain', (name, word) => {
    expect(inferNatureFromName(name)).toMatchObject({ nature: 'organization', word, certain: true })
  })

  // Words that are also given names, or a final character a name can end with: a guess only
  // while the name is as short as a personal name.
  it.each([
    ['王国防', '国防'],
    ['李学会', '学会'],
    ['张大学', '大学'],
    ['刘中学', '中学'],
    ['陈小学', '小学'],
    ['黄建厂', '厂'],
    ['孙立社', '社'],
    ['周成站', '站'],
    ['吴有所', '所'],
    ['钱文院', '院'],
    ['冯新局', '局'],
    ['赵中心', '中心'],
    ['阿依古丽·国防', '国防'],
  ])('%s rests on “%s”, a guess', (name, word) => {
    expect(inferNatureFromName(name)).toMatchObject({ nature: 'organization', word, certain: false })
  })

  it.each([
    ['北京数据服务中心', '中心'],
    ['某某市第一中学', '中学'],
    ['某某市国防教育站', '国防'],
  ])('a name longer than a personal name makes “%s” certain', (name, word) => {
    expect(inferNatureFromName(name)).toMatchObject({ word, certain: true })
  })
})

describe('isPersonNameShape: names as ID documents print them', () => {
  it.each([
    'José Álvarez',
    'Zoë Müller',
    'Ñúñez Peña',
    'Søren Kierkegaard',
    'Łukasz Żak',
    'Nguyễn Văn An',
    'Ørjan Dvořák',
    'Иван Петров',
    'Γιώργος Παπαδόπουλος',
    '김민준',
    'محمد علي',
    'J. R. Smith',
    'Anne-Marie O’Neil',
    '阿依古丽.买买提',
    '阿依古丽⋅买买提',
    '阿依古丽･买买提',
    'Maria de los Angeles Fernandez-Gutierrez',
  ])('accepts %s', (n) => {
    expect(isPersonNameShape(n)).toBe(true)
  })

  it.each([
    'José2',
    '张Wei',
    'Иван_Петров',
    'Ivan@Petrov',
    'É',
    '--',
    'Anne--Marie',
    'a'.repeat(61),
    '张三 李四',
  ])('rejects %s', (n) => {
    expect(isPersonNameShape(n)).toBe(false)
  })
})

describe('looksLikeDomain', () => {
  it.each([
    ['example.com', true],
    ['www.example.com.cn', true],
    ['https://example.com/a', true],
    ['例子.公司', true],
    ['示例科技官网', false],
    ['Example Inc.', false],
  ])('%s → %s', (s, want) => {
    expect(looksLikeDomain(s)).toBe(want)
  })
})

describe('inferNatureFromName: names of organisations registered abroad', () => {
  it.each([
    ['Acme Ltd', 'Ltd'],
    ['Example Trading Co., Ltd.', 'Co.'],
    ['EXAMPLE LIMITED', 'LIMITED'],
    ['Beispiel GmbH', 'GmbH'],
    ['Widget Corporation', 'Corporation'],
    ['Open Source Foundation', 'Foundation'],
    ['Royal Society', 'Society'],
  ])('%s is an organisation (“%s”), certain', (name, word) => {
    expect(inferNatureFromName(name)).toMatchObject({ nature: 'organization', word, certain: true })
  })

  // Surnames and given names that share letters with legal forms (Co, Ag, Inca…).
  it.each(['José Álvarez', 'Jose Co', 'Colin Agnew', 'Inca Smith', 'Ag Tan', 'Corazon Aquino'])(
    '%s stays a person',
    (name) => {
      expect(inferNatureFromName(name)?.nature).toBe('individual')
    },
  )
})

describe('looksLikeDomain: only real suffixes or URLs', () => {
  it.each([
    ['J.R.Smith', false],
    ['A.B.Tolkien', false],
    ['shop.example.cn', true],
    ['例子。公司', true],
    ['http://intranet.local', true],
    ['EXAMPLE.COM', true],
  ])('%s → %s', (s, want) => {
    expect(looksLikeDomain(s)).toBe(want)
  })
})
