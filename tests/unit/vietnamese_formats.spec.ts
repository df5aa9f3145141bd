import { test } from '@japa/runner'
import vine from '@vinejs/vine'
import { DateTime } from 'luxon'
import { formatDate, formatDateTime, formatTime } from '#services/vietnamese_format'
import { dateOfBirthField, parseVietnameseDate, personalIdentificationNumber, vietnamesePhone } from '#users/validators/rules'
import { safeReturnPath } from '#http/safe_return_path'
import { hostNameOf } from '#tenancy/tenant_resolver'

test.group('NF-15 dates and times in Vietnam time', () => {
  test('NF-15 dates read DD/MM/YYYY and times hh:mm:ss in Asia/Ho_Chi_Minh whatever the input zone', ({ assert }) => {
    const moment = DateTime.fromISO('2026-11-23T17:30:05Z')
    assert.equal(formatDate(moment), '24/11/2026')
    assert.equal(formatTime(moment), '00:30:05')
    assert.equal(formatDateTime(moment), '00:30:05 24/11/2026')
    assert.equal(formatDate(null), '')
  })

  test('typed dates are read day first, and impossible dates are not dates', ({ assert }) => {
    assert.equal(parseVietnameseDate('05/09/1990')!.toISODate(), '1990-09-05')
    assert.equal(parseVietnameseDate('5-9-1990')!.toISODate(), '1990-09-05')
    assert.equal(parseVietnameseDate('1990-09-05')!.toISODate(), '1990-09-05')
    assert.isNull(parseVietnameseDate('29/02/2023'))
    assert.equal(parseVietnameseDate('29/02/2024')!.toISODate(), '2024-02-29')
    assert.isNull(parseVietnameseDate('09/1990'))
  })
})

test.group('OL-10 identity rules', () => {
  const identity = vine.create(
    vine.object({
      date_of_birth: dateOfBirthField(),
      national_id: vine.string().use(personalIdentificationNumber({ birthDateField: 'date_of_birth' })),
      phone: vine.string().use(vietnamesePhone()),
    })
  )

  test('OL-10 a personal identification number agrees with the century and year of birth', async ({ assert }) => {
    const born1990 = await identity.validate({ date_of_birth: '12/05/1990', national_id: '001190012345', phone: '0912345678' })
    assert.equal(born1990.national_id, '001190012345')
    const born2004 = await identity.validate({ date_of_birth: '01/01/2004', national_id: '079304000123', phone: '0912345678' })
    assert.equal(born2004.date_of_birth.year, 2004)
    await assert.rejects(() =>
      identity.validate({ date_of_birth: '01/01/2004', national_id: '079004000123', phone: '0912345678' })
    )
  })

  test('phone numbers are stored as 10 digits whatever the spacing or +84 prefix', async ({ assert }) => {
    const withPrefix = await identity.validate({ date_of_birth: '12/05/1990', national_id: '001090012345', phone: '+84 912 345 678' })
    assert.equal(withPrefix.phone, '0912345678')
    const dotted = await identity.validate({ date_of_birth: '12/05/1990', national_id: '001090012345', phone: '0912.345.678' })
    assert.equal(dotted.phone, '0912345678')
  })
})

test.group('Safe redirects and host names', () => {
  test('only same-site paths are followed after login or a settings change', ({ assert }) => {
    assert.equal(safeReturnPath('/tai-khoan'), '/tai-khoan')
    assert.equal(safeReturnPath('//evil.example/x'), '/')
    assert.equal(safeReturnPath('/\\evil.example'), '/')
    assert.equal(safeReturnPath('https://evil.example/'), '/')
    assert.equal(safeReturnPath(undefined, '/mot-cua'), '/mot-cua')
  })

  test('the host name is read without port and case', ({ assert }) => {
    assert.equal(hostNameOf('HaNoi.LocalHost:3333'), 'hanoi.localhost')
    assert.equal(hostNameOf('[::1]:3333'), '[::1]')
    assert.equal(hostNameOf(undefined), '')
  })
})
