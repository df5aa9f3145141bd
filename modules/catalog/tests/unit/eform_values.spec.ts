import { test } from '@japa/runner'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import i18nManager from '@adonisjs/i18n/services/main'
import type { EformField } from '#catalog/services/eform_definition'
import { validateEformValues, type EformValidationResult } from '#catalog/services/eform_values'
import { parseMoney } from '#services/money_format'
import { nationalIdBornIn } from '#tests/helpers/accounts'
import { minimalPdf } from '#catalog/tests/fixtures/documents'

function errorsOf(result: EformValidationResult) {
  if (result.valid) throw new Error(`expected errors, got ${JSON.stringify(result.values)}`)
  return result.errors
}
function valuesOf(result: EformValidationResult) {
  if (!result.valid) throw new Error(`expected valid values, got ${JSON.stringify(result.errors)}`)
  return result.values
}
const one = (field: Partial<EformField> & { kind: EformField['kind'] }, required = true) =>
  [{ key: 'gia_tri', label: 'Giá trị', required, ...field } as EformField]

test.group('PT-1 OL-11 e-form values: each kind', () => {
  test('OL-11 required fields say what is missing, in Vietnamese, by their label', async ({ assert }) => {
    const definition = [
      { key: 'ho_ten', label: 'Họ và tên', kind: 'text', required: true },
      { key: 'gioi_tinh', label: 'Giới tính', kind: 'choice', required: true, options: [{ value: 'nam', label: 'Nam' }] },
      { key: 'ban_sao', label: 'Bản sao giấy khai sinh', kind: 'file', required: true, maxSizeMb: 1, allowedTypes: ['pdf'] },
      { key: 'ghi_chu', label: 'Ghi chú', kind: 'text', required: false },
    ] as EformField[]
    const errors = errorsOf(await validateEformValues(definition, { ho_ten: null, ghi_chu: null }))
    assert.deepEqual(errors.ho_ten, ['Vui lòng nhập Họ và tên.'])
    assert.deepEqual(errors.gioi_tinh, ['Vui lòng chọn Giới tính.'])
    assert.deepEqual(errors.ban_sao, ['Vui lòng đính kèm Bản sao giấy khai sinh.'])
    assert.notProperty(errors, 'ghi_chu')
  })

  test('OL-11 messages follow the language asked for', async ({ assert }) => {
    const errors = errorsOf(
      await validateEformValues(one({ kind: 'text', label: 'Full name' }), {}, { i18n: i18nManager.locale('en') })
    )
    assert.deepEqual(errors.gia_tri, ['Please enter Full name.'])
  })

  test('PT-1.2 text: trimmed, length and pattern rules', async ({ assert }) => {
    const definition = one({ kind: 'text', minLength: 3, maxLength: 8, pattern: '[A-Z]{2}[0-9]+' })
    assert.equal(valuesOf(await validateEformValues(definition, { gia_tri: '  AB123 ' })).gia_tri, 'AB123')
    assert.include(errorsOf(await validateEformValues(definition, { gia_tri: 'A1' })).gia_tri[0], 'ít nhất 3 ký tự')
    assert.include(errorsOf(await validateEformValues(definition, { gia_tri: 'AB1234567' })).gia_tri[0], 'không quá 8')
    assert.deepEqual(errorsOf(await validateEformValues(definition, { gia_tri: 'ab123' })).gia_tri, [
      'Giá trị chưa đúng dạng yêu cầu.',
    ])
    // The pattern must match the whole value, not a part of it.
    assert.isFalse((await validateEformValues(definition, { gia_tri: 'xAB12' })).valid)
  })

  test('PT-1.2 number: decimal comma, bounds, whole numbers', async ({ assert }) => {
    const definition = one({ kind: 'number', min: 0, max: 10 })
    assert.strictEqual(valuesOf(await validateEformValues(definition, { gia_tri: '2,5' })).gia_tri, 2.5)
    assert.strictEqual(valuesOf(await validateEformValues(definition, { gia_tri: '7' })).gia_tri, 7)
    assert.deepEqual(errorsOf(await validateEformValues(definition, { gia_tri: '11' })).gia_tri, ['Giá trị không được lớn hơn 10.'])
    assert.include(errorsOf(await validateEformValues(definition, { gia_tri: 'mười' })).gia_tri[0], 'phải là một số')
    const whole = one({ kind: 'number', integer: true })
    assert.deepEqual(errorsOf(await validateEformValues(whole, { gia_tri: '1,5' })).gia_tri, ['Giá trị phải là số nguyên.'])
  })

  test('OL-11 money: 1.000.000 and other ways of writing đồng, with bounds', async ({ assert }) => {
    const definition = one({ kind: 'money', label: 'Số tiền', min: 1000, max: 5_000_000 })
    for (const typed of ['1.000.000', '1000000', '1 000 000', '1,000,000', '1.000.000 đ', '1.000.000đồng', '1000000 VND']) {
      assert.strictEqual(valuesOf(await validateEformValues(definition, { gia_tri: typed })).gia_tri, 1_000_000, typed)
    }
    assert.strictEqual(valuesOf(await validateEformValues(definition, { gia_tri: 25000 })).gia_tri, 25000)
    for (const typed of ['1.00.000', '1,5', '-1000', 'một triệu', '10.000.00']) {
      assert.deepEqual(
        errorsOf(await validateEformValues(definition, { gia_tri: typed })).gia_tri,
        ['Vui lòng ghi Số tiền bằng số tiền (đồng), ví dụ 1.000.000.'],
        typed
      )
    }
    assert.deepEqual(errorsOf(await validateEformValues(definition, { gia_tri: '500' })).gia_tri, [
      'Số tiền không được nhỏ hơn 1.000 đồng.',
    ])
    assert.deepEqual(errorsOf(await validateEformValues(definition, { gia_tri: '6.000.000' })).gia_tri, [
      'Số tiền không được lớn hơn 5.000.000 đồng.',
    ])
    assert.isNull(parseMoney('1.2.3'))
  })

  test('OL-11 dates: DD/MM/YYYY (or a date picker) stored as ISO; impossible dates refused', async ({ assert }) => {
    const definition = one({ kind: 'date', label: 'Ngày cấp' })
    assert.equal(valuesOf(await validateEformValues(definition, { gia_tri: '05/09/2020' })).gia_tri, '2020-09-05')
    assert.equal(valuesOf(await validateEformValues(definition, { gia_tri: '2020-09-05' })).gia_tri, '2020-09-05')
    assert.include(errorsOf(await validateEformValues(definition, { gia_tri: '30/02/2020' })).gia_tri[0], 'Không có ngày này')
    assert.include(errorsOf(await validateEformValues(definition, { gia_tri: '2020/9/5' })).gia_tri[0], 'DD/MM/YYYY')
  })

  test('PT-1.2 choice and shared catalogue: only listed values', async ({ assert }) => {
    const choice = one({ kind: 'choice', label: 'Giới tính', options: [{ value: 'nam', label: 'Nam' }, { value: 'nu', label: 'Nữ' }] })
    assert.equal(valuesOf(await validateEformValues(choice, { gia_tri: 'nu' })).gia_tri, 'nu')
    assert.deepEqual(errorsOf(await validateEformValues(choice, { gia_tri: 'khac' })).gia_tri, ['Vui lòng chọn Giới tính trong danh sách.'])

    const catalogue = one({ kind: 'catalogue', label: 'Dân tộc', catalogueCode: 'DAN_TOC' })
    const lists = { catalogues: { DAN_TOC: [{ value: '01', label: 'Kinh' }] } }
    assert.equal(valuesOf(await validateEformValues(catalogue, { gia_tri: '01' }, { lists })).gia_tri, '01')
    assert.isFalse((await validateEformValues(catalogue, { gia_tri: '99' }, { lists })).valid)
    // Without the catalogue's entries at hand, any code is kept for later checking.
    assert.equal(valuesOf(await validateEformValues(catalogue, { gia_tri: '99' })).gia_tri, '99')
  })

  test('PT-1.2 yes/no: both answers are answers; a required one must be given', async ({ assert }) => {
    const definition = one({ kind: 'yes_no', label: 'Đã kết hôn' })
    assert.strictEqual(valuesOf(await validateEformValues(definition, { gia_tri: 'true' })).gia_tri, true)
    assert.strictEqual(valuesOf(await validateEformValues(definition, { gia_tri: 'false' })).gia_tri, false)
    assert.strictEqual(valuesOf(await validateEformValues(definition, { gia_tri: 'on' })).gia_tri, true)
    assert.deepEqual(errorsOf(await validateEformValues(definition, {})).gia_tri, ['Vui lòng chọn Đã kết hôn.'])
    assert.isFalse((await validateEformValues(definition, { gia_tri: 'maybe' })).valid)
  })

  test('OL-10 identification numbers: 12 digits, province code, agreeing with the date of birth', async ({ assert }) => {
    const definition = [
      { key: 'ngay_sinh', label: 'Ngày sinh', kind: 'date', required: true, prefill: 'date_of_birth' },
      { key: 'so_dinh_danh', label: 'Số định danh cá nhân', kind: 'citizen_id', required: true },
    ] as EformField[]
    const born1990 = nationalIdBornIn(1990)
    const ok = valuesOf(await validateEformValues(definition, { ngay_sinh: '12/05/1990', so_dinh_danh: ` ${born1990} ` }))
    assert.equal(ok.so_dinh_danh, born1990)
    assert.deepEqual(errorsOf(await validateEformValues(definition, { ngay_sinh: '12/05/1991', so_dinh_danh: born1990 })).so_dinh_danh, [
      'Số định danh cá nhân không khớp với năm sinh đã khai (số thứ 4 đến thứ 6 thể hiện thế kỷ và năm sinh).',
    ])
    assert.deepEqual(errorsOf(await validateEformValues(definition, { ngay_sinh: '12/05/1990', so_dinh_danh: '12345' })).so_dinh_danh, [
      'Số định danh cá nhân phải gồm đúng 12 chữ số.',
    ])
    assert.include(
      errorsOf(await validateEformValues(definition, { ngay_sinh: '12/05/1990', so_dinh_danh: '999090123456' })).so_dinh_danh[0],
      'mã tỉnh'
    )
  })

  test('PT-1.2 phone and email: normalised, checked', async ({ assert }) => {
    const definition = [
      { key: 'dien_thoai', label: 'Điện thoại', kind: 'phone', required: true },
      { key: 'thu', label: 'Thư điện tử', kind: 'email', required: true },
    ] as EformField[]
    const values = valuesOf(await validateEformValues(definition, { dien_thoai: '+84 912 345 678', thu: ' An@Example.VN ' }))
    assert.equal(values.dien_thoai, '0912345678')
    assert.equal(values.thu, 'an@example.vn')
    const errors = errorsOf(await validateEformValues(definition, { dien_thoai: '12345', thu: 'an@' }))
    assert.deepEqual(errors.dien_thoai, ['Số điện thoại phải gồm 10 chữ số và bắt đầu bằng số 0.'])
    assert.include(errors.thu[0], 'chưa đúng dạng')
  })

  test('OL-11 address: province and commune, checked against the lists when given', async ({ assert }) => {
    const definition = one({ kind: 'address', label: 'Nơi cư trú' })
    const lists = {
      provinces: [{ value: '01', label: 'Hà Nội' }, { value: '48', label: 'Đà Nẵng' }],
      communes: { '01': [{ value: '00004', label: 'Phường Ba Đình' }], '48': [{ value: '20194', label: 'Phường Hải Châu' }] },
    }
    const values = valuesOf(
      await validateEformValues(definition, { gia_tri: { province: '01', commune: '00004', detail: ' 1 Hoàng Hoa Thám ' } }, { lists })
    )
    assert.deepEqual(values.gia_tri, { province: '01', commune: '00004', detail: '1 Hoàng Hoa Thám' })
    const wrongCommune = errorsOf(await validateEformValues(definition, { gia_tri: { province: '48', commune: '00004' } }, { lists }))
    assert.deepEqual(wrongCommune['gia_tri.commune'], ['Vui lòng chọn Nơi cư trú (Xã, phường, đặc khu) trong danh sách.'])
    const missing = errorsOf(await validateEformValues(definition, { gia_tri: { province: null, commune: null } }))
    assert.deepEqual(missing['gia_tri.province'], ['Vui lòng nhập Nơi cư trú (Tỉnh, thành phố).'])

    const optional = one({ kind: 'address' }, false)
    assert.notProperty(valuesOf(await validateEformValues(optional, { gia_tri: { province: null, commune: null, detail: null } })), 'gia_tri')
  })

  test('OS-2.3 files: within the field size, of an allowed type by content; stored references accepted', async ({ assert }) => {
    const folder = await mkdtemp(join(tmpdir(), 'eform-'))
    const pdfPath = join(folder, 'don.pdf')
    await writeFile(pdfPath, minimalPdf())
    const textPath = join(folder, 'gia.pdf')
    await writeFile(textPath, 'Đây không phải là PDF')
    const definition = one({ kind: 'file', label: 'Bản quét', maxSizeMb: 0.5, allowedTypes: ['pdf', 'jpg'] })

    const pdf = { tmpPath: pdfPath, size: 600, clientName: 'Đơn đề nghị.pdf', extname: 'pdf' }
    assert.equal(valuesOf(await validateEformValues(definition, { gia_tri: pdf })).gia_tri, pdf)

    const renamed = { tmpPath: textPath, size: 30, clientName: 'gia.pdf', extname: 'pdf' }
    assert.include(errorsOf(await validateEformValues(definition, { gia_tri: renamed })).gia_tri[0], 'không đúng loại cho phép (.pdf, .jpg)')

    const large = { ...pdf, size: 600 * 1024 }
    assert.deepEqual(errorsOf(await validateEformValues(definition, { gia_tri: large })).gia_tri, [
      'Tệp của Bản quét vượt quá dung lượng tối đa 0,5 MB.',
    ])
    const wrongName = { ...pdf, clientName: 'don.docx' }
    assert.isFalse((await validateEformValues(definition, { gia_tri: wrongName })).valid)

    assert.deepEqual(valuesOf(await validateEformValues(definition, { gia_tri: 'vault:42' })).gia_tri, { ref: 'vault:42' })
    assert.isFalse((await validateEformValues(definition, { gia_tri: '/etc/passwd' })).valid)
  })
})

