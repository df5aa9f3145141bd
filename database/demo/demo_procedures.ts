/*
 * Demo procedures (issue 3, item 11): for each demo tenant at least 40 procedures across at
 * least 8 sectors, with their legal names, legal deadlines, fees, dossier components, legal
 * basis, online levels and applicant types. Provinces get the provincial and commune-level
 * procedures every province runs; a ministry (kind 'ministry', e.g. Bộ Tư pháp) gets the
 * central-level procedures of its field.
 *
 * National codes here are made up in the national format and carry is_sample_code: true, so
 * nobody mistakes them for the official codes. Deadlines and fees follow the laws cited (fees
 * that a province sets itself use Hà Nội's level as an example).
 *
 * generateProcedures() makes N synthetic procedures for load tests (node ace
 * catalog:generate-procedures --tenant=H26 --count=1000).
 */
import { DateTime } from 'luxon'
import type Tenant from '#tenancy/tenant'
import { requireTenantScope, withTenant } from '#tenancy/tenant_context'
import Sector from '#catalog/models/sector'
import Procedure, { type AdministrativeLevel, type ApplicantType, type Channel } from '#catalog/models/procedure'
import ProcedureComponent from '#catalog/models/procedure_component'
import ProcedureFee from '#catalog/models/procedure_fee'
import Agency from '#users/models/agency'

type Who = 'citizen' | 'organisation' | 'both'
/** [name, original copies, photocopies, required] */
type Component = [string, number, number, boolean?]
/** [kind, description, amount in đồng] */
type Fee = ['fee' | 'charge', string, number]

interface DemoProcedure {
  name: string
  /** Working days; 0.5 = the same working day. */
  days: number
  result: string
  level: 1 | 2 | 3 | 4
  who?: Who
  at?: AdministrativeLevel
  components: Component[]
  fees?: Fee[]
  conditions?: string
  basis?: string[]
}

interface DemoSector {
  code: string
  name: string
  at: AdministrativeLevel
  who: Who
  basis: string[]
  /** Where dossiers are filed, for the steps text. */
  office: string
  procedures: DemoProcedure[]
}

/* ------------------------------------------------------------------ provinces */

const HO_TICH_BASIS = [
  'Luật Hộ tịch số 60/2014/QH13',
  'Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch',
  'Thông tư số 04/2020/TT-BTP ngày 28/5/2020 quy định chi tiết thi hành một số điều của Luật Hộ tịch',
  'Thông tư số 85/2019/TT-BTC hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của HĐND tỉnh',
]

