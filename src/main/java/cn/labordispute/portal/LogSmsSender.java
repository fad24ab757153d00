package cn.labordispute.portal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default sender: the message goes to the log (logger cn.labordispute.portal.SMS). */
class LogSmsSender implements SmsSender {

    private static final Logger SMS = LoggerFactory.getLogger("cn.labordispute.portal.SMS");

    @Override
    public void send(String phone, String text) {
        SMS.info("SMS to {}: {}", phone, text);
    }
}
