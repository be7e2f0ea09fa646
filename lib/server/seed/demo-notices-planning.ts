/** Demo notices: 海平市自然资源和规划局 — planning publicity and consultations. */
import type { DemoNotice } from "./demo-notices";

const BINHAI_BODY = `根据《中华人民共和国城乡规划法》第二十六条和《海平市城乡规划条例》有关规定，为提高规划编制的科学性和公众参与度，现将《海平市滨海新区控制性详细规划（修编）》草案予以批前公示，公开征求社会各界意见。

## 一、规划范围

规划范围东至滨海大道，西至临港路，南至海平湾岸线，北至疏港高速公路，总用地面积约12.6平方公里，涉及滨海街道、临港街道两个街道。

## 二、主要内容

- **功能定位**：以现代服务业、海洋科技研发和滨海生活为主导的综合性新城片区；
- **用地布局**：居住用地占比由原规划的31%调整为28%，新增产业研发用地约46公顷；
- **公共服务设施**：新增中小学4所、幼儿园6所、社区卫生服务中心2处、综合文化活动中心1处；
- **道路交通**：新增城市支路11条，轨道交通3号线沿线站点周边实施综合开发；
- **生态空间**：沿海岸线保留不少于100米宽的公共开放空间，建设滨海绿道约9.5公里。

## 三、公示时间

2026年2月2日至2026年3月3日，共30日。

## 四、查阅方式

规划草案图纸及说明可在海平市政府门户网站（www.haiping.example）“规划公示”栏目查阅，也可于工作日上午9:00—12:00、下午14:00—17:30到海平市市民中心B座一楼规划展厅现场查阅。

## 五、意见反馈方式

1. 电子邮件：kgc@planning.haiping.example（邮件主题请注明“滨海新区控规意见”）；
2. 信函：寄至海平市滨海大道88号市民中心B座海平市自然资源和规划局详细规划科，以邮戳日期为准；
3. 现场：在规划展厅填写《公众意见表》投入意见箱。

请在意见中注明联系方式，以便我局对有关意见进行核实和反馈。联系电话：0000-6123401。

海平市自然资源和规划局`;

// Amendment: consultation extended, two information sessions added. The amended text
// also carried a mistyped phone number, fixed by the later correction.
const BINHAI_AMENDED_WITH_TYPO = BINHAI_BODY.replace("2026年2月2日至2026年3月3日，共30日。", "2026年2月2日至2026年3月18日，共45日。")
  .replace(
    "## 五、意见反馈方式",
    "## 五、现场说明会\n\n2026年3月7日（星期六）上午9:30、3月14日（星期六）上午9:30，在滨海街道社区服务中心三楼会议室举行规划草案现场说明会，由规划编制单位介绍草案内容并听取意见，无需预约。\n\n## 六、意见反馈方式",
  )
  .replace("联系电话：0000-6123401。", "联系电话：0000-6132401。");

const BINHAI_CORRECTED = BINHAI_AMENDED_WITH_TYPO.replace("联系电话：0000-6132401。", "联系电话：0000-6123401。");

const BINHAI_EN_BODY = `In accordance with Article 26 of the Urban and Rural Planning Law of the People's Republic of China and the Haiping Urban and Rural Planning Regulations, the Haiping Municipal Bureau of Natural Resources and Planning invites public comment on the draft revised Regulatory Detailed Plan for Binhai New District. This English version is provided for foreign residents and investors; in case of discrepancy, the Chinese version (海规资〔2026〕3号) prevails.

**Planning area.** About 12.6 km², bounded by Binhai Avenue to the east, Lingang Road to the west, the Haiping Bay shoreline to the south and the Port Access Expressway to the north.

**Main proposals:**

- residential land reduced from 31% to 28% of the area, and about 46 ha of new land for research and development;
- four new schools, six kindergartens, two community health centres and one cultural centre;
- eleven new local streets and mixed-use development around the Metro Line 3 stations;
- a public open space at least 100 m wide along the entire shoreline, including a 9.5 km coastal greenway.

**Consultation period.** 2 February to 3 March 2026.

**Where to see the plan.** Drawings and the explanatory report are available at www.haiping.example under "Planning Publicity", and in the planning exhibition hall, Ground Floor, Block B, Haiping Civic Centre, 88 Binhai Avenue, on working days (9:00–12:00 and 14:00–17:30).

**How to comment.** E-mail kgc@planning.haiping.example with the subject "Binhai plan comments", or write to the Detailed Planning Division at the address above. Comments in English are welcome. Telephone: 0000-6123401.`;