test.group('PT-1 e-form values: repeatable groups', () => {
  const members = [
    {
      key: 'thanh_vien',
      label: 'Thành viên hộ',
      kind: 'group',
      required: false,
      minRows: 1,
      maxRows: 3,
      fields: [
        { key: 'ho_ten', label: 'Họ và tên', kind: 'text', required: true },
        { key: 'ngay_sinh', label: 'Ngày sinh', kind: 'date', required: false },
        { key: 'thu_nhap', label: 'Thu nhập', kind: 'money', required: false },
      ],
    },
  ] as EformField[]

  test('PT-1 rows are validated one by one; blank rows are dropped', async ({ assert }) => {
    const values = valuesOf(
      await validateEformValues(members, {
        thanh_vien: [
          { ho_ten: 'Nguyễn Văn An', ngay_sinh: '01/02/1980', thu_nhap: '5.000.000' },
          { ho_ten: null, ngay_sinh: null, thu_nhap: null },
          { ho_ten: 'Trần Thị Bình', ngay_sinh: null, thu_nhap: null },
        ],
      })
    )
    assert.deepEqual(values.thanh_vien, [
      { ho_ten: 'Nguyễn Văn An', ngay_sinh: '1980-02-01', thu_nhap: 5_000_000 },
      { ho_ten: 'Trần Thị Bình' },
    ])
  })

  test('PT-1 an error names the row', async ({ assert }) => {
    const errors = errorsOf(
      await validateEformValues(members, {
        thanh_vien: [{ ho_ten: 'An' }, { ho_ten: null, ngay_sinh: '31/04/1990' }],
      })
    )
    assert.deepEqual(errors['thanh_vien.1.ho_ten'], ['Vui lòng nhập Họ và tên (dòng 2).'])
    assert.include(errors['thanh_vien.1.ngay_sinh'][0], 'Ngày sinh (dòng 2)')
  })

  test('PT-1 minimum and maximum rows', async ({ assert }) => {
    assert.deepEqual(errorsOf(await validateEformValues(members, { thanh_vien: [{ ho_ten: null }] })).thanh_vien, [
      'Vui lòng nhập ít nhất 1 dòng cho Thành viên hộ.',
    ])
    const four = [1, 2, 3, 4].map((n) => ({ ho_ten: `Người ${n}` }))
    assert.deepEqual(errorsOf(await validateEformValues(members, { thanh_vien: four })).thanh_vien, [
      'Thành viên hộ chỉ được có tối đa 3 dòng.',
    ])
    // Rows sent with large indexes arrive as an object; they count the same.
    const asObject = { '0': { ho_ten: 'A' }, '25': { ho_ten: 'B' } }
    assert.lengthOf(valuesOf(await validateEformValues(members, { thanh_vien: asObject })).thanh_vien as unknown[], 2)
  })

  test('PT-1 an optional group may be left empty', async ({ assert }) => {
    const optional = [{ ...members[0], minRows: 0 }] as EformField[]
    assert.notProperty(valuesOf(await validateEformValues(optional, { thanh_vien: [{ ho_ten: null }] })), 'thanh_vien')
    assert.notProperty(valuesOf(await validateEformValues(optional, {})), 'thanh_vien')
  })
})
