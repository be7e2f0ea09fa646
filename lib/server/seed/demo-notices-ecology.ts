/** Demo notices: 海平市生态环境局 — environmental rules and environmental quality information. */
import type { DemoNotice } from "./demo-notices";

const DUST_BODY = `为防治扬尘污染，改善环境空气质量，根据《中华人民共和国大气污染防治法》，我局起草了《海平市扬尘污染防治管理办法（征求意见稿）》，现向社会公开征求意见。

征求意见稿共五章三十条，主要规定：建设工程施工现场应设置连续硬质围挡，主要道路两侧围挡高度不低于2.5米；施工现场出入口设置车辆冲洗设施，土方作业采取洒水、喷雾等抑尘措施；城市主干道机械化清扫率达到100%；渣土运输车辆实行密闭运输和卫星定位监控；空气重污染预警期间停止土石方作业和拆除作业。

违反规定的，依照《中华人民共和国大气污染防治法》第一百一十五条等规定处罚，并纳入企业信用记录。

征求意见时间为2026年5月25日至2026年6月24日。意见可通过电子邮件（ycfz@eco.haiping.example）或信函（海平市滨海大道88号市民中心D座海平市生态环境局大气环境科）提交。联系电话：0000-6180236。

海平市生态环境局`;

const DUST_EN_BODY = `The Haiping Municipal Ecology and Environment Bureau invites comments on the draft Haiping Measures on the Prevention and Control of Dust Pollution, made under the Air Pollution Prevention and Control Law. This English version is for reference; the Chinese draft (海环〔2026〕12号) prevails.

**Key provisions.**

1. Construction sites must be enclosed by continuous solid hoardings, at least 2.5 m high along main roads;
2. vehicle washing facilities at every site exit, and water spraying during earthworks;
3. fully mechanised cleaning of all arterial roads;
4. enclosed transport of construction waste, with satellite tracking of vehicles;
5. earthworks and demolition stop during heavy air pollution alerts.

Violations are penalised under the Air Pollution Prevention and Control Law and recorded in the enterprise credit system.

**Consultation period.** 27 May to 24 June 2026. Send comments to ycfz@eco.haiping.example or to the Air Quality Division, Block D, Haiping Civic Centre, 88 Binhai Avenue. Telephone: 0000-6180236.`;

const KEY_UNITS_BODY = `根据《环境监管重点单位名录管理办法》，经筛选确定，现将海平市2026年环境监管重点单位名录予以公开。

2026年全市共确定环境监管重点单位312家，其中水环境重点排污单位96家，大气环境重点排污单位118家，土壤污染重点监管单位54家，环境风险重点管控单位44家。各类别数量按区分布如下：

| 区 | 水环境 | 大气环境 | 土壤污染 | 环境风险 | 合计 |
| --- | --- | --- | --- | --- | --- |
| 东湖区 | 21 | 25 | 9 | 6 | 61 |
| 临港区 | 38 | 52 | 27 | 25 | 142 |
| 滨海新区 | 19 | 23 | 10 | 8 | 60 |
| 老城区 | 18 | 18 | 8 | 5 | 49 |

列入名录的单位应依法安装使用自动监测设备，与生态环境主管部门联网，并按规定公开排污信息。名录将根据实际情况动态调整。

联系电话：0000-6180245（海平市生态环境局法规与标准科）。`;

const AIR_CSV = `监测点位,PM2.5（微克/立方米）,PM10（微克/立方米）,臭氧日最大8小时第90百分位（微克/立方米）,二氧化氮（微克/立方米）,优良天数比例（%）
市监测站,26,49,132,28,93.5
东湖公园,24,45,128,25,96.8
临港工业区,31,58,138,34,87.1
滨海新区管委会,22,41,135,21,96.8
老城区文化宫,27,50,126,31,93.5
全市平均,26,49,132,28,93.5
`;

const AIR_BODY = `根据《中华人民共和国大气污染防治法》和《海平市环境质量信息公开办法》，现将2026年10月海平市环境空气质量状况公布如下。

10月全市环境空气质量优良天数29天，优良天数比例为93.5%，同比上升3.2个百分点；轻度污染2天，首要污染物为臭氧；无重度及以上污染天气。

主要污染物月均浓度：PM2.5为26微克/立方米，同比下降7.1%；PM10为49微克/立方米，同比下降5.8%；二氧化氮为28微克/立方米，同比持平。各监测点位数据见附件。

11月至次年2月是大气污染易发时段，请市民关注空气质量预报，重污染天气预警期间减少户外活动。空气质量实时数据可在海平市生态环境局网站查询。

联系电话：0000-6180252（海平市生态环境监测站）。`;

export const ECOLOGY_NOTICES: DemoNotice[] = [
  {
    id: "HP-ECO-2026-007",
    agency: "hp-ecology",
    language: "zh-CN",
    category: "information",
    daysAgo: 237, // 2026-03-31
    versions: [
      {
        kind: "publish",
        fields: {
          title: "海平市2026年环境监管重点单位名录",
          number: "海环〔2026〕7号",
          category: "information",
          language: "zh-CN",
          effectiveDate: "2026-03-31",
          body: KEY_UNITS_BODY,
        },
      },
    ],
  },
  {
    id: "HP-ECO-2026-012",
    agency: "hp-ecology",
    language: "zh-CN",
    category: "consultation",
    daysAgo: 182, // 2026-05-25
    versions: [
      {
        kind: "publish",
        fields: {
          title: "关于公开征求《海平市扬尘污染防治管理办法（征求意见稿）》意见的通知",
          number: "海环〔2026〕12号",
          category: "consultation",
          language: "zh-CN",
          effectiveDate: "2026-05-25",
          body: DUST_BODY,
        },
      },
    ],
  },
  {
    id: "HP-ECO-2026-012-EN",
    agency: "hp-ecology",
    language: "en",
    category: "consultation",
    daysAgo: 180, // 2026-05-27
    versions: [
      {
        kind: "publish",
        fields: {
          title: "Consultation on the Draft Haiping Measures on the Prevention and Control of Dust Pollution",
          number: "HPEEB [2026] No. 12",
          category: "consultation",
          language: "en",
          effectiveDate: "2026-05-27",
          body: DUST_EN_BODY,
        },
      },
    ],
  },
  {
    id: "HP-ECO-2026-045",
    agency: "hp-ecology",
    language: "zh-CN",
    category: "environment",
    daysAgo: 11, // 2026-11-12
    versions: [
      {
        kind: "publish",
        fields: {
          title: "2026年10月海平市环境空气质量状况",
          number: "海环〔2026〕45号",
          category: "environment",
          language: "zh-CN",
          effectiveDate: "2026-11-12",
          body: AIR_BODY,
        },
        attachments: [{ name: "2026年10月各监测点位空气质量数据.csv", mediaType: "text/csv", text: AIR_CSV }],
      },
    ],
  },
];
