/*
 * Browser tests in Debian's Chromium driven by playwright-core. One Chromium per suite (the
 * browser suite's setup in tests/bootstrap.ts launches it and closes it at the end; a spec run on
 * its own launches it lazily), a fresh context and page per test, closed by the test's cleanup.
 *
 * Tenant hosts (`hanoi.localhost`, `t<slug>.localhost`) reach the test server (127.0.0.1 on the run's PORT,
 * HOST and PORT in bin/test.ts) with no DNS set-up and no --host-resolver-rules: Chromium
 * resolves every `*.localhost` name to loopback by itself (checked with Chromium 156, no delay
 * from an IPv6 attempt), and the Host header carries the tenant's name as in production.
 */
import { readFileSync } from 'node:fs'
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core'
import type { Assert } from '@japa/assert'
import type { TestContext } from '@japa/runner/core'

// Page-side code below runs in Chromium; the app's tsconfig has no DOM library, so these names
// are declared for this file alone.
declare const window: any
declare const document: any

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Flags from the machine notes: no sandbox as root, no GPU, and no traffic to Google's hosts. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--metrics-recording-only',
]

let launching: Promise<Browser> | undefined

/** The suite's Chromium, launched at the first call. */
export function launchBrowser(): Promise<Browser> {
  launching ??= chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true })
  return launching
}

export async function closeBrowser() {
  if (!launching) return
  const browser = await launching
  launching = undefined
  await browser.close()
}

/** The test server's port (bin/test.ts picks a free one unless PORT is given). */
export function testServerPort() {
  return Number(process.env.PORT)
}

/** `http://<host>:<port><path>` for a tenant host name such as `hanoi.localhost`. */
export function urlFor(host: string, path = '/') {
  return `http://${host}:${testServerPort()}${path}`
}

export interface BrowserPage {
  context: BrowserContext
  page: Page
  /** Navigates to a path on the given host and fails on anything but a 2xx answer. */
  visit(path?: string): Promise<void>
}

/**
 * A fresh context and page for one test, on one tenant host, closed when the test ends.
 * Chromium's locale is Vietnamese, as most visitors' browsers would be.
 */
export async function openPage(
  cleanup: TestContext['cleanup'],
  host: string,
  options: BrowserContextOptions = {}
): Promise<BrowserPage> {
  const browser = await launchBrowser()
  const context = await browser.newContext({
    locale: 'vi-VN',
    viewport: { width: 1280, height: 800 },
    ...options,
  })
  cleanup(() => context.close())
  const page = await context.newPage()
  // A script error on any page fails the test at the next visit: the app's scripts must run clean.
  const scriptErrors: string[] = []
  page.on('pageerror', (error) => scriptErrors.push(`${page.url()}: ${error.message}`))
  return {
    context,
    page,
    async visit(path = '/') {
      const response = await page.goto(urlFor(host, path), { waitUntil: 'load' })
      if (!response || !response.ok()) {
        throw new Error(`GET ${urlFor(host, path)} answered ${response?.status() ?? 'nothing'}`)
      }
      if (scriptErrors.length) throw new Error(`Script errors in the page:\n${scriptErrors.join('\n')}`)
    },
  }
}

let axeSource: string | undefined

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  helpUrl: string
  nodes: { target: string[]; failureSummary?: string }[]
}

/**
 * Runs axe-core on the page against WCAG 2.0/2.1 levels A and AA and fails the test with one
 * readable line per violation and its elements. axe is evaluated through the DevTools protocol,
 * which the page's Content-Security-Policy (no inline script) does not apply to, so the page is
 * checked exactly as it is served.
 */
export async function expectNoAxeViolations(page: Page, assert: Assert, label = page.url()) {
  axeSource ??= readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8')
  const hasAxe = await page.evaluate(() => typeof window.axe === 'object')
  if (!hasAxe) await page.evaluate(axeSource)

  const violations: AxeViolation[] = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    })
    return result.violations.map((violation: any) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      helpUrl: violation.helpUrl,
      nodes: violation.nodes.map((node: any) => ({
        target: node.target,
        failureSummary: node.failureSummary,
      })),
    }))
  })

  assert.deepEqual(violations.map(describeViolation), [], `axe found WCAG 2.1 AA violations on ${label}`)
}

export function describeViolation(violation: AxeViolation) {
  const nodes = violation.nodes
    .map((node) => `    ${node.target.join(' ')}${node.failureSummary ? `: ${node.failureSummary.replace(/\s+/g, ' ')}` : ''}`)
    .join('\n')
  return `[${violation.impact ?? 'n/a'}] ${violation.id}: ${violation.help}\n${nodes}`
}

/** Horizontal overflow of the document, in CSS pixels (0 when nothing scrolls sideways). */
export async function horizontalOverflow(page: Page) {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement
    return root.scrollWidth - window.innerWidth
  })
}

export interface TransferLog {
  /** Bytes received for every request since the log started: headers and compressed bodies. */
  total(): number
  entries(): { url: string; bytes: number; fromCache: boolean; status?: number }[]
  reset(): void
  stop(): Promise<void>
}

/**
 * Counts what crosses the wire for a page, from the DevTools protocol's `Network.loadingFinished`
 * (encodedDataLength: response headers plus the body as sent, compressed). Responses served
 * from the browser's cache count 0.
 */
export async function recordTransfers(page: Page): Promise<TransferLog> {
  const session = await page.context().newCDPSession(page)
  const requests = new Map<string, { url: string; status?: number; fromCache: boolean }>()
  let log: { url: string; bytes: number; fromCache: boolean; status?: number }[] = []

  session.on('Network.requestWillBeSent', (event) => {
    requests.set(event.requestId, { url: event.request.url, fromCache: false })
  })
  session.on('Network.responseReceived', (event) => {
    const request = requests.get(event.requestId)
    if (request) {
      request.status = event.response.status
      request.fromCache ||= Boolean(event.response.fromDiskCache)
    }
  })
  session.on('Network.requestServedFromCache', (event) => {
    const request = requests.get(event.requestId)
    if (request) request.fromCache = true
  })
  session.on('Network.loadingFinished', (event) => {
    const request = requests.get(event.requestId)
    log.push({
      url: request?.url ?? event.requestId,
      status: request?.status,
      fromCache: request?.fromCache ?? false,
      bytes: event.encodedDataLength,
    })
  })
  session.on('Network.loadingFailed', (event) => {
    const request = requests.get(event.requestId)
    log.push({ url: `${request?.url ?? event.requestId} (failed: ${event.errorText})`, fromCache: false, bytes: 0 })
  })
  await session.send('Network.enable')

  return {
    total: () => log.reduce((sum, entry) => sum + entry.bytes, 0),
    entries: () => [...log],
    reset: () => {
      log = []
    },
    stop: () => session.detach(),
  }
}
