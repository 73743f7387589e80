package io.camfleet.console.adapter.jira;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.camfleet.console.adapter.jira.FakeJira.Kind;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.tracker.ExternalIssue;
import io.camfleet.console.service.tracker.LocalTicket;
import io.camfleet.console.service.tracker.TrackerSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Each way Jira can refuse or fail, told as one sentence; the bounded retries; the token in no message or log. */
class JiraErrorsTest {

    private static final Messages TEXT = new Messages(Locale.ROOT);

    private final FakeJira jira = FakeJira.start();
    private final JiraRig rig = new JiraRig();
    private final List<JiraCloudTracker> opened = new ArrayList<>();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger console = (Logger) LoggerFactory.getLogger("io.camfleet.console");
    private Level consoleLevel;

    @BeforeEach
    void listen() {
        consoleLevel = console.getLevel();
        console.setLevel(Level.DEBUG);
        log.start();
        console.addAppender(log);
    }

    @AfterEach
    void stop() {
        console.detachAppender(log);
        console.setLevel(consoleLevel);
        opened.forEach(JiraCloudTracker::close);
        jira.close();
    }

    private JiraCloudTracker tracker(TrackerSettings settings, String token) {
        JiraCloudTracker t = rig.open(JiraRig.link(settings, token));
        opened.add(t);
        return t;
    }

    private JiraCloudTracker tracker() {
        return tracker(jira.settings(), FakeJira.TOKEN);
    }

    private static Problem problem(Executable call) {
        Problem p = catchThrowableOfType(Problem.class, () -> {
            try {
                call.execute();
            } catch (Throwable t) {
                throw t instanceof Exception e ? e : new RuntimeException(t);
            }
        });
        assertThat(p).as("a Problem").isNotNull();
        return p;
    }

    @Test
    void aRefusedTokenNamesTheVariableToSetAndNeverTheToken() {
        String wrong = "ATATT3x-wrong-token-9c1e";
        Problem p = problem(() -> tracker(jira.settings(), wrong).check());

        assertThat(p.key()).isEqualTo("jira.tokenRefused");
        assertThat(TEXT.text(p)).contains(TrackerSettings.TOKEN_VARIABLE).contains(FakeJira.EMAIL)
                .doesNotContain(wrong);
        assertThat(problem(() -> tracker(jira.settings(), wrong).push(JiraRig.ticket("T-1"))).key())
                .isEqualTo("jira.tokenRefused");
        assertThat(jira.issues()).isEmpty();
    }

    @Test
    void aForbiddenCreateNamesThePermissionItNeeds() {
        jira.fail(Kind.CREATE, 403, "You do not have permission to create issues in this project.", 1);
        Problem p = problem(() -> tracker().push(JiraRig.ticket("T-1")));

        assertThat(p.key()).isEqualTo("jira.forbidden");
        assertThat(TEXT.text(p)).contains("Create issues").contains(FakeJira.PROJECT)
                .contains("You do not have permission to create issues in this project.");
        assertThat(jira.requests(Kind.CREATE)).hasSize(1); // a refusal is not tried again
    }

    @Test
    void anUnknownProjectIsNamedByTheCheckAndByAPush() {
        JiraCloudTracker t = tracker(JiraRig.withProject(jira.settings(), "NOPE", "Task"), FakeJira.TOKEN);

        Problem check = problem(t::check);
        assertThat(check.key()).isEqualTo("jira.noProject");
        assertThat(TEXT.text(check)).contains("NOPE");
        Problem push = problem(() -> t.push(JiraRig.ticket("T-1")));
        assertThat(push.key()).isEqualTo("jira.noProject");
        assertThat(push.kind()).isEqualTo(Problem.Kind.BAD_INPUT);
    }

    @Test
    void aCreateAnswered404NamesTheProjectAndIsNotTriedAgain() {
        jira.fail(Kind.CREATE, 404, "No project could be found with key 'SUP'.", 1);
        Problem p = problem(() -> tracker().push(JiraRig.ticket("T-1")));

        assertThat(p.key()).isEqualTo("jira.noProject");
        assertThat(TEXT.text(p)).contains(FakeJira.PROJECT);
        assertThat(jira.requests(Kind.CREATE)).hasSize(1);
    }

