/*
 * The three demo tenants of the README. Identifier codes follow the style of Decision
 * 20/2020/QĐ-TTg but are sample data, not the official codes.
 */
import type { OfficerRole } from '#users/index'

export const DEMO_PASSWORD = 'Demo@2026'

export interface DemoOfficer {
  email: string
  fullName: string
  position: string
  department: string
  roles: OfficerRole[]
}

export interface DemoTenant {
  code: string
  name: string
  kind: 'ministry' | 'province'
  hostNames: string[]
  contact: {
    agencyName: string
    personResponsible: string
    address: string
    phone: string
    email: string
  }
  agency: { code: string; name: string }
  departments: string[]
  officers: DemoOfficer[]
  citizen: { nationalId: string; fullName: string; dateOfBirth: string; phone: string; email: string }
}

function officersFor(domain: string, departments: string[]): DemoOfficer[] {
  const [counter, specialist, leadership] = departments
  return [
    { email: `quantri@${domain}`, fullName: 'Nguyễn Văn Quản', position: 'Chuyên viên quản trị hệ thống', department: leadership, roles: ['admin', 'editor'] },
    { email: `motcua@${domain}`, fullName: 'Trần Thị Tiếp', position: 'Cán bộ một cửa', department: counter, roles: ['receptionist'] },
    { email: `thuly@${domain}`, fullName: 'Lê Văn Thụ', position: 'Chuyên viên', department: specialist, roles: ['handler'] },
    { email: `truongphong@${domain}`, fullName: 'Phạm Thị Phòng', position: 'Trưởng phòng', department: specialist, roles: ['dept_head'] },
    { email: `lanhdao@${domain}`, fullName: 'Hoàng Văn Đạo', position: 'Phó Giám đốc', department: leadership, roles: ['approver'] },
    { email: `vanthu@${domain}`, fullName: 'Vũ Thị Thư', position: 'Văn thư', department: leadership, roles: ['archivist'] },
    { email: `kiemsoat@${domain}`, fullName: 'Đặng Văn Soát', position: 'Chuyên viên kiểm soát thủ tục', department: leadership, roles: ['controller', 'feedback_officer'] },
  ]
}

const hanoiDepartments = ['Bộ phận Một cửa', 'Phòng Quản lý đô thị', 'Ban Giám đốc']
const danangDepartments = ['Bộ phận Tiếp nhận và Trả kết quả', 'Phòng Tư pháp', 'Lãnh đạo Sở']
const justiceDepartments = ['Bộ phận Một cửa Bộ', 'Cục Hộ tịch, quốc tịch, chứng thực', 'Lãnh đạo Bộ']

export const DEMO_TENANTS: DemoTenant[] = [
  {
    code: 'H26',
    name: 'Thành phố Hà Nội',
    kind: 'province',
    hostNames: ['hanoi.localhost'],
    contact: {
      agencyName: 'Văn phòng Ủy ban nhân dân Thành phố Hà Nội',
      personResponsible: 'Chánh Văn phòng UBND Thành phố',
      address: '12 Lê Lai, phường Hoàn Kiếm, Thành phố Hà Nội',
      phone: '024 3825 3536',
      email: 'dichvucong@hanoi.gov.vn.example',
    },
    agency: { code: 'H26.12', name: 'Sở Xây dựng Thành phố Hà Nội' },
    departments: hanoiDepartments,
    officers: officersFor('hanoi.example.vn', hanoiDepartments),
    citizen: { nationalId: '001090012345', fullName: 'Nguyễn Thị Dân', dateOfBirth: '1990-05-12', phone: '0912345678', email: 'dan.nguyen@example.vn' },
  },
  {
    code: 'H43',
    name: 'Thành phố Đà Nẵng',
    kind: 'province',
    hostNames: ['danang.localhost'],
    contact: {
      agencyName: 'Văn phòng Ủy ban nhân dân Thành phố Đà Nẵng',
      personResponsible: 'Chánh Văn phòng UBND Thành phố',
      address: '24 Trần Phú, phường Hải Châu, Thành phố Đà Nẵng',
      phone: '0236 3821 131',
      email: 'dichvucong@danang.gov.vn.example',
    },
    agency: { code: 'H43.08', name: 'Sở Tư pháp Thành phố Đà Nẵng' },
    departments: danangDepartments,
    officers: officersFor('danang.example.vn', danangDepartments),
    citizen: { nationalId: '048088054321', fullName: 'Trần Văn Công', dateOfBirth: '1988-11-03', phone: '0905123456', email: 'cong.tran@example.vn' },
  },
  {
    code: 'G12',
    name: 'Bộ Tư pháp',
    kind: 'ministry',
    hostNames: ['botuphap.localhost'],
    contact: {
      agencyName: 'Văn phòng Bộ Tư pháp',
      personResponsible: 'Chánh Văn phòng Bộ',
      address: '58–60 Trần Phú, phường Ba Đình, Thành phố Hà Nội',
      phone: '024 6273 9718',
      email: 'dichvucong@moj.gov.vn.example',
    },
    agency: { code: 'G12.01', name: 'Cục Hộ tịch, quốc tịch, chứng thực' },
    departments: justiceDepartments,
    officers: officersFor('moj.example.vn', justiceDepartments),
    citizen: { nationalId: '038095067890', fullName: 'Lê Thị Pháp', dateOfBirth: '1995-02-20', phone: '0987654321', email: 'phap.le@example.vn' },
  },
]
