/*
 * What every stand-in for a national system shares: an HTTP server on the loopback interface,
 * the log of requests received, faults tests switch on (a maintenance page, a wrong shape, a
 * 503, no answer), GET only and a /health path. Each stand-in answers its own paths in `route`;
 * one that is sent data (an SMS carrier) also answers POSTs in `receive`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * none: behave; garbage: 200 with an HTML maintenance page; bad_shape: 200 with JSON of the
 * wrong shape; server_error: 503; hang: accept the request and never answer.
 */
export type StandInFault = 'none' | 'garbage' | 'bad_shape' | 'server_error' | 'hang'

export abstract class StandInServer {
  #server?: Server
  /** What the next requests get; see StandInFault. */
  fault: StandInFault = 'none'
  /** How many requests are answered properly before `fault` applies (lets a later page fail). */
  faultAfterRequests = 0
  /** Every request path received, for tests. */
  readonly requests: string[] = []

  /** A well-formed JSON answer that is not what the protocol promises (for `bad_shape`). */
  protected abstract readonly badShape: unknown

  /** Answers a GET on the stand-in's own paths; `request` carries the headers (an API key). */
  protected abstract route(url: URL, response: ServerResponse, request: IncomingMessage): void

  /** Answers a POST with its whole body; stand-ins without it answer 405 to anything but GET. */
  protected receive?(url: URL, request: IncomingMessage, body: string, response: ServerResponse): void

  /** Listens on the loopback interface; port 0 picks a free one. Returns the base URL. */
  async listen(port = 0, host = '127.0.0.1') {
    this.#server = createServer((request, response) => this.#handle(request, response))
    await new Promise<void>((resolve, reject) => {
      this.#server!.once('error', reject)
      this.#server!.listen(port, host, () => resolve())
    })
    return this.url
  }

  get url() {
    const address = this.#server?.address() as AddressInfo | null
    if (!address) throw new Error('the stand-in is not listening')
    return `http://${address.address}:${address.port}`
  }

  async close() {
    const server = this.#server
    if (!server) return
    this.#server = undefined
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }

  #handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://stand-in')
    this.requests.push(`${request.method} ${url.pathname}${url.search}`)

    if (this.fault !== 'none' && this.requests.length > this.faultAfterRequests) {
      if (this.fault === 'hang') return
      if (this.fault === 'garbage') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        return response.end('<html><body>Hệ thống đang bảo trì</body></html>')
      }
      if (this.fault === 'bad_shape') return json(response, 200, this.badShape)
      return json(response, 503, { error: { code: 'unavailable', message: 'Service temporarily unavailable' } })
    }

    if (request.method === 'POST' && this.receive) {
      const chunks: Buffer[] = []
      request.on('data', (chunk: Buffer) => chunks.push(chunk))
      request.on('end', () => this.receive!(url, request, Buffer.concat(chunks).toString('utf8'), response))
      return
    }
    if (request.method !== 'GET') return json(response, 405, { error: { code: 'method_not_allowed', message: 'GET only' } })
    if (url.pathname === '/health') return json(response, 200, { status: 'ok' })
    return this.route(url, response, request)
  }
}

export function json(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  response.end(JSON.stringify(body))
}

/**
 * The request's bearer key, or null once a 401 was answered: the key is missing, or it is not
 * `expected` (any non-empty key passes when nothing is expected).
 */
export function bearerKeyOf(request: IncomingMessage, response: ServerResponse, expected?: string) {
  const key = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1]?.trim()
  if (!key || (expected !== undefined && key !== expected)) {
    json(response, 401, { error: { code: 'unauthorized', message: 'Missing or wrong API key' } })
    return null
  }
  return key
}

/** The body as a JSON object, or null once a 400 was answered. */
export function jsonObjectOf(body: string, response: ServerResponse): Record<string, unknown> | null {
  try {
    const payload = JSON.parse(body)
    if (typeof payload === 'object' && payload !== null && !Array.isArray(payload)) return payload
  } catch {}
  json(response, 400, { error: { code: 'bad_request', message: 'The body must be a JSON object' } })
  return null
}

/** A non-negative integer query parameter: `fallback` when absent, null when malformed. */
export function integerParameter(url: URL, name: string, fallback: number) {
  const raw = url.searchParams.get(name)
  if (raw === null || raw === '') return fallback
  return /^\d+$/.test(raw) ? Number(raw) : null
}
