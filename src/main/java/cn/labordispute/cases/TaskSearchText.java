package cn.labordispute.cases;

import java.util.List;

/**
 * What 搜索任务 in the Tasklist looks in: the process variable {@value #VARIABLE}, set at intake to the case number,
 * every worker's name and the employer's name. The Tasklist's quick search asks for it with {@code like}; the engine's
 * indexes ({@code EngineIndexes}) are made for this one variable.
 */
public final class TaskSearchText {

    public static final String VARIABLE = "案号或当事人";
    /** The engine keeps a string variable's text in a column of 4,000 characters. */
    private static final int LONGEST = 3_900;

    private TaskSearchText() {
    }

    public static String of(String caseNumber, List<String> workerNames, String employerName) {
        String text = caseNumber + " " + String.join(" ", workerNames) + " " + employerName;
        return text.length() > LONGEST ? text.substring(0, LONGEST) : text;
    }
}