const BINHAI_EN_AMENDED = BINHAI_EN_BODY.replace("2 February to 3 March 2026.", "2 February to 18 March 2026 (extended).").replace(
  "**How to comment.**",
  "**Information sessions.** 9:30 on Saturday 7 March and Saturday 14 March 2026, Binhai Community Service Centre, 3rd floor. No registration is needed; Chinese–English interpretation is available on request.\n\n**How to comment.**",
);

const HOSPITAL_BODY = `根据《中华人民共和国城乡规划法》第四十条和《海平市建设工程规划许可公示办法》，现将海平市第三人民医院扩建工程建设工程规划许可有关内容予以批前公示。

## 一、项目概况

| 项目 | 内容 |
| --- | --- |
| 建设单位 | 海平市第三人民医院 |
| 建设地点 | 海平市东湖区健康路16号（医院现有院区内） |
| 用地面积 | 3.42公顷 |
| 新增建筑面积 | 58,600平方米（地上41,200平方米，地下17,400平方米） |
| 主要建筑 | 住院综合楼1栋（地上16层），医技楼1栋（地上5层） |
| 建筑高度 | 住院综合楼69.8米，医技楼23.9米 |
| 新增机动车泊位 | 520个（全部为地下泊位） |

## 二、公示期限

2026年9月7日至2026年9月18日（10个工作日）。

## 三、公示地点

海平市政府门户网站“规划公示”栏目；建设项目现场（健康路医院东门外公示牌）。

## 四、意见反馈

利害关系人可在公示期内通过电子邮件（jsgc@planning.haiping.example）或书面方式向海平市自然资源和规划局建设工程规划科提出意见；依法享有听证权利的利害关系人可在公示期内书面申请听证。联系电话：0000-6123433。

海平市自然资源和规划局`;

const OLD_TOWN_BODY = `为加强海平市老城历史文化街区保护，传承城市历史文脉，根据《中华人民共和国文物保护法》《历史文化名城名镇名村保护条例》等规定，我局会同市文化广电旅游局组织编制了《海平市老城历史文化街区保护规划（草案）》，现公开征求社会公众意见。

## 一、保护范围

保护范围包括核心保护范围约18.6公顷和建设控制地带约31.2公顷，涉及骑楼老街、天后宫片区和盐仓码头旧址。

## 二、主要保护措施

- 核心保护范围内不得新建、扩建与保护无关的建筑，现有建筑檐口高度原则上不超过12米；
- 保护历史街巷23条，保持原有街巷走向、宽度和铺装材质；
- 公布历史建筑41处，实行挂牌保护和分类修缮；
- 鼓励历史建筑在保护前提下用于社区服务、文化展示和特色商业。

## 三、征求意见时间

2025年11月3日至2025年12月2日。

## 四、意见反馈方式

意见建议可通过电子邮件（lscq@planning.haiping.example）提交，或邮寄至海平市滨海大道88号市民中心B座海平市自然资源和规划局历史文化保护科。居民也可在工作日到老城街道办事处一楼查阅规划图纸并现场留言。联系电话：0000-6123418。

海平市自然资源和规划局`;

const INTL_SCHOOL_BODY = `Under Article 40 of the Urban and Rural Planning Law and the Haiping Measures on the Publicity of Construction Planning Permits, the Bureau gives notice of the following application before a construction planning permit is issued.

| Item | Details |
| --- | --- |
| Applicant | Haiping International School |
| Location | 7 Xueyuan Road, Lingang District |
| Site area | 4.85 ha (existing campus) |
| New floor area | 16,300 m² (secondary school building and indoor sports hall) |
| Height | 4 storeys, maximum 21.6 m |
| Parking | 60 additional bicycle spaces; no additional car parking |

The proposal keeps the existing sports field and the row of camphor trees along Xueyuan Road. Construction traffic will use the east gate only.

**Publicity period.** 12 to 23 October 2026 (ten working days). The site plan is displayed at the school's main gate and at www.haiping.example.

**Comments and hearings.** Neighbours and other interested parties may send written comments to jsgc@planning.haiping.example or to the Construction Planning Division, Block B, Haiping Civic Centre, 88 Binhai Avenue, and may apply in writing for a hearing within the publicity period. Telephone: 0000-6123433.`;