    @Test
    void anUnknownIssueTypeIsNamedWithItsProject() {
        JiraCloudTracker t = tracker(JiraRig.withProject(jira.settings(), FakeJira.PROJECT, "Bug"), FakeJira.TOKEN);

        assertThat(TEXT.text(problem(t::check))).contains("Bug").contains(FakeJira.PROJECT);
        Problem push = problem(() -> t.push(JiraRig.ticket("T-1")));
        assertThat(push.key()).isEqualTo("jira.noIssueType");
        assertThat(jira.issues()).isEmpty();
    }

    @Test
    void aFieldJiraRefusesIsNamedWithJirasMessage() {
        EnumMap<LocalTicket.Severity, String> priorities = new EnumMap<>(TrackerSettings.DEFAULT_PRIORITIES);
        priorities.put(LocalTicket.Severity.P2, "Urgent");
        TrackerSettings s = jira.settings();
        JiraCloudTracker t = tracker(new TrackerSettings(s.baseUrl(), s.projectKey(), s.issueType(), s.email(),
                priorities), FakeJira.TOKEN);

        Problem p = problem(() -> t.push(JiraRig.ticket("T-1")));
        assertThat(p.key()).isEqualTo("jira.badField");
        assertThat(TEXT.text(p)).contains("priority")
                .contains("Specify the Priority (id or name) in the string format");
    }

    @Test
    void aMissingIssueOrAKeyThatIsNoKeyIsNamed() {
        assertThat(problem(() -> tracker().status("SUP-99")).key()).isEqualTo("jira.noIssue");
        Problem bad = problem(() -> tracker().status("SUP-1/../../myself"));
        assertThat(bad.key()).isEqualTo("jira.badKey");
        assertThat(jira.requests(Kind.GET_ISSUE)).hasSize(1); // the bad key is never sent
    }

