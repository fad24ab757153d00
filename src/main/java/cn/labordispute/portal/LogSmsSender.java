package cn.labordispute.portal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default sender, without a gateway: it writes to the log (logger cn.labordispute.portal.SMS) that a message of a
 * kind went to a masked number — never the text, a code or the full number. In the demo the portal shows the code on
 * the page instead.
 */
class LogSmsSender implements SmsSender {

    private static final Logger SMS = LoggerFactory.getLogger("cn.labordispute.portal.SMS");

    @Override
    public void send(String phone, String text) {
        send(phone, "MESSAGE", text);
    }

    @Override
    public void send(String phone, String kind, String text) {
        SMS.info("SMS {} to {} ({} characters; no gateway configured, not delivered)", kind, Phones.masked(phone),
                text == null ? 0 : text.length());
    }
}
