/** Demo notices: 海平市自然资源和规划局 — land supply, land transfer and expropriation. */
import type { DemoAttachment, DemoNotice } from "./demo-notices";

// The land transfer notice first gave parcel HP-BH-2026-08 as 21,364 m² instead of
// 21,634 m²; the correction fixes the body and the boundary description.
const LISTING_BODY = `根据《中华人民共和国土地管理法》《中华人民共和国城市房地产管理法》《招标拍卖挂牌出让国有建设用地使用权规定》等法律法规，经海平市人民政府批准，海平市自然资源和规划局决定以挂牌方式出让下列2宗国有建设用地使用权。

## 一、挂牌出让地块基本情况

| 地块编号 | 位置 | 面积（平方米） | 用途 | 出让年限 | 容积率 | 起始价（万元） | 竞买保证金（万元） | 增价幅度（万元） |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
| HP-BH-2026-07 | 滨海新区临港路以东、海韵路以北 | 35,812 | 商务金融用地 | 40年 | 2.0—3.5 | 28,650 | 5,730 | 50 |
| HP-BH-2026-08 | 滨海新区海韵路以南、科创二路以西 | 21,364 | 工业用地（新型产业用地） | 50年 | 1.5—3.0 | 6,930 | 1,386 | 10 |

## 二、竞买人资格

中华人民共和国境内外的法人和其他组织，除法律法规另有规定外，均可申请参加竞买，申请人可以单独申请，也可以联合申请。HP-BH-2026-08地块竞得人须按《海平市新型产业用地管理办法》签订产业发展监管协议。

## 三、时间安排

- 公告期：2026年4月8日至2026年4月27日；
- 挂牌期：2026年4月28日9:00至2026年5月12日10:00；
- 竞买申请及保证金到账截止时间：2026年5月10日17:00（以银行到账时间为准）；
- 竞买资格确认：2026年5月11日17:00前。

## 四、交易方式

本次挂牌出让通过海平市公共资源交易中心网上交易系统进行，竞买人须在申请截止前完成数字证书办理。挂牌期限届满，按照价高者得原则确定竞得人。

## 五、其他事项

出让地块按现状交地，规划条件、界址点坐标等详见出让文件及附件。本公告未尽事宜，以出让文件为准。

## 六、联系方式

海平市自然资源和规划局土地利用科，地址：海平市滨海大道88号市民中心B座，联系电话：0000-6123452；海平市公共资源交易中心，联系电话：0000-6125500。

海平市自然资源和规划局`;

const boundary = (area: string): DemoAttachment => ({
  name: "HP-BH-2026-08地块界址点说明.txt",
  mediaType: "text/plain",
  text: `HP-BH-2026-08地块界址点说明
坐标系：2000国家大地坐标系（CGCS2000），高斯-克吕格投影，单位：米
地块面积：${area}平方米

界址点  X坐标           Y坐标
J1      3401215.382     512870.614
J2      3401215.382     513047.905
J3      3401093.046     513047.905
J4      3401093.046     512870.614

四至：北至海韵路道路红线，南至规划绿地，东至规划支路，西至科创二路道路红线。
说明：本说明为文字版，地块范围以出让文件所附勘测定界图为准。
`,
});

const LISTING_CORRECTED = LISTING_BODY.replace("| 21,364 |", "| 21,634 |");

