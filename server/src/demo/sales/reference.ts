/** Fixed reference data of the sales demo: geography and the product range of an office-technology distributor. */

export interface RegionInfo {
  name: string;
  code: string;
  /** Share of customers. */
  weight: number;
  /** Later values make the region's customers sign up later, i.e. grow faster in 2022–2024. */
  signupSkew: number;
  countries: { name: string; cities: string[]; weight: number }[];
}

export const regions: RegionInfo[] = [
  {
    name: "North America",
    code: "NAM",
    weight: 38,
    signupSkew: 0,
    countries: [
      { name: "United States", weight: 8, cities: ["New York", "Chicago", "Austin", "Seattle", "Boston", "Denver", "Atlanta", "San Diego"] },
      { name: "Canada", weight: 2, cities: ["Toronto", "Vancouver", "Montréal", "Calgary"] },
    ],
  },
  {
    name: "EMEA",
    code: "EMEA",
    weight: 30,
    signupSkew: 0.1,
    countries: [
      { name: "United Kingdom", weight: 3, cities: ["London", "Manchester", "Edinburgh"] },
      { name: "Germany", weight: 3, cities: ["Berlin", "Munich", "Hamburg", "Frankfurt"] },
      { name: "France", weight: 2, cities: ["Paris", "Lyon", "Toulouse"] },
      { name: "Netherlands", weight: 1, cities: ["Amsterdam", "Rotterdam", "Utrecht"] },
      { name: "Spain", weight: 1, cities: ["Madrid", "Barcelona", "Valencia"] },
      { name: "Sweden", weight: 1, cities: ["Stockholm", "Gothenburg"] },
      { name: "United Arab Emirates", weight: 1, cities: ["Dubai", "Abu Dhabi"] },
      { name: "South Africa", weight: 1, cities: ["Johannesburg", "Cape Town"] },
    ],
  },
  {
    name: "APAC",
    code: "APAC",
    weight: 20,
    signupSkew: 0.45,
    countries: [
      { name: "Japan", weight: 3, cities: ["Tokyo", "Osaka", "Nagoya"] },
      { name: "Australia", weight: 2, cities: ["Sydney", "Melbourne", "Brisbane"] },
      { name: "Singapore", weight: 1, cities: ["Singapore"] },
      { name: "India", weight: 3, cities: ["Bengaluru", "Mumbai", "Pune", "Hyderabad"] },
      { name: "South Korea", weight: 1, cities: ["Seoul", "Busan"] },
    ],
  },
  {
    name: "LATAM",
    code: "LATAM",
    weight: 12,
    signupSkew: 0.25,
    countries: [
      { name: "Brazil", weight: 4, cities: ["São Paulo", "Rio de Janeiro", "Curitiba"] },
      { name: "Mexico", weight: 3, cities: ["Mexico City", "Monterrey", "Guadalajara"] },
      { name: "Argentina", weight: 1, cities: ["Buenos Aires", "Córdoba"] },
      { name: "Chile", weight: 1, cities: ["Santiago"] },
      { name: "Colombia", weight: 1, cities: ["Bogotá", "Medellín"] },
    ],
  },
];

export type Segment = "Enterprise" | "Mid-Market" | "Small Business" | "Public Sector";

export const segments: { name: Segment; weight: number; activity: number; maxQuantity: number; maxLines: number }[] = [
  { name: "Enterprise", weight: 12, activity: 3.2, maxQuantity: 30, maxLines: 6 },
  { name: "Mid-Market", weight: 28, activity: 1.8, maxQuantity: 10, maxLines: 5 },
  { name: "Small Business", weight: 50, activity: 1, maxQuantity: 3, maxLines: 4 },
  { name: "Public Sector", weight: 10, activity: 1.6, maxQuantity: 20, maxLines: 5 },
];

export const industries = [
  "Healthcare", "Financial Services", "Retail", "Manufacturing", "Education",
  "Technology", "Hospitality", "Logistics", "Media", "Professional Services",
];

/** Public-sector customers belong to these industries only. */
export const publicIndustries = ["Education", "Healthcare", "Government"];

export const companyWords = [
  "Alder", "Brightline", "Cobalt", "Driftwood", "Ember", "Fjord", "Granite", "Harbor", "Ironbark", "Juniper",
  "Kestrel", "Lumen", "Meridian", "Nimbus", "Orchard", "Pinnacle", "Quarry", "Redwood", "Summit", "Tidewater",
  "Vantage", "Willow", "Zenith", "Aurora", "Beacon", "Cedar", "Delta", "Evergreen", "Falcon", "Horizon",
];

