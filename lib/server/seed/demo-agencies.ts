/**
 * Demo agencies of Haiping City (海平市), a fictional coastal municipality.
 *
 * Pure data for the seed script: no I/O, no imports. Every name, address, phone number
 * and e-mail address in the demo content is invented (phone numbers use the unassigned
 * prefix 0000-, e-mail and web addresses use the reserved ".example" top-level domain).
 */

export type DemoAgency = {
  /** Slug, ^[a-z0-9][a-z0-9-]{0,63}$ (the agency id committed in every leaf). */
  id: string;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  /** Drafts need a reviewer's approval, and public pages name who signed off (docs/review.md). */
  review?: true;
};

export const DEMO_AGENCIES: DemoAgency[] = [
  {
    id: "hp-gov-office",
    nameZh: "海平市人民政府办公室",
    nameEn: "General Office of the Haiping Municipal People's Government",
    descriptionZh: "负责市政府规章、规范性文件和人事任免事项的发布，统筹全市政府信息公开工作，受理政府信息公开申请。",
    descriptionEn:
      "Publishes municipal government rules, normative documents and appointments, coordinates government information disclosure across the city and handles information disclosure requests.",
  },
  {
    id: "hp-planning",
    nameZh: "海平市自然资源和规划局",
    nameEn: "Haiping Municipal Bureau of Natural Resources and Planning",
    descriptionZh: "负责国土空间规划编制与实施、建设项目规划许可、国有建设用地使用权出让、土地征收和不动产登记等工作，依法发布规划公示和土地出让公告。",
    descriptionEn:
      "Responsible for territorial spatial planning, planning permits for construction projects, the transfer of state-owned construction land use rights, land expropriation and real estate registration; publishes planning publicity notices and land transfer announcements.",
  },
  {
    id: "hp-finance",
    nameZh: "海平市财政局",
    nameEn: "Haiping Municipal Finance Bureau",
    descriptionZh: "负责全市财政预算编制与执行，组织市本级预算、决算公开，监督管理政府采购活动，发布政府采购公告和中标（成交）结果。",
    descriptionEn:
      "Prepares and executes the municipal budget, publishes budgets and final accounts, supervises government procurement and publishes procurement notices and contract awards.",
  },
  {
    id: "hp-drc",
    nameZh: "海平市发展和改革委员会",
    nameEn: "Haiping Municipal Development and Reform Commission",
    descriptionZh: "负责拟订全市国民经济和社会发展规划，管理政府投资项目，承担价格管理、营商环境建设和外商投资促进相关工作。",
    descriptionEn:
      "Drafts the city's economic and social development plans, manages government-funded investment projects, and is responsible for price regulation, the business environment and foreign investment promotion.",
  },
  {
    id: "hp-ecology",
    nameZh: "海平市生态环境局",
    nameEn: "Haiping Municipal Ecology and Environment Bureau",
    descriptionZh: "负责全市生态环境监督管理，审批建设项目环境影响评价文件，发布环评受理、拟审批和审批决定公示，以及环境质量信息。",
    descriptionEn:
      "Supervises environmental protection across the city, reviews environmental impact assessment (EIA) reports for construction projects, and publishes EIA notices and environmental quality information.",
    review: true,
  },
  {
    id: "hp-hrss",
    nameZh: "海平市人力资源和社会保障局",
    nameEn: "Haiping Municipal Human Resources and Social Security Bureau",
    descriptionZh: "负责就业创业、社会保险、工资收入分配和事业单位人事管理等工作，发布公开招聘、社保政策和最低工资标准等信息。",
    descriptionEn:
      "Responsible for employment, social insurance, wage policy and personnel management of public institutions; publishes recruitment notices, social insurance policies and the minimum wage.",
  },
];