    @Test
    void aThrottledCreateWaitsTheRetryAfterJiraGivesThenGoesThrough() {
        jira.throttle(Kind.CREATE, Duration.ofSeconds(7), 2);
        ExternalIssue issue = tracker().push(JiraRig.ticket("T-1"));

        assertThat(issue.key()).isEqualTo("SUP-1");
        assertThat(rig.waits).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7));
        assertThat(jira.requests(Kind.CREATE)).hasSize(3);
        assertThat(jira.issues()).hasSize(1);
    }

    @Test
    void throttlingIsWaitedOutOnlyABoundedNumberOfTimes() {
        jira.throttle(Kind.MYSELF, Duration.ofSeconds(2), 100);
        Problem p = problem(() -> tracker().check());

        assertThat(p.key()).isEqualTo("jira.busy");
        assertThat(jira.requests(Kind.MYSELF)).hasSize(4); // the rig's throttleTries
        assertThat(rig.waits).hasSize(3);
    }

    @Test
    void aRetryAfterBeyondTheBoundGivesUpAtOnceSayingHowLongJiraAsked() {
        jira.throttle(Kind.MYSELF, Duration.ofHours(1), 1);
        Problem p = problem(() -> tracker().check());

        assertThat(p.key()).isEqualTo("jira.busy");
        assertThat(TEXT.text(p)).contains("3600 s");
        assertThat(rig.waits).isEmpty();
        assertThat(jira.requests(Kind.MYSELF)).hasSize(1);
    }

    @Test
    void aServerErrorThenSuccessIsTriedAgainAfterAJitteredWait() {
        ExternalIssue issue = tracker().push(JiraRig.ticket("T-1"));
        jira.fail(Kind.GET_ISSUE, 500, "Internal server error", 1);

        assertThat(tracker().status(issue.key()).name()).isEqualTo("To Do");
        // Full jitter on the first retry: between half the first wait (200 ms) and all of it (400 ms).
        assertThat(rig.waits).singleElement().satisfies(d -> assertThat(d.toMillis()).isBetween(200L, 400L));
        assertThat(jira.requests(Kind.GET_ISSUE)).hasSize(3); // the push's read-back, the 500, the retry
    }

    @Test
    void serverErrorsBeyondTheBoundEndInASentence() {
        jira.fail(Kind.SEARCH, 503, "Service Unavailable", 100);
        Problem p = problem(() -> tracker().push(JiraRig.ticket("T-1")));

        assertThat(p.key()).isEqualTo("jira.serverError");
        assertThat(TEXT.text(p)).contains("503").contains("3 times").contains("Service Unavailable");
        assertThat(jira.requests(Kind.SEARCH)).hasSize(3);
        assertThat(jira.requests(Kind.CREATE)).isEmpty();
        // Waits double: 400 ms then 800 ms, each jittered between half and all of it.
        assertThat(rig.waits).hasSize(2);
        assertThat(rig.waits.get(0).toMillis()).isBetween(200L, 400L);
        assertThat(rig.waits.get(1).toMillis()).isBetween(400L, 800L);
    }

    @Test
    void aCreateThatTimesOutAfterMakingTheIssueIsFoundNotMadeAgain() {
        jira.slowAfterCreate(JiraRig.REQUEST_TIMEOUT.multipliedBy(3), 1);
        ExternalIssue issue = tracker().push(JiraRig.ticket("T-1"));

        assertThat(issue.key()).isEqualTo("SUP-1");
        assertThat(jira.issues()).hasSize(1);
        assertThat(jira.requests(Kind.CREATE)).hasSize(1);
        assertThat(jira.requests(Kind.SEARCH)).hasSize(2); // before the create, and before the retry that found it
    }

    @Test
    void aCreateThatKeepsFailingOnTheServerEndsInASentenceAfterTheBoundedTries() {
        jira.fail(Kind.CREATE, 502, "Bad Gateway", 100);
        Problem p = problem(() -> tracker().push(JiraRig.ticket("T-1")));

        assertThat(p.key()).isEqualTo("jira.serverError");
        assertThat(TEXT.text(p)).contains("failed to create issue 3 times (HTTP 502: Bad Gateway)");
        assertThat(jira.requests(Kind.CREATE)).hasSize(3);
        assertThat(jira.requests(Kind.SEARCH)).hasSize(3);
    }

    @Test
    void aJiraThatNeverAnswersInTimeIsToldAfterTheBoundedTries() {
        jira.slow(Kind.MYSELF, JiraRig.REQUEST_TIMEOUT.multipliedBy(3), 100);
        long start = System.nanoTime();
        Problem p = problem(() -> tracker().check());

        assertThat(p.key()).isEqualTo("jira.timeout");
        assertThat(TEXT.text(p)).contains("within 2 s, 3 times");
        assertThat(jira.requests(Kind.MYSELF)).hasSize(3);
        // Three tries of a 2 s timeout (the waits between them are recorded, not slept): well under 15 s.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void theTokenIsInNoMessageAndNoLogLine() {
        String wrong = "ATATT3x-wrong-token-9c1e";
        List<String> said = new ArrayList<>();
        said.add(TEXT.text(problem(() -> tracker(jira.settings(), wrong).push(JiraRig.ticket("T-1")))));
        jira.fail(Kind.CREATE, 403, "no", 1);
        said.add(TEXT.text(problem(() -> tracker().push(JiraRig.ticket("T-2")))));
        jira.fail(Kind.SEARCH, 500, "boom", 100);
        said.add(TEXT.text(problem(() -> tracker().push(JiraRig.ticket("T-3")))));
        jira.fail(Kind.SEARCH, 0, "", 0);
        jira.slowAfterCreate(JiraRig.REQUEST_TIMEOUT.multipliedBy(3), 1);
        tracker().push(JiraRig.ticket("T-4"));
        said.add(JiraRig.link(jira.settings(), FakeJira.TOKEN).toString());
        log.list.forEach(e -> said.add(e.getFormattedMessage()));

        assertThat(log.list).isNotEmpty();
        String basic = Base64.getEncoder().encodeToString((FakeJira.EMAIL + ":" + FakeJira.TOKEN)
                .getBytes(StandardCharsets.UTF_8));
        for (String s : said) {
            assertThat(s).doesNotContain(FakeJira.TOKEN).doesNotContain(wrong).doesNotContain(basic);
        }
    }

    @Test
    void aProjectKeyThatIsNoKeyIsRefusedBeforeAnythingIsSent() {
        TrackerSettings s = JiraRig.withProject(jira.settings(), "SUP\" OR project = \"OPS", "Task");
        assertThatThrownBy(() -> tracker(s, FakeJira.TOKEN))
                .isInstanceOfSatisfying(Problem.class,
                        p -> assertThat(p.key()).isEqualTo("jira.settings.badProjectKey"));
        assertThat(jira.requests(Kind.SEARCH)).isEmpty();
    }

    @Test
    void aJiraThatIsNotThereIsNamedWithoutWaitingForEver() {
        TrackerSettings s = jira.settings();
        jira.close();
        assertThatThrownBy(() -> tracker(s, FakeJira.TOKEN).check())
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.key()).isEqualTo("jira.unreachable"));
    }
}
