import { test } from '@japa/runner'
import { canonicalJson, hashEvent, type ChainedFields } from '#intake/services/trail'

const fields: ChainedFields = {
  tenantId: 1,
  dossierId: 2,
  sequence: 1,
  occurredAt: '2026-04-15T03:00:00.000Z',
  actorId: null,
  actorName: 'Hệ thống',
  stepKey: 'tiep_nhan',
  action: 'receive',
  fromStatus: null,
  toStatus: 'duoc_tiep_nhan',
  comment: null,
  attachments: [{ sha256: 'ab', name: 'đơn.pdf' }],
  public: true,
  previousHash: null,
}

test.group('OS-18.1 trail hashing', () => {
  test('OS-18.1 canonical JSON sorts keys at every level and ignores their order', ({ assert }) => {
    assert.equal(canonicalJson({ b: 1, a: [{ d: null, c: 'x' }] }), '{"a":[{"c":"x","d":null}],"b":1}')
    assert.equal(canonicalJson({ a: 1, b: 2 }), canonicalJson({ b: 2, a: 1 }))
  })

  test('OS-18.1 the hash is SHA-256 hex and changes with any field or the previous hash', ({ assert }) => {
    const hash = hashEvent(fields)
    assert.match(hash, /^[0-9a-f]{64}$/)
    assert.equal(hashEvent({ ...fields, attachments: [{ name: 'đơn.pdf', sha256: 'ab' }] }), hash)
    assert.notEqual(hashEvent({ ...fields, comment: '' }), hash)
    assert.notEqual(hashEvent({ ...fields, public: false }), hash)
    assert.notEqual(hashEvent({ ...fields, previousHash: 'f'.repeat(64) }), hash)
    assert.notEqual(hashEvent({ ...fields, occurredAt: '2026-04-15T03:00:00.001Z' }), hash)
  })
})