const LISTING_EN_BODY = `Pursuant to the Land Administration Law, the Urban Real Estate Administration Law and the Rules on the Transfer of State-Owned Construction Land Use Rights by Tender, Auction and Listing, and with the approval of the Haiping Municipal People's Government, the Bureau will transfer the land use rights of the following two parcels by listing. This English version is for reference; the Chinese notice (海规资告字〔2026〕5号) prevails.

| Parcel | Location | Area (m²) | Use | Term | Floor area ratio | Starting price (CNY 10,000) | Deposit (CNY 10,000) |
| --- | --- | --- | --- | --- | --- | --- | --- |
| HP-BH-2026-07 | East of Lingang Road, north of Haiyun Road | 35,812 | Commercial and financial | 40 years | 2.0–3.5 | 28,650 | 5,730 |
| HP-BH-2026-08 | South of Haiyun Road, west of Kechuang 2nd Road | 21,364 | Industrial (new industry) | 50 years | 1.5–3.0 | 6,930 | 1,386 |

**Eligible bidders.** Legal persons and other organisations from within or outside mainland China, alone or jointly, unless laws provide otherwise. Foreign-invested enterprises are welcome to bid.

**Timetable.** Listing from 09:00 on 28 April to 10:00 on 12 May 2026. Applications and deposits must be received by 17:00 on 10 May 2026.

**How to bid.** All bidding takes place on the online trading system of the Haiping Public Resources Trading Centre; bidders need a digital certificate before applying. The highest bid at the end of the listing period wins.

**Contacts.** Land Use Division, telephone 0000-6123452; Haiping Public Resources Trading Centre, telephone 0000-6125500.`;

const LISTING_EN_CORRECTED = LISTING_EN_BODY.replace("| 21,364 |", "| 21,634 |");

const RESULT_BODY = `根据《招标拍卖挂牌出让国有建设用地使用权规定》，现将我局2026年4月8日公告挂牌出让的2宗国有建设用地使用权出让结果公示如下：

| 地块编号 | 面积（平方米） | 用途 | 成交价（万元） | 竞得人 | 成交时间 |
| --- | --- | --- | --- | --- | --- |
| HP-BH-2026-07 | 35,812 | 商务金融用地 | 31,250 | 海平湾置业有限公司 | 2026年5月12日 |
| HP-BH-2026-08 | 21,634 | 工业用地（新型产业用地） | 6,930 | 海平蓝海智能装备有限公司 | 2026年5月12日 |

HP-BH-2026-07地块挂牌期间共有3家竞买人参与报价，经17轮报价后成交；HP-BH-2026-08地块挂牌期间仅有1家竞买人报价，报价不低于底价，按起始价成交。

公示期为2026年5月20日至2026年5月29日。对公示内容有异议的，请在公示期内以书面形式向海平市自然资源和规划局土地利用科反映，联系电话：0000-6123452。

海平市自然资源和规划局`;

const SUPPLY_CSV = `用地类型,计划供应面积（公顷）,占比（%）,备注
商服用地,38.5,11.7,
工矿仓储用地,126.0,38.3,含新型产业用地21.4公顷
住宅用地,64.2,19.5,含保障性住房用地12.8公顷
公共管理与公共服务用地,41.3,12.6,
交通运输用地,52.7,16.0,
水域及水利设施用地,6.3,1.9,
合计,329.0,100.0,
`;

const SUPPLY_BODY = `根据《中华人民共和国土地管理法实施条例》和《国有建设用地供应计划编制规范》，经海平市人民政府同意，现将《海平市2026年度国有建设用地供应计划》予以公布。

2026年度全市计划供应国有建设用地329.0公顷，其中商服用地38.5公顷，工矿仓储用地126.0公顷，住宅用地64.2公顷，公共管理与公共服务用地41.3公顷，交通运输用地52.7公顷，水域及水利设施用地6.3公顷。分类明细见附件。

供应计划坚持“以需定供、保障重点”的原则：优先保障重大产业项目、民生工程和基础设施项目用地；住宅用地供应中保障性住房用地不少于12.8公顷；严格控制商服用地供应规模。

计划执行中，因国家、省重大项目建设等原因确需调整的，按程序报批后另行公布。各类用地的具体出让公告将在海平市政府门户网站（www.haiping.example）和海平市公共资源交易中心网站发布。

联系电话：0000-6123452（海平市自然资源和规划局土地利用科）。`;

