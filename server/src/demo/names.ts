/** Invented people and company names shared by the demo datasets. */

import { DemoDataError } from "./errors.ts";
import type { Random } from "./random.ts";

export const femaleFirstNames = [
  "Amara", "Ana", "Beatriz", "Camille", "Chloe", "Daniela", "Elena", "Emily", "Fatima", "Freya",
  "Grace", "Hana", "Ingrid", "Isabel", "Jasmine", "Julia", "Keiko", "Laila", "Lucia", "Maya",
  "Mei", "Nadia", "Nora", "Olivia", "Priya", "Rosa", "Sakura", "Sara", "Sofia", "Tara",
  "Valentina", "Yara", "Zoe", "Ines", "Leah", "Marta", "Aisha", "Clara", "Eva", "Naomi",
];

export const maleFirstNames = [
  "Aarav", "Adam", "Ahmed", "Andre", "Arjun", "Ben", "Carlos", "Daniel", "David", "Diego",
  "Elias", "Ethan", "Felix", "Gabriel", "Hiroshi", "Ivan", "Jakob", "James", "Jonas", "Kenji",
  "Lars", "Leon", "Lucas", "Marco", "Mateo", "Mohammed", "Noah", "Omar", "Pablo", "Rafael",
  "Ravi", "Samuel", "Tomas", "Victor", "Wei", "Yusuf", "Hugo", "Oscar", "Luis", "Kwame",
];

export const lastNames = [
  "Abe", "Alvarez", "Andersson", "Bauer", "Becker", "Brown", "Castro", "Chen", "Costa", "Da Silva",
  "Dubois", "Evans", "Fernandes", "Fischer", "Garcia", "Gupta", "Hansen", "Hughes", "Ibrahim", "Ito",
  "Jansen", "Johnson", "Kim", "Kowalski", "Kumar", "Lee", "Lopez", "Martin", "Meyer", "Moreau",
  "Mori", "Murphy", "Nakamura", "Nguyen", "Novak", "O'Brien", "Okafor", "Patel", "Perez", "Petrov",
  "Rossi", "Santos", "Schmidt", "Shah", "Silva", "Singh", "Sousa", "Tanaka", "Taylor", "Torres",
  "Van Dijk", "Walker", "Wang", "Weber", "Williams", "Wilson", "Yamamoto", "Zhang", "Mensah", "Haddad",
];

export interface Person {
  firstName: string;
  lastName: string;
  gender: "Female" | "Male" | "Non-binary";
}

export function randomPerson(rng: Random): Person {
  const roll = rng.next();
  const gender = roll < 0.48 ? "Female" : roll < 0.97 ? "Male" : "Non-binary";
  const pool = gender === "Female" ? femaleFirstNames : gender === "Male" ? maleFirstNames : rng.pick([femaleFirstNames, maleFirstNames]);
  return { firstName: rng.pick(pool), lastName: rng.pick(lastNames), gender };
}

/** `first.last@domain`, made unique with a number when the name is taken. */
export function uniqueEmail(person: Person, domain: string, taken: Set<string>): string {
  const local = `${person.firstName}.${person.lastName}`.toLowerCase().replace(/[^a-z.]/g, "");
  let email = `${local}@${domain}`;
  for (let n = 2; taken.has(email); n++) email = `${local}${n}@${domain}`;
  taken.add(email);
  return email;
}

/** Draws names until one is new; fails loudly rather than loop when the name space is used up. */
export function uniqueName(rng: Random, taken: Set<string>, make: (rng: Random) => string): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const name = make(rng);
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
  throw new DemoDataError("DEMO_NAMES_EXHAUSTED", `no new name after 1000 draws (${taken.size} taken)`);
}
