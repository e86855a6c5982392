/**
 * A requester's personal data (个人信息) on a cross-region request: name (姓名), resident
 * identity number (公民身份号码, GB 11643) and phone (联系电话). Checked when given; masked
 * (脱敏) for anyone but the requester and the two archives involved.
 */
import { badUserInput } from '../../../protocol/errors.js';
import { printableText } from '../../../protocol/text.js';

export interface PersonalData {
  name: string;
  identityNumber: string;
  phone: string;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

/** The check character (校验码) of the first 17 digits of an identity number, by GB 11643 (ISO 7064 MOD 11-2). */
export function identityCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARACTERS[sum % 11]!;
}

export function checkedName(value: string): string {
  const name = printableText('requester.name', value.trim());
  if (name.length === 0) throw badUserInput('The requester\'s name (姓名) must not be empty.');
  if (name.length > 50) throw badUserInput('The requester\'s name (姓名) may be at most 50 characters.');
  return name;
}

/** An 18-character resident identity number with a valid birth date and check character. */
export function checkedIdentityNumber(value: string): string {
  const number = value.trim().toUpperCase();
  const match = /^\d{6}(\d{4})(\d{2})(\d{2})\d{3}[\dX]$/.exec(number);
  const birth = match ? `${match[1]}-${match[2]}-${match[3]}` : '';
  const valid =
    match !== null &&
    !Number.isNaN(Date.parse(birth)) &&
    new Date(`${birth}T00:00:00Z`).toISOString().slice(0, 10) === birth &&
    identityCheckCharacter(number) === number[17];
  if (!valid) {
    throw badUserInput('The identity number (身份证号) must be 18 characters: 17 digits with a real birth date, and a valid check character (0–9 or X).');
  }
  return number;
}

/** A mobile number (11 digits starting with 1) or a landline with area code, e.g. 0791-86123456. */
export function checkedPhone(value: string): string {
  const phone = value.trim();
  if (!/^(1\d{10}|0\d{2,3}-?\d{7,8})$/.test(phone)) {
    throw badUserInput('The phone number (联系电话) must be an 11-digit mobile number or a landline with area code, e.g. 0791-86123456.');
  }
  return phone;
}

/** 张三 → 张*, 欧阳娜娜 → 欧***: only the first character stays. */
export function maskName(name: string): string {
  const characters = [...name];
  return characters[0]! + '*'.repeat(Math.max(1, characters.length - 1));
}

/** 360102199001011234 → 3601**********1234. */
export function maskIdentityNumber(number: string): string {
  return number.slice(0, 4) + '*'.repeat(Math.max(0, number.length - 8)) + number.slice(-4);
}

/** 13812345678 → 138****5678; a landline keeps its area code and last 4 digits. */
export function maskPhone(phone: string): string {
  if (phone.length <= 7) return '*'.repeat(phone.length);
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}

export function maskPersonalData(data: PersonalData): PersonalData {
  return { name: maskName(data.name), identityNumber: maskIdentityNumber(data.identityNumber), phone: maskPhone(data.phone) };
}

/** A postal address keeps its first 6 characters (province and city), the rest hidden. */
export function maskAddress(address: string): string {
  const characters = [...address];
  return characters.slice(0, 6).join('') + '*'.repeat(Math.max(1, Math.min(characters.length - 6, 10)));
}
