/**
 * General-purpose English synonyms for words common in business schemas of
 * many domains (sales, HR, support, logistics, media, education, health,
 * finance). Each group lists words and phrases that users use for the same
 * thing. Bootstrapping adds the group's other members as synonyms to a
 * table or column whose name matches a member; exact names still win in the
 * engine, so broad groups only help when nothing matches exactly.
 */
const GROUPS: string[][] = [
  // people and organisations
  ["customer", "client", "buyer", "shopper", "purchaser", "patron"],
  ["employee", "staff", "staff member", "worker", "personnel", "colleague", "team member", "salesperson", "salespeople", "sales people", "salesman", "salesmen"],
  ["supplier", "vendor", "provider", "manufacturer"],
  ["shipper", "carrier", "courier", "shipping company", "freight company", "logistics provider"],
  ["company", "business", "firm", "organization", "organisation", "enterprise"],
  ["manager", "boss", "supervisor", "line manager", "reports to"],
  ["user", "member", "account holder"],
  ["contact", "contact person"],
  ["agent", "representative", "rep", "support rep", "support agent", "sales rep", "sales representative", "sales agent", "salesperson", "sales person", "account manager", "account rep"],
  ["student", "pupil", "learner"],
  ["teacher", "instructor", "professor", "tutor"],
  ["patient", "client"],
  ["doctor", "physician", "clinician"],
  ["person", "people", "individual"],
  // commerce
  ["order", "purchase", "sale order", "sales order"],
  ["invoice", "bill", "receipt"],
  ["invoice line", "invoice item", "line item", "order line", "purchase line"],
  ["order detail", "order line", "order item", "line item"],
  ["product", "item", "article", "merchandise", "sku", "good"],
  ["category", "product category", "class", "kind"],
  ["price", "cost", "list price", "selling price"],
  ["unit price", "price", "price per unit", "cost per unit", "unit cost"],
  ["quantity", "qty", "amount ordered", "units ordered", "number of units"],
  ["discount", "rebate", "markdown", "reduction"],
  ["freight", "shipping cost", "shipping fee", "delivery cost", "shipping charge", "freight cost"],
  ["total", "amount", "total amount", "grand total", "value"],
  ["units in stock", "stock", "inventory", "stock level", "quantity in stock", "units available"],
  ["units on order", "on order", "backorder", "backordered units"],
  ["reorder level", "reorder point", "minimum stock"],
  ["discontinued", "retired", "no longer sold", "obsolete"],
  ["payment", "transaction", "txn"],
  ["shipment", "delivery", "consignment"],
  ["warehouse", "depot", "distribution center"],
  ["store", "shop", "outlet", "branch"],
  ["salary", "pay", "wage", "compensation", "earnings", "earns", "earn", "paid"],
  ["budget", "allocation"],
  ["balance", "account balance"],
  ["tax", "vat", "sales tax"],
  // places
  ["country", "nation"],
  ["city", "town"],
  ["state", "province"],
  ["region", "area", "zone"],
  ["territory", "sales territory", "district"],
  ["postal code", "zip", "zip code", "postcode", "post code"],
  ["address", "street address", "street"],
  ["phone", "telephone", "phone number", "telephone number", "home phone"],
  ["email", "e-mail", "email address", "mail"],
  ["fax", "fax number"],
  ["homepage", "website", "web site", "url"],
  // time and people attributes
  ["birth date", "birthday", "date of birth", "dob", "born"],
  ["hire date", "start date", "hiring date", "employment date", "hired", "joined"],
  ["order date", "ordered", "purchase date", "date ordered"],
  ["shipped date", "ship date", "shipping date", "shipped", "dispatch date", "dispatched"],
  ["required date", "due date", "deadline", "needed by"],
  ["invoice date", "billing date", "date invoiced"],
  ["created at", "creation date", "created", "date created"],
  ["termination date", "terminated", "left", "leave date", "exit date", "departure date", "departed", "quit", "termination", "terminations", "leaving date"],
  ["leave date", "left", "departure date", "exit date", "departed"],
  ["churn date", "churned", "churn"],
  ["resolved at", "resolved", "resolution date", "closed"],
  ["end date", "ended", "finish date", "finished"],
  ["start date", "started", "begin date", "began"],
  ["title", "job title", "position", "role"],
  ["first name", "given name", "forename"],
  ["last name", "surname", "family name"],
  ["title of courtesy", "courtesy title", "salutation", "honorific"],
  ["description", "details", "summary"],
  ["notes", "comments", "remarks"],
  // support and work
  ["ticket", "case", "issue", "support request", "request"],
  ["priority", "urgency", "severity"],
  ["status", "stage"],
  ["rating", "score", "satisfaction"],
  ["department", "dept", "division", "team"],
  ["project", "initiative"],
  ["task", "todo", "job"],
  // media
  ["track", "song", "tune", "recording", "piece"],
  ["artist", "musician", "performer", "band", "singer", "act"],
  ["album", "record", "release", "lp"],
  ["genre", "music genre", "style", "musical style"],
  ["playlist", "play list", "mix"],
  ["composer", "songwriter", "writer", "author"],
  ["media type", "format", "file format", "media format"],
  ["milliseconds", "duration", "length", "runtime", "running time", "play time"],
  ["bytes", "size", "file size"],
  // education and health
  ["course", "class", "subject", "module"],
  ["grade", "mark", "score"],
  ["appointment", "visit", "consultation"],
];

const INDEX = new Map<string, Set<string>>();
for (const group of GROUPS) {
  for (const word of group) {
    const set = INDEX.get(word) ?? new Set<string>();
    for (const other of group) if (other !== word) set.add(other);
    INDEX.set(word, set);
  }
}

/** Other words for a lower-case, singular phrase (empty when none is known). */
export function synonymsOf(phrase: string): string[] {
  return [...(INDEX.get(phrase) ?? [])];
}

/** Common abbreviations in column and table names, expanded to words. */
export const ABBREVIATIONS: Record<string, string> = {
  qty: "quantity",
  amt: "amount",
  desc: "description",
  descr: "description",
  dt: "date",
  ts: "timestamp",
  num: "number",
  nbr: "number",
  no: "number",
  addr: "address",
  cust: "customer",
  emp: "employee",
  empl: "employee",
  prod: "product",
  cat: "category",
  dept: "department",
  mgr: "manager",
  acct: "account",
  txn: "transaction",
  trx: "transaction",
  pct: "percent",
  avg: "average",
  tel: "telephone",
  dob: "birth date",
  org: "organization",
  inv: "invoice",
  ord: "order",
  supp: "supplier",
  ref: "reference",
  msg: "message",
  img: "image",
  pic: "picture",
  usr: "user",
  cnt: "count",
  yr: "year",
  mo: "month",
  min: "minimum",
  max: "maximum",
  st: "state",
  ctry: "country",
  prc: "price",
};
