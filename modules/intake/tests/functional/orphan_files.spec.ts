/*
 * Bytes no stored file refers to (a request failed after its upload was written) are removed by
 * `node ace files:prune-orphans` once older than the grace period; files in use, young orphans
 * and other tenants' files are left alone.
 */
import { test } from '@japa/runner'
import { utimes } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import ace from '@adonisjs/core/services/ace'
import drive from '@adonisjs/drive/services/main'
import type Tenant from '#tenancy/tenant'
import { withTenant } from '#tenancy/tenant_context'
import { intakeSetting } from '#intake/tests/helpers'
import { minimalPdf, uploadOf } from '#intake/tests/fixtures/files'
import { readStoredFile, storeUploadedFile, StoredFile } from '#intake/index'
import PruneOrphanFiles from '#intake/commands/prune_orphan_files'

/** Stores a file in a transaction that then fails: its bytes stay on the disk, its row does not. */
async function failedUpload(tenant: Tenant, name: string) {
  const upload = await uploadOf(minimalPdf(), name)
  let key = ''
  await withTenant(tenant, async () => {
    key = (await storeUploadedFile(upload)).storageKey
    throw new Error('the request failed after the upload')
  }).catch((error) => {
    if (!String(error.message).includes('after the upload')) throw error
  })
  return key
}

function ageHours(key: string, hours: number) {
  const at = new Date(Date.now() - hours * 3600_000)
  return utimes(app.makePath('storage', 'files-test', key), at, at)
}

async function runCommand(args: string[]) {
  ace.ui.switchMode('raw')
  try {
    const command = await ace.create(PruneOrphanFiles, args)
    await command.exec()
    return { command, output: command.logger.getLogs().map((log) => log.message).join('\n') }
  } finally {
    ace.ui.switchMode('normal')
  }
}

test.group('Orphaned upload bytes', () => {
  test('NF-10 `files:prune-orphans` removes old bytes no stored file refers to, and nothing else', async ({ assert }) => {
    const { tenant } = await intakeSetting()
    const other = await intakeSetting()
    const kept = await withTenant(tenant, async () => storeUploadedFile(await uploadOf(minimalPdf(), 'to-khai.pdf')))
    await ageHours(kept.storageKey, 72)
    const oldOrphan = await failedUpload(tenant, 'bi-loi.pdf')
    await ageHours(oldOrphan, 30)
    const youngOrphan = await failedUpload(tenant, 'dang-tai.pdf')
    const otherTenantOrphan = await failedUpload(other.tenant, 'don-vi-khac.pdf')
    await ageHours(otherTenantOrphan, 30)
    assert.isTrue(await drive.use('files').exists(oldOrphan), 'the failed request left its bytes')
    assert.isNull(await withTenant(tenant, () => StoredFile.findBy('storage_key', oldOrphan)))

    // A dry run names the orphan and removes nothing.
    const dry = await runCommand([`--tenant=${tenant.code}`, '--dry-run'])
    dry.command.assertSucceeded()
    // (The test disk keeps files of earlier runs whose tenants had the same id: count loosely.)
    assert.match(dry.output, new RegExp(`${tenant.code}: \\d+ file\\(s\\) scanned, would remove \\d+ orphan\\(s\\)`))
    assert.include(dry.output, oldOrphan)
    assert.notInclude(dry.output, youngOrphan)
    assert.notInclude(dry.output, kept.storageKey)
    assert.isTrue(await drive.use('files').exists(oldOrphan))

    const run = await runCommand([`--tenant=${tenant.code}`])
    run.command.assertSucceeded()
    assert.match(run.output, new RegExp(`${tenant.code}: \\d+ file\\(s\\) scanned, removed \\d+ orphan\\(s\\)`))
    assert.isFalse(await drive.use('files').exists(oldOrphan))
    assert.isTrue(await drive.use('files').exists(youngOrphan), 'a young orphan may belong to a request still running')
    assert.isTrue(await drive.use('files').exists(otherTenantOrphan), 'another tenant was not asked for')
    const bytes = await withTenant(tenant, async () => readStoredFile(await StoredFile.findOrFail(kept.id)))
    assert.deepEqual(bytes, minimalPdf())
  })

  test('NF-10 a grace period under one hour is refused: a running upload could lose its bytes', async ({ assert }) => {
    const { tenant } = await intakeSetting()
    const orphan = await failedUpload(tenant, 'dang-tai.pdf')
    const { command } = await runCommand([`--tenant=${tenant.code}`, '--hours=0'])
    assert.equal(command.exitCode, 1)
    assert.isTrue(await drive.use('files').exists(orphan))
  })
})