const EXPROPRIATION_BODY = `疏港大道拓宽工程已列入海平市2026年重点建设项目。根据《中华人民共和国土地管理法》第四十七条和《中华人民共和国土地管理法实施条例》第二十七条规定，现将该工程集体土地征收补偿安置方案公告如下。

## 一、征收范围

临港街道渔湾村、沙头村集体土地共8.63公顷，其中农用地6.69公顷（含耕地5.12公顷），建设用地1.94公顷。征收范围以土地勘测定界图为准，图件在两村村民委员会张贴。

## 二、补偿标准

| 项目 | 标准 |
| --- | --- |
| 土地补偿费和安置补助费 | 按海平市区片综合地价执行，本区片为每亩7.2万元 |
| 农村村民住宅 | 按《海平市集体土地上房屋征收补偿办法》实行货币补偿或产权调换，由被征收人选择 |
| 青苗补偿费 | 每亩2,800元 |
| 其他地上附着物 | 按评估价值补偿 |
| 社会保障费用 | 按规定足额纳入被征地农民社会保障资金专户 |

## 三、安置方式

被征地农民纳入城乡居民基本养老保险补贴范围；有劳动能力的，由临港街道提供就业培训和岗位推荐服务。

## 四、公告期限及权利

公告期为2026年7月20日至2026年8月18日，共30日。被征地的农村集体经济组织、农村村民或者其他权利人对本方案有意见的，可在公告期内向临港街道办事处或海平市自然资源和规划局提出书面意见。过半数被征地的农村集体经济组织成员认为方案不符合法律法规规定的，海平市人民政府将组织召开听证会。

## 五、联系方式

海平市自然资源和规划局耕地保护和征地科，联系电话：0000-6123460；临港街道征地工作组，联系电话：0000-6127731。

海平市自然资源和规划局`;

const BONDED_CSV = `parcel,area_ha,use,planned_supply,max_floor_area_ratio
BL-01,6.20,Logistics and warehousing,Q1 2027,1.6
BL-02,4.75,Logistics and warehousing,Q1 2027,1.6
BL-03,3.10,Bonded processing,Q2 2027,2.0
BL-04,2.45,Cross-border e-commerce service centre,Q3 2027,2.5
BL-05,5.80,Cold-chain logistics,Q4 2027,1.4
`;

const BONDED_BODY = `The Haiping Municipal Bureau of Natural Resources and Planning publishes, for the information of domestic and foreign investors, the land use plan for the Haiping Bonded Logistics Park and the parcels expected to be offered in 2027.

The park covers 1.86 km² next to Haiping Port. The approved land use plan reserves 22.3 ha for the five parcels listed in the attached table (CSV), all of which will be transferred by listing on the online system of the Haiping Public Resources Trading Centre. Parcel transfer notices will be published in Chinese and English at least 20 days before each listing.

Investment intensity requirements apply: at least CNY 4.5 million of fixed-asset investment per hectare for logistics parcels and CNY 8 million per hectare for bonded processing. Land use rights for logistics and warehousing are granted for 50 years.

This notice is for information only and is not an offer to transfer land. Questions may be sent to investors@planning.haiping.example or raised by telephone at 0000-6123452 (English service available on working days, 9:00–17:00).`;

