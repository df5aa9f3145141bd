/*
 * A demo e-form (PT-1.1, PT-1.2) for "Thủ tục đăng ký khai sinh" in every province tenant: the
 * birth registration declaration (Circular 04/2020/TT-BTP's form), with the applicant's details
 * prefilled from the account, help at each field, the child's details and the residence address
 * picked from the administrative units.
 */
import type Tenant from '#tenancy/tenant'
import { withTenant } from '#tenancy/tenant_context'
import Procedure from '#catalog/models/procedure'
import { saveEformVersion } from '#catalog/actions/save_eform_version'
import type { EformField } from '#catalog/services/eform_definition'

export const BIRTH_REGISTRATION = 'Thủ tục đăng ký khai sinh'

export const BIRTH_REGISTRATION_EFORM: EformField[] = [
  { key: 'applicant_name', kind: 'text', label: 'Họ, chữ đệm, tên người yêu cầu', required: true, prefill: 'full_name', maxLength: 100, help: 'Viết đúng như trên thẻ Căn cước hoặc giấy tờ tùy thân.' },
  { key: 'applicant_id', kind: 'citizen_id', label: 'Số định danh cá nhân của người yêu cầu', required: true, prefill: 'national_id', help: '12 chữ số trên thẻ Căn cước.' },
  { key: 'applicant_phone', kind: 'phone', label: 'Số điện thoại', required: true, prefill: 'phone', help: 'Để cán bộ liên hệ khi cần bổ sung hồ sơ.' },
  { key: 'applicant_email', kind: 'email', label: 'Thư điện tử', required: false, prefill: 'email', help: 'Để nhận thông báo về hồ sơ.' },
  {
    key: 'relationship',
    kind: 'choice',
    label: 'Quan hệ với người được khai sinh',
    required: true,
    help: 'Người đi đăng ký là cha, mẹ, ông, bà hoặc người thân thích khác.',
    options: [
      { value: 'cha', label: 'Cha' },
      { value: 'me', label: 'Mẹ' },
      { value: 'ong_ba', label: 'Ông, bà' },
      { value: 'khac', label: 'Người thân thích khác' },
    ],
  },
  { key: 'child_name', kind: 'text', label: 'Họ, chữ đệm, tên người được khai sinh', required: true, maxLength: 100, help: 'Viết chữ in hoa có dấu, ví dụ NGUYỄN THỊ AN.' },
  {
    key: 'child_sex',
    kind: 'choice',
    label: 'Giới tính',
    required: true,
    options: [
      { value: 'nam', label: 'Nam' },
      { value: 'nu', label: 'Nữ' },
    ],
  },
  { key: 'child_birth_date', kind: 'date', label: 'Ngày, tháng, năm sinh', required: true, help: 'Ghi theo dạng NN/TT/NNNN, ví dụ 05/03/2026.' },
  { key: 'birth_place', kind: 'text', label: 'Nơi sinh', required: true, maxLength: 255, help: 'Tên cơ sở y tế nơi sinh, hoặc địa chỉ nơi sinh nếu sinh ngoài cơ sở y tế.' },
  { key: 'ethnicity', kind: 'text', label: 'Dân tộc', required: true, maxLength: 50, help: 'Ví dụ: Kinh, Tày, Mường.' },
  { key: 'residence', kind: 'address', label: 'Nơi cư trú của người yêu cầu', required: true, help: 'Chọn tỉnh, thành phố rồi chọn xã, phường; ghi số nhà, đường, thôn, tổ.' },
]

/** Saves the demo e-form as the procedure's first version, in each tenant that has the procedure. */
export async function seedDemoEforms(tenant: Tenant) {
  await withTenant(tenant, async () => {
    const procedure = await Procedure.query().where('name', BIRTH_REGISTRATION).first()
    if (procedure) await saveEformVersion(procedure, BIRTH_REGISTRATION_EFORM, null)
  })
}