const PROVINCE_SECTORS: DemoSector[] = [
  {
    code: 'HT',
    name: 'Hộ tịch',
    at: 'commune',
    who: 'citizen',
    office: 'Bộ phận Một cửa Ủy ban nhân dân cấp xã',
    basis: HO_TICH_BASIS,
    procedures: [
      {
        name: 'Thủ tục đăng ký khai sinh',
        days: 0.5,
        result: 'Giấy khai sinh (bản chính)',
        level: 4,
        components: [
          ['Tờ khai đăng ký khai sinh (theo mẫu)', 1, 0],
          ['Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận về việc sinh', 1, 0],
          ['Văn bản ủy quyền (nếu người đi đăng ký là người được ủy quyền)', 1, 0, false],
        ],
        fees: [['charge', 'Lệ phí đăng ký khai sinh đúng hạn (miễn)', 0]],
      },
      {
        name: 'Thủ tục đăng ký kết hôn',
        days: 0.5,
        result: 'Giấy chứng nhận kết hôn',
        level: 3,
        components: [
          ['Tờ khai đăng ký kết hôn (theo mẫu)', 1, 0],
          ['Giấy xác nhận tình trạng hôn nhân (trường hợp đăng ký kết hôn ở nơi không thường trú)', 1, 0, false],
        ],
        fees: [['charge', 'Lệ phí đăng ký kết hôn (miễn)', 0]],
        conditions: 'Nam từ đủ 20 tuổi trở lên, nữ từ đủ 18 tuổi trở lên; việc kết hôn do nam và nữ tự nguyện quyết định; không thuộc trường hợp cấm kết hôn.',
      },
      {
        name: 'Thủ tục đăng ký khai tử',
        days: 0.5,
        result: 'Trích lục khai tử (bản chính)',
        level: 4,
        components: [
          ['Tờ khai đăng ký khai tử (theo mẫu)', 1, 0],
          ['Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử', 1, 0],
        ],
        fees: [['charge', 'Lệ phí đăng ký khai tử đúng hạn (miễn)', 0]],
      },
      {
        name: 'Thủ tục cấp bản sao trích lục hộ tịch',
        days: 0.5,
        result: 'Bản sao trích lục hộ tịch',
        level: 4,
        components: [['Tờ khai cấp bản sao trích lục hộ tịch (theo mẫu)', 1, 0]],
        fees: [['charge', 'Lệ phí cấp bản sao trích lục hộ tịch', 8000]],
      },
      {
        name: 'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân',
        days: 3,
        result: 'Giấy xác nhận tình trạng hôn nhân',
        level: 4,
        components: [
          ['Tờ khai cấp Giấy xác nhận tình trạng hôn nhân (theo mẫu)', 1, 0],
          ['Bản án, quyết định ly hôn đã có hiệu lực (nếu đã ly hôn)', 0, 1, false],
        ],
        fees: [['charge', 'Lệ phí cấp Giấy xác nhận tình trạng hôn nhân', 3000]],
      },
      {
        name: 'Thủ tục đăng ký lại khai sinh',
        days: 5,
        result: 'Giấy khai sinh (đăng ký lại)',
        level: 3,
        components: [
          ['Tờ khai đăng ký lại khai sinh (theo mẫu)', 1, 0],
          ['Bản sao toàn bộ hồ sơ, giấy tờ của người yêu cầu hoặc hồ sơ, giấy tờ có thông tin liên quan', 0, 1],
        ],
        fees: [['charge', 'Lệ phí đăng ký lại khai sinh', 5000]],
      },
      {
        name: 'Thủ tục thay đổi, cải chính, bổ sung thông tin hộ tịch',
        days: 3,
        result: 'Trích lục thay đổi, cải chính, bổ sung thông tin hộ tịch',
        level: 3,
        components: [
          ['Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch (theo mẫu)', 1, 0],
          ['Giấy tờ liên quan làm căn cứ thay đổi, cải chính, bổ sung thông tin hộ tịch', 0, 1],
        ],
        fees: [['charge', 'Lệ phí thay đổi, cải chính, bổ sung thông tin hộ tịch', 15000]],
      },
      {
        name: 'Thủ tục đăng ký nhận cha, mẹ, con',
        days: 3,
        result: 'Trích lục đăng ký nhận cha, mẹ, con',
        level: 3,
        components: [
          ['Tờ khai đăng ký nhận cha, mẹ, con (theo mẫu)', 1, 0],
          ['Văn bản của cơ quan y tế, cơ quan giám định xác nhận quan hệ cha con, mẹ con hoặc chứng cứ chứng minh', 1, 0],
        ],
        fees: [['charge', 'Lệ phí đăng ký nhận cha, mẹ, con', 15000]],
      },
    ],
  },
  {
    code: 'CT',
    name: 'Chứng thực',
    at: 'commune',
    who: 'both',
    office: 'Bộ phận Một cửa Ủy ban nhân dân cấp xã',
    basis: [
      'Nghị định số 23/2015/NĐ-CP ngày 16/02/2015 về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch',
      'Thông tư số 01/2020/TT-BTP ngày 03/3/2020 hướng dẫn Nghị định số 23/2015/NĐ-CP',
      'Thông tư số 226/2016/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí chứng thực',
    ],
    procedures: [
      {
        name: 'Thủ tục chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận',
        days: 0.5,
        result: 'Bản sao được chứng thực từ bản chính',
        level: 2,
        components: [
          ['Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao', 1, 0],
          ['Bản sao cần chứng thực', 0, 1],
        ],
        fees: [['fee', 'Phí chứng thực bản sao từ bản chính (trang thứ nhất, thứ hai; từ trang thứ ba 1.000 đồng/trang)', 2000]],
      },
      {
        name: 'Thủ tục chứng thực chữ ký trong các giấy tờ, văn bản',
        days: 0.5,
        result: 'Giấy tờ, văn bản được chứng thực chữ ký',
        level: 2,
        components: [
          ['Bản chính hoặc bản sao có chứng thực giấy tờ tùy thân còn giá trị sử dụng', 1, 0],
          ['Giấy tờ, văn bản mà mình sẽ ký', 1, 0],
        ],
        fees: [['fee', 'Phí chứng thực chữ ký (mỗi trường hợp)', 10000]],
      },
      {
        name: 'Thủ tục chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất và nhà ở',
        days: 2,
        result: 'Hợp đồng, giao dịch được chứng thực',
        level: 2,
        components: [
          ['Dự thảo hợp đồng, giao dịch', 1, 0],
          ['Bản sao giấy tờ tùy thân của người yêu cầu chứng thực', 0, 1],
          ['Bản sao Giấy chứng nhận quyền sở hữu, quyền sử dụng hoặc giấy tờ thay thế', 0, 1],
        ],
        fees: [['fee', 'Phí chứng thực hợp đồng, giao dịch', 50000]],
      },
    ],
  },
  {
    code: 'LLTP',
    name: 'Lý lịch tư pháp',
    at: 'province',
    who: 'citizen',
    office: 'Bộ phận Một cửa Sở Tư pháp',
    basis: [
      'Luật Lý lịch tư pháp số 28/2009/QH12',
      'Nghị định số 111/2010/NĐ-CP ngày 23/11/2010 quy định chi tiết và hướng dẫn thi hành một số điều của Luật Lý lịch tư pháp',
      'Thông tư số 06/2013/TT-BTP ngày 06/02/2013 hướng dẫn việc quản lý, sử dụng và mẫu phiếu lý lịch tư pháp',
      'Thông tư số 244/2016/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí cung cấp thông tin lý lịch tư pháp',
    ],
    procedures: [
      {
        name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam',
        days: 10,
        result: 'Phiếu lý lịch tư pháp số 1 hoặc số 2',
        level: 4,
        components: [
          ['Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (Mẫu số 03/2013/TT-LLTP)', 1, 0],
          ['Bản chụp giấy chứng minh nhân dân, thẻ căn cước hoặc hộ chiếu của người được cấp Phiếu', 0, 1],
          ['Văn bản ủy quyền (trường hợp ủy quyền yêu cầu cấp Phiếu số 1)', 1, 0, false],
        ],
        fees: [['fee', 'Phí cung cấp thông tin lý lịch tư pháp (sinh viên, người có công: 100.000 đồng/lần)', 200000]],
      },
      {
        name: 'Cấp Phiếu lý lịch tư pháp cho cơ quan tiến hành tố tụng',
        days: 10,
        result: 'Phiếu lý lịch tư pháp số 2',
        level: 3,
        who: 'organisation',
        components: [['Văn bản yêu cầu cấp Phiếu lý lịch tư pháp của cơ quan tiến hành tố tụng', 1, 0]],
      },
      {
        name: 'Cấp Phiếu lý lịch tư pháp cho cơ quan nhà nước, tổ chức chính trị, tổ chức chính trị - xã hội',
        days: 10,
        result: 'Phiếu lý lịch tư pháp số 1',
        level: 3,
        who: 'organisation',
        components: [['Văn bản yêu cầu cấp Phiếu lý lịch tư pháp (Mẫu số 04/2013/TT-LLTP)', 1, 0]],
      },
    ],
  },
  {
    code: 'XD',
    name: 'Xây dựng',
    at: 'province',
    who: 'both',
    office: 'Bộ phận Một cửa Sở Xây dựng',
    basis: [
      'Luật Xây dựng số 50/2014/QH13, được sửa đổi, bổ sung bởi Luật số 62/2020/QH14',
      'Nghị định số 175/2024/NĐ-CP ngày 30/12/2024 quy định chi tiết một số điều và biện pháp thi hành Luật Xây dựng về quản lý hoạt động xây dựng',
      'Thông tư số 85/2019/TT-BTC hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của HĐND tỉnh',
    ],
    procedures: [
      {
        name: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ',
        days: 15,
        result: 'Giấy phép xây dựng',
        level: 4,
        at: 'commune',
        who: 'citizen',
        components: [
          ['Đơn đề nghị cấp giấy phép xây dựng (Mẫu số 01 Phụ lục II Nghị định số 175/2024/NĐ-CP)', 1, 0],
          ['Bản sao giấy tờ chứng minh quyền sử dụng đất theo quy định của pháp luật về đất đai', 0, 1],
          ['Hai bộ bản vẽ thiết kế xây dựng (mặt bằng, mặt cắt, mặt đứng, móng, đấu nối hạ tầng)', 2, 0],
        ],
        fees: [['charge', 'Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ', 75000]],
        conditions: 'Phù hợp với quy hoạch chi tiết xây dựng; bảo đảm an toàn cho công trình và công trình lân cận; thiết kế xây dựng tuân thủ tiêu chuẩn, quy chuẩn kỹ thuật.',
      },
      {
        name: 'Cấp giấy phép sửa chữa, cải tạo đối với nhà ở riêng lẻ',
        days: 15,
        result: 'Giấy phép sửa chữa, cải tạo',
        level: 4,
        at: 'commune',
        who: 'citizen',
        components: [
          ['Đơn đề nghị cấp giấy phép sửa chữa, cải tạo (theo mẫu)', 1, 0],
          ['Bản sao giấy tờ chứng minh quyền sở hữu, quản lý, sử dụng công trình', 0, 1],
          ['Bản vẽ, ảnh chụp hiện trạng của bộ phận công trình đề nghị sửa chữa, cải tạo', 2, 0],
        ],
        fees: [['charge', 'Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ', 75000]],
      },
      {
        name: 'Gia hạn giấy phép xây dựng',
        days: 5,
        result: 'Giấy phép xây dựng được gia hạn',
        level: 3,
        components: [
          ['Đơn đề nghị gia hạn giấy phép xây dựng (theo mẫu)', 1, 0],
          ['Bản chính giấy phép xây dựng đã được cấp', 1, 0],
        ],
        fees: [['charge', 'Lệ phí gia hạn giấy phép xây dựng', 15000]],
      },
      {
        name: 'Cấp lại giấy phép xây dựng',
        days: 5,
        result: 'Giấy phép xây dựng (cấp lại)',
        level: 3,
        components: [
          ['Đơn đề nghị cấp lại giấy phép xây dựng, nêu rõ lý do (theo mẫu)', 1, 0],
          ['Bản chính giấy phép xây dựng đã được cấp (trường hợp bị rách, nát)', 1, 0, false],
        ],
        fees: [['charge', 'Lệ phí cấp lại giấy phép xây dựng', 15000]],
      },
      {
        name: 'Cấp giấy phép xây dựng mới đối với công trình cấp đặc biệt, cấp I, cấp II (công trình không theo tuyến)',
        days: 20,
        result: 'Giấy phép xây dựng',
        level: 3,
        who: 'organisation',
        components: [
          ['Đơn đề nghị cấp giấy phép xây dựng (theo mẫu)', 1, 0],
          ['Bản sao giấy tờ chứng minh quyền sử dụng đất', 0, 1],
          ['Bản sao quyết định phê duyệt dự án và văn bản thông báo kết quả thẩm định của cơ quan chuyên môn về xây dựng', 0, 1],
          ['Hai bộ bản vẽ thiết kế xây dựng trong hồ sơ thiết kế đã được phê duyệt', 2, 0],
        ],
        fees: [['charge', 'Lệ phí cấp giấy phép xây dựng công trình khác', 150000]],
      },
      {
        name: 'Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III',
        days: 20,
        result: 'Chứng chỉ hành nghề hoạt động xây dựng',
        level: 4,
        who: 'citizen',
        components: [
          ['Đơn đề nghị cấp chứng chỉ hành nghề (theo mẫu)', 1, 0],
          ['Ảnh màu cỡ 4x6 cm chụp trong thời gian không quá 06 tháng', 1, 0],
          ['Văn bằng do cơ sở đào tạo hợp pháp cấp phù hợp với lĩnh vực đề nghị cấp chứng chỉ', 0, 1],
          ['Bản khai kinh nghiệm công việc chuyên môn (theo mẫu)', 1, 0],
        ],
        fees: [['charge', 'Lệ phí cấp chứng chỉ hành nghề hoạt động xây dựng', 300000]],
      },
    ],
  },
  {
    code: 'DD',
    name: 'Đất đai',
    at: 'province',
    who: 'both',
    office: 'Bộ phận Một cửa, Văn phòng đăng ký đất đai',
    basis: [
      'Luật Đất đai số 31/2024/QH15',
      'Nghị định số 101/2024/NĐ-CP ngày 29/7/2024 quy định về điều tra cơ bản đất đai; đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất và hệ thống thông tin đất đai',
      'Nghị định số 102/2024/NĐ-CP ngày 30/7/2024 quy định chi tiết thi hành một số điều của Luật Đất đai',
      'Thông tư số 85/2019/TT-BTC hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của HĐND tỉnh',
    ],
    procedures: [
      {
        name: 'Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu',
        days: 20,
        result: 'Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất',
        level: 3,
        components: [
          ['Đơn đăng ký đất đai, tài sản gắn liền với đất (Mẫu số 04/ĐK)', 1, 0],
          ['Giấy tờ về quyền sử dụng đất quy định tại Điều 137 Luật Đất đai (nếu có)', 0, 1],
          ['Sơ đồ nhà ở, công trình xây dựng (trường hợp đăng ký tài sản gắn liền với đất)', 1, 0, false],
          ['Chứng từ thực hiện nghĩa vụ tài chính hoặc giấy tờ liên quan đến miễn, giảm nghĩa vụ tài chính', 0, 1, false],
        ],
        fees: [
          ['charge', 'Lệ phí cấp Giấy chứng nhận (hộ gia đình, cá nhân)', 100000],
          ['fee', 'Phí thẩm định hồ sơ cấp Giấy chứng nhận', 500000],
        ],
      },
      {
        name: 'Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất trong các trường hợp chuyển nhượng, tặng cho, thừa kế',
        days: 10,
        result: 'Giấy chứng nhận được xác nhận thay đổi hoặc cấp mới',
        level: 3,
        components: [
          ['Đơn đăng ký biến động đất đai, tài sản gắn liền với đất (Mẫu số 11/ĐK)', 1, 0],
          ['Hợp đồng, văn bản về chuyển nhượng, tặng cho, thừa kế đã được công chứng, chứng thực', 1, 0],
          ['Bản gốc Giấy chứng nhận đã cấp', 1, 0],
        ],
        fees: [['charge', 'Lệ phí chứng nhận đăng ký biến động', 50000]],
      },
      {
        name: 'Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất',
        days: 7,
        result: 'Giấy chứng nhận (cấp đổi)',
        level: 3,
        components: [
          ['Đơn đăng ký biến động đất đai, tài sản gắn liền với đất (Mẫu số 11/ĐK)', 1, 0],
          ['Bản gốc Giấy chứng nhận đã cấp', 1, 0],
        ],
        fees: [['charge', 'Lệ phí cấp đổi Giấy chứng nhận', 50000]],
      },
      {
        name: 'Cấp lại Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do bị mất',
        days: 10,
        result: 'Giấy chứng nhận (cấp lại)',
        level: 3,
        components: [
          ['Đơn đề nghị cấp lại Giấy chứng nhận (Mẫu số 11/ĐK)', 1, 0],
          ['Giấy xác nhận của Ủy ban nhân dân cấp xã về việc đã niêm yết thông báo mất Giấy chứng nhận', 1, 0],
        ],
        fees: [['charge', 'Lệ phí cấp lại Giấy chứng nhận', 50000]],
      },
      {
        name: 'Đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất',
        days: 3,
        result: 'Giấy chứng nhận được ghi nội dung đăng ký thế chấp',
        level: 4,
        components: [
          ['Phiếu yêu cầu đăng ký thế chấp (Mẫu số 01a)', 1, 0],
          ['Hợp đồng thế chấp hoặc hợp đồng bảo đảm có điều khoản về thế chấp', 1, 0],
          ['Bản gốc Giấy chứng nhận', 1, 0],
        ],
        fees: [['fee', 'Phí đăng ký giao dịch bảo đảm', 80000]],
      },
      {
        name: 'Tách thửa hoặc hợp thửa đất',
        days: 15,
        result: 'Giấy chứng nhận cho thửa đất mới',
        level: 3,
        components: [
          ['Đơn đề nghị tách thửa đất, hợp thửa đất (Mẫu số 01/ĐK-TTHT)', 1, 0],
          ['Bản vẽ tách thửa đất, hợp thửa đất', 1, 0],
          ['Bản gốc Giấy chứng nhận đã cấp', 1, 0],
        ],
        fees: [['charge', 'Lệ phí cấp Giấy chứng nhận cho thửa đất mới', 100000]],
      },
      {
        name: 'Chuyển mục đích sử dụng đất phải được phép của cơ quan nhà nước có thẩm quyền đối với hộ gia đình, cá nhân',
        days: 15,
        result: 'Quyết định cho phép chuyển mục đích sử dụng đất',
        level: 3,
        who: 'citizen',
        components: [
          ['Đơn xin chuyển mục đích sử dụng đất (Mẫu số 02c)', 1, 0],
          ['Giấy chứng nhận quyền sử dụng đất', 1, 0],
        ],
      },
    ],
  },
  {
    code: 'DKKD',
    name: 'Đăng ký kinh doanh',
    at: 'province',
    who: 'organisation',
    office: 'Phòng Đăng ký kinh doanh, Sở Tài chính',
    basis: [
      'Luật Doanh nghiệp số 59/2020/QH14',
      'Nghị định số 168/2025/NĐ-CP ngày 30/6/2025 về đăng ký doanh nghiệp',
      'Thông tư số 47/2019/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí cung cấp thông tin doanh nghiệp, lệ phí đăng ký doanh nghiệp',
    ],
    procedures: [
      {
        name: 'Đăng ký thành lập doanh nghiệp tư nhân',
        days: 3,
        result: 'Giấy chứng nhận đăng ký doanh nghiệp',
        level: 4,
        components: [
          ['Giấy đề nghị đăng ký doanh nghiệp (Phụ lục I-1)', 1, 0],
          ['Bản sao giấy tờ pháp lý của cá nhân đối với chủ doanh nghiệp tư nhân', 0, 1],
        ],
        fees: [
          ['charge', 'Lệ phí đăng ký doanh nghiệp (miễn khi đăng ký qua mạng điện tử)', 50000],
          ['fee', 'Phí công bố nội dung đăng ký doanh nghiệp', 100000],
        ],
      },
      {
        name: 'Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên',
        days: 3,
        result: 'Giấy chứng nhận đăng ký doanh nghiệp',
        level: 4,
        components: [
          ['Giấy đề nghị đăng ký doanh nghiệp (Phụ lục I-2)', 1, 0],
          ['Điều lệ công ty', 1, 0],
          ['Bản sao giấy tờ pháp lý của cá nhân đối với người đại diện theo pháp luật và chủ sở hữu', 0, 1],
        ],
        fees: [
          ['charge', 'Lệ phí đăng ký doanh nghiệp (miễn khi đăng ký qua mạng điện tử)', 50000],
          ['fee', 'Phí công bố nội dung đăng ký doanh nghiệp', 100000],
        ],
      },
      {
        name: 'Đăng ký thành lập công ty trách nhiệm hữu hạn hai thành viên trở lên',
        days: 3,
        result: 'Giấy chứng nhận đăng ký doanh nghiệp',
        level: 4,
        components: [
          ['Giấy đề nghị đăng ký doanh nghiệp (Phụ lục I-3)', 1, 0],
          ['Điều lệ công ty', 1, 0],
          ['Danh sách thành viên (Phụ lục I-6)', 1, 0],
          ['Bản sao giấy tờ pháp lý của các thành viên và người đại diện theo pháp luật', 0, 1],
        ],
        fees: [
          ['charge', 'Lệ phí đăng ký doanh nghiệp (miễn khi đăng ký qua mạng điện tử)', 50000],
          ['fee', 'Phí công bố nội dung đăng ký doanh nghiệp', 100000],
        ],
      },
      {
        name: 'Đăng ký thành lập công ty cổ phần',
        days: 3,
        result: 'Giấy chứng nhận đăng ký doanh nghiệp',
        level: 4,
        components: [
          ['Giấy đề nghị đăng ký doanh nghiệp (Phụ lục I-4)', 1, 0],
          ['Điều lệ công ty', 1, 0],
          ['Danh sách cổ đông sáng lập (Phụ lục I-7)', 1, 0],
          ['Bản sao giấy tờ pháp lý của cổ đông sáng lập và người đại diện theo pháp luật', 0, 1],
        ],
        fees: [
          ['charge', 'Lệ phí đăng ký doanh nghiệp (miễn khi đăng ký qua mạng điện tử)', 50000],
          ['fee', 'Phí công bố nội dung đăng ký doanh nghiệp', 100000],
        ],
      },
      {
        name: 'Đăng ký thay đổi địa chỉ trụ sở chính của doanh nghiệp',
        days: 3,
        result: 'Giấy chứng nhận đăng ký doanh nghiệp (thay đổi)',
        level: 4,
        components: [
          ['Thông báo thay đổi nội dung đăng ký doanh nghiệp (Phụ lục II-1)', 1, 0],
          ['Nghị quyết, quyết định về việc thay đổi địa chỉ trụ sở chính', 1, 0],
        ],
        fees: [
          ['charge', 'Lệ phí đăng ký doanh nghiệp (miễn khi đăng ký qua mạng điện tử)', 50000],
          ['fee', 'Phí công bố nội dung đăng ký doanh nghiệp', 100000],
        ],
      },
      {
        name: 'Đăng ký thành lập hộ kinh doanh',
        days: 3,
        result: 'Giấy chứng nhận đăng ký hộ kinh doanh',
        level: 4,
        at: 'commune',
        who: 'citizen',
        components: [
          ['Giấy đề nghị đăng ký hộ kinh doanh (Phụ lục III-1)', 1, 0],
          ['Bản sao giấy tờ pháp lý của cá nhân đối với chủ hộ kinh doanh', 0, 1],
          ['Biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh (nếu các thành viên cùng góp vốn)', 1, 0, false],
        ],
        fees: [['charge', 'Lệ phí đăng ký hộ kinh doanh', 100000]],
      },
      {
        name: 'Thông báo tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo',
        days: 3,
        result: 'Giấy xác nhận về việc doanh nghiệp đăng ký tạm ngừng kinh doanh',
        level: 4,
        components: [
          ['Thông báo tạm ngừng kinh doanh (Phụ lục II-19)', 1, 0],
          ['Nghị quyết, quyết định của chủ sở hữu, Hội đồng thành viên hoặc Đại hội đồng cổ đông', 1, 0],
        ],
      },
    ],
  },
  {
    code: 'GTVT',
    name: 'Giao thông vận tải',
    at: 'province',
    who: 'citizen',
    office: 'Bộ phận Một cửa Sở Xây dựng (lĩnh vực giao thông vận tải)',
    basis: [
      'Luật Trật tự, an toàn giao thông đường bộ số 36/2024/QH15',
      'Luật Đường bộ số 35/2024/QH15',
      'Thông tư số 35/2024/TT-BGTVT quy định về đào tạo, sát hạch, cấp giấy phép lái xe',
      'Thông tư số 37/2023/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí sát hạch lái xe; lệ phí cấp bằng, chứng chỉ',
    ],
    procedures: [
      {
        name: 'Đổi giấy phép lái xe do ngành Giao thông vận tải cấp',
        days: 5,
        result: 'Giấy phép lái xe',
        level: 4,
        components: [
          ['Đơn đề nghị đổi giấy phép lái xe (theo mẫu)', 1, 0],
          ['Giấy khám sức khỏe của người lái xe do cơ sở y tế có thẩm quyền cấp', 1, 0],
          ['Bản sao giấy phép lái xe sắp hết hạn', 0, 1],
        ],
        fees: [['charge', 'Lệ phí cấp giấy phép lái xe', 135000]],
      },
      {
        name: 'Cấp lại giấy phép lái xe',
        days: 10,
        result: 'Giấy phép lái xe (cấp lại)',
        level: 3,
        components: [
          ['Đơn đề nghị cấp lại giấy phép lái xe (theo mẫu)', 1, 0],
          ['Giấy khám sức khỏe của người lái xe', 1, 0],
        ],
        fees: [['charge', 'Lệ phí cấp giấy phép lái xe', 135000]],
      },
      {
        name: 'Cấp giấy phép lái xe quốc tế',
        days: 5,
        result: 'Giấy phép lái xe quốc tế',
        level: 4,
        components: [
          ['Tờ khai đề nghị cấp giấy phép lái xe quốc tế (theo mẫu)', 1, 0],
          ['Bản sao hộ chiếu còn thời hạn', 0, 1],
        ],
        fees: [['charge', 'Lệ phí cấp giấy phép lái xe quốc tế', 135000]],
      },
      {
        name: 'Cấp Giấy phép kinh doanh vận tải bằng xe ô tô',
        days: 5,
        result: 'Giấy phép kinh doanh vận tải bằng xe ô tô',
        level: 4,
        who: 'organisation',
        components: [
          ['Giấy đề nghị cấp Giấy phép kinh doanh vận tải bằng xe ô tô (theo mẫu)', 1, 0],
          ['Bản sao văn bằng, chứng chỉ của người trực tiếp điều hành hoạt động vận tải', 0, 1],
          ['Phương án kinh doanh vận tải bằng xe ô tô (theo mẫu)', 1, 0],
        ],
        fees: [['charge', 'Lệ phí cấp Giấy phép kinh doanh vận tải bằng xe ô tô', 200000]],
        basis: [
          'Luật Đường bộ số 35/2024/QH15',
          'Nghị định số 158/2024/NĐ-CP ngày 18/12/2024 quy định về hoạt động vận tải đường bộ',
        ],
      },
      {
        name: 'Cấp phù hiệu xe ô tô kinh doanh vận tải',
        days: 2,
        result: 'Phù hiệu xe ô tô kinh doanh vận tải',
        level: 4,
        who: 'organisation',
        components: [
          ['Giấy đề nghị cấp phù hiệu (theo mẫu)', 1, 0],
          ['Bản sao giấy đăng ký xe ô tô hoặc hợp đồng thuê phương tiện', 0, 1],
        ],
        basis: [
          'Luật Đường bộ số 35/2024/QH15',
          'Nghị định số 158/2024/NĐ-CP ngày 18/12/2024 quy định về hoạt động vận tải đường bộ',
        ],
      },
    ],
  },
  {
    code: 'GDDT',
    name: 'Giáo dục và Đào tạo',
    at: 'province',
    who: 'citizen',
    office: 'Bộ phận Một cửa Sở Giáo dục và Đào tạo',
    basis: [
      'Luật Giáo dục số 43/2019/QH14',
      'Thông tư số 21/2019/TT-BGDĐT ban hành Quy chế quản lý bằng tốt nghiệp trung học cơ sở, bằng tốt nghiệp trung học phổ thông, văn bằng giáo dục đại học và chứng chỉ của hệ thống giáo dục quốc dân',
    ],
    procedures: [
      {
        name: 'Cấp bản sao văn bằng, chứng chỉ từ sổ gốc',
        days: 0.5,
        result: 'Bản sao văn bằng, chứng chỉ từ sổ gốc',
        level: 4,
        components: [
          ['Đơn đề nghị cấp bản sao văn bằng, chứng chỉ từ sổ gốc', 1, 0],
          ['Bản sao giấy tờ tùy thân của người được cấp văn bằng', 0, 1],
        ],
      },
      {
        name: 'Chỉnh sửa nội dung văn bằng, chứng chỉ',
        days: 5,
        result: 'Quyết định chỉnh sửa văn bằng, chứng chỉ',
        level: 3,
        components: [
          ['Đơn đề nghị chỉnh sửa văn bằng, chứng chỉ', 1, 0],
          ['Văn bằng, chứng chỉ đề nghị chỉnh sửa', 1, 0],
          ['Trích lục hoặc quyết định thay đổi, cải chính hộ tịch', 0, 1],
        ],
      },
      {
        name: 'Chuyển trường đối với học sinh trung học phổ thông',
        days: 3,
        result: 'Văn bản đồng ý tiếp nhận học sinh',
        level: 3,
        components: [
          ['Đơn xin chuyển trường do cha mẹ hoặc người giám hộ ký', 1, 0],
          ['Học bạ (bản chính)', 1, 0],
          ['Giấy giới thiệu chuyển trường do Hiệu trưởng nhà trường nơi đi cấp', 1, 0],
        ],
        basis: ['Luật Giáo dục số 43/2019/QH14', 'Thông tư số 50/2021/TT-BGDĐT sửa đổi Quy định chuyển trường và tiếp nhận học sinh học tại trường trung học cơ sở và trung học phổ thông'],
      },
      {
        name: 'Cho phép trung tâm ngoại ngữ, tin học hoạt động giáo dục',
        days: 20,
        result: 'Quyết định cho phép hoạt động giáo dục',
        level: 3,
        who: 'organisation',
        components: [
          ['Tờ trình đề nghị cho phép trung tâm hoạt động giáo dục', 1, 0],
          ['Bản sao quyết định thành lập trung tâm', 0, 1],
          ['Danh sách cán bộ quản lý, giáo viên kèm bản sao văn bằng', 1, 0],
          ['Chương trình, tài liệu giảng dạy', 1, 0],
        ],
        basis: ['Luật Giáo dục số 43/2019/QH14', 'Nghị định số 125/2024/NĐ-CP quy định về điều kiện đầu tư và hoạt động trong lĩnh vực giáo dục'],
      },
    ],
  },
  {
    code: 'YT',
    name: 'Y tế',
    at: 'province',
    who: 'both',
    office: 'Bộ phận Một cửa Sở Y tế',
    basis: [
      'Luật Khám bệnh, chữa bệnh số 15/2023/QH15',
      'Nghị định số 96/2023/NĐ-CP ngày 30/12/2023 quy định chi tiết một số điều của Luật Khám bệnh, chữa bệnh',
      'Thông tư số 59/2023/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí trong lĩnh vực y tế',
    ],
    procedures: [
      {
        name: 'Cấp mới giấy phép hành nghề đối với chức danh chuyên môn là bác sỹ, y sỹ, điều dưỡng, hộ sinh, kỹ thuật y, dinh dưỡng lâm sàng, cấp cứu viên ngoại viện, tâm lý lâm sàng',
        days: 30,
        result: 'Giấy phép hành nghề khám bệnh, chữa bệnh',
        level: 4,
        who: 'citizen',
        components: [
          ['Đơn đề nghị cấp mới giấy phép hành nghề (Mẫu 01 Phụ lục I Nghị định số 96/2023/NĐ-CP)', 1, 0],
          ['Bản sao hợp lệ văn bằng chuyên môn phù hợp', 0, 1],
          ['Giấy xác nhận kết quả kiểm tra đánh giá năng lực hành nghề', 1, 0],
          ['Giấy chứng nhận đủ sức khỏe để hành nghề khám bệnh, chữa bệnh', 1, 0],
        ],
        fees: [['fee', 'Phí thẩm định cấp giấy phép hành nghề khám bệnh, chữa bệnh', 360000]],
      },
      {
        name: 'Cấp mới giấy phép hoạt động đối với phòng khám đa khoa',
        days: 60,
        result: 'Giấy phép hoạt động khám bệnh, chữa bệnh',
        level: 3,
        who: 'organisation',
        components: [
          ['Đơn đề nghị cấp mới giấy phép hoạt động (theo mẫu)', 1, 0],
          ['Bản sao hợp lệ giấy chứng nhận đăng ký doanh nghiệp hoặc quyết định thành lập', 0, 1],
          ['Danh sách người hành nghề, kèm bản sao giấy phép hành nghề', 1, 0],
          ['Bản kê khai cơ sở vật chất, thiết bị y tế', 1, 0],
        ],
        fees: [['fee', 'Phí thẩm định cấp giấy phép hoạt động đối với phòng khám đa khoa', 5700000]],
      },
      {
        name: 'Cấp Chứng chỉ hành nghề dược',
        days: 20,
        result: 'Chứng chỉ hành nghề dược',
        level: 4,
        who: 'citizen',
        components: [
          ['Đơn đề nghị cấp Chứng chỉ hành nghề dược (Mẫu số 02 Phụ lục I Nghị định số 54/2017/NĐ-CP)', 1, 0],
          ['Hai ảnh chân dung cỡ 4 cm x 6 cm chụp trong thời gian không quá 06 tháng', 2, 0],
          ['Bản sao có chứng thực văn bằng chuyên môn', 0, 1],
          ['Giấy xác nhận thời gian thực hành chuyên môn', 1, 0],
        ],
        fees: [['fee', 'Phí thẩm định cấp Chứng chỉ hành nghề dược', 500000]],
        basis: ['Luật Dược số 105/2016/QH13, được sửa đổi, bổ sung bởi Luật số 44/2024/QH15', 'Nghị định số 54/2017/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Dược'],
      },
      {
        name: 'Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở kinh doanh dịch vụ ăn uống',
        days: 20,
        result: 'Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm',
        level: 3,
        who: 'both',
        components: [
          ['Đơn đề nghị cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm', 1, 0],
          ['Bản thuyết minh về cơ sở vật chất, trang thiết bị, dụng cụ bảo đảm điều kiện vệ sinh an toàn thực phẩm', 1, 0],
          ['Giấy xác nhận đủ sức khỏe, giấy xác nhận đã được tập huấn kiến thức an toàn thực phẩm của chủ cơ sở và người trực tiếp chế biến', 0, 1],
        ],
        fees: [['fee', 'Phí thẩm định cơ sở kinh doanh dịch vụ ăn uống (phục vụ dưới 200 suất ăn)', 700000]],
        basis: ['Luật An toàn thực phẩm số 55/2010/QH12', 'Nghị định số 15/2018/NĐ-CP quy định chi tiết thi hành một số điều của Luật An toàn thực phẩm', 'Thông tư số 67/2021/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí trong công tác an toàn thực phẩm'],
      },
    ],
  },
]

