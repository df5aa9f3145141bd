/*
 * How responses leave the server: compression, long-lived fingerprinted assets, security
 * headers and cookies, HTTPS with TLS 1.2 at least (NF-5), display and language choices.
 */
import { test } from '@japa/runner'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { request as httpsRequest } from 'node:https'
import { connect } from 'node:tls'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import server from '@adonisjs/core/services/server'
import { createNodeServer } from '#http/node_server'
import { assetUrl } from '#http/assets'
import { createTenant, hostOf } from '#tests/helpers/tenants'

test.group('Delivery over HTTP', () => {
  test('NF-1 HTML pages are compressed for browsers that accept it', async ({ client, assert }) => {
    const tenant = await createTenant()
    const response = await client.get('/').header('host', hostOf(tenant)).header('accept-encoding', 'gzip')
    response.assertStatus(200)
    response.assertHeader('content-encoding', 'gzip')
    assert.include(response.text(), tenant.name)
  })

  test('front-end files have fingerprinted names, a one-year immutable cache and brotli', async ({ client, assert }) => {
    const tenant = await createTenant()
    const home = await client.get('/').header('host', hostOf(tenant))
    const htmxPath = assetUrl('htmx.js')
    assert.match(htmxPath, /^\/assets\/htmx\.[0-9a-f]{12}\.js$/)
    assert.include(home.text(), htmxPath)

    const asset = await client.get(htmxPath).header('host', hostOf(tenant)).header('accept-encoding', 'br')
    asset.assertStatus(200)
    asset.assertHeader('content-encoding', 'br')
    asset.assertHeader('cache-control', 'public, max-age=31536000, immutable')
    assert.include(asset.text(), 'htmx')

    const stale = await client.get('/assets/htmx.000000000000.js').header('host', hostOf(tenant))
    stale.assertStatus(404)
  })

  test('SEC pages carry a CSP without inline script, frame and sniffing protection', async ({ client, assert }) => {
    const tenant = await createTenant()
    const response = await client.get('/dang-nhap').header('host', hostOf(tenant))
    const policy = response.header('content-security-policy')
    assert.include(policy, "script-src 'self'")
    assert.notInclude(policy, 'unsafe-inline')
    assert.notInclude(policy, 'unsafe-eval')
    assert.include(policy, "frame-ancestors 'none'")
    response.assertHeader('x-frame-options', 'DENY')
    response.assertHeader('x-content-type-options', 'nosniff')
    assert.notMatch(response.text(), /<script(?![^>]*\ssrc=)[^>]*>/, 'an inline <script> block')
  })

  test('SEC the session cookie is HttpOnly and SameSite', async ({ client, assert }) => {
    const tenant = await createTenant()
    const response = await client.get('/dang-nhap').header('host', hostOf(tenant))
    const cookies = ([] as string[]).concat(response.header('set-cookie') ?? [])
    const session = cookies.find((cookie) => cookie.startsWith('dvc-session='))
    assert.exists(session)
    assert.match(session!, /HttpOnly/i)
    assert.match(session!, /SameSite=Lax/i)
  })

  test('NF-5 HTTPS is served when a certificate is configured, and TLS below 1.2 is refused', async ({ assert, cleanup }) => {
    const folder = mkdtempSync(join(tmpdir(), 'dvc-tls-'))
    cleanup(() => rmSync(folder, { recursive: true, force: true }))
    const certFile = join(folder, 'cert.pem')
    const keyFile = join(folder, 'key.pem')
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost',
      '-keyout', keyFile, '-out', certFile,
    ], { stdio: 'ignore' })

    const previous = { cert: process.env.TLS_CERT_FILE, key: process.env.TLS_KEY_FILE, scheme: process.env.APP_URL_SCHEME }
    process.env.TLS_CERT_FILE = certFile
    process.env.TLS_KEY_FILE = keyFile
    const httpsServer = createNodeServer(server.handle.bind(server))
    process.env.TLS_CERT_FILE = previous.cert ?? ''
    process.env.TLS_KEY_FILE = previous.key ?? ''
    if (previous.scheme === undefined) delete process.env.APP_URL_SCHEME
    else process.env.APP_URL_SCHEME = previous.scheme
    await new Promise<void>((resolve) => httpsServer.listen(0, '127.0.0.1', resolve))
    cleanup(() => new Promise<void>((resolve) => httpsServer.close(() => resolve())))
    const { port } = httpsServer.address() as AddressInfo

    const body = await new Promise<string>((resolve, reject) => {
      httpsRequest({ host: '127.0.0.1', port, path: '/health/live', rejectUnauthorized: false }, (response) => {
        let text = ''
        response.on('data', (chunk) => (text += chunk))
        response.on('end', () => resolve(text))
      }).on('error', reject).end()
    })
    assert.deepEqual(JSON.parse(body), { status: 'ok' })

    const negotiate = (options: { minVersion: any; maxVersion: any }) =>
      new Promise<string>((resolve) => {
        const socket = connect({ host: '127.0.0.1', port, rejectUnauthorized: false, ciphers: 'DEFAULT@SECLEVEL=0', ...options }, () => {
          resolve(socket.getProtocol() ?? 'none')
          socket.end()
        })
        socket.on('error', () => resolve('refused'))
      })
    assert.equal(await negotiate({ minVersion: 'TLSv1', maxVersion: 'TLSv1.1' }), 'refused')
    assert.equal(await negotiate({ minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2' }), 'TLSv1.2')
  })
})

test.group('Display and language choices', () => {
  test('OL-17 the display choice is kept in a cookie and applied to the next page', async ({ client, assert }) => {
    const tenant = await createTenant()
    const choice = await client
      .post('/tuy-chon-hien-thi')
      .header('host', hostOf(tenant))
      .form({ font_size: 'larger', return_to: '/gioi-thieu' })
      .withCsrfToken()
      .redirects(0)
    choice.assertStatus(302)
    choice.assertHeader('location', '/gioi-thieu')
    const cookie = choice.cookie('display')
    assert.exists(cookie)

    const next = await client.get('/gioi-thieu').header('host', hostOf(tenant)).withCookie('display', cookie!.value)
    assert.match(next.text(), /<html lang="vi" class="[^"]*font-larger/)
  })

  test('the English locale can be chosen and Vietnamese stays the default', async ({ client, assert }) => {
    const tenant = await createTenant()
    const vietnamese = await client.get('/dang-nhap').header('host', hostOf(tenant))
    assert.include(vietnamese.text(), '<html lang="vi"')
    assert.include(vietnamese.text(), 'Đăng nhập')

    const choice = await client
      .post('/ngon-ngu')
      .header('host', hostOf(tenant))
      .form({ locale: 'en', return_to: '/dang-nhap' })
      .withCsrfToken()
      .redirects(0)
    const english = await client
      .get('/dang-nhap')
      .header('host', hostOf(tenant))
      .withCookie('locale', choice.cookie('locale')!.value)
    assert.include(english.text(), '<html lang="en"')
    assert.include(english.text(), 'Forgot your password?')

    const unknown = await client
      .post('/ngon-ngu')
      .header('host', hostOf(tenant))
      .form({ locale: 'xx', return_to: '//evil.example/' })
      .withCsrfToken()
      .redirects(0)
    unknown.assertHeader('location', '/')
    assert.isUndefined(unknown.cookie('locale'))
  })
})
