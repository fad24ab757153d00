package cn.labordispute.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Without a gateway the log says that a message of a kind went to a masked number: never a code or the number. */
@ExtendWith(OutputCaptureExtension.class)
class LogSmsSenderTests {

    @Test
    void logsTheKindAndTheMaskedNumberOnly(CapturedOutput output) {
        LogSmsSender sender = new LogSmsSender();
        sender.send("+447700900123", "CODE_APPLY", "Your verification code is 482913, valid for 10 minutes.");
        sender.send("13800138000", "您的案件已受理，案号 渝中劳调〔2026〕00001号");
        assertThat(output.getOut()).contains("CODE_APPLY", "+44****0123", "MESSAGE", "138****8000")
                .doesNotContain("482913", "7700900123", "13800138000", "渝中劳调");
    }
}
