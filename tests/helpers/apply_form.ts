/*
 * Filling the demo "Thủ tục đăng ký khai sinh" e-form in Chromium, as an applicant does; shared
 * by the apply tests and the portal's acceptance journey.
 */
import type { Page } from 'playwright-core'
import { minimalPdf } from '#intake/tests/fixtures/files'

/** The declaration's own fields (the applicant's are prefilled from the account). */
export async function fillBirthDeclaration(page: Page) {
  await page.getByLabel('Mẹ', { exact: true }).check()
  await page.getByLabel('Họ, chữ đệm, tên người được khai sinh').fill('NGUYỄN THỊ AN')
  await page.getByLabel('Nữ', { exact: true }).check()
  await page.getByLabel('Ngày, tháng, năm sinh').fill('05/03/2026')
  await page.getByLabel('Nơi sinh').fill('Bệnh viện Phụ sản Hà Nội')
  await page.getByLabel('Dân tộc').fill('Kinh')
  await page.locator('#eform-residence-province').selectOption('01')
}

/** A real, small PDF file as the file chooser hands it over. */
export function pdfNamed(name: string, text: string) {
  return { name, mimeType: 'application/pdf', buffer: minimalPdf(text) }
}