/* ------------------------------------------------------------------ a ministry of justice */

const JUSTICE_SECTORS: DemoSector[] = [
  {
    code: 'LLTP',
    name: 'Lý lịch tư pháp',
    at: 'central',
    who: 'citizen',
    office: 'Trung tâm Lý lịch tư pháp quốc gia',
    basis: [
      'Luật Lý lịch tư pháp số 28/2009/QH12',
      'Nghị định số 111/2010/NĐ-CP ngày 23/11/2010 quy định chi tiết và hướng dẫn thi hành một số điều của Luật Lý lịch tư pháp',
      'Thông tư số 244/2016/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí cung cấp thông tin lý lịch tư pháp',
    ],
    procedures: [
      {
        name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đã cư trú tại Việt Nam (thực hiện tại Trung tâm Lý lịch tư pháp quốc gia)',
        days: 10,
        result: 'Phiếu lý lịch tư pháp số 1 hoặc số 2',
        level: 4,
        components: [
          ['Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (Mẫu số 03/2013/TT-LLTP)', 1, 0],
          ['Bản chụp giấy tờ tùy thân của người được cấp Phiếu', 0, 1],
        ],
        fees: [['fee', 'Phí cung cấp thông tin lý lịch tư pháp', 200000]],
      },
      {
        name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam không xác định được nơi thường trú hoặc nơi tạm trú',
        days: 15,
        result: 'Phiếu lý lịch tư pháp',
        level: 3,
        components: [
          ['Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (Mẫu số 03/2013/TT-LLTP)', 1, 0],
          ['Bản chụp hộ chiếu hoặc thẻ căn cước của người được cấp Phiếu', 0, 1],
        ],
        fees: [['fee', 'Phí cung cấp thông tin lý lịch tư pháp', 200000]],
      },
      {
        name: 'Cấp Phiếu lý lịch tư pháp cho cơ quan tiến hành tố tụng (thực hiện tại Trung tâm Lý lịch tư pháp quốc gia)',
        days: 10,
        result: 'Phiếu lý lịch tư pháp số 2',
        level: 3,
        who: 'organisation',
        components: [['Văn bản yêu cầu cấp Phiếu lý lịch tư pháp của cơ quan tiến hành tố tụng', 1, 0]],
      },
      {
        name: 'Cấp Phiếu lý lịch tư pháp cho cơ quan nhà nước, tổ chức chính trị, tổ chức chính trị - xã hội (thực hiện tại Trung tâm Lý lịch tư pháp quốc gia)',
        days: 10,
        result: 'Phiếu lý lịch tư pháp số 1',
        level: 3,
        who: 'organisation',
        components: [['Văn bản yêu cầu cấp Phiếu lý lịch tư pháp (Mẫu số 04/2013/TT-LLTP)', 1, 0]],
      },
    ],
  },
  {
    code: 'QT',
    name: 'Quốc tịch',
    at: 'central',
    who: 'citizen',
    office: 'Bộ phận Một cửa Bộ Tư pháp',
    basis: [
      'Luật Quốc tịch Việt Nam số 24/2008/QH12, được sửa đổi, bổ sung bởi Luật số 56/2014/QH13 và Luật số 79/2025/QH15',
      'Nghị định số 16/2020/NĐ-CP ngày 03/02/2020 quy định chi tiết một số điều và biện pháp thi hành Luật Quốc tịch Việt Nam',
      'Thông tư số 281/2016/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí, lệ phí trong lĩnh vực quốc tịch',
    ],
    procedures: [
      {
        name: 'Thủ tục nhập quốc tịch Việt Nam',
        days: 20,
        result: 'Quyết định cho nhập quốc tịch Việt Nam của Chủ tịch nước',
        level: 2,
        components: [
          ['Đơn xin nhập quốc tịch Việt Nam (theo mẫu)', 1, 0],
          ['Bản sao Giấy khai sinh, hộ chiếu hoặc giấy tờ khác có giá trị thay thế', 0, 1],
          ['Bản khai lý lịch (theo mẫu)', 1, 0],
          ['Phiếu lý lịch tư pháp do cơ quan có thẩm quyền cấp', 1, 0],
          ['Giấy tờ chứng minh trình độ tiếng Việt, nơi thường trú và khả năng bảo đảm cuộc sống tại Việt Nam', 0, 1],
        ],
        fees: [['charge', 'Lệ phí xin nhập quốc tịch Việt Nam', 3000000]],
      },
      {
        name: 'Thủ tục trở lại quốc tịch Việt Nam ở trong nước',
        days: 20,
        result: 'Quyết định cho trở lại quốc tịch Việt Nam của Chủ tịch nước',
        level: 2,
        components: [
          ['Đơn xin trở lại quốc tịch Việt Nam (theo mẫu)', 1, 0],
          ['Bản khai lý lịch (theo mẫu)', 1, 0],
          ['Phiếu lý lịch tư pháp', 1, 0],
          ['Giấy tờ chứng minh người xin trở lại quốc tịch Việt Nam đã từng có quốc tịch Việt Nam', 0, 1],
        ],
        fees: [['charge', 'Lệ phí xin trở lại quốc tịch Việt Nam', 2500000]],
      },
      {
        name: 'Thủ tục thôi quốc tịch Việt Nam ở trong nước',
        days: 20,
        result: 'Quyết định cho thôi quốc tịch Việt Nam của Chủ tịch nước',
        level: 2,
        components: [
          ['Đơn xin thôi quốc tịch Việt Nam (theo mẫu)', 1, 0],
          ['Bản khai lý lịch (theo mẫu)', 1, 0],
          ['Bản sao hộ chiếu Việt Nam, Giấy chứng minh nhân dân hoặc giấy tờ khác', 0, 1],
          ['Giấy tờ xác nhận về việc người đó đang làm thủ tục nhập quốc tịch nước ngoài', 1, 0],
        ],
        fees: [['charge', 'Lệ phí xin thôi quốc tịch Việt Nam', 2500000]],
      },
    ],
  },
  {
    code: 'NCN',
    name: 'Nuôi con nuôi',
    at: 'central',
    who: 'organisation',
    office: 'Cục Con nuôi, Bộ Tư pháp',
    basis: [
      'Luật Nuôi con nuôi số 52/2010/QH12',
      'Nghị định số 19/2011/NĐ-CP quy định chi tiết thi hành một số điều của Luật Nuôi con nuôi, được sửa đổi, bổ sung bởi Nghị định số 24/2019/NĐ-CP',
      'Thông tư số 267/2016/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng lệ phí đăng ký nuôi con nuôi, lệ phí cấp giấy phép hoạt động của tổ chức con nuôi nước ngoài',
    ],
    procedures: [
      {
        name: 'Cấp giấy phép hoạt động của tổ chức con nuôi nước ngoài tại Việt Nam',
        days: 60,
        result: 'Giấy phép hoạt động của tổ chức con nuôi nước ngoài tại Việt Nam',
        level: 2,
        components: [
          ['Đơn xin cấp giấy phép hoạt động (theo mẫu)', 1, 0],
          ['Giấy tờ chứng minh tổ chức được thành lập và hoạt động hợp pháp tại nước nơi tổ chức đó được thành lập', 1, 0],
          ['Lý lịch cá nhân, Phiếu lý lịch tư pháp của người dự kiến đứng đầu Văn phòng con nuôi nước ngoài', 1, 0],
          ['Kế hoạch hoạt động và dự án hỗ trợ nhân đạo tại Việt Nam', 1, 0],
        ],
        fees: [['charge', 'Lệ phí cấp giấy phép hoạt động của tổ chức con nuôi nước ngoài', 65000000]],
      },
      {
        name: 'Gia hạn giấy phép hoạt động của tổ chức con nuôi nước ngoài tại Việt Nam',
        days: 30,
        result: 'Giấy phép hoạt động được gia hạn',
        level: 2,
        components: [
          ['Đơn xin gia hạn giấy phép hoạt động (theo mẫu)', 1, 0],
          ['Báo cáo tình hình hoạt động của tổ chức tại Việt Nam trong thời hạn giấy phép', 1, 0],
        ],
        fees: [['charge', 'Lệ phí gia hạn giấy phép hoạt động', 40000000]],
      },
      {
        name: 'Sửa đổi giấy phép hoạt động của tổ chức con nuôi nước ngoài tại Việt Nam',
        days: 15,
        result: 'Giấy phép hoạt động được sửa đổi',
        level: 2,
        components: [
          ['Đơn xin sửa đổi giấy phép hoạt động (theo mẫu)', 1, 0],
          ['Giấy tờ chứng minh nội dung thay đổi', 1, 0],
        ],
        fees: [['charge', 'Lệ phí sửa đổi giấy phép hoạt động', 25000000]],
      },
    ],
  },
  {
    code: 'LS',
    name: 'Luật sư',
    at: 'central',
    who: 'citizen',
    office: 'Bộ phận Một cửa Bộ Tư pháp (Cục Bổ trợ tư pháp)',
    basis: [
      'Luật Luật sư số 65/2006/QH11, được sửa đổi, bổ sung bởi Luật số 20/2012/QH13',
      'Nghị định số 123/2013/NĐ-CP ngày 14/10/2013 quy định chi tiết một số điều và biện pháp thi hành Luật Luật sư',
      'Thông tư số 220/2016/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí thẩm định tiêu chuẩn, điều kiện hành nghề luật sư',
    ],
    procedures: [
      {
        name: 'Cấp Chứng chỉ hành nghề luật sư',
        days: 20,
        result: 'Chứng chỉ hành nghề luật sư',
        level: 4,
        components: [
          ['Giấy đề nghị cấp Chứng chỉ hành nghề luật sư (theo mẫu)', 1, 0],
          ['Phiếu lý lịch tư pháp', 1, 0],
          ['Giấy chứng nhận sức khỏe', 1, 0],
          ['Bản sao Bằng cử nhân luật hoặc bằng thạc sỹ luật', 0, 1],
          ['Bản sao Giấy chứng nhận kết quả kiểm tra kết quả tập sự hành nghề luật sư', 0, 1],
        ],
        fees: [['fee', 'Phí thẩm định tiêu chuẩn, điều kiện hành nghề luật sư', 800000]],
      },
      {
        name: 'Cấp lại Chứng chỉ hành nghề luật sư',
        days: 20,
        result: 'Chứng chỉ hành nghề luật sư (cấp lại)',
        level: 3,
        components: [
          ['Giấy đề nghị cấp lại Chứng chỉ hành nghề luật sư (theo mẫu)', 1, 0],
          ['Phiếu lý lịch tư pháp', 1, 0],
          ['Giấy tờ chứng minh lý do bị thu hồi Chứng chỉ đã chấm dứt', 0, 1],
        ],
        fees: [['fee', 'Phí thẩm định tiêu chuẩn, điều kiện hành nghề luật sư', 800000]],
      },
      {
        name: 'Cấp Giấy phép hành nghề luật sư tại Việt Nam cho luật sư nước ngoài',
        days: 30,
        result: 'Giấy phép hành nghề luật sư tại Việt Nam',
        level: 3,
        components: [
          ['Giấy đề nghị cấp Giấy phép hành nghề luật sư tại Việt Nam (theo mẫu)', 1, 0],
          ['Bản sao Chứng chỉ hành nghề luật sư do cơ quan có thẩm quyền của nước ngoài cấp', 0, 1],
          ['Giấy xác nhận của tổ chức hành nghề luật sư nước ngoài về việc dự kiến làm việc tại Việt Nam', 1, 0],
        ],
        fees: [['fee', 'Phí thẩm định điều kiện hành nghề luật sư nước ngoài tại Việt Nam', 800000]],
      },
      {
        name: 'Cấp Giấy phép thành lập chi nhánh của tổ chức hành nghề luật sư nước ngoài tại Việt Nam',
        days: 30,
        result: 'Giấy phép thành lập chi nhánh',
        level: 3,
        who: 'organisation',
        components: [
          ['Giấy đề nghị thành lập chi nhánh (theo mẫu)', 1, 0],
          ['Bản sao Giấy chứng nhận hoặc giấy tờ chứng minh việc thành lập hợp pháp của tổ chức hành nghề luật sư nước ngoài', 0, 1],
          ['Quyết định của tổ chức hành nghề luật sư nước ngoài cử luật sư làm Trưởng chi nhánh', 1, 0],
        ],
        fees: [['fee', 'Phí thẩm định điều kiện thành lập chi nhánh', 10000000]],
      },
    ],
  },
  {
    code: 'CC',
    name: 'Công chứng',
    at: 'central',
    who: 'citizen',
    office: 'Bộ phận Một cửa Bộ Tư pháp (Cục Bổ trợ tư pháp)',
    basis: [
      'Luật Công chứng số 46/2024/QH15',
      'Nghị định số 104/2025/NĐ-CP ngày 15/5/2025 quy định chi tiết một số điều và biện pháp thi hành Luật Công chứng',
      'Thông tư số 257/2016/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí công chứng; phí thẩm định tiêu chuẩn, điều kiện hành nghề công chứng',
    ],
    procedures: [
      {
        name: 'Bổ nhiệm công chứng viên',
        days: 20,
        result: 'Quyết định bổ nhiệm công chứng viên',
        level: 4,
        components: [
          ['Đơn đề nghị bổ nhiệm công chứng viên (theo mẫu)', 1, 0],
          ['Phiếu lý lịch tư pháp', 1, 0],
          ['Bản sao Bằng cử nhân luật hoặc thạc sỹ luật, tiến sỹ luật', 0, 1],
          ['Bản sao Giấy chứng nhận tốt nghiệp khóa đào tạo nghề công chứng', 0, 1],
          ['Bản sao Giấy chứng nhận kết quả kiểm tra kết quả tập sự hành nghề công chứng', 0, 1],
          ['Giấy chứng nhận sức khỏe', 1, 0],
        ],
        fees: [['fee', 'Phí thẩm định tiêu chuẩn, điều kiện hành nghề công chứng', 3500000]],
      },
      {
        name: 'Bổ nhiệm lại công chứng viên',
        days: 20,
        result: 'Quyết định bổ nhiệm lại công chứng viên',
        level: 3,
        components: [
          ['Đơn đề nghị bổ nhiệm lại công chứng viên (theo mẫu)', 1, 0],
          ['Phiếu lý lịch tư pháp', 1, 0],
          ['Giấy tờ chứng minh lý do miễn nhiệm không còn', 0, 1],
        ],
        fees: [['fee', 'Phí thẩm định tiêu chuẩn, điều kiện hành nghề công chứng', 3500000]],
      },
      {
        name: 'Miễn nhiệm công chứng viên (trường hợp được miễn nhiệm theo nguyện vọng)',
        days: 15,
        result: 'Quyết định miễn nhiệm công chứng viên',
        level: 3,
        components: [['Đơn đề nghị miễn nhiệm công chứng viên', 1, 0]],
      },
      {
        name: 'Công nhận tương đương đào tạo nghề công chứng ở nước ngoài',
        days: 15,
        result: 'Quyết định công nhận tương đương đào tạo nghề công chứng',
        level: 2,
        components: [
          ['Giấy đề nghị công nhận tương đương đào tạo nghề công chứng ở nước ngoài', 1, 0],
          ['Bản sao giấy tờ chứng nhận được đào tạo nghề công chứng ở nước ngoài, kèm bản dịch tiếng Việt có chứng thực', 0, 1],
        ],
      },
    ],
  },
  {
    code: 'TGPL',
    name: 'Trợ giúp pháp lý',
    at: 'central',
    who: 'citizen',
    office: 'Cục Trợ giúp pháp lý, Bộ Tư pháp',
    basis: [
      'Luật Trợ giúp pháp lý số 11/2017/QH14',
      'Thông tư số 12/2018/TT-BTP hướng dẫn một số hoạt động nghiệp vụ trợ giúp pháp lý và quản lý chất lượng vụ việc trợ giúp pháp lý',
    ],
    procedures: [
      {
        name: 'Cấp thẻ trợ giúp viên pháp lý',
        days: 10,
        result: 'Thẻ trợ giúp viên pháp lý',
        level: 3,
        components: [
          ['Văn bản đề nghị cấp thẻ trợ giúp viên pháp lý của Giám đốc Sở Tư pháp', 1, 0],
          ['Ảnh chân dung cỡ 2 cm x 3 cm', 2, 0],
        ],
      },
      {
        name: 'Cấp lại thẻ trợ giúp viên pháp lý',
        days: 5,
        result: 'Thẻ trợ giúp viên pháp lý (cấp lại)',
        level: 3,
        components: [
          ['Văn bản đề nghị cấp lại thẻ, nêu rõ lý do', 1, 0],
          ['Ảnh chân dung cỡ 2 cm x 3 cm', 2, 0],
        ],
      },
      {
        name: 'Giải quyết khiếu nại về trợ giúp pháp lý',
        days: 30,
        result: 'Quyết định giải quyết khiếu nại',
        level: 2,
        components: [
          ['Đơn khiếu nại', 1, 0],
          ['Tài liệu, chứng cứ có liên quan (nếu có)', 0, 1, false],
        ],
      },
    ],
  },
  {
    code: 'GDTP',
    name: 'Giám định tư pháp',
    at: 'central',
    who: 'citizen',
    office: 'Bộ phận Một cửa Bộ Tư pháp',
    basis: [
      'Luật Giám định tư pháp số 13/2012/QH13, được sửa đổi, bổ sung bởi Luật số 56/2020/QH14',
      'Nghị định số 85/2013/NĐ-CP quy định chi tiết và biện pháp thi hành Luật Giám định tư pháp',
    ],
    procedures: [
      {
        name: 'Bổ nhiệm giám định viên tư pháp ở Trung ương',
        days: 20,
        result: 'Quyết định bổ nhiệm giám định viên tư pháp',
        level: 2,
        components: [
          ['Văn bản đề nghị bổ nhiệm giám định viên tư pháp của cơ quan, tổ chức', 1, 0],
          ['Bản sao bằng tốt nghiệp đại học phù hợp với lĩnh vực chuyên môn', 0, 1],
          ['Sơ yếu lý lịch và Phiếu lý lịch tư pháp', 1, 0],
          ['Văn bản xác nhận thời gian hoạt động thực tế chuyên môn', 1, 0],
        ],
      },
      {
        name: 'Cấp lại thẻ giám định viên tư pháp ở Trung ương',
        days: 10,
        result: 'Thẻ giám định viên tư pháp (cấp lại)',
        level: 3,
        components: [
          ['Văn bản đề nghị cấp lại thẻ giám định viên tư pháp, nêu rõ lý do', 1, 0],
          ['Ảnh chân dung cỡ 2 cm x 3 cm', 2, 0],
        ],
      },
      {
        name: 'Miễn nhiệm giám định viên tư pháp ở Trung ương',
        days: 10,
        result: 'Quyết định miễn nhiệm giám định viên tư pháp',
        level: 2,
        components: [
          ['Văn bản đề nghị miễn nhiệm giám định viên tư pháp', 1, 0],
          ['Văn bản, giấy tờ chứng minh giám định viên thuộc trường hợp miễn nhiệm', 0, 1],
        ],
      },
    ],
  },
  {
    code: 'BTNN',
    name: 'Bồi thường nhà nước',
    at: 'central',
    who: 'both',
    office: 'Bộ phận Một cửa Bộ Tư pháp',
    basis: [
      'Luật Trách nhiệm bồi thường của Nhà nước số 10/2017/QH14',
      'Nghị định số 68/2018/NĐ-CP ngày 15/5/2018 quy định chi tiết một số điều và biện pháp thi hành Luật Trách nhiệm bồi thường của Nhà nước',
    ],
    procedures: [
      {
        name: 'Giải quyết yêu cầu bồi thường tại cơ quan trực tiếp quản lý người thi hành công vụ gây thiệt hại',
        days: 45,
        result: 'Quyết định giải quyết bồi thường',
        level: 2,
        components: [
          ['Văn bản yêu cầu bồi thường (theo mẫu)', 1, 0],
          ['Văn bản làm căn cứ yêu cầu bồi thường', 0, 1],
          ['Giấy tờ chứng minh nhân thân của người bị thiệt hại', 0, 1],
          ['Tài liệu, chứng cứ có liên quan đến việc yêu cầu bồi thường (nếu có)', 0, 1, false],
        ],
      },
    ],
  },
  {
    code: 'DGTS',
    name: 'Đấu giá tài sản',
    at: 'central',
    who: 'citizen',
    office: 'Bộ phận Một cửa Bộ Tư pháp (Cục Bổ trợ tư pháp)',
    basis: [
      'Luật Đấu giá tài sản số 01/2016/QH14, được sửa đổi, bổ sung bởi Luật số 37/2024/QH15',
      'Nghị định số 172/2024/NĐ-CP ngày 27/12/2024 quy định chi tiết một số điều của Luật Đấu giá tài sản',
      'Thông tư số 106/2017/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng lệ phí cấp chứng chỉ hành nghề đấu giá',
    ],
    procedures: [
      {
        name: 'Cấp Chứng chỉ hành nghề đấu giá',
        days: 15,
        result: 'Chứng chỉ hành nghề đấu giá',
        level: 4,
        components: [
          ['Giấy đề nghị cấp Chứng chỉ hành nghề đấu giá (theo mẫu)', 1, 0],
          ['Phiếu lý lịch tư pháp', 1, 0],
          ['Bản sao Giấy chứng nhận tốt nghiệp khóa đào tạo nghề đấu giá hoặc giấy tờ chứng minh được miễn đào tạo', 0, 1],
          ['Bản sao Giấy chứng nhận kết quả kiểm tra kết quả tập sự hành nghề đấu giá', 0, 1],
          ['Một ảnh màu cỡ 2 cm x 3 cm', 1, 0],
        ],
        fees: [['charge', 'Lệ phí cấp Chứng chỉ hành nghề đấu giá', 1000000]],
      },
      {
        name: 'Cấp lại Chứng chỉ hành nghề đấu giá',
        days: 7,
        result: 'Chứng chỉ hành nghề đấu giá (cấp lại)',
        level: 3,
        components: [
          ['Giấy đề nghị cấp lại Chứng chỉ hành nghề đấu giá (theo mẫu)', 1, 0],
          ['Phiếu lý lịch tư pháp', 1, 0],
        ],
        fees: [['charge', 'Lệ phí cấp lại Chứng chỉ hành nghề đấu giá', 500000]],
      },
    ],
  },
  {
    code: 'TTTM',
    name: 'Trọng tài thương mại',
    at: 'central',
    who: 'organisation',
    office: 'Bộ phận Một cửa Bộ Tư pháp (Cục Bổ trợ tư pháp)',
    basis: [
      'Luật Trọng tài thương mại số 54/2010/QH12',
      'Nghị định số 63/2011/NĐ-CP quy định chi tiết và hướng dẫn thi hành một số điều của Luật Trọng tài thương mại, được sửa đổi, bổ sung bởi Nghị định số 124/2018/NĐ-CP',
      'Thông tư số 223/2016/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí thẩm định điều kiện hoạt động trọng tài thương mại',
    ],
    procedures: [
      {
        name: 'Cấp Giấy phép thành lập Trung tâm trọng tài',
        days: 30,
        result: 'Giấy phép thành lập Trung tâm trọng tài',
        level: 3,
        components: [
          ['Đơn đề nghị thành lập Trung tâm trọng tài (theo mẫu)', 1, 0],
          ['Dự thảo Điều lệ của Trung tâm trọng tài', 1, 0],
          ['Danh sách các sáng lập viên kèm giấy tờ chứng minh đủ điều kiện làm trọng tài viên', 1, 0],
        ],
        fees: [['fee', 'Phí thẩm định điều kiện thành lập Trung tâm trọng tài', 10000000]],
      },
      {
        name: 'Cấp Giấy phép thành lập chi nhánh của tổ chức trọng tài nước ngoài tại Việt Nam',
        days: 30,
        result: 'Giấy phép thành lập chi nhánh',
        level: 3,
        components: [
          ['Đơn đề nghị thành lập chi nhánh (theo mẫu)', 1, 0],
          ['Bản sao giấy tờ chứng minh việc thành lập hợp pháp của tổ chức trọng tài nước ngoài', 0, 1],
          ['Văn bản cử trọng tài viên làm Trưởng chi nhánh', 1, 0],
        ],
        fees: [['fee', 'Phí thẩm định điều kiện thành lập chi nhánh', 15000000]],
      },
      {
        name: 'Thay đổi nội dung Giấy phép thành lập Trung tâm trọng tài',
        days: 15,
        result: 'Giấy phép thành lập (đã thay đổi nội dung)',
        level: 3,
        components: [
          ['Đơn đề nghị thay đổi nội dung Giấy phép thành lập (theo mẫu)', 1, 0],
          ['Giấy tờ chứng minh nội dung thay đổi', 0, 1],
        ],
        fees: [['fee', 'Phí thẩm định thay đổi nội dung Giấy phép', 2000000]],
      },
    ],
  },
  {
    code: 'HGTM',
    name: 'Hòa giải thương mại',
    at: 'central',
    who: 'organisation',
    office: 'Bộ phận Một cửa Bộ Tư pháp (Cục Bổ trợ tư pháp)',
    basis: [
      'Nghị định số 22/2017/NĐ-CP ngày 24/02/2017 về hòa giải thương mại',
      'Thông tư số 02/2018/TT-BTP ban hành và hướng dẫn sử dụng một số biểu mẫu về tổ chức và hoạt động hòa giải thương mại',
    ],
    procedures: [
      {
        name: 'Cấp Giấy phép thành lập Trung tâm hòa giải thương mại',
        days: 30,
        result: 'Giấy phép thành lập Trung tâm hòa giải thương mại',
        level: 3,
        components: [
          ['Giấy đề nghị thành lập Trung tâm hòa giải thương mại (theo mẫu)', 1, 0],
          ['Dự thảo Điều lệ của Trung tâm hòa giải thương mại', 1, 0],
          ['Danh sách thành viên sáng lập kèm giấy tờ chứng minh đủ tiêu chuẩn hòa giải viên thương mại', 1, 0],
        ],
      },
      {
        name: 'Thay đổi tên gọi, địa chỉ trụ sở của Trung tâm hòa giải thương mại sang tỉnh, thành phố trực thuộc trung ương khác',
        days: 20,
        result: 'Giấy phép thành lập (đã thay đổi)',
        level: 3,
        components: [
          ['Giấy đề nghị thay đổi nội dung Giấy phép thành lập (theo mẫu)', 1, 0],
          ['Bản chính Giấy phép thành lập đã cấp', 1, 0],
        ],
      },
    ],
  },
  {
    code: 'TPL',
    name: 'Thừa phát lại',
    at: 'central',
    who: 'citizen',
    office: 'Bộ phận Một cửa Bộ Tư pháp (Cục Bổ trợ tư pháp)',
    basis: [
      'Nghị định số 08/2020/NĐ-CP ngày 08/01/2020 về tổ chức và hoạt động của Thừa phát lại',
      'Thông tư số 05/2020/TT-BTP quy định chi tiết một số điều và biện pháp thi hành Nghị định số 08/2020/NĐ-CP',
    ],
    procedures: [
      {
        name: 'Bổ nhiệm Thừa phát lại',
        days: 20,
        result: 'Quyết định bổ nhiệm Thừa phát lại',
        level: 3,
        components: [
          ['Đơn đề nghị bổ nhiệm Thừa phát lại (theo mẫu)', 1, 0],
          ['Phiếu lý lịch tư pháp', 1, 0],
          ['Bản sao Bằng cử nhân luật', 0, 1],
          ['Bản sao Giấy chứng nhận kết quả kiểm tra kết quả tập sự hành nghề Thừa phát lại', 0, 1],
        ],
        fees: [['fee', 'Phí thẩm định tiêu chuẩn, điều kiện hành nghề Thừa phát lại', 800000]],
      },
      {
        name: 'Bổ nhiệm lại Thừa phát lại',
        days: 20,
        result: 'Quyết định bổ nhiệm lại Thừa phát lại',
        level: 3,
        components: [
          ['Đơn đề nghị bổ nhiệm lại Thừa phát lại (theo mẫu)', 1, 0],
          ['Phiếu lý lịch tư pháp', 1, 0],
        ],
        fees: [['fee', 'Phí thẩm định tiêu chuẩn, điều kiện hành nghề Thừa phát lại', 800000]],
      },
      {
        name: 'Miễn nhiệm Thừa phát lại (trường hợp được miễn nhiệm theo nguyện vọng)',
        days: 10,
        result: 'Quyết định miễn nhiệm Thừa phát lại',
        level: 3,
        components: [['Đơn đề nghị miễn nhiệm Thừa phát lại', 1, 0]],
      },
    ],
  },
  {
    code: 'QTV',
    name: 'Quản tài viên',
    at: 'central',
    who: 'citizen',
    office: 'Bộ phận Một cửa Bộ Tư pháp (Cục Bổ trợ tư pháp)',
    basis: [
      'Luật Phá sản số 51/2014/QH13',
      'Nghị định số 22/2015/NĐ-CP ngày 16/02/2015 quy định chi tiết thi hành một số điều của Luật Phá sản về Quản tài viên và hành nghề quản lý, thanh lý tài sản',
      'Thông tư số 224/2016/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí thẩm định điều kiện hành nghề quản tài viên',
    ],
    procedures: [
      {
        name: 'Cấp chứng chỉ hành nghề Quản tài viên',
        days: 20,
        result: 'Chứng chỉ hành nghề Quản tài viên',
        level: 3,
        components: [
          ['Giấy đề nghị cấp chứng chỉ hành nghề Quản tài viên (theo mẫu)', 1, 0],
          ['Bản sao Chứng chỉ hành nghề luật sư, kiểm toán viên hoặc bằng cử nhân luật, kinh tế, kế toán, tài chính, ngân hàng', 0, 1],
          ['Giấy tờ chứng minh thời gian công tác trong lĩnh vực được đào tạo từ 05 năm trở lên', 1, 0],
          ['Một ảnh màu cỡ 2 cm x 3 cm', 1, 0],
        ],
        fees: [['fee', 'Phí thẩm định điều kiện hành nghề quản tài viên', 800000]],
      },
      {
        name: 'Cấp lại chứng chỉ hành nghề Quản tài viên',
        days: 10,
        result: 'Chứng chỉ hành nghề Quản tài viên (cấp lại)',
        level: 3,
        components: [
          ['Giấy đề nghị cấp lại chứng chỉ hành nghề Quản tài viên (theo mẫu)', 1, 0],
          ['Chứng chỉ hành nghề đã cấp (trường hợp bị hư hỏng)', 1, 0, false],
        ],
        fees: [['fee', 'Phí thẩm định điều kiện hành nghề quản tài viên', 400000]],
      },
    ],
  },
  {
    code: 'DKBD',
    name: 'Đăng ký biện pháp bảo đảm',
    at: 'central',
    who: 'both',
    office: 'Trung tâm Đăng ký giao dịch, tài sản, Cục Đăng ký quốc gia giao dịch bảo đảm',
    basis: [
      'Bộ luật Dân sự số 91/2015/QH13',
      'Nghị định số 99/2022/NĐ-CP ngày 30/11/2022 về đăng ký biện pháp bảo đảm',
      'Thông tư số 202/2016/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí trong lĩnh vực đăng ký giao dịch bảo đảm',
    ],
    procedures: [
      {
        name: 'Đăng ký biện pháp bảo đảm bằng động sản (trừ tàu bay, tàu biển, chứng khoán)',
        days: 0.5,
        result: 'Văn bản chứng nhận nội dung đăng ký biện pháp bảo đảm',
        level: 4,
        components: [['Phiếu yêu cầu đăng ký biện pháp bảo đảm (Mẫu số 01a)', 1, 0]],
        fees: [['fee', 'Phí đăng ký biện pháp bảo đảm bằng động sản', 80000]],
      },
      {
        name: 'Đăng ký thay đổi nội dung biện pháp bảo đảm bằng động sản đã được đăng ký',
        days: 0.5,
        result: 'Văn bản chứng nhận nội dung đăng ký thay đổi',
        level: 4,
        components: [['Phiếu yêu cầu đăng ký thay đổi nội dung đã được đăng ký (Mẫu số 02a)', 1, 0]],
        fees: [['fee', 'Phí đăng ký thay đổi nội dung biện pháp bảo đảm', 60000]],
      },
      {
        name: 'Xóa đăng ký biện pháp bảo đảm bằng động sản',
        days: 0.5,
        result: 'Văn bản chứng nhận việc xóa đăng ký',
        level: 4,
        components: [['Phiếu yêu cầu xóa đăng ký (Mẫu số 03a)', 1, 0]],
        fees: [['fee', 'Phí xóa đăng ký biện pháp bảo đảm', 20000]],
      },
      {
        name: 'Cung cấp thông tin về biện pháp bảo đảm bằng động sản',
        days: 0.5,
        result: 'Văn bản cung cấp thông tin',
        level: 4,
        components: [['Phiếu yêu cầu cung cấp thông tin (Mẫu số 06)', 1, 0]],
        fees: [['fee', 'Phí cung cấp thông tin về biện pháp bảo đảm', 30000]],
      },
    ],
  },
]

