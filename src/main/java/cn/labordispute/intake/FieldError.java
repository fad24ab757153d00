package cn.labordispute.intake;

/** One bad field: its path in the request (e.g. workers[0].idNumber) and what is wrong, in Chinese and English. */
public record FieldError(String field, String message) {
}
