package cn.labordispute.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the preview says changed in a form and in a policy table: words a policy officer reads, not codes. */
class ModelDiffTests {

    @Test
    void aFormsLabelRequiredFlagAndFieldsAreNamed() throws IOException {
        String form = Files.readString(Path.of("forms/claims-restatement.form"));
        String changed = form.replace("给申请人的说明（将显示在“我的申请”中）", "给申请人的说明")
                .replace("\"key\": \"restatementNote\"", "\"key\": \"restatementRemark\"");
        List<ModelDiff.Change> changes = ModelDiff.diff("claims-restatement.form", form.getBytes(StandardCharsets.UTF_8),
                changed.getBytes(StandardCharsets.UTF_8));
        assertThat(changes).anySatisfy(c -> {
            assertThat(c.kind()).isEqualTo("ADDED");
            assertThat(c.what()).isEqualTo("新增字段");
            assertThat(c.after()).isEqualTo("给申请人的说明");
        }).anySatisfy(c -> {
            assertThat(c.kind()).isEqualTo("REMOVED");
            assertThat(c.before()).isEqualTo("给申请人的说明（将显示在“我的申请”中）");
        });
        String relabelled = form.replace("给申请人的说明（将显示在“我的申请”中）", "给申请人的说明");
        assertThat(ModelDiff.diff("claims-restatement.form", form.getBytes(StandardCharsets.UTF_8),
                relabelled.getBytes(StandardCharsets.UTF_8))).singleElement().satisfies(c -> {
                    assertThat(c.what()).isEqualTo("字段标签");
                    assertThat(c.before()).isEqualTo("给申请人的说明（将显示在“我的申请”中）");
                    assertThat(c.after()).isEqualTo("给申请人的说明");
                });
    }

    @Test
    void aTableRowIsDescribedInWords() throws IOException {
        byte[] before = Files.readAllBytes(Path.of("src/main/resources/policy/statutory-periods.csv"));
        String text = new String(before, StandardCharsets.UTF_8);
        byte[] after = text.replace("FOLLOW_UP_VISIT,结案回访期限,30,DAYS,", "FOLLOW_UP_VISIT,结案回访期限,2,MONTHS,")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(ModelDiff.diff("statutory-periods.csv", before, after)).singleElement().satisfies(c -> {
            assertThat(c.element()).isEqualTo("FOLLOW_UP_VISIT");
            assertThat(c.what()).isEqualTo("修改“结案回访期限”：长度由“30”改为“2”；单位由“日”改为“月”");
        });
    }
}