/* ------------------------------------------------------------------ seeding */

const APPLICANTS: Record<Who, ApplicantType[]> = {
  citizen: ['citizen'],
  organisation: ['organisation'],
  both: ['citizen', 'organisation'],
}

/** The demo set for a tenant's kind: central procedures for a ministry, the rest for a province. */
export function demoSectorsFor(kind: Tenant['kind']): DemoSector[] {
  return kind === 'ministry' ? JUSTICE_SECTORS : PROVINCE_SECTORS
}

function channelsOf(level: number): Channel[] {
  if (level >= 3) return ['in_person', 'online', 'postal']
  return ['in_person', 'postal']
}

function deadlineWords(days: number) {
  return days < 1 ? 'ngay trong ngày làm việc' : `${String(days).replace('.', ',')} ngày làm việc`
}

function stepsOf(sector: DemoSector, procedure: DemoProcedure) {
  const online = procedure.level >= 3 ? ' hoặc nộp trực tuyến qua Cổng Dịch vụ công' : ''
  return [
    `Bước 1: Tổ chức, cá nhân chuẩn bị hồ sơ theo quy định và nộp tại ${sector.office}${online}, hoặc qua dịch vụ bưu chính công ích.`,
    'Bước 2: Cán bộ tiếp nhận kiểm tra tính đầy đủ, hợp lệ của hồ sơ; hồ sơ đầy đủ thì tiếp nhận và hẹn ngày trả kết quả, chưa đầy đủ thì hướng dẫn bổ sung một lần.',
    `Bước 3: Cơ quan có thẩm quyền thẩm định, giải quyết hồ sơ trong thời hạn ${deadlineWords(procedure.days)}.`,
    'Bước 4: Trả kết quả tại Bộ phận Một cửa, qua dịch vụ bưu chính công ích hoặc trực tuyến theo đăng ký của người nộp.',
  ].join('\n')
}

