package org.shequn.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The demo cast: varied enough that directory filters show something worth filtering. */
final class DemoPeople {

    record Person(String email, String name, String city, String industry, String company, String position,
                  String school, String degree, List<String> skills, List<String> interests, String bio) {
    }

    static final String PASSWORD = "demo-pass-1";
    static final String DOMAIN = "@demo.example.org";

    private static final String[] NAMES = {"林晓", "陈思远", "王雨桐", "张浩然", "李佳怡", "刘子墨", "赵一鸣", "孙悦",
            "周子涵", "吴思琪", "郑凯", "冯晓雯", "何志强", "许诺", "高远", "罗欣然", "梁晨", "宋嘉禾", "谢婉清", "韩磊",
            "唐果", "曹可欣", "邓博文", "彭丽", "蒋天宇", "沈梦瑶", "苏明", "潘越", "杜若", "叶知秋", "程立"};
    private static final String[] CITIES = {"深圳", "北京", "上海", "杭州", "广州", "成都", "南京"};
    private static final String[][] JOBS = {
            {"互联网", "腾讯", "产品经理"}, {"互联网", "字节跳动", "工程师"}, {"互联网", "阿里巴巴", "运营"},
            {"金融", "招商银行", "数据分析师"}, {"教育", "好未来", "产品经理"}, {"硬件", "大疆", "工程师"},
            {"互联网", "美团", "设计师"}, {"咨询", "麦肯锡", "顾问"}, {"游戏", "网易", "策划"},
            {"新能源", "蔚来", "市场"}, {"互联网", "小红书", "社群运营"}, {"创业", "独立开发", "创始人"}};
    private static final String[] SCHOOLS = {"清华大学", "北京大学", "浙江大学", "复旦大学", "中山大学", "武汉大学",
            "华中科技大学", "南京大学"};
    private static final String[][] SKILLS = {{"用户研究", "增长", "数据分析"}, {"Java", "Go", "系统设计"},
            {"社群运营", "私域运营", "活动策划"}, {"SQL", "Python", "数据分析"}, {"交互设计", "Figma", "用户研究"},
            {"写作", "演讲", "品牌"}, {"React", "TypeScript", "独立开发"}};
    private static final String[] INTERESTS = {"读书", "跑步", "摄影", "徒步", "咖啡", "播客", "羽毛球"};

    private DemoPeople() {
    }

    /** The first person runs the installation (platform operator) and owns the first community. */
    static List<Person> all() {
        var people = new ArrayList<Person>();
        for (int i = 0; i < NAMES.length; i++) {
            var job = JOBS[i % JOBS.length];
            people.add(new Person("demo" + (i + 1) + DOMAIN, NAMES[i], CITIES[(i * 3) % CITIES.length], job[0], job[1],
                    job[2], SCHOOLS[(i * 5) % SCHOOLS.length], i % 3 == 0 ? "硕士" : "本科",
                    List.of(SKILLS[i % SKILLS.length]), List.of(INTERESTS[i % INTERESTS.length], INTERESTS[(i + 3) % INTERESTS.length]),
                    "在" + job[1] + "做" + job[2] + "，喜欢" + INTERESTS[i % INTERESTS.length] + "。欢迎交流！"));
        }
        return people;
    }

    /** Three communities with different entry policies; members are spread across them. */
    static List<Map<String, Object>> communities() {
        return List.of(
                community("pm-reading-sz", "深圳产品经理读书会", "每月共读一本产品好书，线上讨论、线下分享，彼此链接。",
                        List.of("产品经理", "读书", "深圳"), "APPROVAL", 40,
                        "做彼此的良师益友", "真诚、分享、长期主义", "每月一本书，每季一次线下分享会",
                        "1. **真诚交流**，不发广告、不拉群\n2. 每月至少参与一次共读打卡\n3. 线下活动请提前报名，缺席请提前说明\n4. 入群、活动有任何疑问，请先私信群主",
                        List.of("你现在在哪家公司做什么？", "你最近读过的一本书是什么？")),
                community("hz-morning-run", "杭州晨跑团", "西湖边的晨跑打卡群，每周六早上七点断桥集合。",
                        List.of("跑步", "健康", "杭州"), "OPEN", 60,
                        "让跑步成为生活方式", "坚持、互助、安全第一", "每周三次晨跑，每年一起跑一场马拉松",
                        "- 跑前热身，量力而行\n- 打卡请附上路线截图\n- 不在群里推销任何产品", List.of()),
                community("indie-makers", "独立开发者联盟", "做出自己的产品并靠它生活的人，互相review、互相推荐。",
                        List.of("独立开发", "创业", "远程工作"), "INVITATION", 100,
                        "每个人都能靠自己的作品生活", "开放、务实、互相成就", "每月一次作品互评，每季一次线下聚会",
                        "1. 只分享自己做的东西或真实经验\n2. 推荐他人的产品请说明利益关系", List.of()));
    }

    private static Map<String, Object> community(String slug, String name, String description, List<String> themes,
                                                 String policy, int cap, String vision, String values, String mission,
                                                 String rules, List<String> questions) {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("slug", slug);
        m.put("name", name);
        m.put("description", description);
        m.put("themes", themes);
        m.put("visibility", "PUBLIC");
        m.put("memberCap", cap);
        m.put("entryPolicy", policy);
        m.put("requiresRealName", false);
        m.put("requiresPosition", false);
        m.put("membersMayInvite", true);
        m.put("vision", vision);
        m.put("values", values);
        m.put("mission", mission);
        m.put("rules", rules);
        m.put("questions", questions);
        return m;
    }
}
