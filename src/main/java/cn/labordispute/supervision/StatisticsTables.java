package cn.labordispute.supervision;

import cn.labordispute.text.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Each figure of the statistics as an exportable table, by the name the export address uses. */
final class StatisticsTables {

    private StatisticsTables() {
    }

    static Map<String, Table> of(Statistics s) {
        Map<String, Table> t = new LinkedHashMap<>();
        t.put("totals", new Table("收结案总数", List.of("指标", "数值"), List.of(
                row("收案", s.totals().opened()), row("结案", s.totals().closed()), row("集体争议收案", s.totals().collective()),
                row("法律援助", s.totals().legalAid()), row("回访", s.totals().followUp()))));
        List<List<Object>> months = new ArrayList<>();
        for (Statistics.Month m : s.months()) {
            java.time.YearMonth ym = java.time.YearMonth.parse(m.month());
            months.add(row(ym.getYear() + "年" + ym.getMonthValue() + "月", m.opened(), m.closed(), m.openAtStart(),
                    m.closureRate()));
        }
        t.put("months", new Table("按月收结案", List.of("月份", "收案", "结案", "月初未结", "月结率"), months));
        Statistics.MediationFigures m = s.mediation();
        t.put("mediation", new Table("调解", List.of("指标", "数值"), List.of(row("调解终结", m.concluded()),
                row("达成协议", m.agreements()), row("调解成功率", m.successRate()), row("撤回", m.withdrawn()),
                row("不予受理", m.notAccepted()), row("平均调解天数", m.averageDays()), row("调解天数中位数", m.medianDays()))));
        List<List<Object>> stages = new ArrayList<>();
        for (Statistics.StageFigures st : s.stages()) {
            stages.add(row(st.label(), st.entered(), st.ended(), st.averageDays(), st.medianDays(),
                    st.limit() == null ? "—" : st.limitTitle() + "，" + st.limit(), st.withinLimitRate()));
        }
        t.put("stages", new Table("各环节用时", List.of("环节", "进入（本期收案）", "本期结束", "平均天数", "中位天数",
                "法定期限", "期限内结束比例"), stages));
        t.put("ontime", new Table("按期办结", List.of("按期办结", "逾期办结", "按期率"),
                List.of(row(s.onTime().met(), s.onTime().late(), s.onTime().rate()))));
        t.put("amounts", new Table("金额（元）", List.of("请求金额", "协议金额", "已履行金额"),
                List.of(row(s.amounts().claimed(), s.amounts().agreed(), s.amounts().paid()))));
        List<List<Object>> causes = new ArrayList<>();
        for (Statistics.CauseFigure c : s.causes()) {
            causes.add(row(c.name(), c.cases()));
        }
        t.put("causes", new Table("案由", List.of("案由", "案件数"), causes));
        List<List<Object>> documents = new ArrayList<>();
        for (Statistics.DocumentTurnaround d : s.documents()) {
            documents.add(row(d.title(), d.issued(), d.averageHours(), d.medianHours()));
        }
        t.put("documents", new Table("文书制作时长（小时）", List.of("文书", "出具份数", "平均小时", "中位小时"), documents));
        return t;
    }

    private static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }
}