/** A made-up code in the national format (1.00xxxx for provinces, 2.00xxxx for ministries). */
function sampleCode(kind: Tenant['kind'], index: number) {
  return `${kind === 'ministry' ? 2 : 1}.${String(900000 + index).padStart(6, '0')}`
}

/**
 * Creates the demo sectors and procedures of `tenant` (all published except the last two, kept
 * as drafts to show the difference), and ties them to the tenant's agencies. Idempotent enough
 * for a fresh database; call it once per demo tenant.
 */
export async function seedDemoProcedures(tenant: Tenant) {
  return withTenant(tenant, async () => {
    const sectors = demoSectorsFor(tenant.kind)
    const agencies = await Agency.query().orderBy('id')
    const { tenant: current } = requireTenantScope()
    const total = sectors.reduce((sum, sector) => sum + sector.procedures.length, 0)
    let index = 0
    let created = 0
    for (const [position, demoSector] of sectors.entries()) {
      const sector = await Sector.create({ code: demoSector.code, name: demoSector.name, position: position + 1 })
      for (const demo of demoSector.procedures) {
        index += 1
        const published = index <= total - 2
        const procedure = await Procedure.create({
          sectorId: sector.id,
          nationalCode: sampleCode(tenant.kind, index),
          isSampleCode: true,
          name: demo.name,
          stepsDescription: stepsOf(demoSector, demo),
          channels: channelsOf(demo.level),
          legalDeadlineDays: demo.days,
          resultType: demo.result,
          conditions: demo.conditions ?? '',
          legalBasis: (demo.basis ?? demoSector.basis).join('\n'),
          onlineLevel: demo.level,
          applicantTypes: APPLICANTS[demo.who ?? demoSector.who],
          administrativeLevel: demo.at ?? demoSector.at,
          resultByPost: true,
          resultOnline: demo.level === 4,
          status: published ? 'published' : 'draft',
          publishedAt: published ? DateTime.now() : null,
        })
        for (const [componentPosition, [name, originalCopies, photocopies, isRequired]] of demo.components.entries()) {
          await ProcedureComponent.create({
            procedureId: procedure.id,
            position: componentPosition,
            name,
            originalCopies,
            photocopies,
            isRequired: isRequired ?? true,
          })
        }
        for (const [kind, description, amount] of demo.fees ?? []) {
          await ProcedureFee.create({ procedureId: procedure.id, kind, description, amount })
        }
        if (agencies.length) {
          await procedure.related('agencies').attach({ [agencies[0].id]: { tenant_id: current.id } })
        }
        created += 1
      }
    }
    return { sectors: sectors.length, procedures: created }
  })
}