const DONGHU_BODY = `海平市东湖片区DH-05-03地块原规划用地性质为商业用地（B1），容积率不大于2.5。土地使用权人申请将该地块用地性质调整为商住混合用地（B1/R2），容积率调整为不大于3.0。根据《中华人民共和国城乡规划法》第四十八条及《海平市控制性详细规划管理办法》，现将调整方案予以公示。

## 一、地块位置

地块位于东湖路以南、湖滨二路以东，用地面积2.37公顷。

## 二、调整内容

| 指标 | 现行规划 | 调整方案 |
| --- | --- | --- |
| 用地性质 | 商业用地（B1） | 商住混合用地（B1/R2） |
| 容积率 | ≤2.5 | ≤3.0 |
| 建筑限高 | 60米 | 80米 |
| 绿地率 | ≥25% | ≥30% |

## 三、公示时间

2026年6月15日至2026年7月14日。

## 四、意见反馈

利害关系人可通过电子邮件（kgc@planning.haiping.example）或书面方式提出意见，联系电话：0000-6123401。

海平市自然资源和规划局`;

const METRO_BODY = `为科学合理开发利用城市地下空间，统筹地下交通、市政、人防和公共服务设施建设，我局组织编制了《海平市中心城区地下空间开发利用专项规划（2026—2035年）》（征求意见稿）。根据《中华人民共和国城乡规划法》和《城市地下空间开发利用管理规定》等规定，现公开征求社会公众意见。

## 一、规划范围和期限

规划范围为海平市中心城区，面积约186平方公里；规划期限为2026年至2035年，近期至2030年。

## 二、规划要点

1. 划定地下空间重点开发区5处，主要位于老城商圈、高铁站片区和轨道交通换乘站周边；
2. 明确地下空间竖向分层：浅层（0至-15米）以商业、停车和地下通道为主，中层（-15至-30米）以轨道交通和市政管廊为主，深层（-30米以下）作为远期战略储备；
3. 规划建设综合管廊约38公里，新增公共地下停车泊位约1.2万个；
4. 地下空间开发应同步落实人民防空要求和防涝安全措施。

## 三、征求意见时间

2026年10月19日至2026年11月18日。

## 四、意见反馈方式

请通过电子邮件（dxkj@planning.haiping.example）或信函（海平市滨海大道88号市民中心B座，海平市自然资源和规划局国土空间规划科收）提出意见建议，并注明联系方式。联系电话：0000-6123425。

海平市自然资源和规划局`;

const METRO_AMENDED = METRO_BODY.replace("2026年10月19日至2026年11月18日。", "2026年10月19日至2026年12月4日。").replace(
  "## 四、意见反馈方式",
  "## 四、公众座谈会\n\n定于2026年11月26日（星期四）下午14:30在市民中心B座二楼第三会议室召开公众座谈会。有意参加的市民和企业代表请于11月24日前致电0000-6123425报名，名额60人，按报名先后确定。\n\n## 五、意见反馈方式",
);

