package dev.funclab.testkit;

import dev.funclab.runtime.sendgrid.SendGridOutputSupport;
import dev.funclab.standins.mail.MailStandIn;
import dev.funclab.standins.messenger.MessengerSender;
import dev.funclab.standins.speech.SpeechEngine;
import dev.funclab.standins.speech.SpeechStandIn;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The stand-ins of one test class and the secrets the host shares with them: keys made up for this
 * run, so that the tests never depend on what a {@code local.settings.json} says. A class done with them
 * gives them back ({@link #release}); the next class gets them emptied ({@link #lease}), on the same ports with
 * the same keys, so that its host has the same settings and can be a warm one ({@link HostPool}).
 */
public final class StandIns implements AutoCloseable {

    /** At most this many wait for a next class; more are closed. */
    private static final int MAX_IDLE = 8;
    private static final Deque<Idle> IDLE = new ArrayDeque<>();

    /** Stand-ins waiting, and the thread that gave them back: the grader runs each job's classes on one thread. */
    private record Idle(StandIns standIns, Thread releasedBy) {
    }

    /** Where the lab mails to and from, whatever the student's settings say. */
    public static final String MAIL_TO = "student@funclab.test";
    public static final String MAIL_FROM = "Voice Bot <voice-bot@funclab.test>";

    private final SpeechStandIn speech;
    private final MailStandIn mail;
    private final String appSecret = "app-secret-" + random();
    private final String verifyToken = "verify-" + random();

    private StandIns(SpeechStandIn speech, MailStandIn mail) {
        this.speech = speech;
        this.mail = mail;
    }

    /** Stand-ins for a test class: ones given back by a class before (this thread's first), emptied, or new ones. */
    static StandIns lease() {
        StandIns reused = takeIdle();
        if (reused == null) {
            return start();
        }
        reused.speech.reset();
        reused.mail.reset();
        return reused;
    }

    private static StandIns takeIdle() {
        synchronized (IDLE) {
            Idle chosen = IDLE.stream().filter(idle -> idle.releasedBy() == Thread.currentThread()).findFirst()
                    .orElse(IDLE.peekFirst());
            if (chosen != null) {
                IDLE.remove(chosen);
            }
            return chosen == null ? null : chosen.standIns();
        }
    }

    /** The class is done with {@code standIns}: they wait for the next class. */
    static void release(StandIns standIns) {
        synchronized (IDLE) {
            if (IDLE.size() < MAX_IDLE) {
                IDLE.addFirst(new Idle(standIns, Thread.currentThread()));
                return;
            }
        }
        standIns.close();
    }

    /**
     * Starts both stand-ins on free ports. The speech engine is shared by the whole JVM and made on the
     * first text to speak, so that tests that never speak need none installed.
     */
    static StandIns start() {
        SpeechStandIn speech = SpeechStandIn.start(0, "speech-key-" + random(), SpeechEngine.sharedOnFirstUse(System.out::println),
                line -> { });
        try {
            return new StandIns(speech, MailStandIn.start(MailStandIn.Ports.free(), "SG.test-" + random(), line -> { }));
        } catch (RuntimeException e) {
            speech.close();
            throw e;
        }
    }

    /**
     * The app settings that point a Lab 4 host at these stand-ins. A {@code null} value removes a setting:
     * {@code SPEECH_VOICE} is one a student may have left in {@code local.settings.json} from an
     * experiment, and the tests check the voice chosen by language.
     */
    public Map<String, String> appSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("SPEECH_ENDPOINT", speech.endpoint().toString());
        settings.put("SPEECH_KEY", speech.key());
        settings.put("SPEECH_VOICE", null);
        settings.put(SendGridOutputSupport.DEFAULT_API_KEY_SETTING, mail.apiKey());
        settings.put(SendGridOutputSupport.URL_SETTING, mail.apiEndpoint().toString());
        settings.put(MessengerSender.APP_SECRET_SETTING, appSecret);
        settings.put("MESSENGER_VERIFY_TOKEN", verifyToken);
        settings.put("MAIL_TO", MAIL_TO);
        settings.put("MAIL_FROM", MAIL_FROM);
        return settings;
    }

    public SpeechStandIn speech() {
        return speech;
    }

    public MailStandIn mail() {
        return mail;
    }

    public String appSecret() {
        return appSecret;
    }

    public String verifyToken() {
        return verifyToken;
    }

    @Override
    public void close() {
        try {
            speech.close();
        } finally {
            mail.close();
        }
    }

    private static String random() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