export const companySuffixes = [
  "Logistics", "Health", "Analytics", "Foods", "Studio", "Capital", "Energy", "Labs", "Retail", "Manufacturing",
  "Partners", "Media", "Systems", "Outfitters", "Consulting", "Clinics", "Academy", "Hotels", "Engineering", "Group",
];

export interface ProductInfo {
  name: string;
  /** Current (2024) list price in cents; a multiple of 20 so discounted line totals are whole cents. */
  price: number;
  /** Set for products that arrived during 2022–2024. */
  launched?: string;
  /** Set for products withdrawn during 2022–2024; they keep their history. */
  discontinued?: string;
}

export interface CategoryInfo {
  name: string;
  description: string;
  weight: number;
  /** Multiplies order quantities: licences sell by the dozen, switches one at a time. */
  quantityFactor: number;
  /** Cost as a share of price (before per-product variation). */
  costRatio: number;
  products: ProductInfo[];
}

const usd = (dollars: number) => Math.round(dollars * 100);

export const categories: CategoryInfo[] = [
  {
    name: "Laptops",
    description: "Notebooks and mobile workstations.",
    weight: 12, quantityFactor: 1, costRatio: 0.74,
    products: [
      { name: "Aero 13 Laptop", price: usd(899), discontinued: "2024-02-29" },
      { name: "Aero 13 Laptop (2024)", price: usd(949), launched: "2024-03-01" },
      { name: "Aero 15 Laptop", price: usd(1199) },
      { name: "Forge 14 Pro Laptop", price: usd(1599) },
      { name: "Forge 16 Pro Laptop", price: usd(2199) },
      { name: "Scout 11 Chromebook", price: usd(329) },
      { name: "Scout 14 Laptop", price: usd(549) },
      { name: "Titan 17 Workstation", price: usd(2899), launched: "2022-09-15" },
    ],
  },
  {
    name: "Monitors",
    description: "Desktop and portable displays.",
    weight: 14, quantityFactor: 1.2, costRatio: 0.66,
    products: [
      { name: "ClearView 24 Monitor", price: usd(189) },
      { name: "ClearView 27 Monitor", price: usd(279) },
      { name: "ClearView 27 4K Monitor", price: usd(429) },
      { name: "UltraWide 34 Curved Monitor", price: usd(649) },
      { name: "Studio 32 6K Display", price: usd(1899), launched: "2023-05-02" },
      { name: "Portable 16 USB-C Monitor", price: usd(219) },
    ],
  },
  {
    name: "Phones & Tablets",
    description: "Smartphones and tablets for mobile staff.",
    weight: 9, quantityFactor: 1, costRatio: 0.7,
    products: [
      { name: "Pulse 5 Smartphone", price: usd(649), discontinued: "2023-09-30" },
      { name: "Pulse 6 Smartphone", price: usd(699), launched: "2023-10-01" },
      { name: "Pulse 6 Max Smartphone", price: usd(999), launched: "2023-10-01" },
      { name: "Pulse Lite Smartphone", price: usd(399) },
      { name: "Slate 11 Tablet", price: usd(499) },
      { name: "Slate 13 Pro Tablet", price: usd(899) },
      { name: "Slate Mini Tablet", price: usd(349), discontinued: "2024-06-30" },
    ],
  },
  {
    name: "Audio & Video",
    description: "Headsets, speakerphones, webcams and conference gear.",
    weight: 12, quantityFactor: 1.4, costRatio: 0.55,
    products: [
      { name: "Hush ANC Headphones", price: usd(249) },
      { name: "Hush Earbuds", price: usd(149) },
      { name: "Office Headset Duo", price: usd(89) },
      { name: "Meet Pro Speakerphone", price: usd(199) },
      { name: "Focus 4K Webcam", price: usd(129) },
      { name: "Room Camera Bar", price: usd(1299), launched: "2022-04-04" },
      { name: "Studio USB Microphone", price: usd(119) },
    ],
  },
  {
    name: "Accessories",
    description: "Keyboards, mice, docks, cables and bags.",
    weight: 22, quantityFactor: 1.8, costRatio: 0.45,
    products: [
      { name: "Wireless Keyboard", price: usd(49) },
      { name: "Ergonomic Keyboard", price: usd(89) },
      { name: "Wireless Mouse", price: usd(29) },
      { name: "Vertical Ergonomic Mouse", price: usd(59) },
      { name: "USB-C Docking Station", price: usd(229) },
      { name: "USB-C Travel Hub", price: usd(59) },
      { name: "Laptop Backpack", price: usd(79) },
      { name: "USB-C Cable 2 m", price: usd(19) },
      { name: "65 W USB-C Charger", price: usd(45) },
      { name: "Privacy Screen Filter", price: usd(39), discontinued: "2023-03-31" },
    ],
  },
  {
    name: "Networking",
    description: "Routers, switches and wireless access points.",
    weight: 7, quantityFactor: 0.6, costRatio: 0.62,
    products: [
      { name: "Mesh Wi-Fi Router", price: usd(299) },
      { name: "Wi-Fi 6 Access Point", price: usd(189) },
      { name: "Wi-Fi 7 Access Point", price: usd(279), launched: "2024-04-15" },
      { name: "8-Port Gigabit Switch", price: usd(69) },
      { name: "24-Port PoE Switch", price: usd(549) },
      { name: "Firewall Appliance", price: usd(899) },
    ],
  },
  {
    name: "Office Furniture",
    description: "Chairs, desks and workspace furniture.",
    weight: 8, quantityFactor: 1.3, costRatio: 0.58,
    products: [
      { name: "Ergo Task Chair", price: usd(329) },
      { name: "Ergo Mesh Chair Pro", price: usd(549) },
      { name: "Sit-Stand Desk 140", price: usd(599) },
      { name: "Sit-Stand Desk 160", price: usd(699) },
      { name: "Dual Monitor Arm", price: usd(129) },
      { name: "LED Desk Lamp", price: usd(59) },
      { name: "Mobile Pedestal", price: usd(189) },
    ],
  },
  {
    name: "Software & Services",
    description: "Licences, subscriptions, warranties and setup services.",
    weight: 10, quantityFactor: 3, costRatio: 0.3,
    products: [
      { name: "Office Suite Annual Licence", price: usd(99) },
      { name: "Endpoint Security Licence", price: usd(45) },
      { name: "Device Management Licence", price: usd(36), launched: "2022-07-01" },
      { name: "Cloud Backup 1 TB Annual", price: usd(79) },
      { name: "Extended Warranty 3 Years", price: usd(149) },
      { name: "On-site Setup Service", price: usd(250) },
    ],
  },
  {
    name: "Printers & Supplies",
    description: "Printers, toner and paper.",
    weight: 6, quantityFactor: 1.5, costRatio: 0.6,
    products: [
      { name: "Mono Laser Printer", price: usd(229) },
      { name: "Colour Laser Multifunction Printer", price: usd(549) },
      { name: "Black Toner Cartridge", price: usd(79) },
      { name: "Colour Toner Set", price: usd(229) },
      { name: "A4 Copy Paper (5 reams)", price: usd(29) },
      { name: "Label Printer", price: usd(119) },
    ],
  },
];