export const LAND_NOTICES: DemoNotice[] = [
  {
    id: "HP-PLAN-2026-009",
    agency: "hp-planning",
    language: "zh-CN",
    category: "land",
    daysAgo: 248, // 2026-03-20
    versions: [
      {
        kind: "publish",
        fields: {
          title: "海平市2026年度国有建设用地供应计划",
          number: "海规资〔2026〕9号",
          category: "land",
          language: "zh-CN",
          effectiveDate: "2026-03-20",
          body: SUPPLY_BODY,
        },
        attachments: [{ name: "2026年度国有建设用地供应计划分类明细表.csv", mediaType: "text/csv", text: SUPPLY_CSV }],
      },
    ],
  },
  {
    id: "HP-PLAN-2026-011",
    agency: "hp-planning",
    language: "zh-CN",
    category: "land",
    daysAgo: 229, // 2026-04-08
    versions: [
      {
        kind: "publish",
        fields: {
          title: "海平市国有建设用地使用权挂牌出让公告（HP-BH-2026-07、HP-BH-2026-08地块）",
          number: "海规资告字〔2026〕5号",
          category: "land",
          language: "zh-CN",
          effectiveDate: "2026-04-08",
          body: LISTING_BODY,
        },
        attachments: [boundary("21,364")],
      },
      {
        kind: "correct",
        daysAfterFirst: 5, // 2026-04-13
        fields: {
          title: "海平市国有建设用地使用权挂牌出让公告（HP-BH-2026-07、HP-BH-2026-08地块）",
          number: "海规资告字〔2026〕5号",
          category: "land",
          language: "zh-CN",
          effectiveDate: "2026-04-08",
          body: LISTING_CORRECTED,
          reason: "原公告中HP-BH-2026-08地块面积误为“21,364平方米”，现更正为“21,634平方米”，附件同步更正。其他内容不变。",
        },
        attachments: [boundary("21,634")],
      },
    ],
  },
  {
    id: "HP-PLAN-2026-011-EN",
    agency: "hp-planning",
    language: "en",
    category: "land",
    daysAgo: 228, // 2026-04-09
    versions: [
      {
        kind: "publish",
        fields: {
          title: "Listing-Based Transfer of State-Owned Construction Land Use Rights: Parcels HP-BH-2026-07 and HP-BH-2026-08",
          number: "HPNRP Land [2026] No. 5",
          category: "land",
          language: "en",
          effectiveDate: "2026-04-08",
          body: LISTING_EN_BODY,
        },
      },
      {
        kind: "correct",
        daysAfterFirst: 4, // 2026-04-13
        fields: {
          title: "Listing-Based Transfer of State-Owned Construction Land Use Rights: Parcels HP-BH-2026-07 and HP-BH-2026-08",
          number: "HPNRP Land [2026] No. 5",
          category: "land",
          language: "en",
          effectiveDate: "2026-04-08",
          body: LISTING_EN_CORRECTED,
          reason: "The area of parcel HP-BH-2026-08 is 21,634 m², not 21,364 m² as first published.",
        },
      },
    ],
  },
  {
    id: "HP-PLAN-2026-014",
    agency: "hp-planning",
    language: "zh-CN",
    category: "land",
    daysAgo: 187, // 2026-05-20
    versions: [
      {
        kind: "publish",
        fields: {
          title: "HP-BH-2026-07、HP-BH-2026-08地块国有建设用地使用权出让结果公示",
          number: "海规资告字〔2026〕9号",
          category: "land",
          language: "zh-CN",
          effectiveDate: "2026-05-20",
          body: RESULT_BODY,
        },
      },
    ],
  },
  {
    id: "HP-PLAN-2026-021",
    agency: "hp-planning",
    language: "zh-CN",
    category: "land",
    daysAgo: 126, // 2026-07-20
    versions: [
      {
        kind: "publish",
        fields: {
          title: "疏港大道拓宽工程集体土地征收补偿安置方案公告",
          number: "海规资征〔2026〕21号",
          category: "land",
          language: "zh-CN",
          effectiveDate: "2026-07-20",
          body: EXPROPRIATION_BODY,
        },
      },
    ],
  },
  {
    id: "HP-PLAN-2026-050-EN",
    agency: "hp-planning",
    language: "en",
    category: "land",
    daysAgo: 7, // 2026-11-16
    versions: [
      {
        kind: "publish",
        fields: {
          title: "Notice to Investors: Land Use Plan and 2027 Parcel Supply for the Haiping Bonded Logistics Park",
          number: "HPNRP [2026] No. 50",
          category: "land",
          language: "en",
          effectiveDate: "2026-11-16",
          body: BONDED_BODY,
        },
        attachments: [{ name: "bonded-logistics-park-parcels-2027.csv", mediaType: "text/csv", text: BONDED_CSV }],
      },
    ],
  },
];
