/**
 * antd runs without building its styles in the page (zeroRuntime + antd/dist/antd.css): the
 * built app must still wear the theme — the primary colour, and the component tokens (the
 * header's colour and height, the tree's row height) that reach antd's stylesheet as variables.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assertPrerequisites, byId, launchBrowser, openSession, type Session } from './browser'

let browser: Browser
let session: Session
let page: Page

beforeAll(async () => {
  assertPrerequisites()
  browser = await launchBrowser()
  session = await openSession(browser)
  page = session.page
})

afterAll(async () => {
  await session?.close()
  await browser?.close()
})

const style = (selector: string, property: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property)

describe('the theme without runtime styles', () => {
  it('paints the primary button, the header and the inputs as the theme says', async () => {
    await page.locator(byId('new-subject')).waitFor()
    expect(await style(byId('new-subject'), 'background-color')).toBe('rgb(31, 95, 168)')
    expect(await style(byId('new-subject'), 'border-radius')).toBe('6px')
    expect(await style('.app-header', 'background-color')).toBe('rgb(23, 54, 93)')
    expect(await style('.app-header', 'height')).toBe('56px')
    // An unstyled antd input would have the browser's square corners and grey border.
    await page.click(byId('new-subject'))
    await page.click(byId('subject-nature-individual'))
    expect(await style(byId('person-name'), 'border-top-left-radius')).toBe('6px')
    expect(await style(byId('person-name'), 'border-top-color')).toBe('rgb(217, 217, 217)')
  })
})
