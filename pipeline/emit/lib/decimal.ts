/**
 * A number in plain decimal notation: '.' as the decimal mark, no exponent, no grouping, the shortest
 * digits that read back as the same number. String() switches to exponents below 1e-6 and from 1e21,
 * which neither spreadsheets nor xsd:decimal accept.
 */
export function plainDecimal(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`${value} has no decimal notation`);
  if (Object.is(value, -0)) return '0';
  const text = String(value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign = '', lead = '', fraction = '', exponentText = '0'] = match;
  const digits = lead + fraction;
  // Where the decimal point falls in `digits` once the exponent is applied.
  const point = 1 + Number(exponentText);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
