import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/core/http'

export const appKey = env.get('APP_KEY')

export const http = defineConfig({
  generateRequestId: true,
  allowMethodSpoofing: true,
  // Tenants are told apart by host name; the proxy in front sets X-Forwarded-* in production.
  trustProxy: () => app.inProduction,
  useAsyncLocalStorage: true,
  redirect: { forwardQueryString: true },
  cookie: {
    domain: '',
    path: '/',
    maxAge: '2h',
    httpOnly: true,
    secure: env.get('APP_URL_SCHEME') === 'https',
    sameSite: 'lax',
  },
})
