package io.clientworkspace.spring.web;

import com.jayway.jsonpath.JsonPath;
import io.clientworkspace.Actor;
import io.clientworkspace.PageRequest;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.spring.web.app.RestTestApplication;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One running host app (in-memory stores, HTTP Basic) shared by every REST test class. Each test gets a
 * fresh tenant with its own users, so tests never see each other's data although the context is shared.
 *
 * <p>Users sign in with HTTP Basic: a team user holds {@code TENANT_<tenantId>} and
 * {@code ROLE_WORKSPACE_TEAM}, a client user only {@code TENANT_<tenantId>}, as
 * {@code DefaultActorResolver} expects.
 */
@SpringBootTest(classes = RestTestApplication.class, properties = "client-workspace.store=memory")
@AutoConfigureMockMvc
abstract class ApiTestSupport {

    static final String PASSWORD = "pw-for-tests";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    WorkspaceKit kit;

    @Autowired
    InMemoryUserDetailsManager users;

    /** The test's tenant and its first tenant admin (a team user). */
    TenantId tenant;
    Actor admin;

    @BeforeEach
    void newTenant() {
        String adminId = unique("admin");
        tenant = kit.tenants().create("Agency " + adminId, UserId.of(adminId)).id();
        admin = Actor.team(tenant, adminId);
        signUp(admin);
    }

    /** A name no other test uses. */
    static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet();
    }

    /** Registers the actor as an HTTP Basic user with the authorities the default resolver reads. */
    void signUp(Actor actor) {
        List<String> authorities = new ArrayList<>(List.of("TENANT_" + actor.tenantId().value()));
        if (actor.isTeam()) {
            authorities.add("ROLE_WORKSPACE_TEAM");
        }
        users.createUser(User.withUsername(actor.userId().value()).password("{noop}" + PASSWORD)
                .authorities(AuthorityUtils.createAuthorityList(authorities)).build());
    }

    /** Signs the request in as the actor. */
    static RequestPostProcessor as(Actor actor) {
        return httpBasic(actor.userId().value(), PASSWORD);
    }

    /** A team user on the tenant's roster with the given tenant role, able to sign in. */
    Actor teamUser(TenantId tenantId, Actor tenantAdmin, TenantRole role) {
        Actor user = Actor.team(tenantId, unique("team"));
        signUp(user); // first: the host's UserDirectory confirms only users who exist
        kit.tenants().addTeamMember(tenantAdmin, user.userId(), role);
        return user;
    }

    /** A client user of the tenant, able to sign in, not yet a member of anything. */
    Actor clientUser(TenantId tenantId) {
        Actor user = Actor.client(tenantId, unique("client"));
        signUp(user);
        return user;
    }

    /** A client user who is a member of the workspace with the given role. */
    Actor clientMember(Workspace workspace, Actor lead, WorkspaceRole role) {
        Actor user = clientUser(workspace.tenantId());
        kit.members().add(lead, workspace.id(), user.userId(), role);
        return user;
    }

    /** A workspace of the actor's tenant, created through the kit. */
    Workspace workspace(Actor creator) {
        String slug = unique("ws");
        return kit.workspaces().create(creator, NewWorkspace.of("Workspace " + slug, slug));
    }

    /** A second tenant with its own admin and one workspace, for isolation tests. */
    record OtherTenant(TenantId tenant, Actor admin, Workspace workspace) {
    }

    OtherTenant otherTenant() {
        String adminId = unique("other-admin");
        TenantId other = kit.tenants().create("Other " + adminId, UserId.of(adminId)).id();
        Actor otherAdmin = Actor.team(other, adminId);
        signUp(otherAdmin);
        return new OtherTenant(other, otherAdmin, workspace(otherAdmin));
    }

    /** The workspace as its tenant admin sees it now. */
    Workspace reread(Actor tenantAdmin, WorkspaceId id) {
        return kit.workspaces().get(tenantAdmin, id);
    }

    /** Every member of the workspace as its tenant admin sees it now. */
    List<Membership> members(Actor tenantAdmin, WorkspaceId id) {
        return kit.members().list(tenantAdmin, id, PageRequest.first(500)).items();
    }

    /** The top-level field names of a JSON object, for exact shape assertions. */
    static Set<String> fieldsOf(String json, String path) {
        Map<String, Object> object = JsonPath.read(json, path);
        return object.keySet();
    }

    /** Reads one value of a JSON document. */
    static <T> T read(String json, String path) {
        return JsonPath.read(json, path);
    }

    /** The response body of a request, asserting nothing. */
    String body(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getContentAsString();
    }

    /** Matches an RFC 9457 problem of the kit with the given status and code. */
    static ResultMatcher problem(int status, String code) {
        List<ResultMatcher> matchers = List.of(
                status().is(status),
                content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON),
                jsonPath("$.type").value(ProblemDetailsAdvice.TYPE_PREFIX + code),
                jsonPath("$.status").value(status),
                jsonPath("$.code").value(code));
        return result -> {
            for (ResultMatcher matcher : matchers) {
                matcher.match(result);
            }
        };
    }
}
