import { test } from '@japa/runner'
import { getCommand, getMetaData } from '#intake/commands/main'
import VerifyTrail from '#intake/commands/verify_trail'

test.group('OS-18.1 intake commands', () => {
  test('OS-18.1 the module loader offers trail:verify with its flags', async ({ assert }) => {
    const [meta] = await getMetaData()
    assert.equal(meta.commandName, 'trail:verify')
    assert.deepEqual(
      meta.flags.map((flag) => flag.name),
      ['tenant', 'dossier']
    )
    assert.strictEqual(await getCommand(meta), VerifyTrail)
  })
})
