/*
 * The demo tenants (hanoi.localhost, danang.localhost, botuphap.localhost) for tests that need a
 * realistic catalogue. Seeding twice in one test database would fail on the unique host names,
 * and several specs want them in the same run, so this seeds only when Hà Nội (H26) is missing.
 */
import Tenant from '#tenancy/tenant'
import { seedDemoData } from '#database/demo/seed_demo_data'

let seeding: Promise<void> | undefined

/** Seeds the demo data unless this test database has it already; returns the Hà Nội tenant. */
export async function ensureDemoData(): Promise<Tenant> {
  seeding ??= (async () => {
    const existing = await Tenant.query().where('code', 'H26').first()
    if (!existing) await seedDemoData()
  })()
  try {
    await seeding
  } catch (error) {
    seeding = undefined
    throw error
  }
  return Tenant.query().where('code', 'H26').firstOrFail()
}
