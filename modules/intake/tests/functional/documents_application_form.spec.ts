/*
 * OS-12.2: the application form of a dossier filed online, printed with the values the applicant
 * entered in the e-form version they filed with, read back from the PDF.
 */
import { test } from '@japa/runner'
import { withTenant } from '#tenancy/tenant_context'
import { Procedure, type EformField } from '#catalog/index'
import { saveEformVersion } from '#catalog/actions/save_eform_version'
import { assertNotFoundAcrossTenants } from '#tests/helpers/cross_tenant'
import { pdfText } from '#intake/tests/document_readers'
import { APPLICANT, acceptedDossier, bytesOf, documentSetting, getFile } from '#intake/tests/document_fixtures'

const FIELDS: EformField[] = [
  { key: 'ho_ten_tre', kind: 'text', label: 'Họ, chữ đệm, tên của trẻ', required: true },
  { key: 'ngay_sinh', kind: 'date', label: 'Ngày, tháng, năm sinh', required: true },
  {
    key: 'gioi_tinh',
    kind: 'choice',
    label: 'Giới tính',
    required: true,
    options: [
      { value: 'nam', label: 'Nam' },
      { value: 'nu', label: 'Nữ' },
    ],
  },
  { key: 'dang_ky_lai', kind: 'yes_no', label: 'Đăng ký lại', required: false },
  { key: 'le_phi', kind: 'money', label: 'Lệ phí đã nộp', required: false },
  { key: 'ghi_chu', kind: 'text', label: 'Ghi chú thêm', required: false },
  {
    key: 'nguoi_lam_chung',
    kind: 'group',
    label: 'Người làm chứng',
    required: false,
    minRows: 0,
    maxRows: 5,
    fields: [
      { key: 'ho_ten', kind: 'text', label: 'Họ và tên', required: true },
      { key: 'so_dinh_danh', kind: 'citizen_id', label: 'Số định danh cá nhân', required: true },
    ],
  },
]

test.group('OS-12.2 application form', () => {
  test('OS-12.2 the application form of an online dossier prints the applicant and every e-form value', async ({ client, assert }) => {
    const setting = await documentSetting()
    const eform = await withTenant(setting.tenant, async () =>
      saveEformVersion(await Procedure.findOrFail(setting.procedureId), FIELDS, null)
    )
    const dossier = await acceptedDossier(setting, '2026-04-15T08:00:00', {
      channel: 'online',
      statusCode: 'moi_dang_ky',
      event: { action: 'submit', actorName: APPLICANT.fullName, public: true },
      eformId: eform.id,
      eformVersion: eform.version,
      formValues: {
        ho_ten_tre: 'Nguyễn Minh Khôi',
        ngay_sinh: '2026-03-01',
        gioi_tinh: 'nam',
        dang_ky_lai: false,
        le_phi: 8000,
        nguoi_lam_chung: [{ ho_ten: 'Trần Văn Chứng', so_dinh_danh: '001080012345' }],
      },
    })
    const response = await getFile(client, setting, `/mot-cua/ho-so/${dossier.id}/to-khai.pdf`)
    response.assertStatus(200)
    assert.equal(response.header('content-type'), 'application/pdf')
    const text = await pdfText(bytesOf(response))
    for (const expected of [
      'TỜ KHAI',
      'Đăng ký khai sinh',
      `Mã hồ sơ: ${dossier.code}`,
      `Người nộp hồ sơ: ${APPLICANT.fullName}`,
      APPLICANT.nationalId,
      'Họ, chữ đệm, tên của trẻ: Nguyễn Minh Khôi',
      'Ngày, tháng, năm sinh: 01/03/2026',
      'Giới tính: Nam',
      'Đăng ký lại: Không',
      'Lệ phí đã nộp: 8.000 đ',
      'Ghi chú thêm: ……………………',
      'Người làm chứng:',
      'Trần Văn Chứng',
      '001080012345',
      'NGƯỜI KÊ KHAI',
    ]) {
      assert.include(text, expected)
    }
  })

  test('OS-12.2 a dossier filed without an e-form has no application form to print', async ({ client }) => {
    const setting = await documentSetting()
    const dossier = await acceptedDossier(setting)
    ;(await getFile(client, setting, `/mot-cua/ho-so/${dossier.id}/to-khai.pdf`)).assertStatus(404)
  })

  test('OS-12.2 the application form is for the tenant’s officers only', async ({ client }) => {
    const setting = await documentSetting()
    const dossier = await acceptedDossier(setting)
    ;(await getFile(client, setting, `/mot-cua/ho-so/${dossier.id}/to-khai.pdf`, setting.citizen)).assertStatus(403)
    await assertNotFoundAcrossTenants(client, {
      method: 'get',
      path: (id) => `/mot-cua/ho-so/${id}/to-khai.pdf`,
      owner: setting.tenant,
      id: dossier.id,
    })
  })
})