/* ------------------------------------------------------------------ load-test generator */

const SYNTHETIC_ACTIONS = ['Cấp', 'Cấp lại', 'Gia hạn', 'Điều chỉnh', 'Đăng ký', 'Xác nhận', 'Thẩm định', 'Công nhận']
const SYNTHETIC_OBJECTS = [
  'giấy phép hoạt động',
  'giấy chứng nhận đủ điều kiện',
  'chứng chỉ hành nghề',
  'văn bản chấp thuận',
  'giấy xác nhận đăng ký',
  'quyết định công nhận',
]
const SYNTHETIC_FIELDS = ['dịch vụ du lịch lữ hành', 'kinh doanh xăng dầu', 'cơ sở bán lẻ thuốc', 'hoạt động quảng cáo', 'cơ sở giáo dục nghề nghiệp', 'khai thác nước dưới đất', 'vận tải hành khách', 'kinh doanh karaoke']

/** A small deterministic generator, so two runs with the same seed make the same data. */
function random(seed: number) {
  let state = seed >>> 0 || 1
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

/**
 * Creates `count` synthetic draft-or-published procedures (3 components and 1 fee each) in the
 * current tenant scope, in batches, for load tests. Names say "(dữ liệu tải thử)" and codes are
 * sample codes, so nobody mistakes them for real ones. Returns how many were created.
 */
export async function generateProcedures(count: number, options: { seed?: number; batchSize?: number } = {}) {
  const { client, tenant } = requireTenantScope()
  const next = random(options.seed ?? Date.now())
  const batchSize = options.batchSize ?? 500

  let sectors = await Sector.query().orderBy('id')
  if (sectors.length === 0) {
    sectors = [await Sector.create({ code: 'TAI-THU', name: 'Lĩnh vực tải thử', position: 99 })]
  }
  const [{ max }] = await client.from('procedures').where('tenant_id', tenant.id).max('id as max')
  const start = Number(max ?? 0)
  const now = new Date()
  let created = 0

  while (created < count) {
    const size = Math.min(batchSize, count - created)
    const rows = Array.from({ length: size }, (_, offset) => {
      const number = start + created + offset + 1
      const level = 1 + Math.floor(next() * 4)
      const published = next() < 0.8
      const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]
      return {
        tenant_id: tenant.id,
        sector_id: pick(sectors).id,
        national_code: null,
        is_sample_code: true,
        name: `${pick(SYNTHETIC_ACTIONS)} ${pick(SYNTHETIC_OBJECTS)} ${pick(SYNTHETIC_FIELDS)} số ${number} (dữ liệu tải thử)`,
        steps_description: 'Bước 1: Nộp hồ sơ.\nBước 2: Thẩm định hồ sơ.\nBước 3: Trả kết quả.',
        channels: level >= 3 ? '{in_person,online,postal}' : '{in_person,postal}',
        legal_deadline_days: [0.5, 3, 5, 7, 10, 15, 20, 30][Math.floor(next() * 8)],
        result_type: 'Giấy phép',
        conditions: '',
        legal_basis: 'Dữ liệu tải thử, không có căn cứ pháp lý',
        online_level: level,
        applicant_types: next() < 0.5 ? '{citizen}' : '{citizen,organisation}',
        administrative_level: pick(['province', 'commune'] as const),
        result_by_post: true,
        result_online: level === 4,
        status: published ? 'published' : 'draft',
        published_at: published ? now : null,
        created_at: now,
        updated_at: now,
      }
    })
    const inserted: { id: number }[] = await client.table('procedures').multiInsert(rows).returning('id')
    const components = inserted.flatMap(({ id }) =>
      ['Đơn đề nghị (theo mẫu)', 'Bản sao giấy tờ pháp lý của người đề nghị', 'Tài liệu chứng minh đủ điều kiện'].map(
        (name, position) => ({
          tenant_id: tenant.id,
          procedure_id: id,
          position,
          name,
          original_copies: position === 1 ? 0 : 1,
          photocopies: position === 1 ? 1 : 0,
          is_required: true,
          created_at: now,
          updated_at: now,
        })
      )
    )
    await client.table('procedure_components').multiInsert(components)
    await client.table('procedure_fees').multiInsert(
      inserted.map(({ id }) => ({
        tenant_id: tenant.id,
        procedure_id: id,
        kind: 'charge',
        description: 'Lệ phí (dữ liệu tải thử)',
        amount: Math.round(next() * 20) * 25000,
        created_at: now,
        updated_at: now,
      }))
    )
    created += size
  }
  return created
}
