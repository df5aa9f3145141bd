// Runs before `npm test` with whatever Node the machine has: installs the npm packages when a
// fresh clone has none, and Debian's Chromium for the browser suite (as root, with apt-get).
import { execSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const run = (command) => execSync(command, { stdio: 'inherit' })

if (!existsSync('node_modules/.bin/node') || !existsSync('node_modules/@adonisjs/core')) {
  console.log('Installing npm packages (npm ci)…')
  run('npm ci --no-audit --no-fund')
}

const chromium = '/usr/bin/chromium'
if (!existsSync(chromium)) {
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log('Installing Chromium for the browser tests (apt-get install chromium)…')
    run('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium')
  } else {
    console.error(
      'The browser tests need Debian\'s Chromium at /usr/bin/chromium. Install it with\n' +
        '  sudo apt-get install chromium\nthen run npm test again.'
    )
    process.exit(1)
  }
}
