import { test } from '@japa/runner'
import { errors } from '@vinejs/vine'
import i18nManager from '@adonisjs/i18n/services/main'
import {
  eformDefinitionMessages,
  findField,
  parseOptionLines,
  validateEformDefinition,
  validateEformField,
} from '#catalog/services/eform_definition'

const messages = () => eformDefinitionMessages(i18nManager.locale('vi'))

async function refusal(input: unknown): Promise<{ field: string; message: string; rule: string }[]> {
  try {
    await validateEformDefinition(input, messages())
  } catch (error) {
    if (error instanceof errors.E_VALIDATION_ERROR) return error.messages
    throw error
  }
  throw new Error('expected the definition to be refused')
}

const everyKind = {
  fields: [
    { key: 'ho_ten', label: 'Họ và tên', kind: 'text', required: true, prefill: 'full_name', maxLength: 100 },
    { key: 'so_con', label: 'Số con', kind: 'number', min: 0, max: 20, integer: true },
    { key: 'le_phi', label: 'Số tiền', kind: 'money', min: 0 },
    { key: 'ngay_sinh', label: 'Ngày sinh', kind: 'date', prefill: 'date_of_birth' },
    { key: 'gioi_tinh', label: 'Giới tính', kind: 'choice', options: [{ value: 'nam', label: 'Nam' }, { value: 'nu', label: 'Nữ' }] },
    { key: 'da_ket_hon', label: 'Đã kết hôn', kind: 'yes_no' },
    { key: 'so_dinh_danh', label: 'Số định danh cá nhân', kind: 'citizen_id', prefill: 'national_id' },
    { key: 'dien_thoai', label: 'Điện thoại', kind: 'phone', prefill: 'phone' },
    { key: 'thu_dien_tu', label: 'Thư điện tử', kind: 'email', prefill: 'email' },
    { key: 'dia_chi', label: 'Nơi cư trú', kind: 'address', required: true },
    { key: 'dan_toc', label: 'Dân tộc', kind: 'catalogue', catalogueCode: 'DAN_TOC' },
    { key: 'giay_khai_sinh', label: 'Giấy khai sinh', kind: 'file', maxSizeMb: 5, allowedTypes: ['pdf', 'jpg'], prefill: 'vault:GKS' },
    {
      key: 'thanh_vien',
      label: 'Thành viên hộ',
      kind: 'group',
      minRows: 1,
      maxRows: 10,
      fields: [
        { key: 'ho_ten', label: 'Họ và tên', kind: 'text', required: true },
        { key: 'quan_he', label: 'Quan hệ', kind: 'choice', options: [{ value: 'con', label: 'Con' }] },
      ],
    },
  ],
}

