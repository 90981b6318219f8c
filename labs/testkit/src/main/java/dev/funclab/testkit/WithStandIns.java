package dev.funclab.testkit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Starts the local stand-ins of the services Lab 4 calls (Speech, SendGrid mail with its SMTP/IMAP
 * server) for a {@link FunctionsHostTest} class, on free ports, and points the host's app settings
 * at them. Tests get {@link StandIns}, {@link dev.funclab.standins.speech.SpeechStandIn},
 * {@link dev.funclab.standins.mail.MailStandIn} and {@link MessengerClient} as parameters.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(StandInsExtension.class)
public @interface WithStandIns {
}
