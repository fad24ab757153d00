package cn.labordispute.cases;

import java.math.BigDecimal;

/** One claim (请求事项): its cause from the taxonomy and the amount in yuan. */
public record Claim(String causeCode, String description, BigDecimal amount) {
}
