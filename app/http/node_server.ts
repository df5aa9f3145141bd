/*
 * The Node server under AdonisJS: compression for every response (HTML and static files), and
 * HTTPS with TLS 1.2 at least when a certificate is configured (NF-5, OL-19).
 */
import { readFileSync } from 'node:fs'
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import compression from 'compression'

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown

export function createNodeServer(handler: Handler) {
  const compress = compression({ threshold: 512 })
  const compressed = (req: IncomingMessage, res: ServerResponse) => {
    compress(req as any, res as any, () => handler(req, res))
  }

  const certFile = process.env.TLS_CERT_FILE
  const keyFile = process.env.TLS_KEY_FILE
  if (certFile && keyFile) {
    process.env.APP_URL_SCHEME = 'https'
    return createHttpsServer(
      { cert: readFileSync(certFile), key: readFileSync(keyFile), minVersion: 'TLSv1.2' },
      compressed
    )
  }
  return createHttpServer(compressed)
}