test.group('PT-1.1 PT-1.2 e-form definitions', () => {
  test('PT-1.1 accepts every field kind, with prefill from the profile and from the vault', async ({ assert }) => {
    const fields = await validateEformDefinition(everyKind, messages())
    assert.lengthOf(fields, 13)
    assert.deepEqual(
      fields.map((field) => field.kind),
      ['text', 'number', 'money', 'date', 'choice', 'yes_no', 'citizen_id', 'phone', 'email', 'address', 'catalogue', 'file', 'group']
    )
    assert.equal(fields[0].prefill, 'full_name')
    assert.isTrue(fields[0].required)
    assert.isFalse(fields[1].required)
    const group = findField(fields, 'thanh_vien')
    assert.equal(group?.kind, 'group')
    assert.equal(findField(fields, 'thanh_vien.quan_he')?.label, 'Quan hệ')
    assert.deepEqual((findField(fields, 'giay_khai_sinh') as any).allowedTypes, ['pdf', 'jpg'])
  })

  test('PT-1.2 properties of another kind are dropped, not stored', async ({ assert }) => {
    const [field] = await validateEformDefinition({
      fields: [{ key: 'ngay', label: 'Ngày', kind: 'date', options: [{ value: 'x', label: 'x' }], maxSizeMb: 3 }],
    })
    assert.deepEqual(field, { key: 'ngay', label: 'Ngày', kind: 'date', required: false })
  })

  test('PT-1.2 refuses two fields with the same key, naming the key', async ({ assert }) => {
    const problems = await refusal({
      fields: [
        { key: 'ho_ten', label: 'Họ và tên', kind: 'text' },
        { key: 'ho_ten', label: 'Tên khác', kind: 'text' },
      ],
    })
    assert.equal(problems[0].rule, 'eformDuplicateKey')
    assert.include(problems[0].message, '“ho_ten”')
  })

  test('PT-1.2 refuses duplicate keys inside a group too', async ({ assert }) => {
    const problems = await refusal({
      fields: [
        {
          key: 'nhom',
          label: 'Nhóm',
          kind: 'group',
          minRows: 0,
          maxRows: 3,
          fields: [
            { key: 'a', label: 'A', kind: 'text' },
            { key: 'a', label: 'B', kind: 'text' },
          ],
        },
      ],
    })
    assert.equal(problems[0].rule, 'eformDuplicateKey')
  })

  test('PT-1.2 a choice needs options, with distinct values', async ({ assert }) => {
    const missing = await refusal({ fields: [{ key: 'chon', label: 'Chọn', kind: 'choice' }] })
    assert.equal(missing[0].field, 'fields.0.options')
    assert.match(missing[0].message, /^Trường thứ 1: /)

    const empty = await refusal({ fields: [{ key: 'chon', label: 'Chọn', kind: 'choice', options: [] }] })
    assert.equal(empty[0].rule, 'array.minLength')

    const twice = await refusal({ fields: [{ key: 'chon', label: 'Chọn', kind: 'choice', options: 'a\na | Khác' }] })
    assert.equal(twice[0].rule, 'eformDuplicateOption')
  })

  test('PT-1.2 refuses bad keys, unknown kinds, bad patterns, bad prefill and inverted bounds', async ({ assert }) => {
    const rules = async (field: Record<string, unknown>) =>
      (await refusal({ fields: [{ label: 'Nhãn', kind: 'text', key: 'ok', ...field }] })).map((p) => p.rule)
    assert.include(await rules({ key: 'Họ tên' }), 'regex')
    assert.include(await rules({ key: '1abc' }), 'regex')
    assert.include(await rules({ kind: 'signature' }), 'enum')
    assert.include(await rules({ pattern: '([a-z' }), 'eformPattern')
    assert.include(await rules({ prefill: 'password' }), 'eformPrefill')
    assert.include(await rules({ prefill: 'vault:' }), 'eformPrefill')
    assert.include(await rules({ minLength: 10, maxLength: 5 }), 'eformBounds')
    assert.include(await rules({ kind: 'number', min: 10, max: 1 }), 'eformBounds')
    assert.include(await rules({ label: null }), 'required')
    assert.include(await rules({ label: '' }), 'minLength')
  })

  test('PT-1.2 a file field needs its size limit and its types; a group its row bounds; a catalogue its code', async ({
    assert,
  }) => {
    const file = await refusal({ fields: [{ key: 'tep', label: 'Tệp', kind: 'file' }] })
    assert.sameMembers(file.map((p) => p.field), ['fields.0.maxSizeMb', 'fields.0.allowedTypes'])
    const tooBig = await refusal({ fields: [{ key: 'tep', label: 'Tệp', kind: 'file', maxSizeMb: 500, allowedTypes: ['pdf'] }] })
    assert.equal(tooBig[0].rule, 'max')
    const exe = await refusal({ fields: [{ key: 'tep', label: 'Tệp', kind: 'file', maxSizeMb: 5, allowedTypes: ['exe'] }] })
    assert.equal(exe[0].rule, 'enum')

    const group = await refusal({ fields: [{ key: 'nhom', label: 'Nhóm', kind: 'group', minRows: 5, maxRows: 2 }] })
    assert.equal(group[0].rule, 'eformBounds')
    const nested = await refusal({
      fields: [
        {
          key: 'nhom',
          label: 'Nhóm',
          kind: 'group',
          minRows: 0,
          maxRows: 2,
          fields: [{ key: 'con', label: 'Con', kind: 'group', minRows: 0, maxRows: 1 }],
        },
      ],
    })
    assert.equal(nested[0].field, 'fields.0.fields.0.kind')
    assert.match(nested[0].message, /^Trường thứ 1, trường con thứ 1: /)

    const catalogue = await refusal({ fields: [{ key: 'dm', label: 'Danh mục', kind: 'catalogue' }] })
    assert.equal(catalogue[0].field, 'fields.0.catalogueCode')
  })

  test('PT-1.2 one field from the admin form: checkbox values, options typed one a line', async ({ assert }) => {
    const field = await validateEformField({
      key: 'loai',
      label: 'Loại',
      kind: 'choice',
      required: 'on',
      options: 'a | Loại A\r\nLoại B\n\n',
      help: null,
    })
    assert.deepEqual(field, {
      key: 'loai',
      label: 'Loại',
      kind: 'choice',
      required: true,
      options: [
        { value: 'a', label: 'Loại A' },
        { value: 'Loại B', label: 'Loại B' },
      ],
    })
    const file = await validateEformField({ key: 'tep', label: 'Tệp', kind: 'file', maxSizeMb: '2.5', allowedTypes: 'pdf' })
    assert.deepEqual((file as any).allowedTypes, ['pdf'])
    assert.equal((file as any).maxSizeMb, 2.5)
    assert.deepEqual(parseOptionLines(' x|  '), [{ value: 'x', label: 'x' }])
  })
})
