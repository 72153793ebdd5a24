/**
 * General world knowledge: which countries a continent or region word covers,
 * so "customers in Europe" becomes a filter on whatever country values a
 * database holds. Names include the common short forms databases use.
 */
const REGIONS: Record<string, string[]> = {
  europe: [
    "Albania", "Andorra", "Austria", "Belarus", "Belgium", "Bosnia and Herzegovina", "Bulgaria", "Croatia", "Cyprus",
    "Czech Republic", "Czechia", "Denmark", "Estonia", "Finland", "France", "Germany", "Greece", "Hungary", "Iceland",
    "Ireland", "Italy", "Kosovo", "Latvia", "Liechtenstein", "Lithuania", "Luxembourg", "Malta", "Moldova", "Monaco",
    "Montenegro", "Netherlands", "Holland", "North Macedonia", "Norway", "Poland", "Portugal", "Romania", "Russia",
    "San Marino", "Serbia", "Slovakia", "Slovenia", "Spain", "Sweden", "Switzerland", "Ukraine", "United Kingdom", "UK",
    "Great Britain", "England", "Scotland", "Wales",
  ],
  asia: [
    "Afghanistan", "Bangladesh", "Bhutan", "Brunei", "Cambodia", "China", "Hong Kong", "India", "Indonesia", "Iran", "Iraq",
    "Israel", "Japan", "Jordan", "Kazakhstan", "Kuwait", "Laos", "Lebanon", "Malaysia", "Maldives", "Mongolia", "Myanmar",
    "Nepal", "North Korea", "Oman", "Pakistan", "Philippines", "Qatar", "Saudi Arabia", "Singapore", "South Korea", "Korea",
    "Sri Lanka", "Syria", "Taiwan", "Thailand", "Turkey", "United Arab Emirates", "UAE", "Uzbekistan", "Vietnam", "Yemen",
  ],
  "north america": ["Canada", "United States", "USA", "US", "United States of America", "Mexico"],
  "central america": ["Belize", "Costa Rica", "El Salvador", "Guatemala", "Honduras", "Nicaragua", "Panama"],
  "south america": ["Argentina", "Bolivia", "Brazil", "Chile", "Colombia", "Ecuador", "Guyana", "Paraguay", "Peru", "Suriname", "Uruguay", "Venezuela"],
  africa: [
    "Algeria", "Angola", "Botswana", "Cameroon", "Egypt", "Ethiopia", "Ghana", "Ivory Coast", "Kenya", "Libya", "Madagascar",
    "Morocco", "Mozambique", "Namibia", "Nigeria", "Rwanda", "Senegal", "South Africa", "Sudan", "Tanzania", "Tunisia",
    "Uganda", "Zambia", "Zimbabwe",
  ],
  oceania: ["Australia", "New Zealand", "Fiji", "Papua New Guinea"],
};
REGIONS["latin america"] = [...REGIONS["south america"]!, ...REGIONS["central america"]!, "Mexico", "Cuba", "Dominican Republic"];
REGIONS["americas"] = [...REGIONS["north america"]!, ...REGIONS["latin america"]!];
REGIONS["scandinavia"] = ["Denmark", "Norway", "Sweden", "Finland", "Iceland"];
REGIONS["nordic countries"] = REGIONS["scandinavia"]!;
REGIONS["european union"] = REGIONS["europe"]!.filter((c) => !["Albania", "Andorra", "Belarus", "Bosnia and Herzegovina", "Iceland", "Kosovo", "Liechtenstein", "Moldova", "Monaco", "Montenegro", "North Macedonia", "Norway", "Russia", "San Marino", "Serbia", "Switzerland", "Ukraine", "United Kingdom", "UK", "Great Britain", "England", "Scotland", "Wales"].includes(c));

/** Other ways to name each region. */
const ALIASES: Record<string, string> = {
  european: "europe",
  asian: "asia",
  "north american": "north america",
  "south american": "south america",
  "latin american": "latin america",
  african: "africa",
  oceanian: "oceania",
  scandinavian: "scandinavia",
  "the eu": "european union",
  eu: "european union",
  nordic: "nordic countries",
};

/** Region phrases with the values of `values` (a country column's samples) they cover. */
export function regionValues(values: string[]): { phrase: string; values: string[] }[] {
  const lower = new Map(values.map((v) => [v.toLowerCase(), v]));
  const out: { phrase: string; values: string[] }[] = [];
  const phrases = [...Object.keys(REGIONS).map((r) => [r, r] as const), ...Object.entries(ALIASES)];
  for (const [phrase, region] of phrases) {
    const hits = REGIONS[region]!.map((c) => lower.get(c.toLowerCase())).filter((v): v is string => v !== undefined);
    if (hits.length > 0) out.push({ phrase, values: [...new Set(hits)] });
  }
  return out;
}

