package cn.labordispute.portal;

/**
 * Sends a text message to a phone. The default writes it to the log, so the system runs without an SMS gateway;
 * a gateway is a bean implementing this interface (it replaces the default).
 */
public interface SmsSender {

    void send(String phone, String text);
}
