package io.herald.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;
import io.herald.support.Settings;

/**
 * {@code log-format}: {@code text} keeps logback.xml's one line per event; {@code json} writes one
 * JSON object per line (logback's JSON encoder: {@code timestamp} in epoch
 * milliseconds, {@code level}, {@code threadName}, {@code loggerName}, {@code mdc}, {@code formattedMessage}, {@code throwable}) for
 * log shippers.
 */
final class LogFormat {

    private LogFormat() {
    }

    static void apply(Settings.LogFormat format) {
        if (format != Settings.LogFormat.JSON || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (!(root.getAppender("STDERR") instanceof ConsoleAppender<ILoggingEvent> console)) {
            return;
        }
        JsonEncoder json = new JsonEncoder();
        json.setContext(context);
        // What a shipper indexes: when, how bad, where, and the message as a person reads it.
        json.setWithSequenceNumber(false);
        json.setWithNanoseconds(false);
        json.setWithContext(false);
        json.setWithMessage(false);
        json.setWithArguments(false);
        json.setWithFormattedMessage(true);
        json.start();
        console.stop();
        console.setEncoder(json);
        console.start();
    }
}
