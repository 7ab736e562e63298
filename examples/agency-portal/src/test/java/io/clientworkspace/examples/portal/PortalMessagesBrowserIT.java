package io.clientworkspace.examples.portal;

import io.clientworkspace.Actor;
import io.clientworkspace.ActorKind;
import io.clientworkspace.PageRequest;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.examples.portal.security.PortalUsers;
import io.clientworkspace.message.Conversation;
import io.clientworkspace.message.Message;
import io.clientworkspace.message.NewMessage;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Messages tab in a real browser (headless Chromium, set up as in {@link PortalBrowserIT}): carol posts a
 * message and never sees the internal note, bob posts an internal note that dave (Acme's client viewer) never
 * sees, not even when new messages arrive live, and editing and deleting leave "edited" (with the history for
 * the team) and "message deleted". Saves screenshots under {@code target/screenshots/}.
 *
 * <p>Runs on its own in-memory database (shared with {@link PortalMessagesIT}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:portal-messages;DB_CLOSE_DELAY=-1")
class PortalMessagesBrowserIT {

    private static final String DEMO_NOTE = "Their legal review is the bottleneck.";

    private static PortalBrowser browser;
    private static ChromeDriver driver;

    @LocalServerPort
    int port;

    @Autowired
    WorkspaceKit kit;

    @Autowired
    PortalTenant tenant;

    @Autowired
    PortalUsers users;

    private WebDriverWait wait;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = PortalBrowser.start();
        driver = browser.driver();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.stop();
        }
    }

    @BeforeEach
    void freshSession() {
        wait = browser.freshSession(port, Duration.ofSeconds(30));
    }

    @Test
    void carolPostsAMessageAndSeesNoInternalNote() {
        browser.signIn("carol");
        wait.until(ExpectedConditions.urlToBe(browser.url("/workspaces/acme")));
        driver.findElement(By.id("tab-messages")).click();
        browser.waitFor(By.cssSelector(".conversation-row[data-kind='GENERAL'] a.conversation-link")).click();
        WebElement thread = browser.waitFor(By.id("messages"));
        assertThat(thread.getText()).contains("could we move Thursday's review to Friday morning?")
                .doesNotContain(DEMO_NOTE, "Internal");
        assertThat(driver.findElements(By.id("internal-note"))).isEmpty();

        driver.findElement(By.id("message-body")).sendKeys("Friday 10:00 it is. Agenda: https://acme.test/agenda");
        driver.findElement(By.id("message-submit")).click();

        assertThat(browser.waitFor(By.id("notice")).getText()).isEqualTo("Message posted.");
        List<WebElement> items = driver.findElements(By.cssSelector(".message-item"));
        WebElement mine = items.get(items.size() - 1);
        assertThat(mine.getDomAttribute("data-author")).isEqualTo("carol");
        assertThat(mine.findElement(By.cssSelector(".message-body")).getText())
                .isEqualTo("Friday 10:00 it is. Agenda: https://acme.test/agenda");
        assertThat(mine.findElement(By.cssSelector(".message-body a")).getDomAttribute("href"))
                .isEqualTo("https://acme.test/agenda");
        assertThat(driver.findElements(By.cssSelector(".message-internal"))).isEmpty();
        assertThat(driver.getPageSource()).doesNotContain(DEMO_NOTE);
        browser.screenshot("messages-thread-client");

        List<Message> asTeam = kit.conversations().messages(actor("bob"), acme().id(), general().id(),
                PageRequest.first(500)).items();
        assertThat(asTeam.get(0).body()).isEqualTo("Friday 10:00 it is. Agenda: https://acme.test/agenda");
        assertThat(asTeam.get(0).visibility()).isEqualTo(Visibility.CLIENT);
    }

    @Test
    void bobPostsAnInternalNoteThatDaveNeverSeesNotEvenLive() {
        browser.signIn("bob");
        browser.open("/workspaces/acme/messages/" + general().id().value());
        browser.waitFor(By.id("message-body")).sendKeys("Internal: dave is only a viewer, keep him in the loop by mail.");
        driver.findElement(By.id("internal-note")).click();
        driver.findElement(By.id("message-submit")).click();

        assertThat(browser.waitFor(By.id("notice")).getText()).contains("Internal note posted");
        List<WebElement> notes = driver.findElements(By.cssSelector(".message-item.message-internal"));
        assertThat(notes).extracting(e -> e.findElement(By.cssSelector(".message-body")).getText())
                .contains("Internal: Friday works for us, but keep the launch date. " + DEMO_NOTE,
                        "Internal: dave is only a viewer, keep him in the loop by mail.");
        assertThat(notes.get(notes.size() - 1).findElement(By.cssSelector(".note-badge")).getText())
                .isEqualTo("Internal note · team only");
        browser.screenshot("messages-thread-team");

        browser.signOut();
        browser.signIn("dave");
        browser.open("/workspaces/acme/messages/" + general().id().value());
        browser.waitFor(By.id("messages"));
        assertThat(driver.getPageSource()).doesNotContain("dave is only a viewer", DEMO_NOTE);
        assertThat(driver.findElements(By.cssSelector(".message-internal"))).isEmpty();
        assertThat(driver.findElements(By.id("message-form"))).isEmpty();
        browser.screenshot("messages-thread-viewer");

        // While dave looks at the thread, bob writes a note and then a message for everyone: only the message arrives.
        kit.conversations().post(actor("bob"), acme().id(), general().id(), NewMessage.note("Live note dave must not see"));
        kit.conversations().post(actor("bob"), acme().id(), general().id(), NewMessage.of("Live hello to everyone"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Live hello to everyone"));
        assertThat(driver.getPageSource()).doesNotContain("Live note dave must not see", "dave is only a viewer");
        assertThat(driver.findElements(By.cssSelector(".message-internal"))).isEmpty();
    }

    @Test
    void editingShowsEditedWithHistoryForTheTeamAndDeletingLeavesATombstone() {
        Conversation topic = kit.conversations().startTopic(actor("bob"), acme().id(), "Copy for the hero banner",
                Visibility.CLIENT);
        Message posted = kit.conversations().post(actor("carol"), acme().id(), topic.id(), NewMessage.of("Headline: Fast"));
        String threadUrl = "/workspaces/acme/messages/" + topic.id().value();

        browser.signIn("carol");
        browser.open(threadUrl);
        WebElement item = browser.waitFor(By.id("message-" + posted.id().value()));
        item.findElement(By.cssSelector("details.edit summary")).click();
        WebElement editor = item.findElement(By.cssSelector(".edit-form textarea"));
        editor.clear();
        editor.sendKeys("Headline: Faster than ever");
        item.findElement(By.cssSelector(".edit-submit")).click();
        assertThat(browser.waitFor(By.id("notice")).getText()).isEqualTo("Message edited.");
        item = driver.findElement(By.id("message-" + posted.id().value()));
        assertThat(item.findElement(By.cssSelector(".message-body")).getText()).isEqualTo("Headline: Faster than ever");
        assertThat(item.findElement(By.cssSelector(".edited-mark")).getText()).isEqualTo("(edited)");
        assertThat(item.findElements(By.cssSelector("details.history"))).isEmpty();

        browser.signOut();
        browser.signIn("bob");
        browser.open(threadUrl);
        item = browser.waitFor(By.id("message-" + posted.id().value()));
        item.findElement(By.cssSelector("details.history summary")).click();
        assertThat(item.findElement(By.cssSelector(".revision[data-revision='1'] .message-body")).getText())
                .isEqualTo("Headline: Fast");
        browser.screenshot("messages-history-team");

        browser.signOut();
        browser.signIn("carol");
        browser.open(threadUrl);
        browser.waitFor(By.id("message-" + posted.id().value())).findElement(By.cssSelector(".delete-message")).click();
        assertThat(browser.waitFor(By.id("notice")).getText()).isEqualTo("Message deleted.");
        item = driver.findElement(By.id("message-" + posted.id().value()));
        assertThat(item.findElement(By.cssSelector(".message-deleted")).getText()).isEqualTo("message deleted");
        assertThat(item.getText()).doesNotContain("Faster than ever");
    }

    @Test
    void theTeamStartsAnInternalTopicThatClientsDoNotFindInTheList() {
        browser.signIn("bob");
        browser.open("/workspaces/acme/messages");
        browser.waitFor(By.id("topic-title")).sendKeys("Staffing for the relaunch");
        driver.findElement(By.id("topic-internal")).click();
        driver.findElement(By.id("topic-submit")).click();

        assertThat(browser.waitFor(By.id("internal-conversation")).getText()).isEqualTo("Internal · team only");
        browser.open("/workspaces/acme/messages");
        assertThat(titles()).contains("General", "Staffing for the relaunch");
        browser.screenshot("messages-list-team");

        browser.signOut();
        browser.signIn("carol");
        browser.open("/workspaces/acme/messages");
        browser.waitFor(By.id("conversations"));
        assertThat(titles()).contains("General").doesNotContain("Staffing for the relaunch");
        browser.screenshot("messages-list-client");
    }

    // ---- helpers ----

    private List<String> titles() {
        return driver.findElements(By.cssSelector(".conversation-row")).stream().map(e -> e.getDomAttribute("data-title"))
                .toList();
    }

    private Actor actor(String name) {
        boolean team = name.equals("alice") || name.equals("bob");
        return new Actor(tenant.id(), users.idOf(name).orElseThrow(), team ? ActorKind.TEAM : ActorKind.CLIENT);
    }

    private Workspace acme() {
        return kit.workspaces().findBySlug(actor("alice"), "acme").orElseThrow();
    }

    private Conversation general() {
        return kit.conversations().general(actor("bob"), acme().id());
    }
}
