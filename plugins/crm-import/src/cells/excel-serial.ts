const dayMs = 86_400_000
/** 9999-12-31 in Excel's 1900 date system: the last day it can show. */
const lastSerial = 2_958_465

/**
 * The instant an Excel serial date stands for, in the 1900 date system Windows Excel writes:
 * serial 1 is 1900-01-01 and the fraction is the time of day. Excel counts a 29 February 1900 that
 * never was (serial 60, kept from Lotus 1-2-3), so from serial 61 on a day less is added; serial 60
 * itself is refused. Returns a problem message for serials outside Excel's range.
 *
 * @example
 * excelSerialToDate(45000.5) // 2023-03-15T12:00:00.000Z
 */
export function excelSerialToDate(serial: number): Date | string {
  if (!Number.isFinite(serial) || serial < 1 || serial >= lastSerial + 1) {
    return `${serial} is not an Excel date (1 to ${lastSerial})`
  }
  const days = Math.floor(serial)
  if (days === 60) return '60 is Excel’s 29 February 1900, a day that does not exist'
  const epoch = days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30)
  const time = Math.round((serial - days) * dayMs)
  return new Date(epoch + days * dayMs + time)
}
