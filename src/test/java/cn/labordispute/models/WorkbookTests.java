package cn.labordispute.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** A holiday table as a spreadsheet saves it again: shared strings, a date Excel turned into a day number, a gap. */
class WorkbookTests {

    @Test
    void readsSharedStringsNumbersAndDatesAsExcelWritesThem() throws Exception {
        byte[] xlsx = zip(Map.of(
                "xl/sharedStrings.xml", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>日期</t></si><si><t>类型</t></si>
                        <si><t>节日</t></si><si><t>放假</t></si><si><r><t>元</t></r><r><t>旦</t></r></si></sst>""",
                "xl/worksheets/sheet1.xml", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
                        <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>
                        <row r="2"><c r="A2"><v>45292</v></c><c r="B2" t="s"><v>3</v></c><c r="C2" t="s"><v>4</v></c></row>
                        <row r="3"><c r="A3" t="inlineStr"><is><t>2024-02-10</t></is></c><c r="C3" t="inlineStr"><is><t>春节</t></is></c></row>
                        </sheetData></worksheet>"""));
        List<List<String>> rows = Workbook.rows(xlsx);
        assertThat(rows).containsExactly(List.of("日期", "类型", "节日"), List.of("45292", "放假", "元旦"), List.of("2024-02-10", "", "春节"));
        assertThat(Workbook.date("45292")).isEqualTo("2024-01-01");
        assertThat(Workbook.date("2024-02-10")).isEqualTo("2024-02-10");

        byte[] stored = TableLayouts.fromFile(PolicyTables.HOLIDAYS, "法定节假日与调休.xlsx", xlsx,
                "date,kind,name\n# notes\n".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(stored, StandardCharsets.UTF_8)).isEqualTo("date,kind,name\n# notes\n2024-01-01,REST,元旦\n2024-02-10,,春节\n");
    }

    @Test
    void aFileThatIsNotAWorkbookHasNoRows() {
        assertThat(Workbook.rows("name,title\n".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(TableLayouts.tableFor("法定期间与政策期限.xlsx")).contains(PolicyTables.PERIODS);
        assertThat(TableLayouts.tableFor("statutory-periods.xlsx")).contains(PolicyTables.PERIODS);
        assertThat(TableLayouts.tableFor("mediation.bpmn")).isEmpty();
    }

    private static byte[] zip(Map<String, String> entries) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
