/**
 * The date format of CloudTrail's responseElements (`expiration`, `createDate`): English
 * month, day, comma, year, comma, 12-hour time, in UTC — "Feb 12, 2025, 11:16:48 PM" in
 * AWS's current examples (IAM User Guide, CloudTrail integration).
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function cloudTrailDate(date: Date): string {
  const hours = date.getUTCHours();
  const twelve = hours % 12 === 0 ? 12 : hours % 12;
  const mm = String(date.getUTCMinutes()).padStart(2, '0');
  const ss = String(date.getUTCSeconds()).padStart(2, '0');
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}, ${twelve}:${mm}:${ss} ${hours < 12 ? 'AM' : 'PM'}`;
}