export const PLANNING_NOTICES: DemoNotice[] = [
  {
    id: "HP-PLAN-2026-003",
    agency: "hp-planning",
    language: "zh-CN",
    category: "planning",
    daysAgo: 294, // 2026-02-02
    versions: [
      {
        kind: "publish",
        fields: {
          title: "《海平市滨海新区控制性详细规划（修编）》草案批前公示",
          number: "海规资〔2026〕3号",
          category: "planning",
          language: "zh-CN",
          effectiveDate: "2026-02-02",
          body: BINHAI_BODY,
        },
      },
      {
        kind: "amend",
        daysAfterFirst: 23, // 2026-02-25
        fields: {
          title: "《海平市滨海新区控制性详细规划（修编）》草案批前公示（延长公示期）",
          number: "海规资〔2026〕3号",
          category: "planning",
          language: "zh-CN",
          effectiveDate: "2026-02-02",
          body: BINHAI_AMENDED_WITH_TYPO,
          reason: "应社会公众要求，公示期延长至2026年3月18日，并增加两场现场说明会。其余内容不变。",
        },
      },
      {
        kind: "correct",
        daysAfterFirst: 28, // 2026-03-02
        fields: {
          title: "《海平市滨海新区控制性详细规划（修编）》草案批前公示（延长公示期）",
          number: "海规资〔2026〕3号",
          category: "planning",
          language: "zh-CN",
          effectiveDate: "2026-02-02",
          body: BINHAI_CORRECTED,
          reason: "2月25日修订稿中联系电话误为“0000-6132401”，现更正为“0000-6123401”。",
        },
      },
    ],
  },
  {
    id: "HP-PLAN-2026-003-EN",
    agency: "hp-planning",
    language: "en",
    category: "planning",
    daysAgo: 292, // 2026-02-04
    versions: [
      {
        kind: "publish",
        fields: {
          title: "Public Consultation on the Draft Regulatory Detailed Plan for Binhai New District (English Version)",
          number: "HPNRP [2026] No. 3",
          category: "planning",
          language: "en",
          effectiveDate: "2026-02-02",
          body: BINHAI_EN_BODY,
        },
      },
      {
        kind: "amend",
        daysAfterFirst: 22, // 2026-02-26
        fields: {
          title: "Public Consultation on the Draft Regulatory Detailed Plan for Binhai New District (English Version, Extended)",
          number: "HPNRP [2026] No. 3",
          category: "planning",
          language: "en",
          effectiveDate: "2026-02-02",
          body: BINHAI_EN_AMENDED,
          reason: "The consultation period has been extended to 18 March 2026, and two information sessions have been added.",
        },
      },
    ],
  },
  {
    id: "HP-PLAN-2025-041",
    agency: "hp-planning",
    language: "zh-CN",
    category: "consultation",
    daysAgo: 385, // 2025-11-03
    versions: [
      {
        kind: "publish",
        fields: {
          title: "关于公开征求《海平市老城历史文化街区保护规划（草案）》意见的公告",
          number: "海规资〔2025〕41号",
          category: "consultation",
          language: "zh-CN",
          effectiveDate: "2025-11-03",
          body: OLD_TOWN_BODY,
        },
      },
    ],
  },
  {
    id: "HP-PLAN-2026-017",
    agency: "hp-planning",
    language: "zh-CN",
    category: "planning",
    daysAgo: 161, // 2026-06-15
    versions: [
      {
        kind: "publish",
        fields: {
          title: "东湖片区DH-05-03地块控制性详细规划局部调整公示",
          number: "海规资〔2026〕17号",
          category: "planning",
          language: "zh-CN",
          effectiveDate: "2026-06-15",
          body: DONGHU_BODY,
        },
      },
      {
        kind: "retract",
        daysAfterFirst: 14, // 2026-06-29
        fields: {
          title: "东湖片区DH-05-03地块控制性详细规划局部调整公示",
          reason: "经复核，该地块规划调整方案与正在编制的东湖片区城市设计存在衔接问题，土地使用权人已于2026年6月26日书面撤回调整申请，本公示予以撤销。如重新申请，将另行公示。",
        },
      },
    ],
  },
  {
    id: "HP-PLAN-2026-024",
    agency: "hp-planning",
    language: "zh-CN",
    category: "planning",
    daysAgo: 77, // 2026-09-07
    versions: [
      {
        kind: "publish",
        fields: {
          title: "海平市第三人民医院扩建工程建设工程规划许可批前公示",
          number: "海规资公示〔2026〕24号",
          category: "planning",
          language: "zh-CN",
          effectiveDate: "2026-09-07",
          body: HOSPITAL_BODY,
        },
      },
    ],
  },
  {
    id: "HP-PLAN-2026-045-EN",
    agency: "hp-planning",
    language: "en",
    category: "planning",
    daysAgo: 42, // 2026-10-12
    versions: [
      {
        kind: "publish",
        fields: {
          title: "Planning Permit Publicity: Haiping International School Campus Expansion",
          number: "HPNRP [2026] No. 45",
          category: "planning",
          language: "en",
          effectiveDate: "2026-10-12",
          body: INTL_SCHOOL_BODY,
        },
      },
    ],
  },
  {
    id: "HP-PLAN-2026-038",
    agency: "hp-planning",
    language: "zh-CN",
    category: "consultation",
    daysAgo: 35, // 2026-10-19
    versions: [
      {
        kind: "publish",
        fields: {
          title: "关于公开征求《海平市中心城区地下空间开发利用专项规划（2026—2035年）》意见的公告",
          number: "海规资〔2026〕38号",
          category: "consultation",
          language: "zh-CN",
          effectiveDate: "2026-10-19",
          body: METRO_BODY,
        },
      },
      {
        kind: "amend",
        daysAfterFirst: 22, // 2026-11-10
        fields: {
          title: "关于公开征求《海平市中心城区地下空间开发利用专项规划（2026—2035年）》意见的公告（延长征求意见期）",
          number: "海规资〔2026〕38号",
          category: "consultation",
          language: "zh-CN",
          effectiveDate: "2026-10-19",
          body: METRO_AMENDED,
          reason: "为进一步听取沿线居民和企业意见，征求意见截止日期延长至2026年12月4日，并增加公众座谈会。",
        },
      },
    ],
  },
];
