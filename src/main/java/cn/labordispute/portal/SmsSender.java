package cn.labordispute.portal;

/**
 * Sends a text message to a phone. The default writes it to the log, so the system runs without an SMS gateway;
 * a gateway is a bean implementing this interface (it replaces the default).
 */
public interface SmsSender {

    void send(String phone, String text);

    /** The same, saying what kind of message it is (a code's purpose, a notification's kind), for senders that log. */
    default void send(String phone, String kind, String text) {
        send(phone, text);
    }
}