export const channels = ["Online", "Direct sales", "Partner", "Phone"] as const;
export type Channel = (typeof channels)[number];

/** Channel mix per segment (weights in `channels` order), before online growth. */
export const channelWeights: Record<Segment, number[]> = {
  Enterprise: [10, 60, 25, 5],
  "Mid-Market": [30, 35, 25, 10],
  "Small Business": [60, 10, 15, 15],
  "Public Sector": [5, 45, 45, 5],
};

/** Discount percentages and their weights per segment. */
export const discountWeights: Record<Segment, [number[], number[]]> = {
  Enterprise: [[0, 5, 10, 15, 20], [30, 25, 25, 12, 8]],
  "Mid-Market": [[0, 5, 10, 15], [50, 25, 18, 7]],
  "Small Business": [[0, 5, 10], [75, 18, 7]],
  "Public Sector": [[0, 5, 10, 15], [30, 30, 30, 10]],
};

/** Relative order volume by month (January first): quiet summer, strong autumn and year end. */
export const monthWeights = [0.8, 0.84, 1.0, 0.95, 0.98, 1.02, 0.84, 0.8, 1.06, 1.1, 1.26, 1.36];

/** Relative order volume by weekday (Sunday first). */
export const weekdayWeights = [0.35, 1.05, 1.1, 1.1, 1.08, 1.0, 0.45];