/** US states and Canadian provinces with their postal codes (databases store either). */
const SUBDIVISIONS: [string, string][] = [
  ["Alabama", "AL"], ["Alaska", "AK"], ["Arizona", "AZ"], ["Arkansas", "AR"], ["California", "CA"], ["Colorado", "CO"],
  ["Connecticut", "CT"], ["Delaware", "DE"], ["Florida", "FL"], ["Georgia", "GA"], ["Hawaii", "HI"], ["Idaho", "ID"],
  ["Illinois", "IL"], ["Indiana", "IN"], ["Iowa", "IA"], ["Kansas", "KS"], ["Kentucky", "KY"], ["Louisiana", "LA"],
  ["Maine", "ME"], ["Maryland", "MD"], ["Massachusetts", "MA"], ["Michigan", "MI"], ["Minnesota", "MN"],
  ["Mississippi", "MS"], ["Missouri", "MO"], ["Montana", "MT"], ["Nebraska", "NE"], ["Nevada", "NV"],
  ["New Hampshire", "NH"], ["New Jersey", "NJ"], ["New Mexico", "NM"], ["New York", "NY"], ["North Carolina", "NC"],
  ["North Dakota", "ND"], ["Ohio", "OH"], ["Oklahoma", "OK"], ["Oregon", "OR"], ["Pennsylvania", "PA"],
  ["Rhode Island", "RI"], ["South Carolina", "SC"], ["South Dakota", "SD"], ["Tennessee", "TN"], ["Texas", "TX"],
  ["Utah", "UT"], ["Vermont", "VT"], ["Virginia", "VA"], ["Washington", "WA"], ["West Virginia", "WV"],
  ["Wisconsin", "WI"], ["Wyoming", "WY"], ["District of Columbia", "DC"],
  ["Alberta", "AB"], ["British Columbia", "BC"], ["Manitoba", "MB"], ["New Brunswick", "NB"], ["Newfoundland and Labrador", "NL"],
  ["Nova Scotia", "NS"], ["Ontario", "ON"], ["Prince Edward Island", "PE"], ["Quebec", "QC"], ["Saskatchewan", "SK"],
  ["Yukon", "YT"], ["Northwest Territories", "NT"], ["Nunavut", "NU"],
];

/** For a state/province column: full names that stand for stored codes, and codes for stored names. */
export function subdivisionAliases(values: string[]): { phrase: string; value: string }[] {
  const present = new Set(values);
  const out: { phrase: string; value: string }[] = [];
  for (const [name, code] of SUBDIVISIONS) {
    if (present.has(code) && !present.has(name)) out.push({ phrase: name, value: code });
    if (present.has(name) && !present.has(code)) out.push({ phrase: code, value: name });
  }
  return out;
}

/** Names, short forms and adjectives of one country ("US", "American" for USA). */
const COUNTRY_NAMES: string[][] = [
  ["USA", "US", "U.S.", "U.S.A.", "United States", "United States of America", "America", "American"],
  ["UK", "U.K.", "United Kingdom", "Great Britain", "Britain", "British"],
  ["Germany", "German"], ["France", "French"], ["Spain", "Spanish"], ["Italy", "Italian"], ["Portugal", "Portuguese"],
  ["Brazil", "Brazilian"], ["Canada", "Canadian"], ["Mexico", "Mexican"], ["Argentina", "Argentinian", "Argentine"],
  ["Sweden", "Swedish"], ["Norway", "Norwegian"], ["Denmark", "Danish"], ["Finland", "Finnish"], ["Poland", "Polish"],
  ["Belgium", "Belgian"], ["Netherlands", "Holland", "Dutch"], ["Switzerland", "Swiss"], ["Austria", "Austrian"],
  ["Ireland", "Irish"], ["India", "Indian"], ["China", "Chinese"], ["Japan", "Japanese"], ["Australia", "Australian"],
  ["Chile", "Chilean"], ["Venezuela", "Venezuelan"], ["Czech Republic", "Czechia", "Czech"], ["Hungary", "Hungarian"],
];

/** For a country column: other names of the countries it holds, each standing for the stored value. */
export function countryAliases(values: string[]): { phrase: string; value: string }[] {
  const stored = new Map(values.map((v) => [v.toLowerCase(), v]));
  const out: { phrase: string; value: string }[] = [];
  for (const names of COUNTRY_NAMES) {
    const value = names.map((n) => stored.get(n.toLowerCase())).find((v) => v !== undefined);
    if (!value) continue;
    for (const n of names) if (!stored.has(n.toLowerCase())) out.push({ phrase: n, value });
  }
  return out;
}
