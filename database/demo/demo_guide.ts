import { DEMO_PASSWORD, DEMO_TENANTS } from '#database/demo/demo_tenants'

/** Printed at start-up in development, so whoever ran `npm start` knows where to go. */
export function printDemoGuide() {
  const port = process.env.PORT ?? '3333'
  const lines = ['', 'Demo portals (password of every demo account: ' + DEMO_PASSWORD + ')']
  for (const demo of DEMO_TENANTS) {
    lines.push(`  ${demo.name}: http://${demo.hostNames[0]}:${port}/`)
    lines.push(`    citizen  ${demo.citizen.nationalId} (or ${demo.citizen.email})`)
    for (const officer of demo.officers) {
      lines.push(`    officer  ${officer.email.padEnd(32)} ${officer.roles.join(', ')}`)
    }
  }
  lines.push(`  Index of tenants: http://localhost:${port}/`, '')
  console.log(lines.join('\n'))
}
